/** Simulated paths: the two walks agree bit for bit, the mean paths are the deterministic ones, correlation holds. */
import {
  InvalidArgumentError,
  marketModel,
  MarketModelInputs,
  meanEstimate,
  simulateMonths,
  simulatePaths,
  summarizeDistribution,
} from "../../../src/calc";
import { exp } from "../../../src/calc/simulation/float-math";
import { normalCdf } from "../../support/normal";

const INPUTS: MarketModelInputs = {
  btc_price: 91000,
  btc_price_growth_monthly: 0.01,
  price_vol_annual: 0.6,
  difficulty: 1.52e14,
  difficulty_growth_monthly: 0.02,
  difficulty_vol_annual: 0.3,
  price_difficulty_corr: 0.5,
};

describe("the model's monthly parameters", () => {
  test("drift ln(1 + g) − s²/2 and s = σ/√12, ln of the start, √(1 − ρ²)", () => {
    const m = marketModel(INPUTS);
    const s = 0.6 / Math.sqrt(12);
    expect(m.price.sigma).toBeCloseTo(s, 16);
    expect(m.price.drift).toBeCloseTo(Math.log(1.01) - (s * s) / 2, 16);
    expect(m.price.logStart).toBeCloseTo(Math.log(91000), 14);
    expect(m.difficulty.drift).toBeCloseTo(Math.log(1.02) - (0.3 * 0.3) / 12 / 2, 16);
    expect(m.corrComplement).toBeCloseTo(Math.sqrt(0.75), 16);
  });
  test("a correlation outside [−1, 1] is refused; ±1 is allowed", () => {
    expect(() => marketModel({ ...INPUTS, price_difficulty_corr: 1.01 })).toThrow(InvalidArgumentError);
    expect(() => marketModel({ ...INPUTS, price_difficulty_corr: -1.5 })).toThrow(
      /price_difficulty_corr must be a correlation from -1 to 1/,
    );
    expect(marketModel({ ...INPUTS, price_difficulty_corr: -1 }).corrComplement).toBe(0);
  });
  test("negative difficulty volatility is refused, naming it", () => {
    expect(() => marketModel({ ...INPUTS, difficulty_vol_annual: -0.2 })).toThrow(
      /difficulty_vol_annual must be a number of 0 or more/,
    );
  });
});

describe("month by month and path by path walk the same numbers", () => {
  test("every path's price and difficulty at every month are bit-identical both ways", () => {
    const model = marketModel(INPUTS);
    const size = { paths: 300, months: 36, seed: 5 };
    const byMonth: number[][][] = [];
    simulateMonths(model, size, (t, lp, ld) => byMonth.push([Array.from(lp, exp), Array.from(ld, exp)]));
    let differ = 0;
    let compared = 0;
    simulatePaths(model, size, (price, difficulty, p) => {
      for (let t = 0; t <= 36; t++) {
        if (!Object.is(price[t], byMonth[t][0][p]) || !Object.is(difficulty[t], byMonth[t][1][p])) differ++;
        compared++;
      }
      return 0;
    });
    expect(compared).toBe(300 * 37);
    expect(differ).toBe(0);
  });
  test("path p is the same however many paths run", () => {
    const model = marketModel(INPUTS);
    const last = (paths: number) => simulatePaths(model, { paths, months: 12, seed: 9 }, (price) => price[12]);
    expect(last(1000).subarray(0, 100)).toEqual(last(100));
  });
});

