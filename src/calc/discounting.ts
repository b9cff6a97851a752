/**
 * Monthly discounting at an annual effective rate, shared by the lease and mining schedules:
 * a month-m flow is worth CF / (1 + r)^(m/12), end of month, so an NPV over months equals
 * Excel's NPV((1 + r)^(1/12) − 1, ...).
 */
import { Decimal, Num } from "./decimal";
import { rateAboveMinusOne } from "./validate";

const ONE = new Decimal(1);
const TWELFTH = ONE.div(12);

/**
 * Discount factors 1 / (1 + r)^(m/12) for m = 0..months, by repeated division by (1 + r)^(1/12).
 * @param rateName the rate's public name, for the error when it is not above −1
 */
export function monthlyDiscountFactors(annualRate: Num, months: number, rateName = "discount_rate"): Decimal[] {
  const r = rateAboveMinusOne(rateName, annualRate);
  const perMonth = ONE.div(ONE.add(r).pow(TWELFTH));
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
