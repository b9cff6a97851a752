/**
 * Twelfth roots in double-double with a proven bound, for the schedules' fast paths: the monthly
 * discount factor v = (1 + r)^(−1/12) of an annual effective rate, and the tenant's monthly
 * survival (1 − p)^(1/12). And the bound on the decimal path's own error over a schedule.
 *
 * z = x^(−1/12) by one Newton step z ← z + z(1 − x·z¹²)/12 in double-double from Math.pow's
 * double, then bounded a posteriori: with ρ = 1 − x·z¹² (computed, and bounded with its own
 * rounding errors), the exact root is z·(1 − ρ)^(−1/12), so z's relative error is at most
 * |ρ|/12 × (1 + |ρ|). Nothing here trusts Math.pow beyond its being a starting point, except that
 * the decimal path's own root (discounting.ts's `monthlyGrowth`, two Newton steps at 50 digits
 * from the same seed) needs a seed within 2^-40 to be within 10^-45 before its final rounding:
 * our seed's residual is checked against that, for the neighbouring argument the decimal path
 * reads (the same function, one ulp away at most).
 */
import { add, ADD_ERR, copy, div, DIV_ERR, divDouble, mul, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";

/**
 * The decimal path's relative distance from the exact value of a schedule's result, per unit of
 * the magnitudes it sums (every revenue, cost and value discounted, before they cancel). Each of
 * its decimals carries at most ~1,300 roundings of at most 5·10^-40 relative (a discount factor's
 * 1,200 products and the monthly root's 1.1·10^-39, a price or difficulty path's 1,200 products, a
 * month's dozen operations, the running sum's), about 2·10^-36 in all; 2^-110 (7.7·10^-34) is a
 * generous margin over that, for schedules of at most 1,200 months.
 */
export const DECIMAL_SCHEDULE_ERR = 2 ** -110;

// registers 26..29 (the formulas' own use 0..25); the result goes to the caller's register
const X = 26;
const Z = 27;
const P = 28;
const ONE = 29;

/**
 * Register `to` = x^(−1/12) for the value x in register `from` (relative error `epsX`, x within
 * [2^-30, 2^30]); returns the relative error bound, or NaN when not certified. `from` and `to`
 * must not be 26..29.
 */
export function inverseTwelfthRoot(to: number, from: number, epsX: number): number {
  const x = reg[2 * from];
  if (!(x >= 2 ** -30 && x <= 2 ** 30)) return NaN;
  copy(X, from);
  set(ONE, 1, 0);
  set(Z, Math.pow(x, -1 / 12), 0);
  residual(); // ρ0 into P
  // the seed must be within 2^-40 (see the module comment): |ρ0| ≈ 12 × its relative error
  if (!(Math.abs(reg[2 * P]) < 2 ** -37)) return NaN;
  mul(P, P, Z);
  divDouble(P, P, 12);
  add(Z, Z, P);
  residual();
  // x·z¹²: four products for z¹², one by x (each 18u²), and x's own error; then 1 − that, ≤ 6u²(1 + |x·z¹²|)
  const rho = Math.abs(reg[2 * P]);
  const err = (5 * MUL_ERR + epsX) * (1 + rho) + ADD_ERR * (2 + rho);
  const bound = (rho + err) * 1.001;
  if (!(bound < 2 ** -60)) return NaN;
  copy(to, Z);
  return (bound / 12) * (1 + bound);
}

/** Register P = 1 − x·z¹² (registers X, Z). */
function residual(): void {
  mul(P, Z, Z); // z²
  mul(P, P, P); // z⁴
  const z4h = reg[2 * P];
  const z4l = reg[2 * P + 1];
  mul(P, P, P); // z⁸
  set(ONE, z4h, z4l);
  mul(P, P, ONE); // z¹²
  mul(P, P, X);
  set(ONE, 1, 0);
  add(P, ONE, P, -1);
}

/**
 * Register `to` = (1 + r)^(−1/12), the monthly discount factor of the annual effective rate r as
 * the decimal path reads it; returns its relative error bound, NaN when not certified (r outside
 * (−1 + 2^-30, 2^30), or not read exactly). Uses register `scratch` too.
 */
export function monthlyDiscountInto(to: number, scratch: number, rate: number): number {
  if (!(rate > -1 + 2 ** -30 && rate < 2 ** 30) || !readInto(scratch, rate)) return NaN;
  const onePlus = 1 + rate;
  set(ONE, 1, 0);
  add(scratch, ONE, scratch);
  const eps = ((ADD_ERR * (1 + Math.abs(rate)) + INPUT_ERR * Math.abs(rate)) / onePlus) * (1 + 2 ** -40);
  return inverseTwelfthRoot(to, scratch, eps);
}

/**
 * Register `to` = (1 − p)^(1/12), the monthly survival of a constant annual default probability p
 * (as `rentCreditFactors` takes it); returns its relative error bound, NaN when not certified
 * (1 − p below 2^-30). Uses register `scratch` too.
 */
export function monthlySurvivalInto(to: number, scratch: number, p: number): number {
  if (!(p >= 0 && 1 - p >= 2 ** -30) || !readInto(scratch, p)) return NaN;
  set(ONE, 1, 0);
  add(scratch, ONE, scratch, -1);
  const eps = ((ADD_ERR * (1 + p) + INPUT_ERR * p) / (1 - p)) * (1 + 2 ** -30);
  const e = inverseTwelfthRoot(to, scratch, eps);
  set(ONE, 1, 0);
  div(to, ONE, to);
  return e + DIV_ERR;
}
