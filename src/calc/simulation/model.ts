/**
 * The simulated market: BTC price and network difficulty as correlated log-normal processes in
 * monthly steps, and the size of a simulation (paths, months, seed) with its limits.
 *
 * For a level X with start X0, monthly growth g and annual volatility σ (s = σ / √12 a month):
 *   ln X_t = ln X0 + t·(ln(1 + g) − s²/2) + s·(Z_1 + ... + Z_t),  t = 0, 1, ..., months
 * with Z standard normal, so E[X_t] = X0·(1 + g)^t: the mean path is the deterministic path of
 * the schedules with the same growth. Price and difficulty shocks in one month are correlated:
 * Z_price = Z1, Z_difficulty = ρ·Z1 + √(1 − ρ²)·Z2 (Cholesky), Z1, Z2 independent.
 *
 * The parameters are derived here in decimal (ln, √ of decimal.js: exact digits in every engine)
 * and handed to the simulation as doubles; the simulation itself is in floats (see random.ts).
 */
import { Decimal, Num } from "../decimal";
import { InvalidArgumentError, NoAnswerError } from "../errors";
import { finite, nonNegative, positive, rateAboveMinusOne, wholeNonNegative } from "../validate";
import { MAX_SEED } from "./random";
import { MAX_SCHEDULE_MONTHS, PATH_MONTHS } from "../limits";

/** The largest annual volatility accepted: 5 = 500% a year (BTC's has run at 40–80% since 2020). */
export const MAX_VOL_ANNUAL = 5;
/** The longest simulation, months (100 years, as the schedules). */
export const MAX_SIM_MONTHS = MAX_SCHEDULE_MONTHS;
/** Fewer paths than this cannot support the standard errors the results carry. */
export const MIN_PATHS = 100;
/** The most paths accepted in one cell. */
export const MAX_PATHS = 100_000;
/** The most path-months (paths × months) in one cell: limits.ts, PATH_MONTHS. */
export const MAX_PATH_MONTHS = PATH_MONTHS;
/** The paths a simulation runs when the argument is omitted. */
export const DEFAULT_PATHS = 10_000;
/** The seed used when the argument is omitted: fixed, so that a sheet recalculates to the same numbers. */
export const DEFAULT_SEED = 1;

const MONTHS_PER_YEAR = new Decimal(12);

/**
 * A Decimal as the double the simulation uses, the same in every engine: rounded to 17 significant
 * digits first, since ECMAScript lets engines differ when parsing longer decimal strings.
 */
export function toDouble(d: Decimal): number {
  return Number(d.toSignificantDigits(17).toString());
}

/** One log-normal level in monthly steps, as doubles: ln X_t = logStart + t·drift + sigma·W_t. */
export interface LogNormalFactor {
  /** ln X0. */
  logStart: number;
  /** ln(1 + g) − s²/2, per month. */
  drift: number;
  /** s = σ_annual / √12, per month. */
  sigma: number;
}

/** An annual volatility: from 0 to MAX_VOL_ANNUAL. */
export function volatilityArg(name: string, x: Num): Decimal {
  const allowed = `a volatility from 0 to ${MAX_VOL_ANNUAL} (0.6 = 60% a year)`;
  const d = nonNegative(name, x);
  if (d.gt(MAX_VOL_ANNUAL)) throw new InvalidArgumentError(name, allowed, d.toString());
  return d;
}

/**
 * The monthly log-normal factor for a level.
 * @param start level at month 0 (> 0), e.g. USD per BTC
 * @param growthMonthly mean growth a month (> −1; 0.01 = 1%)
 * @param volAnnual annual volatility of log changes (0 to 5; 0.6 = 60%)
 */
export function logNormalFactor(
  names: { start: string; growth: string; vol: string },
  start: Num,
  growthMonthly: Num,
  volAnnual: Num,
): LogNormalFactor {
  const x0 = positive(names.start, start);
  const g = rateAboveMinusOne(names.growth, growthMonthly);
  const s = volatilityArg(names.vol, volAnnual).div(MONTHS_PER_YEAR.sqrt());
  return {
    logStart: toDouble(x0.ln()),
    drift: toDouble(g.add(1).ln().sub(s.mul(s).div(2))),
    sigma: toDouble(s),
  };
}

