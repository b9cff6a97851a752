/*
 * MINER.FROMTABLE: any MINER function that takes numbers, with its arguments given as named rows
 * of up to three two-column ranges (name, value) instead of by position, so that a model points a
 * function at its labelled assumptions. The rows become the function's positional arguments and
 * the function runs exactly as if they were typed, errors included.
 */
import { InvalidArgumentError, quoted } from "../calc/errors";
import { CALCULATED } from "./calculated";
import { CalculatedId, mustBeGiven, Param, SIGNATURES } from "./params";
import { basicValue, describeArgument, toExcelError } from "./excel";
import { checkLength } from "./read";

const TABLE_ARGS = ["assumptions", "assumptions_2", "assumptions_3"];

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** A value as FROMTABLE's messages show it: text quoted and cut, a range by its size. */
function describe(v: unknown): string {
  return typeof v === "string" ? quoted(v) : describeArgument(v);
}

/** The function named, case-insensitively, with or without "MINER.". */
function functionNamed(raw: unknown): CalculatedId {
  const name = basicValue(Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) ? raw[0][0] : raw);
  const id =
    typeof name === "string"
      ? name
          .trim()
          .toUpperCase()
          .replace(/^MINER\./, "")
      : "";
  if (!(id in CALCULATED)) {
    const allowed = Object.keys(CALCULATED).join(", ");
    throw new InvalidArgumentError(
      "function_name",
      `the name of a MINER function that takes numbers: ${allowed}`,
      describe(name),
    );
  }
  return id as CalculatedId;
}

const listed = (params: readonly Param[]) => params.map((p) => (mustBeGiven(p) ? p.name : `[${p.name}]`)).join(", ");

interface Given {
  value: unknown;
  table: string;
}

/**
 * The rows of every table given, by parameter name; checks names, shapes and duplicates. A list
 * (quantiles, values) takes one value a row: its name on the first row, then rows with no name,
 * which continue it (a column of values, as the function would take it).
 */
function readTables(id: CalculatedId, params: readonly Param[], tables: unknown[]): Map<string, Given> {
  const byName = new Map(params.map((p) => [p.name.toLowerCase(), p]));
  const given = new Map<string, Given>();
  tables.forEach((table, t) => {
    const arg = TABLE_ARGS[t];
    // Longer than any table of names and values needs: refused before a row is read.
    checkLength(SIGNATURES.FROMTABLE[t + 1], table);
    const cells = Array.isArray(table) ? table.flat() : [table];
    if (t > 0 && cells.every(isBlank)) return; // an extra table omitted, or an empty range
    if (!Array.isArray(table) || table.some((row) => !Array.isArray(row) || row.length !== 2)) {
      throw new InvalidArgumentError(arg, "a two-column range of names and values", describe(table));
    }
    let list: unknown[][] | undefined; // the list the rows with no name continue
    (table as unknown[][]).forEach(([cell, value], i) => {
      const label = basicValue(cell); // a name may be a linked data type: its text
      if (isBlank(label) && isBlank(value)) return;
      if (isBlank(label) && list) {
        list.push([value]);
        return;
      }
      list = undefined;
      if (typeof label !== "string" || label.trim() === "") {
        const lists = params.filter((p) => p.kind === "list").map((p) => p.name);
        const hint = lists.length ? ` (only a list, ${lists.join(" or ")}, continues on rows with no name)` : "";
        throw new InvalidArgumentError(arg, `a two-column range of names and values; row ${i + 1} has no name${hint}`);
      }
      const p = byName.get(label.trim().toLowerCase());
      if (!p) {
        throw new InvalidArgumentError(
          arg,
          `a two-column range using only ${id}'s names: ${listed(params)}`,
          `${quoted(label)} in row ${i + 1}`,
        );
      }
      const before = given.get(p.name);
      if (before) {
        const where = before.table === arg ? "twice" : `in ${before.table} and ${arg}`;
        throw new InvalidArgumentError(arg, "a range naming each input once across the tables", `"${p.name}" ${where}`);
      }
      if (p.kind === "list") {
        list = [[value]];
        given.set(p.name, { value: list, table: arg });
      } else given.set(p.name, { value, table: arg });
    });
  });
  const blankValue = (v: unknown) => (Array.isArray(v) ? v.every((row) => isBlank(row[0])) : isBlank(v));
  const missing = params.find((p) => mustBeGiven(p) && blankValue(given.get(p.name)?.value));
  if (missing) {
    throw new InvalidArgumentError(
      "assumptions",
      `tables that give every required input of ${id}: ${listed(params)}`,
      `no value for ${missing.name}`,
    );
  }
  return given;
}

export function fromTable(...args: unknown[]): any[][] {
  const [functionName, ...tables] = args.slice(0, 1 + TABLE_ARGS.length);
  let id: CalculatedId;
  let positional: unknown[];
  try {
    id = functionNamed(functionName);
    const params = SIGNATURES[id];
    const given = readTables(id, params, tables);
    positional = params.map((p) => given.get(p.name)?.value ?? null);
  } catch (e) {
    throw toExcelError("FROMTABLE", e, SIGNATURES.FROMTABLE);
  }
  // The function's own errors (named for it: "LEASENPV: term_years must be ...") pass through.
  const result = CALCULATED[id](...positional);
  return Array.isArray(result) ? result : [[result]];
}
