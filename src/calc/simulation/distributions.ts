/**
 * The distribution of mining NPV (MININGNPVDIST) and of the value of converting a site to a lease
 * (CONVERSIONDIST) when BTC price and difficulty follow the simulated market of model.ts: the
 * deterministic functions' plans, valued on every simulated path, summarised with standard errors
 * (estimators.ts). Floats (the simulation's); the lease leg is contracted, so it is valued once,
 * in decimal, by the lease calculation itself.
 *
 * The plan is first checked by the decimal calculation it mirrors (MININGNPV's schedule, or
 * CONVERSIONVALUE's two legs), so a distribution function refuses exactly what its deterministic
 * function refuses, with the same messages; the market inputs come from the plan (btc_price and
 * its growth, difficulty and its growth) and the risk inputs (volatilities, correlation).
 */
import { Num } from "../decimal";
import { InvalidArgumentError } from "../errors";
import { ConversionPlan } from "../conversion";
import { MiningPlan, ValidMiningPlan } from "../mining-schedule";
import { checkedMining, conversionPathLegs, PathLegs } from "./deterministic-legs";
import { monthlyDiscountFactor } from "../discounting";
import { Estimate, probabilityEstimate, summarizeDistribution, DistributionSummary } from "./estimators";
import { log } from "./float-math";
import { miningPathValuerOf, MiningPathValuer } from "./mining-paths";
import { marketModel, MarketModel, simulationSize, toDouble } from "./model";
import { simulatePaths } from "./paths";
import { quantileFractions } from "./price-quantiles";

/** The quantiles a distribution reports when none are asked for: P10, P50, P90. */
export const DEFAULT_QUANTILES: readonly number[] = [0.1, 0.5, 0.9];

/** What a distribution function adds to its deterministic function's arguments. */
export interface RiskInputs {
  /** Annual volatility of BTC's log price changes (0 to 5). */
  price_vol_annual: Num;
  /** Annual volatility of difficulty's log changes (0 to 5). */
  difficulty_vol_annual: Num;
  /** Correlation of the monthly price and difficulty shocks (−1 to 1). */
  price_difficulty_corr: Num;
  /** Paths simulated (100 to 100,000; paths × months ≤ 3,600,000). */
  paths: Num;
  /** Whole number from 0 to 2^53 − 1. */
  seed: Num;
  /** Fractions strictly between 0 and 1; omitted: P10, P50, P90. */
  quantiles?: readonly Num[];
}

/** A summary of simulated values: mean, quantiles and P(value < 0), each with its standard error. */
export interface SimulatedDistribution extends DistributionSummary {
  /** The quantile fractions reported, in order. */
  fractions: number[];
  /** Paths simulated. */
  paths: number;
}

/**
 * The simulated market of a plan: price and difficulty from the plan's starts and growths, or,
 * with difficulty_path, the difficulty's mean at simulated month t is the path's row t + 1 (the
 * schedule's month t + 1) and its growth is ignored; the volatilities and correlation from `risk`.
 */
export function planMarket(plan: MiningPlan, t: ValidMiningPlan, risk: RiskInputs): MarketModel {
  const path = t.difficultyPath;
  const model = marketModel({
    btc_price: plan.btc_price,
    btc_price_growth_monthly: plan.btc_price_growth_monthly ?? 0,
    price_vol_annual: risk.price_vol_annual,
    difficulty: plan.difficulty,
    difficulty_growth_monthly: path === undefined ? (plan.difficulty_growth_monthly ?? 0) : 0,
    difficulty_vol_annual: risk.difficulty_vol_annual,
    price_difficulty_corr: risk.price_difficulty_corr,
  });
  if (path === undefined) return model;
  const logPath = new Float64Array(t.months);
  for (let i = 0; i < t.months; i++) logPath[i] = log(toDouble(path[i]));
  return { ...model, difficultyLogPath: logPath };
}

/** A validated plan's path valuer at an annual discount rate. */
export function planValuer(t: ValidMiningPlan, discountRate: Num): MiningPathValuer {
  return miningPathValuerOf(t, monthlyDiscountFactor(discountRate));
}

