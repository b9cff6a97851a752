/**
 * Remembering the last call of a pure function. A sensitivity grid calls the same function for
 * thousands of cells in a row with most arguments unchanged (fees, subsidy, pool fee...), so the
 * parts of a formula that depend only on those are computed once per recalculation, not per cell.
 * Arguments are compared with ===, so only pass numbers or other immutable values.
 */
export function rememberLast<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((x, i) => x === args[i])) return lastResult;
    lastResult = f(...args); // if f throws, nothing is remembered
    lastArgs = args;
    return lastResult;
  };
}
