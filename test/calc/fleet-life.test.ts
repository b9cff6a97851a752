/**
 * The fleet's life in the mining schedule: idle opex, the stop for good,
 * the fleet's resale, and the refresh rule, against the brute-force float model of
 * test/support/float-models.ts (every stop month tried, the refresh chain walked month by month),
 * and the README's 100 MW example against the issue's own figures.
 */
import {
  conversionBreakevenPrice,
  conversionValue,
  Decimal,
  InvalidArgumentError,
  legValues,
  miningCashFlows,
  MiningPlan,
  miningSchedule,
  fleetRulesOf,
  minedMonths,
} from "../../src/calc";
import { floatLease, floatMining, floatMiningThenSell, FloatMiningPlan } from "../support/float-models";
import { between, prng, relErr } from "../support/rational";
import { README_CONVERSION, README_FLEET_THS, README_LEASE, README_SITE } from "./readme-example";

const site = { ...README_SITE, months: 132 };
const plan = README_CONVERSION;
const LEASE = README_LEASE;
const FLEET_THS = README_FLEET_THS;

describe("the schedule with idle opex, a stop for good and the fleet's resale is the brute-force float model", () => {
  test("60 random plans: every month's flows, the stop month and the NPV within 1e-9", () => {
    const rand = prng(2222);
    let stopped = 0;
    let deferred = 0;
    for (let i = 0; i < 60; i++) {
      const p: FloatMiningPlan = {
        site_mw: between(rand, 1, 300),
        efficiency_j_th: between(rand, 12, 30),
        pue: between(rand, 1, 1.3, false),
        power_price_kwh: between(rand, 0.02, 0.08),
        btc_price: between(rand, 40_000, 200_000),
        difficulty: between(rand, 8e13, 3e14),
        start_height: Math.floor(between(rand, 850_000, 1_250_000, false)),
        months: 12 + Math.floor(rand() * 96),
        fees_btc_per_block: between(rand, 0, 0.3, false),
        pool_fee: 0.02,
        uptime: between(rand, 0.85, 1, false),
        difficulty_growth_monthly: between(rand, -0.01, 0.04, false),
        btc_price_growth_monthly: between(rand, -0.03, 0.03, false),
        opex_usd_per_mw_month: between(rand, 5_000, 30_000, false),
        refresh_capex_usd_per_th: between(rand, 5, 20),
        refresh_every_months: [0, 12, 24, 36][i % 4],
        switch_off_below_cost: i % 7 !== 0,
        salvage_pct: i % 3 === 0 ? between(rand, 0.05, 0.3, false) : 0,
        idle_opex_pct: [1, 0.25, 0, between(rand, 0, 1, false)][i % 4],
        stop_for_good: i % 2 === 0,
        fleet_resale_usd_per_th: i % 5 === 0 ? 0 : between(rand, 0, 6, false),
      };
      // Every third plan's difficulty swings ±40% about its growth path, so the fleet goes off and
      // on and refreshes fall due in months off.
      if (i % 3 === 1)
        p.difficulty_path = Array.from({ length: p.months }, (_, k) => p.difficulty * (1 + (p.difficulty_growth_monthly as number)) ** k * (1 + 0.4 * Math.sin(1.7 * k)));
      const r = between(rand, 0, 0.2, false);
      const f = floatMining(p, r);
      const rows = miningSchedule(p, r);
      const scale = f.rows.reduce((s, x) => s + Math.abs(x.revenue) + x.power + x.tax + x.opex + x.capex + x.salvage, 0) || 1;
      const got = rows.map((x) => [x.running, x.capex.toNumber() > 0, x.salvage.isZero()]);
      const want = f.rows.map((x) => [x.running, x.capex > 0, x.salvage === 0]);
      expect([i, got]).toEqual([i, want]);
      // the worst month of each column, checked once per plan
      let worst = 0;
      rows.forEach((x, k) => {
        worst = Math.max(worst, Math.abs(x.net.toNumber() - f.rows[k].net), Math.abs(x.opex.toNumber() - f.rows[k].opex));
      });
      expect(worst).toBeNear(0, { abs: 1e-9 * scale, label: `plan ${i}: the worst month's net or opex difference` });
      const npv = rows.reduce((a, x) => a + x.presentValue.toNumber(), 0); // MININGNPV is this sum (mining-schedule.test.ts)
      expect(Math.abs(npv - f.npv)).toBeLessThan(1e-9 * scale);
      if (f.stop < p.months) stopped++;
      // a refresh fell due in a month off (so it was deferred, or never bought)
      const N = p.refresh_every_months as number;
      if (N > 0 && f.rows.some((x) => x.month % N === 0 && x.month <= f.stop && !x.running)) deferred++;
    }
    // the plans cover what they say
    expect(stopped).toBeGreaterThan(8);
    expect(deferred).toBeGreaterThan(8);
  });

  test("omitted, the new inputs change nothing: idle_opex_pct 1, stop_for_good FALSE and no resale give the same schedule, digit for digit", () => {
    const plain = miningSchedule({ ...site, salvage_pct: 0.1 }, 0.12);
    const explicit = miningSchedule({ ...site, salvage_pct: 0.1, idle_opex_pct: 1, stop_for_good: false, fleet_resale_usd_per_th: 0 }, 0.12);
    expect(explicit.map((r) => r.net.toString())).toEqual(plain.map((r) => r.net.toString()));
    // the resale is the horizon's end value only when salvage_pct is 0 or blank
    const withResale = miningSchedule({ ...site, salvage_pct: 0.1, fleet_resale_usd_per_th: 4 }, 0.12);
    expect(withResale.map((r) => r.net.toString())).toEqual(plain.map((r) => r.net.toString()));
  });
});

