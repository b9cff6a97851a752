/**
 * Realised volatility of a series of levels (prices, hashprice, ...), annualised:
 *   VOLATILITY = stdev(ln(v_t / v_(t−1))) × √periods_per_year
 * the sample standard deviation (divisor n − 1 for n log returns) of the log returns, scaled by
 * the square root of the periods in a year: 365 for daily data every calendar day (BTC trades
 * every day), 252 for trading days, 52 weekly, 12 monthly. Decimal arithmetic (ln and √ of
 * decimal.js, 40 digits), so the result matches a hand computation to the double.
 */
import { Decimal, Num } from "./decimal";
import { clipped, InvalidArgumentError } from "./errors";
import { VOLATILITY_VALUES } from "./limits";
import { finite, notLonger, positive } from "./validate";

/** The fewest values that give a sample standard deviation of returns (two returns). */
export const MIN_VOLATILITY_VALUES = 3;

/**
 * Annualised volatility of log returns.
 * @param values levels in time order, oldest first, each > 0 (at least 3)
 * @param periodsPerYear periods per year between consecutive values (> 0; 365 for daily BTC prices)
 * @param position where value k (0-based) sits, for messages: "row k+1" unless said
 * @returns annual volatility as a fraction (0.5 = 50% a year)
 */
export function volatility(
  values: readonly Num[],
  periodsPerYear: Num,
  position: (k: number) => string = (k) => `row ${k + 1}`,
): Decimal {
  const perYear = positive("periods_per_year", periodsPerYear);
  notLonger("values", values.length, VOLATILITY_VALUES, "values");
  if (values.length < MIN_VOLATILITY_VALUES)
    throw new InvalidArgumentError(
      "values",
      `at least ${MIN_VOLATILITY_VALUES} numbers (levels in time order)`,
      `${values.length} value${values.length === 1 ? "" : "s"}`,
    );
  const levels = values.map((v, k) => {
    const allowed = "a number greater than 0 in every cell (levels such as prices)";
    let d: Decimal;
    try {
      d = finite("values", v, allowed);
    } catch {
      throw new InvalidArgumentError("values", allowed, `${clipped(String(v))} in ${position(k)}`);
    }
    if (!d.gt(0)) throw new InvalidArgumentError("values", allowed, `${d.toString()} in ${position(k)}`);
    return d;
  });
  const returns: Decimal[] = [];
  for (let k = 1; k < levels.length; k++) returns.push(levels[k].div(levels[k - 1]).ln());
  const n = returns.length;
  const mean = returns.reduce((s, r) => s.add(r), new Decimal(0)).div(n);
  const sumSq = returns.reduce((s, r) => s.add(r.sub(mean).pow(2)), new Decimal(0));
  return sumSq
    .div(n - 1)
    .sqrt()
    .mul(perYear.sqrt());
}
