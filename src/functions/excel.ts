/**
 * The boundary between Excel and the calc module: reading Excel's argument values and turning
 * calc errors into Excel errors. No finance here.
 *
 * The arguments themselves are read by read.ts.
 */
import { clipped, InvalidArgumentError, NoAnswerError, quoted } from "../calc/errors";
import { Decimal } from "../calc/decimal";
import { decimalToDouble } from "../calc/fast/to-double";
import { fieldOf, Param } from "./params";

/** An argument as a message quotes it: text in quotes, at most MAX_QUOTED characters of it. */
export function quoteArgument(v: unknown): string {
  return typeof v === "string" ? quoted(v) : describeArgument(v);
}

/** An argument as a message describes it: text "abc", TRUE, a 2×3 range, an error (#N/A), 5. */
export function describeArgument(v: unknown): string {
  if (typeof v === "string") return `text ${quoted(v)}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = Array.isArray(v[0]) ? v[0].length : 1;
    return `a ${rows.toLocaleString("en-US")}×${cols.toLocaleString("en-US")} range`;
  }
  if (typeof v === "object" && v !== null) {
    const { code, basicValue: basic } = v as { code?: unknown; basicValue?: unknown };
    const error = typeof code === "string" ? code : typeof basic === "string" ? basic : undefined;
    return error === undefined ? "an error or other non-number" : `an error (${clipped(error)})`;
  }
  return String(v);
}

/**
 * A cell's basic value. With data types (functions.json's allowCustomDataForDataTypeAny), Excel
 * passes a formatted number or a linked data type as an object in the Office.js cell-value shape:
 * a formatted number `{ type: "FormattedNumber" | "Double", basicValue: 5, numberFormat }`, a
 * boolean or text `{ type: "Boolean" | "String", basicValue }`, an entity or linked entity
 * `{ type: "Entity", text: "Seattle", basicValue: "#VALUE!", properties }`. A number or a boolean
 * reads as itself; an entity as the text its cell shows (so "must be a number; got text ..." names
 * it); an error value stays an object, which no reader accepts. Anything else is returned as is.
 */
export function basicValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const cell = v as { type?: unknown; basicValue?: unknown; text?: unknown };
  if (cell.type === "Error") return v;
  if (typeof cell.basicValue === "number" || typeof cell.basicValue === "boolean") return cell.basicValue;
  if (typeof cell.text === "string") return cell.text;
  if (typeof cell.basicValue === "string") return cell.basicValue;
  return v;
}

/**
 * A calc error names the calc field (efficiency_j_th); the user passed wall_efficiency_j_th. This
 * is the same error under the public name, so a message always names an argument Excel shows.
 */
export function inPublicTerms(e: InvalidArgumentError, params: readonly Param[]): InvalidArgumentError {
  const publicName = (name: string) => {
    if (params.some((p) => p.name === name)) return name;
    const p = params.find((x) => fieldOf(x) === name || x.reportedAs?.includes(name));
    return p ? p.name : name;
  };
  const names = e.names.map(publicName);
  if (names.every((n, i) => n === e.names[i])) return e;
  return new InvalidArgumentError(names[0], e.allowed, e.got, names.slice(1));
}

/**
 * The Excel error for anything a calculation threw, with a message naming the function and, given
 * the function's parameters, the argument by its public name.
 */
export function toExcelError(fn: string, e: unknown, params: readonly Param[] = []): CustomFunctions.Error {
  if (e instanceof InvalidArgumentError) {
    const named = inPublicTerms(e, params);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${fn}: ${named.message}`);
  }
  if (e instanceof NoAnswerError) {
    // Excel shows messages only on #VALUE! and #N/A; the message still helps in logs and tests.
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, `${fn}: ${e.message}`);
  }
  if (e instanceof CustomFunctions.Error) return e;
  const detail = clipped(e instanceof Error ? e.message : String(e));
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${fn}: unexpected error (${detail})`);
}

/** 0 for −0, any other number as it is: no cell receives a −0 (1/−0 is −∞ in whatever reads it next). */
export const withoutNegativeZero = (n: number): number => (n === 0 ? 0 : n);

/** A number as a cell receives it: never −0, and beyond a double's range #NUM!. */
export function excelValue(n: number): number {
  if (!Number.isFinite(n)) throw new NoAnswerError("the result is beyond Excel's number range");
  return withoutNegativeZero(n);
}

/** A calc result as an Excel number; beyond a double's range is #NUM!, and never −0. */
export function toExcelNumber(x: number | { toNumber(): number }): number {
  // A Decimal converts without a string (the same double as toNumber(), certified in calc/fast).
  return excelValue(typeof x === "number" ? x : x instanceof Decimal ? decimalToDouble(x) : x.toNumber());
}

/**
 * Runs a calculation for function `fn` (whose parameters are `params`) and returns its number, or
 * throws the Excel error. Every custom function goes through here, so nothing a calculation throws
 * escapes as a crash.
 */
export function excelNumber(fn: string, params: readonly Param[], calc: () => number | { toNumber(): number }): number {
  try {
    return toExcelNumber(calc());
  } catch (e) {
    throw toExcelError(fn, e, params);
  }
}

/**
 * Like `excelNumber` for a dynamic array result: every number cell goes through `excelValue`, so
 * no table hands Excel a −0 or a non-finite number, whichever column it comes from.
 */
/** A table as Excel receives it: rows of numbers and text. */
export type ExcelTable = (string | number)[][];

export function excelMatrix(fn: string, params: readonly Param[], calc: () => ExcelTable): ExcelTable {
  try {
    return calc().map((row) => row.map((cell) => (typeof cell === "number" ? excelValue(cell) : cell)));
  } catch (e) {
    throw toExcelError(fn, e, params);
  }
}
