/** Reading a function's positional arguments by its parameter list (src/functions/params.ts). */
import { fieldOf, mustBeGiven, Param } from "./params";
import { numberIfGiven, optionalNumber, requiredNumber } from "./excel";

/** Numbers read, keyed by the calc module's names for them (an optional one without a default may be absent). */
export type Args = Record<string, number>;

/**
 * Reads positional arguments: required ones (and those required after optional ones) must be
 * numbers, optional ones omitted or blank take their defaults (or are left out when they have
 * none). Keyed by calc field, so a function hands them to calc unchanged. Ranges and lists are
 * not numbers: the function reads them itself.
 */
export function readArgs(params: readonly Param[], raw: readonly unknown[]): Args {
  const args: Args = {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.kind === "range" || p.kind === "list") continue;
    if (mustBeGiven(p)) args[fieldOf(p)] = requiredNumber(p.name, raw[i]);
    else if (p.default !== undefined) args[fieldOf(p)] = optionalNumber(p.name, raw[i], p.default as number);
    else {
      const x = numberIfGiven(p.name, raw[i]);
      if (x !== undefined) args[fieldOf(p)] = x;
    }
  }
  return args;
}
