/* Catching what a custom function throws, for tests that check its Excel error. */

export interface ExcelErrorLike {
  code: string;
  message: string;
}

/** The Excel error `call` throws (a CustomFunctions.Error); fails the test if it returns a value or throws anything else. */
export function excelError(call: () => unknown): ExcelErrorLike {
  try {
    call();
  } catch (e) {
    if (!(e instanceof CustomFunctions.Error)) throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
    return e as unknown as ExcelErrorLike;
  }
  throw new Error("expected an Excel error, got a value");
}

/** The Excel error `call` throws, or undefined when it returns a value. */
export function excelErrorOrNone(call: () => unknown): ExcelErrorLike | undefined {
  try {
    call();
    return undefined;
  } catch (e) {
    return e as ExcelErrorLike;
  }
}
