/* Excel adapters for mining a site's megawatts month by month, and for the mine-or-lease decision. */
import {
  conversionBreakevenPrice,
  conversionValue,
  ConversionPlan,
  GpuCloudOnSite,
  mwEconomics,
} from "../calc/conversion";
import { MiningPlan, miningNpv, miningSchedule } from "../calc/mining-schedule";
import { fraction, nonNegative, positive } from "../calc/validate";
import { InvalidArgumentError } from "../calc/errors";
import { isGiven, MixedArgs, readMixedArgs } from "./args";
import { Param, SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The arguments read are already named as the calc module names its inputs. */
const miningPlan = (a: MixedArgs): MiningPlan => a as unknown as MiningPlan;

/** Position of a parameter in a list (the registry composes the lists, so look it up). */
const at = (params: readonly Param[], name: string) => params.findIndex((p) => p.name === name);

/**
 * A conversion's plan. With `phases`, the phases give the lease's MW and build months, so
 * conversion_months and site_mw_per_critical_it_mw must be blank: an input that would be ignored is refused.
 */
function conversionPlan(params: readonly Param[], args: unknown[]): ConversionPlan {
  const a = readMixedArgs(params, args);
  if (a.phases !== undefined) {
    for (const name of ["conversion_months", "site_mw_per_critical_it_mw"]) {
      if (isGiven(args[at(params, name)])) {
        throw new InvalidArgumentError(
          name,
          "blank when phases is given (the phases give the lease's critical IT MW and build months)",
          String(a[name]),
        );
      }
    }
  }
  return a as unknown as ConversionPlan;
}

/** MININGNPV's plan and discount rate from its arguments (also read by MININGNPVDIST). */
export function readMiningNpvArgs(args: unknown[]): { plan: MiningPlan; discountRate: number } {
  const a = readMixedArgs(SIGNATURES.MININGNPV, args);
  return { plan: miningPlan(a), discountRate: a.discount_rate as number };
}

/** CONVERSIONVALUE's plan from its arguments (also read by CONVERSIONDIST). */
export const readConversionPlan = (args: unknown[]): ConversionPlan => conversionPlan(SIGNATURES.CONVERSIONVALUE, args);

/** Column headings of MININGCASHFLOWS. */
export const MINING_SCHEDULE_HEADER = [
  "Month",
  "Start height",
  "Subsidy (BTC/block)",
  "Difficulty",
  "BTC price (USD)",
  "Running (1/0)",
  "BTC mined",
  "Revenue (USD)",
  "Power (USD)",
  "Energy tax (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Salvage (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

// MINER.MININGCASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * A site's mining month by month as a table, halvings in their month: whether it ran, BTC mined, revenue, power, energy tax, opex, capex, salvage and value.
 * @customfunction MININGCASHFLOWS
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param months Months to schedule or simulate (months; a whole number from 1 to 1200).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @returns A 16-column table, one row per month from 1, under a header row.
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
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
): any[][];
export function miningCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.MININGCASHFLOWS;
  return excelMatrix("MININGCASHFLOWS", params, () => {
    const a = readMixedArgs(params, args);
    const rows = miningSchedule(miningPlan(a), a.discount_rate as number).map((r) => [
      r.month,
      r.startHeight,
      toExcelNumber(r.subsidy),
      toExcelNumber(r.difficulty),
      toExcelNumber(r.btcPrice),
      r.running ? 1 : 0,
      toExcelNumber(r.btcMined),
      toExcelNumber(r.revenue),
      toExcelNumber(r.powerCost),
      toExcelNumber(r.energyTax),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.salvage),
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
 * @param months Months to schedule or simulate (months; a whole number from 1 to 1200).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
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
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
): number;
export function miningNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.MININGNPV;
  return excelNumber("MININGNPV", params, () => {
    const a = readMixedArgs(params, args);
    return miningNpv(miningPlan(a), a.discount_rate as number);
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
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
 * @param [lease_discount_rate] Discount rate for the lease, annual effective (rate per year; greater than -1, 0.08 = 8%). Blank: discount_rate.
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
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
  lease_discount_rate?: unknown,
): number;
export function conversionValueFn(...args: unknown[]): number {
  return excelNumber(
    "CONVERSIONVALUE",
    SIGNATURES.CONVERSIONVALUE,
    () => conversionValue(conversionPlan(SIGNATURES.CONVERSIONVALUE, args)).conversionValue,
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
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
 * @param [lease_discount_rate] Discount rate for the lease, annual effective (rate per year; greater than -1, 0.08 = 8%). Blank: discount_rate.
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
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
  lease_discount_rate?: unknown,
): number;
export function conversionBreakevenFn(...args: unknown[]): number {
  return excelNumber("CONVERSIONBREAKEVEN", SIGNATURES.CONVERSIONBREAKEVEN, () =>
    conversionBreakevenPrice(conversionPlan(SIGNATURES.CONVERSIONBREAKEVEN, args)),
  );
}

// MINER.MWECONOMICS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Three uses of a site MW side by side, mining, colocation lease and GPU cloud: revenue, EBITDA and margin per MW-year and the capital each needs per MW.
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
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
 * @param [lease_discount_rate] Discount rate for the lease, annual effective (rate per year; greater than -1, 0.08 = 8%). Blank: discount_rate.
 * @param [usd_per_gpu_hour] Price of a GPU-hour in the first year of service (USD per GPU-hour; 0 or more).
 * @param [utilization] Share of GPU-hours sold (fraction; 0 to 1).
 * @param [gpu_capex_usd] Price of a GPU with its share of the server, paid at month 0 (USD per GPU; 0 or more).
 * @param [kw_per_gpu] All-in server power per GPU, before PUE (kW per GPU; greater than 0).
 * @param [opex_pct_of_revenue] GPU-cloud operating cost other than power, as a share of its revenue (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @returns A 4-row, 4-column table under a header row: measure, mining, colocation lease, GPU cloud (n/a without the GPU-cloud inputs).
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
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
  lease_discount_rate?: unknown,
  usd_per_gpu_hour?: unknown,
  utilization?: unknown,
  gpu_capex_usd?: unknown,
  kw_per_gpu?: unknown,
  opex_pct_of_revenue?: unknown,
): any[][];
export function mwEconomicsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.MWECONOMICS;
  return excelMatrix("MWECONOMICS", params, () => {
    const plan = conversionPlan(params, args);
    const a = plan as unknown as MixedArgs;
    // Both shares are opex_pct_of_revenue in calc: checked here under their own names.
    fraction("lease_opex_pct_of_revenue", a.opex_pct_of_revenue as number);
    fraction("opex_pct_of_revenue", a.gpu_opex_pct_of_revenue as number);
    const e = mwEconomics({ ...plan, opex_pct_of_revenue: a.opex_pct_of_revenue as number }, gpuOnSite(plan, a));
    const cell = (x: { toNumber(): number } | undefined) => (x === undefined ? "n/a" : toExcelNumber(x));
    const gpu = e.gpuCloud;
    return [
      ["Per site MW", "Mining", "Colocation lease", "GPU cloud"],
      [
        "Revenue per MW-year (USD)",
        cell(e.mining.revenuePerMwYear),
        cell(e.lease.revenuePerMwYear),
        cell(gpu?.revenuePerMwYear),
      ],
      [
        "EBITDA per MW-year (USD)",
        cell(e.mining.ebitdaPerMwYear),
        cell(e.lease.ebitdaPerMwYear),
        cell(gpu?.ebitdaPerMwYear),
      ],
      ["EBITDA margin", cell(e.mining.ebitdaMargin), cell(e.lease.ebitdaMargin), cell(gpu?.ebitdaMargin)],
      ["Capital per MW (USD)", cell(e.mining.capitalPerMw), cell(e.lease.capitalPerMw), cell(gpu?.capitalPerMw)],
    ];
  });
}

/** The GPU-cloud inputs MWECONOMICS takes: all four, or none (then its column is n/a). */
const GPU_INPUTS = ["usd_per_gpu_hour", "utilization", "gpu_capex_usd", "kw_per_gpu"] as const;

/** GPU cloud filling the site's critical IT, at its PUE and power price, in the hall the conversion builds. */
function gpuOnSite(plan: ConversionPlan, a: MixedArgs): GpuCloudOnSite | undefined {
  const given = GPU_INPUTS.filter((n) => a[n] !== undefined);
  if (given.length === 0) return undefined;
  // Each given one is checked first, so an error names the value that is wrong.
  if (a.usd_per_gpu_hour !== undefined) nonNegative("usd_per_gpu_hour", a.usd_per_gpu_hour as number);
  if (a.utilization !== undefined) fraction("utilization", a.utilization as number);
  if (a.gpu_capex_usd !== undefined) nonNegative("gpu_capex_usd", a.gpu_capex_usd as number);
  if (a.kw_per_gpu !== undefined) positive("kw_per_gpu", a.kw_per_gpu as number);
  const missing = GPU_INPUTS.find((n) => a[n] === undefined);
  if (missing !== undefined) {
    throw new InvalidArgumentError(
      missing,
      `a number when ${given.join(", ")} ${given.length === 1 ? "is" : "are"} given (the GPU-cloud inputs: ${GPU_INPUTS.join(", ")}, all or none)`,
      "blank",
    );
  }
  return {
    usd_per_gpu_hour: a.usd_per_gpu_hour as number,
    utilization: a.utilization as number,
    gpu_capex_usd: a.gpu_capex_usd as number,
    kw_per_gpu: a.kw_per_gpu as number,
    pue: plan.pue,
    opex_pct_of_revenue: a.gpu_opex_pct_of_revenue as number,
  };
}
