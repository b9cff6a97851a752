/* Excel adapters for costs per BTC, breakevens and payback. Each also takes an assumptions table. */
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
import { readArgs } from "./assumptions";
import {
  ALL_IN_PARAMS,
  BREAKEVEN_HASHPRICE_PARAMS,
  BREAKEVEN_POWER_PARAMS,
  CASH_COST_PARAMS,
  PAYBACK_PARAMS,
} from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The numbers read are named as the calc module names its inputs. */
const allIn = (raw: unknown[]): MiningCostInputs => readArgs(ALL_IN_PARAMS, raw) as unknown as MiningCostInputs;

/**
 * Cash cost per BTC earned: (power per TH-day + opex per TH-day) / (BTC per TH-day × (1 − pool fee)); power per TH-day = efficiency × 24 / 1000 kWh × power price. #NUM! when no BTC is earned (subsidy and fees both 0, or pool_fee 1). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.COSTPERBTC(0.05, 17.5, 1.5E14, 0.036, 0.02) returns 50548.25.
 * @customfunction COSTPERBTC
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Cash cost in USD per BTC.
 * @helpurl https://localhost:3000/help/COSTPERBTC.html
 */
export function costPerBtc(
  power_price_kwh: any[][],
  efficiency_j_th?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  subsidy?: unknown,
): number {
  const raw = [
    power_price_kwh,
    efficiency_j_th,
    difficulty,
    fees_btc_per_block,
    pool_fee,
    opex_usd_per_th_day,
    subsidy,
  ];
  return excelNumber("COSTPERBTC", () => {
    const a = readArgs(CASH_COST_PARAMS, raw);
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

/**
 * All-in cost per BTC earned: power, energy tax, other opex and SG&A (the cash cost) plus straight-line machine depreciation and stock-based compensation, each per installed TH/s per day, divided by BTC earned per TH/s per day after uptime and pool fee. #NUM! when no BTC is earned (subsidy and fees both 0, uptime 0 or pool_fee 1). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.ALLINCOSTPERBTC(0.05, 20, 1.5E14, 0.036, 0.02, 0.003, 20, 4, 0.004, 0.0093) returns 129977.91.
 * @customfunction ALLINCOSTPERBTC
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more), depreciated straight-line. Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more), e.g. 0.05 for New York's proposed top band. Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns All-in cost in USD per BTC.
 * @helpurl https://localhost:3000/help/ALLINCOSTPERBTC.html
 */
export function allInCost(
  power_price_kwh: any[][],
  efficiency_j_th?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
  subsidy?: unknown,
): number {
  const raw = [
    power_price_kwh,
    efficiency_j_th,
    difficulty,
    fees_btc_per_block,
    pool_fee,
    opex_usd_per_th_day,
    machine_cost_usd_per_th,
    machine_life_years,
    sga_usd_per_th_day,
    stock_comp_usd_per_th_day,
    energy_tax_usd_per_kwh,
    uptime,
    subsidy,
  ];
  return excelNumber("ALLINCOSTPERBTC", () => allInCostPerBtc(allIn(raw)));
}

/**
 * The cost per BTC split into its parts, as a two-column table with a header row: power, energy tax, other opex, SG&A, cash cost (subtotal), depreciation, stock-based compensation, all-in cost (total). Same arguments as ALLINCOSTPERBTC. #NUM! when no BTC is earned (subsidy and fees both 0, uptime 0 or pool_fee 1). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.COSTBREAKDOWN(0.05, 20, 1.5E14, 0.036, 0.02, 0.003, 20, 4, 0.004, 0.0093) returns a 9×2 table.
 * @customfunction COSTBREAKDOWN
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more), depreciated straight-line. Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more), e.g. 0.05 for New York's proposed top band. Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns A 9-row, 2-column array: component, USD per BTC.
 * @helpurl https://localhost:3000/help/COSTBREAKDOWN.html
 */
export function costBreakdown(
  power_price_kwh: any[][],
  efficiency_j_th?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
  subsidy?: unknown,
): any[][] {
  const raw = [
    power_price_kwh,
    efficiency_j_th,
    difficulty,
    fees_btc_per_block,
    pool_fee,
    opex_usd_per_th_day,
    machine_cost_usd_per_th,
    machine_life_years,
    sga_usd_per_th_day,
    stock_comp_usd_per_th_day,
    energy_tax_usd_per_kwh,
    uptime,
    subsidy,
  ];
  return excelMatrix("COSTBREAKDOWN", () => {
    const c = costPerBtcBreakdown(allIn(raw));
    return [
      ["Component", "USD per BTC"],
      ["Power", toExcelNumber(c.power)],
      ["Energy tax", toExcelNumber(c.energyTax)],
      ["Other cash opex", toExcelNumber(c.opex)],
      ["SG&A", toExcelNumber(c.sga)],
      ["Cash cost (subtotal)", toExcelNumber(c.cash)],
      ["Depreciation", toExcelNumber(c.depreciation)],
      ["Stock-based compensation", toExcelNumber(c.stockComp)],
      ["All-in cost (total)", toExcelNumber(c.allIn)],
    ];
  });
}

/**
 * BTC price at which the margin on the costs given is zero: pass power and opex only for the cash breakeven, add depreciation, SG&A and stock pay for the all-in breakeven. Same arguments as ALLINCOSTPERBTC. #NUM! when no BTC is earned (subsidy and fees both 0, uptime 0 or pool_fee 1). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.BREAKEVENPRICE(0.05, 20, 1.5E14, 0.036, 0.02, 0.003) returns 64990.60.
 * @customfunction BREAKEVENPRICE
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more), depreciated straight-line. Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more), e.g. 0.05 for New York's proposed top band. Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Breakeven BTC price in USD.
 * @helpurl https://localhost:3000/help/BREAKEVENPRICE.html
 */
export function breakevenPrice(
  power_price_kwh: any[][],
  efficiency_j_th?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
  subsidy?: unknown,
): number {
  const raw = [
    power_price_kwh,
    efficiency_j_th,
    difficulty,
    fees_btc_per_block,
    pool_fee,
    opex_usd_per_th_day,
    machine_cost_usd_per_th,
    machine_life_years,
    sga_usd_per_th_day,
    stock_comp_usd_per_th_day,
    energy_tax_usd_per_kwh,
    uptime,
    subsidy,
  ];
  return excelNumber("BREAKEVENPRICE", () => allInCostPerBtc(allIn(raw)));
}

/**
 * Power price at which the cash margin is zero: (BTC per TH-day × (1 − pool fee) × price − opex per TH-day) / (efficiency × 24 / 1000). #NUM! when opex alone exceeds revenue. Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.BREAKEVENPOWER(91000, 17.5, 1.52E14, 0.036, 0.02) returns 0.0888.
 * @customfunction BREAKEVENPOWER
 * @param btc_price BTC price in USD (greater than 0). Example: 91000.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Breakeven power price in USD per kWh.
 * @helpurl https://localhost:3000/help/BREAKEVENPOWER.html
 */
export function breakevenPower(
  btc_price: any[][],
  efficiency_j_th?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  subsidy?: unknown,
): number {
  const raw = [btc_price, efficiency_j_th, difficulty, fees_btc_per_block, pool_fee, opex_usd_per_th_day, subsidy];
  return excelNumber("BREAKEVENPOWER", () => {
    const a = readArgs(BREAKEVEN_POWER_PARAMS, raw);
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

/**
 * Hashprice at which the margin on the costs given is zero, independent of difficulty and BTC price: costs per TH/s per day / (uptime × (1 − pool fee)) × 1000. Compare it with HASHPRICE. #NUM! when nothing is earned (uptime 0 or pool_fee 1). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.BREAKEVENHASHPRICE(0.05, 17.5, 0.02) returns 21.43.
 * @customfunction BREAKEVENHASHPRICE
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more), depreciated straight-line. Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more), e.g. 0.05 for New York's proposed top band. Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @returns Breakeven hashprice in USD per PH/s per day.
 * @helpurl https://localhost:3000/help/BREAKEVENHASHPRICE.html
 */
export function breakevenHashprice(
  power_price_kwh: any[][],
  efficiency_j_th?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): number {
  const raw = [
    power_price_kwh,
    efficiency_j_th,
    pool_fee,
    opex_usd_per_th_day,
    machine_cost_usd_per_th,
    machine_life_years,
    sga_usd_per_th_day,
    stock_comp_usd_per_th_day,
    energy_tax_usd_per_kwh,
    uptime,
  ];
  return excelNumber("BREAKEVENHASHPRICE", () =>
    calcBreakevenHashprice(
      readArgs(BREAKEVEN_HASHPRICE_PARAMS, raw) as unknown as Omit<MiningCostInputs, "difficulty">,
    ),
  );
}

/**
 * Months until a machine's cumulative cash margin (revenue after pool fee, less power and opex) repays its price, with difficulty growing monthly and price, fees and subsidy held flat; a month is 365/12 days. #NUM! when it never pays back (or not within 100 years). Its first argument may instead be a two-column range of names and values holding all the arguments. Example: =MINER.PAYBACKMONTHS(3500, 200, 17.5, 0.035, 91000, 1.52E14, 0.036, 0.02) returns 25.45.
 * @customfunction PAYBACKMONTHS
 * @param machine_cost_usd Machine price in USD (0 or more). Example: 3500.
 * @param [hashrate_ths] Machine hashrate in TH/s (greater than 0). Required. Example: 200.
 * @param [efficiency_j_th] Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Required. Example: 17.5.
 * @param [power_price_kwh] Power price in USD per kWh (0 or more). Required. Example: 0.05.
 * @param [btc_price] BTC price in USD (greater than 0). Required. Example: 91000.
 * @param [difficulty] Network difficulty, dimensionless (greater than 0). Required. Example: 1.5E14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Payback in months.
 * @helpurl https://localhost:3000/help/PAYBACKMONTHS.html
 */
export function paybackMonths(
  machine_cost_usd: any[][],
  hashrate_ths?: unknown,
  efficiency_j_th?: unknown,
  power_price_kwh?: unknown,
  btc_price?: unknown,
  difficulty?: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  subsidy?: unknown,
): number {
  const raw = [
    machine_cost_usd,
    hashrate_ths,
    efficiency_j_th,
    power_price_kwh,
    btc_price,
    difficulty,
    fees_btc_per_block,
    pool_fee,
    opex_usd_per_th_day,
    uptime,
    difficulty_growth_monthly,
    subsidy,
  ];
  return excelNumber("PAYBACKMONTHS", () =>
    calcPaybackMonths(readArgs(PAYBACK_PARAMS, raw) as unknown as PaybackInputs),
  );
}
