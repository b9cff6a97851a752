/*
 * The simulation functions as Excel calls them: PRICEQUANTILES against the log-normal's closed
 * form, MININGNPVDIST and CONVERSIONDIST against MININGNPV and CONVERSIONVALUE, VOLATILITY by
 * hand, reproducibility through the adapters, the tables' layout, and the bad inputs.
 */
import { SIGNATURES } from "../../src/functions/params";
import { CALLS, CONVERSION_ARGS, MINING_ARGS, padTo } from "../support/calls";
import { excelError } from "../support/errors";
import { normalQuantile } from "../support/normal";

const { PRICEQUANTILES, MININGNPVDIST, CONVERSIONDIST, VOLATILITY, MININGNPV, CONVERSIONVALUE } = Object.fromEntries(
  Object.entries(CALLS).map(([id, c]) => [id, c.fn]),
);

type Id = keyof typeof SIGNATURES;
/** A function's positional arguments from a base list and changes by parameter name. */
function argsOf(id: Id, base: unknown[], named: Record<string, unknown>): unknown[] {
  const args = padTo(base, id);
  for (const [name, value] of Object.entries(named)) {
    const i = SIGNATURES[id].findIndex((p) => p.name === name);
    if (i < 0) throw new Error(`${id} has no parameter ${name}`);
    args[i] = value;
  }
  return args;
}
const RISK = { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, paths: 2000, seed: 5 };
const miningDist = (named: Record<string, unknown> = {}) => argsOf("MININGNPVDIST", MINING_ARGS, { ...RISK, ...named });
const conversionDist = (named: Record<string, unknown> = {}) => argsOf("CONVERSIONDIST", CONVERSION_ARGS, { ...RISK, ...named });
/** A (label, value) table as a map. */
const asMap = (table: unknown) => new Map((table as [string, number][]).slice(1));

describe("PRICEQUANTILES", () => {
  const table = PRICEQUANTILES(91000, 0.01, 0.6, 120, [[0.1], [0.5], [0.9]], 10000, 20251124) as (string | number)[][];

  test("a header row, then months 0 to months: the month, the quantiles, then their standard errors", () => {
    expect(table[0]).toEqual(["month", "P10", "P50", "P90", "P10 SE", "P50 SE", "P90 SE"]);
    expect(table).toHaveLength(122);
    expect(table.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 121 }, (_, t) => t));
    expect(table[1]).toEqual([0, 91000, 91000, 91000, 0, 0, 0]);
  });

  test.each([12, 60, 120])("month %i: every quantile within 3 SE of the log-normal's closed form", (month) => {
    // ln S_t ~ N(ln S0 + t(ln(1 + g) − s²/2), t s²), s = σ/√12; quantile p = S0·exp(t·μ + s√t·Φ⁻¹(p)).
    const s = 0.6 / Math.sqrt(12);
    const mu = Math.log(1.01) - (s * s) / 2;
    const row = table[month + 1] as number[];
    [0.1, 0.5, 0.9].forEach((p, k) => {
      const exact = 91000 * Math.exp(month * mu + s * Math.sqrt(month) * normalQuantile(p));
      expect(row[1 + k]).toBeNear(exact, { abs: 3 * row[4 + k], label: `month ${month}, P${p * 100} within 3 SE` });
    });
  });

  test("the same seed gives bit-identical tables; another seed another one", () => {
    const a = PRICEQUANTILES(91000, 0.01, 0.6, 24, [[0.1, 0.5, 0.9]], 500, 3);
    expect(JSON.stringify(PRICEQUANTILES(91000, 0.01, 0.6, 24, [[0.1, 0.5, 0.9]], 500, 3))).toBe(JSON.stringify(a));
    expect(JSON.stringify(PRICEQUANTILES(91000, 0.01, 0.6, 24, [[0.1, 0.5, 0.9]], 500, 4))).not.toBe(JSON.stringify(a));
  });

  test("a single quantile, as a number or one cell; blank cells in the range are skipped", () => {
    const one = PRICEQUANTILES(91000, 0, 0.5, 3, 0.25, 100, 1) as unknown[][];
    expect(one[0]).toEqual(["month", "P25", "P25 SE"]);
    expect(PRICEQUANTILES(91000, 0, 0.5, 3, [[0.25]], 100, 1)).toEqual(one);
    expect(PRICEQUANTILES(91000, 0, 0.5, 3, [[0.25], [null], [""]], 100, 1)).toEqual(one);
  });
});

