/*
 * For the benchmark only: the adapters of COSTPERBTC, ALLINCOSTPERBTC, BREAKEVENPRICE,
 * COSTBREAKDOWN, BREAKEVENPOWER, BREAKEVENHASHPRICE, HASHPRICE and BTCPERDAY as they read before
 * they called the certified fast paths: the same argument reading and error mapping, the decimal
 * calc function and toNumber(). `npm run bench` times the shipped adapters against these (what
 * the fast paths save) and against the float twins.
 */
import { read } from "../src/functions/read";
import { SIGNATURES } from "../src/functions/params";
import { excelMatrix, excelNumber, toExcelNumber } from "../src/functions/excel";
import { BREAKDOWN_ROWS } from "../src/functions/costs";
import {
  allInCostPerBtc,
  breakevenHashprice,
  breakevenPowerPrice,
  btcPerDay,
  cashCostPerBtc,
  costPerBtcBreakdown,
  hashpriceUsdPerPhDay,
} from "../src/calc";
import "../src/functions/outside-office";

type Fn = (...args: unknown[]) => unknown;

/** Decimal → double through decimal.js's own toNumber(), as before the fast conversion. */
const viaString = (x: { toNumber(): number }) => ({ toNumber: () => x.toNumber() });
const allIn = (args: unknown[]) => read(SIGNATURES.ALLINCOSTPERBTC, args);

export const DECIMAL_ADAPTERS: Record<string, Fn> = {
  COSTPERBTC: (...args) =>
    excelNumber("COSTPERBTC", SIGNATURES.COSTPERBTC, () => {
      const a = read(SIGNATURES.COSTPERBTC, args);
      return viaString(
        cashCostPerBtc(
          a.power_price_kwh,
          a.efficiency_j_th,
          a.difficulty,
          a.fees_btc_per_block,
          a.pool_fee,
          a.opex_usd_per_th_day,
          a.subsidy,
        ),
      );
    }),
  ALLINCOSTPERBTC: (...args) =>
    excelNumber("ALLINCOSTPERBTC", SIGNATURES.ALLINCOSTPERBTC, () => viaString(allInCostPerBtc(allIn(args)))),
  BREAKEVENPRICE: (...args) =>
    excelNumber("BREAKEVENPRICE", SIGNATURES.BREAKEVENPRICE, () => viaString(allInCostPerBtc(allIn(args)))),
  COSTBREAKDOWN: (...args) =>
    excelMatrix("COSTBREAKDOWN", SIGNATURES.COSTBREAKDOWN, () => {
      const inputs = allIn(args);
      const c = costPerBtcBreakdown(inputs);
      const values = [c.power, c.energyTax, c.opex, c.sga, c.cash, c.depreciation, c.stockComp, c.allIn];
      const rows = [...values.map((v) => toExcelNumber(viaString(v))), inputs.subsidy];
      return [["Component", "USD per BTC"], ...BREAKDOWN_ROWS.map((label, i) => [label, rows[i]])];
    }),
  BREAKEVENPOWER: (...args) =>
    excelNumber("BREAKEVENPOWER", SIGNATURES.BREAKEVENPOWER, () => {
      const a = read(SIGNATURES.BREAKEVENPOWER, args);
      return viaString(
        breakevenPowerPrice(
          a.btc_price,
          a.efficiency_j_th,
          a.difficulty,
          a.fees_btc_per_block,
          a.pool_fee,
          a.opex_usd_per_th_day,
          a.subsidy,
        ),
      );
    }),
  BREAKEVENHASHPRICE: (...args) =>
    excelNumber("BREAKEVENHASHPRICE", SIGNATURES.BREAKEVENHASHPRICE, () =>
      viaString(breakevenHashprice(read(SIGNATURES.BREAKEVENHASHPRICE, args))),
    ),
  HASHPRICE: (...args) =>
    excelNumber("HASHPRICE", SIGNATURES.HASHPRICE, () => {
      const a = read(SIGNATURES.HASHPRICE, args);
      return viaString(hashpriceUsdPerPhDay(a.btc_price, a.difficulty, a.fees_btc_per_block, a.subsidy));
    }),
  BTCPERDAY: (...args) =>
    excelNumber("BTCPERDAY", SIGNATURES.BTCPERDAY, () => {
      const a = read(SIGNATURES.BTCPERDAY, args);
      return viaString(btcPerDay(a.hashrate_ths, a.difficulty, a.fees_btc_per_block, a.subsidy));
    }),
};
