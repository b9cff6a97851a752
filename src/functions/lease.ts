/* Excel adapters for AI/HPC lease economics. */
import { leaseIrr, leaseNpv, leaseSchedule, LeaseTerms } from "../calc/lease";
import { readArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The lease terms among the arguments read (named as the calc module names them). */
function terms(a: Record<string, number>): LeaseTerms {
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

// MINER.LEASENPV: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * NPV in USD of an AI/HPC lease of critical IT capacity: capex at month 0, rent after the build, discounted at an annual effective rate.
 * @customfunction LEASENPV
 * @param critical_it_mw Critical IT load the tenant pays for (MW; greater than 0).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [capex_usd_per_critical_it_mw] Build or conversion capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @returns NPV in USD at month 0.
 * @helpurl https://localhost:3000/help/LEASENPV.html
 */
export function leaseNpvFn(
  critical_it_mw: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  discount_rate: unknown,
  escalator?: unknown,
  capex_usd_per_critical_it_mw?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): number;
export function leaseNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASENPV;
  return excelNumber("LEASENPV", params, () => {
    const a = readArgs(params, args);
    return leaseNpv(terms(a), a.discount_rate);
  });
}

// MINER.LEASEIRR: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Annual effective IRR of an AI/HPC lease's monthly cash flows.
 * @customfunction LEASEIRR
 * @param critical_it_mw Critical IT load the tenant pays for (MW; greater than 0).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [capex_usd_per_critical_it_mw] Build or conversion capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @returns Annual effective IRR as a rate (0.12 = 12%).
 * @helpurl https://localhost:3000/help/LEASEIRR.html
 */
export function leaseIrrFn(
  critical_it_mw: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  escalator?: unknown,
  capex_usd_per_critical_it_mw?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): number;
export function leaseIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASEIRR;
  return excelNumber("LEASEIRR", params, () => leaseIrr(terms(readArgs(params, args))));
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

// MINER.LEASECASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * The lease's monthly schedule as a table: month, revenue, opex, capex, net cash flow, discount factor and present value.
 * @customfunction LEASECASHFLOWS
 * @param critical_it_mw Critical IT load the tenant pays for (MW; greater than 0).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [capex_usd_per_critical_it_mw] Build or conversion capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @returns A 7-column table, one row per month from 0, under a header row.
 * @helpurl https://localhost:3000/help/LEASECASHFLOWS.html
 */
export function leaseCashFlowsFn(
  critical_it_mw: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  discount_rate: unknown,
  escalator?: unknown,
  capex_usd_per_critical_it_mw?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  build_months?: unknown,
): any[][];
export function leaseCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.LEASECASHFLOWS;
  return excelMatrix("LEASECASHFLOWS", params, () => {
    const a = readArgs(params, args);
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
