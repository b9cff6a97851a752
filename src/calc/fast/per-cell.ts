/**
 * The per-cell formulas as doubles: the certified fast path when it proves its answer, else the
 * decimal path, rounded once. Each function takes the same arguments as its decimal
 * counterpart (named in its comment) and returns exactly that function's `toNumber()`, except
 * that a zero is always +0; it throws exactly what that function throws (the fast path declines
 * whenever the decimal path could throw, and the decimal path then runs and throws).
 */
import { Num } from "../decimal";
import {
  allInCostPerBtc,
  breakevenHashprice,
  breakevenPowerPrice,
  cashCostPerBtc,
  costPerBtcBreakdown,
  DEFAULT_MACHINE_LIFE_YEARS,
  MiningCostInputs,
} from "../costs";
import { btcPerDay, hashpriceUsdPerPhDay } from "../revenue";
import type { CostPerBtcDoubles } from "./mining-formulas";
import { resultDouble } from "./to-double";
import { fastPaths } from "./lazy";

export type { CostPerBtcDoubles } from "./mining-formulas";
export { resultDouble } from "./to-double";

const isNumber = (x: Num | undefined): x is number => typeof x === "number";

/** `cashCostPerBtc(...).toNumber()` (COSTPERBTC), USD per BTC. */
export function cashCostPerBtcDouble(
  power_price_kwh: Num,
  efficiency_j_th: Num,
  difficulty: Num,
  fees_btc_per_block: Num,
  pool_fee: Num,
  opex_usd_per_th_day: Num,
  subsidy: Num,
): number {
  const paths = fastPaths();
  if (
    paths &&
    isNumber(power_price_kwh) &&
    isNumber(efficiency_j_th) &&
    isNumber(difficulty) &&
    isNumber(fees_btc_per_block) &&
    isNumber(pool_fee) &&
    isNumber(opex_usd_per_th_day) &&
    isNumber(subsidy)
  ) {
    const fast = paths.cashCostFast(
      power_price_kwh,
      efficiency_j_th,
      difficulty,
      fees_btc_per_block,
      pool_fee,
      opex_usd_per_th_day,
      subsidy,
    );
    if (fast === fast) return fast;
  }
  return resultDouble(
    cashCostPerBtc(
      power_price_kwh,
      efficiency_j_th,
      difficulty,
      fees_btc_per_block,
      pool_fee,
      opex_usd_per_th_day,
      subsidy,
    ),
  );
}

/**
 * The all-in inputs as numbers with the decimal path's defaults, or undefined if one is not a
 * number. Difficulty and the subsidy have no default: BREAKEVENHASHPRICE, which uses neither,
 * passes 1 for both.
 */
function allInNumbers(
  i: Omit<MiningCostInputs, "difficulty" | "subsidy">,
  difficulty: Num,
  subsidy: Num,
): number[] | undefined {
  const v = [
    i.power_price_kwh,
    i.efficiency_j_th,
    difficulty,
    i.fees_btc_per_block ?? 0,
    i.pool_fee ?? 0,
    i.opex_usd_per_th_day ?? 0,
    i.machine_cost_usd_per_th ?? 0,
    i.machine_life_years ?? DEFAULT_MACHINE_LIFE_YEARS,
    i.sga_usd_per_th_day ?? 0,
    i.stock_comp_usd_per_th_day ?? 0,
    i.energy_tax_usd_per_kwh ?? 0,
    i.uptime ?? 1,
    subsidy,
  ];
  return v.every(isNumber) ? (v as number[]) : undefined;
}

