import { InvalidArgumentError, volatility } from "../../src/calc";
import DecimalJs from "decimal.js";

describe("VOLATILITY: sample stdev of log returns × √periods_per_year", () => {
  test("{100, 200, 100, 200} monthly: returns ln2, −ln2, ln2, so stdev = (2/√3)·ln2 and × √12 = 4·ln 2", () => {
    const expected = DecimalJs.clone({ precision: 50 }).ln(2).mul(4);
    expect(volatility([100, 200, 100, 200], 12).sub(expected).abs().toNumber()).toBeLessThan(1e-38);
  });
  test("daily prices by hand (float re-derivation): {91000, 92500, 90100, 93780, 93000}, 365 a year", () => {
    const v = [91000, 92500, 90100, 93780, 93000];
    const r = v.slice(1).map((x, k) => Math.log(x / v[k]));
    const mean = r.reduce((s, x) => s + x, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1));
    expect(volatility(v, 365).toNumber()).toBeCloseTo(sd * Math.sqrt(365), 13);
  });
  test("a flat series has no volatility; a steady trend has none either", () => {
    expect(volatility([5, 5, 5, 5], 365).toNumber()).toBe(0);
    expect(volatility([1, 2, 4, 8, 16], 12).toNumber()).toBe(0);
  });
  test("scales with √periods_per_year", () => {
    const v = [10, 11, 9, 12];
    expect(volatility(v, 48).div(volatility(v, 12)).toNumber()).toBeCloseTo(2, 30);
  });
});

describe("VOLATILITY refuses what has no volatility", () => {
  const bad = (f: () => unknown, message: RegExp) => {
    expect(f).toThrow(InvalidArgumentError);
    expect(f).toThrow(message);
  };
  test("fewer than 3 values", () => {
    bad(() => volatility([1, 2], 12), /values must be at least 3 numbers.*got 2 values/);
    bad(() => volatility([], 12), /got 0 values/);
  });
  test("a value of 0 or less, or not a number, names its row", () => {
    bad(() => volatility([1, 2, 0, 4], 12), /values must be a number greater than 0 in every cell.*got 0 in row 3/);
    bad(() => volatility([1, -2, 3], 12), /got -2 in row 2/);
    bad(() => volatility([1, 2, NaN], 12), /got NaN in row 3/);
    bad(() => volatility([1, "x", 3], 12), /got x in row 2/);
  });
  test("periods_per_year must be greater than 0", () => {
    bad(() => volatility([1, 2, 3], 0), /periods_per_year must be a number greater than 0/);
  });
});
