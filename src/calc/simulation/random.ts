/**
 * Seeded random numbers for the simulation: the same seed gives the same numbers in every
 * engine, because everything here is integer arithmetic on 32-bit words (exact in every
 * ECMAScript engine) or IEEE-exact double operations plus the functions of float-math.ts.
 * Floats, not decimals: this is the simulation (see float-math.ts).
 *
 * Generator: xoshiro128** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021): 128 bits of state, period 2^128 − 1, 32-bit outputs.
 *
 * Seeding: each simulated path p (0, 1, 2, ...) has its own xoshiro128** stream, seeded from
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014; the seeding Vigna recommends for xoshiro): with the 64-bit state starting at `seed`,
 * SplitMix64's outputs number 2p + 1 and 2p + 2 (each mix64(seed + n × 0x9E3779B97F4A7C15),
 * mod 2^64) give the stream's four 32-bit state words, low word first. So path p's numbers do
 * not depend on how many paths are run, nor on the order the paths are computed in.
 *
 * Uniforms: two outputs give a 52-bit integer j = (a >>> 6) × 2^26 + (b >>> 6); the uniform is
 * (j + ½) / 2^52, strictly inside (0, 1) and exact.
 * Normals: the ziggurat method (see `normal`), whose table is built at load with float-math's
 * exp, log and sqrt; most draws need only a multiplication and a comparison.
 */
import { exp, log, sqrt } from "./float-math";

// Math's functions held in module constants: a hot loop then reads no global (in a sandboxed
// realm such as Jest's, or some hosts' JavaScript contexts, each global read is a slow lookup).
const imul = Math.imul;
const floor = Math.floor;

/** The seed: a whole number from 0 to 2^53 − 1 (Number.MAX_SAFE_INTEGER). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_M52 = 1 / 4503599627370496;

// 64-bit words as (hi, lo) pairs of uint32. Results of the helpers land in these two.
let rHi = 0;
let rLo = 0;

/** (ah·2^32 + al) × (bh·2^32 + bl) mod 2^64, into rHi/rLo. The 32×32 low product goes through 16-bit halves. */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33, exact
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33, exact
  const carry = floor(low / TWO_POW_32);
  const high = a1 * b1 + floor(mid / 65536) + carry;
  rLo = low >>> 0;
  rHi = (high + imul(ah, bl) + imul(al, bh)) >>> 0;
}

/** SplitMix64's output function (mix64, "variant 13") of the 64-bit word (h, l), into rHi/rLo. */
function mix64(h: number, l: number): void {
  l = (l ^ ((l >>> 30) | (h << 2))) >>> 0;
  h = (h ^ (h >>> 30)) >>> 0;
  mul64(h, l, 0xbf58476d, 0x1ce4e5b9);
  h = rHi;
  l = rLo;
  l = (l ^ ((l >>> 27) | (h << 5))) >>> 0;
  h = (h ^ (h >>> 27)) >>> 0;
  mul64(h, l, 0x94d049bb, 0x133111eb);
  h = rHi;
  l = rLo;
  rLo = (l ^ ((l >>> 31) | (h << 1))) >>> 0;
  rHi = (h ^ (h >>> 31)) >>> 0;
}

/** SplitMix64's n-th output for a seed, into rHi/rLo: mix64(seed + n × 0x9E3779B97F4A7C15 mod 2^64). */
function splitMix64Into(seed: number, n: number): void {
  mul64(0, n >>> 0, 0x9e3779b9, 0x7f4a7c15); // n < 2^32: at most 2 × the paths + 2
  const lo = rLo + (seed % TWO_POW_32);
  const hi = rHi + floor(seed / TWO_POW_32) + (lo >= TWO_POW_32 ? 1 : 0);
  mix64(hi >>> 0, lo >>> 0);
}

/** SplitMix64's n-th output (n = 1, 2, ...) for a seed (0 to 2^53 − 1), as [hi, lo] uint32 words. */
export function splitMix64(seed: number, n: number): [number, number] {
  splitMix64Into(seed, n);
  return [rHi, rLo];
}

/** Writes path p's four xoshiro128** state words (SplitMix64 outputs 2p + 1 and 2p + 2, low word first) at states[at..at+3]. */
export function seedStream(seed: number, p: number, states: Int32Array, at = 4 * p): void {
  splitMix64Into(seed, 2 * p + 1);
  states[at] = rLo;
  states[at + 1] = rHi;
  splitMix64Into(seed, 2 * p + 2);
  states[at + 2] = rLo;
  states[at + 3] = rHi;
}

