/**
 * The values a number input accepts, written as data: an interval (each end open or closed, or
 * absent), whole numbers or not. One definition serves three readers, so they cannot disagree:
 *   - the calc guards (validate.ts: `within`, `positive`, `fraction`, ...), for direct callers;
 *   - the Excel argument reader (src/functions/read.ts), which checks each argument once, by its
 *     public name, before calc runs;
 *   - the registry's words for each parameter (src/functions/params.ts: `allowed`), which Excel's
 *     tooltips, the help pages and docs/functions.md show.
 * No dependencies: calc and the function layer both import it, and it imports neither.
 */

/** What a number argument may be. */
export interface Limits {
  readonly min?: number;
  /** The minimum itself is refused: "greater than min". */
  readonly minOpen?: boolean;
  readonly max?: number;
  /** The maximum itself is refused: "up to but not max". */
  readonly maxOpen?: boolean;
  /** Whole numbers only (and never beyond 2^53 − 1, the last a double counts exactly). */
  readonly whole?: boolean;
  /**
   * Values beyond the minimum or the maximum are valid questions without an answer (#NUM!), not
   * bad arguments: the reader lets them through to calc, which says why there is no answer.
   */
  readonly noAnswerBeyond?: "min" | "max";
  /** What a value is called in an error: "number" unless said ("fraction", "rate"). */
  readonly noun?: string;
  /** Said in parentheses after the range in an error: an example or the reason for the limit. */
  readonly hint?: string;
  /**
   * Most cells a range argument (a column, a list, a table of numbers) may hold; no limit when
   * absent. The reader refuses a longer range before reading its cells.
   */
  readonly maxCells?: number;
}

/** The largest whole number a double holds exactly, 2^53 − 1. */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;

/** Any finite number. */
export const ANY: Limits = {};
/** Greater than 0. */
export const POSITIVE: Limits = { min: 0, minOpen: true };
/** 0 or more. */
export const NON_NEGATIVE: Limits = { min: 0 };
/** A fraction from 0 to 1, as Excel writes percentages. */
export const FRACTION: Limits = { min: 0, max: 1, noun: "fraction", hint: "0.02 = 2%" };
/** A rate greater than −100%: growth, discount, escalation. */
export const RATE: Limits = { min: -1, minOpen: true, noun: "rate", hint: "0.05 = 5%" };
/** A whole number, 0 or more. */
export const WHOLE_NON_NEGATIVE: Limits = { min: 0, whole: true };
/** 1 or more. */
export const AT_LEAST_ONE: Limits = { min: 1 };
/**
 * A network difficulty: the maximum target over the current target, so never below the genesis
 * difficulty, 1.
 */
export const DIFFICULTY: Limits = { min: 1, hint: "difficulty never falls below the genesis difficulty, 1" };
/**
 * A difficulty path: one difficulty a month, each a difficulty (1 or more), in a column of at most
 * 1,200 rows (the longest schedule: 100 years monthly).
 */
export const DIFFICULTY_PATH: Limits = { ...DIFFICULTY, maxCells: 1200 };
/** A hashprice floor: the network's marginal cost, above 0 (blank: no floor). */
export const HASHPRICE_FLOOR: Limits = {
  min: 0,
  minOpen: true,
  noun: "hashprice",
  hint: "USD per PH/s per day; blank for no floor",
};
/** Power usage effectiveness: site power over the machines' power, never below 1. */
export const PUE: Limits = { min: 1, hint: "site power / machine power; 1.1 = 10% cooling overhead" };
/** The block subsidy: 50 BTC halved every 210,000 blocks. */
export const SUBSIDY: Limits = { min: 0, max: 50, hint: "BTC per block" };
/** Months of a monthly schedule: 1 to 100 years. */
export const SCHEDULE_MONTHS: Limits = { min: 1, max: 1200, whole: true };
/** When rent is paid, coded 0 or 1. */
export const RENT_TIMING: Limits = { min: 0, max: 1, whole: true, hint: "0 = end of month, 1 = beginning of month" };
/** When capex is paid, coded 0 or 1. */
export const CAPEX_TIMING: Limits = {
  min: 0,
  max: 1,
  whole: true,
  hint: "0 = all at month 0, 1 = spread over the build months",
};
/** Gross site MW per MW of critical IT: a site never holds less power than its IT load. */
export const SITE_RATIO: Limits = { min: 1, hint: "gross site MW per critical IT MW" };
/** Yearly fall of a GPU-hour price: a fall of more than 100% is impossible; negative is a rise. */
export const PRICE_DECLINE: Limits = {
  min: -1,
  minOpen: true,
  max: 1,
  noun: "fraction",
  hint: "0.15 = the price falls 15% a year; negative: it rises",
};
/** An annual volatility of the simulated market. */
export const VOLATILITY: Limits = { min: 0, max: 5, noun: "volatility", hint: "0.6 = 60% a year" };
/** A correlation coefficient. */
export const CORRELATION: Limits = { min: -1, max: 1, noun: "correlation" };
/** Simulated paths: fewer than 100 is a bad argument; more than 100,000 is #NUM! (too slow for a cell). */
export const PATHS: Limits = { min: 100, max: 100_000, whole: true, noAnswerBeyond: "max" };
/** A seed: any whole number a double holds exactly. */
export const SEED: Limits = { min: 0, max: MAX_WHOLE, whole: true };
/** A loan-to-value threshold. */
export const LTV: Limits = { min: 0, minOpen: true, max: 1, noun: "fraction", hint: "0.75 = 75%" };
/** A forced sale's discount: all of the value lost is no sale. */
export const HAIRCUT: Limits = { min: 0, max: 1, maxOpen: true, noun: "fraction", hint: "0.2 = 20%" };
/** A monthly burn: 0 or less is a valid input with no runway to report (#NUM!). */
export const BURN: Limits = { min: 0, minOpen: true, noAnswerBeyond: "min" };

