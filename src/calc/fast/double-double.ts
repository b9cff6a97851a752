/**
 * Double-double arithmetic: a number held as an unevaluated sum hi + lo of two doubles, with
 * |lo| ≤ u·|hi| (u = 2^-53, the unit roundoff), about 106 bits. The fast paths evaluate their
 * formulas in it and prove, with the error bounds below, that rounding the result to a double
 * gives the same double as the 40-digit decimal path (see `rounding.ts`).
 *
 * The error-free transformations, written from their published definitions:
 * - TwoSum (Knuth, TAOCP vol. 2, 4.2.2, Theorem B): s = fl(a + b) and e with s + e = a + b exactly.
 * - FastTwoSum (Dekker 1971, "A floating-point technique for extending the available precision",
 *   Numer. Math. 18): the same in three operations when |a| ≥ |b| (or a = 0).
 * - Veltkamp's split and Dekker's product (Dekker 1971, mul12): p = fl(a·b) and e with
 *   p + e = a·b exactly, without a fused multiply-add (JavaScript has none).
 * Exactness needs no overflow and no underflow: every caller keeps its operands' magnitudes
 * within [2^-600, 2^600] (see each caller), far from both.
 *
 * Speed: a result's hi part is returned and its lo part left in a one-element Float64Array read
 * by `lo()`, so that nothing is allocated per operation (a double kept in a plain module variable
 * is boxed on every write in V8; a typed array's element is not), and V8 inlines these small
 * functions.
 *
 * Bounds, in units of u² = 2^-106, for operands with |lo| ≤ 2u·|hi| (inputs read by
 * `exact-input.ts` may exceed u·|hi| by a hair); derived in the comments of each operation by
 * summing the rounding error of every floating-point step (each ≤ u × its result), as in
 * Joldes, Muller, Popescu, "Tight and rigorous error bounds for basic building blocks of
 * double-word arithmetic" (ACM TOMS 44, 2017), whose tight bounds (≤ 7u² for the product,
 * ≤ 15u² for the quotient) are below the generous ones used here.
 */

/** The unit roundoff of binary64 round-to-nearest: 2^-53. */
export const U = 2 ** -53;
/** u², the unit of the bounds below. */
export const U2 = 2 ** -106;
/** Relative error bound of `mul`: 18u² (see there). */
export const MUL_ERR = 18 * U2;
/** Relative error bound of `div`: 28u² (see there). */
export const DIV_ERR = 28 * U2;
/** Absolute error bound of `add`, as a multiple of |a| + |b|: 6u² (see there). */
export const ADD_ERR = 6 * U2;

/** 2^27 + 1: Veltkamp's constant for splitting a double into two 26-bit halves. */
const SPLITTER = 134217729;

const low = new Float64Array(1);

/** The lo part of the last result. */
export function lo(): number {
  return low[0];
}

/** Knuth's TwoSum: returns s = fl(a + b); lo() = a + b − s exactly. No precondition. */
export function twoSum(a: number, b: number): number {
  const s = a + b;
  const bv = s - a;
  low[0] = a - (s - bv) + (b - bv);
  return s;
}

/** Dekker's FastTwoSum: as twoSum when |a| ≥ |b| or a = 0. */
export function fastTwoSum(a: number, b: number): number {
  const s = a + b;
  low[0] = b - (s - a);
  return s;
}

/**
 * Dekker's product: returns p = fl(a·b); lo() = a·b − p exactly. Veltkamp's split writes each
 * factor as the sum of two halves of at most 26 significant bits, so that every partial product
 * below is exact and e sums them back exactly.
 */
export function twoProduct(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  low[0] = al * bl - (p - ah * bh - al * bh - ah * bl);
  return p;
}

/**
 * The double-double registers: register k holds reg[2k] (hi) + reg[2k+1] (lo). The operations
 * below take register numbers, not doubles: V8 passes a double to a function it does not inline
 * as a freshly allocated box, so a formula of a dozen operations written on doubles spent more
 * time collecting garbage than computing. Small integers and a typed array allocate nothing.
 */
