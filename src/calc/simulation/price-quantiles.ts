/**
 * PRICEQUANTILES: quantiles of the simulated BTC price at each month, for a fan chart, each with
 * its standard error. The price follows the geometric Brownian motion of model.ts, so its mean at
 * month t is btc_price × (1 + btc_price_growth_monthly)^t; quantiles are Excel's PERCENTILE.INC
 * of the simulated prices, standard errors as in estimators.ts. Floats (the simulation's).
 */
import { Num } from "../decimal";
import { InvalidArgumentError } from "../errors";
import { QUANTILES } from "../limits";
import { finite, positive } from "../validate";
import { exp } from "./float-math";
import { quantileEstimates } from "./estimators";
import { MarketModel, priceFactor, simulationSize } from "./model";
import { simulateMonths } from "./paths";

/** The most quantiles in one table (limits.ts: QUANTILES). */
export const MAX_QUANTILES = QUANTILES.maxLength;

/** Inputs, by their public parameter names. */
export interface PriceQuantilesInputs {
  /** USD per BTC at month 0 (> 0). */
  btc_price: Num;
  /** Mean growth a month (> −1; 0.01 = 1%). */
  btc_price_growth_monthly: Num;
  /** Annual volatility of log price changes (0 to 5; 0.6 = 60%). */
  price_vol_annual: Num;
  /** Months simulated (1 to MAX_SIM_MONTHS). */
  months: Num;
  /** Fractions strictly between 0 and 1 (0.1 = P10). */
  quantiles: readonly Num[];
  /** Paths simulated (100 to 100,000, and paths × months ≤ 3,600,000). */
  paths: Num;
  /** Whole number from 0 to 2^53 − 1. */
  seed: Num;
}

/** A table with a header row; numbers only below the header. */
export interface SimulatedTable {
  header: string[];
  rows: number[][];
}

/** Validated quantile fractions, in the order given. */
export function quantileFractions(quantiles: readonly Num[], name = "quantiles"): number[] {
  const allowed = "fractions strictly between 0 and 1 (0.1 = P10)";
  if (quantiles.length === 0) throw new InvalidArgumentError(name, allowed, "none");
  if (quantiles.length > MAX_QUANTILES)
    throw new InvalidArgumentError(name, `at most ${MAX_QUANTILES} ${allowed}`, `${quantiles.length}`);
  return quantiles.map((q) => {
    const d = finite(name, q, allowed);
    if (!d.gt(0) || !d.lt(1)) throw new InvalidArgumentError(name, allowed, d.toString());
    return d.toNumber(); // a double in, the same double out
  });
}

/** "P10", "P2.5", "P99.9": a quantile's column label. */
export function quantileLabel(p: number): string {
  return `P${Number((p * 100).toPrecision(12))}`;
}

/**
 * The fan-chart table: header ["month", "P10", ..., "P10 SE", ...], then one row per month
 * 0..months: the month, one column per quantile of the simulated price (USD), then one standard
 * error per quantile (USD), in the same order. Month 0 is the start price with SE 0.
 */
export function priceQuantiles(i: PriceQuantilesInputs): SimulatedTable {
  const price = priceFactor(i.btc_price, i.btc_price_growth_monthly, i.price_vol_annual);
  const start = positive("btc_price", i.btc_price).toNumber();
  const ps = quantileFractions(i.quantiles);
  const size = simulationSize(i.paths, i.months, i.seed);
  // Difficulty is drawn (so that the price paths match the distribution functions' for the same
  // seed) but not reported: a flat placeholder.
  const model: MarketModel = {
    price,
    difficulty: { logStart: 0, drift: 0, sigma: 0 },
    corr: 0,
    corrComplement: 1,
  };
  const labels = ps.map(quantileLabel);
  const header = ["month", ...labels, ...labels.map((l) => `${l} SE`)];
  const rows: number[][] = [];
  const scratch = new Float64Array(size.paths);
  simulateMonths(model, size, (month, logPrice) => {
    if (month === 0) {
      rows.push([0, ...ps.map(() => start), ...ps.map(() => 0)]); // every path starts at btc_price
      return;
    }
    scratch.set(logPrice);
    const estimates = quantileEstimates(scratch, ps, exp);
    rows.push([month, ...estimates.map((e) => e.value), ...estimates.map((e) => e.se)]);
  });
  return { header, rows };
}
