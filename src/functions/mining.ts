/*
 * Excel adapters for mining a site's megawatts month by month, and for the mine-or-lease decision.
 * Every function here also takes a two-column assumptions table (name, value) as its first argument.
 */
import { conversionBreakevenPrice, conversionValue, ConversionPlan, perMwPerYear } from "../calc/conversion";
import { MiningPlan, miningNpv, miningSchedule } from "../calc/mining-schedule";
import { Args, readArgs } from "./assumptions";
import { CONVERSION_PARAMS, MINING_PARAMS } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The numbers read are already named as the calc module names its inputs. */
const miningPlan = (a: Args): MiningPlan => a as unknown as MiningPlan;
const conversionPlan = (a: Args): ConversionPlan => a as unknown as ConversionPlan;

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

/**
 * Month-by-month schedule of mining a site as a dynamic array with a header row: fleet hashrate = site MW × 1e6 / (J/TH × PUE); difficulty and BTC price grow monthly; 144 blocks a day from start_height so the subsidy halves in the right month (blended in the month of the halving); revenue, power, opex, refresh capex, net cash flow, discount factor (1 / (1 + r)^(month / 12)) and present value. The present values sum to MININGNPV. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.MININGCASHFLOWS(100, 17.5, 1.1, 0.045, 91000, 1.52E14, 925000, 60, 0.12, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48) returns a 61×13 table.
 * @customfunction MININGCASHFLOWS
 * @param site_mw Site power capacity in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 100.
 * @param [efficiency_j_th] Fleet efficiency in J/TH at the machines (greater than 0). Required. Example: 17.5.
 * @param [pue] Power usage effectiveness, the ratio of site power to machine power, 1 or more (1.1 = 10% cooling overhead). Required. Example: 1.1.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.045.
 * @param [btc_price] BTC price in USD in month 1 (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty in month 1, dimensionless (greater than 0). Required. Example: 1.52E14.
 * @param [start_height] Block height at the start of month 1 (a whole number); 144 blocks a day follow, so halvings fall in their month. Required. Example: 925000.
 * @param [months] Months to schedule (a whole number from 1 to 1200). Required. Example: 60.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.12 = 12%). Required. Example: 0.12.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month as a rate (greater than -1; 0 = flat). Default 0.
 * @param [opex_usd_per_mw_month] Site operating cost other than power in USD per MW per month (0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex in USD per TH/s of the fleet (0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (a whole number; 0 = never). Default 0.
 * @returns A table of 13 columns and one row per month from 1, under a header row.
 * @helpurl https://localhost:3000/help/MININGCASHFLOWS.html
 */
