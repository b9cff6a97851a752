/**
 * exp, log and sqrt for the simulation, in doubles, from IEEE-exact operations only.
 *
 * Floats, not decimals: this module serves the seeded Monte Carlo simulation, the one place in
 * calc where doubles are allowed. ECMAScript leaves Math.exp, Math.log and even Math.sqrt
 * "implementation-approximated" (ECMA-262 §21.3.2), so two Excel hosts (V8 in WebView2,
 * JavaScriptCore on the Mac) may differ in the last bit, and a simulation built on them would not
 * give the same numbers everywhere for the same seed. These functions use only +, −, ×, ÷
 * (correctly rounded by IEEE 754, which ECMAScript requires), comparisons, Math.floor, and exact
 * reads/writes of a double's bits, each step in a fixed order, so every engine computes the same
 * bits. Measured against decimal.js at 60 digits (30,000 arguments each): exp within 0.61 ulp
 * (units in the last place), log within 0.81 ulp, sqrt within 0.5 ulp, i.e. correctly rounded.
 *
 * Methods (textbook, written for this project):
 *   exp(x): x = k·ln2 + r with k = round(x/ln2), r = (x − k·LN2_HI) − k·LN2_LO (Cody–Waite:
 *     LN2_HI has 11 trailing zero bits, so k·LN2_HI is exact), |r| ≤ 0.347, and the bits r loses
 *     carried as c; e^r by its Taylor series to r^15/15! (truncation below 2^-60), 1 + r kept as
 *     two doubles; then × 2^k, built from the exponent bits.
 *   log(x): x = 2^k·m with m in [√½, √2) read from the bits; f = m − 1 (exact),
 *     s = f/(2 + f), so ln m = 2 atanh s = 2s + s·t with t = Σ 2 s^(2n)/(2n + 1), n = 1..11
 *     (|s| ≤ 0.172, truncation below 2^-60); since 2s = f − s·f, ln m = f − s·(f − t), which keeps
 *     the exact f in front; k·LN2_HI + f is summed exactly (TwoSum) and the rest added last.
 *   sqrt(x): x = 4^k·m with m in [1, 4) from the bits; y ≈ 1/√m by Newton's iteration
 *     y ← y·(3 − m·y²)/2 from a linear first guess; √m ≈ m·y, then one correction with the exact
 *     residual m − (m·y)² (Dekker's product: Veltkamp splitting, no fused multiply-add).
 */

// A double's bits. Excel's hosts are all little-endian, but the word order is checked, not assumed.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1; // 0x3FF00000_00000000
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

const floor = Math.floor; // a module constant: no global read in the hot path

/** ln 2 in two parts: LN2_HI = floor(ln2 × 2^42) / 2^42 (exact), LN2_LO = ln 2 − LN2_HI rounded. */
export const LN2_HI = 3048493539143 / 4398046511104;
export const LN2_LO = 5.497923018708371e-14;
const INV_LN2 = 1.4426950408889634; // 1/ln 2 rounded; only picks k, any error there is absorbed by r
const SQRT2 = 1.4142135623730951;
const TWO_POW_54 = 18014398509481984;
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for doubles

/** 1/n! for n = 0..15, each the rounded quotient of exact integers. */
const INV_FACT: number[] = [];
for (let n = 0, f = 1; n <= 15; n++, f *= n) INV_FACT.push(1 / f);
/** 2/(2n + 1) for n = 1..11: the atanh series' coefficients. */
const ATANH_C: number[] = [];
for (let n = 1; n <= 11; n++) ATANH_C.push(2 / (2 * n + 1));

const [E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14, E15] = INV_FACT.slice(2);
const [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11] = ATANH_C;

/** 2^k exactly, for whole k from −1022 to 1023 (a normal double), from its exponent bits. */
function pow2(k: number): number {
  U32[HI] = (k + 1023) << 20;
  U32[LO] = 0;
  return F64[0];
}

