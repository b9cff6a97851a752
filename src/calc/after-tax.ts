/**
 * Income tax on a project's monthly cash flows, year by year, and the after-tax flows.
 * Not tax advice: one flat rate, no credits, no state apportionment, no minimum taxes.
 *
 * Model years: with first_month 1 (default) the flows are months 1..n and year y is months
 * 12y − 11 .. 12y; with first_month 0 they are months 0..n − 1, and month 0 (time 0, e.g. a
 * schedule's capex) falls in year 1 with months 1–12. depreciation[y] is year y's deduction.
 *
 *   taxable income of year y = Σ (cash_flow + capex) over the year's months − depreciation_y
 *     The flows are taxed as they come: cash in is income, cash out is a deductible expense.
 *     Capital spending is not an expense: `capex` (the capex inside cash_flows, as a positive
 *     amount) is added back, and the asset is deducted through `depreciation` instead. A sale or
 *     exit value in the flows is taxed in full: to deduct the basis left, add it to that year's
 *     depreciation.
 *   loss_treatment "GROUP" (default): tax_y = tax_rate × taxable income, negative in a loss year:
 *     the loss offsets the group's other income that year, a tax saving (a cash inflow).
 *   loss_treatment "NOL": a loss is carried forward (no saving that year) and offsets at most
 *     80% of a later year's taxable income (IRC §172, losses arising after 2017; no carryback,
 *     no expiry). tax_y = tax_rate × (taxable income − NOL used), never negative.
 *   tax is paid in the year's last month (month 12y, or the flows' last month in a short final
 *     year); after-tax flow = cash_flow − tax in that month
 *   loss carried forward: the unused NOL at the end of each month (it changes in the year's last
 *     month; always 0 under GROUP)
 *
 * Lengths: depreciation may cover fewer years than the flows (later years deduct 0), but not
 * more: deductions after the flows end cannot be meant (shorten DEPRECIATION with `years`, or add
 * the basis left to the last year's deduction). `capex`, when a column, has one value per flow.
 */
import { Decimal, Num, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { oneOf } from "./choice";
import { MAX_LEASE_MONTHS } from "./lease";
import { numberColumn, NumOrColumn } from "./series";
import { choice, finite, fraction, nonNegative } from "./validate";

export const LOSS_TREATMENTS = ["GROUP", "NOL"] as const;
export type LossTreatment = (typeof LOSS_TREATMENTS)[number];

/** The share of a year's taxable income a carried-forward loss may offset (IRC §172(a)(2)). */
export const NOL_LIMIT = new Decimal("0.8");

/** Inputs of AFTERTAXCASHFLOWS, keyed by their public parameter names. Money in USD. */
export interface AfterTaxInputs {
  /** pre-tax cash flow of each month, any sign, e.g. a schedule's net column */
  cash_flows: readonly Num[];
  /** each model year's tax deductions (year 1 first), 0 or more, e.g. DEPRECIATION's column */
  depreciation: readonly Num[];
  /** income tax rate, a fraction 0 to 1 (0.21 = the US federal corporate rate) */
  tax_rate: Num;
  /** "GROUP" (default) or "NOL", case-insensitive */
  loss_treatment?: string;
  /** capital spending inside cash_flows, as positive amounts: a column like cash_flows, or one number for every month. Default 0 */
  capex?: NumOrColumn;
  /** the month of the flows' first value: 1 (default) or 0 (a schedule that starts at month 0) */
  first_month?: Num;
}

/** One month, USD. */
export interface AfterTaxMonth {
  month: number;
  preTax: Decimal;
  /** tax paid this month: the year's tax in its last month, else 0; negative is a saving */
  tax: Decimal;
  afterTax: Decimal;
  /** unused loss carried forward at the end of the month (NOL) */
  lossCarriedForward: Decimal;
}

/** The model year (1-based) of a month. */
function yearOf(month: number): number {
  return Math.max(1, Math.ceil(month / 12));
}

/**
 * The monthly after-tax cash flows (see the module comment for what is taxed and when).
 * @throws InvalidArgumentError naming the argument: a rate outside 0–1, an unknown loss
 *   treatment, a negative deduction, more deduction years than the flows cover or a capex column
 *   of another length (both lengths given)
 */
export function afterTaxCashFlows(i: AfterTaxInputs): AfterTaxMonth[] {
  const flows = numberColumn("cash_flows", i.cash_flows, finite);
  if (flows.length > MAX_LEASE_MONTHS + 1) {
    throw new InvalidArgumentError("cash_flows", `at most ${MAX_LEASE_MONTHS + 1} months`, `${flows.length} values`);
  }
  const deductions = numberColumn("depreciation", i.depreciation, nonNegative);
  const rate = fraction("tax_rate", i.tax_rate);
  const treatment = oneOf<LossTreatment>("loss_treatment", i.loss_treatment ?? "GROUP", LOSS_TREATMENTS);
  const first = choice(
    "first_month",
    i.first_month,
    [1, 0],
    "the month of the first cash flow: 1, or 0 for a schedule from month 0",
  );
  let capex: Decimal[];
  if (Array.isArray(i.capex)) {
    capex = numberColumn("capex", i.capex, nonNegative);
    if (capex.length !== flows.length) {
      throw new InvalidArgumentError(
        "capex",
        `a number or a column as long as cash_flows (${flows.length} values)`,
        `a column of ${capex.length} values`,
      );
    }
  } else {
    capex = new Array<Decimal>(flows.length).fill(nonNegative("capex", (i.capex ?? 0) as Num));
  }
  const lastMonth = first + flows.length - 1;
  const years = yearOf(lastMonth);
  if (deductions.length > years) {
    throw new InvalidArgumentError(
      "depreciation",
      `at most one deduction per model year of cash_flows (${flows.length} months from month ${first} make ${years} year${years === 1 ? "" : "s"}; shorten it, e.g. with DEPRECIATION's years, or add the basis left to the last year)`,
      `${deductions.length} years`,
    );
  }

  const rows: AfterTaxMonth[] = [];
  let income = ZERO; // the current year's flows, capex added back
  let carried = ZERO;
  for (let k = 0; k < flows.length; k++) {
    const month = first + k;
    income = income.add(flows[k]).add(capex[k]);
    let tax = ZERO;
    if (month === lastMonth || (month >= 12 && month % 12 === 0)) {
      const taxable = income.sub(deductions[yearOf(month) - 1] ?? ZERO);
      if (treatment === "GROUP") {
        tax = taxable.isZero() ? ZERO : taxable.mul(rate);
      } else if (taxable.isNeg()) {
        carried = carried.sub(taxable);
      } else {
        const used = Decimal.min(carried, taxable.mul(NOL_LIMIT));
        carried = carried.sub(used);
        tax = taxable.sub(used).mul(rate);
      }
      income = ZERO;
    }
    if (tax.isZero()) tax = ZERO; // no −0
    rows.push({ month, preTax: flows[k], tax, afterTax: flows[k].sub(tax), lossCarriedForward: carried });
  }
  return rows;
}
