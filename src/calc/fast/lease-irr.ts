/**
 * LEASEIRR without the decimal schedule: the IRR root finder (finance.ts) depends on the monthly
 * net cash flows only through their doubles (each net's `toNumber()`), and on the decimals only in
 * its decimal check, which rarely runs. So the nets are evaluated in double-double and each
 * rounded to the decimal path's double when certified (rounding.ts), the decimals built only if
 * the check asks; and the annual rate (1 + r_m)^12 − 1 is certified the same way.
 *
 * A month's net is Σ over phases of rent × (1 − opex share) × (recovery + (1 − recovery) S^m)
 * − capex + exit value (lease.ts); without a tenant's credit it is the same for every month of a
 * lease year (the same phases in the same years, no capex or exit value), and is evaluated once.
 * Its error bound is the NPV's (lease-npv.ts) without the discounting: every part's relative
 * error is at most ε (powers of 1 + escalator and of S, inputs, a dozen operations), and the
 * decimal path's, DECIMAL_SCHEDULE_ERR of the parts' magnitudes (revenue and opex, capex, the exit
 * value's NOI by (1 + opex share)/(1 − opex share)).
 */
import { Decimal, ONE as DECIMAL_ONE } from "../decimal";
import { irrRateOfDoubles } from "../finance";
import { leaseCashFlows, LeaseArgNames, leaseIrr, LeaseTerms, LEASE_ARG_NAMES } from "../lease";
import { add, ADD_ERR, copy, DIV_ERR, div, divDouble, mul, mulDouble, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { DECIMAL_SCHEDULE_ERR, monthlySurvivalInto } from "./monthly-factor";
import { roundedIfCertain } from "./rounding";
import { resultDouble } from "./per-cell";
import { LeaseDoubles, leaseDoubles, oneMinus } from "./lease-npv";

// registers (monthly-factor.ts uses 26..29)
const S = 1;
const SM = 2; // S^m
const G = 3;
const SHARE = 4;
const RATE = 5;
const REC = 6;
const LOST = 7;
const CAP = 8;
const ACC = 9;
const T1 = 10;
const T2 = 11;
const ONE = 12;
const X = 13;

/** Rent (year 1) and capex of each phase, g^y, and each phase's exit value (hi, lo interleaved). */
let store = new Float64Array(0);

/**
 * Each month's net cash flow as the decimal path's double (months 0..last), or undefined when one
 * is not certified (or an input not read exactly).
 */
export function leaseNetDoubles(l: LeaseDoubles): number[] | undefined {
  const P = l.phases.length / 2;
  const T = l.months;
  const years = Math.ceil(T / 12);
  const credit = l.tenantDefault > 0;
  const shift = l.rentInAdvance ? 1 : 0;
  let epsS = 0;
  let epsLost = 0;
  if (credit) {
    epsS = monthlySurvivalInto(S, T1, l.tenantDefault);
    if (epsS !== epsS || !readInto(REC, l.recovery)) return undefined;
    epsLost = oneMinus(LOST, l.recovery, T1);
  }
  const epsShare = oneMinus(SHARE, l.opexShare, T1);
  if (epsShare !== epsShare || epsLost !== epsLost) return undefined;
  if (!readInto(T1, l.escalator) || !readInto(RATE, l.rate) || !readInto(CAP, l.capexPerMw)) return undefined;
  set(ONE, 1, 0);
  add(G, ONE, T1);
  const epsG =
    ((ADD_ERR * (1 + Math.abs(l.escalator)) + INPUT_ERR * Math.abs(l.escalator)) / (1 + l.escalator)) * 1.001;
  mulDouble(RATE, RATE, 1000);
  const E = l.lastMonth + 12;
  const eps =
    8 * INPUT_ERR +
    24 * MUL_ERR +
    4 * DIV_ERR +
    years * (epsG + MUL_ERR) +
    epsShare +
    epsLost +
    (E + 12) * (epsS + 3 * MUL_ERR) +
    (140 + 2 * P) * ADD_ERR;
  // store: [rent_p, capex_p, exit_p] per phase, then g^y for y < years
  const size = 2 * (3 * P + years);
  if (store.length < size) store = new Float64Array(size);
  const put = (i: number, k: number) => {
    store[2 * i] = reg[2 * k];
    store[2 * i + 1] = reg[2 * k + 1];
  };
  const get = (k: number, i: number) => set(k, store[2 * i], store[2 * i + 1]);
  set(T1, 1, 0);
  for (let y = 0; y < years; y++) {
    put(3 * P + y, T1);
    mul(T1, T1, G);
  }
  for (let p = 0; p < P; p++) {
    const b = l.phases[2 * p];
    if (!readInto(X, l.phases[2 * p + 1])) return undefined;
    mul(T1, X, RATE);
    put(3 * p, T1);
    mul(T2, X, CAP);
    if (l.capexOverBuild && b > 0) divDouble(T2, T2, b);
    put(3 * p + 1, T2);
    if (l.exitCap > 0 && l.opexShare < 1) {
      const T = l.months;
      if (!exitValueInto(l, b, shift, credit, 3 * P + years - 1, Math.max(1, T - 11), T - 12 * (years - 1)))
        return undefined;
    }
    put(3 * p + 2, T2);
  }
  const out = new Array<number>(l.lastMonth + 1);
  // the months whose net may differ from the month before's: a phase's lease year starting or its
  // lease ending, a capex month and the month after, the exit value's month and the month after
  const events = new Uint8Array(l.lastMonth + 2);
  for (let p = 0; p < P; p++) {
    const b = l.phases[2 * p];
    for (let k = 1; k <= T + 1; k += 12) events[b + k - shift] = 1;
    events[b + T + 1 - shift] = 1;
    events[b + T - shift] = 1;
    events[0] = events[1] = 1;
    if (l.capexOverBuild) for (let m = 0; m <= b; m++) events[m] = 1;
  }
  if (credit) set(SM, 1, 0);
  const opexUp = 1 + l.opexShare;
  const exitUp = l.opexShare < 1 ? opexUp / (1 - l.opexShare) : 0;
  for (let m = 0; m <= l.lastMonth; m++) {
    if (!credit && !events[m]) {
      out[m] = out[m - 1]; // the same phases in the same lease years, no capex or exit value: the same net
      continue;
    }
    set(ACC, 0, 0);
    monthBound[0] = monthBound[1] = monthBound[2] = 0;
    if (credit) {
      mul(X, SM, LOST);
      add(X, X, REC); // the expected share of rent this month
    }
    for (let p = 0; p < P; p++) {
      const b = l.phases[2 * p];
      const k = m - b + shift;
      if (k >= 1 && k <= T) {
        get(T1, 3 * p);
        get(T2, 3 * P + Math.floor((k - 1) / 12));
        mul(T1, T1, T2);
        if (credit) mul(T1, T1, X);
        const revenue = Math.abs(reg[2 * T1]);
        mul(T1, T1, SHARE);
        addPart(T1, 1, eps, revenue * opexUp);
      }
      if (capexAt(l, b, m)) {
        get(T1, 3 * p + 1);
        addPart(T1, -1, eps, Math.abs(reg[2 * T1]));
      }
      if (l.exitCap > 0 && l.opexShare < 1 && k === T) {
        get(T1, 3 * p + 2);
        addPart(T1, 1, eps, Math.abs(reg[2 * T1]) * exitUp);
      }
    }
    if (credit) mul(SM, SM, S);
    if (monthBound[2] === 0) {
      out[m] = 0; // nothing this month: the decimal path's exact 0
      continue;
    }
    const bound = (monthBound[0] + DECIMAL_SCHEDULE_ERR * monthBound[1]) * 1.01;
    const hi = Math.abs(reg[2 * ACC]);
    const n = hi > 2 * bound ? roundedIfCertain(ACC, bound / hi, 0) : NaN;
    if (n !== n) return undefined;
    out[m] = n;
  }
  return out;
}

/** A month's bounds: double-double error, the decimal path's magnitudes, the parts added. */
const monthBound = new Float64Array(3);

/** Adds sign × register k (relative error eps) to the month's net in ACC. */
function addPart(k: number, sign: number, eps: number, decimalMagnitude: number): void {
  const t = Math.abs(reg[2 * k]);
  const s = Math.abs(reg[2 * ACC]);
  add(ACC, ACC, k, sign);
  monthBound[0] += eps * t + ADD_ERR * (s + t);
  monthBound[1] += decimalMagnitude;
  monthBound[2]++;
}

/**
 * A phase's exit value, undiscounted, into register T2: the final lease year's expected rent ×
 * (1 − opex share) (annualised when T < 12) ÷ exit_cap_rate. X holds the phase's MW; `lastGrowth`
 * is the store index of g^(years − 1).
 */
function exitValueInto(
  l: LeaseDoubles,
  b: number,
  shift: number,
  credit: boolean,
  lastGrowth: number,
  first: number,
  lastYearMonths: number,
): boolean {
  const T = l.months;
  // rent of this phase in its last lease year: X (MW) × RATE × g^(years − 1)
  mul(T1, X, RATE);
  set(T2, store[2 * lastGrowth], store[2 * lastGrowth + 1]);
  mul(T1, T1, T2);
  if (credit) {
    // S^m for the first month counted
    set(SM, 1, 0);
    copy(ONE, S);
    for (let n = b + first - shift; n > 0; n >>= 1) {
      if (n & 1) mul(SM, SM, ONE);
      if (n > 1) mul(ONE, ONE, ONE);
    }
  }
  set(ACC, 0, 0);
  set(T2, 0, 0);
  for (let k = first; k <= T; k++) {
    // months of the year before the last: that year's rent, the last one's ÷ g
    if (k <= T - lastYearMonths) div(T2, T1, G);
    else copy(T2, T1);
    if (credit) {
      mul(ONE, SM, LOST);
      add(ONE, ONE, REC);
      mul(T2, T2, ONE);
      mul(SM, SM, S);
    }
    add(ACC, ACC, T2);
  }
  mul(T2, ACC, SHARE);
  if (T < 12) {
    mulDouble(T2, T2, 12);
    divDouble(T2, T2, T);
  }
  if (!readInto(ONE, l.exitCap)) return false;
  div(T2, T2, ONE);
  set(ONE, 1, 0);
  return true;
}

/** Whether a phase built in b months pays capex in month m (at month 0, or at the start of each build month). */
const capexAt = (l: LeaseDoubles, b: number, m: number) =>
  l.capexPerMw > 0 && (l.capexOverBuild && b > 0 ? m < b : m === 0);

/** (1 + D(r))^12 − 1 for the monthly rate r the root finder returned: the decimal path's double, or NaN. */
export function annualRateFast(monthly: number): number {
  if (!(monthly > -0.5 && monthly < 2 ** 20) || !readInto(T1, monthly)) return NaN;
  set(ONE, 1, 0);
  add(X, ONE, T1);
  const epsX = ((ADD_ERR * (1 + Math.abs(monthly)) + INPUT_ERR * Math.abs(monthly)) / (1 + monthly)) * 1.001;
  mul(T1, X, X); // x²
  mul(T1, T1, T1); // x⁴
  mul(T2, T1, T1); // x⁸
  mul(T1, T2, T1); // x¹²
  const power = Math.abs(reg[2 * T1]);
  add(ACC, T1, ONE, -1);
  // x¹²'s error (12 ε_x, four products), the subtraction's; the decimal path: (1 + r), its power
  // and the subtraction rounded at 40 digits (within 10^-38 of the power, see DECIMAL_SCHEDULE_ERR)
  const err = (12 * epsX + 4 * MUL_ERR) * power + ADD_ERR * (power + 1) + DECIMAL_SCHEDULE_ERR * (power + 1);
  const bound = err * 1.01;
  const hi = Math.abs(reg[2 * ACC]);
  return hi > 2 * bound ? roundedIfCertain(ACC, bound / hi, 0) : NaN;
}

/**
 * LEASEIRR from the certified nets (the root finder's own answer or error on them), and the annual
 * rate certified; NaN when a net or the annual rate is not certified (or the terms are not plain).
 */
export function leaseIrrFast(terms: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): number {
  const l = leaseDoubles(terms);
  const nets = l && l.capexPerMw > 0 ? leaseNetDoubles(l) : undefined;
  if (!nets) return NaN;
  // the same root finder on the same doubles: its answer, or its error
  lastMonthly = irrRateOfDoubles(nets, () => leaseCashFlows(terms, names).map((r) => r.net), 0.008);
  return annualRateFast(lastMonthly);
}
let lastMonthly = NaN;

/** `leaseIrr(terms, names).toNumber()` (LEASEIRR), the nets and the annual rate certified first; a zero is +0. */
export function leaseIrrDouble(terms: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): number {
  lastMonthly = NaN;
  const annual = leaseIrrFast(terms, names);
  if (annual === annual) return annual;
  // the monthly rate found, when only the annual one was not certified
  if (lastMonthly === lastMonthly) return resultDouble(DECIMAL_ONE.add(new Decimal(lastMonthly)).pow(12).sub(1));
  return resultDouble(leaseIrr(terms, names));
}