export function miningCashFlowsFn(
  site_mw: any[][],
  efficiency_j_th?: unknown,
  pue?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  start_height?: unknown,
  months?: unknown,
  discount_rate?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
): any[][] {
  const raw = [
    site_mw,
    efficiency_j_th,
    pue,
    power_price_kwh,
    btc_price,
    difficulty,
    start_height,
    months,
    discount_rate,
    fees_btc_per_block,
    pool_fee,
    uptime,
    difficulty_growth_monthly,
    btc_price_growth_monthly,
    opex_usd_per_mw_month,
    refresh_capex_usd_per_th,
    refresh_every_months,
  ];
  return excelMatrix("MININGCASHFLOWS", () => {
    const a = readArgs(MINING_PARAMS, raw);
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

/**
 * NPV of mining a site over a number of months (the sum of MININGCASHFLOWS present values): revenue from the fleet the site powers, less power, opex and refresh capex, discounted at the annual effective rate. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.MININGNPV(100, 17.5, 1.1, 0.045, 91000, 1.52E14, 925000, 60, 0.12, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48) returns -98742979.37.
 * @customfunction MININGNPV
 * @param site_mw Site power capacity in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 100.
 * @param [efficiency_j_th] Fleet efficiency in J/TH at the machines (greater than 0). Required. Example: 17.5.
 * @param [pue] Power usage effectiveness, the ratio of site power to machine power, 1 or more (1.1 = 10% cooling overhead). Required. Example: 1.1.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.045.
 * @param [btc_price] BTC price in USD in month 1 (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty in month 1, dimensionless (greater than 0). Required. Example: 1.52E14.
 * @param [start_height] Block height at the start of month 1 (a whole number); 144 blocks a day follow, so halvings fall in their month. Required. Example: 925000.
 * @param [months] Months to schedule (a whole number from 1 to 1200). Required. Example: 60.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.12 = 12%). Required. Example: 0.12.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month as a rate (greater than -1; 0 = flat). Default 0.
 * @param [opex_usd_per_mw_month] Site operating cost other than power in USD per MW per month (0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex in USD per TH/s of the fleet (0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (a whole number; 0 = never). Default 0.
 * @returns NPV in USD at month 0.
 * @helpurl https://localhost:3000/help/MININGNPV.html
 */
export function miningNpvFn(
  site_mw: any[][],
  efficiency_j_th?: unknown,
  pue?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  start_height?: unknown,
  months?: unknown,
  discount_rate?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
): number {
  const raw = [
    site_mw,
    efficiency_j_th,
    pue,
    power_price_kwh,
    btc_price,
    difficulty,
    start_height,
    months,
    discount_rate,
    fees_btc_per_block,
    pool_fee,
    uptime,
    difficulty_growth_monthly,
    btc_price_growth_monthly,
    opex_usd_per_mw_month,
    refresh_capex_usd_per_th,
    refresh_every_months,
  ];
  return excelNumber("MININGNPV", () => {
    const a = readArgs(MINING_PARAMS, raw);
    return miningNpv(miningPlan(a), a.discount_rate);
  });
}

/**
 * Value of converting a mining site to an AI/HPC lease: the lease NPV (critical IT MW = site MW / site_mw_per_critical_it_mw, conversion capex at month 0, no income for conversion_months, then the lease term) minus the NPV of mining the same MW over the same months. Positive: leasing is worth more. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.CONVERSIONVALUE(100, 17.5, 1.1, 0.045, 91000, 1.52E14, 925000, 0.12, 150, 10, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48, 0.03, 9E6, 12, 0.15, 1.4) returns 248471637.82.
 * @customfunction CONVERSIONVALUE
 * @param site_mw Site power capacity in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 100.
 * @param [efficiency_j_th] Fleet efficiency in J/TH at the machines (greater than 0). Required. Example: 17.5.
 * @param [pue] Power usage effectiveness, the ratio of site power to machine power, 1 or more (1.1 = 10% cooling overhead). Required. Example: 1.1.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.045.
 * @param [btc_price] BTC price in USD in month 1 (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty in month 1, dimensionless (greater than 0). Required. Example: 1.52E14.
 * @param [start_height] Block height at the start of month 1 (a whole number); 144 blocks a day follow, so halvings fall in their month. Required. Example: 925000.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.12 = 12%). Required. Example: 0.12.
 * @param [rate_usd_per_kw_month] Lease rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 10.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month as a rate (greater than -1; 0 = flat). Default 0.
 * @param [opex_usd_per_mw_month] Site operating cost other than power in USD per MW per month (0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex in USD per TH/s of the fleet (0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (a whole number; 0 = never). Default 0.
 * @param [escalator] Annual rent escalator as a rate (greater than -1; 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_mw] Conversion capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [conversion_months] Months of conversion with no income before rent starts (a whole number, 0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of lease revenue (0 to 1). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (1 or more; reported deals 1.25 to 1.45). Default 1.4.
 * @returns Lease NPV minus mining NPV, in USD at month 0.
 * @helpurl https://localhost:3000/help/CONVERSIONVALUE.html
 */
export function conversionValueFn(
  site_mw: any[][],
  efficiency_j_th?: unknown,
  pue?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  start_height?: unknown,
  discount_rate?: unknown,
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_mw?: unknown,
  conversion_months?: unknown,
  opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): number {
  const raw = [
    site_mw,
    efficiency_j_th,
    pue,
    power_price_kwh,
    btc_price,
    difficulty,
    start_height,
    discount_rate,
    rate_usd_per_kw_month,
    term_years,
    fees_btc_per_block,
    pool_fee,
    uptime,
    difficulty_growth_monthly,
    btc_price_growth_monthly,
    opex_usd_per_mw_month,
    refresh_capex_usd_per_th,
    refresh_every_months,
    escalator,
    conversion_capex_usd_per_mw,
    conversion_months,
    opex_pct_of_revenue,
    site_mw_per_critical_it_mw,
  ];
  return excelNumber(
    "CONVERSIONVALUE",
    () => conversionValue(conversionPlan(readArgs(CONVERSION_PARAMS, raw))).conversionValue,
  );
}

/**
 * BTC price in month 1 at which mining the site is worth exactly as much as leasing it (CONVERSIONVALUE = 0), with the price path's growth held; above it mining is worth more. #NUM! when mining earns nothing or beats leasing at any price. Same arguments as CONVERSIONVALUE. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.CONVERSIONBREAKEVEN(100, 17.5, 1.1, 0.045, 91000, 1.52E14, 925000, 0.12, 150, 10, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48, 0.03, 9E6, 12, 0.15, 1.4) returns 213334.66.
 * @customfunction CONVERSIONBREAKEVEN
 * @param site_mw Site power capacity in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 100.
 * @param [efficiency_j_th] Fleet efficiency in J/TH at the machines (greater than 0). Required. Example: 17.5.
 * @param [pue] Power usage effectiveness, the ratio of site power to machine power, 1 or more (1.1 = 10% cooling overhead). Required. Example: 1.1.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.045.
 * @param [btc_price] BTC price in USD in month 1 (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty in month 1, dimensionless (greater than 0). Required. Example: 1.52E14.
 * @param [start_height] Block height at the start of month 1 (a whole number); 144 blocks a day follow, so halvings fall in their month. Required. Example: 925000.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.12 = 12%). Required. Example: 0.12.
 * @param [rate_usd_per_kw_month] Lease rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 10.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month as a rate (greater than -1; 0 = flat). Default 0.
 * @param [opex_usd_per_mw_month] Site operating cost other than power in USD per MW per month (0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex in USD per TH/s of the fleet (0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (a whole number; 0 = never). Default 0.
 * @param [escalator] Annual rent escalator as a rate (greater than -1; 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_mw] Conversion capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [conversion_months] Months of conversion with no income before rent starts (a whole number, 0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of lease revenue (0 to 1). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (1 or more; reported deals 1.25 to 1.45). Default 1.4.
 * @returns Breakeven BTC price in USD.
 * @helpurl https://localhost:3000/help/CONVERSIONBREAKEVEN.html
 */
export function conversionBreakevenFn(
  site_mw: any[][],
  efficiency_j_th?: unknown,
  pue?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  start_height?: unknown,
  discount_rate?: unknown,
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_mw?: unknown,
  conversion_months?: unknown,
  opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): number {
  const raw = [
    site_mw,
    efficiency_j_th,
    pue,
    power_price_kwh,
    btc_price,
    difficulty,
    start_height,
    discount_rate,
    rate_usd_per_kw_month,
    term_years,
    fees_btc_per_block,
    pool_fee,
    uptime,
    difficulty_growth_monthly,
    btc_price_growth_monthly,
    opex_usd_per_mw_month,
    refresh_capex_usd_per_th,
    refresh_every_months,
    escalator,
    conversion_capex_usd_per_mw,
    conversion_months,
    opex_pct_of_revenue,
    site_mw_per_critical_it_mw,
  ];
  return excelNumber("CONVERSIONBREAKEVEN", () =>
    conversionBreakevenPrice(conversionPlan(readArgs(CONVERSION_PARAMS, raw))),
  );
}

/**
 * Revenue, EBITDA and EBITDA margin per site MW per year for mining and for leasing, side by side: mining over its first 12 months (revenue less power and opex), leasing over its first lease year (rent less opex). Same arguments as CONVERSIONVALUE. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.MWECONOMICS(100, 17.5, 1.1, 0.045, 91000, 1.52E14, 925000, 0.12, 150, 10, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48, 0.03, 9E6, 12, 0.15, 1.4) returns a 4×3 table.
 * @customfunction MWECONOMICS
 * @param site_mw Site power capacity in MW (greater than 0), or a two-column range of names and values holding all the arguments. Example: 100.
 * @param [efficiency_j_th] Fleet efficiency in J/TH at the machines (greater than 0). Required. Example: 17.5.
 * @param [pue] Power usage effectiveness, the ratio of site power to machine power, 1 or more (1.1 = 10% cooling overhead). Required. Example: 1.1.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.045.
 * @param [btc_price] BTC price in USD in month 1 (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty in month 1, dimensionless (greater than 0). Required. Example: 1.52E14.
 * @param [start_height] Block height at the start of month 1 (a whole number); 144 blocks a day follow, so halvings fall in their month. Required. Example: 925000.
 * @param [discount_rate] Annual effective discount rate as a rate (greater than -1; 0.12 = 12%). Required. Example: 0.12.
 * @param [rate_usd_per_kw_month] Lease rent in USD per kW of critical IT per month (0 or more). Required. Example: 150.
 * @param [term_years] Lease term in years; term_years × 12 must be whole. Required. Example: 10.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month as a rate (greater than -1; 0 = flat). Default 0.
 * @param [opex_usd_per_mw_month] Site operating cost other than power in USD per MW per month (0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex in USD per TH/s of the fleet (0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (a whole number; 0 = never). Default 0.
 * @param [escalator] Annual rent escalator as a rate (greater than -1; 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_mw] Conversion capex in USD per MW of critical IT, paid at month 0 (0 or more). Default 0.
 * @param [conversion_months] Months of conversion with no income before rent starts (a whole number, 0 or more). Default 0.
 * @param [opex_pct_of_revenue] Landlord operating cost as a fraction of lease revenue (0 to 1). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (1 or more; reported deals 1.25 to 1.45). Default 1.4.
 * @returns A 4-row, 3-column table under a header row: measure, mining, leasing.
 * @helpurl https://localhost:3000/help/MWECONOMICS.html
 */
export function mwEconomicsFn(
  site_mw: any[][],
  efficiency_j_th?: unknown,
  pue?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  start_height?: unknown,
  discount_rate?: unknown,
  rate_usd_per_kw_month?: unknown,
  term_years?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_mw?: unknown,
  conversion_months?: unknown,
  opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
): any[][] {
  const raw = [
    site_mw,
    efficiency_j_th,
    pue,
    power_price_kwh,
    btc_price,
    difficulty,
    start_height,
    discount_rate,
    rate_usd_per_kw_month,
    term_years,
    fees_btc_per_block,
    pool_fee,
    uptime,
    difficulty_growth_monthly,
    btc_price_growth_monthly,
    opex_usd_per_mw_month,
    refresh_capex_usd_per_th,
    refresh_every_months,
    escalator,
    conversion_capex_usd_per_mw,
    conversion_months,
    opex_pct_of_revenue,
    site_mw_per_critical_it_mw,
  ];
  return excelMatrix("MWECONOMICS", () => {
    const c = perMwPerYear(conversionPlan(readArgs(CONVERSION_PARAMS, raw)));
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
