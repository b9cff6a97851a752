/**
 * Discounted cash flow with Excel's semantics: NPV, XNPV, IRR, XIRR.
 *
 * - NPV(rate, v1..vn) = Σ v_i / (1 + rate)^i, i = 1..n: the first value is discounted one period.
 * - XNPV(rate, v, d)  = Σ v_i / (1 + rate)^((d_i − d_1) / 365); dates are day numbers (Excel
 *   serials), truncated to whole days; a date before the first, or unequal lengths, is #NUM!.
 * - IRR / XIRR: the rate at which NPV / XNPV is zero. Excel runs Newton from a guess and gives
 *   #NUM! when it does not converge; here every sign change of the NPV over rates in (−1, 10^4)
 *   is bracketed and solved by bisection, and the root nearest the guess is returned, so a
 *   series with several roots gives a root (never a wrong one) and a series with none is #NUM!.
 *
 * NPV and XNPV are decimal. Root finding runs in doubles (hundreds of evaluations of long
 * series must stay fast, see `npm run bench`) on a scaled form that cannot overflow, and the
 * root is then checked in decimal: the decimal NPV must change sign across it.
 */
import { Decimal, Num, ONE } from "./decimal";
import { NoAnswerError } from "./errors";
import { finite, rateAboveMinusOne } from "./validate";
import { fastPaths } from "./fast/lazy";
import { decimalToDouble } from "./fast/to-double";

const DAYS_PER_YEAR = 365;

function values(name: string, xs: readonly Num[]): Decimal[] {
  return xs.map((x, i) => finite(`${name}[${i + 1}]`, x));
}

/**
 * Excel's NPV: values are at the ends of periods 1..n.
 * @param rate discount rate per period (> −1)
 * @param cashFlows amounts per period (any currency)
 * @returns present value at time 0, same currency
 */
export function npv(rate: Num, cashFlows: readonly Num[]): Decimal {
  const r = rateAboveMinusOne("rate", rate);
  const v = values("values", cashFlows);
  const x = ONE.div(ONE.add(r));
  // Horner from the last value: (((v_n x + v_{n−1}) x + ...) + v_1) x
  let acc = new Decimal(0);
  for (let i = v.length - 1; i >= 0; i--) acc = acc.add(v[i]).mul(x);
  return acc;
}

/** Day offsets from the first date, as Excel reads them: whole days, none before the first. */
function dayOffsets(dates: readonly Num[], count: number): number[] {
  if (dates.length !== count) {
    throw new NoAnswerError(`values and dates must have the same length (${count} values, ${dates.length} dates)`);
  }
  if (count === 0) throw new NoAnswerError("there are no cash flows");
  const days = dates.map((d, i) => Math.trunc(finite(`dates[${i + 1}]`, d).toNumber()));
  return days.map((d, i) => {
    if (d < days[0]) throw new NoAnswerError(`dates[${i + 1}] is before the first date`);
    return d - days[0];
  });
}

/**
 * Excel's XNPV: Σ v_i / (1 + rate)^((d_i − d_1) / 365).
 * @param rate annual discount rate (> −1)
 * @param cashFlows amounts
 * @param dates day numbers (Excel date serials) of each amount
 * @returns present value at the first date
 */
export function xnpv(rate: Num, cashFlows: readonly Num[], dates: readonly Num[]): Decimal {
  const r = rateAboveMinusOne("rate", rate);
  const v = values("values", cashFlows);
  const offsets = dayOffsets(dates, v.length);
  const lnGrowth = ONE.add(r).ln();
  let acc = new Decimal(0);
  for (let i = 0; i < v.length; i++) {
    if (v[i].isZero()) continue;
    acc = offsets[i] === 0 ? acc.add(v[i]) : acc.add(v[i].div(lnGrowth.mul(offsets[i]).div(DAYS_PER_YEAR).exp()));
  }
  return acc;
}

/**
 * A cash-flow series as the root finder sees it: amounts at times t_i (in periods, t_0 = 0).
 * `scaled(r)` has the sign and roots of Σ v_i (1 + r)^(−t_i): for r ≥ 0 it is that sum (terms
 * shrink), for r < 0 that sum times (1 + r)^T (T = last time), so that no power overflows
 * however long the series or close the rate to −100%. log1p keeps full precision near r = 0.
 */
