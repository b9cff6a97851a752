import { Decimal, InvalidArgumentError, irr, leaseCashFlows, leaseIrr, leaseNpv, leaseSchedule, LeaseTerms, leaseTotalRevenue, NoAnswerError, npv } from "../../src/calc";
import { floatLease as floatLeaseModel } from "../support/float-models";
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
  // The companies' announcements (press releases / SEC filings), as the project's reference notes list them.
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
    [{ term_years: 7 + 4 / 12 + 1e-8 }, /term_years must be a whole number of months in years/],
    [{ rent_timing: 2 }, /rent_timing must be 0 or 1 \(0 = end of month, 1 = beginning of month\)/],
    [{ capex_timing: 0.5 }, /capex_timing must be 0 or 1/],
    [{ exit_cap_rate: -0.05 }, /exit_cap_rate must be a fraction from 0 to 1/],
    [{ exit_cap_rate: 7 }, /exit_cap_rate must be a fraction from 0 to 1/],
    [{ phases: [] }, /phases must be a range of rows \(build months until ready for service, critical IT MW\); got no rows/],
    [{ phases: [[0, 50, 1]] }, /phases must be a 2-column range.*got 3 cells in row 1/],
    [{ phases: [[0, 50], [2.5, 50]] }, /phases must be .*; got row 2: build months 2.5$/],
    [{ phases: [[0, 50], [-1, 50]] }, /phases must be .*; got row 2: build months -1$/],
    [{ phases: [[0, 50], [6, 0]] }, /phases must be .*; got row 2: critical IT MW 0$/],
    [{ phases: [[0, 50], [6, "x"]] }, /phases must be .*; got row 2: critical IT MW "x"$/],
    [{ phases: [[0, 50], [1190, 10]] }, /term_years must be at most 10 months in years .* after 1190 months of the longest build in phases/],
  ])("%p is refused", (change, message) => {
    const terms = { critical_it_mw: 100, rate_usd_per_kw_month: 150, term_years: 10, ...change };
    expect(() => leaseNpv(terms, 0.1)).toThrow(InvalidArgumentError);
    expect(() => leaseNpv(terms, 0.1)).toThrow(message);
  });
  test("a discount rate of −100% is refused", () => {
    expect(() => leaseNpv({ critical_it_mw: 100, rate_usd_per_kw_month: 150, term_years: 10 }, -1)).toThrow(/discount_rate must be a rate greater than -1/);
  });
});

/** The README's example lease (the lease leg of the 100 MW conversion). */
const EXAMPLE: LeaseTerms = { critical_it_mw: 100 / 1.4, rate_usd_per_kw_month: 150, term_years: 10, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.15, build_months: 12 };
const EXAMPLE_FLOAT = { mw: 100 / 1.4, rate: 150, years: 10, esc: 0.03, capexPerMw: 9e6, opexPct: 0.15, build: 12 };

