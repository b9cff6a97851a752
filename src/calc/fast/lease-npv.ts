/**
 * LEASENPV by lease year, in double-double, certified against the decimal path's double
 * (lease.ts: the schedule month by month, each month's net × (1 + r)^(−m/12), summed).
 *
 * Within a lease year a phase's rent is constant, so its months' present values form a geometric
 * series: with v = (1 + r)^(−1/12), the year starting at month m0 with n months of rent is worth
 *   rent_y × (1 − opex share) × v^m0 × A(n),   A(n) = 1 + v + … + v^(n−1)   (12 terms, summed once)
 * and with a tenant that may default (survival S^m, S = (1 − p)^(1/12), recovery rec) the
 * expected rent rent_y × (rec + (1 − rec) S^m) splits into two such series, in v and in S·v:
 *   rent_y × (1 − opex share) × (rec × v^m0 A(n) + (1 − rec) × (Sv)^m0 B(n)),  B(n) = Σ (Sv)^j.
 * Capex spread over b build months is C/b × (A(12)(1 + v^12 + …) + …) likewise; the exit value
 * (the final lease year's NOI ÷ exit_cap_rate) sums its twelve months directly.
 *
 * Error bound: every term is a product of at most a dozen read inputs and operations, a power of v
 * (of S·v, of S) of exponent at most E = the last month + 12, a power of 1 + escalator of exponent
 * at most the years Y, and sums of same-sign terms. To first order its relative error is at most
 *   ε = 10·3u² (inputs) + 24·18u² + 5·28u² + Y·(ε_g + 18u²) + ε(1 − opex) + ε(1 − rec)
 *       + (E + 12)·(ε_w + 3·18u²) + 140·6u²,
 * with ε_w the error of v (of S·v with a tenant's credit: ε_v + ε_S + 18u²) and ε_g, ε(1 − x) the
 * errors of the sums 1 + escalator, 1 − opex share, 1 − recovery; the sum adds 6u² of its operands
 * at each addition (certified-sum.ts). The decimal path's error scales with the discounted revenue
 * and opex (both of a month's, before they cancel), capex and exit value (the exit value's NOI by
 * (1 + opex share) / (1 − opex share): revenue − opex cancels inside it).
 */
