/**
 * Text arguments that name one of a few options (a policy, a basis): matched case-insensitively,
 * surrounding spaces ignored, and refused with the list of allowed names otherwise.
 */
import { InvalidArgumentError, listed, quoted } from "./errors";

/** "one of "A", "B" or "C"": the allowed names as the error message lists them. */
function allowedNames(allowed: readonly string[]): string {
  const names = allowed.map((a) => `"${a}"`);
  return names.length === 1 ? names[0] : `one of ${listed(names, "or")}`;
}

/**
 * The option `value` names, in its canonical (upper-case) spelling.
 * @param name the public parameter name, for the error
 * @param allowed the options, upper case
 * @throws InvalidArgumentError listing the allowed options when `value` is not one of them
 */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  const key = typeof value === "string" ? value.trim().toUpperCase() : undefined;
  const found = allowed.find((a) => a === key);
  if (found === undefined) {
    const got = typeof value === "string" ? quoted(value) : String(value);
    throw new InvalidArgumentError(name, allowedNames(allowed), got);
  }
  return found;
}
