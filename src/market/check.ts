/**
 * Validation of provider responses: shape, type and plausible range, before anything is used.
 * A failed check throws FetchFailure("invalid") naming the field, so the next provider is tried.
 * Nothing a provider sends is echoed at length: previews are short and never recurse.
 */
import { FetchFailure } from "./http";
import { clip } from "./clip";

export { clip };

/** Deepest JSON nesting accepted. Every response we read is at most 4 deep. */
export const MAX_JSON_DEPTH = 16;

/** Whether JSON text nests deeper than `limit` (a linear scan that skips strings). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseJson(body: string, what: string): unknown {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH))
    throw new FetchFailure("invalid", `${what}: the response nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(body);
  } catch {
    throw new FetchFailure("invalid", `${what}: the response is not valid JSON (truncated or not JSON)`);
  }
}

/** A short rendering of any JSON value for a message: never more than ~60 characters, never recursive. */
export function preview(x: unknown): string {
  if (x === undefined) return "nothing";
  if (typeof x === "string") return JSON.stringify(clip(x, 40));
  if (typeof x === "number" || typeof x === "boolean" || x === null) return String(x);
  if (Array.isArray(x)) return `a list of ${x.length}`;
  return "an object";
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
  else if (allowString && typeof x === "string" && x.length < 40 && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(x.trim()))
    n = Number(x);
  else throw new FetchFailure("invalid", `${what}: expected a number, got ${preview(x)}`);
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