describe("MININGNPVDIST", () => {
  test("a two-column table: mean, its SE, each quantile and its SE, P(NPV < 0) and its SE", () => {
    const t = MININGNPVDIST(...miningDist()) as [string, number][];
    expect(t.map((r) => r[0])).toEqual([
      "Statistic",
      "Mean (USD)",
      "Mean SE (USD)",
      "P10 (USD)",
      "P10 SE (USD)",
      "P50 (USD)",
      "P50 SE (USD)",
      "P90 (USD)",
      "P90 SE (USD)",
      "P(NPV < 0)",
      "P(NPV < 0) SE",
    ]);
    const m = asMap(t);
    expect((m.get("P10 (USD)") as number) < (m.get("P50 (USD)") as number)).toBe(true);
    expect((m.get("P50 (USD)") as number) < (m.get("P90 (USD)") as number)).toBe(true);
    const p = m.get("P(NPV < 0)") as number;
    expect(m.get("P(NPV < 0) SE")).toBeCloseTo(Math.sqrt((p * (1 - p)) / 2000), 15);
  });

  test("quantiles asked for, as a column: their rows in that order", () => {
    const t = MININGNPVDIST(...miningDist({ quantiles: [[0.05], [0.95]] })) as [string, number][];
    expect(t.map((r) => r[0]).slice(3, 7)).toEqual(["P5 (USD)", "P5 SE (USD)", "P95 (USD)", "P95 SE (USD)"]);
    expect(t).toHaveLength(9);
  });

  test("with every volatility 0 the mean is MININGNPV to 1e-9 relative, and every quantile too", () => {
    const npv = MININGNPV(...MINING_ARGS) as number;
    const m = asMap(MININGNPVDIST(...miningDist({ price_vol_annual: 0, difficulty_vol_annual: 0, paths: 100 })));
    for (const k of ["Mean (USD)", "P10 (USD)", "P50 (USD)", "P90 (USD)"]) expect(m.get(k)).toBeNear(npv, { rel: 1e-9, label: k });
    expect(m.get("P(NPV < 0)")).toBe(npv < 0 ? 1 : 0);
    expect(m.get("P(NPV < 0) SE")).toBe(0);
  });

  test("switch-off off, price noise only: the mean is MININGNPV within 3 SE (the mean price path is the deterministic one)", () => {
    for (const seed of [1, 2]) {
      const forced = { switch_off_below_cost: false, salvage_pct: 0.2, energy_tax_usd_per_kwh: 0.005 };
      const npv = MININGNPV(...argsOf("MININGNPV", MINING_ARGS, forced)) as number;
      const m = asMap(MININGNPVDIST(...miningDist({ ...forced, difficulty_vol_annual: 0, paths: 10_000, seed })));
      expect(Math.abs((m.get("Mean (USD)") as number) - npv)).toBeLessThan(3 * (m.get("Mean SE (USD)") as number));
    }
  });

  test("switch-off on, price noise only: the mean is at least MININGNPV − 3 SE (switching off is an option)", () => {
    const npv = MININGNPV(...MINING_ARGS) as number;
    const m = asMap(MININGNPVDIST(...miningDist({ difficulty_vol_annual: 0, paths: 10_000 })));
    expect(m.get("Mean (USD)") as number).toBeGreaterThan(npv - 3 * (m.get("Mean SE (USD)") as number));
  });

  test("the same seed gives bit-identical tables; another seed another one", () => {
    const a = JSON.stringify(MININGNPVDIST(...miningDist()));
    expect(JSON.stringify(MININGNPVDIST(...miningDist()))).toBe(a);
    expect(JSON.stringify(MININGNPVDIST(...miningDist({ seed: 6 })))).not.toBe(a);
  });

  test("the price paths are PRICEQUANTILES' for the same seed: month 2 earns at simulated month 1's price", () => {
    // Two months, cheap power (no month switches off), no difficulty noise: NPV = a + b × (month 2's price),
    // increasing, so its quantiles are a + b × the price quantiles of simulated month 1 for the same seed.
    const two = { months: 2, power_price_kwh: 0.001 };
    const npvAt = (growth: number) => MININGNPV(...argsOf("MININGNPV", MINING_ARGS, { ...two, btc_price_growth_monthly: growth })) as number;
    const b = (npvAt(0.02) - npvAt(0)) / (91000 * 0.02);
    const a = npvAt(0) - b * 91000;
    const dist = asMap(MININGNPVDIST(...miningDist({ ...two, difficulty_vol_annual: 0, paths: 1000, quantiles: [[0.1, 0.5, 0.9]] })));
    const prices = PRICEQUANTILES(91000, 0.01, 0.5, 1, [[0.1, 0.5, 0.9]], 1000, 5) as number[][];
    ["P10", "P50", "P90"].forEach((label, k) => {
      const expected = a + b * prices[2][1 + k];
      expect(dist.get(`${label} (USD)`)).toBeNear(expected, { rel: 1e-9, label });
    });
  });
});

