/** Reading a function's positional arguments by its parameter list (src/functions/params.ts). */
import { fieldOf, Param } from "./params";
import { optionalNumber, requiredNumber } from "./excel";

/** Numbers read, keyed by the calc module's names for them. */
export type Args = Record<string, number>;

/**
 * Reads positional arguments: required ones must be numbers, optional ones omitted or blank take
 * their defaults. Keyed by calc field, so a function hands them to calc unchanged.
 */
export function readArgs(params: readonly Param[], raw: readonly unknown[]): Args {
  const args: Args = {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    args[fieldOf(p)] =
      p.default === undefined ? requiredNumber(p.name, raw[i]) : optionalNumber(p.name, raw[i], p.default as number);
  }
  return args;
}
