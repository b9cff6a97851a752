/*
 * The task pane page also loads functions.js (it is the shared runtime). Opened in a plain
 * browser there is no Office, so no CustomFunctions global: give the bundle a stand-in whose
 * associate() does nothing, so the page loads cleanly as a dashboard. In Office, office.js has
 * already defined the real one and this does nothing.
 */
if (typeof CustomFunctions === "undefined") {
  class OutsideOfficeError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? "");
    }
  }
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: () => undefined,
    Error: OutsideOfficeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
}
export {};