describe("CONVERSIONDIST", () => {
  test("the same table as MININGNPVDIST's for the conversion value, plus P(leasing worth more), which is 1 − P(value < 0)", () => {
    const t = CONVERSIONDIST(...conversionDist()) as [string, number][];
    expect(t.map((r) => r[0]).slice(-4)).toEqual([
      "P(value < 0): mining worth more",
      "P(value < 0): mining worth more SE",
      "P(leasing worth more)",
      "P(leasing worth more) SE",
    ]);
    expect(t).toHaveLength(13);
    const m = asMap(t);
    expect((m.get("P(leasing worth more)") as number) + (m.get("P(value < 0): mining worth more") as number)).toBe(1);
  });

  test("with every volatility 0 the mean is CONVERSIONVALUE to 1e-9 of the mining leg", () => {
    const value = CONVERSIONVALUE(...CONVERSION_ARGS) as number;
    const m = asMap(CONVERSIONDIST(...conversionDist({ price_vol_annual: 0, difficulty_vol_annual: 0, paths: 100 })));
    expect(Math.abs((m.get("Mean (USD)") as number) - value)).toBeLessThan(1e-9 * Math.abs(value) + 1);
    expect(m.get("P(leasing worth more)")).toBe(value > 0 ? 1 : 0);
  });

  test("the conversion value is the lease NPV less MININGNPVDIST's mining NPV over the horizon, path for path", () => {
    // Same seed, same site, same months (12 + 120): the quantiles mirror, P10 of one is P90 of the other.
    const months = 132;
    const mining = asMap(MININGNPVDIST(...argsOf("MININGNPVDIST", MINING_ARGS, { ...RISK, months })));
    const conv = asMap(CONVERSIONDIST(...conversionDist()));
    const lease = (CONVERSIONVALUE(...CONVERSION_ARGS) as number) + (MININGNPV(...padTo(MINING_ARGS, "MININGNPV").map((v, i) => (i === 7 ? months : v))) as number);
    expect(Math.abs((conv.get("Mean (USD)") as number) - (lease - (mining.get("Mean (USD)") as number)))).toBeLessThan(1);
    expect(Math.abs((conv.get("P50 (USD)") as number) - (lease - (mining.get("P50 (USD)") as number)))).toBeLessThan(1);
    expect(conv.get("Mean SE (USD)")).toBeCloseTo(mining.get("Mean SE (USD)") as number, 3);
  });
});