describe("lease timing", () => {
  test("the README's example lease: $5.3M; rent in advance $11.5M (the issue's figures)", () => {
    expect(leaseNpv(EXAMPLE, 0.12).toNumber() / 1e6).toBeCloseTo(5.33, 2);
    expect(leaseNpv({ ...EXAMPLE, rent_timing: 1 }, 0.12).toNumber() / 1e6).toBeCloseTo(11.48, 2);
  });

  test("capex over the build, drawn at the start of build months 0..11 as specified: $37.5M (the issue's $43.3M draws at the ends, months 1..12)", () => {
    const got = leaseNpv({ ...EXAMPLE, capex_timing: 1 }, 0.12).toNumber();
    expect(relErr(got, floatLeaseModel({ ...EXAMPLE_FLOAT, capexTiming: 1 }, 0.12).npv)).toBeLessThan(1e-12);
    expect(got / 1e6).toBeCloseTo(37.55, 2);
    // The issue's $43.3M: the same capex drawn one month later, at the ends of months 1..12 (not what it specifies).
    const endDraws = floatLeaseModel({ ...EXAMPLE_FLOAT, capexPerMw: 0 }, 0.12).npv - Array.from({ length: 12 }, (_, i) => (9e6 * (100 / 1.4)) / 12 / 1.12 ** ((i + 1) / 12)).reduce((a, b) => a + b);
    expect(endDraws / 1e6).toBeCloseTo(43.29, 2);
  });

  test("rent in advance moves lease month k's rent from month b + k to b + k − 1", () => {
    const end = leaseCashFlows(EXAMPLE);
    const adv = leaseCashFlows({ ...EXAMPLE, rent_timing: 1 });
    expect(adv).toHaveLength(end.length); // the horizon is still build + term
    for (let m = 0; m < end.length - 1; m++) expect(adv[m].revenue.eq(end[m + 1].revenue)).toBe(true);
    expect(adv[end.length - 1].revenue.isZero()).toBe(true);
    expect(adv[11].revenue.isZero()).toBe(true);
    expect(adv[12].revenue.toNumber()).toBeCloseTo((100 / 1.4) * 150_000, 6); // first rent, paid as the build ends
  });

  test("capex over the build is capex / build at months 0..build−1; with no build it is all at month 0", () => {
    const rows = leaseCashFlows({ ...EXAMPLE, capex_timing: 1 });
    const total = new Decimal(9e6).mul(100 / 1.4); // the MW as the double passed
    for (let m = 0; m < 12; m++) expect(rows[m].capex.eq(total.div(12))).toBe(true);
    expect(rows.slice(12).every((r) => r.capex.isZero())).toBe(true);
    const noBuild = leaseCashFlows({ ...EXAMPLE, build_months: 0, capex_timing: 1 });
    expect(noBuild[0].capex.eq(total)).toBe(true);
    expect(noBuild.slice(1).every((r) => r.capex.isZero())).toBe(true);
  });

  test("agrees with the float model under every timing and exit option, on 200 varied leases", () => {
    const rand = prng(4242);
    for (let i = 0; i < 200; i++) {
      const f = {
        mw: between(rand, 1, 500),
        rate: between(rand, 50, 250),
        years: [0.5, 1, 5, 7.25, 10, 15][i % 6],
        esc: between(rand, 0, 0.05, false),
        capexPerMw: between(rand, 1e6, 12e6),
        opexPct: between(rand, 0, 0.2, false),
        build: Math.floor(rand() * 24),
        rentTiming: (i % 2) as 0 | 1,
        capexTiming: (Math.floor(i / 2) % 2) as 0 | 1,
        exitCap: i % 3 === 0 ? 0 : between(rand, 0.05, 0.1),
      };
      const r = between(rand, 0.03, 0.2);
      const terms: LeaseTerms = { critical_it_mw: f.mw, rate_usd_per_kw_month: f.rate, term_years: f.years, escalator: f.esc, capex_usd_per_mw: f.capexPerMw, opex_pct_of_revenue: f.opexPct, build_months: f.build, rent_timing: f.rentTiming, capex_timing: f.capexTiming, exit_cap_rate: f.exitCap };
      const expected = floatLeaseModel(f, r);
      expect(Math.abs(leaseNpv(terms, r).toNumber() - expected.npv) / (f.capexPerMw * f.mw)).toBeLessThan(1e-10);
      const rows = leaseCashFlows(terms);
      rows.forEach((row, m) => expect(Math.abs(row.net.toNumber() - expected.flows[m]) / (f.capexPerMw * f.mw)).toBeLessThan(1e-12));
    }
  });
});

