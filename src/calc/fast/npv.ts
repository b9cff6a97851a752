/**
 * Excel's NPV (finance.ts's `npv`) in double-double: Σ v_i x^i, i = 1..n, x = 1 / (1 + rate),
 * by Horner's rule from the last value, certified against the decimal path's double.
 *
 * Error bound (absolute), with S = Σ |v_i| x^i: each value is read with error 3u²|v_i|; x has
 * relative error ε_x (1 + rate's sum, the quotient); the value v_j passes through j products
 * (18u² each, and ε_x each through x) and is part of j sums (6u² of their terms each), so
 *   |computed − exact| ≤ (n (24u² + ε_x) + 3u²) S,
 * to first order (the second-order rest is within the factor 1.02 applied, for n ≤ 10^6). The
 * decimal path's own Horner at 40 digits is within n · 2 · 10^-39 · S of the exact value (one
 * rounding per sum and product, two in x), bounded by n · 2^-125 · S. S itself is summed in
 * doubles, within 2nu of its value; and values underflowing in a long series add at most
 * 2^-1000 per step.
 */
import { Num } from "../decimal";
import { npv } from "../finance";
import { add, ADD_ERR, DIV_ERR, div, mul, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { roundedIfCertain } from "./rounding";
import { resultDouble } from "./per-cell";

const ONE = 0;
const RATE = 1;
const X = 2;
const VALUE = 3;
const ACC = 4;
/** Longer series go to the decimal path (the bound's first-order reasoning needs n·ε small). */
const MAX_VALUES = 1_000_000;

/** NPV(rate, values) as the decimal path's double, or NaN when not certified (or the decimal path could throw). */
export function npvFast(rate: number, values: readonly number[]): number {
  const n = values.length;
  if (!(rate > -1 && rate < Infinity) || n > MAX_VALUES) return NaN;
  if (!readInto(RATE, rate)) return NaN;
  // x = 1 / (1 + rate): the sum errs by ≤ 6u²(1 + |r|) plus rate's reading, relative to 1 + r
  set(ONE, 1, 0);
  add(X, ONE, RATE);
  const onePlus = reg[2 * X];
  const epsX = ((ADD_ERR * (1 + Math.abs(rate)) + INPUT_ERR * Math.abs(rate)) / onePlus) * (1 + 2 ** -40) + DIV_ERR;
  div(X, ONE, X);
  const x = reg[2 * X];
  if (!(x >= 2 ** -30 && x <= 2 ** 30)) return NaN; // keeps every partial sum far from overflow
  set(ACC, 0, 0);
  let abs = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = values[i];
    if (!readInto(VALUE, v)) return NaN; // also every non-finite value: the decimal path refuses it
    add(ACC, ACC, VALUE);
    mul(ACC, ACC, X);
    abs = (abs + Math.abs(v)) * x;
  }
  if (abs === 0) return 0; // every value 0: the decimal path's exact 0
  if (!(abs < 2 ** 500)) return NaN;
  const bound =
    ((n * (MUL_ERR + ADD_ERR + epsX) + INPUT_ERR + n * 2 ** -125) * abs * (1 + 4 * n * 2 ** -53) + n * 2 ** -1000) *
    1.02;
  const hi = Math.abs(reg[2 * ACC]);
  if (!(hi > bound)) return NaN;
  return roundedIfCertain(ACC, bound / hi, 0);
}

/** `npv(rate, cashFlows).toNumber()`, certified fast path first; a zero is +0. */
export function npvDouble(rate: Num, cashFlows: readonly Num[]): number {
  if (typeof rate === "number" && cashFlows.every((v) => typeof v === "number")) {
    const fast = npvFast(rate, cashFlows as readonly number[]);
    if (fast === fast) return fast;
  }
  return resultDouble(npv(rate, cashFlows));
}
