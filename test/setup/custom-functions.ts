/*
 * The `CustomFunctions` global that Excel's runtime provides, reduced to what the adapters use:
 * Error (with code and message) and ErrorCode. The Chromium bundle test uses the real runtime.
 */
class CustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? "");
  }
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
