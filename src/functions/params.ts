/**
 * Every MINER function's public parameters, in the order Excel shows them: the one list the
 * adapters read arguments by, and the template model builds its assumptions tables from.
 * A parameter without a default is required.
 */
import type { ParamSpec } from "./assumptions";
import { DEFAULT_MACHINE_LIFE_YEARS } from "../calc/costs";
import { CURRENT_SUBSIDY_BTC } from "../calc/revenue";

/** The inputs every cost-per-BTC function starts with. */
const COST_INPUTS: ParamSpec[] = [
  { name: "power_price_kwh" },
  { name: "efficiency_j_th" },
  { name: "difficulty" },
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "opex_usd_per_th_day", default: 0 },
];
/** What the all-in cost adds to the cash cost, and the uptime it is spread over. */
const OVERHEADS: ParamSpec[] = [
  { name: "machine_cost_usd_per_th", default: 0 },
  { name: "machine_life_years", default: DEFAULT_MACHINE_LIFE_YEARS },
  { name: "sga_usd_per_th_day", default: 0 },
  { name: "stock_comp_usd_per_th_day", default: 0 },
  { name: "energy_tax_usd_per_kwh", default: 0 },
  { name: "uptime", default: 1 },
];
const SUBSIDY: ParamSpec = { name: "subsidy", default: CURRENT_SUBSIDY_BTC };

/** COSTPERBTC. */
export const CASH_COST_PARAMS: ParamSpec[] = [...COST_INPUTS, SUBSIDY];

/** ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE. */
export const ALL_IN_PARAMS: ParamSpec[] = [...COST_INPUTS, ...OVERHEADS, SUBSIDY];

/** BREAKEVENPOWER: COSTPERBTC with the BTC price in place of the power price. */
export const BREAKEVEN_POWER_PARAMS: ParamSpec[] = [{ name: "btc_price" }, ...COST_INPUTS.slice(1), SUBSIDY];

/** BREAKEVENHASHPRICE: the all-in costs without difficulty, fees and subsidy (hashprice carries them). */
export const BREAKEVEN_HASHPRICE_PARAMS: ParamSpec[] = [
  ...COST_INPUTS.filter((p) => !["difficulty", "fees_btc_per_block"].includes(p.name)),
  ...OVERHEADS,
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
  SUBSIDY,
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

/** The site and the network it mines, first in every site function. */
const SITE: ParamSpec[] = [
  { name: "site_mw" },
  { name: "efficiency_j_th" },
  { name: "pue" },
  { name: "power_price_kwh" },
  { name: "btc_price" },
  { name: "difficulty" },
  { name: "start_height" },
];
/** How the site is mined, month by month. */
const MINING_OPTIONS: ParamSpec[] = [
  { name: "fees_btc_per_block", default: 0 },
  { name: "pool_fee", default: 0 },
  { name: "uptime", default: 1 },
  { name: "difficulty_growth_monthly", default: 0 },
  { name: "btc_price_growth_monthly", default: 0 },
  { name: "opex_usd_per_mw_month", default: 0 },
  { name: "refresh_capex_usd_per_th", default: 0 },
  { name: "refresh_every_months", default: 0 },
];

/** MININGCASHFLOWS and MININGNPV. */
export const MINING_PARAMS: ParamSpec[] = [...SITE, { name: "months" }, { name: "discount_rate" }, ...MINING_OPTIONS];

/** CONVERSIONVALUE, CONVERSIONBREAKEVEN and MWECONOMICS: the site mined, or converted and leased. */
export const CONVERSION_PARAMS: ParamSpec[] = [
  ...SITE,
  { name: "discount_rate" },
  { name: "rate_usd_per_kw_month" },
  { name: "term_years" },
  ...MINING_OPTIONS,
  { name: "escalator", default: 0 },
  { name: "conversion_capex_usd_per_mw", default: 0 },
  { name: "conversion_months", default: 0 },
  { name: "opex_pct_of_revenue", default: 0 },
  { name: "site_mw_per_critical_it_mw", default: 1.4 },
];
