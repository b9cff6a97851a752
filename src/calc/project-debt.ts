/**
 * Project debt on monthly cash flows: how much a lender would lend (sculpted to a minimum DSCR),
 * the loan's month-by-month schedule, and the equity's IRR after debt service.
 *
 * Rates are annual effective, as the lease functions discount: a month's interest is the balance
 * × i with i = (1 + annual_rate)^(1/12) − 1, so twelve months compound to the annual rate. (A loan
 * quoted as a nominal rate compounded monthly, APR / 12 a month, is annual_rate = (1 + APR/12)^12 − 1.)
 * The loan is drawn at month 0; months 1..tenor_months pay at the end of the month.
 *
 * Debt capacity (sculpted repayment): debt service in month m is CFADS_m / min_dscr, so that every
 * month's DSCR = CFADS_m / debt service_m is exactly min_dscr, and the largest loan those payments
 * repay within the tenor is their present value at the loan's rate:
 *   capacity = min(max_loan_usd, Σ_{m=1..tenor} max(CFADS_m, 0) / min_dscr × (1 + i)^(−m))
 * A month whose CFADS is 0 or less pays nothing (interest accrues on the balance: e.g. a build
 * before rent), and has no DSCR to test. At the cap the sculpted payments scale down by
 * max_loan / uncapped capacity, and every DSCR is above min_dscr.
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { oneOf } from "./choice";
import { irr } from "./finance";
import { monthlyGrowth } from "./discounting";
import { numberColumn } from "./series";
import { SCHEDULE_MONTHS } from "./limits";
import { finite, nonNegative, positive, wholeNonNegative, within } from "./validate";

/** The loan's monthly rate i = (1 + annual_rate)^(1/12) − 1; annual_rate 0 or more. */
export function monthlyLoanRate(annualRate: Num, name = "annual_rate"): Decimal {
  const r = nonNegative(name, annualRate);
  return r.isZero() ? ZERO : monthlyGrowth(ONE.add(r)).sub(ONE);
}

/** A tenor in whole months, 1 to MAX_SCHEDULE_MONTHS (a schedule's months; limits.ts). */
function tenorMonths(x: Num): number {
  return within("tenor_months", x, SCHEDULE_MONTHS).toNumber();
}

/** Inputs of DEBTCAPACITY, keyed by their public parameter names. */
export interface DebtCapacityInputs {
  /** cash flow available for debt service, USD, one value per month from month 1; at least tenor_months values */
  cfads: readonly Num[];
  /** the loan's annual effective rate, 0 or more */
  annual_rate: Num;
  /** months of repayment, 1 to MAX_SCHEDULE_MONTHS */
  tenor_months: Num;
  /** the lowest DSCR the lender accepts in any month, greater than 0 (1.3 = 1.30×) */
  min_dscr: Num;
  /** the most the lender will lend, USD (e.g. a loan-to-cost limit); blank = no cap */
  max_loan_usd?: Num;
}

/**
 * The largest loan whose sculpted debt service keeps every month's DSCR at or above min_dscr
 * (see the module comment).
 * @returns USD at month 0
 * @throws InvalidArgumentError naming the argument: a negative rate, a DSCR of 0 or less, a
 *   tenor longer than the CFADS column (both lengths given)
 */
export function debtCapacity(i: DebtCapacityInputs): Decimal {
  const cfads = numberColumn("cfads", i.cfads, finite);
  const rate = monthlyLoanRate(i.annual_rate);
  const tenor = tenorMonths(i.tenor_months);
  const dscr = positive("min_dscr", i.min_dscr);
  const cap = i.max_loan_usd === undefined ? undefined : nonNegative("max_loan_usd", i.max_loan_usd);
  if (cfads.length < tenor) {
    throw new InvalidArgumentError(
      "cfads",
      `a column of at least tenor_months values, one per month from month 1 (tenor_months = ${tenor})`,
      `a column of ${cfads.length} value${cfads.length === 1 ? "" : "s"}`,
    );
  }
  // Horner from the last month: PV = (c_1 + (c_2 + (... + c_n) v) v) v, v = 1 / (1 + i)
  const v = ONE.div(ONE.add(rate));
  let pv = ZERO;
  for (let m = tenor; m >= 1; m--) {
    const c = cfads[m - 1];
    pv = pv.add(c.gt(0) ? c : ZERO).mul(v);
  }
  const capacity = pv.div(dscr);
  return cap !== undefined && cap.lt(capacity) ? cap : capacity;
}

