/**
 * Domain checks shared by the calc functions. Each takes the public parameter name so that the
 * error tells the user which argument is wrong and what it may be, and returns a Decimal. The
 * ranges are the data in limits.ts, which the Excel argument reader checks too.
 */
import { Decimal, Num, ZERO } from "./decimal";
import { InvalidArgumentError, MAX_QUOTED, quoted } from "./errors";
import {
  Broken,
  DIFFICULTY,
  FRACTION,
  Limits,
  MAX_WHOLE,
  mustBe,
  NON_NEGATIVE,
  POSITIVE,
  RATE,
  WHOLE_NON_NEGATIVE,
} from "./limits";

/**
 * Decimals of recently seen numbers. Parsing a double into a Decimal goes through its decimal
 * string and costs more than the arithmetic of a whole formula; a recalculating sheet passes the
 * same inputs (power price, difficulty, ...) to thousands of cells, so most lookups hit.
 * Decimals are immutable, so sharing them is safe. Bounded: cleared when full.
 */
const parsed = new Map<number, Decimal>();
const MAX_PARSED = 4096;

export function decimalOf(x: number): Decimal {
  let d = parsed.get(x);
  if (d === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    d = new Decimal(x);
    parsed.set(x, d);
  }
  return d;
}

/** A value as a message shows it: a number or Decimal as itself, a long string quoted and cut. */
function show(x: Num): string {
  if (typeof x === "string") return x.length > MAX_QUOTED ? quoted(x) : x;
  return typeof x === "number" ? String(x) : x.toString();
}

/** Any finite number. */
export function finite(name: string, x: Num, allowed = "a finite number"): Decimal {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new InvalidArgumentError(name, allowed, show(x));
    return decimalOf(x);
  }
  let d: Decimal;
  try {
    d = x instanceof Decimal ? x : new Decimal(x);
  } catch {
    throw new InvalidArgumentError(name, allowed, typeof x === "string" ? quoted(x) : String(x));
  }
  if (!d.isFinite()) throw new InvalidArgumentError(name, allowed, show(x));
  return d;
}

/**
 * A number within `limits` (src/calc/limits.ts), as a Decimal; -0 is read as 0. The error names
 * the argument and says what it must be, in the words the registry uses for the same limits.
 */
export function within(name: string, x: Num, limits: Limits): Decimal {
  const allowed = mustBe(limits);
  const d = finite(name, x, allowed);
  const broken = breaksDecimal(limits, d);
  if (broken === "size") throw new InvalidArgumentError(name, `${allowed} up to ${MAX_WHOLE}`, show(x));
  if (broken !== undefined) throw new InvalidArgumentError(name, allowed, show(x));
  return d.isZero() ? ZERO : d;
}

/** `breaks` (limits.ts) in exact decimal arithmetic, for inputs given as decimal strings or Decimals. */
function breaksDecimal(l: Limits, d: Decimal): Broken | undefined {
  if (l.min !== undefined && l.noAnswerBeyond !== "min" && (l.minOpen ? !d.gt(l.min) : d.lt(l.min))) return "min";
  if (l.max !== undefined && l.noAnswerBeyond !== "max" && (l.maxOpen ? !d.lt(l.max) : d.gt(l.max))) return "max";
  if (l.whole) {
    if (!d.isInteger()) return "whole";
    if (d.abs().gt(MAX_WHOLE)) return "size";
  }
  return undefined;
}

/** A finite number > 0. */
export const positive = (name: string, x: Num): Decimal => within(name, x, POSITIVE);

/** A finite number >= 0. */
export const nonNegative = (name: string, x: Num): Decimal => within(name, x, NON_NEGATIVE);

/** A fraction from 0 to 1 inclusive, as Excel writes rates (0.02 = 2%). */
export const fraction = (name: string, x: Num): Decimal => within(name, x, FRACTION);

/** A rate greater than -1 (-100%), e.g. a growth or discount rate (0.05 = 5%). */
export const rateAboveMinusOne = (name: string, x: Num): Decimal => within(name, x, RATE);

/** A whole number >= 0 that a double represents exactly (<= 2^53 - 1). */
export function wholeNonNegative(name: string, x: Num): number {
  return within(name, x, WHOLE_NON_NEGATIVE).toNumber();
}

