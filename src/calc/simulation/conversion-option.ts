/**
 * CONVERSIONOPTION: the value of deciding when to convert, with price and difficulty following
 * CONVERSIONDIST's simulated paths (model.ts), by least-squares Monte Carlo (Longstaff and
 * Schwartz, "Valuing American options by simulation: a simple least-squares approach", Review of
 * Financial Studies 14(1), 2001). Floats (the simulation's), from IEEE-exact operations and the
 * simulation's own sqrt, so a seed gives the same bits in every engine.
 *
 * The stopping problem, on each path, all values USD at month 0 (conversion-plan.ts's legs):
 *   X_k   converting after k months, k = 0..H: the mining leg over months 1..k as its own horizon
 *         (refreshes, idle opex, a stop for good within it), the fleet sold at k for its resale
 *         value, and the lease leg started at k, L × (1 + discount_rate)^(−k/12)
 *         (CONVERSIONTIMING's row k on the path, before the mining strategy is subtracted);
 *   N     never converting: the mining leg over the whole horizon with its own end value, plus
 *         the site's terminal value T when exit_cap_rate is given (CONVERSIONDIST's mining side).
 * A policy converts at the first decision month k at which it says so; if it never does, the path
 * is worth N, and at month H it takes the larger of X_H and N (both known then).
 *
 * The policy, fitted by backward induction on a set of `paths` fitting paths: with Y the value
 * of following the policy from k + 1 on (at first max(X_H, N)), at each k = H − 1 down to 1 the
 * gain of continuing, Y − X_k, is regressed over all fitting paths on 1, z, z² (z the
 * standardised network hashprice of month k + 1: the price and difficulty at the decision, after
 * the floor, with the next month's subsidy; regression.ts); paths where the fitted gain is below
 * 0 convert there (Y = X_k; the realised Y, not the fitted one, is carried back, as Longstaff and
 * Schwartz do). At month 0 every path is in the same state: convert now when the mean gain is
 * below 0. A fitted gain of exactly 0 keeps mining (converting is irreversible).
 *
 * The value: the policy applied to an independent set of `paths` valuation paths, the same paths
 * CONVERSIONDIST draws (streams 0 .. paths − 1 of the seed; the fitting paths are streams 100,000
 * onward of the same seed, never a valuation path of any call). So "Flexible" is an unbiased
 * estimate of a policy that is feasible (it uses only what is known at each decision), a lower
 * bound, up to its standard error, of the best policy's value. An upper bound: the perfect-
 * foresight value, max(N, max_k X_k) on each path, which no policy can beat.
 *
 * A stop for good inside a mining leg, or over the whole horizon, is decided month by month from
 * what is known then (mining-paths.ts), so X_k and N are themselves values of feasible policies and
 * the lower bound holds for the combined strategy. The perfect-foresight value uses these same X_k
 * and N: it bounds the conversion timing, not the stop.
 *
 * Stated simplification: the state is the hashprice only (not the months since the last refresh
 * nor the price and difficulty separately).
 */
import { NoAnswerError } from "../errors";
import { ConversionPlan } from "../conversion";
import { conversionPathLegs } from "./deterministic-legs";
import { monthlyDiscountFactor } from "../discounting";
import { Estimate, meanEstimate, probabilityEstimate, quantileEstimates } from "./estimators";
import { DEFAULT_QUANTILES, namingTheHorizon, planMarket, RiskInputs } from "./distributions";
import { quantileFractions, quantileLabel } from "./price-quantiles";
import { miningPathValuerOf } from "./mining-paths";
import { MAX_PATHS, simulationSize, toDouble } from "./model";
import { simulatePaths } from "./paths";
import { firstRootAbove, fitQuadratic, fitted, QuadraticFit } from "./regression";
import { OPTION_PATH_MONTHS } from "../limits";

/**
 * The most paths × months in one CONVERSIONOPTION cell: limits.ts's OPTION_PATH_MONTHS, half the
 * distribution functions' (each path is simulated twice and the fitting set is held; the bench
 * measures a cell at this size).
 */
export const MAX_OPTION_PATH_MONTHS = OPTION_PATH_MONTHS;