describe("the mean path is the deterministic path", () => {
  const model = marketModel(INPUTS);
  const months = 24;
  const size = { paths: 20000, months, seed: 77 };
  const finalPrice = new Float64Array(size.paths);
  const finalDifficulty = new Float64Array(size.paths);
  const dLogP: number[] = [];
  const dLogD: number[] = [];
  simulatePaths(model, size, (price, difficulty, p) => {
    finalPrice[p] = price[months];
    finalDifficulty[p] = difficulty[months];
    if (p < 2000)
      for (let t = 1; t <= months; t++) {
        dLogP.push(Math.log(price[t] / price[t - 1]));
        dLogD.push(Math.log(difficulty[t] / difficulty[t - 1]));
      }
    return 0;
  });
  test("E[price at month 24] = 91,000 × 1.01^24 and E[difficulty] = 1.52e14 × 1.02^24, within 3 SE", () => {
    const p = meanEstimate(finalPrice);
    const d = meanEstimate(finalDifficulty);
    expect(Math.abs(p.value - 91000 * 1.01 ** months)).toBeLessThan(3 * p.se);
    expect(Math.abs(d.value - 1.52e14 * 1.02 ** months)).toBeLessThan(3 * d.se);
  });
  test("monthly log changes: sd σ/√12 each and correlation ρ = 0.5, within 4 SE", () => {
    const n = dLogP.length;
    const mp = dLogP.reduce((s, x) => s + x, 0) / n;
    const md = dLogD.reduce((s, x) => s + x, 0) / n;
    let vp = 0;
    let vd = 0;
    let c = 0;
    for (let k = 0; k < n; k++) {
      vp += (dLogP[k] - mp) ** 2;
      vd += (dLogD[k] - md) ** 2;
      c += (dLogP[k] - mp) * (dLogD[k] - md);
    }
    const sdP = Math.sqrt(vp / (n - 1));
    const sdD = Math.sqrt(vd / (n - 1));
    expect(Math.abs(sdP / (0.6 / Math.sqrt(12)) - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    expect(Math.abs(sdD / (0.3 / Math.sqrt(12)) - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    expect(Math.abs(c / Math.sqrt(vp * vd) - 0.5)).toBeLessThan((4 * (1 - 0.25)) / Math.sqrt(n));
  });
  test("with no difficulty volatility, difficulty follows 1.52e14 × 1.02^t to 1e-12 on every path", () => {
    const flat = marketModel({ ...INPUTS, difficulty_vol_annual: 0 });
    let worst = 0;
    simulatePaths(flat, { paths: 50, months: 120, seed: 3 }, (_price, difficulty) => {
      for (let t = 0; t <= 120; t++) worst = Math.max(worst, Math.abs(difficulty[t] / (1.52e14 * 1.02 ** t) - 1));
      return 0;
    });
    expect(worst).toBeLessThan(1e-12);
  });
  test("changing difficulty's inputs never changes the price paths (common random numbers)", () => {
    const a = simulatePaths(model, { paths: 200, months: 12, seed: 1 }, (price) => price[12]);
    const other = marketModel({ ...INPUTS, difficulty_vol_annual: 0.9, price_difficulty_corr: -0.3 });
    expect(simulatePaths(other, { paths: 200, months: 12, seed: 1 }, (price) => price[12])).toEqual(a);
  });
});

describe("a per-path valuation plugs in and is summarised with standard errors", () => {
  test("value = price at month 36: mean, P50 and P(price < 91,000) match the log-normal within 3 SE", () => {
    const model = marketModel(INPUTS);
    const values = simulatePaths(model, { paths: 20000, months: 36, seed: 11 }, (price) => price[36]);
    const s = summarizeDistribution(values, [0.5], 91000);
    const sig = 0.6 / Math.sqrt(12);
    const mu = Math.log(1.01) - (sig * sig) / 2;
    expect(Math.abs(s.mean.value - 91000 * 1.01 ** 36)).toBeLessThan(3 * s.mean.se);
    expect(Math.abs(s.quantiles[0].value - 91000 * Math.exp(36 * mu))).toBeLessThan(3 * s.quantiles[0].se);
    const pBelow = normalCdf((-36 * mu) / (sig * 6)); // P(ln S_36 < ln S_0)
    expect(Math.abs(s.below.value - pBelow)).toBeLessThan(3 * s.below.se);
  });
});