/** `allInCostPerBtc(i).toNumber()` (ALLINCOSTPERBTC, BREAKEVENPRICE), USD per BTC. */
export function allInCostPerBtcDouble(i: MiningCostInputs): number {
  const paths = fastPaths();
  const v = paths && allInNumbers(i, i.difficulty, i.subsidy);
  if (paths && v) {
    const fast = paths.allInCostFast(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    if (fast === fast) return fast;
  }
  return resultDouble(allInCostPerBtc(i));
}

/** Each line of `costPerBtcBreakdown(i)` as its `toNumber()` (COSTBREAKDOWN), USD per BTC. */
export function costPerBtcBreakdownDoubles(i: MiningCostInputs): CostPerBtcDoubles {
  const paths = fastPaths();
  const v = paths && allInNumbers(i, i.difficulty, i.subsidy);
  const fast =
    paths && v && paths.breakdownFast(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
  if (fast) return fast;
  const c = costPerBtcBreakdown(i);
  return {
    power: resultDouble(c.power),
    energyTax: resultDouble(c.energyTax),
    opex: resultDouble(c.opex),
    sga: resultDouble(c.sga),
    depreciation: resultDouble(c.depreciation),
    stockComp: resultDouble(c.stockComp),
    cash: resultDouble(c.cash),
    allIn: resultDouble(c.allIn),
  };
}

/** `breakevenPowerPrice(...).toNumber()` (BREAKEVENPOWER), USD per kWh. */
export function breakevenPowerPriceDouble(
  btc_price: Num,
  efficiency_j_th: Num,
  difficulty: Num,
  fees_btc_per_block: Num,
  pool_fee: Num,
  opex_usd_per_th_day: Num,
  subsidy: Num,
): number {
  const paths = fastPaths();
  if (
    paths &&
    isNumber(btc_price) &&
    isNumber(efficiency_j_th) &&
    isNumber(difficulty) &&
    isNumber(fees_btc_per_block) &&
    isNumber(pool_fee) &&
    isNumber(opex_usd_per_th_day) &&
    isNumber(subsidy)
  ) {
    const fast = paths.breakevenPowerFast(
      btc_price,
      efficiency_j_th,
      difficulty,
      fees_btc_per_block,
      pool_fee,
      opex_usd_per_th_day,
      subsidy,
    );
    if (fast === fast) return fast;
  }
  return resultDouble(
    breakevenPowerPrice(
      btc_price,
      efficiency_j_th,
      difficulty,
      fees_btc_per_block,
      pool_fee,
      opex_usd_per_th_day,
      subsidy,
    ),
  );
}

/** `breakevenHashprice(i).toNumber()` (BREAKEVENHASHPRICE), USD per PH/s-day. */
export function breakevenHashpriceDouble(i: Omit<MiningCostInputs, "difficulty" | "subsidy">): number {
  const paths = fastPaths();
  const v = paths && allInNumbers(i, 1, 1);
  if (paths && v) {
    const fast = paths.breakevenHashpriceFast(v[0], v[1], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    if (fast === fast) return fast;
  }
  return resultDouble(breakevenHashprice(i));
}

/** `hashpriceUsdPerPhDay(...).toNumber()` (HASHPRICE), USD per PH/s-day. */
export function hashpriceUsdPerPhDayDouble(btcPrice: Num, difficulty: Num, feesBtcPerBlock: Num, subsidy: Num): number {
  const paths = fastPaths();
  if (paths && isNumber(btcPrice) && isNumber(difficulty) && isNumber(feesBtcPerBlock) && isNumber(subsidy)) {
    const fast = paths.hashpriceFast(btcPrice, difficulty, feesBtcPerBlock, subsidy);
    if (fast === fast) return fast;
  }
  return resultDouble(hashpriceUsdPerPhDay(btcPrice, difficulty, feesBtcPerBlock, subsidy));
}

/** `btcPerDay(...).toNumber()` (BTCPERDAY), BTC per day. */
export function btcPerDayDouble(hashrateThs: Num, difficulty: Num, feesBtcPerBlock: Num, subsidy: Num): number {
  const paths = fastPaths();
  if (paths && isNumber(hashrateThs) && isNumber(difficulty) && isNumber(feesBtcPerBlock) && isNumber(subsidy)) {
    const fast = paths.btcPerDayFast(hashrateThs, difficulty, feesBtcPerBlock, subsidy);
    if (fast === fast) return fast;
  }
  return resultDouble(btcPerDay(hashrateThs, difficulty, feesBtcPerBlock, subsidy));
}
