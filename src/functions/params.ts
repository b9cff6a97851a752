/**
 * Every MINER function's public parameters, in the order Excel shows them: the one list the
 * adapters read arguments by, and the template model builds its assumptions tables from.
 * A parameter without a default is required.
 */
import type { ParamSpec } from "./assumptions";
import { DEFAULT_MACHINE_LIFE_YEARS } from "../calc/costs";
import { CURRENT_SUBSIDY_BTC } from "../calc/revenue";

/** COSTPERBTC. */
export const CASH_COST_PARAMS: ParamSpec[] = [
  { name: "power_price_kwh" },
  { name: "efficiency_j_th" },
  { name: "difficulty" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
  { name: "subsidy", default: CURRENT_SUBSIDY_BTC },
];

/** ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE. */
export const ALL_IN_PARAMS: ParamSpec[] = [
  { name: "power_price_kwh" },
  { name: "efficiency_j_th" },
  { name: "difficulty" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
  { name: "machine_cost_usd_per_th", default: 0 },
  { name: "machine_life_years", default: DEFAULT_MACHINE_LIFE_YEARS },
  { name: "sga_usd_per_th_day", default: 0 },
  { name: "stock_comp_usd_per_th_day", default: 0 },
  { name: "energy_tax_usd_per_kwh", default: 0 },
  { name: "uptime", default: 1 },
  { name: "subsidy", default: CURRENT_SUBSIDY_BTC },
];

/** BREAKEVENPOWER. */
export const BREAKEVEN_POWER_PARAMS: ParamSpec[] = [
  { name: "btc_price" },
  { name: "efficiency_j_th" },
  { name: "difficulty" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
  { name: "subsidy", default: CURRENT_SUBSIDY_BTC },
];

/** BREAKEVENHASHPRICE. */
export const BREAKEVEN_HASHPRICE_PARAMS: ParamSpec[] = [
  { name: "power_price_kwh" },
  { name: "efficiency_j_th" },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
  { name: "machine_cost_usd_per_th", default: 0 },
  { name: "machine_life_years", default: DEFAULT_MACHINE_LIFE_YEARS },
  { name: "sga_usd_per_th_day", default: 0 },
  { name: "stock_comp_usd_per_th_day", default: 0 },
  { name: "energy_tax_usd_per_kwh", default: 0 },
  { name: "uptime", default: 1 },
];

/** PAYBACKMONTHS. */
export const PAYBACK_PARAMS: ParamSpec[] = [
  { name: "machine_cost_usd" },
  { name: "hashrate_ths" },
  { name: "efficiency_j_th" },
  { name: "power_price_kwh" },
  { name: "btc_price" },
  { name: "difficulty" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
  { name: "uptime", default: 1 },
  { name: "difficulty_growth_monthly", default: 0 },
  { name: "subsidy", default: CURRENT_SUBSIDY_BTC },
];

const LEASE_TERMS: ParamSpec[] = [
  { name: "critical_it_mw" },
  { name: "rate_usd_per_kw_month" },
  { name: "term_years" },
];
const LEASE_OPTIONS: ParamSpec[] = [
  { name: "escalator", default: 0 },
  { name: "capex_usd_per_mw", default: 0 },
  { name: "opex_pct_of_revenue", default: 0 },
  { name: "build_months", default: 0 },
];
/** LEASENPV and LEASECASHFLOWS. */
export const LEASE_NPV_PARAMS: ParamSpec[] = [...LEASE_TERMS, { name: "discount_rate" }, ...LEASE_OPTIONS];
/** LEASEIRR. */
export const LEASE_IRR_PARAMS: ParamSpec[] = [...LEASE_TERMS, ...LEASE_OPTIONS];

/** MININGCASHFLOWS and MININGNPV. */
export const MINING_PARAMS: ParamSpec[] = [
  { name: "site_mw" },
  { name: "efficiency_j_th" },
  { name: "pue" },
  { name: "power_price_kwh" },
  { name: "btc_price" },
  { name: "difficulty" },
  { name: "start_height" },
  { name: "months" },
  { name: "discount_rate" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "uptime", default: 1 },
  { name: "difficulty_growth_monthly", default: 0 },
  { name: "btc_price_growth_monthly", default: 0 },
  { name: "opex_usd_per_mw_month", default: 0 },
  { name: "refresh_capex_usd_per_th", default: 0 },
  { name: "refresh_every_months", default: 0 },
];

/** CONVERSIONVALUE, CONVERSIONBREAKEVEN and MWECONOMICS. */
export const CONVERSION_PARAMS: ParamSpec[] = [
  { name: "site_mw" },
  { name: "efficiency_j_th" },
  { name: "pue" },
  { name: "power_price_kwh" },
  { name: "btc_price" },
  { name: "difficulty" },
  { name: "start_height" },
  { name: "discount_rate" },
  { name: "rate_usd_per_kw_month" },
  { name: "term_years" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "uptime", default: 1 },
  { name: "difficulty_growth_monthly", default: 0 },
  { name: "btc_price_growth_monthly", default: 0 },
  { name: "opex_usd_per_mw_month", default: 0 },
  { name: "refresh_capex_usd_per_th", default: 0 },
  { name: "refresh_every_months", default: 0 },
  { name: "escalator", default: 0 },
  { name: "conversion_capex_usd_per_mw", default: 0 },
  { name: "conversion_months", default: 0 },
  { name: "opex_pct_of_revenue", default: 0 },
  { name: "site_mw_per_critical_it_mw", default: 1.4 },
];
