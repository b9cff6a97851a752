/* Excel adapters for costs per BTC, breakevens and payback. */
import { paybackMonths as calcPaybackMonths } from "../calc/costs";
// The per-cell formulas through their certified fast paths: the decimal path's doubles, faster.
import {
  allInCostPerBtcDouble,
  breakevenHashpriceDouble,
  breakevenPowerPriceDouble,
  cashCostPerBtcDouble,
  costPerBtcBreakdownDoubles,
} from "../calc/fast/per-cell";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { ExcelTable, excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The all-in inputs, read by the parameter list and named as the calc module names them. */
const allIn = (args: unknown[]) => read(SIGNATURES.ALLINCOSTPERBTC, args);

export function costPerBtc(...args: unknown[]): number {
  const params = SIGNATURES.COSTPERBTC;
  return excelNumber("COSTPERBTC", params, () => {
    const a = read(params, args);
    return cashCostPerBtcDouble(
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

export function allInCost(...args: unknown[]): number {
  return excelNumber("ALLINCOSTPERBTC", SIGNATURES.ALLINCOSTPERBTC, () => allInCostPerBtcDouble(allIn(args)));
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

export function costBreakdown(...args: unknown[]): ExcelTable {
  return excelMatrix("COSTBREAKDOWN", SIGNATURES.COSTBREAKDOWN, () => {
    const inputs = allIn(args);
    const c = costPerBtcBreakdownDoubles(inputs);
    const values = [c.power, c.energyTax, c.opex, c.sga, c.cash, c.depreciation, c.stockComp, c.allIn];
    // The table says which subsidy it assumed, so a reader of the sheet sees it beside the costs.
    const rows = [...values.map(toExcelNumber), inputs.subsidy];
    return [["Component", "USD per BTC"], ...BREAKDOWN_ROWS.map((label, i) => [label, rows[i]])];
  });
}

export function breakevenPrice(...args: unknown[]): number {
  return excelNumber("BREAKEVENPRICE", SIGNATURES.BREAKEVENPRICE, () => allInCostPerBtcDouble(allIn(args)));
}

export function breakevenPower(...args: unknown[]): number {
  const params = SIGNATURES.BREAKEVENPOWER;
  return excelNumber("BREAKEVENPOWER", params, () => {
    const a = read(params, args);
    return breakevenPowerPriceDouble(
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

export function breakevenHashprice(...args: unknown[]): number {
  const params = SIGNATURES.BREAKEVENHASHPRICE;
  return excelNumber("BREAKEVENHASHPRICE", params, () => breakevenHashpriceDouble(read(params, args)));
}

export function paybackMonths(...args: unknown[]): number {
  const params = SIGNATURES.PAYBACKMONTHS;
  return excelNumber("PAYBACKMONTHS", params, () => calcPaybackMonths(read(params, args)));
}
