/** Estimators: Excel's PERCENTILE.INC, order-statistic selection, and standard errors that cover. */
import { meanEstimate, probabilityEstimate, quantileEstimates } from "../../../src/calc/simulation";
import { selectRanks } from "../../../src/calc/simulation/estimators";
import { prng } from "../../support/rational";

describe("quantiles are Excel's PERCENTILE.INC", () => {
  test("Microsoft's example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9", () => {
    expect(quantileEstimates(Float64Array.from([1, 3, 2, 4]), [0.3])[0].value).toBeCloseTo(1.9, 14);
  });
  test("1..10 at 0.25, 0.5, 0.9: h = p × 9, interpolated between neighbours (3.25, 5.5, 9.1)", () => {
    const est = quantileEstimates(Float64Array.from([7, 1, 10, 4, 2, 9, 3, 8, 6, 5]), [0.25, 0.5, 0.9]);
    expect(est.map((e) => e.value)).toEqual([3.25, 5.5, expect.closeTo(9.1, 14)]);
  });
  test("a quantile on an order statistic needs no interpolation: 1..5 at 0.75 is 4", () => {
    expect(quantileEstimates(Float64Array.from([5, 4, 3, 2, 1]), [0.75])[0].value).toBe(4);
  });
  test("an increasing map is applied before interpolating: exp of logs", () => {
    const logs = Float64Array.from([1, 2, 3, 4].map(Math.log));
    expect(quantileEstimates(logs, [0.3], Math.exp)[0].value).toBeCloseTo(1.9, 13);
  });
});

describe("selectRanks puts each asked order statistic where a sort would", () => {
  test("random arrays with ties, many rank sets", () => {
    const rand = prng(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rand() * 3000);
      const a = Float64Array.from({ length: n }, () => Math.floor(rand() * (trial % 2 ? 50 : 1e9)));
      const sorted = Float64Array.from(a).sort();
      const ranks = [
        ...new Set(Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.floor(rand() * n))),
      ].sort((x, y) => x - y);
      selectRanks(a, ranks);
      for (const r of ranks) expect(a[r]).toBe(sorted[r]);
      expect(Float64Array.from(a).sort()).toEqual(sorted); // a permutation
    }
  });
  test("sorted and reverse-sorted input", () => {
    const n = 5001;
    const up = Float64Array.from({ length: n }, (_, k) => k);
    const down = Float64Array.from({ length: n }, (_, k) => n - 1 - k);
    selectRanks(up, [0, 2500, 5000]);
    selectRanks(down, [0, 2500, 5000]);
    expect([up[0], up[2500], up[5000], down[0], down[2500], down[5000]]).toEqual([0, 2500, 5000, 0, 2500, 5000]);
  });
});

describe("standard errors", () => {
  test("mean: s/√n with the n − 1 sample deviation ({2, 4, 4, 4, 5, 5, 7, 9}: mean 5, s² = 32/7)", () => {
    const e = meanEstimate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(e.value).toBe(5);
    expect(e.se).toBeCloseTo(Math.sqrt(32 / 7 / 8), 15);
  });
  test("mean of values sharing a large offset: the offset does not cost the spread's digits (1e15 + k/4, k = 0..39, 100,000 values)", () => {
    // every value a double exactly (ulp 0.125 at 1e15); mean 1e15 + 19.5/4, variance of k/4 = (40² − 1)/12/16
    const n = 100_000;
    const values = Float64Array.from({ length: n }, (_, i) => 1e15 + (i % 40) / 4);
    const e = meanEstimate(values);
    expect(e.value).toBe(1e15 + 4.875);
    expect(e.se).toBeNear(Math.sqrt(((1599 / 12 / 16) * n) / (n - 1) / n), { rel: 1e-12, label: "SE" });
    // the same values with the offset at the end: the order of the paths does not matter
    expect(meanEstimate(Float64Array.from(values).reverse()).value).toBe(1e15 + 4.875);
  });
  test("probability: √(p(1 − p)/n); 0 when no path or every path has the event", () => {
    expect(probabilityEstimate(25, 100)).toEqual({ value: 0.25, se: Math.sqrt((0.25 * 0.75) / 100) });
    expect(probabilityEstimate(0, 100)).toEqual({ value: 0, se: 0 });
    expect(probabilityEstimate(100, 100)).toEqual({ value: 1, se: 0 });
  });

  // Exponential samples (−ln U, U from the tests' own generator): quantile −ln(1 − p), density 1 − p there.
  const REPS = 400;
  const N = 1000;
  const PS = [0.1, 0.5, 0.9];
  const rand = prng(424242);
  const hits = PS.map(() => 0);
  const seRatio = PS.map(() => 0);
  for (let rep = 0; rep < REPS; rep++) {
    const xs = Float64Array.from({ length: N }, () => -Math.log(1 - rand()));
    quantileEstimates(xs, PS).forEach((e, k) => {
      const p = PS[k];
      const q = -Math.log(1 - p);
      if (Math.abs(e.value - q) <= 1.96 * e.se) hits[k]++;
      seRatio[k] += e.se / (Math.sqrt((p * (1 - p)) / N) / (1 - p)) / REPS;
    });
  }
  test("quantile SEs: ±1.96 SE covers the true quantile in 92–98% of 400 samples of 1,000 (P10, P50, P90)", () => {
    for (const h of hits) {
      expect(h / REPS).toBeGreaterThanOrEqual(0.92);
      expect(h / REPS).toBeLessThanOrEqual(0.98);
    }
  });
  test("quantile SEs average within 10% of the asymptotic √(p(1 − p)/n)/f(q)", () => {
    for (const r of seRatio) expect(Math.abs(r - 1)).toBeLessThan(0.1);
  });
});
