/**
 * When to convert, and what each side is worth at its end: CONVERSIONTIMING's
 * rows against separate CONVERSIONVALUE-style computations in floats (the float mining model over k
 * months, the fleet sold at k, the float lease started at k), the site's terminal value on the
 * mining side, CONVERSIONBREAKEVEN under the new rules against the float model's lowest crossing,
 * and CONVERSIONDIST with both sides' end values.
 */
import {
  conversionBreakevenPrice,
  conversionDistribution,
  conversionPaths,
  ConversionPlan,
  conversionTiming,
  conversionValue,
} from "../../src/calc";
import { floatConversion as sharedFloatConversion, FloatLease, FloatMiningPlan } from "../support/float-models";
import { relErr } from "../support/rational";
import { README_CONVERSION, README_FLEET_THS, README_LEASE } from "./readme-example";

const plan = README_CONVERSION;
const H = 132;
const LEASE = README_LEASE;
const FLEET_THS = README_FLEET_THS;

/** The float model's view of a conversion (test/support/float-models.ts) at the plan's own rate. */
const floatConversion = (p: ConversionPlan & FloatMiningPlan, lease: FloatLease, leaseRate = p.discount_rate as number) =>
  sharedFloatConversion(p, lease, p.discount_rate as number, leaseRate);

describe("CONVERSIONTIMING: converting after k months, relative to mining the whole horizon", () => {
  // (the lease's own rate in every row: a table row shorter than the callback's arity would hand it Jest's `done`)
  const cases: [string, Partial<ConversionPlan & FloatMiningPlan>, Partial<FloatLease>, number][] = [
    ["the README example", {}, {}, 0.12],
    ["a stop for good and the fleet's resale", { stop_for_good: true, fleet_resale_usd_per_th: 4 }, {}, 0.12],
    ["refreshes every 12 months, 30% idle opex, salvage at the end, a resale at a conversion", { refresh_every_months: 12, idle_opex_pct: 0.3, salvage_pct: 0.1, fleet_resale_usd_per_th: 3 }, {}, 0.12],
    ["rent in advance, capex over the build, a 7% exit cap rate", { rent_timing: 1, capex_timing: 1, exit_cap_rate: 0.07 }, { rentTiming: 1, capexTiming: 1, exitCap: 0.07 }, 0.12],
    ["the lease at its own 8% rate (the wait before it at 12%)", { lease_discount_rate: 0.08 }, {}, 0.08],
    ["a $30 hashprice floor", { hashprice_floor_usd_per_ph_day: 30 }, {}, 0.12],
  ];
  test.each(cases)("%s: rows 0, 1, 12, 19, 20, 47, 48, 96, 131 and 132 are the float model's", (_, change, leaseChange, leaseRate) => {
    const p = { ...plan, ...change } as ConversionPlan & FloatMiningPlan;
    const t = conversionTiming(p);
    expect(t.rows).toHaveLength(H + 1);
    expect(t.rows.map((r) => r.month)).toEqual(Array.from({ length: H + 1 }, (_, k) => k));
    const f = floatConversion(p, { ...LEASE, ...leaseChange }, leaseRate);
    const scale = Math.abs(f.mining) + Math.abs(f.L) + 1e8;
    for (const k of [0, 1, 12, 19, 20, 47, 48, 96, 131, 132]) {
      const want = f.convertAfter(k) - f.mining;
      expect(t.rows[k].value.toNumber()).toBeNear(want, { abs: 1e-9 * scale, label: `row ${k}` });
    }
    expect(relErr(t.miningValue.toNumber(), f.mining)).toBeLessThan(1e-9);
    // the best row is the largest
    expect(t.rows.every((r) => r.value.lte(t.best.value))).toBe(true);
  });

  test("row 0 is CONVERSIONVALUE, to the last digit", () => {
    for (const change of [{}, { stop_for_good: true, fleet_resale_usd_per_th: 4 }, { exit_cap_rate: 0.07 }]) {
      const p = { ...plan, ...change };
      expect(conversionTiming(p).rows[0].value.eq(conversionValue(p).conversionValue)).toBe(true);
    }
  });

  test("the issue's figures: converting now is worth $5.3M; mining 20 months, then converting, $13.5M; the best month is 19", () => {
    const t = conversionTiming(plan);
    const convertNow = t.rows[0].value.add(t.miningValue).toNumber();
    const after20 = t.rows[20].value.add(t.miningValue).toNumber();
    expect(convertNow / 1e6).toBeCloseTo(5.33, 2);
    expect(after20 / 1e6).toBeCloseTo(13.54, 2);
    expect(t.best.month).toBe(19);
    expect(t.best.value.toNumber() / 1e6).toBeCloseTo(81.33, 2); // against +$73.10M for converting now
  });
});

