/**
 * Certified fast paths: per-cell formulas and Decimal → double conversion that return exactly
 * the decimal path's doubles, faster (double-double arithmetic with proven error bounds, the
 * decimal path when a bound cannot decide). The fast paths themselves are a chunk of their own
 * (lazy.ts); these entry points give the same doubles before and after it arrives.
 */
export * from "./per-cell";
export { decimalToDouble } from "./to-double";
export * from "./schedule-doubles";
export { loadFastPaths } from "./lazy";
