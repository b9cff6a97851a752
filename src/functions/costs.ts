/* Excel adapters for costs per BTC, breakevens and payback. */
import {
  allInCostPerBtc,
  breakevenHashprice as calcBreakevenHashprice,
  breakevenPowerPrice,
  cashCostPerBtc,
  costPerBtcBreakdown,
  DEFAULT_MACHINE_LIFE_YEARS,
  MiningCostInputs,
  paybackMonths as calcPaybackMonths,
} from "../calc/costs";
import { CURRENT_SUBSIDY_BTC } from "../calc/revenue";
import { excelMatrix, excelNumber, optionalNumber, requiredNumber, toExcelNumber } from "./excel";

/** The overheads shared by the all-in family, read from Excel arguments (omitted = default). */
function overheadArgs(
  pool_fee: unknown,
  opex_usd_per_th_day: unknown,
  machine_cost_usd_per_th: unknown,
  machine_life_years: unknown,
  sga_usd_per_th_day: unknown,
  stock_comp_usd_per_th_day: unknown,
  energy_tax_usd_per_kwh: unknown,
  uptime: unknown,
) {
  return {
    pool_fee: optionalNumber("pool_fee", pool_fee, 0),
    opex_usd_per_th_day: optionalNumber("opex_usd_per_th_day", opex_usd_per_th_day, 0),
    machine_cost_usd_per_th: optionalNumber("machine_cost_usd_per_th", machine_cost_usd_per_th, 0),
    machine_life_years: optionalNumber("machine_life_years", machine_life_years, DEFAULT_MACHINE_LIFE_YEARS),
    sga_usd_per_th_day: optionalNumber("sga_usd_per_th_day", sga_usd_per_th_day, 0),
    stock_comp_usd_per_th_day: optionalNumber("stock_comp_usd_per_th_day", stock_comp_usd_per_th_day, 0),
    energy_tax_usd_per_kwh: optionalNumber("energy_tax_usd_per_kwh", energy_tax_usd_per_kwh, 0),
    uptime: optionalNumber("uptime", uptime, 1),
  };
}

/** The thirteen arguments of ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE, in their public order. */
function allInArgs(args: unknown[]): MiningCostInputs {
  const [power, efficiency, difficulty, fees, poolFee, opex, machineCost, life, sga, stockComp, tax, uptime, subsidy] =
    args;
  return {
    power_price_kwh: requiredNumber("power_price_kwh", power),
    efficiency_j_th: requiredNumber("efficiency_j_th", efficiency),
    difficulty: requiredNumber("difficulty", difficulty),
    fees_btc_per_block: optionalNumber("fees_btc_per_block", fees, 0),
    ...overheadArgs(poolFee, opex, machineCost, life, sga, stockComp, tax, uptime),
    subsidy: optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
  };
}

/**
 * Cash cost per BTC earned: (power per TH-day + opex per TH-day) / (BTC per TH-day × (1 − pool fee)); power per TH-day = efficiency × 24 / 1000 kWh × power price.
 * @customfunction COSTPERBTC
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.045.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0; include cooling overhead). Example: 17.5.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1; 0.02 = 2%). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Cash cost in USD per BTC.
 * @helpurl https://localhost:3000/help/COSTPERBTC.html
 */
export function costPerBtc(
  power_price_kwh: unknown,
  efficiency_j_th: unknown,
  difficulty: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  subsidy?: unknown,
): number {
  return excelNumber("COSTPERBTC", () =>
    cashCostPerBtc(
      requiredNumber("power_price_kwh", power_price_kwh),
      requiredNumber("efficiency_j_th", efficiency_j_th),
      requiredNumber("difficulty", difficulty),
      optionalNumber("fees_btc_per_block", fees_btc_per_block, 0),
      optionalNumber("pool_fee", pool_fee, 0),
      optionalNumber("opex_usd_per_th_day", opex_usd_per_th_day, 0),
      optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
    ),
  );
}

/**
 * All-in cost per BTC earned: power, energy tax, other opex and SG&A (the cash cost) plus straight-line machine depreciation and stock-based compensation, each per installed TH/s per day, divided by BTC earned per TH/s per day after uptime and pool fee.
 * @customfunction ALLINCOSTPERBTC
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0). Example: 20.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
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
  power_price_kwh: unknown,
  efficiency_j_th: unknown,
  difficulty: unknown,
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
  const args = [
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
  return excelNumber("ALLINCOSTPERBTC", () => allInCostPerBtc(allInArgs(args)));
}

/**
 * The cost per BTC split into its parts, as a two-column table with a header row: power, energy tax, other opex, SG&A, cash cost (subtotal), depreciation, stock-based compensation, all-in cost (total). Same arguments as ALLINCOSTPERBTC.
 * @customfunction COSTBREAKDOWN
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0). Example: 20.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns A 9-row, 2-column array: component, USD per BTC.
 * @helpurl https://localhost:3000/help/COSTBREAKDOWN.html
 */
