/**
 * CONVERSIONTIMING's table as doubles, each row certified against the decimal path's
 * (conversion-timing.ts): row k = M_k + L × df_k − the mining value, where M_k, the value of
 * mining k months and selling the fleet, is fleet-life.ts's `legValues` computed in double-double
 * the same way (prefix sums; with a stop for good, the best early stop as a running maximum and
 * the best late one over a window of N months by a monotone queue). Each M_k is a maximum of
 * values V_k(s) within e of exact, so within e + the comparisons' 6u² of the exact maximum
 * (mining-value.ts); the decimal path's within 3 × DECIMAL_SCHEDULE_ERR of the magnitudes. The
 * best row must be certain too: every other row certainly below it (or the decimal path decides).
 */
import { ConversionPlan } from "../conversion";
import { ConversionTiming, conversionTiming } from "../conversion-timing";
import { add, ADD_ERR, mul, MUL_ERR, reg, set } from "./double-double";
import { DECIMAL_SCHEDULE_ERR } from "./monthly-factor";
import { resultDouble } from "./per-cell";
import { months } from "./mining-months";
import { certified, chainOfMonths, conversionLegsFast, leaseBound, notBelow, valueBound } from "./mining-value";

/** CONVERSIONTIMING's result with every value a double (the decimal result's, each rounded once). */
export interface ConversionTimingDoubles {
  rows: { month: number; value: number }[];
  best: { month: number; value: number };
  miningValue: number;
  leaseValue: number;
  horizonMonths: number;
}

// registers (mining-value.ts keeps the lease leg in 20 and the mining value in 23)
const P = 10;
const C = 11;
const X = 12;
const Y = 13;
const T = 14;
const BEST = 15;
const LEASE = 20;
const MINED = 23;

/** M_k for k = 0..H (hi, lo interleaved), P(s) + R·df_s and G(s), and the queue. */
let legs = new Float64Array(0);
let prefix = new Float64Array(0);
let capex = new Float64Array(0);
let late = new Float64Array(0);
let queue = new Int32Array(0);
const get = (k: number, a: Float64Array, i: number) => set(k, a[2 * i], a[2 * i + 1]);
const put = (a: Float64Array, i: number, k: number) => {
  a[2 * i] = reg[2 * k];
  a[2 * i + 1] = reg[2 * k + 1];
};

/** The legs M_k into `legs`, from the months valued; returns their common error bound and magnitude. */
function legValuesFast(): { err: number; mag: number } {
  const H = months.H;
  const N = months.refreshEvery;
  const eps = months.eps;
  if (legs.length < 2 * (H + 1)) {
    legs = new Float64Array(2 * (H + 1));
    prefix = new Float64Array(2 * (H + 1));
    capex = new Float64Array(2 * (H + 1));
    late = new Float64Array(2 * (H + 1));
    queue = new Int32Array(H + 1);
  }
  const chain = chainOfMonths();
  const fleetPrice = Math.abs(months.fleet[0]);
  const resale = Math.abs(months.fleet[2]);
  // P(m), C(m) (every chain purchase up to m) and B(m) = P(m) + R·df_m, with one bound for all
  set(P, 0, 0);
  set(C, 0, 0);
  put(prefix, 0, P);
  put(capex, 0, C);
  let err = 0;
  let mag = 0;
  let next = 0;
  for (let m = 1; m <= H; m++) {
    get(X, months.operating, m);
    err += eps * months.magnitude[m] + ADD_ERR * (Math.abs(reg[2 * P]) + Math.abs(reg[2 * X]));
    mag += months.magnitude[m];
    add(P, P, X);
    put(prefix, m, P);
    if (next < chain.length && chain[next] === m) {
      get(X, months.fleet, 0);
      get(Y, months.discount, m);
      mul(X, X, Y);
      const c = fleetPrice * months.discount[2 * m];
      err += (eps + MUL_ERR) * c + ADD_ERR * (Math.abs(reg[2 * C]) + c);
      mag += c;
      add(C, C, X);
      next++;
    }
    put(capex, m, C);
    get(X, months.fleet, 1);
    get(Y, months.discount, m);
    mul(X, X, Y);
    add(X, X, P);
    put(late, m, X); // B(m) = P(m) + R·df_m
  }
  const endMag = resale * Math.max(...Array.from({ length: H + 1 }, (_, m) => months.discount[2 * m]));
  // one bound for every value: the sums', the purchases', R × df's, and three additions and comparisons
  const bound = err + (eps + MUL_ERR) * endMag + 8 * ADD_ERR * (mag + endMag);
  const within = (k: number) => (N > 0 && k - N > 0 ? k - N : 0);
  get(X, months.fleet, 1);
  put(legs, 0, X);
  let head = 0;
  let tail = 0;
  let early = false; // whether BEST holds max G(s) over s ≤ k − N
  for (let k = 1; k <= H; k++) {
    get(T, capex, within(k));
    if (!months.stopForGood) {
      get(X, late, k);
      add(X, X, T, -1);
      put(legs, k, X);
      continue;
    }
    const e = N > 0 ? k - N : k;
    if (e >= 1) {
      // G(e) = B(e) − C(e)
      get(X, late, e);
      get(Y, capex, e);
      add(X, X, Y, -1);
      if (!early || !notBelow(BEST, X, Y)) set(BEST, reg[2 * X], reg[2 * X + 1]);
      early = true;
    }
    const value = early;
    if (early) set(X, reg[2 * BEST], reg[2 * BEST + 1]);
    if (N > 0) {
      // the window's best B(s), s in (k − N, k]: a queue of months whose B decreases
      get(Y, late, k);
      while (tail > head) {
        get(P, late, queue[tail - 1]);
        if (!notBelow(Y, P, C)) break;
        tail--;
      }
      queue[tail++] = k;
      while (queue[head] <= e) head++;
      get(Y, late, queue[head]);
      add(Y, Y, T, -1);
      if (!value || !notBelow(X, Y, P)) set(X, reg[2 * Y], reg[2 * Y + 1]);
    }
    put(legs, k, X);
  }
  return { err: bound, mag: mag + endMag };
}

