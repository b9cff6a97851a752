/**
 * The error-free transformations are exact and the double-double operations stay within their
 * stated bounds, checked in exact rational arithmetic (BigInt) on seeded random operands of
 * every magnitude the fast paths use (2^-120 to 2^120), with random signs.
 */
import {
  add,
  ADD_ERR,
  div,
  DIV_ERR,
  lo,
  mul,
  MUL_ERR,
  reg,
  set,
  twoProduct,
  twoSum,
  fastTwoSum,
} from "../../../src/calc/fast/double-double";
import { prng } from "../../support/rational";
import { Dyadic, exact } from "../../support/binary";

const rand = prng(53);
/** A random double with all 53 bits in use, between 2^-60 and 2^60 (the operations are scale-free), either sign. */
const anyDouble = () => (rand() < 0.5 ? -1 : 1) * (1 + rand()) * 2 ** Math.floor(rand() * 120 - 60);
/** A double-double as the operations take it: hi and a lo within 2u|hi| (the reader's offsets reach a hair above u). */
function anyPair(): [number, number] {
  const hi = anyDouble();
  return [hi, hi * (rand() - 0.5) * 2 ** -51];
}
const RUNS = 15_000;

describe("error-free transformations (exact: the two results sum to the exact value)", () => {
  test("TwoSum (Knuth): a + b = s + e for any two doubles", () => {
    let wrong = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = anyDouble();
      const b = rand() < 0.3 ? -a * (1 + (rand() - 0.5) * 2 ** -30) : anyDouble(); // some near-cancellation
      const s = twoSum(a, b);
      if (
        s !== a + b ||
        !exact(s)
          .add(exact(lo()))
          .sub(exact(a).add(exact(b)))
          .isZero()
      )
        wrong++;
    }
    expect(wrong).toBe(0);
  });

  test("FastTwoSum (Dekker): exact when |a| ≥ |b|", () => {
    let wrong = 0;
    for (let i = 0; i < RUNS; i++) {
      let a = anyDouble();
      let b = anyDouble();
      if (Math.abs(a) < Math.abs(b)) [a, b] = [b, a];
      const s = fastTwoSum(a, b);
      if (
        !exact(s)
          .add(exact(lo()))
          .sub(exact(a).add(exact(b)))
          .isZero()
      )
        wrong++;
    }
    expect(wrong).toBe(0);
  });

  test("Dekker's product (no FMA): a·b = p + e", () => {
    let wrong = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = anyDouble();
      const b = anyDouble();
      const p = twoProduct(a, b);
      if (
        p !== a * b ||
        !exact(p)
          .add(exact(lo()))
          .sub(exact(a).mul(exact(b)))
          .isZero()
      )
        wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe("double-double operations stay within their bounds (relative to the exact result)", () => {
  /** |computed − exact| ≤ bound × scale, exactly. */
  function within(computed: Dyadic, wanted: Dyadic, bound: number, scale: Dyadic): void {
    if (!computed.sub(wanted).abs().le(exact(bound).mul(scale))) throw new Error(`error above ${bound / 2 ** -106}u²`);
  }
  const result = (k: number) => exact(reg[2 * k]).add(exact(reg[2 * k + 1]));
  const pairs = () => {
    const [ah, al] = anyPair();
    const [bh, bl] = anyPair();
    set(0, ah, al);
    set(1, bh, bl);
    return { a: exact(ah).add(exact(al)), b: exact(bh).add(exact(bl)) };
  };

  test(`product: within ${MUL_ERR / 2 ** -106}u²`, () => {
    for (let i = 0; i < RUNS; i++) {
      const { a, b } = pairs();
      mul(2, 0, 1);
      const want = a.mul(b);
      within(result(2), want, MUL_ERR, want.abs());
      // and normalized: |lo| ≤ u|hi|
      if (!(Math.abs(reg[5]) <= Math.abs(reg[4]) * 2 ** -53)) throw new Error("not normalized");
    }
  });

  test(`quotient: within ${DIV_ERR / 2 ** -106}u² (checked as |q·b − a| ≤ 28u²·|a|, both sides exact)`, () => {
    for (let i = 0; i < RUNS; i++) {
      const { a, b } = pairs();
      div(2, 0, 1);
      within(result(2).mul(b), a, DIV_ERR, a.abs());
    }
  });

  test(`sum: within ${ADD_ERR / 2 ** -106}u² of |a| + |b|, even when the terms cancel`, () => {
    for (let i = 0; i < RUNS; i++) {
      const { a } = pairs();
      if (rand() < 0.3) set(1, -reg[0] * (1 + (rand() - 0.5) * 2 ** -40), -reg[1]); // cancellation
      const bq = exact(reg[2]).add(exact(reg[3]));
      const sign = rand() < 0.5 ? 1 : -1;
      add(2, 0, 1, sign);
      const want = sign > 0 ? a.add(bq) : a.sub(bq);
      within(result(2), want, ADD_ERR, a.abs().add(bq.abs()));
    }
  });

  test("a bound that is too tight fails: the check can fail (u² instead of 18u² for the product)", () => {
    let failures = 0;
    for (let i = 0; i < 2000; i++) {
      const { a, b } = pairs();
      mul(2, 0, 1);
      const want = a.mul(b);
      try {
        within(result(2), want, 2 ** -110, want.abs());
      } catch {
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});
