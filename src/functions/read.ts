/**
 * The one argument reader: a function's positional arguments read by its parameter list
 * (params.ts), each by its kind, checked once against its limits (src/calc/limits.ts), and keyed
 * by the calc module's name for it, typed by the list, so a function hands calc what it read
 * without a cast.
 *
 * What Excel passes to a parameter declared as `any`: a number, a string (text, or "" from a
 * formula), a boolean, null (an omitted argument or a blank cell), a 2-D array (a range, or a
 * matrix parameter's value), or, with data types, an object: a formatted number, an entity or a
 * linked data type (read as its basic value, see `basicValue`).
 *
 * Every error names the argument as Excel shows it, says what it must be and what it got: a
 * blank required argument, the wrong kind of value (text where a number is expected), a value
 * outside the limits (with the row of a range), a range of the wrong shape.
 */
import { InvalidArgumentError } from "../calc/errors";
import { breaks, MAX_WHOLE, mustBe } from "../calc/limits";
import { basicValue, describeArgument, quoteArgument } from "./excel";
import { fieldOf, isRangeKind, lengthUnit, longestRange, mustBeGiven, Param } from "./params";

/** A list argument's numbers and where each came from ("row 3", "column 2"), for messages. */
export interface NumberList {
  values: number[];
  /** Where values[k] sits in the range given, 1-based: "row 3" of a column, "column 3" of a row. */
  positions: string[];
}

/** What a parameter reads as, by its kind. */
type Value<P> = P extends { kind: "boolean" }
  ? boolean
  : P extends { kind: "pairs" }
    ? number[][]
    : P extends { kind: "column" }
      ? number | number[]
      : P extends { kind: "text" }
        ? string
        : P extends { kind: "textOrColumn" }
          ? string | number[]
          : P extends { kind: "list" }
            ? NumberList
            : P extends { kind: "range" }
              ? unknown
              : number;

/**
 * Whether a read parameter always has a value: required (also after optional ones) or with a
 * default. A list's default is the calc module's own (the quantiles P10, P50, P90), so a blank list
 * is absent.
 */
type Present<P> = P extends { afterOptional: true }
  ? true
  : P extends { kind: "list"; default: string }
    ? false
    : P extends { default: number | string | boolean }
      ? true
      : P extends { optional: true }
        ? false
        : true;

/** The calc module's name for a parameter: its `field`, or its public name. */
type Field<P> = P extends { field: infer F extends string }
  ? F
  : P extends { name: infer N extends string }
    ? N
    : never;

/** What `read` returns for a parameter list: each value under its calc name, typed by its kind. */
export type Read<L extends readonly Param[]> = {
  -readonly [P in L[number] as Present<P> extends true ? Field<P> : never]: Value<P>;
} & {
  -readonly [P in L[number] as Present<P> extends true ? never : Field<P>]?: Value<P>;
};

/**
 * Reads positional arguments by a parameter list: required ones must be given, omitted or blank
 * optional ones take their defaults (or are left out when they have none); every value is
 * checked against its kind and limits.
 */
export function read<L extends readonly Param[]>(params: L, raw: readonly unknown[]): Read<L> {
  const out: Record<string, unknown> = {};
  params.forEach((p, i) => {
    const v = readArgument(p, raw[i]);
    if (v !== undefined) out[fieldOf(p)] = v;
  });
  return out as Read<L>;
}

/** One argument by its parameter; undefined for an omitted optional one without a default. */
export function readArgument(p: Param, raw: unknown): unknown {
  switch (p.kind) {
    case "boolean":
      return readSwitch(p, raw);
    case "pairs":
      return readPairs(p, raw);
    case "column":
      return readColumn(p, raw);
    case "text":
      return readText(p, raw);
    case "list":
      return readList(p, raw);
    case "textOrColumn":
      return readTextOrColumn(p, raw);
    case "range":
      checkLength(p, raw);
      return raw;
    default:
      return readNumber(p, raw);
  }
}