/**
 * A network difficulty: finite and at least 1. Difficulty is the maximum target over the current
 * target, so the protocol never goes below 1 (the genesis difficulty).
 */
export const difficultyAtLeastOne = (name: string, x: Num): Decimal => within(name, x, DIFFICULTY);

/** How far from a whole month a term in years × 12 may be and still be read as that month (=7+4/12). */
export const WHOLE_MONTH_TOLERANCE = new Decimal("1e-9");

/**
 * A duration in years that is a whole number of months: years > 0 and years × 12 within 1e-9 of a
 * whole number, so a term typed as =7+4/12 (whose double × 12 is 87.99999999999999) is 88 months.
 * @returns the number of months (>= 1)
 */
export function wholeMonthsOfYears(name: string, years: Num, example = "e.g. 10 or 12.5"): number {
  const y = positive(name, years);
  const months = y.mul(12);
  const whole = months.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  if (whole.lt(1) || months.sub(whole).abs().gt(WHOLE_MONTH_TOLERANCE)) {
    throw new InvalidArgumentError(
      name,
      `a whole number of months in years (${name} × 12 whole, ${example})`,
      show(years),
    );
  }
  if (whole.gt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidArgumentError(name, `at most ${Number.MAX_SAFE_INTEGER / 12} years`, show(years));
  }
  return whole.toNumber();
}

/**
 * A yes/no switch: TRUE/FALSE, or 1/0 as a sheet may hold them; `undefined` takes the default.
 */
export function yesNo(name: string, x: boolean | Num | undefined, byDefault: boolean): boolean {
  if (x === undefined) return byDefault;
  if (typeof x === "boolean") return x;
  const allowed = "TRUE or FALSE (or 1 or 0)";
  const d = finite(name, x, allowed);
  if (d.eq(1)) return true;
  if (d.eq(0)) return false;
  throw new InvalidArgumentError(name, allowed, show(x));
}

/** One of a few whole-number codes (e.g. 0 = end of month, 1 = beginning), `undefined` = the first. */
export function choice(name: string, x: Num | undefined, codes: readonly number[], meaning: string): number {
  if (x === undefined) return codes[0];
  const allowed = `${codes.join(" or ")} (${meaning})`;
  const d = finite(name, x, allowed);
  const code = codes.find((c) => d.eq(c));
  if (code === undefined) throw new InvalidArgumentError(name, allowed, show(x));
  return code;
}

/**
 * A range's length (a table's rows, a list's values) within `limits.maxLength`, the same limit the
 * Excel reader checks before it reads a cell; no limit when absent.
 */
export function notLonger(name: string, length: number, limits: Limits, unit: "rows" | "values"): void {
  const most = limits.maxLength;
  if (most !== undefined && length > most) {
    throw new InvalidArgumentError(
      name,
      `a range of at most ${most.toLocaleString("en-US")} ${unit}`,
      `${length.toLocaleString("en-US")} ${unit}`,
    );
  }
}

/** Rows of a table argument (a two-column Excel range), as calc receives them. */
export type Rows = readonly (readonly Num[])[];

/**
 * A table argument's shape: at least one row and at most `limits.maxLength` (checked first, so a
 * long table costs nothing), each of `columns` cells.
 * @param what what each row holds, e.g. "(band start in kWh, USD per kWh)"
 */
export function tableRows(name: string, rows: Rows, columns: number, what: string, limits: Limits = {}): void {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new InvalidArgumentError(name, `a range of rows ${what}`, "no rows");
  }
  notLonger(name, rows.length, limits, "rows");
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) {
      const got = Array.isArray(row) ? `${row.length} cells in row ${i + 1}` : `row ${i + 1} is not a row`;
      throw new InvalidArgumentError(name, `a ${columns}-column range, each row ${what}`, got);
    }
  });
}

/** A finite number in a table argument; an error names the table and the row (1-based). */
export function tableNumber(name: string, allowed: string, row: number, what: string, x: Num): Decimal {
  try {
    return finite(name, x, allowed);
  } catch {
    throw new InvalidArgumentError(name, allowed, `row ${row}: ${what} ${typeof x === "string" ? quoted(x) : show(x)}`);
  }
}
