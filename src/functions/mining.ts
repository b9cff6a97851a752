/* Excel adapters for mining a site's megawatts month by month, and for the mine-or-lease decision. */
import { conversionBreakevenPrice, conversionValue, ConversionPlan, perMwPerYear } from "../calc/conversion";
import { MiningPlan, miningNpv, miningSchedule } from "../calc/mining-schedule";
import { Args, readArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The numbers read are already named as the calc module names its inputs. */
const miningPlan = (a: Args): MiningPlan => a as unknown as MiningPlan;
const conversionPlan = (args: unknown[]): ConversionPlan =>
  readArgs(SIGNATURES.CONVERSIONVALUE, args) as unknown as ConversionPlan;

/** Column headings of MININGCASHFLOWS. */
export const MINING_SCHEDULE_HEADER = [
  "Month",
  "Start height",
  "Subsidy (BTC/block)",
  "Difficulty",
  "BTC price (USD)",
  "BTC mined",
  "Revenue (USD)",
  "Power (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

// MINER.MININGCASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * A site's mining month by month as a table, halvings in their month: BTC mined, revenue, power, opex, capex, net cash flow and present value.
 * @customfunction MININGCASHFLOWS
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param months Months to schedule (months; a whole number from 1 to 1200).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @returns A 13-column table, one row per month from 1, under a header row.
 * @helpurl https://localhost:3000/help/MININGCASHFLOWS.html
 */
export function miningCashFlowsFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  months: unknown,
  discount_rate: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
): any[][];
export function miningCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.MININGCASHFLOWS;
  return excelMatrix("MININGCASHFLOWS", params, () => {
    const a = readArgs(params, args);
    const rows = miningSchedule(miningPlan(a), a.discount_rate).map((r) => [
      r.month,
      r.startHeight,
      toExcelNumber(r.subsidy),
      toExcelNumber(r.difficulty),
      toExcelNumber(r.btcPrice),
      toExcelNumber(r.btcMined),
      toExcelNumber(r.revenue),
      toExcelNumber(r.powerCost),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [MINING_SCHEDULE_HEADER, ...rows];
  });
}

// MINER.MININGNPV: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * NPV in USD of mining a site for a number of months: the sum of MININGCASHFLOWS' present values.
 * @customfunction MININGNPV
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param months Months to schedule (months; a whole number from 1 to 1200).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @returns NPV in USD at month 0.
 * @helpurl https://localhost:3000/help/MININGNPV.html
 */
export function miningNpvFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  months: unknown,
  discount_rate: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
): number;
export function miningNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.MININGNPV;
  return excelNumber("MININGNPV", params, () => {
    const a = readArgs(params, args);
    return miningNpv(miningPlan(a), a.discount_rate);
  });
}

// MINER.CONVERSIONVALUE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Lease NPV minus mining NPV, in USD, of converting a mining site to an AI/HPC lease: positive means leasing is worth more.
 * @customfunction CONVERSIONVALUE
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_critical_it_mw] Cost of converting the site for the tenant, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [conversion_months] Months of conversion, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (reported deals: 1.25 to 1.45) (ratio; 1 or more). Default 1.4.
 * @returns Lease NPV minus mining NPV, in USD at month 0.
 * @helpurl https://localhost:3000/help/CONVERSIONVALUE.html
 */
export function conversionValueFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  discount_rate: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_critical_it_mw?: unknown,
  conversion_months?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): number;
export function conversionValueFn(...args: unknown[]): number {
  return excelNumber(
    "CONVERSIONVALUE",
    SIGNATURES.CONVERSIONVALUE,
    () => conversionValue(conversionPlan(args)).conversionValue,
  );
}

// MINER.CONVERSIONBREAKEVEN: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC price in month 1 at which mining a site is worth as much as converting and leasing it.
 * @customfunction CONVERSIONBREAKEVEN
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_critical_it_mw] Cost of converting the site for the tenant, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [conversion_months] Months of conversion, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (reported deals: 1.25 to 1.45) (ratio; 1 or more). Default 1.4.
 * @returns Breakeven BTC price in USD.
 * @helpurl https://localhost:3000/help/CONVERSIONBREAKEVEN.html
 */
export function conversionBreakevenFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  discount_rate: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_critical_it_mw?: unknown,
  conversion_months?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): number;
export function conversionBreakevenFn(...args: unknown[]): number {
  return excelNumber("CONVERSIONBREAKEVEN", SIGNATURES.CONVERSIONBREAKEVEN, () =>
    conversionBreakevenPrice(conversionPlan(args)),
  );
}

// MINER.MWECONOMICS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Revenue, EBITDA and EBITDA margin per site MW per year, mining against leasing, as a table: mining's first 12 months, leasing's first lease year.
 * @customfunction MWECONOMICS
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_critical_it_mw] Cost of converting the site for the tenant, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [conversion_months] Months of conversion, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (reported deals: 1.25 to 1.45) (ratio; 1 or more). Default 1.4.
 * @returns A 4-row, 3-column table under a header row: measure, mining, leasing.
 * @helpurl https://localhost:3000/help/MWECONOMICS.html
 */
export function mwEconomicsFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  discount_rate: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_critical_it_mw?: unknown,
  conversion_months?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): any[][];
export function mwEconomicsFn(...args: unknown[]): any[][] {
  return excelMatrix("MWECONOMICS", SIGNATURES.MWECONOMICS, () => {
    const c = perMwPerYear(conversionPlan(args));
    const margin = (ebitda: typeof c.miningEbitda, revenue: typeof c.miningRevenue) =>
      revenue.isZero() ? "n/a" : toExcelNumber(ebitda.div(revenue));
    return [
      ["Per site MW per year", "Mining", "Leasing"],
      ["Revenue (USD)", toExcelNumber(c.miningRevenue), toExcelNumber(c.leaseRevenue)],
      ["EBITDA (USD)", toExcelNumber(c.miningEbitda), toExcelNumber(c.leaseEbitda)],
      ["EBITDA margin", margin(c.miningEbitda, c.miningRevenue), margin(c.leaseEbitda, c.leaseRevenue)],
    ];
  });
}
