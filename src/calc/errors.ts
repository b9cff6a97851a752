/**
 * The two ways a calculation can refuse to answer. The Excel adapters map them to Excel errors:
 * a bad argument is #VALUE! (with this message), a question with no answer is #NUM!.
 */

/** An argument is outside what the function accepts (wrong type, sign, range, not whole...). */
export class InvalidArgumentError extends Error {
  /**
   * @param argument the public parameter name, as the user sees it in Excel (e.g. "pool_fee")
   * @param allowed what the argument may be, in words (e.g. "a fraction from 0 to 1")
   * @param got a short rendering of what was passed, if useful
   */
  constructor(
    readonly argument: string,
    readonly allowed: string,
    readonly got?: string,
  ) {
    super(`${argument} must be ${allowed}${got === undefined ? "" : `; got ${got}`}`);
    this.name = "InvalidArgumentError";
  }
}

/** The inputs are valid but the quantity asked for does not exist (no breakeven, no payback...). */
export class NoAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoAnswerError";
  }
}
