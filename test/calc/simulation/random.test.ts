/**
 * The generator, its seeding and its normals, against independent re-implementations (BigInt,
 * straight from the published definitions), published test vectors, and the normal distribution
 * (test/support/normal.ts).
 */
import {
  MAX_SEED,
  next32,
  normal,
  normalTail,
  seedStream,
  seedStreams,
  splitMix64,
  uniform,
} from "../../../src/calc/simulation/random";
import { normalCdfDecimal, normalQuantile } from "../../support/normal";

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;

/** SplitMix64's n-th output for a seed (Steele, Lea and Flood 2014), in BigInt. */
function splitMixReference(seed: bigint, n: bigint): bigint {
  let z = (seed + n * 0x9e3779b97f4a7c15n) & M64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

/** xoshiro128** 1.0 (Blackman and Vigna), in BigInt: returns the outputs and leaves s advanced. */
function xoshiroReference(s: bigint[], count: number): bigint[] {
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M32;
  const out: bigint[] = [];
  for (let k = 0; k < count; k++) {
    out.push((rotl((s[1] * 5n) & M32, 7n) * 9n) & M32);
    const t = (s[1] << 9n) & M32;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

const as64 = ([hi, lo]: [number, number]) => (BigInt(hi) << 32n) | BigInt(lo);

describe("SplitMix64 seeding", () => {
  test("the published outputs for seed 1234567 (Rosetta Code, Pseudo-random numbers/Splitmix64) and seed 0", () => {
    const published = [
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ];
    expect(published.map((_, k) => as64(splitMix64(1234567, k + 1)))).toEqual(published);
    expect(as64(splitMix64(0, 1))).toBe(0xe220a8397b1dcdafn);
  });
  test("equals the 64-bit reference for seeds up to 2^53 − 1 and outputs far into the sequence", () => {
    const seeds = [0, 1, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 987654321987654, MAX_SEED];
    const ns = [1, 2, 3, 199_999, 200_000, 200_001, 2 ** 31 + 7, 2 ** 32 - 1];
    for (const seed of seeds)
      for (const n of ns) expect(as64(splitMix64(seed, n))).toBe(splitMixReference(BigInt(seed), BigInt(n)));
  });
  test("path p's stream is seeded with outputs 2p + 1 and 2p + 2, low word first", () => {
    const states = seedStreams(7, 3);
    for (let p = 0; p < 3; p++) {
      const a = splitMixReference(7n, BigInt(2 * p + 1));
      const b = splitMixReference(7n, BigInt(2 * p + 2));
      expect([...states.slice(4 * p, 4 * p + 4)].map((w) => BigInt(w >>> 0))).toEqual([
        a & M32,
        a >> 32n,
        b & M32,
        b >> 32n,
      ]);
    }
  });
});

describe("xoshiro128**", () => {
  test("the outputs of 3 seeded streams equal the BigInt reference for 2,000 steps", () => {
    for (const [seed, p] of [
      [1, 0],
      [1, 9999],
      [MAX_SEED, 5],
    ]) {
      const st = new Int32Array(4);
      seedStream(seed, p, st, 0);
      const ref = [...st].map((w) => BigInt(w >>> 0));
      const expected = xoshiroReference(ref, 2000);
      const got = Array.from({ length: 2000 }, () => BigInt(next32(st, 0)));
      expect(got).toEqual(expected);
      expect([...st].map((w) => BigInt(w >>> 0))).toEqual(ref); // the state advanced the same way
    }
  });
  test("uniforms are (j + ½)/2^52 from the top 26 bits of two outputs: strictly inside (0, 1)", () => {
    const st = new Int32Array(4);
    seedStream(3, 0, st, 0);
    const copy = Int32Array.from(st);
    const a = next32(copy, 0) >>> 6;
    const b = next32(copy, 0) >>> 6;
    expect(uniform(st, 0)).toBe((a * 2 ** 26 + b + 0.5) / 2 ** 52);
    const zero = new Int32Array(4); // a degenerate state gives all-zero outputs: the smallest uniform
    expect(uniform(zero, 0)).toBe(0.5 / 2 ** 52);
  });
});

describe("normals (the ziggurat) have the standard normal distribution", () => {
  // 200,000 draws from 400 streams (paths) of seed 2025.
  const N_STREAMS = 400;
  const PER_STREAM = 500;
  const states = seedStreams(2025, N_STREAMS);
  const z = new Float64Array(N_STREAMS * PER_STREAM);
  for (let p = 0, k = 0; p < N_STREAMS; p++) for (let j = 0; j < PER_STREAM; j++) z[k++] = normal(states, 4 * p);
  const n = z.length;

  test("mean 0, variance 1, skewness 0, kurtosis 3, within 4 standard errors", () => {
    let m1 = 0;
    for (const x of z) m1 += x;
    m1 /= n;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of z) {
      const d = x - m1;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(4 * Math.sqrt(1 / n));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m3 / m2 ** 1.5)).toBeLessThan(4 * Math.sqrt(6 / n));
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(4 * Math.sqrt(24 / n));
  });

  test("chi-square over 100 equally likely bins is below its 99.99th percentile (df 99: 153)", () => {
    const edges = Array.from({ length: 99 }, (_, k) => normalQuantile((k + 1) / 100));
    const counts = new Array(100).fill(0);
    for (const x of z) {
      let lo = 0;
      let hi = 99; // first edge above x
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    const expected = n / 100;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(153);
  });

  test("the tail beyond the ziggurat's base (|z| > 3.4426) and beyond 4 has the normal's share, within 4 SE", () => {
    for (const cut of [3.442619855899, 4]) {
      const p = 2 * normalCdfDecimal(-cut).toNumber();
      const hits = z.reduce((s, x) => s + (Math.abs(x) > cut ? 1 : 0), 0);
      expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  test("the tail sampler beyond R = 3.4426 has the normal's conditional distribution, within 4 SE", () => {
    const R = 3.442619855899;
    const st = seedStreams(99, 1);
    const m = 20000;
    const draws = Array.from({ length: m }, () => normalTail(st, 0));
    expect(Math.min(...draws)).toBeGreaterThan(R);
    const beyondR = normalCdfDecimal(-R);
    for (const x of [3.6, 3.8, 4.2, 4.6]) {
      const p = normalCdfDecimal(-x).div(beyondR).toNumber(); // P(Z > x | Z > R)
      const share = draws.filter((d) => d > x).length / m;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / m));
    }
  });

  test("successive draws are uncorrelated (lag-1 correlation within 4 SE of 0)", () => {
    let s = 0;
    for (let k = 1; k < n; k++) s += z[k] * z[k - 1];
    expect(Math.abs(s / (n - 1))).toBeLessThan(4 / Math.sqrt(n));
  });
});
