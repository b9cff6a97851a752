/**
 * MININGNPV and CONVERSIONVALUE from the months of mining-months.ts, valued as fleet-life.ts
 * values them, certified against the decimal path's double.
 *
 * With P(s) the sum of the operating PVs of months 1..s, C(t) the chain's refreshes up to t
 * (each the fleet's price × df), the value of stopping at s within H months is
 *   V(s) = P(s) − C(min(s, H − N)) + (s < H ? resale R : end value E) × df_s,
 * and the NPV is V(H), or with a stop for good max over s of V(s). Each V(s) is within its bound
 * e(s) of its exact value, so the largest is within max e(s) of the exact maximum, whichever s
 * attains it; the decimal path, which picks its own largest V(s) (ties to the later month) and
 * sums that stop's months again, is within 3 × DECIMAL_SCHEDULE_ERR of the magnitudes of the exact
 * maximum (its choice is within two of its errors of the best, its sum within one). So the stop
 * month itself need not be decided; only the value is certified.
 */
import { Num } from "../decimal";
import { MiningPlan } from "../mining-plan";
import { miningNpv } from "../mining-schedule";
import { refreshChain } from "../fleet-life";
import { conversionValue, ConversionPlan, DEFAULT_SITE_MW_PER_CRITICAL_IT_MW, leaseTermsFor } from "../conversion";
import { add, ADD_ERR, copy, mul, MUL_ERR, reg, set } from "./double-double";
import { DECIMAL_SCHEDULE_ERR } from "./monthly-factor";
import { roundedIfCertain } from "./rounding";
import { resultDouble } from "./per-cell";
import { mineMonths, miningDoubles, months } from "./mining-months";
import { LeaseDoubles, leaseDoubles, leaseNpvIntoSum } from "./lease-npv";
import { keepSum, sumError, sumMagnitude } from "./certified-sum";
import { positiveArg } from "./schedule-inputs";

const PS = 21;
const CS = 22;
const BEST = 23;
const TMP = 24;
const LEASE = 20; // the lease leg, once the months are valued (mining-months.ts is done with its registers)
const SCRATCH = 20;

/** The last valuation's bounds: double-double error, and the magnitudes for the decimal path's. */
export const valueBound = new Float64Array(2);

const load = (k: number, a: Float64Array, i: number) => set(k, a[2 * i], a[2 * i + 1]);

/** The refresh chain of the months run (fleet-life.ts's). */
export function chainOfMonths(): number[] {
  const running = months.running.subarray(0, months.H + 1);
  return refreshChain(running as unknown as boolean[], months.refreshEvery);
}

/** Register k (not 20..24) = the months' NPV with the fleet's life (module header); its bounds in `valueBound`. */
export function minedValueInto(k: number): void {
  const H = months.H;
  const N = months.refreshEvery;
  const eps = months.eps;
  const limit = N > 0 ? H - N : 0;
  const chain = chainOfMonths();
  const fleetPrice = Math.abs(months.fleet[0]);
  set(PS, 0, 0);
  set(CS, 0, 0);
  let errP = 0;
  let magP = 0;
  let errC = 0;
  let magC = 0;
  let next = 0;
  let found = false;
  let boundErr = 0;
  let boundMag = 0;
  for (let s = 1; s <= H; s++) {
    load(TMP, months.operating, s);
    errP += eps * months.magnitude[s] + ADD_ERR * (Math.abs(reg[2 * PS]) + Math.abs(reg[2 * TMP]));
    magP += months.magnitude[s];
    add(PS, PS, TMP);
    if (next < chain.length && chain[next] === s && s <= limit) {
      load(TMP, months.fleet, 0);
      load(SCRATCH, months.discount, s);
      mul(TMP, TMP, SCRATCH);
      const c = fleetPrice * months.discount[2 * s];
      errC += (eps + MUL_ERR) * c + ADD_ERR * (Math.abs(reg[2 * CS]) + c);
      magC += c;
      add(CS, CS, TMP);
      next++;
    }
    if (s < H && !months.stopForGood) continue;
    // V(s) = P(s) − C + (R or E) × df_s
    load(TMP, months.fleet, s < H ? 1 : 2);
    load(SCRATCH, months.discount, s);
    mul(TMP, TMP, SCRATCH);
    const end = Math.abs(reg[2 * TMP]);
    add(TMP, TMP, PS);
    add(TMP, TMP, CS, -1);
    const p = Math.abs(reg[2 * PS]);
    const c = Math.abs(reg[2 * CS]);
    const err = errP + errC + (eps + MUL_ERR) * end + ADD_ERR * 2 * (p + c + end);
    boundErr = Math.max(boundErr, err);
    boundMag = Math.max(boundMag, magP + magC + end);
    if (!found || notBelow(TMP, BEST, SCRATCH)) {
      copy(BEST, TMP);
      found = true;
    }
  }
  // the comparisons err by at most 6u² of the values compared: the maximum taken by as much
  boundErr += 2 * ADD_ERR * boundMag;
  copy(k, BEST);
  valueBound[0] = boundErr;
  valueBound[1] = boundMag;
}

/**
 * Whether register a ≥ register b, by their double-double difference (into register t): wrong
 * only when they differ by less than its error, 6u²(|a| + |b|), which callers add to their bounds.
 */
