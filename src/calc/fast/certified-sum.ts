/**
 * A schedule's value as a running double-double sum, with the two bounds that certify it: the
 * double-double error (each term's relative error, each addition's 6u² of its operands) and the
 * magnitudes the decimal path's own error scales with (DECIMAL_SCHEDULE_ERR per unit). A fast path
 * adds its terms here and asks for the double, which is the decimal path's when every number
 * within both bounds rounds to it (rounding.ts).
 */
import { add, ADD_ERR, copy, reg, set } from "./double-double";
import { DECIMAL_SCHEDULE_ERR } from "./monthly-factor";
import { roundedIfCertain } from "./rounding";

/** The register holding the sum. */
export const SUM = 25;

/** The sum's state: [double-double error bound, magnitudes for the decimal path's error]. */
const state = new Float64Array(2);

export function startSum(): void {
  set(SUM, 0, 0);
  state[0] = 0;
  state[1] = 0;
}

/**
 * Adds sign × register k to the sum.
 * @param rel the term's relative error bound against its exact value
 * @param magnitude what the decimal path's error on this term scales with (at least |term|: the
 *   parts that cancel inside it, e.g. revenue + opex for revenue − opex)
 */
export function addToSum(k: number, sign: number, rel: number, magnitude: number): void {
  const t = Math.abs(reg[2 * k]);
  const s = Math.abs(reg[2 * SUM]);
  add(SUM, SUM, k, sign);
  state[0] += rel * t + ADD_ERR * (s + t);
  state[1] += magnitude;
}

/** The sum's bounds so far: double-double error, and the magnitudes. */
export const sumError = () => state[0];
export const sumMagnitude = () => state[1];

/** Adds to the bounds what a caller computed outside `addToSum`. */
export function widenSum(err: number, magnitude: number): void {
  state[0] += err;
  state[1] += magnitude;
}

/** Keeps the sum in register k (value) for a caller that combines several. */
export const keepSum = (k: number) => copy(k, SUM);

/**
 * The double nearest the sum when both bounds (the double-double error and `decimalTimes` ×
 * DECIMAL_SCHEDULE_ERR × the magnitudes) prove it is the decimal path's; NaN otherwise. The
 * first-order bounds are scaled by 1.01 for their second-order rest (products of bounds ~2^-180).
 */
export function certifiedSum(decimalTimes = 1): number {
  // every term exactly 0 (inputs are 0 or read exactly, at least 1e-6: nothing underflows to 0)
  if (state[1] === 0 && state[0] === 0 && reg[2 * SUM] === 0) return 0;
  const bound = (state[0] + decimalTimes * DECIMAL_SCHEDULE_ERR * state[1]) * 1.01;
  const hi = Math.abs(reg[2 * SUM]);
  if (!(hi > 2 * bound)) return NaN;
  return roundedIfCertain(SUM, bound / hi, 0);
}