import { Num } from "../decimal";
import { LeaseArgNames, leaseNpv, LeaseTerms, LEASE_ARG_NAMES, MAX_LEASE_MONTHS } from "../lease";
import { add, ADD_ERR, copy, DIV_ERR, div, divDouble, mul, mulDouble, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { monthlyDiscountInto, monthlySurvivalInto } from "./monthly-factor";
import { addToSum, certifiedSum, startSum } from "./certified-sum";
import { resultDouble } from "./per-cell";
import {
  allRead,
  codeArg,
  fractionArg,
  monthsOfYears,
  nonNegativeArg,
  positiveArg,
  rateArg,
  wholeArg,
} from "./schedule-inputs";

/** A lease's terms as doubles the decimal path accepts (see `leaseDoubles`). */
export interface LeaseDoubles {
  /** Build months and MW of each phase, in order: [b1, mw1, b2, mw2, …]. */
  phases: number[];
  rate: number;
  /** Lease months T. */
  months: number;
  escalator: number;
  capexPerMw: number;
  opexShare: number;
  /** 0: no exit value. */
  exitCap: number;
  tenantDefault: number;
  recovery: number;
  rentInAdvance: boolean;
  capexOverBuild: boolean;
  /** The schedule's last month. */
  lastMonth: number;
  /** Each phase's MW is its number ÷ this (a conversion's site MW ÷ site MW per critical IT MW); 1 otherwise. */
  mwDivisor: number;
}

/** The most phases the fast path sums (a longer table goes to the decimal path). */
const MAX_PHASES = 64;

/** The terms as doubles when `validateLease` certainly accepts them as given; else undefined. */
export function leaseDoubles(t: LeaseTerms): LeaseDoubles | undefined {
  const phases: number[] = [];
  if (t.phases === undefined) {
    phases.push(wholeArg(t.build_months, MAX_LEASE_MONTHS, 0), positiveArg(t.critical_it_mw));
  } else {
    const rows = t.phases;
    if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_PHASES) return undefined;
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 2) return undefined;
      phases.push(wholeArg(row[0], MAX_LEASE_MONTHS), positiveArg(row[1]));
    }
  }
  const l: LeaseDoubles = {
    phases,
    rate: nonNegativeArg(t.rate_usd_per_kw_month),
    months: monthsOfYears(t.term_years),
    escalator: rateArg(t.escalator, 0),
    capexPerMw: nonNegativeArg(t.capex_usd_per_mw, 0),
    opexShare: fractionArg(t.opex_pct_of_revenue, 0),
    exitCap: fractionArg(t.exit_cap_rate, 0),
    tenantDefault: fractionArg(t.tenant_default_annual, 0),
    recovery: fractionArg(t.default_recovery_pct, 0),
    rentInAdvance: codeArg(t.rent_timing) === 1,
    capexOverBuild: codeArg(t.capex_timing) === 1,
    lastMonth: 0,
    mwDivisor: 1,
  };
  const v = [l.rate, l.months, l.escalator, l.capexPerMw, l.opexShare, l.exitCap, l.tenantDefault, l.recovery];
  if (!allRead(...v, ...phases, codeArg(t.rent_timing), codeArg(t.capex_timing))) return undefined;
  let longest = 0;
  for (let i = 0; i < phases.length; i += 2) longest = Math.max(longest, phases[i]);
  l.lastMonth = longest + l.months;
  return l.lastMonth <= MAX_LEASE_MONTHS ? l : undefined;
}

// Registers (the sum is SUM = 25; monthly-factor.ts uses 26..29).
const V = 0;
const S = 1; // monthly survival
const W = 2; // S·v
const G = 3; // 1 + escalator
const SHARE = 4; // 1 − opex share
const RATE = 5; // rate × 1000 (USD per MW-month)
const REC = 6;
const LOST = 7; // 1 − recovery
const RENT = 8;
const F = 9; // v^m0
const FW = 10; // (S·v)^m0
const T1 = 11;
const T2 = 12;
const T3 = 13;
const CAP = 14;
const ONE = 15;
const MW = 16;
const PS = 17; // S^m (the exit value's months)

/** v^j, (S·v)^j for j = 0..12 and their partial sums A(n), B(n) (hi, lo interleaved). */
const powers = new Float64Array(4 * 13 * 2);
const VP = 0;
const AN = 13;
const WP = 26;
const BN = 39;
const load = (k: number, i: number) => set(k, powers[2 * i], powers[2 * i + 1]);
const save = (i: number, k: number) => {
  powers[2 * i] = reg[2 * k];
  powers[2 * i + 1] = reg[2 * k + 1];
};

/** Register `to` = register `base` ^ e (square and multiply: at most e − 1 products, none for e ≤ 1). */
export function powerInto(to: number, base: number, e: number, tmp: number): void {
  set(to, 1, 0);
  copy(tmp, base);
  for (let n = e; n > 0; n >>= 1) {
    if (n & 1) mul(to, to, tmp);
    if (n > 1) mul(tmp, tmp, tmp);
  }
}

/**
 * 1 − x for an input x in [0, 1] into register `to`; its relative error (0 when x is 0; the
 * register holds 0 when x is 1), NaN when x is not read exactly.
 */
export function oneMinus(to: number, x: number, scratch: number): number {
  if (!readInto(scratch, x)) return NaN;
  set(ONE, 1, 0);
  add(to, ONE, scratch, -1);
  return x === 1 ? 0 : ((ADD_ERR * (1 + x) + INPUT_ERR * x) / (1 - x)) * (1 + 2 ** -30);
}