/** CONVERSIONOPTION's result, USD at month 0 unless stated. */
export interface ConversionOption {
  /** Converting at month 0: the lease leg and the fleet's sale (deterministic). */
  convertNow: number;
  /** The mean value of mining the whole horizon (with the site's terminal value), and its SE. */
  mine: Estimate;
  /** The mean value of mining and converting when the policy says so (never converting allowed). */
  flexible: Estimate;
  /** The quantile fractions asked for (P10, P50, P90 unless given), in order. */
  fractions: number[];
  /** PERCENTILE.INC of the flexible strategy's value over the valuation paths, at each fraction, with its SE. */
  flexibleQuantiles: Estimate[];
  /** Flexible − max(convert now, mine), with the SE of that difference (paired when mine is the larger). */
  optionPremium: Estimate;
  /**
   * The share of valuation paths on which the policy converts before the horizon's end (a month
   * 0 … H − 1), and its SE. At month H a path takes the better of converting then and mining's own
   * end; that counts in Flexible, not here (without exit_cap_rate the mining strategy's site is
   * worth nothing after H, so converting at H beats it whenever the lease is worth more than 0).
   */
  convertProbability: Estimate;
  /** The median month of conversion among the paths that convert before the horizon's end (PERCENTILE.INC 0.5); undefined when none does. */
  medianConversionMonth: number | undefined;
  /**
   * The exercise boundary by year of the horizon, USD per PH/s per day: convert when the month's
   * hashprice falls below it. Year y's is the median, over its decision months k = 12(y − 1) + 1 ..
   * min(12y, H − 1), of each month's boundary (the hashprice at which the fitted gain first turns
   * from negative to positive, from the lowest hashprice the fitting paths reach; 0 when the policy
   * does not convert at that lowest hashprice; the highest one reached when it converts at all).
   */
  boundaries: number[];
  /** The perfect-foresight value: the mean of max(N, max_k X_k), an upper bound for any policy. */
  perfectForesight: Estimate;
  /** Valuation paths (the fitting set has as many). */
  paths: number;
  horizonMonths: number;
}

/** CONVERSIONOPTION: the flexible strategy's value by least-squares Monte Carlo (module header). */
export function conversionOption(plan: ConversionPlan, risk: RiskInputs): ConversionOption {
  const fractions = quantileFractions(risk.quantiles ?? DEFAULT_QUANTILES); // checked before the work
  const legs = conversionPathLegs(plan); // CONVERSIONVALUE's checks, with its messages
  const H = legs.horizonMonths;
  const t = legs.plan;
  const size = namingTheHorizon(() => simulationSize(risk.paths, H, risk.seed));
  if (size.paths * H > MAX_OPTION_PATH_MONTHS) {
    throw new NoAnswerError(
      `paths: at most ${MAX_OPTION_PATH_MONTHS.toLocaleString("en-US")} paths × months in one CONVERSIONOPTION cell ` +
        `(${Math.floor(MAX_OPTION_PATH_MONTHS / H).toLocaleString("en-US")} paths over ${H} months), so that a cell ` +
        `stays well under 2 seconds; got ${size.paths.toLocaleString("en-US")} × ${H}`,
    );
  }
  const n = size.paths;
  const valuer = miningPathValuerOf(t, monthlyDiscountFactor(plan.discount_rate));
  const market = planMarket({ ...plan, months: H }, t, risk);
  const simulated = { ...size, months: H - 1 }; // month m reads simulated month m − 1
  const df = legs.discount;
  const leasePv = new Float64Array(H + 1); // L × df_k
  for (let k = 0; k <= H; k++) leasePv[k] = toDouble(legs.leaseValue.mul(df[k]));
  const terminal = toDouble(legs.miningTerminalValuePv);
  const convertNow = toDouble(legs.leaseValue.add(legs.fleetSale));

  const mined = new Float64Array(H + 1);
  const hashprice = new Float64Array(H + 1);
  /** X_k into x (x[k] for k = 0..H), the state (month k + 1's hashprice) into h; returns N. */
  const walk = (
    price: Float64Array,
    difficulty: Float64Array,
    x: Float64Array,
    xAt: number,
    h: Float64Array,
    hAt: number,
  ) => {
    const never = valuer.legs(price, difficulty, mined, hashprice) + terminal;
    for (let k = 0; k <= H; k++) x[xAt + k] = mined[k] + leasePv[k];
    for (let k = 1; k < H; k++) h[hAt + k] = hashprice[k + 1];
    return never;
  };

  // The fitting set: streams MAX_PATHS + p, held whole for the backward induction.
  const stride = H + 1;
  const X = new Float64Array(n * stride);
  const state = new Float64Array(n * stride);
  const N = simulatePaths(market, simulated, (p, d, i) => walk(p, d, X, i * stride, state, i * stride), MAX_PATHS);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) Y[i] = Math.max(X[i * stride + H], N[i]);
  const gain = new Float64Array(n);
  const h = new Float64Array(n);
  const fits: QuadraticFit[] = [];
  for (let k = H - 1; k >= 1; k--) {
    for (let i = 0; i < n; i++) {
      gain[i] = Y[i] - X[i * stride + k];
      h[i] = state[i * stride + k];
    }
    const fit = fitQuadratic(h, gain, n);
    fits[k] = fit;
    for (let i = 0; i < n; i++) if (fitted(fit, h[i]) < 0) Y[i] = X[i * stride + k];
  }
  let sumGain = 0;
  for (let i = 0; i < n; i++) sumGain += Y[i] - X[i * stride];
  const convertAtOnce = sumGain / n < 0;

  // The valuation set: streams 0 .. n − 1, the policy applied as each path unfolds.
  const x = new Float64Array(stride);
  const hk = new Float64Array(stride);
  const mine = new Float64Array(n);
  const foresight = new Float64Array(n);
  const months: number[] = [];
  const flexible = simulatePaths(market, simulated, (p, d, i) => {
    const never = walk(p, d, x, 0, hk, 0);
    mine[i] = never;
    let best = never;
    for (let k = 0; k <= H; k++) if (x[k] > best) best = x[k];
    foresight[i] = best;
    let month = convertAtOnce ? 0 : -1;
    for (let k = 1; month < 0 && k < H; k++) if (fitted(fits[k], hk[k]) < 0) month = k;
    if (month >= 0) {
      months.push(month);
      return x[month];
    }
    return x[H] > never ? x[H] : never; // at the horizon's end, the better of converting then and mining's end
  });

  const mineEstimate = meanEstimate(mine);
  const flexibleEstimate = meanEstimate(flexible);
  const premium = new Float64Array(n);
  const mineIsBetter = mineEstimate.value >= convertNow;
  for (let i = 0; i < n; i++) premium[i] = flexible[i] - (mineIsBetter ? mine[i] : convertNow);
  return {
    convertNow,
    mine: mineEstimate,
    flexible: flexibleEstimate,
    fractions,
    flexibleQuantiles: quantileEstimates(Float64Array.from(flexible), fractions),
    optionPremium: meanEstimate(premium),
    convertProbability: probabilityEstimate(months.length, n),
    medianConversionMonth: median(months),
    boundaries: yearlyBoundaries(fits, H),
    perfectForesight: meanEstimate(foresight),
    paths: n,
    horizonMonths: H,
  };
}

