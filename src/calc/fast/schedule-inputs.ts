/**
 * The schedules' arguments as the fast paths take them: plain doubles that the decimal path
 * certainly accepts, read as it reads them. Each reader returns the number (with the decimal
 * path's default for undefined), or NaN when the argument is not a finite number or the decimal
 * path might refuse it: then the fast path declines, and the decimal path runs and gives its own
 * error with its own message. A double x is read by the decimal path as D(x), its shortest decimal
 * (exact-input.ts); for the comparisons below that changes nothing: D(x) = 0, 1 or an integer
 * exactly when x is, and D(x) > c exactly when x > c for the small integers c compared with.
 */
import { Num } from "../decimal";

/** The argument when it is a finite number; its default when undefined; else NaN. */
function plain(x: Num | undefined, byDefault: number): number {
  if (x === undefined) return byDefault;
  return typeof x === "number" && x - x === 0 ? x : NaN;
}

/** > 0 (POSITIVE). */
export const positiveArg = (x: Num | undefined, d = NaN) => ok(plain(x, d), (v) => v > 0);
/** ≥ 0 (NON_NEGATIVE). */
export const nonNegativeArg = (x: Num | undefined, d = NaN) => ok(plain(x, d), (v) => v >= 0);
/** 0 to 1 (FRACTION). */
export const fractionArg = (x: Num | undefined, d = NaN) => ok(plain(x, d), (v) => v >= 0 && v <= 1);
/** > −1 (RATE). */
export const rateArg = (x: Num | undefined, d = NaN) => ok(plain(x, d), (v) => v > -1);
/** A whole number ≥ 0 and below `below` (WHOLE_NON_NEGATIVE, and the schedule's room). */
export const wholeArg = (x: Num | undefined, below: number, d = NaN) =>
  ok(plain(x, d), (v) => v >= 0 && v < below && Math.floor(v) === v);
/** One of the codes 0 or 1 (undefined: 0), as `choice` reads them. */
export const codeArg = (x: Num | undefined) => ok(plain(x, 0), (v) => v === 0 || v === 1);

/** TRUE/FALSE, or 1/0 (undefined: the default), as `yesNo` reads them; undefined when not certain. */
export function switchArg(x: boolean | Num | undefined, byDefault: boolean): boolean | undefined {
  if (x === undefined) return byDefault;
  if (typeof x === "boolean") return x;
  return x === 1 ? true : x === 0 ? false : undefined;
}

/**
 * Months in a term of `years` (`wholeMonthsOfYears`): years × 12 within 1e-9 of a whole number of
 * at least 1. Accepted here only within 1e-10 in doubles (the product's rounding and D(years) − years
 * move it by less than 1e-13 at these sizes), so the decimal path's answer is certainly the same
 * whole number; NaN otherwise.
 */
export function monthsOfYears(years: Num | undefined, d = NaN): number {
  const y = plain(years, d);
  if (!(y > 0 && y <= 200)) return NaN;
  const months = Math.round(y * 12);
  return months >= 1 && Math.abs(y * 12 - months) <= 1e-10 ? months : NaN;
}

const ok = (v: number, test: (v: number) => boolean) => (test(v) ? v : NaN);

/** Whether every value is a number (none NaN). */
export const allRead = (...v: number[]) => v.every((x) => x === x);
