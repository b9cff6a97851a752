/*
 * Excel adapters for the balance sheet: treasury (DAT) metrics as the market defines them, BTC-backed
 * loans, runway, and the month-by-month treasury under a selling policy. The held asset need not
 * be BTC (ETH for Bitmine): "btc" is an amount of it, "btc_price" its price.
 */
import {
  btcGain,
  btcPerShare,
  btcYield,
  ltv,
  ltvPrice,
  mnav,
  navPerShare,
  runwayMonths,
} from "../calc/treasury-metrics";
import { TREASURY_COLUMNS, treasuryCashFlows, TreasuryMonth } from "../calc/treasury-schedule";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { ExcelTable, excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** Column headings of TREASURYCASHFLOWS, in the calc module's column order (TREASURY_COLUMNS). */
export const TREASURY_SCHEDULE_HEADER = [
  "Month",
  "BTC price (USD)",
  "BTC mined",
  "BTC sold",
  "BTC held",
  "Cash in (USD)",
  "Cash out (USD)",
  "Cash (USD)",
  "BTC sold beyond policy (forced)",
  "Insolvent (1 = yes)",
];

/** One month as Excel numbers: the insolvent flag as 1 or 0. */
function treasuryRow(m: TreasuryMonth): number[] {
  return TREASURY_COLUMNS.map((k) => {
    const v = m[k];
    return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : toExcelNumber(v);
  });
}

export function btcPerShareFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCPERSHARE;
  return excelNumber("BTCPERSHARE", params, () => {
    const a = read(params, args);
    return btcPerShare(a.btc, a.shares);
  });
}

export function btcYieldFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCYIELD;
  return excelNumber("BTCYIELD", params, () => {
    const a = read(params, args);
    return btcYield(a.btc_start, a.shares_start, a.btc_end, a.shares_end);
  });
}

export function btcGainFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCGAIN;
  return excelNumber("BTCGAIN", params, () => {
    const a = read(params, args);
    return btcGain(a.btc_start, a.shares_start, a.btc_end, a.shares_end);
  });
}

export function mnavFn(...args: unknown[]): number {
  const params = SIGNATURES.MNAV;
  return excelNumber("MNAV", params, () => mnav(read(params, args)));
}

export function navPerShareFn(...args: unknown[]): number {
  const params = SIGNATURES.NAVPERSHARE;
  return excelNumber("NAVPERSHARE", params, () => navPerShare(read(params, args)));
}

export function ltvFn(...args: unknown[]): number {
  const params = SIGNATURES.LTV;
  return excelNumber("LTV", params, () => {
    const a = read(params, args);
    return ltv(a.loan, a.collateral_btc, a.btc_price);
  });
}

export function ltvPriceFn(...args: unknown[]): number {
  const params = SIGNATURES.LTVPRICE;
  return excelNumber("LTVPRICE", params, () => {
    const a = read(params, args);
    return ltvPrice(a.loan, a.collateral_btc, a.ltv);
  });
}

export function runwayMonthsFn(...args: unknown[]): number {
  const params = SIGNATURES.RUNWAYMONTHS;
  return excelNumber("RUNWAYMONTHS", params, () => runwayMonths(read(params, args)));
}

export function treasuryCashFlowsFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.TREASURYCASHFLOWS;
  return excelMatrix("TREASURYCASHFLOWS", params, () => {
    return [TREASURY_SCHEDULE_HEADER, ...treasuryCashFlows(read(params, args)).map(treasuryRow)];
  });
}
