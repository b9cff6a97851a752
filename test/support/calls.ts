/* Every public function with a valid argument list: the fixture the adapter, metadata and bundle tests share. */
import * as protocol from "../../src/functions/protocol";
import * as revenue from "../../src/functions/revenue";
import * as costs from "../../src/functions/costs";
import * as lease from "../../src/functions/lease";
import * as mining from "../../src/functions/mining";
import * as risk from "../../src/functions/risk";
import { SIGNATURES } from "../../src/functions/params";
import {
  ALL_IN_EXAMPLE,
  CONVERSION_EXAMPLE,
  DAT_Q1_2025,
  GPU_EXAMPLE,
  GPU_OPTIONS as CATALOG_GPU_OPTIONS,
  MINING_EXAMPLE,
  TWO_HALLS as CATALOG_TWO_HALLS,
} from "../../src/functions/catalog";
import * as energyTax from "../../src/functions/energy-tax";
import * as gpuCloud from "../../src/functions/gpu-cloud";
import * as treasury from "../../src/functions/treasury";
import * as taxAndDebt from "../../src/functions/tax-and-debt";

export type Fn = (...args: unknown[]) => unknown;

/** A 100 MW site: S21-class fleet, 4.5¢ power, late-2025 network, five years (the catalog's example, before the decision inputs). */
export const MINING_ARGS_V1: number[] = [...MINING_EXAMPLE];
/** The mining decision inputs at their defaults: switch-off, no salvage, no energy tax, difficulty counting the fleet. */
export const MINING_DECISIONS = [true, 0, 0, true];
export const MINING_ARGS = [...MINING_ARGS_V1, ...MINING_DECISIONS];
/** The same site, or a 10-year lease of it after a year's conversion at $9M per critical IT MW (the catalog's example). */
export const CONVERSION_ARGS_V1: number[] = [...CONVERSION_EXAMPLE];
/** The lease timing inputs at their defaults: no exit value, rent at month end, capex at month 0, no phases. */
export const LEASE_TIMING = [0, 0, 0, null];
/** The tenant's credit in the lease fixtures: 2% a year, half the rent recovered. */
export const TENANT_CREDIT = [0.02, 0.5];
/** ... then the lease discount rate (blank: discount_rate). */
export const CONVERSION_ARGS = [...CONVERSION_ARGS_V1, ...MINING_DECISIONS, ...LEASE_TIMING, null];
/** Idle opex, stop for good, the fleet's resale, a difficulty path and a hashprice floor, at their defaults (appended to every function that mines). */
export const FLEET_AND_NETWORK = [1, false, 0, null, null];
/** New York's tax from 2027: month 14 of a schedule from late November 2025 (appended to every function that mines). */
export const ENERGY_TAX_START = [14];
/** What the conversion functions append after the fleet's life: the energy tax's start, then the lease's tenant credit. */
export const CONVERSION_APPENDED = [...ENERGY_TAX_START, ...TENANT_CREDIT];
/** IREN–Microsoft-scale GPU cloud (catalog.ts: 110,000 GPUs at $2.01 an hour, $52,700 each, 1.8 kW, PUE 1.18, 4.5¢). */
export const GPU_ARGS: number[] = [...GPU_EXAMPLE];
export const GPU_OPTIONS: number[] = [...CATALOG_GPU_OPTIONS];
/** The deal's terms: GPUs paid at month 0 (1 would not survive the fuzz tests' scaling), 20% prepaid, a 75% hall residual. */
export const GPU_DEAL = [0, 0.2, 0.75];

/** CoinShares' average miner (README): power, wall efficiency, network and subsidy, then the overheads (the catalog's example), no energy tax, full uptime. */
export const ALL_IN_ARGS: number[] = [...ALL_IN_EXAMPLE, 0, 1];

/** Arguments padded with blanks (null, as Excel passes them) to a function's whole list. */
export const padTo = (args: unknown[], id: keyof typeof SIGNATURES): unknown[] => [...args, ...Array(Math.max(0, SIGNATURES[id].length - args.length)).fill(null)];
/**
 * A deterministic function's arguments padded with blanks up to a distribution function's risk
 * inputs (price_vol_annual): the parameters appended to the deterministic lists since follow the
 * risk inputs there.
 */