describe("VOLATILITY", () => {
  test("by hand: {100, 200, 100, 200} monthly has returns ln 2, −ln 2, ln 2, a volatility of 4·ln 2", () => {
    // mean ln2/3; deviations 2ln2/3, −4ln2/3, 2ln2/3; sum of squares 24(ln2)²/9; /2 → 4(ln2)²/3; √ × √12 = 4 ln 2.
    expect(VOLATILITY([[100, 200, 100, 200]], 12)).toBeCloseTo(4 * Math.LN2, 14);
    expect(VOLATILITY([[100], [200], [100], [200]], 12)).toBe(VOLATILITY([[100, 200, 100, 200]], 12));
  });

  test("by hand: five daily prices", () => {
    const prices = [90000, 91800, 90882, 92700, 91773];
    const r = prices.slice(1).map((p, i) => Math.log(p / prices[i]));
    const mean = r.reduce((s, x) => s + x, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1));
    expect(VOLATILITY(prices.map((p) => [p]), 365)).toBeCloseTo(sd * Math.sqrt(365), 12);
  });

  test("blank cells before the first value and after the last are skipped; one between values is #VALUE! naming its row", () => {
    expect(VOLATILITY([[null], [100], [200], [100], [200], [""], [null]], 12)).toBe(VOLATILITY([[100], [200], [100], [200]], 12));
    expect(excelError(() => VOLATILITY([[100], [200], [null], [200]], 12)).message).toBe(
      "VOLATILITY: values must be a number in every cell between the first and the last value; got a blank in row 3",
    );
  });

  test("a text heading in the first filled cell is skipped (a column selected with its heading, HISTORY's value column); text anywhere else is not", () => {
    expect(VOLATILITY([["BTC price (USD)"], [100], [200], [100], [200]], 12)).toBe(VOLATILITY([[100], [200], [100], [200]], 12));
    expect(VOLATILITY([[null], ["Price"], [null], [100], [200], [100], [200]], 12)).toBeCloseTo(4 * Math.LN2, 14);
    expect(excelError(() => VOLATILITY([["Price"], ["USD"], [100], [200], [100]], 12)).message).toBe('VOLATILITY: values must be a number; got text "USD" in row 2');
    expect(excelError(() => VOLATILITY("Price", 12)).message).toBe('VOLATILITY: values must be a number; got text "Price"');
  });

  test("fewer than 3 values, a value of 0 or less, text, or a block of cells is #VALUE! naming the place", () => {
    expect(excelError(() => VOLATILITY([[100], [200]], 12)).message).toBe("VOLATILITY: values must be at least 3 numbers (levels in time order); got 2 values");
    expect(excelError(() => VOLATILITY([[100, 200, 0, 300]], 12)).message).toMatch(/values must be a number greater than 0 in every cell .*; got 0 in column 3$/);
    expect(excelError(() => VOLATILITY([[100], [-5], [50]], 12)).message).toMatch(/got -5 in row 2$/);
    expect(excelError(() => VOLATILITY([[100], ["n/a"], [50]], 12)).message).toBe('VOLATILITY: values must be a number; got text "n/a" in row 2');
    expect(excelError(() => VOLATILITY([[100, 1], [200, 2]], 12)).message).toBe("VOLATILITY: values must be a single row or a single column of numbers; got a 2×2 range");
    expect(excelError(() => VOLATILITY([[100], [200], [300]], 0)).code).toBe("#VALUE!");
  });
});

