/**
 * Decimal → double without a string: the same double as decimal.js's `toNumber()`.
 *
 * `toNumber()` is `+x.valueOf()`: the decimal's digits as a string, read back by JavaScript's
 * correctly rounded string-to-number (round to nearest, ties to even; −0 for a negative zero;
 * ±Infinity beyond the largest double, 0 below the smallest subnormal). So it returns the double
 * nearest the decimal's exact value. A Decimal holds its digits in base-10^7 words d[0..L−1]:
 * value = ±Σ d[k] × 10^(7(E7 − k)), with E7 = ⌊e / 7⌋ for its decimal exponent e.
 *
 * Here the first four words (at most 28 digits, below 2^106) are gathered exactly into a
 * double-double M (Dekker's product and TwoSum: every step is an exact integer operation), and
 * the scale 10^(7(E7 − 3)) applied by at most two exact powers of ten (10^k, k ≤ 22, is a double):
 * one product or quotient each, 18u² or 28u². The words left out add less than one unit of
 * M's last digit: relative to M ≥ 10^(digits − 1), below 10^-21. Then `roundedIfCertain`'s test
 * without the decimal path's term: if every number that close to M × scale rounds to the same
 * double, that is `toNumber()`'s double. Otherwise, and for zero, non-finite values, scales
 * beyond 10^±42 or results near underflow or overflow: `toNumber()` itself.
 */
import { Decimal } from "../decimal";
import { DIV_ERR, divDouble, fastTwoSum, lo, mulDouble, MUL_ERR, set, twoProduct, twoSum } from "./double-double";
import { roundedIfCertain } from "./rounding";

const BASE = 1e7;
const POW10: number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** The double-double register used here (the formulas' registers are below it). */
const VALUE = 30;

/** The double nearest `x`: bit for bit `x.toNumber()`, −0 included. */
export function decimalToDouble(x: Decimal): number {
  const d = x.d;
  if (!d || d[0] === 0) return x.toNumber(); // ±0, ±Infinity, NaN
  const words = d.length;
  const kept = words < 4 ? words : 4;
  // M = d[0] d[1] d[2] d[3] as an exact double-double integer (< 10^28 < 2^106)
  let h = d[0];
  let l = 0;
  if (kept > 1) h = h * BASE + d[1]; // < 10^14: exact
  if (kept > 2) {
    const p = twoProduct(h, BASE);
    const e = lo();
    const s = twoSum(p, d[2]);
    h = fastTwoSum(s, e + lo()); // e + lo(): two integers below 2^20, exact
    l = lo();
  }
  if (kept > 3) {
    const p = twoProduct(h, BASE);
    // lo() (< 2^40), l·10^7 (< 2^42) and d[3] (< 2^24) are integers: their sum is exact
    const t = lo() + l * BASE + d[3];
    h = twoSum(p, t);
    l = lo();
  }
  // error so far: the words left out, below one unit of M's last digit, relative to M ≥ 10^(digits − 1)
  let rel = words > kept ? 10 ** -(digitsOf(d[0]) + 7 * (kept - 1) - 1) : 0;
  // scale: 10^(7(E7 − kept + 1))
  let s = 7 * (Math.floor(x.e / 7) - kept + 1);
  if (s < -44 || s > 44) return x.toNumber();
  set(VALUE, h, l);
  while (s !== 0) {
    const k = s > 22 ? 22 : s < -22 ? -22 : s;
    if (k > 0) {
      mulDouble(VALUE, VALUE, POW10[k]);
      rel += MUL_ERR;
    } else {
      divDouble(VALUE, VALUE, POW10[-k]);
      rel += DIV_ERR;
    }
    s -= k;
  }
  // no decimal path here: the decimal is the value
  const n = roundedIfCertain(VALUE, rel, 0);
  if (n !== n) return x.toNumber();
  return x.s < 0 ? -n : n;
}

/** Decimal digits of a word, 1..7. */
function digitsOf(w: number): number {
  return w >= 1e6 ? 7 : w >= 1e5 ? 6 : w >= 1e4 ? 5 : w >= 1e3 ? 4 : w >= 100 ? 3 : w >= 10 ? 2 : 1;
}

/** A decimal result as the double `toNumber()` gives, with −0 as 0. */
export function resultDouble(x: Decimal): number {
  const n = decimalToDouble(x);
  return n === 0 ? 0 : n;
}