/**
 * The lease's NPV at annual rate `rate` into SUM (certified-sum.ts), with its bounds; false when
 * not certified (a root, or an input the exact reader does not decide).
 */
export function leaseNpvIntoSum(l: LeaseDoubles, rate: number): boolean {
  const epsV = monthlyDiscountInto(V, T1, rate);
  if (epsV !== epsV) return false;
  const credit = l.tenantDefault > 0;
  let epsW = epsV;
  let epsLost = 0;
  if (credit) {
    const epsS = monthlySurvivalInto(S, T1, l.tenantDefault);
    if (epsS !== epsS) return false;
    mul(W, S, V);
    epsW = epsV + epsS + MUL_ERR;
    if (!readInto(REC, l.recovery)) return false;
    epsLost = oneMinus(LOST, l.recovery, T1);
  }
  const epsShare = oneMinus(SHARE, l.opexShare, T1);
  if (epsShare !== epsShare || epsLost !== epsLost) return false;
  if (!readInto(T1, l.escalator) || !readInto(RATE, l.rate) || !readInto(CAP, l.capexPerMw)) return false;
  if (l.exitCap > 0 && !readInto(T3, l.exitCap)) return false;
  set(ONE, 1, 0);
  add(G, ONE, T1);
  const epsG =
    ((ADD_ERR * (1 + Math.abs(l.escalator)) + INPUT_ERR * Math.abs(l.escalator)) / (1 + l.escalator)) * 1.001;
  mulDouble(RATE, RATE, 1000);
  // v^j, A(n) (and (Sv)^j, B(n)) for j, n = 0..12
  set(T1, 1, 0);
  set(T2, 0, 0);
  for (let j = 0; j <= 12; j++) {
    save(AN + j, T2);
    save(VP + j, T1);
    add(T2, T2, T1);
    mul(T1, T1, V);
  }
  if (credit) {
    set(T1, 1, 0);
    set(T2, 0, 0);
    for (let j = 0; j <= 12; j++) {
      save(BN + j, T2);
      save(WP + j, T1);
      add(T2, T2, T1);
      mul(T1, T1, W);
    }
  }
  const T = l.months;
  const years = Math.ceil(T / 12);
  const E = l.lastMonth + 12;
  const eps =
    10 * INPUT_ERR +
    24 * MUL_ERR +
    5 * DIV_ERR +
    years * (epsG + MUL_ERR) +
    epsShare +
    epsLost +
    (E + 12) * (epsW + 3 * MUL_ERR) +
    140 * ADD_ERR;
  const shift = l.rentInAdvance ? 1 : 0;
  const opexUp = 1 + l.opexShare; // revenue + opex, per unit of revenue (the decimal path's magnitudes)
  startSum();
  for (let i = 0; i < l.phases.length; i += 2) {
    const b = l.phases[i];
    if (!readInto(MW, l.phases[i + 1])) return false;
    if (l.mwDivisor !== 1) {
      if (!readInto(T1, l.mwDivisor)) return false;
      div(MW, MW, T1);
    }
    // capex: C at month 0, or C / b at the start of each build month
    if (l.capexPerMw > 0) {
      mul(T1, CAP, MW);
      if (l.capexOverBuild && b > 0) {
        divDouble(T1, T1, b);
        // Σ_{m<b} v^m = A(12)(1 + v^12 + … ) + v^(12·full) A(b mod 12)
        set(T2, 0, 0);
        set(T3, 1, 0);
        load(F, AN + 12);
        load(FW, VP + 12);
        for (let k = 0; k < Math.floor(b / 12); k++) {
          mul(RENT, T3, F);
          add(T2, T2, RENT);
          mul(T3, T3, FW);
        }
        load(F, AN + (b % 12));
        mul(RENT, T3, F);
        add(T2, T2, RENT);
        mul(T1, T1, T2);
      }
      addToSum(T1, -1, eps, Math.abs(reg[2 * T1]));
    }
    // rent, year by year
    mul(RENT, MW, RATE);
    const m0 = b + 1 - shift;
    powerInto(F, V, m0, T2);
    if (credit) powerInto(FW, W, m0, T2);
    for (let start = 0; start < T; start += 12) {
      const n = Math.min(12, T - start);
      // revenue (for the decimal path's magnitude) and the term rent × share × (…)
      load(T3, AN + n);
      mul(T1, F, T3);
      if (credit) {
        mul(T1, T1, REC);
        load(T3, BN + n);
        mul(T2, FW, T3);
        mul(T2, T2, LOST);
        add(T1, T1, T2);
      }
      mul(T1, T1, RENT);
      const revenue = Math.abs(reg[2 * T1]);
      mul(T1, T1, SHARE);
      addToSum(T1, 1, eps, revenue * opexUp);
      if (start + n < T) {
        mul(RENT, RENT, G);
        load(T3, VP + 12);
        mul(F, F, T3);
        if (credit) {
          load(T3, WP + 12);
          mul(FW, FW, T3);
        }
      }
    }
    if (l.exitCap > 0 && l.opexShare < 1 && !exitValue(l, b, shift, credit, eps)) return false;
  }
  return true;
}