/**
 * The parameter list with one required parameter allowed blank, where the function decides what a
 * blank means (LEASENPV's critical_it_mw with phases: their total).
 */
export function blankAllowed<L extends readonly Param[], N extends L[number]["name"]>(
  params: L,
  name: N,
): readonly (
  Exclude<L[number], { name: N }> | (Omit<Extract<L[number], { name: N }>, "optional"> & { optional: true })
)[] {
  return params.map((p) => (p.name === name ? { ...p, optional: true as const, default: undefined } : p)) as never;
}

/** Whether an argument was given (not omitted, blank or ""): for arguments that exclude each other. */
export function isGiven(raw: unknown): boolean {
  return !isBlank(cellOf(raw));
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** A 1×1 range is its single cell; any cell its basic value. */
function cellOf(v: unknown): unknown {
  return basicValue(Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v);
}

/** A blank required argument: "<name> must be <what> (it is required, and the argument is blank)". */
const blankRequired = (p: Param, what: string) =>
  new InvalidArgumentError(p.name, `${what} (it is required, and the argument is blank)`);

/** The error for a number outside the parameter's limits; `where` is its place in a range ("row 3"). */
function checkLimits(p: Param, x: number, where?: string): void {
  if (!p.limits) return;
  const broken = breaks(p.limits, x);
  if (broken === undefined) return;
  const allowed = `${mustBe(p.limits)}${broken === "size" ? ` up to ${MAX_WHOLE}` : ""}`;
  if (where === undefined) throw new InvalidArgumentError(p.name, allowed, String(x));
  throw new InvalidArgumentError(p.name, `${allowed} in every ${where.split(" ")[0]}`, `${x} in ${where}`);
}

/** A number, or undefined when blank: one cell, finite, within the limits. */
function numberOrBlank(p: Param, raw: unknown): number | undefined {
  if (Array.isArray(raw) && !(raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1)) {
    throw new InvalidArgumentError(p.name, "a single cell or number", describeArgument(raw));
  }
  const x = cellOf(raw);
  if (isBlank(x)) return undefined;
  if (typeof x !== "number") throw new InvalidArgumentError(p.name, "a number", describeArgument(x));
  if (!Number.isFinite(x)) throw new InvalidArgumentError(p.name, "a finite number", describeArgument(x));
  checkLimits(p, x);
  return x;
}

/**
 * A number argument. Blank is refused where it is required rather than read as 0 (a model missing
 * an input should say so); an optional one takes its default, or is absent without one.
 */
function readNumber(p: Param, raw: unknown): number | undefined {
  const x = numberOrBlank(p, raw);
  if (x !== undefined) return x;
  if (mustBeGiven(p)) throw blankRequired(p, "a number");
  return typeof p.default === "number" ? p.default : undefined;
}

/** TRUE/FALSE, or 1/0 as a sheet may hold them; blank gives the default. */
function readSwitch(p: Param, raw: unknown): boolean {
  const v = cellOf(raw);
  if (isBlank(v)) return p.default === true;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  throw new InvalidArgumentError(p.name, "TRUE or FALSE (or 1 or 0)", describeArgument(v));
}

/**
 * Refuses a range longer than the parameter takes (its limits' maxLength, or its kind's: limits.ts
 * LONGEST), from its dimensions alone: before a cell is read, so a whole column (1,048,576 rows)
 * costs no more than a short one. A table's length is its rows; a row's or a column's, its cells.
 */
export function checkLength(p: Param, raw: unknown): void {
  const most = longestRange(p);
  if (most === undefined || !isRangeKind(p.kind) || !Array.isArray(raw)) return;
  const rows = raw.length;
  const first: unknown = raw[0];
  const cols = Array.isArray(first) ? first.length : 1;
  const unit = lengthUnit(p.kind);
  const length = unit === "rows" ? rows : rows * cols;
  if (length <= most) return;
  const shape = unit === "rows" ? "a range" : "a row or column";
  throw new InvalidArgumentError(
    p.name,
    `${shape} of at most ${most.toLocaleString("en-US")} ${unit}`,
    `${describeArgument(raw)} (${length.toLocaleString("en-US")} ${unit})`,
  );
}

/**
 * The rows of a two-column range of numbers, or undefined when it is omitted or has no filled row.
 * Blank rows at the end are skipped (an editable table with room to grow); a blank row above a
 * filled one, a blank or non-numeric cell, or a range that is not two columns wide is refused,
 * naming the row as Excel numbers it (row 1 = the range's first row).
 */
function readPairs(p: Param, raw: unknown): number[][] | undefined {
  if (isBlank(cellOf(raw))) return undefined;
  const allowed = `a two-column range of numbers, a row each (${p.unit})`;
  checkLength(p, raw);
  if (!Array.isArray(raw) || raw.some((row) => !Array.isArray(row) || row.length !== 2)) {
    throw new InvalidArgumentError(p.name, allowed, describeArgument(raw));
  }
  const rows = (raw as unknown[][]).map((row) => row.map(basicValue));
  let last = rows.length;
  while (last > 0 && rows[last - 1].every(isBlank)) last--;
  if (last === 0) return undefined;
  return rows.slice(0, last).map((row, i) =>
    row.map((cell) => {
      if (typeof cell === "number" && Number.isFinite(cell)) return cell;
      const got = isBlank(cell) ? "a blank cell" : describeArgument(cell);
      throw new InvalidArgumentError(p.name, allowed, `row ${i + 1}: ${got}`);
    }),
  );
}

/** A value as the column and text readers quote it: text "abc", TRUE, NaN, an error by its code. */
function shown(v: unknown): string {
  return typeof v === "string" ? `text ${quoteArgument(v)}` : quoteArgument(v);
}

/**
 * A number, or the values of a one-column range, month 1 first. A one-row range is read the same
 * way (left to right), so a model laid out across columns works too; a 1×1 range is a number.
 * Every cell must be a finite number within the limits: a blank, text or TRUE in the column is
 * refused with its row (a blank month read as 0 would be silently wrong). The length is checked by
 * the calc module against `months`, naming both.
 */
function readColumn(
  p: Param,
  raw: unknown,
  allowed = `a number or a one-column range, one value per ${p.series ?? "month"}`,
): number | number[] | undefined {
  let value: number | number[] | undefined;
  if (!Array.isArray(raw) || (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1)) {
    const v = cellOf(raw);
    if (!isBlank(v)) {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new InvalidArgumentError(p.name, allowed, shown(v));
      checkLimits(p, v);
      value = v;
    }
  } else {
    const rows = raw.length;
    const cols = Array.isArray(raw[0]) ? raw[0].length : 0;
    if (rows > 1 && cols > 1) throw new InvalidArgumentError(p.name, allowed, `a ${rows}×${cols} range`);
    checkLength(p, raw);
    if (cols === 0 || raw.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new InvalidArgumentError(p.name, allowed, "an empty or ragged range");
    }
    const where = cols === 1 ? "row" : "column";
    const cells = (raw as unknown[][]).flat();
    // A column selected past its values: the blanks after them are not read (all blank: a blank argument).
    const trailing = p.blanks === "trailing";
    while (trailing && cells.length > 0 && isBlank(basicValue(cells[cells.length - 1]))) cells.pop();
    value =
      trailing && cells.length === 0
        ? undefined
        : cells.map((cell, i) => {
            const c = basicValue(cell);
            if (typeof c !== "number" || !Number.isFinite(c)) {
              const got = isBlank(c) ? "a blank cell" : shown(c);
              throw new InvalidArgumentError(
                p.name,
                `a finite number in every ${where} of the range`,
                `${got} in ${where} ${i + 1}`,
              );
            }
            checkLimits(p, c, `${where} ${i + 1}`);
            return c;
          });
  }
  if (value !== undefined) return value;
  if (mustBeGiven(p)) throw blankRequired(p, "a number or a column");
  return typeof p.default === "number" ? p.default : undefined;
}

/**
 * Text naming an option. The calc module matches it (any case, spaces trimmed) and lists the
 * allowed options when it is not one; here anything but text is refused with those options.
 */
function readText(p: Param, raw: unknown): string | undefined {
  const x = cellOf(raw);
  if (isBlank(x)) {
    if (mustBeGiven(p)) throw blankRequired(p, `text: ${p.allowed}`);
    return typeof p.default === "string" ? p.default : undefined;
  }
  if (typeof x === "string") return x;
  throw new InvalidArgumentError(p.name, `text: ${p.allowed}`, quoteArgument(x));
}

/**
 * A code, or a column of numbers in its place (LOANSCHEDULE's repayment: "LEVEL", or the payments
 * month by month). Text in a single cell is the code, matched by calc; blank takes the default; a
 * number or a range is a column, read as `readColumn` reads one (a number: a column of one value).
 */
function readTextOrColumn(p: Param, raw: unknown): string | number[] | undefined {
  const single = !Array.isArray(raw) || (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1);
  const x = single ? cellOf(raw) : undefined;
  if (single && (typeof x === "string" || isBlank(x))) return readText(p, raw);
  if (single && typeof x !== "number") throw new InvalidArgumentError(p.name, p.allowed, shown(x));
  const column = readColumn(p, raw, p.allowed);
  return typeof column === "number" ? [column] : column;
}

/**
 * A list: a single number, or a row or a column of numbers. Blank cells are skipped where the
 * parameter's `blanks` is "skip"; with "ends" only leading and trailing ones are (a range selected
 * longer than its data), and a blank between values is refused, naming its row or column (a gap in
 * a time series would silently join two periods). An empty list is absent, or refused when required.
 */
function readList(p: Param, raw: unknown): NumberList | undefined {
  const list = numberList(p, raw);
  if (list.values.length > 0) return list;
  if (mustBeGiven(p)) throw blankRequired(p, "a row or column of numbers");
  return undefined;
}

function numberList(p: Param, raw: unknown): NumberList {
  const name = p.name;
  let v = raw;
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0]; // one cell
  if (!Array.isArray(v)) {
    const x = basicValue(v);
    if (isBlank(x)) return { values: [], positions: [] };
    if (typeof x === "number" && Number.isFinite(x)) return { values: [x], positions: ["row 1"] };
    throw new InvalidArgumentError(name, typeof x === "number" ? "a finite number" : "a number", describeArgument(x));
  }
  const rows = v.length;
  const cols = Array.isArray(v[0]) ? v[0].length : 0;
  if (rows > 1 && cols > 1)
    throw new InvalidArgumentError(name, "a single row or a single column of numbers", describeArgument(v));
  checkLength(p, v);
  if (!v.every((row) => Array.isArray(row) && row.length === cols) || cols === 0)
    throw new InvalidArgumentError(name, "a row or a column of numbers", describeArgument(v));
  const cells = (rows > 1 ? v.map((row) => (row as unknown[])[0]) : (v[0] as unknown[])).map(basicValue);
  const where = (k: number) => `${rows > 1 ? "row" : "column"} ${k + 1}`;
  let first = 0;
  let last = cells.length - 1;
  const skipLeadingBlanks = () => {
    if (p.blanks === "ends") while (first <= last && isBlank(cells[first])) first++;
  };
  skipLeadingBlanks();
  if (p.heading && cells.length > 1 && typeof cells[first] === "string" && !isBlank(cells[first])) {
    first++;
    skipLeadingBlanks();
  }
  if (p.blanks === "ends") while (last >= first && isBlank(cells[last])) last--;
  const values: number[] = [];
  const positions: string[] = [];
  for (let k = first; k <= last; k++) {
    const x = cells[k];
    if (isBlank(x)) {
      if (p.blanks !== "ends") continue;
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
    checkLimits(p, x, where(k));
    values.push(x);
    positions.push(where(k));
  }
  return { values, positions };
}
