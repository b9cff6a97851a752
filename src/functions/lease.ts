/* Excel adapters for AI/HPC lease economics. */
import { leaseIrr, leaseNpv, leaseSchedule, LeaseTerms } from "../calc/lease";
import { InvalidArgumentError } from "../calc/errors";
import { isGiven, MixedArgs, readMixedArgs } from "./args";
import { Param, SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/**
 * The lease terms among the arguments read (named as the calc module names them). With `phases`,
 * each row is a lease of its own (build months, critical IT MW): build_months must be blank, and
 * critical_it_mw blank or the phases' total MW, so a formula's headline MW cannot disagree with its
 * table.
 */
function terms(params: readonly Param[], raw: readonly unknown[]): { a: MixedArgs; terms: LeaseTerms } {
  const a = readMixedArgs(
    params.map((p) => (p.name === "critical_it_mw" ? { ...p, optional: true as const } : p)),
    raw,
  );
  const phases = a.phases as number[][] | undefined;
  const position = (name: string) => params.findIndex((p) => p.name === name);
  if (phases === undefined) {
    if (a.critical_it_mw === undefined) {
      throw new InvalidArgumentError(
        "critical_it_mw",
        "a number (it is required, and the argument is blank; or give phases)",
      );
    }
  } else {
    if (isGiven(raw[position("build_months")])) {
      throw new InvalidArgumentError(
        "build_months",
        "blank when phases is given (each phase has its own build months)",
        String(a.build_months),
      );
    }
    const total = phases.reduce((sum, [, mw]) => sum + mw, 0);
    const mw = a.critical_it_mw as number | undefined;
    // (A phase with no valid MW is refused by calc, naming its row.)
    const checkable = phases.every(([, m]) => m > 0);
    if (mw !== undefined && checkable && !(Math.abs(mw - total) <= 1e-9 * total)) {
      throw new InvalidArgumentError(
        "critical_it_mw",
        `blank or the phases' total, ${total} MW, when phases is given`,
        String(mw),
      );
    }
  }
  return {
    a,
    terms: {
      critical_it_mw: a.critical_it_mw as number | undefined,
      rate_usd_per_kw_month: a.rate_usd_per_kw_month as number,
      term_years: a.term_years as number,
      escalator: a.escalator as number,
      capex_usd_per_mw: a.capex_usd_per_mw as number,
      opex_pct_of_revenue: a.opex_pct_of_revenue as number,
      build_months: a.build_months as number,
      exit_cap_rate: a.exit_cap_rate as number,
      rent_timing: a.rent_timing as number,
      capex_timing: a.capex_timing as number,
      phases,
    },
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
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
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
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
): number;
export function leaseNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASENPV;
  return excelNumber("LEASENPV", params, () => {
    const t = terms(params, args);
    return leaseNpv(t.terms, t.a.discount_rate as number);
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
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
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
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
): number;
export function leaseIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASEIRR;
  return excelNumber("LEASEIRR", params, () => leaseIrr(terms(params, args).terms));
}

/** Column headings of LEASECASHFLOWS. */
export const LEASE_SCHEDULE_HEADER = [
  "Month",
  "Revenue (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Terminal value (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

// MINER.LEASECASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * The lease's monthly schedule as a table: month, revenue, opex, capex, terminal value, net cash flow, discount factor and present value.
 * @customfunction LEASECASHFLOWS
 * @param critical_it_mw Critical IT load the tenant pays for (MW; greater than 0).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [capex_usd_per_critical_it_mw] Build or conversion capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
 * @returns An 8-column table, one row per month from 0 to the last phase's last lease month, under a header row.
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
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
): any[][];
export function leaseCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.LEASECASHFLOWS;
  return excelMatrix("LEASECASHFLOWS", params, () => {
    const t = terms(params, args);
    const rows = leaseSchedule(t.terms, t.a.discount_rate as number).map((r) => [
      r.month,
      toExcelNumber(r.revenue),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.terminalValue),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [LEASE_SCHEDULE_HEADER, ...rows];
  });
}