/**
 * The exit value of the phase built in b months: the final lease year's NOI (twelve months, or T
 * annualised) ÷ exit_cap_rate, at the month of the last rent. RENT holds the last year's rent.
 */
function exitValue(l: LeaseDoubles, b: number, shift: number, credit: boolean, eps: number): boolean {
  const T = l.months;
  const lastYearMonths = T - 12 * (Math.ceil(T / 12) - 1);
  set(T2, 0, 0); // Σ expected rent over the final lease year's months
  if (credit) powerInto(PS, S, b + Math.max(1, T - 11) - shift, T3);
  for (let k = Math.max(1, T - 11); k <= T; k++) {
    if (k === T - lastYearMonths + 1 || k === Math.max(1, T - 11)) {
      // the rent of k's lease year: the last year's, or the one before (RENT ÷ (1 + escalator))
      copy(T1, RENT);
      if (k <= T - lastYearMonths) div(T1, T1, G);
    }
    if (credit) {
      mul(T3, PS, LOST);
      add(T3, T3, REC);
      mul(T3, T3, T1);
      add(T2, T2, T3);
      mul(PS, PS, S);
    } else add(T2, T2, T1);
  }
  const revenue = Math.abs(reg[2 * T2]);
  mul(T2, T2, SHARE);
  if (T < 12) {
    mulDouble(T2, T2, 12);
    divDouble(T2, T2, T);
  }
  if (!readInto(T3, l.exitCap)) return false;
  div(T2, T2, T3);
  powerInto(F, V, b + T - shift, T3);
  mul(T2, T2, F);
  // the decimal path's magnitude: revenue + opex of the final year, capitalised and discounted
  const scale = (Math.abs(reg[2 * T2]) / Math.max(revenue * (1 - l.opexShare), Number.MIN_VALUE)) * revenue;
  addToSum(T2, 1, eps, scale * (1 + l.opexShare));
  return true;
}

/** `leaseNpv(terms, discountRate, names).toNumber()` (LEASENPV), certified fast path first; a zero is +0. */
export function leaseNpvDouble(terms: LeaseTerms, discountRate: Num, names: LeaseArgNames = LEASE_ARG_NAMES): number {
  const l = typeof discountRate === "number" ? leaseDoubles(terms) : undefined;
  if (l && leaseNpvIntoSum(l, discountRate as number)) {
    const n = certifiedSum();
    if (n === n) return n;
  }
  return resultDouble(leaseNpv(terms, discountRate, names));
}

/** The fast evaluator alone: the double when certified, else NaN (for tests and the bench). */
export function leaseNpvFast(terms: LeaseTerms, discountRate: number): number {
  const l = leaseDoubles(terms);
  return l && leaseNpvIntoSum(l, discountRate) ? certifiedSum() : NaN;
}
