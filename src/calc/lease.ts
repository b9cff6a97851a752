/**
 * An AI/HPC data-center lease of critical IT capacity, month by month.
 *
 * Month 0: capex (capex_usd_per_mw × critical_it_mw) is paid. Months 1..build_months: building,
 * no revenue. Then term_years × 12 lease months, rent at the end of each month:
 *   revenue  = critical_it_mw × 1000 kW × rate_usd_per_kw_month × (1 + escalator)^(completed lease years)
 *   opex     = opex_pct_of_revenue × revenue
 *   net      = revenue − opex (− capex in month 0)
 * Discounting uses the annual effective rate: a month-m flow is worth CF / (1 + r)^(m/12), so the
 * NPV equals Excel's −capex + NPV((1 + r)^(1/12) − 1, CF1..CFn).
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { irr } from "./finance";
import { fraction, nonNegative, positive, rateAboveMinusOne, wholeNonNegative } from "./validate";
import { Discounted, discountMonthly, sumOfPresentValues } from "./discounting";

export { monthlyDiscountFactors } from "./discounting";

const ONE = new Decimal(1);
const KW_PER_MW = new Decimal(1000);
/** The longest lease accepted: 100 years of months keeps a schedule within Excel's grid and our budget. */
export const MAX_LEASE_MONTHS = 1200;

/** Lease terms, keyed by their public parameter names. */
export interface LeaseTerms {
  critical_it_mw: Num;
  rate_usd_per_kw_month: Num;
  term_years: Num;
  escalator?: Num;
  capex_usd_per_mw?: Num;
  opex_pct_of_revenue?: Num;
  build_months?: Num;
}

/** One month of the schedule, USD. */
export interface LeaseMonth {
  month: number;
  revenue: Decimal;
  opex: Decimal;
  capex: Decimal;
  net: Decimal;
}

interface ValidTerms {
  mw: Decimal;
  rate: Decimal;
  leaseMonths: number;
  escalator: Decimal;
  capex: Decimal;
  opexShare: Decimal;
  buildMonths: number;
}

function validate(t: LeaseTerms): ValidTerms {
  const mw = positive("critical_it_mw", t.critical_it_mw);
  const rate = nonNegative("rate_usd_per_kw_month", t.rate_usd_per_kw_month);
  const years = positive("term_years", t.term_years);
  const months = years.mul(12);
  if (!months.isInteger()) {
    throw new InvalidArgumentError(
      "term_years",
      "a whole number of months in years (term_years × 12 whole, e.g. 10 or 12.5)",
      years.toString(),
    );
  }
  const escalator = rateAboveMinusOne("escalator", t.escalator ?? 0);
  const capexPerMw = nonNegative("capex_usd_per_mw", t.capex_usd_per_mw ?? 0);
  const opexShare = fraction("opex_pct_of_revenue", t.opex_pct_of_revenue ?? 0);
  const buildMonths = wholeNonNegative("build_months", t.build_months ?? 0);
  if (months.toNumber() + buildMonths > MAX_LEASE_MONTHS) {
    throw new InvalidArgumentError(
      "term_years",
      `at most ${MAX_LEASE_MONTHS / 12} years including build_months`,
      years.toString(),
    );
  }
  return { mw, rate, leaseMonths: months.toNumber(), escalator, capex: capexPerMw.mul(mw), opexShare, buildMonths };
}

/** The monthly cash flows, month 0 (capex) to the last lease month. */
export function leaseCashFlows(terms: LeaseTerms): LeaseMonth[] {
  const t = validate(terms);
  const zero = new Decimal(0);
  const rows: LeaseMonth[] = [{ month: 0, revenue: zero, opex: zero, capex: t.capex, net: t.capex.neg() }];
  for (let m = 1; m <= t.buildMonths; m++) rows.push({ month: m, revenue: zero, opex: zero, capex: zero, net: zero });
  const growth = ONE.add(t.escalator);
  let rent = t.mw.mul(KW_PER_MW).mul(t.rate); // USD per month in lease year 1
  for (let k = 1; k <= t.leaseMonths; k++) {
    if (k > 1 && (k - 1) % 12 === 0) rent = rent.mul(growth); // a lease year has been completed
    const opex = rent.mul(t.opexShare);
    rows.push({ month: t.buildMonths + k, revenue: rent, opex, capex: zero, net: rent.sub(opex) });
  }
  return rows;
}

/** A schedule row with its discounting. */
export type DiscountedLeaseMonth = Discounted<LeaseMonth>;

/** The schedule with discount factors and present values; the present values sum to `leaseNpv`. */
export function leaseSchedule(terms: LeaseTerms, discountRate: Num): DiscountedLeaseMonth[] {
  return discountMonthly(leaseCashFlows(terms), discountRate);
}

/**
 * NPV of the lease at an annual effective discount rate.
 * @returns USD at month 0
 */
export function leaseNpv(terms: LeaseTerms, discountRate: Num): Decimal {
  return sumOfPresentValues(leaseSchedule(terms, discountRate));
}

/**
 * Annual effective IRR of the lease: the monthly IRR r_m of the schedule, as (1 + r_m)^12 − 1.
 * @throws NoAnswerError when there is no investment (capex 0) or no rate sets the NPV to zero
 */
export function leaseIrr(terms: LeaseTerms): Decimal {
  const rows = leaseCashFlows(terms);
  if (rows[0].capex.isZero()) {
    throw new NoAnswerError("there is no investment (capex is 0), so the lease has no rate of return");
  }
  const monthly = irr(
    rows.map((r) => r.net),
    0.008, // about 10% a year
  );
  return ONE.add(monthly).pow(12).sub(1);
}

/** Undiscounted revenue over the whole term (a lease's "total contract value"), USD. */
export function leaseTotalRevenue(terms: LeaseTerms): Decimal {
  return leaseCashFlows(terms).reduce((sum, row) => sum.add(row.revenue), new Decimal(0));
}
