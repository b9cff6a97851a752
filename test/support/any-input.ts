/*
 * The any-input property, shared by test/properties/any-input.test.ts and the test that proves it
 * can fail (any-input-mutant.test.ts): whatever Excel passes, a public function returns a finite
 * number or a table of finite numbers and text, or throws an Excel error of its own: a
 * CustomFunctions.Error, #VALUE! for a bad argument or #NUM! for no answer, whose message names
 * the function and is not the adapters' last resort ("unexpected error", a crash caught at the
 * boundary). Never another exception, NaN or an infinity.
 */
import fc from "fast-check";

/** Every kind of value Excel can hand a parameter declared as any. */
export const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "1", "abc", "1e3", "TRUE"),
  fc.boolean(),
  fc.constant(null),
  // Data types (functions.json allows them): a formatted number, an entity, an error value.
  fc.double({ noNaN: true }).map((basicValue) => ({ type: "FormattedNumber", basicValue, numberFormat: "0.00" })),
  fc.constantFrom(
    { type: "Entity", text: "Antminer S21", basicValue: "#VALUE!", properties: {} },
    { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" },
  ),
);
export const range = fc.oneof(
  scalar.map((v) => [[v]]),
  fc
    .array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .filter((rows) => rows.every((r) => r.length === rows[0].length)),
  fc
    .array(fc.tuple(fc.string({ maxLength: 20 }), scalar), { minLength: 1, maxLength: 6 })
    .map((rows) => rows.map(([k, v]) => [k, v])),
);
export const arg = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: range });

/**
 * What is wrong with what a function threw, or undefined for an Excel error of its own: a
 * CustomFunctions.Error, #VALUE! or #NUM!, its message naming the function (`id`: "LEASENPV: ...")
 * and not the adapters' last resort for an exception nobody meant ("unexpected error (...)").
 */
export function thrownProblem(id: string | readonly string[], e: unknown): string | undefined {
  if (!(e instanceof CustomFunctions.Error)) return `not an Excel error: ${String(e)}`;
  const { code, message = "" } = e as unknown as { code: string; message?: string };
  if (code !== "#VALUE!" && code !== "#NUM!") return `the Excel error ${code}`;
  const ids = typeof id === "string" ? [id] : id;
  if (!ids.some((i) => message.startsWith(`${i}: `)))
    return `a message that does not name ${ids.join(" or ")}: ${message}`;
  if (/unexpected error/.test(message)) return `a crash caught at the boundary: ${message}`;
  return undefined;
}

/** The property the suite held before it could fail: any #VALUE! or #NUM! passed, crashes caught at the boundary included. */
export function thrownProblemBefore(_id: string | readonly string[], e: unknown): string | undefined {
  const code = (e as { code?: string }).code;
  return e instanceof CustomFunctions.Error && (code === "#VALUE!" || code === "#NUM!")
    ? undefined
    : `not an Excel error: ${String(e)}`;
}

/** A finite number, or a table of finite numbers and text. */
export function isAcceptable(result: unknown): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  if (!Array.isArray(result)) return false;
  return result.every(
    (row) =>
      Array.isArray(row) && row.every((c) => typeof c === "string" || (typeof c === "number" && Number.isFinite(c))),
  );
}

/** Runs `fn` on `args`: true for an acceptable result or Excel error, false (or the throw) otherwise. */
export function holds(
  id: string | readonly string[],
  fn: (...args: unknown[]) => unknown,
  args: unknown[],
  problem = thrownProblem,
): boolean {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (e) {
    const why = problem(id, e);
    if (why !== undefined) throw new Error(why);
    return true;
  }
  return isAcceptable(result);
}

/** The property over arbitrary arguments, one per parameter. */
export const arbitraryArguments = (
  id: string,
  fn: (...args: unknown[]) => unknown,
  count: number,
  problem = thrownProblem,
) => fc.property(fc.array(arg, { minLength: count, maxLength: count }), (args) => holds(id, fn, args, problem));

/** The property over valid arguments with one replaced by anything. */
export const oneReplaced = (
  id: string,
  fn: (...args: unknown[]) => unknown,
  valid: unknown[],
  problem = thrownProblem,
) =>
  fc.property(fc.nat({ max: valid.length - 1 }), arg, (i, value) => {
    const args = [...valid];
    args[i] = value;
    return holds(id, fn, args, problem);
  });
