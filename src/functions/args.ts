/** Reading a function's positional arguments by its parameter list (src/functions/params.ts). */
import { fieldOf, mustBeGiven, Param } from "./params";
import { numberIfGiven, optionalNumber, requiredNumber } from "./excel";
import { readPairs, readSwitch } from "./arg-kinds";

/** Numbers read, keyed by the calc module's names for them (an optional one without a default may be absent). */
export type Args = Record<string, number>;

/**
 * Reads positional arguments: required ones (and those required after optional ones) must be
 * numbers, optional ones omitted or blank take their defaults (or are left out when they have
 * none). Keyed by calc field, so a function hands them to calc unchanged. For a list with
 * switches or ranges, `readMixedArgs`; lists of numbers (quantiles, values) the function reads
 * itself.
 */
export function readArgs(params: readonly Param[], raw: readonly unknown[]): Args {
  const args: Args = {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.kind === "boolean" || p.kind === "pairs") throw new Error(`${p.name} is not a number: use readMixedArgs`);
    if (p.kind === "range" || p.kind === "list") continue;
    const x = readNumber(p, raw[i]);
    if (x !== undefined) args[fieldOf(p)] = x;
  }
  return args;
}

function readNumber(p: Param, raw: unknown): number | undefined {
  if (mustBeGiven(p)) return requiredNumber(p.name, raw);
  if (p.default !== undefined) return optionalNumber(p.name, raw, p.default as number);
  return numberIfGiven(p.name, raw);
}

/** What an argument reads as: a number, a switch, or the rows of a two-column range. */
export type ArgValue = number | boolean | number[][];
export type MixedArgs = Record<string, ArgValue>;

/** As `readArgs`, with switches (TRUE/FALSE, 1/0) and two-column ranges of numbers read by their kind. */
export function readMixedArgs(params: readonly Param[], raw: readonly unknown[]): MixedArgs {
  const args: MixedArgs = {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const v =
      p.kind === "boolean"
        ? readSwitch(p.name, raw[i], p.default === true)
        : p.kind === "pairs"
          ? readPairs(p.name, raw[i], `(${p.unit})`)
          : readNumber(p, raw[i]);
    if (v !== undefined) args[fieldOf(p)] = v;
  }
  return args;
}

/** Whether an argument was given (not omitted, blank or ""): for arguments that exclude each other. */
export function isGiven(raw: unknown): boolean {
  const v = Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1 ? raw[0][0] : raw;
  return !(v === null || v === undefined || v === "");
}
