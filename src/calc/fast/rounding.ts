/**
 * The certificate every fast path ends with: is the double nearest a double-double result the
 * double the decimal path returns?
 *
 * The decimal path computes the same exact quantity F (from the same decimal inputs) with
 * 40-significant-digit roundings, each within 5·10^-40 of its result, and its `toNumber()`
 * rounds that once to the nearest double (ties to even: `+string` in V8, SpiderMonkey and
 * JavaScriptCore is correctly rounded). The fast path has hi + lo with |hi + lo − F| ≤ rel·|F|.
 * If every number within rel·|F| + (the decimal path's error) of hi + lo rounds to the same
 * double, both paths give that double. Rounding is monotone, so checking the two ends suffices,
 * and the check is itself a rounding: hi + (lo ± b) === hi says that hi + lo ± b rounds to hi
 * (hi is the double nearest hi + lo, as every operation of `double-double.ts` leaves it).
 */
import { reg, U2 } from "./double-double";

/**
 * Bound on the decimal path's own relative distance from F: up to 100 roundings of 5·10^-40
 * relative each (every per-cell formula has far fewer) is 5·10^-38 < 2^-120 ≈ 7.5·10^-37.
 */
const DECIMAL_PATH_ERR = 2 ** -120;
/** Magnitudes where the double-double bounds hold: no operation near underflow or overflow. */
const SMALLEST = 2 ** -600;
const LARGEST = 2 ** 600;

/**
 * The double nearest the value in double-double register k, when every number within the error
 * bounds of it rounds to that double; NaN when one might not (the caller then runs the decimal
 * path).
 * @param rel relative error bound of the register against the exact result (e.g. 150·u²)
 * @param decimalPathErr the decimal path's own relative distance from the exact result (the
 *   default suits a formula of products, quotients and same-sign sums; 0 for a conversion)
 *
 * Slack: the bound is scaled by (1 + 2^-20) for the second-order terms the per-operation bounds
 * leave out (products of bounds ~10^-30), and 2u²·|hi| is added for the rounding of lo ± b
 * itself, at most u·(|lo| + b) ≤ u²|hi| + u·b (none when b is 0: then lo ± b is exact).
 */
export function roundedIfCertain(k: number, rel: number, decimalPathErr = DECIMAL_PATH_ERR): number {
  const hi = reg[2 * k];
  const lo = reg[2 * k + 1];
  const a = Math.abs(hi);
  if (!(a >= SMALLEST && a <= LARGEST)) return NaN;
  const e = rel + decimalPathErr;
  const b = e === 0 ? 0 : (e * (1 + 2 ** -20) + 2 * U2) * a;
  return hi + (lo + b) === hi && hi + (lo - b) === hi ? hi : NaN;
}
