/**
 * PRICEQUANTILES against the log-normal's closed form (with a normal quantile computed in the
 * test, test/support/normal.ts), the deterministic path, and its argument checks.
 */
import { InvalidArgumentError, NoAnswerError, priceQuantiles, PriceQuantilesInputs, simulationSize } from "../../../src/calc";
import { normalPdf, normalQuantile } from "../../support/normal";

const BASE: PriceQuantilesInputs = {
  btc_price: 91000,
  btc_price_growth_monthly: 0.01,
  price_vol_annual: 0.6,
  months: 120,
  quantiles: [0.1, 0.5, 0.9],
  paths: 10000,
  seed: 20251124,
};
const run = (over: Partial<PriceQuantilesInputs> = {}) => priceQuantiles({ ...BASE, ...over });

describe("the table", () => {
  const t = run({ months: 3, paths: 100, quantiles: [0.025, 0.5, 0.975] });
  test("header: month, one column per quantile, then one SE column per quantile", () => {
    expect(t.header).toEqual(["month", "P2.5", "P50", "P97.5", "P2.5 SE", "P50 SE", "P97.5 SE"]);
  });
  test("one row per month 0..months; month 0 is btc_price with no error", () => {
    expect(t.rows.map((r) => r[0])).toEqual([0, 1, 2, 3]);
    expect(t.rows[0]).toEqual([0, 91000, 91000, 91000, 0, 0, 0]);
    for (const r of t.rows) expect(r).toHaveLength(7);
  });
  test("quantiles in the order given; each row increasing across P2.5 < P50 < P97.5", () => {
    for (const r of t.rows.slice(1)) expect(r[1] < r[2] && r[2] < r[3]).toBe(true);
  });
});

describe("reproducible", () => {
  test("the same seed gives bit-identical output; another seed gives different numbers", () => {
    const a = run({ months: 24, paths: 2000 });
    const b = run({ months: 24, paths: 2000 });
    const c = run({ months: 24, paths: 2000, seed: 20251125 });
    // JSON's numbers are the shortest round-trip decimals: equal strings mean equal doubles.
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
    for (let m = 1; m <= 24; m++) expect(c.rows[m].slice(1, 4)).not.toEqual(a.rows[m].slice(1, 4));
  });
});

describe("matches the log-normal closed form", () => {
  // ln S_t ~ N(ln S0 + t(ln(1 + g) − s²/2), t s²), s = σ/√12: quantile p is S0·exp(t·μ + s√t·Φ⁻¹(p)).
  const t = run();
  const s = (BASE.price_vol_annual as number) / Math.sqrt(12);
  const mu = Math.log(1.01) - (s * s) / 2;
  const ps = BASE.quantiles as number[];
  for (const month of [12, 60, 120]) {
    test(`month ${month}: P10, P50, P90 within 3 standard errors`, () => {
      ps.forEach((p, k) => {
        const exact = 91000 * Math.exp(month * mu + s * Math.sqrt(month) * normalQuantile(p));
        const row = t.rows[month];
        expect(Math.abs(row[1 + k] - exact)).toBeLessThan(3 * row[4 + k]);
      });
    });
  }
  test("the standard errors are those of a quantile of 10,000 draws: within 15% of √(p(1 − p)/n)/f(q)", () => {
    const month = 60;
    ps.forEach((p, k) => {
      const z = normalQuantile(p);
      const q = 91000 * Math.exp(month * mu + s * Math.sqrt(month) * z);
      const density = normalPdf(z) / (q * s * Math.sqrt(month)); // log-normal density at q
      const asymptotic = Math.sqrt((p * (1 - p)) / 10000) / density;
      expect(Math.abs(t.rows[month][4 + k] / asymptotic - 1)).toBeLessThan(0.15);
    });
  });
});

describe("no volatility: every path is the deterministic one", () => {
  test("each quantile is btc_price × (1 + g)^t to 1e-12, with zero standard error", () => {
    const t = run({ price_vol_annual: 0, months: 360, paths: 100, btc_price_growth_monthly: 0.015 });
    for (const row of t.rows) {
      const exact = 91000 * 1.015 ** row[0];
      for (const q of row.slice(1, 4)) expect(Math.abs(q / exact - 1)).toBeLessThan(1e-12);
      expect(row.slice(4)).toEqual([0, 0, 0]);
    }
  });
});

describe("bad inputs", () => {
  const invalid = (over: Partial<PriceQuantilesInputs>, message: RegExp) => {
    expect(() => run({ months: 12, paths: 100, ...over })).toThrow(InvalidArgumentError);
    expect(() => run({ months: 12, paths: 100, ...over })).toThrow(message);
  };
  test("volatility negative or above 500%", () => {
    invalid({ price_vol_annual: -0.1 }, /price_vol_annual must be a number of 0 or more/);
    invalid({ price_vol_annual: 5.5 }, /price_vol_annual must be a volatility from 0 to 5/);
  });
  test("paths: 0, negative, fractional, fewer than 100", () => {
    invalid({ paths: 0 }, /paths must be a whole number of at least 100; got 0/);
    invalid({ paths: -5 }, /paths must be a whole number of at least 100/);
    invalid({ paths: 250.5 }, /paths must be a whole number of at least 100/);
    invalid({ paths: 99 }, /got 99/);
  });
  test("more paths than a cell may run is #NUM!, saying the limit", () => {
    expect(() => run({ paths: 100001, months: 1 })).toThrow(NoAnswerError);
    expect(() => run({ paths: 100001, months: 1 })).toThrow(/at most 100,000 paths/);
    expect(() => run({ paths: 10001, months: 360 })).toThrow(
      /at most 3,600,000 paths × months.*10,000 paths over 360 months/,
    );
    expect(simulationSize(10000, 360, 1)).toEqual({ paths: 10000, months: 360, seed: 1 }); // exactly at the limit
  });
  test("quantiles outside (0, 1), none, or not numbers", () => {
    for (const q of [0, 1, 1.2, -0.1, NaN])
      invalid({ quantiles: [0.5, q] }, /quantiles must be fractions strictly between 0 and 1/);
    invalid({ quantiles: [] }, /quantiles must be fractions.*got none/);
  });
  test("months, seed, price and growth out of range", () => {
    invalid({ months: 0 }, /months must be a whole number from 1 to 1200/);
    invalid({ months: 1201 }, /months must be a whole number from 1 to 1200/);
    invalid({ seed: -1 }, /seed must be a whole number from 0 to 9007199254740991/);
    invalid({ seed: 1.5 }, /seed must be a whole number/);
    invalid({ seed: 2 ** 53 }, /seed must be a whole number/);
    invalid({ btc_price: 0 }, /btc_price must be a number greater than 0/);
    invalid({ btc_price_growth_monthly: -1 }, /btc_price_growth_monthly must be a rate greater than -1/);
  });
});