export const beforeRisk = (args: unknown[], id: "MININGNPVDIST" | "CONVERSIONDIST" | "CONVERSIONOPTION"): unknown[] => {
  const risk = SIGNATURES[id].findIndex((p) => p.name === "price_vol_annual");
  return [...args, ...Array(Math.max(0, risk - args.length)).fill(null)];
};
/** The simulation's risk inputs in the fixtures: 50% price and 20% difficulty volatility, correlation 0.3, 200 paths (fast; scaled by half it is still enough), seed 7. */
export const RISK_ARGS = [0.5, 0.2, 0.3, 200, 7];
/** P10, P50, P90 as Excel passes an array constant {0.1,0.5,0.9}: a one-row matrix. */
export const P10_P50_P90 = [[0.1, 0.5, 0.9]];

/** Strategy's share table: 31 Dec 2024 and 30 Mar 2025 BTC and assumed diluted shares. */
export const STRATEGY_Q1_2025: number[] = [...DAT_Q1_2025];
/** A treasury: $20M and 100 BTC, 36 months of 45 BTC mined and $4.62M paid, SELLPCT 50% above a $5M floor. */
export const TREASURY_ARGS = [20e6, 100, 36, 45, 91_000, 4_620_750, "SELLPCT", 0.01, 1e6, 2e5, 0.5, 5e6];

/**
 * Every function that takes numbers, with a valid argument list and how many of its arguments are
 * required (written here by hand, and checked against functions.json).
 */