export const REPAYMENT_PROFILES = ["LEVEL", "STRAIGHT"] as const;
export type RepaymentProfile = (typeof REPAYMENT_PROFILES)[number];

/** Inputs of LOANSCHEDULE, keyed by their public parameter names. */
export interface LoanInputs {
  /** the loan drawn at month 0, USD, 0 or more */
  principal_usd: Num;
  /** annual effective rate, 0 or more */
  annual_rate: Num;
  /** months from the draw to maturity, 1 to MAX_SCHEDULE_MONTHS */
  tenor_months: Num;
  /** interest-only months at the start (no principal repaid), below tenor_months. Default 0 */
  grace_months?: Num;
  /**
   * "LEVEL" (default: equal payments, an annuity), "STRAIGHT" (equal principal), or a column of
   * tenor_months payments, month 1 first (sculpted; grace_months must then be 0)
   */
  repayment?: string | readonly Num[];
}

/** One month of a loan, USD. */
export interface LoanMonth {
  month: number;
  openingBalance: Decimal;
  interest: Decimal;
  /** principal repaid: payment − interest (negative when a payment does not cover the interest, which is added to the balance) */
  principal: Decimal;
  payment: Decimal;
  closingBalance: Decimal;
}

/**
 * A loan month by month, months 1..tenor_months.
 *   interest  = opening balance × i, i = (1 + annual_rate)^(1/12) − 1
 *   grace     months 1..grace_months pay the interest only (principal 0); then the balance is
 *             repaid over the n = tenor_months − grace_months months left:
 *   LEVEL     payment = B × i / (1 − (1 + i)^(−n)) (B / n at a 0% rate), principal = payment − interest
 *   STRAIGHT  principal = B / n, payment = principal + interest
 *   column    the given payment; principal = payment − interest. The schedule follows the column:
 *             the last closing balance is what the payments leave owed (a balloon due at
 *             maturity when above 0; below 0 they overpaid).
 * LEVEL and STRAIGHT repay the balance left in their last month exactly (closing balance 0).
 * @throws InvalidArgumentError naming the argument: negative principal or rate, grace not below
 *   the tenor (or given with a payment column), an unknown profile, a payment column whose length
 *   is not tenor_months (both lengths given)
 */
