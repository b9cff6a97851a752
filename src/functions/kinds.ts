/**
 * Arguments that are not plain numbers, for the treasury functions: a number or a column (one
 * value per month, e.g. MININGCASHFLOWS' BTC-mined column), and a text option (a policy, a basis).
 * Plain numbers are read by args.ts; `readInputs` reads a parameter list of any of these kinds.
 *
 * A "column" parameter is declared to Excel as a range (any[][]), so Excel hands it over whole
 * instead of calling the function once per cell: a typed number arrives as [[x]].
 */
import { InvalidArgumentError } from "../calc/errors";
import { readArgs } from "./args";
import { quoteArgument } from "./excel";
import { fieldOf, isRequired, Param } from "./params";

/** One argument as the calc module takes it: a number, one number per month, or text. */
export type Input = number | number[] | string;

const isBlank = (v: unknown) => v === null || v === undefined || v === "";
/** A value as the number readers quote it: text "abc", TRUE, NaN; an error in a cell by its code. */
function shown(v: unknown): string {
  if (typeof v === "string") return `text ${quoteArgument(v)}`;
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    return typeof code === "string" ? `an error (${code.slice(0, 20)})` : "an error or other non-number";
  }
  return quoteArgument(v);
}

/** A blank required argument: the same words as a blank required number. */
const blankRequired = (name: string, what: string) =>
  new InvalidArgumentError(name, `${what} (it is required, and the argument is blank)`);

/**
 * A number, or the values of a one-column range, month 1 first. A one-row range is read the same
 * way (left to right), so a model laid out across columns works too; a 1×1 range is a number.
 * Every cell must be a finite number: a blank, text or TRUE in the column is refused with its row
 * (a blank month read as 0 would be silently wrong). The length is checked by the calc module
 * against `months`, naming both.
 * @returns undefined when the argument is omitted or blank (the caller applies the default)
 */
export function numberOrColumn(name: string, v: unknown): number | number[] | undefined {
  const allowed = "a number or a one-column range, one value per month";
  if (!Array.isArray(v)) {
    if (isBlank(v)) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    throw new InvalidArgumentError(name, allowed, shown(v));
  }
  const rows = v.length;
  const cols = Array.isArray(v[0]) ? v[0].length : 0;
  if (rows === 0 || cols === 0 || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new InvalidArgumentError(name, allowed, "an empty or ragged range");
  }
  if (rows > 1 && cols > 1) throw new InvalidArgumentError(name, allowed, `a ${rows}×${cols} range`);
  const cells: unknown[] = (v as unknown[][]).flat();
  if (cells.length === 1) return numberOrColumn(name, cells[0]);
  const where = cols === 1 ? "row" : "column";
  return cells.map((c, i) => {
    if (typeof c === "number" && Number.isFinite(c)) return c;
    const got = isBlank(c) ? "a blank cell" : shown(c);
    throw new InvalidArgumentError(
      name,
      `a finite number in every ${where} of the range`,
      `${got} in ${where} ${i + 1}`,
    );
  });
}

/**
 * Text naming an option. The calc module matches it (any case, spaces trimmed) and lists the
 * allowed options when it is not one; here anything but text is refused with those options.
 * @returns undefined when omitted or blank
 */
export function optionText(p: Param, v: unknown): string | undefined {
  const x = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
  if (isBlank(x)) return undefined;
  if (typeof x === "string") return x;
  throw new InvalidArgumentError(p.name, `text: ${p.allowed}`, quoteArgument(x));
}

/**
 * Reads positional arguments of any kind, keyed by calc field: numbers as `readArgs` reads them,
 * columns and text options as above. An optional argument omitted takes its default.
 */
export function readInputs(params: readonly Param[], raw: readonly unknown[]): Record<string, Input> {
  const out: Record<string, Input> = {};
  params.forEach((p, i) => {
    let value: Input | undefined;
    if (p.kind === "column") value = numberOrColumn(p.name, raw[i]);
    else if (p.kind === "text") value = optionText(p, raw[i]);
    else {
      Object.assign(out, readArgs([p], [raw[i]]));
      return;
    }
    if (value === undefined) {
      if (isRequired(p)) throw blankRequired(p.name, p.kind === "text" ? `text: ${p.allowed}` : "a number or a column");
      // A column's or a text option's default is a number or a code, never a switch.
      if (typeof p.default !== "boolean") value = p.default;
    }
    if (value !== undefined) out[fieldOf(p)] = value;
  });
  return out;
}