/** CONVERSIONTIMING as doubles when every value is certified; else undefined. */
export function conversionTimingFast(plan: ConversionPlan): ConversionTimingDoubles | undefined {
  if (!conversionLegsFast(plan)) return undefined;
  const H = months.H;
  // the mining value MV = the mining leg + T (T = max(0, L) × df_H with exit_cap_rate)
  const L = reg[2 * LEASE];
  const withExit = typeof plan.exit_cap_rate === "number" && plan.exit_cap_rate > 0;
  let mvErr = valueBound[0];
  let mvMag = valueBound[1];
  if (withExit && L > 0) {
    get(X, months.discount, H);
    mul(X, X, LEASE);
    add(MINED, MINED, X);
    const t = Math.abs(reg[2 * X]);
    mvErr += (months.eps + MUL_ERR + leaseBound[0] / L) * t + ADD_ERR * 2 * mvMag;
    mvMag += t + (leaseBound[1] / L) * t;
  }
  const miningValue = certified(MINED, mvErr, mvMag, 3);
  const leaseValue = certified(LEASE, leaseBound[0], leaseBound[1], 1);
  if (miningValue !== miningValue || leaseValue !== leaseValue) return undefined;
  const { err, mag } = legValuesFast();
  const rows: { month: number; value: number }[] = [];
  const bounds: number[] = [];
  let best = 0;
  for (let k = 0; k <= H; k++) {
    get(X, legs, k);
    get(Y, months.discount, k);
    mul(Y, Y, LEASE);
    const l = Math.abs(reg[2 * Y]);
    add(X, X, Y);
    add(X, X, MINED, -1);
    const e = err + mvErr + (months.eps + MUL_ERR + leaseBound[0] / Math.abs(L)) * l + 4 * ADD_ERR * (mag + mvMag + l);
    const m = mag + mvMag + l + (leaseBound[1] / Math.abs(L)) * l;
    const v = certified(X, e, m, 3);
    if (v !== v) return undefined;
    rows.push({ month: k, value: v });
    bounds.push((e + 3 * DECIMAL_SCHEDULE_ERR * m) * 1.01);
    if (v > rows[best].value) best = k;
  }
  // the best row (the earliest of equal values in the decimal path): every other certainly below it
  for (let k = 0; k <= H; k++)
    if (k !== best && !(rows[k].value < rows[best].value - 2 * (bounds[k] + bounds[best]))) return undefined;
  return { rows, best: rows[best], miningValue, leaseValue, horizonMonths: H };
}

/** `conversionTiming(plan)` with every value as its double, certified fast path first; zeros are +0. */
export function conversionTimingDoubles(plan: ConversionPlan): ConversionTimingDoubles {
  const fast = conversionTimingFast(plan);
  if (fast) return fast;
  const t: ConversionTiming = conversionTiming(plan);
  const row = (r: { month: number; value: { toNumber(): number } }) => ({
    month: r.month,
    value: resultDouble(r.value as never),
  });
  return {
    rows: t.rows.map(row),
    best: row(t.best),
    miningValue: resultDouble(t.miningValue),
    leaseValue: resultDouble(t.leaseValue),
    horizonMonths: t.horizonMonths,
  };
}
