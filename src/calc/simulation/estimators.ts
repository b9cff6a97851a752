/**
 * Estimates from simulated values, each with its standard error (floats, the simulation's; only
 * +, −, ×, ÷ and float-math's sqrt, so the same bits in every engine).
 *
 *  - Mean: the sample mean; SE = s / √n with s the sample standard deviation (n − 1).
 *  - Probability of an event: the share p̂ of paths where it happens; SE = √(p̂(1 − p̂) / n)
 *    (binomial; 0 when every path or none has it).
 *  - Quantile (percentile) p: Excel's PERCENTILE.INC of the values: with the values sorted
 *    x_0 ≤ ... ≤ x_(n−1) and h = p·(n − 1), x_⌊h⌋ + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_⌊h⌋).
 *    SE: distribution-free, from order statistics. The count of values below the true quantile
 *    is Binomial(n, p), sd b = √(n·p·(1 − p)); so the order statistics at ranks n·p ± b bracket
 *    the quantile about ±1 standard error (a 68% interval). The SE is their spread per rank × b:
 *      SE = (x_(k_u) − x_(k_l)) · b / (k_u − k_l),  k_l = ⌊np − b⌋, k_u = ⌈np + b⌉ (1-based, within 1..n)
 *    which is the asymptotic √(p(1 − p)/n) / f(q) with the density f estimated by the difference
 *    quotient of the order statistics over ±b ranks (Siddiqui's estimator), no density model
 *    needed. It needs n·min(p, 1 − p) of about 10 or more to be reliable; the tests check that
 *    ±1.96 SE covers the true quantile about 95% of the time.
 */
import { sqrt } from "./float-math";

/** An estimate and its standard error, in the unit of the values. */
export interface Estimate {
  value: number;
  se: number;
}

/**
 * Sample mean and its standard error s/√n (n ≥ 2). Summed as differences from the first value,
 * then the deviations from the mean: values that share a large offset (a simulated NPV of hundreds
 * of millions varying by thousands) keep their spread's digits, instead of losing them to the sum.
 */
export function meanEstimate(values: ArrayLike<number>): Estimate {
  const n = values.length;
  const x0 = values[0];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] - x0;
  const shift = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - x0 - shift;
    ss += d * d;
  }
  return { value: x0 + shift, se: sqrt(ss / (n - 1) / n) };
}

/** The share of `hits` among n paths and its binomial standard error. */
export function probabilityEstimate(hits: number, n: number): Estimate {
  const p = hits / n;
  return { value: p, se: sqrt((p * (1 - p)) / n) };
}

/**
 * Puts the k-th smallest value at index k for every k in `ranks` (ascending, distinct, 0-based),
 * with smaller values before it and larger after (repeated partitioning around a median of three;
 * deterministic). O(n log(ranks)) on average instead of a full sort.
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  // Work items: [lo, hi, first rank index, last rank index].
  const stack: number[] = [0, a.length - 1, 0, ranks.length - 1];
  while (stack.length > 0) {
    const rLast = stack.pop() as number;
    const rFirst = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (rFirst > rLast || lo >= hi) continue;
    if (hi - lo < 24) {
      for (let i = lo + 1; i <= hi; i++) {
        const x = a[i];
        let j = i - 1;
        while (j >= lo && a[j] > x) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      continue;
    }
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and anything between j and i equals the pivot.
    let split = rFirst;
    while (split <= rLast && ranks[split] <= j) split++;
    let right = split;
    while (right <= rLast && ranks[right] < i) right++;
    stack.push(lo, j, rFirst, split - 1, i, hi, right, rLast);
  }
}

interface QuantilePlan {
  /** 0-based index ⌊h⌋ and the weight of the next one. */
  j: number;
  frac: number;
  /** 0-based indices of the order statistics that bracket the quantile by ±b ranks. */
  kl: number;
  ku: number;
  /** b = √(n p (1 − p)). */
  b: number;
}

function plan(n: number, p: number): QuantilePlan {
  const h = p * (n - 1);
  const j = Math.floor(h);
  const b = sqrt(n * p * (1 - p));
  let kl = Math.max(1, Math.floor(n * p - b));
  let ku = Math.min(n, Math.ceil(n * p + b));
  if (ku === kl) {
    if (ku < n) ku++;
    else kl--;
  }
  return { j, frac: h - j, kl: kl - 1, ku: ku - 1, b };
}

/**
 * PERCENTILE.INC estimates with standard errors, for each p in ps (each strictly between 0 and 1).
 * `values` is reordered in place (pass a copy to keep it). `level` maps a value to the unit the
 * quantile is reported in and must be increasing (e.g. exp, for log prices reported as prices);
 * the interpolation and the SE are computed after the mapping. n ≥ 2.
 */
export function quantileEstimates(
  values: Float64Array,
  ps: readonly number[],
  level: (x: number) => number = (x) => x,
): Estimate[] {
  const n = values.length;
  const plans = ps.map((p) => plan(n, p));
  const wanted = new Set<number>();
  for (const q of plans) {
    wanted.add(q.j);
    if (q.j + 1 < n) wanted.add(q.j + 1);
    wanted.add(q.kl);
    wanted.add(q.ku);
  }
  selectRanks(
    values,
    [...wanted].sort((x, y) => x - y),
  );
  return plans.map((q) => {
    const lower = level(values[q.j]);
    const value = q.frac > 0 && q.j + 1 < n ? lower + q.frac * (level(values[q.j + 1]) - lower) : lower;
    const se = ((level(values[q.ku]) - level(values[q.kl])) * q.b) / (q.ku - q.kl);
    return { value, se };
  });
}

/** What a distribution of per-path values (e.g. NPVs) reports, each with its standard error. */
export interface DistributionSummary {
  mean: Estimate;
  /** PERCENTILE.INC at each asked fraction, in order. */
  quantiles: Estimate[];
  /** The share of paths whose value is below the threshold (strictly). */
  below: Estimate;
}

/**
 * Mean, quantiles and P(value < threshold) of per-path values, with standard errors: the
 * summary a distribution function (NPV of mining, value of conversion) reports. `values` is
 * reordered in place. n ≥ 2.
 */
export function summarizeDistribution(values: Float64Array, ps: readonly number[], threshold = 0): DistributionSummary {
  const mean = meanEstimate(values);
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < threshold) hits++;
  const below = probabilityEstimate(hits, values.length);
  return { mean, quantiles: quantileEstimates(values, ps), below };
}
