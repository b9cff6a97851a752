import { Decimal, InvalidArgumentError, irr, leaseCashFlows, leaseIrr, leaseNpv, leaseSchedule, leaseTotalRevenue, NoAnswerError, npv } from "../../src/calc";
import { between, prng, relErr } from "../support/rational";

/** Independent float model of the lease, written from the definition. */
function floatLease(mw: number, rate: number, years: number, r: number, esc = 0, capexPerMw = 0, opexPct = 0, build = 0) {
  const flows = [-capexPerMw * mw];
  for (let m = 1; m <= build; m++) flows.push(0);
  for (let k = 1; k <= years * 12; k++) {
    const revenue = mw * 1000 * rate * (1 + esc) ** Math.floor((k - 1) / 12);
    flows.push(revenue * (1 - opexPct));
  }
  let pv = 0;
  for (let m = flows.length - 1; m >= 0; m--) pv += flows[m] / (1 + r) ** (m / 12);
  return { flows, npv: pv };
}

describe("LEASENPV", () => {
  test("equals −capex + NPV((1+r)^(1/12) − 1, CF1..CFn), Excel's formula", () => {
    const terms = { critical_it_mw: 168, rate_usd_per_kw_month: 150, term_years: 10, escalator: 0.03, capex_usd_per_mw: 10e6, opex_pct_of_revenue: 0.15, build_months: 12 };
    const flows = leaseCashFlows(terms).map((m) => m.net);
    const monthly = new Decimal(1.1).pow(new Decimal(1).div(12)).sub(1);
    const excel = flows[0].add(npv(monthly, flows.slice(1)));
    expect(relErr(leaseNpv(terms, 0.1).toNumber(), excel.toNumber())).toBeLessThan(1e-15);
  });

  test("agrees with an independent float model to 1e-10 relative on 300 varied leases", () => {
    const rand = prng(314);
    for (let i = 0; i < 300; i++) {
      const mw = between(rand, 1, 1000);
      const rate = between(rand, 50, 300);
      const years = [5, 10, 12.5, 15, 20, 25, 30][i % 7];
      const r = between(rand, 0.01, 0.25);
      const esc = between(rand, 0, 0.05, false);
      const capex = between(rand, 1e6, 12e6);
      const opex = between(rand, 0, 0.3, false);
      const build = Math.floor(rand() * 24);
      const expected = floatLease(mw, rate, years, r, esc, capex, opex, build).npv;
      const got = leaseNpv({ critical_it_mw: mw, rate_usd_per_kw_month: rate, term_years: years, escalator: esc, capex_usd_per_mw: capex, opex_pct_of_revenue: opex, build_months: build }, r).toNumber();
      // relative to the scale of the flows, since an NPV can be near zero
      expect(Math.abs(got - expected) / (capex * mw)).toBeLessThan(1e-10);
    }
  });

  test("the schedule's present values sum to the NPV exactly", () => {
    const terms = { critical_it_mw: 245, rate_usd_per_kw_month: 128, term_years: 15, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.12, build_months: 18 };
    const rows = leaseSchedule(terms, 0.09);
    const sum = rows.reduce((s, r) => s.add(r.presentValue), new Decimal(0));
    expect(sum.eq(leaseNpv(terms, 0.09))).toBe(true);
    expect(rows).toHaveLength(1 + 18 + 180);
    expect(rows[0].capex.toNumber()).toBe(245 * 9e6);
    expect(rows[18].revenue.toNumber()).toBe(0); // last build month
    expect(rows[19].revenue.toNumber()).toBe(245 * 1000 * 128); // first lease month
    expect(rows[19 + 12].revenue.toNumber()).toBeCloseTo(245 * 1000 * 128 * 1.03, 6); // escalates after 12 lease months
    expect(rows[30].revenue.toNumber()).toBe(245 * 1000 * 128);
  });
});