export function loanSchedule(i: LoanInputs): LoanMonth[] {
  const principal = nonNegative("principal_usd", i.principal_usd);
  const rate = monthlyLoanRate(i.annual_rate);
  const tenor = tenorMonths(i.tenor_months);
  const grace = wholeNonNegative("grace_months", i.grace_months ?? 0);
  const repayment = i.repayment ?? "LEVEL";
  let payments: Decimal[] | undefined;
  let profile: RepaymentProfile | undefined;
  if (Array.isArray(repayment)) {
    payments = numberColumn("repayment", repayment, finite);
    if (payments.length !== tenor) {
      throw new InvalidArgumentError(
        "repayment",
        `"LEVEL", "STRAIGHT" or a column of exactly tenor_months payments (tenor_months = ${tenor})`,
        `a column of ${payments.length} value${payments.length === 1 ? "" : "s"}`,
      );
    }
    if (grace !== 0) {
      throw new InvalidArgumentError(
        "grace_months",
        "0 or blank when repayment is a column of payments (the column sets every month's payment)",
        String(grace),
      );
    }
  } else {
    try {
      profile = oneOf<RepaymentProfile>("repayment", repayment, REPAYMENT_PROFILES);
    } catch (e) {
      // the column of payments is the third choice: say so
      if (!(e instanceof InvalidArgumentError)) throw e;
      throw new InvalidArgumentError("repayment", `${e.allowed}, or a column of tenor_months payments`, e.got);
    }
    if (grace >= tenor) {
      throw new InvalidArgumentError(
        "grace_months",
        `a whole number of months below tenor_months (${tenor}): interest only, then at least one month of repayment`,
        String(grace),
      );
    }
  }

  const rows: LoanMonth[] = [];
  let balance = principal;
  let level = ZERO;
  let straight = ZERO;
  for (let m = 1; m <= tenor; m++) {
    const interest = balance.mul(rate);
    let payment: Decimal;
    if (payments !== undefined) {
      payment = payments[m - 1];
    } else if (m <= grace) {
      payment = interest;
    } else {
      if (m === grace + 1) {
        const n = tenor - grace;
        level = rate.isZero() ? balance.div(n) : balance.mul(rate).div(ONE.sub(ONE.add(rate).pow(-n)));
        straight = balance.div(n);
      }
      // the last month repays what is left, so rounding leaves no balance behind
      if (m === tenor) payment = balance.add(interest);
      else payment = profile === "LEVEL" ? level : straight.add(interest);
    }
    const repaid = payment.sub(interest);
    const closing = m === tenor && payments === undefined ? ZERO : balance.sub(repaid);
    rows.push({
      month: m,
      openingBalance: balance,
      interest,
      principal: repaid.isZero() ? ZERO : repaid,
      payment,
      closingBalance: closing.isZero() ? ZERO : closing,
    });
    balance = closing;
  }
  return rows;
}

/** Inputs of EQUITYIRR, keyed by their public parameter names. Money in USD. */
export interface EquityIrrInputs {
  /** the project's cash flow of each month from month 1 (before debt service), any sign */
  cash_flows: readonly Num[];
  /** capital spent at month 0, 0 or more */
  capex_usd: Num;
  /** the loan drawn at month 0, 0 or more */
  loan_usd: Num;
  /** debt service of each month from month 1 (LOANSCHEDULE's payment column); may be shorter than cash_flows (0 after the loan matures), not longer */
  debt_service: readonly Num[];
}

/**
 * The equity's annual effective IRR: the monthly IRR r_m of
 *   month 0: −(capex_usd − loan_usd);  month m = 1..n: cash_flow_m − debt_service_m
 * as (1 + r_m)^12 − 1. Solved as LEASEIRR (finance.ts's IRR: every sign change bracketed and
 * bisected, the root nearest ~10% a year returned and confirmed).
 * @returns a rate (0.27 = 27% a year)
 * @throws InvalidArgumentError naming the argument (a loan_usd above capex_usd; a debt_service
 *   column longer than cash_flows: both lengths given); NoAnswerError when the flows do not change sign or no rate sets the NPV to 0
 */
export function equityIrr(i: EquityIrrInputs): Decimal {
  const monthly = irr(equityCashFlows(i), 0.008); // about 10% a year
  return ONE.add(monthly).pow(12).sub(ONE);
}

/** The equity's flows as EQUITYIRR reads them: month 0, then months 1..n (USD). */
export function equityCashFlows(i: EquityIrrInputs): Decimal[] {
  const flows = numberColumn("cash_flows", i.cash_flows, finite);
  const capex = nonNegative("capex_usd", i.capex_usd);
  const loan = nonNegative("loan_usd", i.loan_usd);
  // A loan above the capex would hand the equity cash at month 0: its "IRR" would be a borrowing rate.
  if (loan.gt(capex)) {
    throw new InvalidArgumentError("loan_usd", "such that loan_usd ≤ capex_usd", `${loan} > ${capex}`, ["capex_usd"]);
  }
  const service = numberColumn("debt_service", i.debt_service, nonNegative);
  if (service.length > flows.length) {
    throw new InvalidArgumentError(
      "debt_service",
      `a column no longer than cash_flows (${flows.length} months); shorter means no debt service after it ends`,
      `a column of ${service.length} values`,
    );
  }
  return [loan.sub(capex), ...flows.map((cf, k) => cf.sub(service[k] ?? ZERO))];
}
