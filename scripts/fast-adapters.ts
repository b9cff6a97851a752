/*
 * The Excel adapters of COSTPERBTC, ALLINCOSTPERBTC, BREAKEVENPRICE, COSTBREAKDOWN, BREAKEVENPOWER,
 * BREAKEVENHASHPRICE, HASHPRICE and BTCPERDAY as they will read once they call the fast entry
 * points (src/calc/fast): the same argument reading, the double entry point instead of the decimal
 * function and toExcelNumber, and `excelDouble` for excel.ts's excelNumber. For the benchmarks
 * until src/functions adopts them.
 */
import { readArgs } from "../src/functions/args";
import { SIGNATURES } from "../src/functions/params";
import { toExcelError } from "../src/functions/excel";
import { BREAKDOWN_ROWS } from "../src/functions/costs";
import { MiningCostInputs, NoAnswerError } from "../src/calc";
import {
  allInCostPerBtcDouble,
  breakevenHashpriceDouble,
  breakevenPowerPriceDouble,
  btcPerDayDouble,
  cashCostPerBtcDouble,
  costPerBtcBreakdownDoubles,
  hashpriceUsdPerPhDayDouble,
} from "../src/calc/fast";
import "../src/functions/outside-office";

type Fn = (...args: unknown[]) => unknown;

type Params = (typeof SIGNATURES)[keyof typeof SIGNATURES];

/** As excel.ts's toExcelNumber, for a double: beyond a double's range is #NUM!, −0 is 0. */
function finiteNumber(n: number): number {
  if (!Number.isFinite(n)) throw new NoAnswerError("the result is beyond Excel's number range");
  return n === 0 ? 0 : n;
}

/** As excel.ts's excelNumber, for a calculation that returns a double. */
function excelDouble(fn: string, params: Params, calc: () => number): number {
  try {
    return finiteNumber(calc());
  } catch (e) {
    throw toExcelError(fn, e, params);
  }
}

const allIn = (args: unknown[]) => readArgs(SIGNATURES.ALLINCOSTPERBTC, args) as unknown as MiningCostInputs;

/** The adapters of src/functions/costs.ts and revenue.ts with the one-line change each: the fast entry points. */
export const FAST_ADAPTERS: Record<string, Fn> = {
  COSTPERBTC: (...args) =>
    excelDouble("COSTPERBTC", SIGNATURES.COSTPERBTC, () => {
      const a = readArgs(SIGNATURES.COSTPERBTC, args);
      return cashCostPerBtcDouble(
        a.power_price_kwh,
        a.efficiency_j_th,
        a.difficulty,
        a.fees_btc_per_block,
        a.pool_fee,
        a.opex_usd_per_th_day,
        a.subsidy,
      );
    }),
  ALLINCOSTPERBTC: (...args) =>
    excelDouble("ALLINCOSTPERBTC", SIGNATURES.ALLINCOSTPERBTC, () => allInCostPerBtcDouble(allIn(args))),
  BREAKEVENPRICE: (...args) =>
    excelDouble("BREAKEVENPRICE", SIGNATURES.BREAKEVENPRICE, () => allInCostPerBtcDouble(allIn(args))),
  COSTBREAKDOWN: (...args) => {
    try {
      const inputs = allIn(args);
      const c = costPerBtcBreakdownDoubles(inputs);
      const values = [c.power, c.energyTax, c.opex, c.sga, c.cash, c.depreciation, c.stockComp, c.allIn];
      const rows = [...values.map(finiteNumber), inputs.subsidy as number];
      return [["Component", "USD per BTC"], ...BREAKDOWN_ROWS.map((label, i) => [label, rows[i]])];
    } catch (e) {
      throw toExcelError("COSTBREAKDOWN", e, SIGNATURES.COSTBREAKDOWN);
    }
  },
  BREAKEVENPOWER: (...args) =>
    excelDouble("BREAKEVENPOWER", SIGNATURES.BREAKEVENPOWER, () => {
      const a = readArgs(SIGNATURES.BREAKEVENPOWER, args);
      return breakevenPowerPriceDouble(
        a.btc_price,
        a.efficiency_j_th,
        a.difficulty,
        a.fees_btc_per_block,
        a.pool_fee,
        a.opex_usd_per_th_day,
        a.subsidy,
      );
    }),
  BREAKEVENHASHPRICE: (...args) =>
    excelDouble("BREAKEVENHASHPRICE", SIGNATURES.BREAKEVENHASHPRICE, () =>
      breakevenHashpriceDouble(
        readArgs(SIGNATURES.BREAKEVENHASHPRICE, args) as unknown as Omit<MiningCostInputs, "difficulty">,
      ),
    ),
  HASHPRICE: (...args) =>
    excelDouble("HASHPRICE", SIGNATURES.HASHPRICE, () => {
      const a = readArgs(SIGNATURES.HASHPRICE, args);
      return hashpriceUsdPerPhDayDouble(a.btc_price, a.difficulty, a.fees_btc_per_block, a.subsidy);
    }),
  BTCPERDAY: (...args) =>
    excelDouble("BTCPERDAY", SIGNATURES.BTCPERDAY, () => {
      const a = readArgs(SIGNATURES.BTCPERDAY, args);
      return btcPerDayDouble(a.hashrate_ths, a.difficulty, a.fees_btc_per_block, a.subsidy);
    }),
};