describe("bad inputs give clear errors naming the argument", () => {
  const err = (call: () => unknown) => {
    const e = excelError(call);
    return `${e.code} ${e.message}`;
  };
  test("negative volatility, |corr| > 1", () => {
    expect(err(() => MININGNPVDIST(...miningDist({ price_vol_annual: -0.2 })))).toBe("#VALUE! MININGNPVDIST: price_vol_annual must be a volatility from 0 to 5 (0.6 = 60% a year); got -0.2");
    expect(err(() => CONVERSIONDIST(...conversionDist({ difficulty_vol_annual: -1 })))).toBe("#VALUE! CONVERSIONDIST: difficulty_vol_annual must be a volatility from 0 to 5 (0.6 = 60% a year); got -1");
    expect(err(() => PRICEQUANTILES(91000, 0, -0.5, 12, 0.5, 100, 1))).toBe("#VALUE! PRICEQUANTILES: price_vol_annual must be a volatility from 0 to 5 (0.6 = 60% a year); got -0.5");
    expect(err(() => MININGNPVDIST(...miningDist({ price_difficulty_corr: 1.2 })))).toBe("#VALUE! MININGNPVDIST: price_difficulty_corr must be a correlation from -1 to 1; got 1.2");
  });
  test("paths 0, below 100 or not whole is #VALUE!; above 100,000 (or 3,600,000 path-months) is #NUM! saying the limit", () => {
    expect(err(() => MININGNPVDIST(...miningDist({ paths: 0 })))).toBe("#VALUE! MININGNPVDIST: paths must be a whole number of 100 or more; got 0");
    expect(err(() => PRICEQUANTILES(91000, 0, 0.5, 12, 0.5, 99, 1))).toBe("#VALUE! PRICEQUANTILES: paths must be a whole number of 100 or more; got 99");
    expect(err(() => CONVERSIONDIST(...conversionDist({ paths: 1000.5 })))).toBe("#VALUE! CONVERSIONDIST: paths must be a whole number of 100 or more; got 1000.5");
    expect(err(() => MININGNPVDIST(...miningDist({ paths: 100_001 })))).toBe("#NUM! MININGNPVDIST: paths: at most 100,000 paths in one cell; got 100001");
    expect(err(() => PRICEQUANTILES(91000, 0, 0.5, 360, 0.5, 10001, 1))).toMatch(/^#NUM! PRICEQUANTILES: paths: at most 3,600,000 paths × months in one cell \(10,000 paths over 360 months\)/);
  });
  test("quantiles outside (0, 1), or none", () => {
    for (const q of [0, 1, 1.5, -0.1]) {
      expect(err(() => MININGNPVDIST(...miningDist({ quantiles: [[0.5, q]] })))).toBe(`#VALUE! MININGNPVDIST: quantiles must be fractions strictly between 0 and 1 (0.1 = P10); got ${q}`);
    }
    expect(err(() => PRICEQUANTILES(91000, 0, 0.5, 12, null, 100, 1))).toBe("#VALUE! PRICEQUANTILES: quantiles must be a row or column of numbers (it is required, and the argument is blank)");
    expect(err(() => PRICEQUANTILES(91000, 0, 0.5, 12, [[null], [""]], 100, 1))).toMatch(/quantiles must be a row or column of numbers \(it is required/);
    expect(err(() => PRICEQUANTILES(91000, 0, 0.5, 12, [[0.1, 0.5], [0.9, 0.95]], 100, 1))).toBe("#VALUE! PRICEQUANTILES: quantiles must be a single row or a single column of numbers; got a 2×2 range");
  });
  test("a risk input left blank is #VALUE! saying it is required, though Excel's tooltip shows it in brackets", () => {
    expect(err(() => MININGNPVDIST(...miningDist({ difficulty_vol_annual: null })))).toBe("#VALUE! MININGNPVDIST: difficulty_vol_annual must be a number (it is required, and the argument is blank)");
    expect(err(() => CONVERSIONDIST(...CONVERSION_ARGS))).toBe("#VALUE! CONVERSIONDIST: price_vol_annual must be a number (it is required, and the argument is blank)");
  });
  test("the deterministic function's own errors, under its names", () => {
    expect(err(() => CONVERSIONDIST(...conversionDist({ conversion_months: -1 })))).toMatch(/^#VALUE! CONVERSIONDIST: conversion_months must be/);
    expect(err(() => MININGNPVDIST(...miningDist({ machine_efficiency_j_th: 0 })))).toMatch(/^#VALUE! MININGNPVDIST: machine_efficiency_j_th must be a number greater than 0/);
  });
});