/** A bound as the words show it: 2^53 − 1 by name, thousands grouped from 10,000. */
export function showBound(x: number): string {
  if (x === MAX_WHOLE) return "2^53 - 1";
  return Math.abs(x) >= 10_000 ? x.toLocaleString("en-US") : String(x);
}

const isPair = (l: Limits) => l.whole && l.min !== undefined && l.max === l.min + 1 && !l.minOpen && !l.maxOpen;

/**
 * The limits in the registry's words, as Excel's tooltip shows them: "greater than 0", "0 to 1",
 * "a whole number, 0 or more", "0 or 1". Empty for any finite number.
 */
export function allowedWords(l: Limits): string {
  const { min, max } = l;
  if (isPair(l)) return `${showBound(min!)} or ${showBound(max!)}`;
  if (l.whole) {
    if (min !== undefined && max !== undefined) return `a whole number from ${showBound(min)} to ${showBound(max)}`;
    if (min !== undefined) return `a whole number, ${showBound(min)} or more`;
    return "a whole number";
  }
  if (min !== undefined && max !== undefined) {
    if (l.minOpen) return `greater than ${showBound(min)}, ${l.maxOpen ? "less than" : "at most"} ${showBound(max)}`;
    return `${showBound(min)} ${l.maxOpen ? "up to but not" : "to"} ${showBound(max)}`;
  }
  if (min !== undefined) return l.minOpen ? `greater than ${showBound(min)}` : `${showBound(min)} or more`;
  if (max !== undefined) return l.maxOpen ? `less than ${showBound(max)}` : `${showBound(max)} or less`;
  return "";
}

/**
 * What an error says the value must be: "a number greater than 0", "a fraction from 0 to 1
 * (0.02 = 2%)", "a whole number of 0 or more", "0 or 1 (...)".
 */
export function mustBe(l: Limits): string {
  // A bound beyond which there is no answer (#NUM!) is not part of what a valid argument must be.
  const min = l.noAnswerBeyond === "min" ? undefined : l.min;
  const max = l.noAnswerBeyond === "max" ? undefined : l.max;
  const hint = l.hint ? ` (${l.hint})` : "";
  if (isPair(l)) return `${showBound(l.min!)} or ${showBound(l.max!)}${hint}`;
  const noun = l.whole ? "a whole number" : `a ${l.noun ?? "number"}`;
  let range = "";
  if (min !== undefined && max !== undefined) {
    if (l.minOpen && l.maxOpen) range = `strictly between ${showBound(min)} and ${showBound(max)}`;
    else if (l.minOpen) range = `greater than ${showBound(min)} and at most ${showBound(max)}`;
    else range = `from ${showBound(min)} ${l.maxOpen ? "up to but not including" : "to"} ${showBound(max)}`;
  } else if (min !== undefined) range = l.minOpen ? `greater than ${showBound(min)}` : `of ${showBound(min)} or more`;
  else if (max !== undefined) range = l.maxOpen ? `less than ${showBound(max)}` : `of ${showBound(max)} or less`;
  return `${noun}${range ? ` ${range}` : ""}${hint}`;
}

/** A limit a value breaks: below the minimum, above the maximum, not whole, or beyond 2^53 − 1. */
export type Broken = "min" | "max" | "whole" | "size";

/**
 * Which limit a finite number breaks, if any. A bound beyond which there is no answer
 * (`noAnswerBeyond`) is not broken: calc says why there is no answer.
 */
export function breaks(l: Limits, x: number): Broken | undefined {
  if (l.min !== undefined && l.noAnswerBeyond !== "min" && (l.minOpen ? !(x > l.min) : !(x >= l.min))) return "min";
  if (l.max !== undefined && l.noAnswerBeyond !== "max" && (l.maxOpen ? !(x < l.max) : !(x <= l.max))) return "max";
  if (l.whole) {
    if (!Number.isInteger(x)) return "whole";
    if (Math.abs(x) > MAX_WHOLE) return "size";
  }
  return undefined;
}