export const reg = new Float64Array(64);
/** The last register, used by `divDouble`. */
const SCRATCH = 31;

/** Register d = (register a) × (register b), relative error ≤ 18u². */
export function mul(d: number, a: number, b: number): void {
  mulTo(d, reg[2 * a], reg[2 * a + 1], reg[2 * b], reg[2 * b + 1]);
}

/** Register d = (register a) × c for a double c, relative error ≤ 18u². */
export function mulDouble(d: number, a: number, c: number): void {
  mulTo(d, reg[2 * a], reg[2 * a + 1], c, 0);
}

/**
 * (ah + al)(bh + bl), relative error ≤ 18u². The exact product is ahbh + ahbl + albh + albl;
 * ahbh is taken exactly (p + e); the cross terms are each ≤ 2u|ahbh| and rounded once (2u² each),
 * summed (≤ 4u² error), added to e (|e| ≤ u|p|; ≤ 5u²); albl (≤ 4u²) is dropped. Total ≤ 17u²
 * of |ahbh| (plus O(u³)), and |ahbh| ≤ |AB|(1 + 4u): ≤ 18u² of the product. FastTwoSum then
 * renormalizes exactly, since the correction is ~u of p.
 */
function mulTo(d: number, ah: number, al: number, bh: number, bl: number): void {
  const p = twoProduct(ah, bh);
  const t = ah * bl + al * bh + low[0];
  reg[2 * d] = fastTwoSum(p, t);
  reg[2 * d + 1] = low[0];
}

/**
 * Register d = (register a) / (register b), relative error ≤ 28u². q1 = fl(ah / bh); the
 * remainder A − q1·B is computed with ah − p exact (Sterbenz: p = fl(q1·bh) is within a factor 2
 * of ah) and four roundings of terms ≤ 5.1u|ah| (error ≤ 11.1u²|ah|); the correction
 * q2 = remainder / bh then errs by the dropped bl in the divisor (≤ 10.2u²|Q|), the remainder's
 * error over bh (≤ 11.1u²|Q|) and its own rounding (≤ 5.2u²|Q|): ≤ 26.5u²|Q| plus O(u³).
 * FastTwoSum renormalizes exactly.
 */
export function div(d: number, a: number, b: number): void {
  const ah = reg[2 * a];
  const al = reg[2 * a + 1];
  const bh = reg[2 * b];
  const bl = reg[2 * b + 1];
  const q1 = ah / bh;
  const p = twoProduct(q1, bh);
  const r = ah - p - low[0] + al - q1 * bl;
  reg[2 * d] = fastTwoSum(q1, r / bh);
  reg[2 * d + 1] = low[0];
}

/** Register d = (register a) / c for a double c, relative error ≤ 28u². */
export function divDouble(d: number, a: number, c: number): void {
  reg[2 * SCRATCH] = c;
  reg[2 * SCRATCH + 1] = 0;
  div(d, a, SCRATCH);
}

/**
 * Register d = (register a) + sign × (register b), sign ±1; absolute error ≤ 6u²(|A| + |B|)
 * (relative ≤ 6u² when the terms have the same sign). ah + bh is taken exactly (TwoSum); the
 * two low parts and that sum's error (together ≤ 5u(|ah| + |bh|)) are added with two roundings;
 * the final TwoSum is exact even after cancellation.
 */
export function add(d: number, a: number, b: number, sign = 1): void {
  const s = twoSum(reg[2 * a], sign * reg[2 * b]);
  const t = reg[2 * a + 1] + sign * reg[2 * b + 1] + low[0];
  reg[2 * d] = twoSum(s, t);
  reg[2 * d + 1] = low[0];
}

/** Register d = hi + lo (no operation: for inputs and constants). */
export function set(d: number, hi: number, lo: number): void {
  reg[2 * d] = hi;
  reg[2 * d + 1] = lo;
}

/** Register d = register a. */
export function copy(d: number, a: number): void {
  reg[2 * d] = reg[2 * a];
  reg[2 * d + 1] = reg[2 * a + 1];
}