describe("both sides end with the site", () => {
  test("with a 7% exit cap rate the mining strategy keeps a site worth the lease from month 132: $182.5M of the old +$783.6M (the issue's +$601.1M)", () => {
    const p = { ...plan, rent_timing: 1, capex_timing: 1, exit_cap_rate: 0.07 };
    const v = conversionValue(p);
    const f = floatConversion(p as ConversionPlan & FloatMiningPlan, { ...LEASE, rentTiming: 1, capexTiming: 1, exitCap: 0.07 });
    expect(relErr(v.miningTerminalValuePv.toNumber(), f.T)).toBeLessThan(1e-12);
    expect(v.miningTerminalValuePv.toNumber() / 1e6).toBeCloseTo(783.61 - 601.11, 1);
    expect(v.leaseTerminalValuePv.toNumber() / 1e6).toBeCloseTo(591.2, 1); // the lease's own perpetuity, as the issue says
    expect(relErr(v.conversionValue.toNumber(), f.L - f.mining)).toBeLessThan(1e-9);
    expect(v.conversionValue.toNumber() / 1e6).toBeCloseTo(520.1, 1);
  });

  test("the terminal value is never below 0, and without an exit cap rate neither side gets one", () => {
    const poor = conversionValue({ ...plan, rate_usd_per_kw_month: 20, exit_cap_rate: 0.07 });
    expect(poor.leaseValue.isNeg()).toBe(true);
    expect(poor.miningTerminalValuePv.isZero()).toBe(true);
    expect(conversionValue(plan).miningTerminalValuePv.isZero()).toBe(true);
  });

  test("CONVERSIONBREAKEVEN with both terminal values is the float model's lowest crossing", () => {
    const p = { ...plan, exit_cap_rate: 0.1 };
    const be = conversionBreakevenPrice(p).toNumber();
    const gap = (price: number) => {
      const f = floatConversion({ ...p, btc_price: price } as ConversionPlan & FloatMiningPlan, { ...LEASE, exitCap: 0.1 });
      return f.L - f.mining;
    };
    expect(gap(be * (1 - 1e-9))).toBeGreaterThan(0);
    expect(gap(be * (1 + 1e-9))).toBeLessThan(0);
    for (let x = 30_000; x < be * 0.999; x *= 1.02) expect(gap(x)).toBeGreaterThan(0); // none lower
  });

  test("CONVERSIONDIST with every volatility 0 is CONVERSIONVALUE with both terminal values and the fleet's sale", () => {
    const p = { ...plan, exit_cap_rate: 0.07, fleet_resale_usd_per_th: 4, idle_opex_pct: 0.25, stop_for_good: true };
    const calm = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };
    const c = conversionValue(p);
    const { values } = conversionPaths(p, calm);
    for (const x of values) expect(Math.abs(x - c.conversionValue.toNumber()) / Math.abs(c.miningValue.toNumber())).toBeLessThan(1e-9);
    const d = conversionDistribution(p, { ...calm, price_vol_annual: 0.5, paths: 1000 });
    expect(d.mean.value).toBeLessThan(c.conversionValue.toNumber() + 3 * d.mean.se + 1); // mining's options only add value on average
  });
});

describe("CONVERSIONBREAKEVEN under idle opex, a stop for good and a floor is the float model's lowest crossing", () => {
  test.each([
    ["25% idle opex", { idle_opex_pct: 0.25 }],
    ["a stop for good", { stop_for_good: true }],
    ["a resale of $4/TH", { fleet_resale_usd_per_th: 4 }],
    ["a $30 floor", { hashprice_floor_usd_per_ph_day: 30 }],
    ["a $30 floor, the difficulty excluding the fleet", { hashprice_floor_usd_per_ph_day: 30, difficulty_includes_fleet: false }],
  ])("%s", (_, change) => {
    const p = { ...plan, ...change } as ConversionPlan & FloatMiningPlan;
    const be = conversionBreakevenPrice(p).toNumber();
    const gap = (price: number) => {
      const f = floatConversion({ ...p, btc_price: price } as ConversionPlan & FloatMiningPlan, LEASE);
      return f.L + (p.fleet_resale_usd_per_th ?? 0) * FLEET_THS - f.mining;
    };
    expect(gap(be * (1 - 1e-9))).toBeGreaterThan(0);
    expect(gap(be * (1 + 1e-9))).toBeLessThan(0);
    for (let x = 30_000; x < be * 0.999; x *= 1.02) expect(gap(x)).toBeGreaterThan(0); // no lower crossing
    // exact on the doubles: CONVERSIONVALUE is at most 0 at it and above 0 one double below
    const below = new Float64Array([be]);
    new BigInt64Array(below.buffer)[0] -= 1n;
    expect(conversionValue({ ...p, btc_price: below[0] }).conversionValue.isPos()).toBe(true);
    expect(conversionValue({ ...p, btc_price: be }).conversionValue.isPos()).toBe(false);
  });

  test("above the breakeven mining can lose again where a higher price brings a refresh: the README's crossings at $144,190, $159,340 and $174,570", () => {
    const gap = (price: number) => conversionValue({ ...plan, btc_price: price }).conversionValue.toNumber();
    expect(gap(150_000)).toBeLessThan(0); // mining wins
    expect(gap(165_000)).toBeGreaterThan(0); // a refresh bought at month 48 now: leasing wins again
    expect(gap(180_000)).toBeLessThan(0);
    expect(conversionBreakevenPrice(plan).toNumber()).toBeCloseTo(144_190.14, 1);
  });
});
