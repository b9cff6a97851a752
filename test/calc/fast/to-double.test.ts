/**
 * decimalToDouble is decimal.js's toNumber() bit for bit (Object.is: −0 included) on every kind
 * of Decimal the calc module produces and the edges of conversion: 40-digit quotients, exact
 * halfway cases between two doubles, subnormals, overflow to Infinity, negative zero, and
 * decimals of 1 to 7 words at every scale.
 */
import { Decimal } from "../../../src/calc";
import { decimalToDouble } from "../../../src/calc/fast";
import { prng } from "../../support/rational";

const rand = prng(1e7);
const RUNS = 5_000;

function differences(make: () => Decimal, runs = RUNS): string[] {
  const bad: string[] = [];
  for (let i = 0; i < runs && bad.length < 5; i++) {
    const d = make();
    const got = decimalToDouble(d);
    const want = d.toNumber();
    if (!Object.is(got, want)) bad.push(`${d.toString()}: ${got} vs toNumber ${want}`);
  }
  return bad;
}

const sign = () => (rand() < 0.5 ? -1 : 1);
const pow10 = (lo: number, hi: number) => new Decimal(10).pow(Math.floor(lo + rand() * (hi - lo)));

describe("decimalToDouble equals toNumber()", () => {
  test("40-digit quotients from 1e-45 to 1e45 (what the formulas return)", () => {
    expect(differences(() => new Decimal(sign() * rand()).div(rand() * 1e3 + 1e-3).mul(pow10(-45, 45)))).toEqual([]);
  });
  test("short decimals (1 to 4 words) at every scale", () => {
    expect(
      differences(() => new Decimal(Math.floor(rand() * 10 ** (1 + Math.floor(rand() * 15)))).mul(pow10(-60, 60))),
    ).toEqual([]);
  });
  test("exact halves between two doubles round to even (2^53 + 1, 2^53 + 3, k + 0.5 above 2^52, …)", () => {
    expect(differences(() => new Decimal(2).pow(53).add(2 * Math.floor(rand() * 1e6) + 1))).toEqual([]);
    expect(
      differences(() =>
        new Decimal(2)
          .pow(52)
          .add(Math.floor(rand() * 1e6))
          .add(0.5),
      ),
    ).toEqual([]);
    expect(decimalToDouble(new Decimal("9007199254740993"))).toBe(9007199254740992);
    expect(decimalToDouble(new Decimal("9007199254740995"))).toBe(9007199254740996);
  });
  test("binary fractions with 54 significant bits (halfway cases with long decimals)", () => {
    expect(
      differences(() =>
        new Decimal(2).pow(Math.floor(rand() * 100 - 50)).mul(2 ** 53 + 2 * Math.floor(rand() * 2 ** 20) + 1),
      ),
    ).toEqual([]);
  });
  test("subnormals, the edges of the double range, overflow and underflow", () => {
    expect(differences(() => new Decimal(sign() * rand()).mul("1e-310"), 2000)).toEqual([]);
    expect(differences(() => new Decimal(rand() * 2).mul("1e308"), 2000)).toEqual([]);
    for (const s of [
      "5e-324",
      "2.4703282292062327e-324",
      "2.4703282292062328e-324",
      "1.7976931348623157e308",
      "1.8e308",
      "1e-400",
      "-1e400",
    ]) {
      expect(Object.is(decimalToDouble(new Decimal(s)), new Decimal(s).toNumber())).toBe(true);
    }
  });
  test("zeros keep their sign, as toNumber does (the adapters turn −0 into 0)", () => {
    expect(Object.is(decimalToDouble(new Decimal("-0")), -0)).toBe(true);
    expect(Object.is(decimalToDouble(new Decimal(0)), 0)).toBe(true);
    expect(Object.is(decimalToDouble(new Decimal(1).sub(1)), 0)).toBe(true);
  });
  test("non-finite decimals", () => {
    expect(decimalToDouble(new Decimal(Infinity))).toBe(Infinity);
    expect(decimalToDouble(new Decimal(-Infinity))).toBe(-Infinity);
    expect(decimalToDouble(new Decimal(NaN))).toBeNaN();
  });
});
