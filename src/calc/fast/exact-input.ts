/**
 * The decimal a fast path must read from a double: exactly the one the decimal path reads.
 *
 * decimal.js reads a JS number x through `x.toString()`: the shortest decimal D(x) that rounds
 * back to x (ECMAScript Number::toString; of several such decimals of that length, the nearest
 * to x). So 0.1 is read as 1/10, not as the double's binary value 0.1000000000000000055...
 * `decimalOffset(x)` returns δ ≈ D(x) − x, so that x + δ is D(x) as a double-double:
 * |x + δ − D(x)| ≤ 2.01u·|D(x) − x| ≤ 2.01u²·|x|, and |δ| ≤ (1 + 3u)·u|x|.
 *
 * How: for x in [1e-6, 1e17), P = x·10^j with j = 16 − ⌊log10 x⌋ lies in [1e16, 1e17) and is
 * exact as a double-double (10^j ≤ 10^22 is a double; Dekker's product). A decimal of at most
 * 17 significant digits is an integer s in this scale, and it rounds to x exactly when it lies in
 * x's rounding interval, P ± (half the gap to x's neighbours)·10^j, an interval between 0.8 and
 * 23 units wide. D(x) is the integer in it with the most trailing zeros (fewest digits), the
 * nearest to P among those, and of two equally near the one whose last digit is even (V8's
 * choice, as the spec's note recommends). The integer part of P is held exactly as A·10^8 + B (both below 2^53)
 * and its fraction exactly as a double, so every step below is exact: integer arithmetic on
 * doubles below 2^53, and exact comparisons with the interval's ends (TwoSum).
 *
 * Returns NaN outside that range (and for non-finite x); the caller then runs the decimal path.
 * Tests and `npm run certify` compare it with `String(x)` on millions of doubles.
 */
import { lo, reg, twoProduct, twoSum } from "./double-double";

