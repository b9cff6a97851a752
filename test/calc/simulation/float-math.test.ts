/**
 * The simulation's own exp, log and sqrt (IEEE-exact operations only) against 60-digit decimal.js
 * values of the same doubles, and against the engine's Math functions.
 */
import DecimalJs from "decimal.js";
import { exp, LN2_HI, LN2_LO, log, sqrt } from "../../../src/calc/simulation/float-math";
import { prng } from "../../support/rational";

const D = DecimalJs.clone({ precision: 60 });
type D = InstanceType<typeof D>;

/** The exact value of a double, as a Decimal (its binary significand × a power of two). */
function exact(x: number): D {
  const bits = new BigUint64Array(new Float64Array([x]).buffer)[0];
  const e = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (e !== 0) m += 1n << 52n;
  const v = new D(m.toString()).mul(new D(2).pow((e || 1) - 1075));
  return bits >> 63n ? v.neg() : v;
}

/** The spacing of doubles at the exact value y (one unit in the last place). */
function ulpAt(y: D): number {
  const r = Math.abs(y.toNumber());
  const bits = new BigUint64Array(new Float64Array([r]).buffer);
  const next = new Float64Array(new BigUint64Array([bits[0] + 1n]).buffer)[0];
  return next - r;
}

/** |got − exact| in units in the last place of the exact value. */
function ulpError(got: number, exactValue: D): number {
  return exact(got).sub(exactValue).abs().div(ulpAt(exactValue)).toNumber();
}

function worst(f: (x: number) => number, reference: (x: D) => D, inputs: number[]): { ulps: number; at: number } {
  let w = { ulps: 0, at: NaN };
  for (const x of inputs) {
    const u = ulpError(f(x), reference(exact(x)));
    if (u > w.ulps) w = { ulps: u, at: x };
  }
  return w;
}

const rand = prng(20251124);
const sample = (n: number, gen: () => number) => Array.from({ length: n }, gen);

describe("accuracy against decimal.js at 60 digits", () => {
  test("exp: within 0.7 ulp over [−40, 40] and over the simulation's range of log prices [−2, 25]", () => {
    const inputs = [...sample(1000, () => (rand() - 0.5) * 80), ...sample(500, () => -2 + rand() * 27)];
    const w = worst(exp, (x) => D.exp(x), inputs);
    expect(w.ulps).toBeLessThan(0.7);
  });
  test("exp: near the reduction's boundaries (x = k·ln2/2) and tiny arguments", () => {
    const inputs = [...sample(300, () => (Math.floor(rand() * 80) - 40) * 0.34657359027997264 + (rand() - 0.5) * 1e-9)];
    inputs.push(1e-300, -1e-300, 1e-10, -1e-10, 0.5, -0.5, 700, -700);
    expect(worst(exp, (x) => D.exp(x), inputs).ulps).toBeLessThan(0.7);
  });
  test("log: within 0.9 ulp over 1e-300 to 1e300 and close to 1", () => {
    const inputs = [
      ...sample(800, () => Math.exp((rand() - 0.5) * 1380)),
      ...sample(500, () => 1 + (rand() - 0.5) * 0.2),
      ...sample(200, () => 1 + (rand() - 0.5) * 1e-8),
      ...sample(300, () => rand()), // the ziggurat's tail: log of a uniform
    ];
    expect(worst(log, (x) => D.ln(x), inputs).ulps).toBeLessThan(0.9);
  });
  test("sqrt: correctly rounded (within half an ulp) from 1e-300 to 1e300", () => {
    const inputs = [...sample(1500, () => Math.exp((rand() - 0.5) * 1380)), ...sample(500, () => 1 + rand() * 3)];
    inputs.push(2, 3, 0.5, 1e-320, 5e-324, Number.MAX_VALUE);
    expect(worst(sqrt, (x) => x.sqrt(), inputs).ulps).toBeLessThanOrEqual(0.5);
  });
  test("LN2_HI has 11 trailing zero bits (so k × LN2_HI is exact) and LN2_HI + LN2_LO is ln 2 to 1e-30", () => {
    const hiBits = new BigUint64Array(new Float64Array([LN2_HI]).buffer)[0];
    expect(hiBits & 0x7ffn).toBe(0n);
    expect(exact(LN2_HI).add(exact(LN2_LO)).sub(D.ln(2)).abs().toNumber()).toBeLessThan(1e-30);
  });
});

describe("agreement with the engine's Math functions (which ECMAScript lets differ in the last bit)", () => {
  test("within 2 ulps of Math.exp and Math.log; equal to Math.sqrt (hardware, correctly rounded) on these inputs", () => {
    let expOff = 0;
    let logOff = 0;
    let sqrtDiffers = 0;
    for (const x of sample(20000, () => (rand() - 0.5) * 60)) {
      const y = Math.exp(x);
      expOff = Math.max(expOff, Math.abs(exp(x) - y) / y);
      if (x !== 0) logOff = Math.max(logOff, Math.abs(log(y) - Math.log(y)) / Math.abs(Math.log(y)));
      if (sqrt(y) !== Math.sqrt(y)) sqrtDiffers++;
    }
    expect(expOff).toBeLessThanOrEqual(4.5e-16);
    expect(logOff).toBeLessThanOrEqual(4.5e-16);
    expect(sqrtDiffers).toBe(0);
  });
});

describe("special values, as Math's", () => {
  test("exp", () => {
    expect(exp(0)).toBe(1);
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(709.78)).toBeCloseTo(Math.exp(709.78), -295);
    expect(exp(-740) / Math.exp(-740)).toBeCloseTo(1, 10); // subnormal result
  });
  test("log", () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
  });
  test("sqrt", () => {
    expect(sqrt(4)).toBe(2);
    expect(sqrt(0)).toBe(0);
    expect(Object.is(sqrt(-0), -0)).toBe(true);
    expect(sqrt(-1)).toBeNaN();
    expect(sqrt(Infinity)).toBe(Infinity);
    expect(sqrt(NaN)).toBeNaN();
  });
});
