/**
 * Validation of provider responses: shape, type and plausible range, before anything is used.
 * A failed check throws FetchFailure("invalid") naming the field, so the next provider is tried.
 */
import { FetchFailure } from "./http";

export function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new FetchFailure("invalid", `${what}: the response is not valid JSON (truncated or not JSON)`);
  }
}

/** The value at a path of nested objects/arrays, e.g. at(x, "result", "XXBTZUSD", "c", 0). */
export function at(x: unknown, ...path: (string | number)[]): unknown {
  let cur = x;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/**
 * A finite number within [min, max]. Numeric strings are accepted only when `allowString` (some
 * APIs send amounts as strings), and must be plain decimals.
 */
export function plausible(x: unknown, what: string, min: number, max: number, allowString = false): number {
  let n: number;
  if (typeof x === "number") n = x;
  else if (allowString && typeof x === "string" && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(x.trim())) n = Number(x);
  else
    throw new FetchFailure(
      "invalid",
      `${what}: expected a number, got ${x === undefined ? "nothing" : JSON.stringify(x).slice(0, 40)}`,
    );
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new FetchFailure("invalid", `${what}: ${n} is outside the plausible range ${min}–${max}`);
  }
  return n;
}

/** Plausible ranges, wide enough for years of growth, narrow enough to catch unit and parsing errors. */
export const RANGES = {
  priceUsd: [100, 10_000_000],
  priceOther: [1, 10_000_000_000], // JPY is ~1.4e7
  difficulty: [1e12, 1e17],
  height: [800_000, 10_000_000],
  hashrateEhs: [10, 1e6],
  feesBtcPerBlock: [0, 50],
  retargetChange: [-0.75, 3], // the protocol clamps a retarget to ×¼..×4
} as const;