/** Exact powers of ten, 10^0 .. 10^22 (5^22 < 2^53, so each is a double). */
const POW10: number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const TWO_53 = 9007199254740992;
const E8 = 1e8;
/** log10(2), for the estimate ⌊E·log10 2⌋ of ⌊log10 x⌋ (x in [2^E, 2^(E+1))): it or one below. */
const LOG10_2 = 0.30102999566398;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the word holding sign, exponent and top mantissa bits (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * D(x) − x for the shortest round-trip decimal D(x) of x (see the module comment), or NaN when
 * not decided. 0 for integers below 2^53 (they print exactly) and for 0.
 */
export function decimalOffset(x: number): number {
  if (x >= 0) return positiveOffset(x);
  const offset = positiveOffset(-x);
  return offset === 0 ? 0 : -offset;
}

function positiveOffset(x: number): number {
  if (x < TWO_53 && Math.floor(x) === x) return 0; // 0 and integers print exactly
  if (!(x >= 1e-6 && x < 1e17)) return NaN;
  // x's binary exponent E (x in [2^E, 2^(E+1)), normal here): ⌊E·log10 2⌋ is ⌊log10 x⌋ or one
  // below (then P ≥ 1e17 takes one step back); were it ever above, P < 1e16 declines below
  bits[0] = x;
  const exponent = (words[HIGH] >>> 20) & 0x7ff;
  const powerOfTwo = (words[HIGH] & 0xfffff) === 0 && words[1 - HIGH] === 0;
  const even = (words[1 - HIGH] & 1) === 0; // x's last mantissa bit
  let j = Math.min(22, 16 - Math.floor((exponent - 1023) * LOG10_2));
  let ph = twoProduct(x, POW10[j]);
  // E·log10(2) may be one below log10 x: P must be in [1e16, 1e17)
  if (ph >= 1e17 && j > 0) ph = twoProduct(x, POW10[--j]);
  if (!(ph >= 1e16 && ph < 1e17)) return NaN;
  const pl = lo(); // P = ph + pl exactly; ph ≥ 1e16 > 2^53 is an integer, |pl| ≤ 8

  // x's rounding interval, in units of the 17th digit: the half gaps to its neighbours × 10^j
  bits[0] = 0;
  words[HIGH] = (exponent - 53) << 20; // 2^(E − 53) for x in [2^E, 2^(E+1)): half an ulp of x
  const halfUp = bits[0] * POW10[j];
  const halfDown = powerOfTwo ? halfUp / 2 : halfUp; // below a power of two the gap halves

  // P = N0 + f: N0 = ph + ⌊pl⌋ an integer, f in [0, 1) exact; N0 = A·1e8 + B exactly, and only
  // B matters below (A·1e8 ends in eight zeros)
  const fl = Math.floor(pl);
  const f = pl - fl;
  // ⌊ph / 1e8⌋ by a product: may be one off, which the correction of b below absorbs
  const a = Math.floor(ph * 1e-8);
  let b = ph - a * E8 + fl; // exact: a·1e8 is a double (≤ 49 bits), Sterbenz for the difference
  if (b < 0) b += E8;
  else if (b >= E8) b -= E8;

  // Integer offsets c (candidate N0 + c) inside the interval [f − halfDown, f + halfUp], its ends
  // included when x's last mantissa bit is 0 (a decimal halfway between two doubles reads as
  // the even one). The float ends err by less than 1e-14: an integer farther than 1e-9 from both
  // is on the side they say; nearer, `inside` decides exactly.
  const lowEnd = f - halfDown;
  const highEnd = f + halfUp;
  let cLow = Math.ceil(lowEnd);
  let cHigh = Math.floor(highEnd);
  if (cLow - lowEnd < 1e-9 || lowEnd - (cLow - 1) < 1e-9) {
    cLow -= 1;
    for (let k = 0; k < 3 && !inside(cLow, f, halfDown, halfUp, even); k++) cLow++;
    if (!inside(cLow, f, halfDown, halfUp, even)) return NaN;
  }
  if (highEnd - cHigh < 1e-9 || cHigh + 1 - highEnd < 1e-9) {
    cHigh += 1;
    for (let k = 0; k < 3 && !inside(cHigh, f, halfDown, halfUp, even); k++) cHigh--;
    if (!inside(cHigh, f, halfDown, halfUp, even)) return NaN;
  }
  if (cLow > cHigh) return NaN;

  return (chosenOffset(b, cLow, cHigh, f) - f) / POW10[j];
}

/**
 * Whether N0 + c rounds to x: c − f within [−halfDown, halfUp] (ends included when even).
 * c − f is taken exactly by TwoSum (dh + dl); dh = fl(c − f), so against a double bound, dh
 * decides unless equal to it, and then the sign of dl does.
 */
function inside(c: number, f: number, halfDown: number, halfUp: number, even: boolean): boolean {
  let dh = twoSum(c, -f);
  let dl = lo();
  let half = halfUp;
  if (dh < 0 || (dh === 0 && dl < 0)) {
    dh = -dh;
    dl = -dl;
    half = halfDown;
  }
  return dh < half || (dh === half && (dl < 0 || (dl === 0 && even)));
}

/**
 * The offset c in [cLow, cHigh] whose N0 + c (N0 = A·1e8 + b) has the most trailing zeros,
 * nearest to P = N0 + f among those, and of two equally near the one whose last digit is even
 * (ECMAScript's Number::toString, note 2, as V8 implements it). The range spans at most 24
 * integers.
 */
function chosenOffset(b: number, cLow: number, cHigh: number, f: number): number {
  const lowB = b + cLow;
  const highB = b + cHigh;
  // A multiple of 1e8 in the range has 8 or more trailing zeros, and it is the only one (the
  // range is narrower than 100): it wins.
  if (lowB <= 0 && highB >= 0) return 0 - b; // (0 − 0 is +0, where −b would be −0)
  if (lowB <= E8 && highB >= E8) return E8 - b;
  // Otherwise the range lies inside one block of 1e8: only B's digits differ.
  const shift = highB < 0 ? E8 : lowB > E8 ? -E8 : 0;
  const lo8 = lowB + shift;
  const hi8 = highB + shift;
  // (0.01 and 0.1 as doubles exceed 1/100 and 1/10, so ⌊n × 0.01⌋ = ⌊n / 100⌋ for n < 2^30)
  if (Math.floor(hi8 * 0.01) * 100 >= lo8) {
    for (let t = 7; t >= 2; t--) {
      const step = POW10[t];
      const m = Math.floor(hi8 / step) * step; // the largest multiple of 10^t ≤ hi8 (exact: < 2^53)
      if (m >= lo8) return m - shift - b; // one at most: 10^t ≥ 100 exceeds the range
    }
  }
  // Last two digits: of the multiples of 10 (else of all integers) in range, the nearest to f.
  // For c1 < c2, c2 is nearer iff 2f > c1 + c2, a tie iff equal: exact (2f is f's double, the sum
  // a small integer).
  const step = Math.floor(hi8 * 0.1) * 10 >= lo8 ? 10 : 1;
  let best = Math.ceil(lo8 / step) * step - shift - b;
  for (let c = best + step; c <= cHigh; c += step) {
    const twice = best + c;
    if (2 * f > twice) best = c;
    else if (2 * f === twice && ((b + shift + best) / step) % 2 !== 0) best = c;
    else break; // farther from here on
  }
  return best;
}

/** Input error of a value read as x + decimalOffset(x): 2.01u²·|x| ≤ 3u² of the decimal read. */
export const INPUT_ERR = 3 * 2 ** -106;

/**
 * Offsets of recently read doubles, direct-mapped by a hash of their bits: a recalculating sheet
 * passes the same inputs to many cells (as `decimalOf` in validate.ts remembers their Decimals),
 * and a data table cycles through a row and a column of values. A collision just reads again.
 */
const CACHE_SIZE = 512;
const cachedX = new Float64Array(CACHE_SIZE).fill(NaN);
const cachedOffset = new Float64Array(CACHE_SIZE);

/** Double-double register k = D(x), the decimal the decimal path reads (see `reg`); false when not decided. */
export function readInto(k: number, x: number): boolean {
  bits[0] = x;
  const slot = (words[0] ^ words[1] ^ (words[1] >>> 13)) & (CACHE_SIZE - 1);
  let offset: number;
  if (cachedX[slot] === x) offset = cachedOffset[slot];
  else {
    offset = decimalOffset(x);
    cachedX[slot] = x;
    cachedOffset[slot] = offset;
  }
  reg[2 * k] = x;
  reg[2 * k + 1] = offset;
  return offset === offset;
}