/** PERCENTILE.INC 0.5 of whole months; undefined for none. */
function median(months: number[]): number | undefined {
  if (months.length === 0) return undefined;
  const sorted = Int32Array.from(months).sort();
  const h = (sorted.length - 1) / 2;
  const j = Math.floor(h);
  return j === h ? sorted[j] : (sorted[j] + sorted[j + 1]) / 2;
}

/** Each year's boundary: the median of its decision months' (see ConversionOption.boundaries). */
function yearlyBoundaries(fits: QuadraticFit[], H: number): number[] {
  const years: number[] = [];
  for (let first = 1; first <= H - 1; first += 12) {
    const b: number[] = [];
    for (let k = first; k < first + 12 && k <= H - 1; k++) b.push(firstRootAbove(fits[k]));
    const sorted = Float64Array.from(b).sort();
    const j = (sorted.length - 1) >> 1;
    years.push(sorted.length % 2 === 1 ? sorted[j] : (sorted[j] + sorted[j + 1]) / 2);
  }
  return years;
}

/** A table with a header row; a label, then a value and its standard error where it has one (blank where not). */
export interface OptionTable {
  header: string[];
  rows: (string | number)[][];
}

/**
 * CONVERSIONOPTION's table: header ["Strategy", "Value", "SE"], then Convert now, Mine, Flexible,
 * Option premium (USD at month 0), P(convert) (a fraction), Median conversion month (months; blank
 * when no path converts), the flexible strategy's quantiles ("Flexible P10", … USD at month 0, in
 * the order asked) and Boundary year 1, 2, … (USD per PH/s per day; 0: no conversion that year).
 */
export function conversionOptionTable(o: ConversionOption): OptionTable {
  const rows: (string | number)[][] = [
    ["Convert now", o.convertNow, 0],
    ["Mine", o.mine.value, o.mine.se],
    ["Flexible", o.flexible.value, o.flexible.se],
    ["Option premium", o.optionPremium.value, o.optionPremium.se],
    ["P(convert)", o.convertProbability.value, o.convertProbability.se],
    ["Median conversion month", o.medianConversionMonth ?? "", ""],
    ...o.fractions.map((p, i) => [
      `Flexible ${quantileLabel(p)}`,
      o.flexibleQuantiles[i].value,
      o.flexibleQuantiles[i].se,
    ]),
    ...o.boundaries.map((b, y) => [`Boundary year ${y + 1}`, b, ""]),
  ];
  return { header: ["Strategy", "Value", "SE"], rows };
}