/** The state words of `paths` streams, path-major (4 words each), as int32 (the bits are what matter). */
export function seedStreams(seed: number, paths: number): Int32Array {
  const states = new Int32Array(4 * paths);
  for (let p = 0; p < paths; p++) seedStream(seed, p, states);
  return states;
}

/** xoshiro128** next() on the stream whose four state words start at st[i]: a uint32. */
export function next32(st: Int32Array, i: number): number {
  const s0 = st[i];
  const s1 = st[i + 1];
  const x = imul(s1, 5);
  const result = imul((x << 7) | (x >>> 25), 9) >>> 0;
  const s2 = st[i + 2] ^ s0;
  const s3 = st[i + 3] ^ s1;
  st[i] = s0 ^ s3;
  st[i + 1] = s1 ^ s2;
  st[i + 2] = s2 ^ (s1 << 9);
  st[i + 3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** A uniform on (0, 1) from two outputs: (j + ½) / 2^52 for a 52-bit j, exact. */
export function uniform(st: Int32Array, i: number): number {
  const j = (next32(st, i) >>> 6) * TWO_POW_26 + (next32(st, i) >>> 6);
  return (j + 0.5) * TWO_POW_M52;
}

// The ziggurat (Marsaglia and Tsang, "The ziggurat method for generating random variables", J.
// Stat. Software 5(8), 2000): 128 layers of equal area V under f(x) = exp(−x²/2), x ≥ 0; the base
// layer, of width X[0] = V / f(R), also stands for the tail beyond R. Their constants for 128
// layers: R = 3.442619855899, V = 9.91256303526217e-3. With these the top layer's area closes to
// 1.2e-9 of V, a distortion of about 1e-11 in probability, far below any Monte Carlo error.
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
/** Layer edges: X[1] = R > X[2] > ... > X[128] = 0, and X[0] = V / f(R). */
const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
/** f(X[i]). */
const ZIG_F = new Float64Array(ZIG_LAYERS + 1);
/** X[i + 1] / X[i]: a draw u·X[i] with u below this is inside f whatever its height. */
const ZIG_RATIO = new Float64Array(ZIG_LAYERS);
{
  const f = (x: number) => exp(-0.5 * x * x);
  ZIG_X[0] = ZIG_V / f(ZIG_R);
  ZIG_X[1] = ZIG_R;
  for (let i = 1; i < ZIG_LAYERS - 1; i++) ZIG_X[i + 1] = sqrt(-2 * log(ZIG_V / ZIG_X[i] + f(ZIG_X[i])));
  ZIG_X[ZIG_LAYERS] = 0;
  for (let i = 0; i <= ZIG_LAYERS; i++) ZIG_F[i] = f(ZIG_X[i]);
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
}

/**
 * A standard normal from the stream at st[i], by the ziggurat. Each try takes two outputs a, b:
 * a 52-bit uniform u from bits 6–31 of each, the layer from bits 0–5 of a and bit 1 of b, the sign
 * from bit 0 of b, so no bit serves twice (Doornik, "An improved ziggurat method", 2005, on why).
 * About 98.8% of draws end at the first comparison; the rest need exp (a wedge) or log (the tail).
 */
export function normal(st: Int32Array, i: number): number {
  for (;;) {
    const a = next32(st, i);
    const b = next32(st, i);
    const u = ((a >>> 6) * TWO_POW_26 + (b >>> 6) + 0.5) * TWO_POW_M52;
    const layer = (a & 63) | ((b & 2) << 5);
    const negative = (b & 1) === 1;
    if (u < ZIG_RATIO[layer]) {
      const x = u * ZIG_X[layer];
      return negative ? -x : x;
    }
    const x = layer === 0 ? normalTail(st, i) : wedge(st, i, layer, u * ZIG_X[layer]);
    if (x >= 0) return negative ? -x : x;
  }
}

/** Base layer beyond R: a draw from the normal tail x > R = 3.4426... (Marsaglia, 1964). Exported for the tests. */
export function normalTail(st: Int32Array, i: number): number {
  for (;;) {
    const x = -log(uniform(st, i)) / ZIG_R;
    const y = -log(uniform(st, i));
    if (y + y >= x * x) return ZIG_R + x;
  }
}

/** x in layer's wedge: accepted (x returned) if a uniform height in the layer falls under f(x), else −1. */
function wedge(st: Int32Array, i: number, layer: number, x: number): number {
  const y = ZIG_F[layer] + uniform(st, i) * (ZIG_F[layer + 1] - ZIG_F[layer]);
  return y < exp(-0.5 * x * x) ? x : -1;
}