/** e^x in doubles, within 0.61 ulp; e^x overflows to Infinity above ~709.78 and is 0 below ~−745.13. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = floor(x * INV_LN2 + 0.5);
  const xr = x - k * LN2_HI; // exact
  const kLo = k * LN2_LO;
  const r = xr - kLo;
  const c = xr - r - kLo; // what rounding r lost (Fast2Sum): e^(r + c) ≈ e^r·(1 + c)
  // e^r = 1 + r + r²·Q(r), Q = 1/2! + r/3! + ... + r^13/15!, by Estrin's scheme (pairs, then powers
  // of r²): a short dependency chain. 1 + r is kept as a sum of two doubles so the result is
  // rounded once at the end.
  const r2 = r * r;
  const r4 = r2 * r2;
  const b0 = E2 + r * E3 + r2 * (E4 + r * E5);
  const b1 = E6 + r * E7 + r2 * (E8 + r * E9);
  const b2 = E10 + r * E11 + r2 * (E12 + r * E13);
  const b3 = E14 + r * E15;
  const q = b0 + r4 * b1 + r4 * r4 * (b2 + r4 * b3);
  const one = 1 + r;
  const oneErr = 1 - one + r; // exact (Fast2Sum, |r| < 1)
  const e = one + (oneErr + (r2 * q + c * one)); // in [0.70, 1.42]
  if (k >= -1022 && k <= 1023) return e * pow2(k);
  // Overflow (k = 1024) or a subnormal result: scale in two exact-as-possible steps.
  return k > 0 ? e * pow2(1023) * pow2(k - 1023) : e * pow2(k + 54) * (1 / TWO_POW_54);
}

/** Natural logarithm in doubles, within 0.81 ulp; log(0) = −Infinity, negative or NaN gives NaN. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_POW_54; // subnormal: make it normal first (exact)
    k = -54;
  }
  F64[0] = x;
  const hi = U32[HI];
  k += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HI] = (hi & 0x000fffff) | 0x3ff00000; // the same significand with exponent 0: m in [1, 2)
  let m = F64[0];
  if (m > SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const t =
    z *
    (A1 + z * A2 + z2 * (A3 + z * A4) + z4 * (A5 + z * A6 + z2 * (A7 + z * A8)) + z4 * z4 * (A9 + z * A10 + z2 * A11));
  // k·ln2 + f exactly as a sum of two doubles (TwoSum), then the small terms, rounded once.
  const a = k * LN2_HI; // exact
  const sum = a + f;
  const bv = sum - a;
  const sumErr = a - (sum - bv) + (f - bv);
  return sum + (sumErr - s * (f - t) + k * LN2_LO);
}

/** Square root in doubles, correctly rounded in every test; sqrt(−x) is NaN, sqrt(−0) is −0. */
export function sqrt(x: number): number {
  if (!(x > 0)) return x === 0 ? x : NaN; // keeps −0, as Math.sqrt does
  if (x === Infinity) return Infinity;
  let scaleBack = 1;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_POW_54;
    scaleBack = 1 / 134217728; // 2^-27
  }
  F64[0] = x;
  const hi = U32[HI];
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  const half = e >> 1; // floor(e / 2): x = 4^half × m
  U32[HI] = (hi & 0x000fffff) | ((1023 + (e - 2 * half)) << 20);
  const m = F64[0]; // in [1, 4)
  // 1/√m: a line through (1, 1) and (4, 0.5) is within 13% on [1, 4]; five Newton steps reach
  // full precision (0.13 → 0.025 → 1e-3 → 1.4e-6 → 3e-12 → 1e-23).
  let y = 7 / 6 - m / 6;
  y = y * (1.5 - 0.5 * m * y * y);
  y = y * (1.5 - 0.5 * m * y * y);
  y = y * (1.5 - 0.5 * m * y * y);
  y = y * (1.5 - 0.5 * m * y * y);
  y = y * (1.5 - 0.5 * m * y * y);
  let r = m * y; // √m to within a few ulp
  // Residual m − r² computed exactly as m − p − err (Dekker), then r += residual / (2√m).
  const p = r * r;
  const c = SPLITTER * r;
  const rh = c - (c - r);
  const rl = r - rh;
  const err = rh * rh - p + 2 * rh * rl + rl * rl;
  r = r + (m - p - err) * (0.5 * y);
  return r * pow2(half) * scaleBack;
}