/** Simulated NPVs (USD at month 0) of mining the plan, one per path, in path order. */
function miningValues(plan: MiningPlan, t: ValidMiningPlan, discountRate: Num, risk: RiskInputs): Float64Array {
  const valuer = planValuer(t, discountRate);
  const market = planMarket(plan, t, risk);
  // The schedule's month m reads simulated month m − 1: the last month valued is months − 1.
  const size = simulationSize(risk.paths, valuer.months, risk.seed);
  return simulatePaths(market, { ...size, months: valuer.months - 1 }, (price, difficulty) =>
    valuer.value(price, difficulty),
  );
}

/**
 * NPV of mining a site on each of `paths` simulated paths (USD at month 0, in path order): the
 * MININGNPV plan with random price and difficulty. For tests and summaries.
 */
export function miningNpvPaths(plan: MiningPlan, discountRate: Num, risk: RiskInputs): Float64Array {
  const mined = checkedMining(plan, discountRate); // MININGNPV's checks, with its messages
  return miningValues(plan, mined.plan, discountRate, risk);
}

/**
 * MININGNPVDIST: the simulated distribution of MININGNPV. Mean, quantiles (PERCENTILE.INC) and
 * P(NPV < 0), in USD at month 0 (probabilities as fractions), each with its standard error.
 */
export function miningNpvDistribution(plan: MiningPlan, discountRate: Num, risk: RiskInputs): SimulatedDistribution {
  const fractions = quantileFractions(risk.quantiles ?? DEFAULT_QUANTILES); // checked before the work
  const values = miningNpvPaths(plan, discountRate, risk);
  return { ...summarizeDistribution(values, fractions, 0), fractions, paths: values.length };
}

/** CONVERSIONDIST's result: the conversion value's distribution and P(leasing is worth more). */
export interface ConversionDistribution extends SimulatedDistribution {
  /** The share of paths on which the lease is worth more than mining (conversion value > 0). */
  leasingWorthMore: Estimate;
  /** The lease leg's NPV, USD at month 0 (contracted: the same on every path). */
  leaseValue: number;
  /** Months in the horizon (mined months 1..horizon). */
  horizonMonths: number;
}

/** The horizon is no argument of the conversion functions: an error about it names the arguments that make it. */
export function namingTheHorizon<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof InvalidArgumentError && e.argument === "months")
      throw new InvalidArgumentError("term_years", e.allowed.replace("months", "months of conversion and term"), e.got);
    throw e;
  }
}

/**
 * Conversion values, one per path, in path order: (lease leg L + the fleet's sale R) − (the path's
 * mining NPV over the lease's horizon + the site's terminal value T), USD at month 0; with the
 * lease value and the horizon. The legs are CONVERSIONVALUE's (conversion-plan.ts).
 */
export function conversionPaths(
  plan: ConversionPlan,
  risk: RiskInputs,
  legs: PathLegs = conversionPathLegs(plan), // CONVERSIONVALUE's checks, with its messages
): { values: Float64Array; leaseValue: number; horizonMonths: number } {
  const leaseValue = toDouble(legs.leaseValue);
  const converting = toDouble(legs.leaseValue.add(legs.fleetSale));
  const terminal = toDouble(legs.miningTerminalValuePv);
  const horizonMonths = legs.horizonMonths;
  const mining = namingTheHorizon(() =>
    miningValues({ ...plan, months: horizonMonths }, legs.plan, plan.discount_rate, risk),
  );
  const values = new Float64Array(mining.length);
  for (let p = 0; p < mining.length; p++) values[p] = converting - (mining[p] + terminal);
  return { values, leaseValue, horizonMonths };
}

/**
 * CONVERSIONDIST: the simulated distribution of CONVERSIONVALUE (lease NPV − mining NPV; the lease
 * is contracted, mining follows the simulated price and difficulty). Mean, quantiles, P(value < 0)
 * (mining worth more) and P(value > 0) (leasing worth more), each with its standard error.
 */
export function conversionDistribution(plan: ConversionPlan, risk: RiskInputs): ConversionDistribution {
  const fractions = quantileFractions(risk.quantiles ?? DEFAULT_QUANTILES);
  const { values, leaseValue, horizonMonths } = conversionPaths(plan, risk);
  let wins = 0;
  for (let p = 0; p < values.length; p++) if (values[p] > 0) wins++;
  const leasingWorthMore = probabilityEstimate(wins, values.length);
  return {
    ...summarizeDistribution(values, fractions, 0),
    fractions,
    paths: values.length,
    leasingWorthMore,
    leaseValue,
    horizonMonths,
  };
}
