/**
 * The fast paths read each double as the decimal decimal.js reads: its shortest round-trip
 * string, String(x). decimalOffset(x) must be that decimal minus x, to within 2.01u of the
 * difference, checked in exact arithmetic against String(x) itself, on seeded random doubles of
 * every kind, the cases where the choice is hardest (ties between two shortest candidates, ends
 * of the rounding interval, powers of two), and the ranges where it must decline.
 */
import { decimalOffset, readInto } from "../../../src/calc/fast/exact-input";
import { reg } from "../../../src/calc/fast/double-double";
import { Decimal } from "../../../src/calc";
import { prng } from "../../support/rational";
import { Dyadic, exact } from "../../support/binary";

/** Whether decimalOffset(x) is within 2.01u of String(x) − x (exact arithmetic). */
function agrees(x: number): boolean {
  const offset = decimalOffset(x);
  if (Number.isNaN(offset)) return false;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`unexpected ${String(x)}`);
  const digits = BigInt(m[2] + (m[3] ?? "")) * (m[1] ? -1n : 1n);
  const k = Number(m[4] ?? 0) - (m[3] ?? "").length; // String(x) = digits × 10^k
  const scale = new Dyadic(10n ** BigInt(Math.max(0, -k)), 0); // makes the decimal an integer
  const decimal = new Dyadic(digits * 10n ** BigInt(Math.max(0, k)), 0);
  const wanted = decimal.sub(exact(x).mul(scale)); // (D(x) − x) × 10^K, exactly
  const err = exact(offset).mul(scale).sub(wanted).abs();
  return err.le(exact(2.01 * 2 ** -53).mul(wanted.abs()));
}

const rand = prng(20_16);
const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
const RUNS = 10_000;

function disagreements(make: () => number, runs = RUNS): string[] {
  const bad: string[] = [];
  for (let i = 0; i < runs && bad.length < 5; i++) {
    const x = make();
    if (!agrees(x)) bad.push(`${String(x)} → ${decimalOffset(x)}`);
  }
  return bad;
}

describe("decimalOffset reads a double as String(x) does", () => {
  test("typed values (1 to 6 significant digits, 1e-6 to 1e16)", () => {
    expect(disagreements(() => Number(logUniform(1e-6, 1e16).toPrecision(1 + Math.floor(rand() * 6))))).toEqual([]);
  });
  test("sheet-grid values (start + k × step in floating point, e.g. 0.027000000000000003)", () => {
    expect(
      disagreements(
        () =>
          Number(logUniform(1e-3, 1e6).toPrecision(2)) + Math.floor(rand() * 100) * 10 ** Math.floor(rand() * 8 - 5),
      ),
    ).toEqual([]);
  });
  test("full-precision doubles across the whole range read, either sign", () => {
    expect(disagreements(() => (rand() < 0.5 ? -1 : 1) * logUniform(1e-6, 1e17))).toEqual([]);
  });
  test("doubles with few fraction bits, where two shortest candidates tie or the interval's ends are decimals (2^40 to 2^56)", () => {
    // k + j/8: the candidates are often equidistant (even digit wins) or exactly at an end (even mantissa includes it)
    expect(disagreements(() => Math.floor(logUniform(2 ** 40, 2 ** 56)) + Math.floor(rand() * 8) / 8)).toEqual([]);
  });
  test("1234567890123456.25 reads as ...456.2 (a tie: the even digit), as String gives", () => {
    expect(String(1234567890123456.25)).toBe("1234567890123456.2");
    expect(agrees(1234567890123456.25)).toBe(true);
  });
  test("powers of two, whose lower neighbour is half as far", () => {
    const bad: string[] = [];
    for (let e = -19; e <= 56; e++) if (!agrees(2 ** e)) bad.push(String(2 ** e));
    expect(bad).toEqual([]);
  });
  test("typed values read exactly: 0.1 is 1/10 (offset −5.55e-18), 17.5 and 3.125 have offset 0", () => {
    // 1/10 − 0.1000000000000000055511151231257827021181583404541015625
    const wanted = new Decimal("0.1").sub(new Decimal(exactDecimal(0.1))).toNumber();
    expect(Math.abs(decimalOffset(0.1) - wanted)).toBeLessThanOrEqual(Math.abs(wanted) * 2 ** -51);
    expect(wanted).toBeCloseTo(-5.551115123125783e-18, 30);
    expect(decimalOffset(17.5)).toBe(0);
    expect(decimalOffset(3.125)).toBe(0);
    expect(decimalOffset(150e12)).toBe(0);
    expect(decimalOffset(-0)).toBe(0);
  });
  test("declines (NaN) outside [1e-6, 1e17) except integers below 2^53, and non-finite values", () => {
    for (const x of [1e-7, 9.99e-7, 1e17, 1e300, 5e-324, Infinity, -Infinity, NaN]) expect(decimalOffset(x)).toBeNaN();
    expect(decimalOffset(9007199254740991)).toBe(0);
    expect(decimalOffset(1e-6)).not.toBeNaN();
  });
  test("readInto puts D(x) in a register, remembering recent doubles", () => {
    expect(readInto(3, 0.05)).toBe(true);
    expect(reg[6]).toBe(0.05);
    expect(reg[7]).toBe(decimalOffset(0.05));
    expect(readInto(3, 1e300)).toBe(false);
  });
});

/** A double's exact binary value as a decimal string (for the 0.1 check above). */
function exactDecimal(x: number): string {
  const d = exact(x);
  return d.q >= 0 ? (d.m << BigInt(d.q)).toString() : `${(d.m * 5n ** BigInt(-d.q)).toString()}e-${-d.q}`;
}