describe("lease terminal value (exit_cap_rate)", () => {
  test("the final lease year's NOI ÷ the cap rate, received with the last month's rent", () => {
    const rows = leaseCashFlows({ ...EXAMPLE, exit_cap_rate: 0.07 });
    const noi = (100 / 1.4) * 150_000 * 1.03 ** 9 * 12 * 0.85; // year 10's rent less 15% opex
    const last = rows[rows.length - 1];
    expect(last.month).toBe(132);
    expect(relErr(last.terminalValue.toNumber(), noi / 0.07)).toBeLessThan(1e-14);
    expect(rows.filter((r) => !r.terminalValue.isZero())).toHaveLength(1);
    expect(relErr(last.net.toNumber(), noi / 12 + noi / 0.07)).toBeLessThan(1e-14);
    // in advance, it comes with the last rent, a month earlier
    const adv = leaseCashFlows({ ...EXAMPLE, exit_cap_rate: 0.07, rent_timing: 1 });
    expect(adv[131].terminalValue.eq(last.terminalValue)).toBe(true);
  });

  test("0 or blank means none; a term under a year annualises its NOI", () => {
    expect(leaseNpv({ ...EXAMPLE, exit_cap_rate: 0 }, 0.1).eq(leaseNpv(EXAMPLE, 0.1))).toBe(true);
    const half = leaseCashFlows({ critical_it_mw: 10, rate_usd_per_kw_month: 100, term_years: 0.5, exit_cap_rate: 0.08 });
    expect(relErr(half[6].terminalValue.toNumber(), (10 * 100_000 * 12) / 0.08)).toBeLessThan(1e-15);
  });

  test("an exit value raises the IRR, and the IRR still zeroes the NPV", () => {
    const withExit = { ...EXAMPLE, exit_cap_rate: 0.075 };
    const r = leaseIrr(withExit);
    expect(r.gt(leaseIrr(EXAMPLE))).toBe(true);
    expect(Math.abs(leaseNpv(withExit, r).toNumber()) / 6.4e8).toBeLessThan(1e-10);
  });
});

describe("phased deliveries", () => {
  // Hut 8 River Bend-like: 245 MW in halls from Q2 2027 through 2027 (lease-deals.md), triple-net opex ~1.5%.
  const halls: [number, number][] = [
    [18, 61.25],
    [21, 61.25],
    [24, 61.25],
    [27, 61.25],
  ];
  const common = { rate_usd_per_kw_month: 128, term_years: 15, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.015, exit_cap_rate: 0.07 };

  test.each([
    ["at month end, capex at month 0", {}],
    ["in advance, capex over each phase's build", { rent_timing: 1, capex_timing: 1 }],
  ])("a phased lease equals the sum of one lease per phase (%s)", (_, timing) => {
    const phased = { ...common, ...timing, phases: halls };
    const one = (b: number, mw: number) => ({ ...common, ...timing, critical_it_mw: mw, build_months: b });
    for (const r of [0, 0.09, 0.2]) {
      const sum = halls.reduce((s, [b, mw]) => s.add(leaseNpv(one(b, mw), r)), new Decimal(0));
      expect(leaseNpv(phased, r).sub(sum).abs().div(sum.abs()).lt(1e-30)).toBe(true);
    }
    // month by month too, and against the float model
    const rows = leaseCashFlows(phased);
    expect(rows).toHaveLength(27 + 180 + 1);
    const singles = halls.map(([b, mw]) => leaseCashFlows(one(b, mw)));
    rows.forEach((row, m) => {
      const sum = singles.reduce((s, l) => s.add(l[m]?.net ?? 0), new Decimal(0));
      expect(row.net.sub(sum).abs().lt(1e-20)).toBe(true);
    });
    const t = timing as { rent_timing?: 0 | 1; capex_timing?: 0 | 1 };
    const f = floatLeaseModel({ mw: 0, rate: 128, years: 15, esc: 0.03, capexPerMw: 9e6, opexPct: 0.015, exitCap: 0.07, rentTiming: t.rent_timing, capexTiming: t.capex_timing, phases: halls }, 0.09);
    expect(relErr(leaseNpv(phased, 0.09).toNumber(), f.npv)).toBeLessThan(1e-12);
  });

  test("each phase's rent starts at its own date and escalates on its own anniversaries", () => {
    const rows = leaseCashFlows({ ...common, exit_cap_rate: 0, opex_pct_of_revenue: 0, phases: [[0, 10], [5, 20]] });
    const rent = (mw: number, years: number) => mw * 128_000 * 1.03 ** years;
    expect(rows[1].revenue.toNumber()).toBeCloseTo(rent(10, 0), 6);
    expect(rows[6].revenue.toNumber()).toBeCloseTo(rent(10, 0) + rent(20, 0), 6);
    expect(rows[13].revenue.toNumber()).toBeCloseTo(rent(10, 1) + rent(20, 0), 6); // phase 1's first anniversary
    expect(rows[18].revenue.toNumber()).toBeCloseTo(rent(10, 1) + rent(20, 1), 6); // phase 2's
    expect(rows[180].revenue.toNumber()).toBeCloseTo(rent(10, 14) + rent(20, 14), 4); // phase 1's last month
    expect(rows[185].revenue.toNumber()).toBeCloseTo(rent(20, 14), 4); // phase 2 runs its full term
    expect(rows).toHaveLength(186);
    expect(leaseTotalRevenue({ ...common, phases: [[0, 10], [5, 20]] }).toNumber()).toBeCloseTo(30 * 128_000 * 12 * ((1.03 ** 15 - 1) / 0.03), 2);
  });

  test("phases replace critical_it_mw and build_months", () => {
    const a = leaseNpv({ ...common, phases: [[12, 100]], critical_it_mw: 999, build_months: 3 }, 0.1);
    expect(a.eq(leaseNpv({ ...common, critical_it_mw: 100, build_months: 12 }, 0.1))).toBe(true);
  });

  test("the IRR of a phased lease zeroes its NPV", () => {
    const phased = { ...common, phases: halls, capex_timing: 1 };
    const r = leaseIrr(phased);
    expect(Math.abs(leaseNpv(phased, r).toNumber()) / (245 * 9e6)).toBeLessThan(1e-10);
  });
});