class Series {
  readonly t: number[];
  readonly v: number[];
  readonly T: number;
  /** Times are 0, 1, 2, ...: evaluate by Horner's rule, no exp per term. */
  readonly periodic: boolean;
  /** @param t each value's time; undefined: 0, 1, 2, ... (periodic; the times are then never read) */
  constructor(v: number[], t?: number[]) {
    this.v = v;
    this.t = t ?? [];
    this.T = t === undefined ? Math.max(v.length - 1, 0) : t.length ? Math.max(...t) : 0;
    this.periodic = t === undefined || t.every((ti, i) => ti === i);
  }
  /** The scaled NPV at rate r (> −1); same sign and roots as the NPV. */
  scaled(r: number): number {
    const v = this.v;
    let s = 0;
    if (this.periodic) {
      if (r >= 0) {
        const x = 1 / (1 + r); // Σ v_i x^i
        for (let i = v.length - 1; i >= 0; i--) s = s * x + v[i];
      } else {
        const y = 1 + r; // Σ v_i y^(T − i)
        for (let i = 0; i < v.length; i++) s = s * y + v[i];
      }
      return s;
    }
    const ln = Math.log1p(r);
    if (r >= 0) for (let i = 0; i < v.length; i++) s += v[i] * Math.exp(-this.t[i] * ln);
    else for (let i = 0; i < v.length; i++) s += v[i] * Math.exp((this.T - this.t[i]) * ln);
    return s;
  }

  /**
   * For periodic series: the scaled NPV at r and a bound on its rounding error, so that its sign
   * is certain when |value| > bound. Horner's rule errs by at most γ(2n) Σ |v_i| |x|^i
   * (Higham, Accuracy and Stability of Numerical Algorithms, 5.1); one more u for the values'
   * own rounding to doubles, and a factor of 2 for the rounding of x itself.
   */
  certified(r: number): { value: number; bound: number } {
    const v = this.v;
    const n = v.length;
    let s = 0;
    let abs = 0;
    if (r >= 0) {
      const x = 1 / (1 + r);
      for (let i = n - 1; i >= 0; i--) {
        s = s * x + v[i];
        abs = abs * x + Math.abs(v[i]);
      }
    } else {
      const y = 1 + r;
      for (let i = 0; i < n; i++) {
        s = s * y + v[i];
        abs = abs * y + Math.abs(v[i]);
      }
    }
    const u = Number.EPSILON / 2;
    const gamma = (4 * n * u) / (1 - 4 * n * u);
    return { value: s, bound: 2 * (gamma + u) * abs };
  }
}

/**
 * Bisection on [a, b] where f(a), f(b) have opposite signs, down to adjacent doubles: slower
 * than Brent's method by a few dozen evaluations, but it cannot leave the bracket or stall on
 * values near underflow, and a few dozen evaluations of a float series cost microseconds.
 */
function bisect(f: (r: number) => number, a: number, b: number, fa: number): number {
  for (let iter = 0; iter < 2100; iter++) {
    const m = a + (b - a) / 2;
    if (m === a || m === b) break; // a and b are adjacent doubles
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else {
      b = m;
    }
  }
  return a + (b - a) / 2;
}

/** Rates at which sign changes are looked for: 1 + rate from 1e-9 to 1 + 1e4 (rate 1,000,000%), log-spaced, and 0. */
const GRID: number[] = (() => {
  const g: number[] = [0];
  const lo = Math.log(1e-9);
  const hi = Math.log1p(1e4);
  const n = 480;
  for (let k = 0; k <= n; k++) g.push(Math.expm1(lo + ((hi - lo) * k) / n));
  return g;
})();
const SORTED_GRID = [...GRID].sort((p, q) => p - q);

/**
 * The rate at which the series' NPV is zero, nearest the guess.
 * @throws NoAnswerError when the series has no sign change (no rate of return) or no root in range
 */
function solveRate(series: Series, guess: number, exactNpvAt: (rate: Decimal) => Decimal): number {
  const hasPositive = series.v.some((x) => x > 0);
  const hasNegative = series.v.some((x) => x < 0);
  if (!hasPositive || !hasNegative) {
    throw new NoAnswerError(
      "the cash flows need at least one positive and one negative value to have a rate of return",
    );
  }
  const f = (r: number) => series.scaled(r);
  // Values that change sign once (an investment, then returns): the same root from a few dozen
  // evaluations instead of the scan's ~540 (fast/rate-of-return.ts proves it is the same double).
  // (fast/rate-of-return.ts, with the certified fast paths: until they are loaded, the scan)
  const shortcut = series.periodic ? fastPaths()?.singleSignChangeRoot : undefined;
  let best = shortcut ? shortcut(series, SORTED_GRID, guess) : undefined;
  if (best === undefined) {
    // the sorted grid with the guess inserted in place: the array a sort of [...GRID, guess] gives
    const at = SORTED_GRID.findIndex((p) => p > guess);
    const points = at < 0 ? [...SORTED_GRID, guess] : [...SORTED_GRID.slice(0, at), guess, ...SORTED_GRID.slice(at)];
    let prevR = points[0];
    let prevF = f(prevR);
    for (let k = 1; k < points.length; k++) {
      const r = points[k];
      const fr = f(r);
      let root: number | undefined;
      if (fr === 0) root = r;
      else if (prevF !== 0 && Math.sign(fr) !== Math.sign(prevF) && Number.isFinite(fr) && Number.isFinite(prevF)) {
        // The scaling switches at r = 0 and 0 is a grid point, so f is continuous inside each bracket.
        root = bisect(f, prevR, r, prevF);
      }
      if (root !== undefined && (best === undefined || Math.abs(root - guess) < Math.abs(best - guess))) best = root;
      prevR = r;
      prevF = fr;
    }
  }
  if (best === undefined)
    throw new NoAnswerError("no rate of return between −100% and 1,000,000% sets the NPV to zero");
  if (!certifiedInDoubles(series, best)) confirmInDecimal(best, exactNpvAt);
  return best;
}

