/**
 * Monthly discounting at an annual effective rate, shared by the lease and mining schedules:
 * a month-m flow is worth CF / (1 + r)^(m/12), end of month, so an NPV over months equals
 * Excel's NPV((1 + r)^(1/12) − 1, ...).
 */
import { Decimal, Num, ONE } from "./decimal";
import { rateAboveMinusOne } from "./validate";

/** Guard digits for the twelfth root: Newton at 50 digits, then one rounding to the module's 40. */
const Wide = Decimal.clone({ precision: 50 });
const WIDE_ONE = new Wide(1);
const WIDE_TWELFTH = WIDE_ONE.div(12);
/** The smallest normal double: below it a double keeps fewer than 53 bits. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** A 50-digit value rounded once to the module's precision. */
const toModule = (w: InstanceType<typeof Wide>) =>
  new Decimal(w.toSignificantDigits(Decimal.precision, Decimal.rounding));

/**
 * (1 + r)^(1/12), the monthly growth of an annual effective rate, to the module's precision.
 *
 * The same number as `(1 + r).pow(1/12)` (decimal.js's ln/exp power, ~0.25 ms at 40 digits) but
 * by Newton's method on z = x^(−1/12) (z ← z + z(1 − x·z¹²)/12: multiplications only) from a
 * double seed: each step squares the relative error (1e-16 → 1e-32 → 1e-64), so two steps at 50
 * digits leave it far below the last of the 40 digits kept; then root = 1/z, rounded once.
 */
export function monthlyGrowth(onePlusRate: Decimal): Decimal {
  const asDouble = onePlusRate.toNumber();
  // Outside the normal doubles (a decimal string beyond them, or a subnormal, which carries too
  // few digits to seed two steps), the ln/exp power at 50 digits, rounded once.
  if (!(asDouble >= MIN_NORMAL && asDouble <= Number.MAX_VALUE))
    return toModule(new Wide(onePlusRate).pow(WIDE_TWELFTH));
  const seed = Math.pow(asDouble, -1 / 12);
  const x = new Wide(onePlusRate);
  let z = new Wide(seed);
  for (let step = 0; step < 2; step++) {
    const z2 = z.mul(z);
    const z4 = z2.mul(z2);
    const z12 = z4.mul(z4).mul(z4);
    z = z.add(z.mul(WIDE_ONE.sub(x.mul(z12))).mul(WIDE_TWELFTH));
  }
  return toModule(WIDE_ONE.div(z));
}

/**
 * The monthly discount factor 1 / (1 + r)^(1/12) of an annual effective rate r (> −1).
 * @param rateName the rate's public name, for the error when it is not above −1
 */
export function monthlyDiscountFactor(annualRate: Num, rateName = "discount_rate"): Decimal {
  const r = rateAboveMinusOne(rateName, annualRate);
  return ONE.div(monthlyGrowth(ONE.add(r)));
}

/**
 * Discount factors 1 / (1 + r)^(m/12) for m = 0..months, by repeated division by (1 + r)^(1/12).
 * @param rateName the rate's public name, for the error when it is not above −1
 */
export function monthlyDiscountFactors(annualRate: Num, months: number, rateName = "discount_rate"): Decimal[] {
  const perMonth = monthlyDiscountFactor(annualRate, rateName);
  const factors = [ONE];
  for (let m = 1; m <= months; m++) factors.push(factors[m - 1].mul(perMonth));
  return factors;
}

/** A row of a schedule: its month and its net cash flow, USD. */
export interface MonthlyFlow {
  month: number;
  net: Decimal;
}

export type Discounted<T> = T & { discountFactor: Decimal; presentValue: Decimal };

/** The rows with their discount factor and present value. */
export function discountMonthly<T extends MonthlyFlow>(
  rows: T[],
  annualRate: Num,
  rateName = "discount_rate",
): Discounted<T>[] {
  const last = rows.reduce((m, r) => Math.max(m, r.month), 0);
  const df = monthlyDiscountFactors(annualRate, last, rateName);
  return rows.map((row) => ({ ...row, discountFactor: df[row.month], presentValue: row.net.mul(df[row.month]) }));
}

/** The sum of the rows' present values: the schedule's NPV, USD at month 0. */
export function sumOfPresentValues(rows: { presentValue: Decimal }[]): Decimal {
  return rows.reduce((sum, row) => sum.add(row.presentValue), new Decimal(0));
}
