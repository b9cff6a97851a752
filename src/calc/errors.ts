/**
 * The two ways a calculation can refuse to answer. The Excel adapters map them to Excel errors:
 * a bad argument is #VALUE! (with this message), a question with no answer is #NUM!.
 */

/** The most characters of a text argument a message quotes: a cell may hold 32,767. */
export const MAX_QUOTED = 60;

/** Text cut to its first MAX_QUOTED characters (never splitting a surrogate pair), and what follows the cut. */
function cut(text: string): { head: string; tail: string } {
  if (text.length <= MAX_QUOTED) return { head: text, tail: "" };
  const code = text.charCodeAt(MAX_QUOTED - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_QUOTED - 1 : MAX_QUOTED;
  return { head: text.slice(0, end), tail: `… (${text.length.toLocaleString("en-US")} characters)` };
}

/**
 * Text as an error message quotes it: in double quotes (JSON's escapes), cut to its first
 * MAX_QUOTED characters with its length said, so a message stays short whatever a cell holds.
 */
export function quoted(text: string): string {
  const { head, tail } = cut(text);
  return `${JSON.stringify(head)}${tail}`;
}

/** Text a message repeats without quotes (another error's message), cut as `quoted` cuts it. */
export function clipped(text: string): string {
  const { head, tail } = cut(text);
  return `${head}${tail}`;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"): names as a sentence lists them. */
export function listed(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}

/** An argument is outside what the function accepts (wrong type, sign, range, not whole...). */
export class InvalidArgumentError extends Error {
  /** Every argument the error names: `argument`, then the others a joint condition involves. */
  readonly names: readonly string[];
  /**
   * @param argument the public parameter name, as the user sees it in Excel (e.g. "pool_fee")
   * @param allowed what the argument may be, in words (e.g. "a fraction from 0 to 1")
   * @param got a short rendering of what was passed, if useful
   * @param together further arguments a condition on several is about, named with the first
   *   ("site_mw, efficiency_j_th and pue must be such that ..."): when any of them may be the one
   *   out of range, the message names them all rather than blame one
   */
  constructor(
    readonly argument: string,
    readonly allowed: string,
    readonly got?: string,
    together: readonly string[] = [],
  ) {
    const names = [argument, ...together];
    super(`${listed(names)} must be ${allowed}${got === undefined ? "" : `; got ${got}`}`);
    this.name = "InvalidArgumentError";
    this.names = names;
  }
}

/** The inputs are valid but the quantity asked for does not exist (no breakeven, no payback...). */
export class NoAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoAnswerError";
  }
}
