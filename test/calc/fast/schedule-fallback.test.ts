/**
 * Where the schedules' fast paths must decline, they do, and the double entry points then give the
 * decimal path's own answer or error: an NPV that is exactly 0 while its parts are not, a month
 * whose revenue equals its running cost in exact arithmetic (only the decimal path's rounding
 * decides whether it runs), a fleet larger than the network, CONVERSIONTIMING's last row with an
 * exit value (exactly 0: its sign is the decimal path's rounding), a net of exactly 0, arguments
 * given as decimal strings. A spy shows the decimal function runs for these, and not for a
 * certified call. And the exact-decimal rewrites give the same decimals as the definitions.
 */
import * as lease from "../../../src/calc/lease";
import * as schedule from "../../../src/calc/mining-schedule";
import * as timing from "../../../src/calc/conversion-timing";
import { conversionLegs, Decimal, gpuCloudCashFlows, LeaseTerms, ONE, ZERO } from "../../../src/calc";
import { leaseNpvDouble, leaseNpvFast } from "../../../src/calc/fast/lease-npv";
import { leaseIrrDouble, leaseIrrFast } from "../../../src/calc/fast/lease-irr";
import { miningNpvDouble, miningNpvFast } from "../../../src/calc/fast/mining-value";
import { conversionTimingDoubles, conversionTimingFast } from "../../../src/calc/fast/conversion-timing";
import { conversionPathLegs } from "../../../src/calc/simulation/deterministic-legs";
import { outcome } from "../../support/fast-paths";
import { FAMILIES, prng } from "../../support/input-families";
import { conversionPlan, gpuPlan, leasePlan } from "../../support/schedule-plans";
import { README_CONVERSION } from "../readme-example";

afterEach(() => jest.restoreAllMocks());

