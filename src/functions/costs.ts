/* Excel adapters for costs per BTC, breakevens and payback. */
import {
  allInCostPerBtc,
  breakevenHashprice as calcBreakevenHashprice,
  breakevenPowerPrice,
  cashCostPerBtc,
  costPerBtcBreakdown,
  MiningCostInputs,
  PaybackInputs,
  paybackMonths as calcPaybackMonths,
} from "../calc/costs";
import { readArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The all-in inputs, read by the parameter list and named as the calc module names them. */
const allIn = (args: unknown[]): MiningCostInputs =>
  readArgs(SIGNATURES.ALLINCOSTPERBTC, args) as unknown as MiningCostInputs;

// MINER.COSTPERBTC: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Cash cost in USD per BTC earned: power and other opex per TH-day divided by the BTC one TH-day earns after pool fee.
 * @customfunction COSTPERBTC
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @returns Cash cost in USD per BTC.
 * @helpurl https://localhost:3000/help/COSTPERBTC.html
 */
export function costPerBtc(
  power_price_kwh: unknown,
  wall_efficiency_j_th: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
): number;
export function costPerBtc(...args: unknown[]): number {
  const params = SIGNATURES.COSTPERBTC;
  return excelNumber("COSTPERBTC", params, () => {
    const a = readArgs(params, args);
    return cashCostPerBtc(
      a.power_price_kwh,
      a.efficiency_j_th,
      a.difficulty,
      a.fees_btc_per_block,
      a.pool_fee,
      a.opex_usd_per_th_day,
      a.subsidy,
    );
  });
}

// MINER.ALLINCOSTPERBTC: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * All-in cost in USD per BTC earned: cash costs plus straight-line machine depreciation and stock-based compensation.
 * @customfunction ALLINCOSTPERBTC
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine price, depreciated straight-line over machine_life_years (USD per TH/s; 0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of the machines (years; greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A (USD per TH/s per day; 0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation (USD per TH/s per day; 0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @returns All-in cost in USD per BTC.
 * @helpurl https://localhost:3000/help/ALLINCOSTPERBTC.html
 */
export function allInCost(
  power_price_kwh: unknown,
  wall_efficiency_j_th: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): number;
export function allInCost(...args: unknown[]): number {
  return excelNumber("ALLINCOSTPERBTC", SIGNATURES.ALLINCOSTPERBTC, () => allInCostPerBtc(allIn(args)));
}

/** Labels of COSTBREAKDOWN's rows, after its header. */
export const BREAKDOWN_ROWS = [
  "Power",
  "Energy tax",
  "Other cash opex",
  "SG&A",
  "Cash cost (subtotal)",
  "Depreciation",
  "Stock-based compensation",
  "All-in cost (total)",
  "Subsidy assumed (BTC per block)",
];

// MINER.COSTBREAKDOWN: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Cost per BTC by component as a two-column table, from power to all-in cost, with the subsidy it assumed; the lines add up to the totals.
 * @customfunction COSTBREAKDOWN
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine price, depreciated straight-line over machine_life_years (USD per TH/s; 0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of the machines (years; greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A (USD per TH/s per day; 0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation (USD per TH/s per day; 0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @returns A 10-row, 2-column table: component, USD per BTC; the last row is the subsidy assumed, in BTC per block.
 * @helpurl https://localhost:3000/help/COSTBREAKDOWN.html
 */
export function costBreakdown(
  power_price_kwh: unknown,
  wall_efficiency_j_th: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): any[][];
export function costBreakdown(...args: unknown[]): any[][] {
  return excelMatrix("COSTBREAKDOWN", SIGNATURES.COSTBREAKDOWN, () => {
    const inputs = allIn(args);
    const c = costPerBtcBreakdown(inputs);
    const values = [c.power, c.energyTax, c.opex, c.sga, c.cash, c.depreciation, c.stockComp, c.allIn];
    // The table says which subsidy it assumed, so a reader of the sheet sees it beside the costs.
    const rows = [...values.map(toExcelNumber), inputs.subsidy as number];
    return [["Component", "USD per BTC"], ...BREAKDOWN_ROWS.map((label, i) => [label, rows[i]])];
  });
}

// MINER.BREAKEVENPRICE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC price in USD at which the margin on the costs given is zero: give power and opex only for the cash breakeven.
 * @customfunction BREAKEVENPRICE
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine price, depreciated straight-line over machine_life_years (USD per TH/s; 0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of the machines (years; greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A (USD per TH/s per day; 0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation (USD per TH/s per day; 0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @returns Breakeven BTC price in USD.
 * @helpurl https://localhost:3000/help/BREAKEVENPRICE.html
 */
export function breakevenPrice(
  power_price_kwh: unknown,
  wall_efficiency_j_th: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): number;
export function breakevenPrice(...args: unknown[]): number {
  return excelNumber("BREAKEVENPRICE", SIGNATURES.BREAKEVENPRICE, () => allInCostPerBtc(allIn(args)));
}

// MINER.BREAKEVENPOWER: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Power price in USD per kWh at which the cash margin of mining is zero.
 * @customfunction BREAKEVENPOWER
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @returns Breakeven power price in USD per kWh.
 * @helpurl https://localhost:3000/help/BREAKEVENPOWER.html
 */
export function breakevenPower(
  btc_price: unknown,
  wall_efficiency_j_th: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
): number;
export function breakevenPower(...args: unknown[]): number {
  const params = SIGNATURES.BREAKEVENPOWER;
  return excelNumber("BREAKEVENPOWER", params, () => {
    const a = readArgs(params, args);
    return breakevenPowerPrice(
      a.btc_price,
      a.efficiency_j_th,
      a.difficulty,
      a.fees_btc_per_block,
      a.pool_fee,
      a.opex_usd_per_th_day,
      a.subsidy,
    );
  });
}

// MINER.BREAKEVENHASHPRICE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Hashprice in USD per PH/s per day at which the margin on the costs given is zero; compare it with HASHPRICE.
 * @customfunction BREAKEVENHASHPRICE
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine price, depreciated straight-line over machine_life_years (USD per TH/s; 0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of the machines (years; greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A (USD per TH/s per day; 0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation (USD per TH/s per day; 0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @returns Breakeven hashprice in USD per PH/s per day.
 * @helpurl https://localhost:3000/help/BREAKEVENHASHPRICE.html
 */
export function breakevenHashprice(
  power_price_kwh: unknown,
  wall_efficiency_j_th: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): number;
export function breakevenHashprice(...args: unknown[]): number {
  const params = SIGNATURES.BREAKEVENHASHPRICE;
  return excelNumber("BREAKEVENHASHPRICE", params, () =>
    calcBreakevenHashprice(readArgs(params, args) as unknown as Omit<MiningCostInputs, "difficulty">),
  );
}

// MINER.PAYBACKMONTHS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Months until a machine's cumulative cash margin repays its price, with difficulty growing monthly and price, fees and subsidy flat.
 * @customfunction PAYBACKMONTHS
 * @param machine_cost_usd Price of the machine (USD; 0 or more).
 * @param hashrate_ths Hashrate of the machine or fleet (TH/s; 0 or more; PAYBACKMONTHS needs more than 0).
 * @param wall_efficiency_j_th Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE (J/TH; greater than 0).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost: maintenance, hosting, site staff (USD per TH/s per day; 0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [start_height] Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @returns Payback in months.
 * @helpurl https://localhost:3000/help/PAYBACKMONTHS.html
 */
export function paybackMonths(
  machine_cost_usd: unknown,
  hashrate_ths: unknown,
  wall_efficiency_j_th: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  start_height?: unknown,
): number;
export function paybackMonths(...args: unknown[]): number {
  const params = SIGNATURES.PAYBACKMONTHS;
  return excelNumber("PAYBACKMONTHS", params, () =>
    calcPaybackMonths(readArgs(params, args) as unknown as PaybackInputs),
  );
}
