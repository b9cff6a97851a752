/**
 * The boundary between Excel and the calc module: reading Excel's argument values and turning
 * calc errors into Excel errors. No finance here.
 *
 * What Excel passes to a parameter declared as `any`: a number, a string (text, or "" from a
 * formula), a boolean, null (omitted argument or blank cell) or, from a range, a 2-D array.
 */
import { InvalidArgumentError, NoAnswerError } from "../calc/errors";
import { fieldOf, Param } from "./params";

/** One Excel argument as the runtime hands it over. */
export type ExcelArg = unknown;

/** The most characters of an argument an error message quotes: a cell may hold 32,767. */
export const MAX_QUOTED = 60;

function clipped(text: string): string {
  return text.length > MAX_QUOTED
    ? `${text.slice(0, MAX_QUOTED)}… (${text.length.toLocaleString("en-US")} characters)`
    : text;
}

/** An argument as a message quotes it: text in quotes, at most MAX_QUOTED characters of it. */
export function quoteArgument(v: unknown): string {
  if (typeof v === "string") {
    const json = JSON.stringify(v.slice(0, MAX_QUOTED));
    return v.length > MAX_QUOTED ? `${json}… (${v.length.toLocaleString("en-US")} characters)` : json;
  }
  return describeArgument(v);
}

export function describeArgument(v: unknown): string {
  if (typeof v === "string") return `text "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = Array.isArray(v[0]) ? v[0].length : 1;
    return `a ${rows}×${cols} range`;
  }
  return String(v);
}

/** The single value of an argument, or null when it is omitted, blank or "". */
function single(name: string, v: ExcelArg): unknown {
  if (Array.isArray(v)) {
    // A 1×1 range is a single cell; anything larger is ambiguous for a scalar parameter.
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0];
    else throw new InvalidArgumentError(name, "a single cell or number", describeArgument(v));
  }
  if (v === null || v === undefined || v === "") return null;
  return v;
}

/** A finite number, or null when the argument is omitted or blank. */
function numberOrNull(name: string, v: ExcelArg): number | null {
  const x = single(name, v);
  if (x === null) return null;
  if (typeof x === "number") {
    if (Number.isFinite(x)) return x;
    throw new InvalidArgumentError(name, "a finite number", describeArgument(x));
  }
  throw new InvalidArgumentError(name, "a number", describeArgument(x));
}

/** A required numeric argument. Blank is refused rather than read as 0: a model missing an input should say so. */
export function requiredNumber(name: string, v: ExcelArg): number {
  const x = numberOrNull(name, v);
  if (x === null) throw new InvalidArgumentError(name, "a number (it is required, and the argument is blank)");
  return x;
}

/** An optional numeric argument without a default: omitted or blank gives undefined (not given). */
export function numberIfGiven(name: string, v: ExcelArg): number | undefined {
  return numberOrNull(name, v) ?? undefined;
}

/** An optional numeric argument: omitted or blank gives the documented default. */
export function optionalNumber(name: string, v: ExcelArg, dflt: number): number {
  const x = numberOrNull(name, v);
  return x === null ? dflt : x;
}

/** Numbers read from a row or column, and where each came from ("row 3", "column 2"), for messages. */
export interface NumberList {
  values: number[];
  /** Where values[k] sits in the range given, 1-based: "row 3" of a column, "column 3" of a row. */
  positions: string[];
}

const isBlankCell = (v: unknown) => v === null || v === undefined || v === "";

/**
 * A list argument: a single number, or a row or a column of numbers (what a matrix parameter
 * receives). Blank cells are skipped where `blanks` is "skip"; with "ends" only leading and
 * trailing ones are (a range selected longer than its data), and a blank between values is
 * refused, naming its row or column (a gap in a time series would silently join two periods).
 */
export function numberList(name: string, v: ExcelArg, blanks: "skip" | "ends"): NumberList {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0]; // one cell
  if (!Array.isArray(v)) {
    if (isBlankCell(v)) return { values: [], positions: [] };
    if (typeof v === "number" && Number.isFinite(v)) return { values: [v], positions: ["row 1"] };
    throw new InvalidArgumentError(name, typeof v === "number" ? "a finite number" : "a number", describeArgument(v));
  }
  const rows = v.length;
  const cols = Array.isArray(v[0]) ? v[0].length : 0;
  if (!v.every((row) => Array.isArray(row) && row.length === cols) || cols === 0)
    throw new InvalidArgumentError(name, "a row or a column of numbers", describeArgument(v));
  if (rows > 1 && cols > 1)
    throw new InvalidArgumentError(name, "a single row or a single column of numbers", describeArgument(v));
  const cells: unknown[] = rows > 1 ? v.map((row) => (row as unknown[])[0]) : (v[0] as unknown[]);
  const where = (k: number) => `${rows > 1 ? "row" : "column"} ${k + 1}`;
  let first = 0;
  let last = cells.length - 1;
  if (blanks === "ends") {
    while (first <= last && isBlankCell(cells[first])) first++;
    while (last >= first && isBlankCell(cells[last])) last--;
  }
  const values: number[] = [];
  const positions: string[] = [];
  for (let k = first; k <= last; k++) {
    const x = cells[k];
    if (isBlankCell(x)) {
      if (blanks === "skip") continue;
      throw new InvalidArgumentError(
        name,
        "a number in every cell between the first and the last value",
        `a blank in ${where(k)}`,
      );
    }
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new InvalidArgumentError(
        name,
        typeof x === "number" ? "a finite number" : "a number",
        `${describeArgument(x)} in ${where(k)}`,
      );
    values.push(x);
    positions.push(where(k));
  }
  return { values, positions };
}

/**
 * A calc error names the calc field (efficiency_j_th); the user passed wall_efficiency_j_th. This
 * is the same error under the public name, so a message always names an argument Excel shows.
 */
export function inPublicTerms(e: InvalidArgumentError, params: readonly Param[]): InvalidArgumentError {
  if (params.some((p) => p.name === e.argument)) return e;
  const p = params.find((x) => fieldOf(x) === e.argument || x.reportedAs?.includes(e.argument));
  return p ? new InvalidArgumentError(p.name, e.allowed, e.got) : e;
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

/** A calc result as an Excel number; beyond a double's range is #NUM!. */
export function toExcelNumber(x: { toNumber(): number }): number {
  const n = x.toNumber();
  if (!Number.isFinite(n)) throw new NoAnswerError("the result is beyond Excel's number range");
  return n === 0 ? 0 : n; // never hand Excel a -0
}

/**
 * Runs a calculation for function `fn` (whose parameters are `params`) and returns its number, or
 * throws the Excel error. Every custom function goes through here, so nothing a calculation throws
 * escapes as a crash.
 */
export function excelNumber(fn: string, params: readonly Param[], calc: () => { toNumber(): number }): number {
  try {
    return toExcelNumber(calc());
  } catch (e) {
    throw toExcelError(fn, e, params);
  }
}

/** Like `excelNumber` for a dynamic array result. */
export function excelMatrix(
  fn: string,
  params: readonly Param[],
  calc: () => (string | number)[][],
): (string | number)[][] {
  try {
    return calc();
  } catch (e) {
    throw toExcelError(fn, e, params);
  }
}