export function notBelow(a: number, b: number, t: number): boolean {
  add(t, a, b, -1);
  return reg[2 * t] >= 0;
}

/** Register k's double when the bound (double-double error + `decimalTimes` × the decimal path's) proves it; else NaN. */
export function certified(k: number, err: number, magnitude: number, decimalTimes: number): number {
  // every part exactly 0 (inputs are 0 or read exactly, at least 1e-6: nothing underflows to 0)
  if (magnitude === 0 && err === 0 && reg[2 * k] === 0) return 0;
  const bound = (err + decimalTimes * DECIMAL_SCHEDULE_ERR * magnitude) * 1.01;
  const hi = Math.abs(reg[2 * k]);
  return hi > 2 * bound ? roundedIfCertain(k, bound / hi, 0) : NaN;
}

/** MININGNPV's double when certified, else NaN. */
export function miningNpvFast(plan: MiningPlan, rate: number): number {
  const d = miningDoubles(plan);
  if (!d || !mineMonths(d, rate)) return NaN;
  minedValueInto(BEST);
  return certified(BEST, valueBound[0], valueBound[1], 3);
}

/** `miningNpv(plan, rate).toNumber()` (MININGNPV), certified fast path first; a zero is +0. */
export function miningNpvDouble(plan: MiningPlan, discountRate: Num): number {
  if (typeof discountRate === "number") {
    const n = miningNpvFast(plan, discountRate);
    if (n === n) return n;
  }
  return resultDouble(miningNpv(plan, discountRate));
}

/** A conversion's lease leg as doubles (conversion-plan.ts's `leaseTermsFor`), or undefined. */
export function conversionLease(plan: ConversionPlan): LeaseDoubles | undefined {
  const ratio = positiveArg(plan.site_mw_per_critical_it_mw, DEFAULT_SITE_MW_PER_CRITICAL_IT_MW);
  if (!(ratio >= 1)) return undefined;
  const terms = leaseTermsFor({ ...plan, site_mw: 1, site_mw_per_critical_it_mw: 1 });
  const l = leaseDoubles(plan.phases === undefined ? { ...terms, critical_it_mw: plan.site_mw } : terms);
  if (l && plan.phases === undefined) l.mwDivisor = ratio;
  return l;
}

/**
 * The lease leg L at its own rate, then the mining leg over the lease's horizon H: registers LEASE
 * (L) and BEST (the mining value with the fleet's life); the bounds of L in `leaseBound`, of the
 * mining value in `valueBound`. False when the fast path declines.
 */
export const leaseBound = new Float64Array(2);
const leaseValue = new Float64Array(2);
export function conversionLegsFast(plan: ConversionPlan): boolean {
  const l = conversionLease(plan);
  const rate = plan.discount_rate;
  const leaseRate = plan.lease_discount_rate ?? rate;
  if (!l || typeof rate !== "number" || typeof leaseRate !== "number") return false;
  if (!leaseNpvIntoSum(l, leaseRate)) return false;
  keepSum(LEASE);
  leaseValue[0] = reg[2 * LEASE];
  leaseValue[1] = reg[2 * LEASE + 1];
  leaseBound[0] = sumError();
  leaseBound[1] = sumMagnitude();
  const d = miningDoubles(plan as unknown as MiningPlan, l.lastMonth);
  if (!d || !mineMonths(d, rate)) return false;
  minedValueInto(BEST);
  load(LEASE, leaseValue, 0);
  return true;
}

/** CONVERSIONVALUE's double, (L + R) − (mining value + T), when certified; else NaN. */
export function conversionValueFast(plan: ConversionPlan): number {
  if (!conversionLegsFast(plan)) return NaN;
  // the site's terminal value T = max(0, L) × df_H with exit_cap_rate: the sign of L must be certain
  const lErr = leaseBound[0] + DECIMAL_SCHEDULE_ERR * leaseBound[1];
  const L = reg[2 * LEASE];
  let err = leaseBound[0] + valueBound[0];
  let mag = leaseBound[1] + valueBound[1];
  add(TMP, LEASE, BEST, -1);
  const withExit = typeof plan.exit_cap_rate === "number" && plan.exit_cap_rate > 0;
  if (withExit) {
    if (!(Math.abs(L) > 2 * lErr)) return NaN;
    if (L > 0) {
      load(PS, months.discount, months.H);
      mul(PS, PS, LEASE);
      const t = Math.abs(reg[2 * PS]);
      add(TMP, TMP, PS, -1);
      err += (months.eps + MUL_ERR) * t + (leaseBound[0] / L) * t;
      mag += t + (leaseBound[1] / L) * t;
    }
  }
  // the fleet's sale R
  load(PS, months.fleet, 1);
  add(TMP, TMP, PS);
  const r = Math.abs(reg[2 * PS]);
  err += months.eps * r + 4 * ADD_ERR * (Math.abs(L) + Math.abs(reg[2 * BEST]) + mag);
  return certified(TMP, err, mag + r, 3);
}

/** `conversionValue(plan).conversionValue.toNumber()` (CONVERSIONVALUE), certified fast path first; a zero is +0. */
export function conversionValueDouble(plan: ConversionPlan): number {
  const n = conversionValueFast(plan);
  if (n === n) return n;
  return resultDouble(conversionValue(plan).conversionValue);
}