export const CALLS: Record<string, { fn: Fn; required: number; valid: unknown[] }> = {
  SUBSIDY: { fn: protocol.subsidy as Fn, required: 1, valid: [840_000] },
  NEXTHALVING: { fn: protocol.nextHalving as Fn, required: 1, valid: [925_000] },
  NETWORKHASHRATE: { fn: protocol.networkHashrate as Fn, required: 1, valid: [1.5e14] },
  DIFFICULTYFORHASHRATE: { fn: protocol.difficultyForHashrate as Fn, required: 1, valid: [1100] },
  BTCPERDAY: { fn: revenue.btcPerDay as Fn, required: 3, valid: [200, 1.5e14, 3.125, 0.03] },
  HASHPRICE: { fn: revenue.hashprice as Fn, required: 3, valid: [91_000, 1.52e14, 3.125, 0.036] },
  COSTPERBTC: { fn: costs.costPerBtc as Fn, required: 4, valid: [0.05, 17.5, 1.5e14, 3.125, 0.03, 0.02, 0.001] },
  ALLINCOSTPERBTC: { fn: costs.allInCost as Fn, required: 4, valid: ALL_IN_ARGS },
  COSTBREAKDOWN: { fn: costs.costBreakdown as Fn, required: 4, valid: ALL_IN_ARGS },
  BREAKEVENPRICE: { fn: costs.breakevenPrice as Fn, required: 4, valid: ALL_IN_ARGS },
  BREAKEVENPOWER: { fn: costs.breakevenPower as Fn, required: 4, valid: [91_000, 17.5, 1.5e14, 3.125, 0.03, 0.02, 0.001] },
  BREAKEVENHASHPRICE: { fn: costs.breakevenHashprice as Fn, required: 2, valid: [0.05, 17.5, 0.02, 0.001, 20, 4, 0.004, 0.009, 0, 0.95] },
  // start_height blank: with it the subsidy must match the height, which the fuzz tests' scaling would break.
  PAYBACKMONTHS: { fn: costs.paybackMonths as Fn, required: 7, valid: [3500, 200, 17.5, 0.035, 91_000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0.01, null] },
  ENERGYTAX: { fn: energyTax.energyTax as Fn, required: 1, valid: [876_000_000, null] },
  LEASENPV: { fn: lease.leaseNpvFn as Fn, required: 4, valid: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, ...LEASE_TIMING, ...TENANT_CREDIT] },
  LEASEIRR: { fn: lease.leaseIrrFn as Fn, required: 3, valid: [200, 150, 15, 0.03, 9e6, 0.15, 12, ...LEASE_TIMING, ...TENANT_CREDIT] },
  LEASECASHFLOWS: { fn: lease.leaseCashFlowsFn as Fn, required: 4, valid: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, ...LEASE_TIMING, ...TENANT_CREDIT] },
  MININGCASHFLOWS: { fn: mining.miningCashFlowsFn as Fn, required: 9, valid: [...MINING_ARGS, ...FLEET_AND_NETWORK, ...ENERGY_TAX_START] },
  MININGNPV: { fn: mining.miningNpvFn as Fn, required: 9, valid: [...MINING_ARGS, ...FLEET_AND_NETWORK, ...ENERGY_TAX_START] },
  CONVERSIONVALUE: { fn: mining.conversionValueFn as Fn, required: 10, valid: [...CONVERSION_ARGS, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  CONVERSIONBREAKEVEN: { fn: mining.conversionBreakevenFn as Fn, required: 10, valid: [...CONVERSION_ARGS, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  CONVERSIONTIMING: { fn: mining.conversionTimingFn as Fn, required: 10, valid: [...CONVERSION_ARGS, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  // The GPU-cloud inputs blank: that column is n/a (they go all or none; GOOD_CALLS gives them).
  MWECONOMICS: { fn: mining.mwEconomicsFn as Fn, required: 10, valid: [...CONVERSION_ARGS, null, null, null, null, 0, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  GPUCLOUDNPV: { fn: gpuCloud.gpuCloudNpvFn as Fn, required: 8, valid: [...GPU_ARGS, 0.12, ...GPU_OPTIONS, ...GPU_DEAL] },
  GPUCLOUDIRR: { fn: gpuCloud.gpuCloudIrrFn as Fn, required: 7, valid: [...GPU_ARGS, ...GPU_OPTIONS, ...GPU_DEAL] },
  GPUCLOUDCASHFLOWS: { fn: gpuCloud.gpuCloudCashFlowsFn as Fn, required: 8, valid: [...GPU_ARGS, 0.12, ...GPU_OPTIONS, ...GPU_DEAL] },
  PRICEQUANTILES: { fn: risk.priceQuantilesFn as Fn, required: 7, valid: [91_000, 0.01, 0.5, 24, P10_P50_P90, 100, 7] },
  MININGNPVDIST: { fn: risk.miningNpvDistFn as Fn, required: 9, valid: [...beforeRisk(MINING_ARGS, "MININGNPVDIST"), ...RISK_ARGS, P10_P50_P90, ...FLEET_AND_NETWORK, ...ENERGY_TAX_START] },
  CONVERSIONDIST: { fn: risk.conversionDistFn as Fn, required: 10, valid: [...beforeRisk(CONVERSION_ARGS, "CONVERSIONDIST"), ...RISK_ARGS, P10_P50_P90, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  CONVERSIONOPTION: { fn: risk.conversionOptionFn as Fn, required: 10, valid: [...beforeRisk(CONVERSION_ARGS, "CONVERSIONOPTION"), ...RISK_ARGS, P10_P50_P90, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED] },
  VOLATILITY: { fn: risk.volatilityFn as Fn, required: 2, valid: [[[90_000], [91_800], [90_882], [92_700]], 365] },
  BTCPERSHARE: { fn: treasury.btcPerShareFn as Fn, required: 2, valid: [447_470, 281_735_000] },
  BTCYIELD: { fn: treasury.btcYieldFn as Fn, required: 4, valid: STRATEGY_Q1_2025 },
  BTCGAIN: { fn: treasury.btcGainFn as Fn, required: 4, valid: STRATEGY_Q1_2025 },
  // 80 basic shares of the 100 diluted; no convertible_debt, which may not exceed debt (and debt may be left blank).
  MNAV: { fn: treasury.mnavFn as Fn, required: 4, valid: [50, 100, 2, 2000, 1000, 500, 200, "EV", 80, 0] },
  NAVPERSHARE: { fn: treasury.navPerShareFn as Fn, required: 3, valid: [2, 2000, 100, 1000, 500, 200, 80, 0] },
  LTV: { fn: treasury.ltvFn as Fn, required: 3, valid: [30e6, 500, 100_000] },
  LTVPRICE: { fn: treasury.ltvPriceFn as Fn, required: 3, valid: [30e6, 500, 0.75] },
  RUNWAYMONTHS: { fn: treasury.runwayMonthsFn as Fn, required: 2, valid: [10e6, 2e6, 100, 100_000, 0.2] },
  TREASURYCASHFLOWS: { fn: treasury.treasuryCashFlowsFn as Fn, required: 7, valid: TREASURY_ARGS },
  // The columns as single numbers (the fuzz tests scale and replace each argument): one month of
  // cash flow and one year's deduction; CFADS and debt service the same every month.
  DEPRECIATION: { fn: taxAndDebt.depreciationFn as Fn, required: 2, valid: [1e6, "MACRS7", 0.4, 7, 10] },
  AFTERTAXCASHFLOWS: { fn: taxAndDebt.afterTaxCashFlowsFn as Fn, required: 3, valid: [1e6, 4e5, 0.21, "NOL", 2e5, 1] },
  DEBTCAPACITY: { fn: taxAndDebt.debtCapacityFn as Fn, required: 4, valid: [7.7e6, 0.08, 120, 1.3, 6e8] },
  LOANSCHEDULE: { fn: taxAndDebt.loanScheduleFn as Fn, required: 3, valid: [5e8, 0.08, 120, 12, "STRAIGHT"] },
  EQUITYIRR: { fn: taxAndDebt.equityIrrFn as Fn, required: 4, valid: [6e6, 1e8, 6e7, 2e6] },
};

/** The functions whose arguments after the deterministic function's own are required although Excel's metadata shows them optional. */
export const AFTER_OPTIONAL: Record<string, number> = { MININGNPVDIST: 5, CONVERSIONDIST: 5, CONVERSIONOPTION: 5 };

/**
 * A two-column FROMTABLE table of a function's parameter names and an argument list's values; a
 * list argument (quantiles, values) takes its name on one row and its further values on rows with
 * no name, as a sheet would lay it out.
 */
export function tableOf(id: string, args: unknown[]): unknown[][] {
  const rows: unknown[][] = [];
  SIGNATURES[id as keyof typeof SIGNATURES].forEach((p, i) => {
    const v = args[i] ?? null;
    if (p.kind === "list" && Array.isArray(v)) {
      const cells = (v as unknown[][]).flat();
      cells.forEach((c, k) => rows.push([k === 0 ? p.name : null, c]));
    } else rows.push([p.name, v]);
  });
  return rows;
}


/** Two halls of 100 MW of critical IT, ready after 12 and 18 months (the catalog's example). */
export const TWO_HALLS = CATALOG_TWO_HALLS.rows as number[][];

/**
 * Further valid argument lists with switches, tables and the GPU-cloud column: what CALLS' single
 * lists leave at their defaults (the bundle test runs these too).
 */
export const GOOD_CALLS: [id: string, args: unknown[]][] = [
  ["MININGNPV", [...MINING_ARGS_V1, false, 0.1, 0.05, false]],
  ["MININGCASHFLOWS", [...MINING_ARGS_V1, 0, 0.1, 0.02, 1]],
  ["LEASENPV", [200, 150, 15, 0.1, 0.03, 9e6, 0.15, null, 0.07, 1, 1, TWO_HALLS]],
  ["LEASENPV", [null, 150, 15, 0.1, 0.03, 9e6, 0.15, "", 0, 0, 1, [...TWO_HALLS, [null, null]]]],
  ["LEASEIRR", [200, 150, 15, 0.03, 9e6, 0.15, null, 0.07, 1, 1, TWO_HALLS]],
  ["LEASECASHFLOWS", [200, 150, 15, 0.1, 0.03, 9e6, 0.15, null, 0.07, 1, 1, TWO_HALLS]],
  ["CONVERSIONVALUE", [...CONVERSION_ARGS_V1.slice(0, 20), null, 0.15, null, true, 0.1, 0.01, false, 0.07, 1, 1, TWO_HALLS, 0.08]],
  ["CONVERSIONBREAKEVEN", [...CONVERSION_ARGS_V1, false, 0.1, 0.01, true, 0.07, 1, 1, null, 0.08]],
  ["MWECONOMICS", [...CONVERSION_ARGS, 2.01, 1, 52_700, 1.8, 0.1]],
  ["PAYBACKMONTHS", [3500, 200, 17.5, 0.035, 91_000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0, 925_000]],
  ["ENERGYTAX", [876_000_000, [[0, 0], [2_250_000, 0.02], [5_000_000, 0.03], [null, null]]]],
  ["GPUCLOUDNPV", [...GPU_ARGS, 0.12, 0.1, 0.15, 4, 0.1, 6, 9e6]],
];

/** The streaming (live market data) functions, tested on their own: they take an invocation, not arguments alone. */
export const LIVE_FUNCTIONS = ["BTCPRICE", "DIFFICULTY", "HEIGHT", "NETWORK"];

/** The functions that answer once from the network (an async function): tested against the fake API on their own. */
export const FETCHED_FUNCTIONS = ["HISTORY"];

/** The dispatcher: runs any function in CALLS on named rows of tables (test/functions/fromtable.test.ts). */
export const TABLE_FUNCTION = "FROMTABLE";