describe("idle sites", () => {
  test("a month off pays idle_opex_pct of the opex, and runs only when revenue covers power, energy tax and the opex it saves over idling", () => {
    // Month 1 of the README site: revenue ~$5.12M against $2.93M of power and $1.5M of opex.
    const one = { ...site, months: 1 };
    const f = floatMining(one, 0);
    const margin = f.rows[0].revenue - f.rows[0].power; // what the month earns over its power
    expect(margin).toBeGreaterThan(0);
    // opex o: with idle share x, it runs iff margin >= (1 − x) × o
    const o = margin / 0.5; // runs iff (1 − x) <= 0.5
    const at = (idle: number) => miningCashFlows({ ...one, opex_usd_per_mw_month: o / 100, idle_opex_pct: idle })[0];
    expect(at(0.51).running).toBe(true);
    expect(at(0.49).running).toBe(false);
    expect(relErr(at(0.49).opex.toNumber(), 0.49 * o)).toBeLessThan(1e-14);
    expect(relErr(at(0.49).net.toNumber(), -0.49 * o)).toBeLessThan(1e-14);
    expect(relErr(at(0.51).opex.toNumber(), o)).toBeLessThan(1e-14);
  });

  test("the README example with mothballed months at 25% of opex: the float model's value", () => {
    const v = conversionValue({ ...plan, idle_opex_pct: 0.25 });
    const lease = floatLease(LEASE, 0.12).npv;
    expect(relErr(v.conversionValue.toNumber(), lease - floatMining({ ...site, idle_opex_pct: 0.25 }, 0.12).npv)).toBeLessThan(1e-9);
    expect(v.conversionValue.toNumber() / 1e6).toBeCloseTo(16.29, 2);
  });
});

describe("stopping for good", () => {
  test("the README example: the fleet stops after month 20 and the conversion value flips to −$3.8M, breakeven $86,882 (the issue's figures)", () => {
    const v = conversionValue({ ...plan, stop_for_good: true });
    expect(v.stopMonth).toBe(20);
    expect(v.conversionValue.toNumber() / 1e6).toBeCloseTo(-3.8, 1);
    const f = floatMining({ ...site, stop_for_good: true }, 0.12);
    expect(f.stop).toBe(20);
    expect(relErr(v.conversionValue.toNumber(), floatLease(LEASE, 0.12).npv - f.npv)).toBeLessThan(1e-9);
    const be = conversionBreakevenPrice({ ...plan, stop_for_good: true }).toNumber();
    expect(be).toBeCloseTo(86_882, 0);
    expect(be).toBeLessThan(91_000); // below the spot price: the answer flips
  });

  test("after the stop nothing runs and nothing is paid; the resale arrives as salvage in the stop month", () => {
    const rows = miningSchedule({ ...site, stop_for_good: true, fleet_resale_usd_per_th: 3 }, 0.12);
    const stop = rows.findIndex((r) => !r.salvage.isZero()) + 1;
    expect(stop).toBeGreaterThan(1);
    expect(stop).toBeLessThan(132);
    expect(relErr(rows[stop - 1].salvage.toNumber(), 3 * FLEET_THS)).toBeLessThan(1e-15);
    for (const r of rows.slice(stop)) {
      expect([r.month, r.running, r.net.isZero(), r.opex.isZero(), r.capex.isZero(), r.btcMined.isZero()]).toEqual([r.month, false, true, true, true, true]);
    }
    // the stop month maximises the NPV: stopping one month either side is worth no more (float model, by hand)
    const value = (s: number) => {
      const f = floatMining({ ...site, months: s, fleet_resale_usd_per_th: 3 }, 0.12);
      return f.npv; // mining s months, the fleet sold at s: the same as stopping at s
    };
    const best = floatMining({ ...site, stop_for_good: true, fleet_resale_usd_per_th: 3 }, 0.12).npv;
    expect(relErr(value(stop), best)).toBeLessThan(1e-12);
    expect(value(stop - 1)).toBeLessThanOrEqual(best);
    expect(value(stop + 1)).toBeLessThanOrEqual(best);
  });

  test("a stop for good needs the discount rate that defines the best month", () => {
    expect(() => miningCashFlows({ ...site, stop_for_good: true })).toThrow(/^discount_rate must be given when stop_for_good is TRUE/);
  });
});

