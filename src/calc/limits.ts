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
   * The longest range a range argument takes: values in a row or column (a list, a column by
   * month), rows of a table (a two-column range). Without it, its kind's (`LONGEST`). The reader
   * refuses a longer range before it reads a cell, so that no call's work grows with what a
   * reference happens to cover (a whole column is 1,048,576 cells).
   */
  readonly maxLength?: number;
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
 * Months of the longest schedule: 100 years monthly, the longest horizon any model here needs (a
 * 50-year ground lease, a century of halvings) and what keeps a schedule of the slowest function
 * within ~0.1 s (docs/conventions.md#limits). Every monthly limit (schedules, leases, paybacks,
 * simulations, difficulty paths) is this one.
 */
export const MAX_SCHEDULE_MONTHS = 1200;
/**
 * A difficulty path: one difficulty a month, each a difficulty (1 or more), in a column of at most
 * MAX_SCHEDULE_MONTHS rows.
 */
export const DIFFICULTY_PATH: Limits = { ...DIFFICULTY, maxLength: MAX_SCHEDULE_MONTHS };
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
/** Months of a monthly schedule: 1 to MAX_SCHEDULE_MONTHS. */
export const SCHEDULE_MONTHS = { min: 1, max: MAX_SCHEDULE_MONTHS, whole: true } as const satisfies Limits;
/**
 * A term or a life in years (a lease's, the GPUs'): up to the schedule's 100 years; with the
 * build before it, the schedule still holds at most SCHEDULE_MONTHS.max months (checked by calc).
 */
export const TERM_YEARS: Limits = {
  min: 0,
  minOpen: true,
  max: SCHEDULE_MONTHS.max / 12,
  hint: `with the build before it, at most ${MAX_SCHEDULE_MONTHS} months`,
};
/** Months of building before service: at least a month of service must still fit the schedule. */
export const BUILD_MONTHS: Limits = {
  min: 0,
  max: SCHEDULE_MONTHS.max - 1,
  whole: true,
  hint: `with the term after it, at most ${MAX_SCHEDULE_MONTHS} months`,
};
/** When rent is paid, coded 0 or 1. */
export const RENT_TIMING: Limits = { min: 0, max: 1, whole: true, hint: "0 = end of month, 1 = beginning of month" };
/** When capex is paid, coded 0 or 1. */
export const CAPEX_TIMING: Limits = {
  min: 0,
  max: 1,
  whole: true,
  hint: "0 = all at month 0, 1 = spread over the build months",
};
/** When the GPUs are paid, coded 0 or 1. */
export const GPU_CAPEX_TIMING: Limits = {
  min: 0,
  max: 1,
  whole: true,
  hint: "0 = at month 0, 1 = on delivery at the end of the build",
};
/** The month a column of cash flows starts at, coded 0 or 1. */
export const FIRST_MONTH: Limits = {
  min: 0,
  max: 1,
  whole: true,
  hint: "1 = the column starts at month 1; 0 = at month 0, as LEASECASHFLOWS",
};
/** The first month a schedule pays a tax in: month 1 or later (after the horizon: never). */
export const ENERGY_TAX_START: Limits = {
  min: 1,
  whole: true,
  hint: "1 = from the first month; a month after the horizon: no energy tax",
};
/** A month of the year. */
export const MONTH_OF_YEAR: Limits = { min: 1, max: 12, whole: true, hint: "1 = January, 12 = December" };
/** Tax years of a depreciation schedule: a century at most. */
export const DEPRECIATION_YEARS: Limits = { min: 1, max: 100, whole: true };
/** A schedule's monthly column: month 0 and 1,200 months at most (calc's schedules' limit). */
export const SCHEDULE_COLUMN_CELLS = 1201;
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
/**
 * The most path-months (paths × months) one simulation cell runs: 10,000 paths over 30 years,
 * under 2 s at the limit on a shared two-core machine (npm run bench); more is #NUM!.
 */
export const PATH_MONTHS = 3_600_000;
/**
 * CONVERSIONOPTION's path-months: half PATH_MONTHS, since each path is simulated twice (the
 * fitting set and the valuation set) and the fitting set is held in memory (two doubles a
 * path-month), so a cell at this cap does about the work of a distribution cell at its own.
 */
export const OPTION_PATH_MONTHS = PATH_MONTHS / 2;
/** A seed: any whole number a double holds exactly. */
export const SEED: Limits = { min: 0, max: MAX_WHOLE, whole: true };
/** A loan-to-value threshold. */
export const LTV: Limits = { min: 0, minOpen: true, max: 1, noun: "fraction", hint: "0.75 = 75%" };
/** A forced sale's discount: all of the value lost is no sale. */
export const HAIRCUT: Limits = { min: 0, max: 1, maxOpen: true, noun: "fraction", hint: "0.2 = 20%" };
/** A monthly burn: 0 or less is a valid input with no runway to report (#NUM!). */
export const BURN: Limits = { min: 0, minOpen: true, noAnswerBeyond: "min" };

/**
 * The longest series VOLATILITY reads: BTC's whole daily history (~5,800 days since July 2010) or
 * a year of hourly prices (8,760), in ~0.8 s of CPU.
 */
export const VOLATILITY_VALUES = { maxLength: 10_000 } as const satisfies Limits;

/**
 * The longest range of each kind of range argument (`maxLength` unless a parameter says otherwise),
 * so that a parameter added later is bounded too:
 *   - column: one value a month of the longest schedule, months 0 to 1,200;
 *   - list: a row or column of numbers, as long as a column;
 *   - pairs: rows of a two-column table of numbers, as many as a column's values;
 *   - range: rows of FROMTABLE's tables of names and values: a list's values continue on rows
 *     below its name (VOLATILITY's 10,000), and a thousand rows more hold every parameter's name,
 *     blank rows and notes.
 * Why each is what it is: docs/conventions.md#limits.
 */
export const LONGEST = {
  column: SCHEDULE_MONTHS.max + 1,
  list: SCHEDULE_MONTHS.max + 1,
  pairs: SCHEDULE_MONTHS.max + 1,
  range: VOLATILITY_VALUES.maxLength + 1_000,
} as const;
/** The kinds of range argument (src/functions/params.ts: Kind). */
export type RangeKind = keyof typeof LONGEST;

/** The most quantiles a distribution reports: every percentile from P1 to P99. */
export const QUANTILES = { maxLength: 99 } as const satisfies Limits;
/**
 * The most bands of a marginal tax table: New York's S8518 has 5, the US federal income tax 7; a
 * hundred holds any real table.
 */
export const TAX_BANDS = { maxLength: 100 } as const satisfies Limits;
/**
 * The most phased deliveries of one lease: a hall delivered every month for ten years. Each phase
 * is a lease of its own over the whole term, so this bounds a phased lease's work at 120 leases.
 */
export const PHASES = { maxLength: 120 } as const satisfies Limits;

/** The longest range a parameter of this kind takes: its own `maxLength`, or the kind's. */
export function longestOf(kind: RangeKind, l: Limits | undefined): number {
  return l?.maxLength ?? LONGEST[kind];
}
/** How often a live cell asks for new data: from every minute to once a day. */
export const REFRESH_MINUTES: Limits = { min: 1, max: 1440, noun: "number of minutes", hint: "1 minute to a day" };

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
