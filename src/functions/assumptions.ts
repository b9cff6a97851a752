/**
 * Arguments by position or from an assumptions table.
 *
 * A function with many inputs can be given a two-column range (name, value) as its first
 * argument instead of positional arguments, so a model points one argument at a labelled input
 * table. Names match the documented parameter names, case-insensitively; blank rows are skipped;
 * a blank value takes the default. Unknown, duplicated or missing names are #VALUE! listing the
 * allowed names, and so are other arguments given beside a table.
 */
import { InvalidArgumentError } from "../calc/errors";
import { optionalNumber, requiredNumber } from "./excel";

/** A public parameter: required unless it has a default. */
export interface ParamSpec {
  name: string;
  default?: number;
}

export type Args = Record<string, number>;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** A range of at least one row and exactly two columns whose first column holds text. */
function isAssumptionsTable(v: unknown): v is unknown[][] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((row) => Array.isArray(row) && row.length === 2) &&
    v.some((row) => typeof (row as unknown[])[0] === "string" && (row as unknown[])[0] !== "")
  );
}

function allowedNames(specs: readonly ParamSpec[]): string {
  return specs.map((s) => (s.default === undefined ? s.name : `[${s.name}]`)).join(", ");
}

function fromTable(specs: readonly ParamSpec[], table: unknown[][]): Args {
  const byName = new Map(specs.map((s) => [s.name.toLowerCase(), s]));
  const given = new Map<string, unknown>();
  table.forEach(([label, value], i) => {
    if (isBlank(label) && isBlank(value)) return;
    if (typeof label !== "string") {
      throw new InvalidArgumentError("assumptions", `a two-column range of names and values; row ${i + 1} has no name`);
    }
    const spec = byName.get(label.trim().toLowerCase());
    if (!spec) {
      throw new InvalidArgumentError(
        "assumptions",
        `a two-column range using only these names: ${allowedNames(specs)}`,
        `"${label}" in row ${i + 1}`,
      );
    }
    if (given.has(spec.name)) {
      throw new InvalidArgumentError("assumptions", "a range naming each input once", `"${spec.name}" twice`);
    }
    given.set(spec.name, value);
  });
  const args: Args = {};
  for (const spec of specs) {
    const v = given.get(spec.name);
    if (spec.default === undefined) {
      if (isBlank(v)) {
        throw new InvalidArgumentError(
          "assumptions",
          `a range that gives every required input: ${allowedNames(specs)}`,
          `no value for ${spec.name}`,
        );
      }
      args[spec.name] = requiredNumber(spec.name, v);
    } else {
      args[spec.name] = optionalNumber(spec.name, v, spec.default);
    }
  }
  return args;
}

/** Reads a function's arguments, positional or from an assumptions table in the first argument. */
export function readArgs(specs: readonly ParamSpec[], raw: readonly unknown[]): Args {
  if (isAssumptionsTable(raw[0])) {
    const extra = raw.slice(1).findIndex((v) => !isBlank(v));
    if (extra >= 0) {
      throw new InvalidArgumentError(specs[extra + 1].name, "blank when the first argument is an assumptions table");
    }
    return fromTable(specs, raw[0]);
  }
  const args: Args = {};
  specs.forEach((spec, i) => {
    args[spec.name] =
      spec.default === undefined ? requiredNumber(spec.name, raw[i]) : optionalNumber(spec.name, raw[i], spec.default);
  });
  return args;
}