describe("the schedules' fast paths decline, and the decimal path answers", () => {
  test("LEASENPV exactly 0 (12 months of $1/kW on 1 MW against $12,000 of capex, undiscounted): its parts are not", () => {
    const terms: LeaseTerms = { critical_it_mw: 1, rate_usd_per_kw_month: 1, term_years: 1, capex_usd_per_mw: 12_000 };
    expect(leaseNpvFast(terms, 0)).toBeNaN();
    const spy = jest.spyOn(lease, "leaseNpv");
    expect(Object.is(leaseNpvDouble(terms, 0), 0)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    // and a certified call does not run it
    expect(leaseNpvDouble({ ...terms, capex_usd_per_mw: 11_000 }, 0.1)).toBe(
      lease.leaseNpv({ ...terms, capex_usd_per_mw: 11_000 }, 0.1).toNumber(),
    );
    expect(spy).toHaveBeenCalledTimes(2);
    jest.clearAllMocks();
    leaseNpvDouble({ ...terms, capex_usd_per_mw: 11_000 }, 0.1);
    expect(spy).not.toHaveBeenCalled();
  });

  test("MININGNPV where month 1's revenue equals its power cost in exact arithmetic: the decimal path's rounding decides", () => {
    // 1 TH/s (1 MW at 10^6 J/TH) earns 365/12 × TH_DAY × 3.125 × 12,288 / (TH_DAY × 1,024) = $1,140.625
    // a month at difficulty TH_DAY × 1,024 (a decimal exactly); 730,000 kWh at $0.0015625 cost the same
    const plan = {
      site_mw: 1,
      efficiency_j_th: 1e6,
      pue: 1,
      power_price_kwh: 0.0015625,
      btc_price: 12_288,
      difficulty: 20_599_365_234.375,
      start_height: 840_000,
      months: 1,
    };
    expect(miningNpvFast(plan, 0.1)).toBeNaN();
    const spy = jest.spyOn(schedule, "miningNpv");
    expect(miningNpvDouble(plan, 0.1)).toBe(schedule.miningNpv(plan, 0.1).toNumber());
    expect(spy).toHaveBeenCalledTimes(2);
    // a cent more power: the month is certainly off, and the fast path answers
    expect(miningNpvFast({ ...plan, power_price_kwh: 0.0016 }, 0.1)).toBe(
      schedule.miningNpv({ ...plan, power_price_kwh: 0.0016 }, 0.1).toNumber(),
    );
  });

  test("MININGNPV with a fleet larger than the network: the decimal path's refusal, message and all", () => {
    const plan = { ...README_CONVERSION, months: 24, difficulty: 1e9 };
    expect(miningNpvFast(plan, 0.12)).toBeNaN();
    expect(outcome(() => miningNpvDouble(plan, 0.12))).toBe(outcome(() => schedule.miningNpv(plan, 0.12)));
    expect(outcome(() => miningNpvDouble(plan, 0.12))).toMatch(/^InvalidArgumentError: site_mw/);
  });

  test("CONVERSIONTIMING with an exit value: its last row is 0 in exact arithmetic, and the decimal table (with its rounding of it) is returned", () => {
    const plan = { ...README_CONVERSION, exit_cap_rate: 0.07 };
    expect(conversionTimingFast(plan)).toBeUndefined();
    const spy = jest.spyOn(timing, "conversionTiming");
    const t = conversionTimingDoubles(plan);
    expect(spy).toHaveBeenCalledTimes(1);
    const want = timing.conversionTiming(plan);
    expect(t.rows.map((r) => r.value)).toEqual(want.rows.map((r) => r.value.toNumber() || 0));
    // 0 in exact arithmetic; the decimal path's rounding of it (here −2e-31) is what it returns
    expect(Math.abs(t.rows[t.horizonMonths].value)).toBeLessThan(1e-20);
    // without the exit value it is certified, row for row
    const certified = conversionTimingFast(README_CONVERSION);
    expect(certified?.rows.map((r) => r.value)).toEqual(
      timing.conversionTiming(README_CONVERSION).rows.map((r) => r.value.toNumber()),
    );
  });

  test("LEASEIRR whose month-0 net is exactly 0 (rent in advance equal to the capex): the decimal path's answer or error", () => {
    const terms: LeaseTerms = {
      critical_it_mw: 1,
      rate_usd_per_kw_month: 100,
      term_years: 5,
      capex_usd_per_mw: 100_000,
      rent_timing: 1,
      capex_timing: 1,
      build_months: 0,
    };
    expect(leaseIrrFast(terms)).toBeNaN();
    expect(outcome(() => leaseIrrDouble(terms))).toBe(outcome(() => lease.leaseIrr(terms)));
  });

  test("arguments given as decimal strings or Decimals go to the decimal path", () => {
    const terms: LeaseTerms = { critical_it_mw: "100", rate_usd_per_kw_month: 150, term_years: 10 };
    expect(leaseNpvFast(terms, 0.1)).toBeNaN();
    expect(leaseNpvDouble(terms, new Decimal("0.1"))).toBe(lease.leaseNpv(terms, "0.1").toNumber());
  });
});

describe("the exact-decimal rewrites give the definitions' decimals", () => {
  /** The lease schedule month by month, as it was defined before a lease year's values were shared. */
  function monthByMonth(terms: LeaseTerms): string[] {
    const t = lease.validateLease(terms);
    const n = t.lastMonth + 1;
    const col = { r: Array(n).fill(ZERO), o: Array(n).fill(ZERO), c: Array(n).fill(ZERO), v: Array(n).fill(ZERO) };
    const credit = lease.rentCreditFactors(t);
    for (const p of t.phases) {
      const capex = t.capexPerMw.mul(p.criticalItMw);
      if (t.capexOverBuild && p.buildMonths > 0) {
        const per = capex.div(p.buildMonths);
        for (let m = 0; m < p.buildMonths; m++) col.c[m] = col.c[m].add(per);
      } else col.c[0] = col.c[0].add(capex);
      const shift = t.rentInAdvance ? 1 : 0;
      let rent = p.criticalItMw.mul(1000).mul(t.rate);
      let noi = ZERO;
      for (let k = 1; k <= t.leaseMonths; k++) {
        if (k > 1 && (k - 1) % 12 === 0) rent = rent.mul(ONE.add(t.escalator));
        const m = p.buildMonths + k - shift;
        const e = credit ? rent.mul(credit[m]) : rent;
        const o = e.mul(t.opexShare);
        col.r[m] = col.r[m].add(e);
        col.o[m] = col.o[m].add(o);
        if (k > t.leaseMonths - 12) noi = noi.add(e.sub(o));
      }
      if (t.exitCapRate) {
        const T = t.leaseMonths;
        const annual = T < 12 ? noi.mul(12).div(T) : noi;
        const m = p.buildMonths + T - shift;
        col.v[m] = col.v[m].add(annual.div(t.exitCapRate));
      }
    }
    return col.r.map((r, m) =>
      [r, col.o[m], col.c[m], col.v[m], r.sub(col.o[m]).sub(col.c[m]).add(col.v[m])].map(String).join(" "),
    );
  }

  test("leaseCashFlows: every column of every month, on random leases of every family", () => {
    for (const family of FAMILIES) {
      const rand = prng(17 + family.length);
      for (let i = 0; i < 12; i++) {
        const { terms } = leasePlan(rand, family);
        let got: string[] | string;
        try {
          got = lease
            .leaseCashFlows(terms)
            .map((r) => [r.revenue, r.opex, r.capex, r.terminalValue, r.net].map(String).join(" "));
        } catch (e) {
          got = String(e);
        }
        let want: string[] | string;
        try {
          want = monthByMonth(terms);
        } catch (e) {
          want = String(e);
        }
        expect(got).toEqual(want);
      }
    }
  });

  test("gpuCloudCashFlows: each service month's revenue, opex and net as computed month by month", () => {
    const rand = prng(23);
    for (let i = 0; i < 20; i++) {
      const { plan } = gpuPlan(rand, FAMILIES[i % 4]);
      let rows;
      try {
        rows = gpuCloudCashFlows(plan);
      } catch {
        continue;
      }
      const kept = ONE.sub(plan.customer_prepayment_pct ?? 0);
      const power = rows.find((r) => r.inService)?.powerCost ?? ZERO;
      for (const r of rows.filter((x) => x.inService)) {
        const earned = new Decimal(plan.gpus)
          .mul(plan.utilization)
          .mul(new Decimal(365).div(12).mul(24))
          .mul(r.gpuHourPrice);
        expect(r.revenue.eq(Number(plan.customer_prepayment_pct ?? 0) === 0 ? earned : earned.mul(kept))).toBe(true);
        expect(r.opex.eq(earned.mul(plan.opex_pct_of_revenue ?? 0))).toBe(true);
        expect(r.net.eq(r.revenue.sub(power).sub(r.opex).add(r.salvage))).toBe(true);
      }
    }
  });

  test("the simulations' legs are CONVERSIONVALUE's, decimal for decimal, with its refusals", () => {
    const rand = prng(29);
    for (let i = 0; i < 16; i++) {
      const plan = conversionPlan(rand, FAMILIES[i % 4]);
      let want: string;
      try {
        const l = conversionLegs(plan);
        want = [l.leaseValue, l.fleetSale, l.miningTerminalValuePv, l.horizonMonths, ...l.mined.discount].join(" ");
      } catch (e) {
        want = String(e);
      }
      let got: string;
      try {
        const l = conversionPathLegs(plan);
        got = [l.leaseValue, l.fleetSale, l.miningTerminalValuePv, l.horizonMonths, ...l.discount].join(" ");
      } catch (e) {
        got = String(e);
      }
      expect(got).toBe(want);
    }
  });
});