describe("public deals: total undiscounted revenue reproduces the headline contract value", () => {
  // ../shared/reference/lease-deals.md
  test("Hut 8 / Fluidstack (Anthropic): 245 MW, 15 years, 3% escalator, $7.0B ⇒ ~$128/kW-month in year 1", () => {
    const tcv = leaseTotalRevenue({ critical_it_mw: 245, rate_usd_per_kw_month: 128, term_years: 15, escalator: 0.03 }).toNumber();
    expect(relErr(tcv, 7.0e9)).toBeLessThan(0.005);
  });
  test("Cipher / Fluidstack: 168 MW, 10 years, ~$3.0B ⇒ ~$148.8/kW-month flat", () => {
    const tcv = leaseTotalRevenue({ critical_it_mw: 168, rate_usd_per_kw_month: 148.8, term_years: 10 }).toNumber();
    expect(relErr(tcv, 3.0e9)).toBeLessThan(0.001);
  });
  test("Core Scientific / CoreWeave: 200 MW, 12 years, ~$3.5B ⇒ ~$121.5/kW-month", () => {
    const tcv = leaseTotalRevenue({ critical_it_mw: 200, rate_usd_per_kw_month: 121.5, term_years: 12 }).toNumber();
    expect(relErr(tcv, 3.5e9)).toBeLessThan(0.001);
  });
});

describe("LEASEIRR", () => {
  test("sets the lease NPV to zero, on varied leases", () => {
    const rand = prng(2718);
    for (let i = 0; i < 60; i++) {
      const terms = {
        critical_it_mw: between(rand, 10, 500),
        rate_usd_per_kw_month: between(rand, 100, 250),
        term_years: [10, 15, 20, 30][i % 4],
        escalator: between(rand, 0, 0.04, false),
        capex_usd_per_mw: between(rand, 6e6, 12e6),
        opex_pct_of_revenue: between(rand, 0.05, 0.2, false),
        build_months: Math.floor(rand() * 24),
      };
      const r = leaseIrr(terms);
      const scale = Number(terms.capex_usd_per_mw) * Number(terms.critical_it_mw);
      expect(Math.abs(leaseNpv(terms, r).toNumber()) / scale).toBeLessThan(1e-10);
    }
  });

  test("is the monthly IRR annualised: (1 + irr)^12 − 1", () => {
    const terms = { critical_it_mw: 200, rate_usd_per_kw_month: 150, term_years: 10, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.15 };
    const monthly = irr(leaseCashFlows(terms).map((m) => m.net)).toNumber();
    expect(relErr(leaseIrr(terms).toNumber(), (1 + monthly) ** 12 - 1)).toBeLessThan(1e-12);
  });

  test("no capex means no investment: no answer", () => {
    expect(() => leaseIrr({ critical_it_mw: 200, rate_usd_per_kw_month: 150, term_years: 10 })).toThrow(NoAnswerError);
  });

  test("a lease that never earns back its capex has a negative IRR, and one that earns nothing has none", () => {
    expect(leaseIrr({ critical_it_mw: 10, rate_usd_per_kw_month: 10, term_years: 10, capex_usd_per_mw: 9e6 }).toNumber()).toBeLessThan(0);
    expect(() => leaseIrr({ critical_it_mw: 10, rate_usd_per_kw_month: 0, term_years: 10, capex_usd_per_mw: 9e6 })).toThrow(NoAnswerError);
  });
});

describe("invalid terms", () => {
  test.each([
    [{ term_years: 10.1 }, /term_years must be a whole number of months in years/],
    [{ term_years: 0 }, /term_years must be a number greater than 0/],
    [{ critical_it_mw: 0 }, /critical_it_mw must be a number greater than 0/],
    [{ opex_pct_of_revenue: 1.5 }, /opex_pct_of_revenue must be a fraction from 0 to 1/],
    [{ build_months: 2.5 }, /build_months must be a whole number/],
    [{ escalator: -1 }, /escalator must be a rate greater than -1/],
    [{ term_years: 101 }, /term_years must be at most 100 years/],
  ])("%p is refused", (change, message) => {
    const terms = { critical_it_mw: 100, rate_usd_per_kw_month: 150, term_years: 10, ...change };
    expect(() => leaseNpv(terms, 0.1)).toThrow(InvalidArgumentError);
    expect(() => leaseNpv(terms, 0.1)).toThrow(message);
  });
  test("a discount rate of −100% is refused", () => {
    expect(() => leaseNpv({ critical_it_mw: 100, rate_usd_per_kw_month: 150, term_years: 10 }, -1)).toThrow(/discount_rate must be a rate greater than -1/);
  });
});