/** The BTC price factor from PRICEQUANTILES's (and the distribution functions') arguments. */
export function priceFactor(btcPrice: Num, growthMonthly: Num, volAnnual: Num): LogNormalFactor {
  return logNormalFactor(
    { start: "btc_price", growth: "btc_price_growth_monthly", vol: "price_vol_annual" },
    btcPrice,
    growthMonthly,
    volAnnual,
  );
}

/** The difficulty factor. */
export function difficultyFactor(difficulty: Num, growthMonthly: Num, volAnnual: Num): LogNormalFactor {
  return logNormalFactor(
    { start: "difficulty", growth: "difficulty_growth_monthly", vol: "difficulty_vol_annual" },
    difficulty,
    growthMonthly,
    volAnnual,
  );
}

/** Price and difficulty with the correlation of their monthly shocks. */
export interface MarketModel {
  price: LogNormalFactor;
  difficulty: LogNormalFactor;
  /** ρ, the correlation of the monthly log shocks. */
  corr: number;
  /** √(1 − ρ²). */
  corrComplement: number;
  /**
   * ln of the mean difficulty at each simulated month t (index t), when a difficulty path is
   * given (read by simulatePaths): the difficulty factor's start and growth are then unused (its drift is −s²/2).
   */
  difficultyLogPath?: Float64Array;
}

/** Inputs of the market model, by their public parameter names. */
export interface MarketModelInputs {
  btc_price: Num;
  btc_price_growth_monthly?: Num;
  price_vol_annual: Num;
  difficulty: Num;
  difficulty_growth_monthly?: Num;
  difficulty_vol_annual: Num;
  price_difficulty_corr?: Num;
}

/** The validated market model. */
export function marketModel(i: MarketModelInputs): MarketModel {
  const allowed = "a correlation from -1 to 1";
  const rho = finite("price_difficulty_corr", i.price_difficulty_corr ?? 0, allowed);
  if (rho.abs().gt(1)) throw new InvalidArgumentError("price_difficulty_corr", allowed, rho.toString());
  return {
    price: priceFactor(i.btc_price, i.btc_price_growth_monthly ?? 0, i.price_vol_annual),
    difficulty: difficultyFactor(i.difficulty, i.difficulty_growth_monthly ?? 0, i.difficulty_vol_annual),
    corr: toDouble(rho),
    corrComplement: toDouble(new Decimal(1).sub(rho.mul(rho)).sqrt()),
  };
}

/** How much to simulate. */
export interface SimulationSize {
  paths: number;
  months: number;
  seed: number;
}

/**
 * Validated paths, months and seed. Too few paths, or months or seed out of range, is a bad
 * argument; more paths than the limits is a valid request this add-in will not run (#NUM!).
 */
export function simulationSize(paths: Num, months: Num, seed: Num): SimulationSize {
  const m = wholeNonNegative("months", months);
  if (m < 1 || m > MAX_SIM_MONTHS)
    throw new InvalidArgumentError("months", `a whole number from 1 to ${MAX_SIM_MONTHS}`, String(m));
  const n = finite("paths", paths, `a whole number of at least ${MIN_PATHS}`);
  if (!n.isInteger() || n.lt(MIN_PATHS))
    throw new InvalidArgumentError("paths", `a whole number of at least ${MIN_PATHS}`, n.toString());
  if (n.gt(MAX_PATHS))
    throw new NoAnswerError(
      `paths: at most ${MAX_PATHS.toLocaleString("en-US")} paths in one cell; got ${n.toString()}`,
    );
  const count = n.toNumber();
  if (count * m > MAX_PATH_MONTHS)
    throw new NoAnswerError(
      `paths: at most ${MAX_PATH_MONTHS.toLocaleString("en-US")} paths × months in one cell ` +
        `(${Math.floor(MAX_PATH_MONTHS / m).toLocaleString("en-US")} paths over ${m} months), so that a cell ` +
        `stays under a second; got ${count.toLocaleString("en-US")} × ${m}`,
    );
  const s = finite("seed", seed, `a whole number from 0 to ${MAX_SEED}`);
  if (!s.isInteger() || s.lt(0) || s.gt(MAX_SEED))
    throw new InvalidArgumentError("seed", `a whole number from 0 to ${MAX_SEED}`, s.toString());
  return { paths: count, months: m, seed: s.toNumber() };
}
