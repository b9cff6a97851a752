/**
 * Certified fast paths: per-cell formulas and Decimal → double conversion that return exactly
 * the decimal path's doubles, faster (double-double arithmetic with proven error bounds, the
 * decimal path when a bound cannot decide).
 */
export * from "./per-cell";
export { decimalToDouble } from "./to-double";
export { npvDouble } from "./npv";
