/* Excel adapters for AI/HPC lease economics. */
import { leaseIrr, leaseNpv, leaseSchedule, LeaseTerms } from "../calc/lease";
import { Args, readArgs } from "./assumptions";
import { LEASE_IRR_PARAMS, LEASE_NPV_PARAMS } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

function terms(a: Args): LeaseTerms {
  return {
    critical_it_mw: a.critical_it_mw,
    rate_usd_per_kw_month: a.rate_usd_per_kw_month,
    term_years: a.term_years,
    escalator: a.escalator,
    capex_usd_per_mw: a.capex_usd_per_mw,
    opex_pct_of_revenue: a.opex_pct_of_revenue,
    build_months: a.build_months,
  };
}

/**
 * NPV of an AI/HPC lease of critical IT capacity: −capex at month 0, no revenue for build_months, then term_years × 12 months of rent (critical IT MW × 1000 × rate, escalating each lease year) less opex, discounted at the annual effective rate as CF / (1 + r)^(month / 12). Equals −capex + NPV((1 + r)^(1/12) − 1, CF1..CFn). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.LEASENPV(200, 150, 15, 0.1, 0.03, 9E6, 0.15, 12) returns 804098155.71.
 * @customfunction LEASENPV
 * @param critical_it_mw Critical IT load the tenant pays for, in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 200.
 * @param [rate_usd_per_kw_month] Rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 15.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.1 = 10%). Required. Example: 0.1.
 * @param [escalator] Annual rent escalator as a rate (greater than -1; 0.03 = 3%). Default 0.
 * @param [capex_usd_per_mw] Conversion or build capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of revenue (0 to 1). Default 0.
 * @param [build_months] Months of construction before rent starts (a whole number, 0 or more). Default 0.
 * @returns NPV in USD at month 0.
 * @helpurl https://localhost:3000/help/LEASENPV.html
 */
export function leaseNpvFn(
  critical_it_mw: any[][],
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  discount_rate?: unknown,
  escalator?: unknown,
  capex_usd_per_mw?: unknown,
  opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): number {
  return excelNumber("LEASENPV", () => {
    const a = readArgs(LEASE_NPV_PARAMS, [
      critical_it_mw,
      rate_usd_per_kw_month,
      term_years,
      discount_rate,
      escalator,
      capex_usd_per_mw,
      opex_pct_of_revenue,
      build_months,
    ]);
    return leaseNpv(terms(a), a.discount_rate);
  });
}

/**
 * Annual effective IRR of an AI/HPC lease: the monthly IRR of its cash flows (capex at month 0, rent less opex after build_months), as (1 + monthly)^12 − 1. #NUM! when there is no capex (no investment) or no rate sets the NPV to zero. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.LEASEIRR(200, 150, 15, 0.03, 9E6, 0.15, 12) returns 0.1608.
 * @customfunction LEASEIRR
 * @param critical_it_mw Critical IT load the tenant pays for, in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 200.
 * @param [rate_usd_per_kw_month] Rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 15.
 * @param [escalator] Annual rent escalator as a rate (greater than -1). Default 0.
 * @param [capex_usd_per_mw] Conversion or build capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of revenue (0 to 1). Default 0.
 * @param [build_months] Months of construction before rent starts (a whole number, 0 or more). Default 0.
 * @returns Annual effective IRR as a rate (0.12 = 12%).
 * @helpurl https://localhost:3000/help/LEASEIRR.html
 */
export function leaseIrrFn(
  critical_it_mw: any[][],
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  escalator?: unknown,
  capex_usd_per_mw?: unknown,
  opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): number {
  return excelNumber("LEASEIRR", () =>
    leaseIrr(
      terms(
        readArgs(LEASE_IRR_PARAMS, [
          critical_it_mw,
          rate_usd_per_kw_month,
          term_years,
          escalator,
          capex_usd_per_mw,
          opex_pct_of_revenue,
          build_months,
        ]),
      ),
    ),
  );
}

/** Column headings of LEASECASHFLOWS. */
export const LEASE_SCHEDULE_HEADER = [
  "Month",
  "Revenue (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

/**
 * The lease's monthly schedule as a dynamic array with a header row: month, revenue, opex, capex, net cash flow, discount factor, present value. Month 0 carries the capex. The present values sum to LEASENPV. Same arguments as LEASENPV. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.LEASECASHFLOWS(200, 150, 15, 0.1, 0.03, 9E6, 0.15, 12) returns a 194×7 table.
 * @customfunction LEASECASHFLOWS
 * @param critical_it_mw Critical IT load the tenant pays for, in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 200.
 * @param [rate_usd_per_kw_month] Rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 15.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1). Required. Example: 0.1.
 * @param [escalator] Annual rent escalator as a rate (greater than -1). Default 0.
 * @param [capex_usd_per_mw] Conversion or build capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of revenue (0 to 1). Default 0.
 * @param [build_months] Months of construction before rent starts (a whole number, 0 or more). Default 0.
 * @returns A table of 7 columns and one row per month from 0, under a header row.
 * @helpurl https://localhost:3000/help/LEASECASHFLOWS.html
 */
export function leaseCashFlowsFn(
  critical_it_mw: any[][],
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  discount_rate?: unknown,
  escalator?: unknown,
  capex_usd_per_mw?: unknown,
  opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): any[][] {
  return excelMatrix("LEASECASHFLOWS", () => {
    const a = readArgs(LEASE_NPV_PARAMS, [
      critical_it_mw,
      rate_usd_per_kw_month,
      term_years,
      discount_rate,
      escalator,
      capex_usd_per_mw,
      opex_pct_of_revenue,
      build_months,
    ]);
    const rows = leaseSchedule(terms(a), a.discount_rate).map((r) => [
      r.month,
      toExcelNumber(r.revenue),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [LEASE_SCHEDULE_HEADER, ...rows];
  });
}