describe("terms in years", () => {
  test("a term within 1e-9 of a whole month is that month: =7+4/12 is 88 months", () => {
    const rows = leaseCashFlows({ critical_it_mw: 10, rate_usd_per_kw_month: 100, term_years: 7 + 4 / 12 });
    expect(rows).toHaveLength(89);
    expect(leaseCashFlows({ critical_it_mw: 10, rate_usd_per_kw_month: 100, term_years: 88 / 12 + 5e-11 })).toHaveLength(89);
  });
});

describe("tenant credit (tenant_default_annual, default_recovery_pct)", () => {
  /** Survival to schedule month m, counted from month 0: (1 − p)^(m/12), in floats. */
  const survival = (p: number, m: number) => (1 - p) ** (m / 12);

  test("each month's rent is the contracted rent × (S(m) + (1 − S(m)) × recovery); opex and the exit value follow it, capex does not", () => {
    for (const rent_timing of [0, 1]) {
      const terms: LeaseTerms = { ...EXAMPLE, exit_cap_rate: 0.08, rent_timing };
      const contracted = leaseCashFlows(terms);
      const expected = leaseCashFlows({ ...terms, tenant_default_annual: 0.05, default_recovery_pct: 0.3 });
      expect(expected).toHaveLength(contracted.length);
      let finalYearNoi = 0;
      expected.forEach((r, m) => {
        const factor = survival(0.05, m) + (1 - survival(0.05, m)) * 0.3;
        const rent = contracted[m].revenue.toNumber() * factor;
        expect(r.revenue.toNumber()).toBeNear(rent, { rel: 1e-14, abs: 1e-6, label: `revenue, month ${m}` });
        expect(r.opex.toNumber()).toBeNear(0.15 * rent, { rel: 1e-14, abs: 1e-6, label: `opex, month ${m}` });
        expect(r.capex.eq(contracted[m].capex)).toBe(true);
        if (m > contracted.length - 13 - rent_timing && m <= contracted.length - 1 - rent_timing) finalYearNoi += 0.85 * rent;
      });
      const exit = expected.find((r) => !r.terminalValue.isZero());
      expect(exit?.terminalValue.toNumber()).toBeNear(finalYearNoi / 0.08, { rel: 1e-13, label: "exit value" });
    }
  });

  test("the NPV lost is the closed form Σ (1 − opex) × rent × (1 − recovery) × (1 − S(m)) × (1 + r)^(−m/12)", () => {
    const lost = (p: number, recovery: number) => {
      let pv = 0;
      leaseCashFlows(EXAMPLE).forEach((r, m) => {
        pv += (0.85 * r.revenue.toNumber() * (1 - recovery) * (1 - survival(p, m))) / 1.12 ** (m / 12);
      });
      return pv;
    };
    const base = leaseNpv(EXAMPLE, 0.12).toNumber();
    for (const [p, recovery] of [
      [0.02, 0],
      [0.02, 0.5],
      [0.1, 0.25],
    ]) {
      const got = base - leaseNpv({ ...EXAMPLE, tenant_default_annual: p, default_recovery_pct: recovery }, 0.12).toNumber();
      expect(got).toBeNear(lost(p, recovery), { rel: 1e-12, label: `NPV lost at p = ${p}, recovery ${recovery}` });
    }
    // the README's 100 MW lease at 2% a year, counted from month 0 (the build at risk): $65.4M lost, $32.7M with 50% recovery
    expect((base - leaseNpv({ ...EXAMPLE, tenant_default_annual: 0.02 }, 0.12).toNumber()) / 1e6).toBeCloseTo(65.45, 2);
  });

  test("the issue's $53.6M and $26.8M count survival from the first rent: the lease without its build, discounted one more year, gives them", () => {
    // with no build, schedule month m is lease month k, so S counts from the first rent; the build's year is then discounted at 12%
    const noBuild = { ...EXAMPLE, build_months: 0 };
    const lossFromFirstRent = (recovery: number) =>
      (leaseNpv(noBuild, 0.12).toNumber() - leaseNpv({ ...noBuild, tenant_default_annual: 0.02, default_recovery_pct: recovery }, 0.12).toNumber()) / 1.12;
    expect(lossFromFirstRent(0) / 1e6).toBeCloseTo(53.6, 1);
    expect(lossFromFirstRent(0.5) / 1e6).toBeCloseTo(26.8, 1);
  });

  test("no default (omitted, or 0 with any recovery) is today's schedule exactly; full recovery too", () => {
    const today = leaseCashFlows({ ...EXAMPLE, exit_cap_rate: 0.08 });
    const same = (rows: ReturnType<typeof leaseCashFlows>) =>
      rows.length === today.length && rows.every((r, m) => r.revenue.eq(today[m].revenue) && r.opex.eq(today[m].opex) && r.net.eq(today[m].net) && r.terminalValue.eq(today[m].terminalValue));
    expect(same(leaseCashFlows({ ...EXAMPLE, exit_cap_rate: 0.08, tenant_default_annual: 0, default_recovery_pct: 0.5 }))).toBe(true);
    expect(same(leaseCashFlows({ ...EXAMPLE, exit_cap_rate: 0.08, tenant_default_annual: 0.3, default_recovery_pct: 1 }))).toBe(true);
  });

  test("LEASEIRR falls with the tenant's credit and still zeroes the NPV", () => {
    const risky = { ...EXAMPLE, tenant_default_annual: 0.02 };
    const r = leaseIrr(risky);
    expect(r.toNumber()).toBeLessThan(leaseIrr(EXAMPLE).toNumber());
    expect(Math.abs(leaseNpv(risky, r).toNumber())).toBeLessThan(1e-3);
  });

  test("a default rate or recovery outside 0–1 is refused, naming it", () => {
    expect(() => leaseNpv({ ...EXAMPLE, tenant_default_annual: -0.02 }, 0.12)).toThrow(/tenant_default_annual must be a fraction from 0 to 1/);
    expect(() => leaseNpv({ ...EXAMPLE, tenant_default_annual: 0.02, default_recovery_pct: 1.5 }, 0.12)).toThrow(/default_recovery_pct must be a fraction from 0 to 1/);
  });
});