describe("the fleet's resale", () => {
  test("received at the horizon's end when no salvage_pct is given, and at a conversion", () => {
    const rows = miningCashFlows({ ...site, months: 60, fleet_resale_usd_per_th: 4 });
    expect(relErr(rows[59].salvage.toNumber(), 4 * FLEET_THS)).toBeLessThan(1e-15);
    expect(rows.slice(0, 59).every((r) => r.salvage.isZero())).toBe(true);
    const v = conversionValue({ ...plan, fleet_resale_usd_per_th: 4 });
    expect(relErr(v.fleetSaleValue.toNumber(), 4 * FLEET_THS)).toBeLessThan(1e-15);
    const f = floatMining({ ...site, fleet_resale_usd_per_th: 4 }, 0.12);
    // converting now sells the fleet at month 0; mining sells it at the horizon's end
    expect(relErr(v.conversionValue.toNumber(), floatLease(LEASE, 0.12).npv + 4 * FLEET_THS - f.npv)).toBeLessThan(1e-9);
  });
});

describe("the value of mining k months as its own horizon, for every k (CONVERSIONTIMING's mining legs)", () => {
  test.each([
    ["the README site", {}],
    ["a stop for good, a resale and refreshes every 12 months", { stop_for_good: true, fleet_resale_usd_per_th: 5, refresh_every_months: 12 }],
    ["a stop for good at 30% idle opex, refreshes every 24 months", { stop_for_good: true, idle_opex_pct: 0.3, refresh_every_months: 24, fleet_resale_usd_per_th: 2 }],
    ["forced mining, a resale, refreshes every 6 months", { switch_off_below_cost: false, fleet_resale_usd_per_th: 1, refresh_every_months: 6 }],
  ])("%s: every k from 0 to 132 is the float model run over k months, the fleet sold at k", (_, change) => {
    const p = { ...site, ...change } as MiningPlan;
    const mined = minedMonths(p, 0.12);
    const legs = legValues(mined.valued(), fleetRulesOf(mined.plan), mined.chain);
    expect(legs).toHaveLength(133);
    const scale = Math.abs(floatMining(p as FloatMiningPlan, 0.12).npv) + 1e8;
    legs.forEach((v: Decimal, k: number) => {
      const want = floatMiningThenSell(p as FloatMiningPlan, 0.12, k);
      expect(v.toNumber()).toBeNear(want, { abs: 1e-9 * scale, label: `leg ${k}` });
    });
  });
});

describe("bad inputs are refused, naming the argument and why", () => {
  test.each([
    [{ idle_opex_pct: -0.1 }, /^idle_opex_pct must be a fraction from 0 to 1 \(0.02 = 2%\); got -0.1$/],
    [{ idle_opex_pct: 1.5 }, /^idle_opex_pct must be a fraction from 0 to 1 \(0.02 = 2%\); got 1.5$/],
    [{ stop_for_good: 2 }, /^stop_for_good must be TRUE or FALSE/],
    [{ fleet_resale_usd_per_th: -1 }, /^fleet_resale_usd_per_th must be a number of 0 or more; got -1$/],
  ])("%p", (change, message) => {
    expect(() => miningSchedule({ ...site, ...change } as MiningPlan, 0.12)).toThrow(InvalidArgumentError);
    expect(() => miningSchedule({ ...site, ...change } as MiningPlan, 0.12)).toThrow(message);
    expect(() => conversionValue({ ...plan, ...change } as never)).toThrow(message);
  });
});
