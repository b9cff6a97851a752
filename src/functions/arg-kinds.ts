/**
 * Reading the argument kinds beyond a single number: a switch (TRUE/FALSE, or 1/0 as a sheet may
 * hold it) and a two-column range of numbers, one row each (lease phases, tax tiers). Errors name
 * the argument and, for a range, the row, as Excel numbers it (row 1 = the range's first row).
 */
import { InvalidArgumentError } from "../calc/errors";
import { describeArgument } from "./excel";

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** A 1×1 range is its single cell. */
const cellOf = (v: unknown): unknown =>
  Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;

/** TRUE/FALSE (or 1/0); blank gives `byDefault`. */
export function readSwitch(name: string, raw: unknown, byDefault: boolean): boolean {
  const v = cellOf(raw);
  if (isBlank(v)) return byDefault;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  throw new InvalidArgumentError(name, "TRUE or FALSE (or 1 or 0)", describeArgument(v));
}

/**
 * The rows of a two-column range of numbers, or undefined when it is omitted or has no filled row.
 * Blank rows at the end are skipped (an editable table with room to grow); a blank row above a
 * filled one, a blank or non-numeric cell, or a range that is not two columns wide is refused.
 */
export function readPairs(name: string, raw: unknown, what: string): number[][] | undefined {
  if (isBlank(cellOf(raw))) return undefined;
  const allowed = `a two-column range of numbers, a row each ${what}`;
  if (!Array.isArray(raw) || raw.some((row) => !Array.isArray(row) || row.length !== 2)) {
    throw new InvalidArgumentError(name, allowed, describeArgument(raw));
  }
  const rows = raw as unknown[][];
  let last = rows.length;
  while (last > 0 && rows[last - 1].every(isBlank)) last--;
  if (last === 0) return undefined;
  return rows.slice(0, last).map((row, i) =>
    row.map((cell) => {
      if (typeof cell === "number" && Number.isFinite(cell)) return cell;
      const got = isBlank(cell) ? "a blank cell" : describeArgument(cell);
      throw new InvalidArgumentError(name, allowed, `row ${i + 1}: ${got}`);
    }),
  );
}