export function costBreakdown(
  power_price_kwh: unknown,
  efficiency_j_th: unknown,
  difficulty: unknown,
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
  const args = [
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
    const c = costPerBtcBreakdown(allInArgs(args));
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
 * BTC price at which the margin on the costs given is zero: pass power and opex only for the cash breakeven, add depreciation, SG&A and stock pay for the all-in breakeven. Same arguments as ALLINCOSTPERBTC.
 * @customfunction BREAKEVENPRICE
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0). Example: 20.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Breakeven BTC price in USD.
 * @helpurl https://localhost:3000/help/BREAKEVENPRICE.html
 */
export function breakevenPrice(
  power_price_kwh: unknown,
  efficiency_j_th: unknown,
  difficulty: unknown,
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
  const args = [
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
  return excelNumber("BREAKEVENPRICE", () => allInCostPerBtc(allInArgs(args)));
}

/**
 * Power price at which the cash margin is zero: (BTC per TH-day × (1 − pool fee) × price − opex per TH-day) / (efficiency × 24 / 1000). #NUM! when opex alone exceeds revenue.
 * @customfunction BREAKEVENPOWER
 * @param btc_price BTC price in USD (greater than 0). Example: 91000.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0). Example: 17.5.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Breakeven power price in USD per kWh.
 * @helpurl https://localhost:3000/help/BREAKEVENPOWER.html
 */
export function breakevenPower(
  btc_price: unknown,
  efficiency_j_th: unknown,
  difficulty: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  subsidy?: unknown,
): number {
  return excelNumber("BREAKEVENPOWER", () =>
    breakevenPowerPrice(
      requiredNumber("btc_price", btc_price),
      requiredNumber("efficiency_j_th", efficiency_j_th),
      requiredNumber("difficulty", difficulty),
      optionalNumber("fees_btc_per_block", fees_btc_per_block, 0),
      optionalNumber("pool_fee", pool_fee, 0),
      optionalNumber("opex_usd_per_th_day", opex_usd_per_th_day, 0),
      optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
    ),
  );
}

/**
 * Hashprice at which the margin on the costs given is zero, independent of difficulty and BTC price: costs per TH/s per day / (uptime × (1 − pool fee)) × 1000. Compare it with HASHPRICE.
 * @customfunction BREAKEVENHASHPRICE
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param efficiency_j_th Fleet efficiency at the wall in J/TH (greater than 0). Example: 17.5.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [machine_cost_usd_per_th] Machine purchase price in USD per TH/s (0 or more). Default 0.
 * @param [machine_life_years] Depreciation life of machines in years (greater than 0). Default 4.
 * @param [sga_usd_per_th_day] Cash SG&A in USD per TH/s per day (0 or more). Default 0.
 * @param [stock_comp_usd_per_th_day] Stock-based compensation in USD per TH/s per day (0 or more). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power in USD per kWh (0 or more). Default 0.
 * @param [uptime] Share of time the fleet hashes, as a fraction (0 to 1). Default 1.
 * @returns Breakeven hashprice in USD per PH/s per day.
 * @helpurl https://localhost:3000/help/BREAKEVENHASHPRICE.html
 */
export function breakevenHashprice(
  power_price_kwh: unknown,
  efficiency_j_th: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  machine_cost_usd_per_th?: unknown,
  machine_life_years?: unknown,
  sga_usd_per_th_day?: unknown,
  stock_comp_usd_per_th_day?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  uptime?: unknown,
): number {
  return excelNumber("BREAKEVENHASHPRICE", () =>
    calcBreakevenHashprice({
      power_price_kwh: requiredNumber("power_price_kwh", power_price_kwh),
      efficiency_j_th: requiredNumber("efficiency_j_th", efficiency_j_th),
      ...overheadArgs(
        pool_fee,
        opex_usd_per_th_day,
        machine_cost_usd_per_th,
        machine_life_years,
        sga_usd_per_th_day,
        stock_comp_usd_per_th_day,
        energy_tax_usd_per_kwh,
        uptime,
      ),
    }),
  );
}

/**
 * Months until a machine's cumulative cash margin (revenue after pool fee, less power and opex) repays its price, with difficulty growing monthly and price, fees and subsidy held flat; a month is 365/12 days. #NUM! when it never pays back (or not within 100 years).
 * @customfunction PAYBACKMONTHS
 * @param machine_cost_usd Machine price in USD (0 or more). Example: 3500.
 * @param hashrate_ths Machine hashrate in TH/s (greater than 0). Example: 200.
 * @param efficiency_j_th Machine efficiency at the wall in J/TH (greater than 0). Example: 17.5.
 * @param power_price_kwh Power price in USD per kWh (0 or more). Example: 0.05.
 * @param btc_price BTC price in USD (greater than 0). Example: 91000.
 * @param difficulty Network difficulty now, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [pool_fee] Pool fee as a fraction (0 to 1). Default 0.
 * @param [opex_usd_per_th_day] Other cash operating cost in USD per TH/s per day (0 or more). Default 0.
 * @param [uptime] Share of time the machine hashes, as a fraction (0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month as a rate (greater than -1; 0.02 = 2%). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Payback in months.
 * @helpurl https://localhost:3000/help/PAYBACKMONTHS.html
 */
export function paybackMonths(
  machine_cost_usd: unknown,
  hashrate_ths: unknown,
  efficiency_j_th: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  opex_usd_per_th_day?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  subsidy?: unknown,
): number {
  return excelNumber("PAYBACKMONTHS", () =>
    calcPaybackMonths({
      machine_cost_usd: requiredNumber("machine_cost_usd", machine_cost_usd),
      hashrate_ths: requiredNumber("hashrate_ths", hashrate_ths),
      efficiency_j_th: requiredNumber("efficiency_j_th", efficiency_j_th),
      power_price_kwh: requiredNumber("power_price_kwh", power_price_kwh),
      btc_price: requiredNumber("btc_price", btc_price),
      difficulty: requiredNumber("difficulty", difficulty),
      fees_btc_per_block: optionalNumber("fees_btc_per_block", fees_btc_per_block, 0),
      pool_fee: optionalNumber("pool_fee", pool_fee, 0),
      opex_usd_per_th_day: optionalNumber("opex_usd_per_th_day", opex_usd_per_th_day, 0),
      uptime: optionalNumber("uptime", uptime, 1),
      difficulty_growth_monthly: optionalNumber("difficulty_growth_monthly", difficulty_growth_monthly, 0),
      subsidy: optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
    }),
  );
}
