/**
 * CONVERSIONBREAKEVEN with its questions answered in double-double (conversion-breakeven.ts's
 * `searchBreakeven` asks them: does month m run at price p, does mining win at p). Each answer is
 * certified: the two sides differ by more than both paths' errors; otherwise the whole call goes to
 * the decimal path. With every answer exact, the search reaches the decimal path's double whatever
 * its starting guesses (each of its searches returns the smallest double at which a nondecreasing
 * test holds), so the estimates here are plain doubles.
 *
 * A month's revenue at month-1 price p is cg × p / D_eff, cg = coin × (1 + g)^(m − 1); under a
 * hashprice floor the difficulty earned at is min(path, K × p) (path + D_F when the difficulty
 * excludes the fleet), at least D_F, K = PH-day factor × (subsidy + fees) ×
 * (1 + g)^(m − 1) / floor, and where it binds the revenue is cg / K whatever p: a month whose
 * capped revenue equals its running cost within the bounds is left to the decimal path (there the
 * decimal test could flip with its own rounding). The price p is read as the decimal path reads it
 * (exact-input.ts), or, outside the exact reader's range, as p with its half-ulp (or, subnormal,
 * with 2^-1075) relative error; values underflowing on the way add at most 2^-1000 each.
 */
import { ConversionPlan } from "../conversion";
import { conversionBreakevenPrice, searchBreakeven } from "../conversion-breakeven";
import { add, ADD_ERR, copy, div, mul, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { DECIMAL_SCHEDULE_ERR } from "./monthly-factor";
import { mineMonths, miningDoubles, months, MiningDoubles } from "./mining-months";
import { conversionLease, minedValueInto, valueBound } from "./mining-value";
import { keepSum, sumError, sumMagnitude } from "./certified-sum";
import { leaseNpvIntoSum } from "./lease-npv";
import { MiningPlan } from "../mining-plan";

/** Thrown when an answer is not certain; caught below, where the decimal path then runs. */
const DECLINED = new Error("declined");

/** 1e15 × 86,400 / 2^32: hashprice per (subsidy + fees) × price / difficulty, a double exactly. */
const PH_DAY = 20116567611.6943359375;

// registers (mining-value.ts's own: 20..24)
const P = 10;
const R = 11;
const X = 12;
const Y = 13;
const NEED = 14;
const RC = 15;
const FD = 16;
const T = 17;
const V = 23;

/** Per month (hi, lo interleaved): cg, and with a floor K; read from `months` and the constants. */
let cg = new Float64Array(0);
let capK = new Float64Array(0);
const get = (k: number, a: Float64Array, i: number) => set(k, a[2 * i], a[2 * i + 1]);
const put = (a: Float64Array, i: number, k: number) => {
  a[2 * i] = reg[2 * k];
  a[2 * i + 1] = reg[2 * k + 1];
};
const constant = (k: number, i: number) => get(k, months.constants, i);

/** Register P = the price p as the decimal path reads it; returns its relative error (NaN: beyond the bounds' range). */
function readPrice(p: number): number {
  if (readInto(P, p)) return INPUT_ERR;
  if (!(p > 0 && p <= 2 ** 500)) return NaN;
  set(P, p, 0);
  return p >= 2 ** -1022 ? 2 ** -53 : 2 ** -1075 / p + 2 ** -53;
}

/** The fast path's answer, or DECLINED thrown. */
function breakevenFast(plan: ConversionPlan): number {
  const l = conversionLease(plan);
  const rate = plan.discount_rate;
  const leaseRate = plan.lease_discount_rate ?? rate;
  if (!l || typeof rate !== "number" || typeof leaseRate !== "number") throw DECLINED;
  if (!leaseNpvIntoSum(l, leaseRate)) throw DECLINED;
  keepSum(NEED);
  const leaseHi = reg[2 * NEED];
  const leaseLo = reg[2 * NEED + 1];
  const leaseErr = sumError();
  const leaseMag = sumMagnitude();
  const d: MiningDoubles | undefined = miningDoubles(plan as unknown as MiningPlan, l.lastMonth);
  if (!d || !mineMonths(d, rate, true)) throw DECLINED;
  set(NEED, leaseHi, leaseLo); // (mineMonths uses the low registers)
  const H = months.H;
  const baseEps = months.eps;
  // need = L + R − T (T = max(0, L) × df_H with exit_cap_rate: L's sign certain)
  const L = reg[2 * NEED];
  let needErr = leaseErr + DECIMAL_SCHEDULE_ERR * leaseMag;
  let needMag = leaseMag;
  if (typeof plan.exit_cap_rate === "number" && plan.exit_cap_rate > 0) {
    if (!(Math.abs(L) > 2 * needErr)) throw DECLINED;
    if (L > 0) {
      get(X, months.discount, H);
      mul(X, X, NEED);
      const t = Math.abs(reg[2 * X]);
      add(NEED, NEED, X, -1);
      needErr += (baseEps + MUL_ERR + leaseErr / L) * t + ADD_ERR * 2 * leaseMag;
      needMag += t;
    }
  }
  get(X, months.fleet, 1);
  needErr += baseEps * Math.abs(reg[2 * X]) + ADD_ERR * 2 * (needMag + Math.abs(reg[2 * X]));
  needMag += Math.abs(reg[2 * X]);
  add(NEED, NEED, X);
  // cg_m = coin_m × (1 + g)^(m − 1); K_m = PH-day × (subsidy + fees) × (1 + g)^(m − 1) / floor = cg_m × PH-day / (HF × floor)
  if (cg.length < 2 * (H + 1)) {
    cg = new Float64Array(2 * (H + 1));
    capK = new Float64Array(2 * (H + 1));
  }
  const floored = d.floor > 0;
  set(Y, 1, 0);
  for (let m = 1; m <= H; m++) {
    if (m > 1) {
      constant(X, 0);
      mul(Y, Y, X);
    }
    get(X, months.coin, m);
    mul(X, X, Y);
    put(cg, m, X);
  }
  constant(RC, 3);
  constant(FD, 4);
  const rc = Math.abs(reg[2 * RC]);
  const rcMagnitude = Math.abs(months.constants[2]) + Math.abs(months.constants[4]);
  const costFree = ((d.powerPrice === 0 && d.tax === 0) || d.uptime === 0) && (d.opexPerMw === 0 || d.idleShare === 1);
  // every month quantity within `eps` (months.eps, plus the price's reading and four products)
  const cmpErr = (e: number) => (baseEps + e + 6 * MUL_ERR + DECIMAL_SCHEDULE_ERR) * 1.01;
  const tiny = H * 2 ** -1000;
  const includesFleet = d.includesFleet;
  if (floored) {
    // K_m = cg_m × PH-day / (hash factor × floor); where the cap binds the revenue is cg_m / K_m =
    // hash factor × floor / PH-day whatever the price: it must certainly differ from the running cost
    constant(X, 6);
    constant(Y, 5);
    mul(X, X, Y);
    set(Y, PH_DAY, 0);
    div(T, Y, X); // PH-day / (HF × floor)
    for (let m = 1; m <= H; m++) {
      get(X, cg, m);
      mul(X, X, T);
      put(capK, m, X);
    }
    if (d.switchOff && !costFree) {
      set(X, 1, 0);
      div(X, X, T);
      const flat = Math.abs(reg[2 * X]);
      add(X, X, RC, -1);
      if (!(Math.abs(reg[2 * X]) > cmpErr(0) * (flat + rcMagnitude))) throw DECLINED;
    }
  }
  /** Month m's revenue at the price in register P, into register X. */
  const revenueAt = (m: number) => {
    if (!floored) {
      get(X, cg, m);
      mul(X, X, P);
      get(Y, months.perDifficulty, m);
      mul(X, X, Y);
      return;
    }
    // the difficulty earned at: min(path (+ D_F when it excludes the fleet), K × p), at least D_F
    get(Y, capK, m);
    mul(Y, Y, P);
    get(X, months.path, m);
    if (!includesFleet) add(X, X, FD);
    if (reg[2 * X] < reg[2 * Y]) copy(Y, X);
    if (reg[2 * Y] < reg[2 * FD]) copy(Y, FD);
    get(X, cg, m);
    mul(X, X, P);
    div(X, X, Y);
  };
  const runsAt = (i: number, p: number): boolean => {
    if (!d.switchOff || costFree) return true;
    const e = readPrice(p);
    if (e !== e) throw DECLINED;
    revenueAt(i + 1);
    const rev = Math.abs(reg[2 * X]);
    add(T, X, RC, -1);
    const bound = cmpErr(e) * (rev + rcMagnitude) + tiny;
    if (reg[2 * T] > bound) return true;
    if (reg[2 * T] < -bound) return false;
    throw DECLINED;
  };
  const estimate = (i: number): number | undefined => {
    if (!d.switchOff || costFree) return 0;
    const m = i + 1;
    const c = cg[2 * m];
    if (c === 0) return undefined;
    if (!floored) return rc / (c * months.perDifficulty[2 * m]);
    // as the decimal path's estimate: the revenue is linear, flat or rational in p by region
    const K = capK[2 * m];
    const DF = reg[2 * FD];
    const path = includesFleet ? months.path[2 * m] : months.path[2 * m] + DF;
    if (c / K >= rc) return (rc * DF) / c;
    return (rc * path) / c;
  };
  /** V(p) into register V with its bound; the months' flows at p first. */
  const valueAt = (p: number, thresholds: readonly number[]): number => {
    const e = readPrice(p);
    if (e !== e) throw DECLINED;
    const idle = Math.abs(months.constants[4]);
    const running = Math.abs(months.constants[2]);
    for (let m = 1; m <= H; m++) {
      const runs = p >= thresholds[m - 1];
      months.running[m] = runs ? 1 : 0;
      const df = months.discount[2 * m];
      if (runs) {
        revenueAt(m);
        const rev = Math.abs(reg[2 * X]);
        constant(R, 1);
        add(X, X, R, -1);
        months.magnitude[m] = (rev + running) * df;
      } else {
        constant(X, 2);
        set(X, -reg[2 * X], -reg[2 * X + 1]);
        months.magnitude[m] = idle * df;
      }
      get(Y, months.discount, m);
      mul(X, X, Y);
      put(months.operating, m, X);
    }
    months.eps = baseEps + e + 4 * MUL_ERR;
    minedValueInto(V);
    months.eps = baseEps;
    return valueBound[0] + tiny + 3 * DECIMAL_SCHEDULE_ERR * valueBound[1];
  };
  const wins = (p: number, thresholds: readonly number[]): boolean => {
    const bound = (valueAt(p, thresholds) + needErr + DECIMAL_SCHEDULE_ERR * needMag) * 1.01;
    add(T, V, NEED, -1);
    if (reg[2 * T] > bound) return true;
    if (reg[2 * T] < -bound) return false;
    throw DECLINED;
  };
  const need = reg[2 * NEED];
  return searchBreakeven({
    months: H,
    earnsNothing: Array.from({ length: H }, (_, i) => months.coin[2 * (i + 1)]).every((c) => c === 0),
    switchOff: d.switchOff,
    refreshEvery: d.refreshEvery,
    p0: d.price,
    runsAt,
    estimate,
    wins,
    secant: (a, b, thresholds) => {
      valueAt(a, thresholds);
      const va = reg[2 * V];
      valueAt(b, thresholds);
      const vb = reg[2 * V];
      return a + ((need - va) * (b - a)) / (vb - va);
    },
  });
}

/**
 * The fast path alone: the breakeven when every answer was certified, NaN when one was not (the
 * decimal path's errors are thrown as it throws them, from the same search).
 */
export function conversionBreakevenFast(plan: ConversionPlan): number {
  try {
    return breakevenFast(plan);
  } catch (e) {
    if (e === DECLINED) return NaN;
    throw e;
  }
}

/** `conversionBreakevenPrice(plan).toNumber()` (CONVERSIONBREAKEVEN), its questions certified first. */
export function conversionBreakevenDouble(plan: ConversionPlan): number {
  const fast = conversionBreakevenFast(plan);
  return fast === fast ? fast : conversionBreakevenPrice(plan).toNumber();
}