/** The confirmation step around a root: 64 ulps of the larger of r and 1 + r. */
function confirmStep(r: number): number {
  return Math.max(Math.abs(r), Math.abs(1 + r)) * 64 * Number.EPSILON;
}

/**
 * Whether the double NPV's sign change across the root is certain despite rounding: both sides
 * exceed their error bounds. This settles almost every real series cheaply; the rest are checked
 * in decimal.
 */
function certifiedInDoubles(series: Series, r: number): boolean {
  if (!series.periodic) return false;
  const step = confirmStep(r);
  if (r - step <= -1) return false;
  const lo = series.certified(r - step);
  const hi = series.certified(r + step);
  return Math.abs(lo.value) > lo.bound && Math.abs(hi.value) > hi.bound && Math.sign(lo.value) !== Math.sign(hi.value);
}

/** The decimal NPV must change sign (or vanish) within a few ulps of the double root. */
function confirmInDecimal(r: number, exactNpvAt: (rate: Decimal) => Decimal): void {
  const step = confirmStep(r);
  const lo = exactNpvAt(new Decimal(r).sub(step));
  const hi = exactNpvAt(new Decimal(r).add(step));
  if (lo.isZero() || hi.isZero() || lo.isNeg() !== hi.isNeg()) return;
  throw new NoAnswerError("the rate of return could not be confirmed to full precision");
}

/**
 * Excel's IRR: the rate per period at which NPV of v_0 (at time 0), v_1, ... v_n is zero
 * (IRR treats the first value as time 0, unlike NPV).
 * @param cashFlows amounts per period; at least one positive and one negative
 * @param guess where to look first when there are several roots; default 0.1
 * @returns rate per period
 */
export function irr(cashFlows: readonly Num[], guess: Num = 0.1): Decimal {
  // Finite numbers are their own doubles (a number's Decimal rounds back to it): their Decimals
  // are made only if the decimal check below runs. Anything else is read (and refused) as before.
  const numbers = cashFlows.every((x) => typeof x === "number" && Number.isFinite(x));
  const v = numbers ? undefined : values("values", cashFlows);
  // decimalToDouble: toNumber()'s doubles, faster
  return irrOfDoubles(v ? doublesOf(v) : (cashFlows as number[]), () => v ?? cashFlows, guess);
}

/**
 * `irr` of values already checked, from their doubles (each value's `toNumber()`): the root
 * depends on the values only through these, and on the values themselves (asked for only then)
 * in the decimal check.
 */
export function irrOfDoubles(doubles: number[], cashFlows: () => readonly Num[], guess: Num = 0.1): Decimal {
  return new Decimal(irrRateOfDoubles(doubles, cashFlows, guess));
}

/** `irrOfDoubles`'s rate as the double it is (its Decimal is this double's exact value). */
export function irrRateOfDoubles(doubles: number[], cashFlows: () => readonly Num[], guess: Num = 0.1): number {
  // a finite number above −1 is its own double (its decimal reads back to it)
  const g =
    typeof guess === "number" && guess > -1 && guess < Infinity
      ? guess + 0
      : rateAboveMinusOne("guess", guess).toNumber();
  // IRR's first value is at time 0: NPV(r, v) × (1 + r) discounts v_0 by (1 + r)^0.
  const exact = (rate: Decimal) => npv(rate, cashFlows()).mul(ONE.add(rate));
  return solveRate(new Series(doubles), g, exact);
}

/** Each decimal's double (`toNumber()`), converted once for a run of the same decimal. */
export function doublesOf(v: readonly Decimal[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) out.push(i > 0 && v[i] === v[i - 1] ? out[i - 1] : decimalToDouble(v[i]));
  return out;
}

/**
 * Excel's XIRR: the annual rate at which XNPV is zero.
 * @param cashFlows amounts; at least one positive and one negative
 * @param dates day numbers (Excel serials), none before the first
 * @param guess default 0.1
 * @returns annual rate (actual/365)
 */
export function xirr(cashFlows: readonly Num[], dates: readonly Num[], guess: Num = 0.1): Decimal {
  const v = values("values", cashFlows);
  const offsets = dayOffsets(dates, v.length);
  const g = rateAboveMinusOne("guess", guess).toNumber();
  const series = new Series(
    v.map(decimalToDouble),
    offsets.map((d) => d / DAYS_PER_YEAR),
  );
  const exact = (rate: Decimal) => xnpv(rate, v, dates);
  return new Decimal(solveRate(series, g, exact));
}
