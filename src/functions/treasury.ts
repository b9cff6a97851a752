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
  MnavInputs,
  navPerShare,
  NavPerShareInputs,
  runwayMonths,
  RunwayInputs,
} from "../calc/treasury-metrics";
import { TREASURY_COLUMNS, treasuryCashFlows, TreasuryMonth, TreasuryPlan } from "../calc/treasury-schedule";
import { readArgs } from "./args";
import { readInputs } from "./kinds";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

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

// MINER.BTCPERSHARE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC per share: the treasury asset held divided by assumed diluted shares, as Strategy defines it; any asset (ETH for Bitmine).
 * @customfunction BTCPERSHARE
 * @param btc Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule (BTC; 0 or more).
 * @param shares Share count: assumed diluted shares, as Strategy defines them (shares; greater than 0).
 * @returns Asset units per share (BTC per share; × 100,000,000 for sats per share).
 * @helpurl https://localhost:3000/help/BTCPERSHARE.html
 */
export function btcPerShareFn(btc: unknown, shares: unknown): number;
export function btcPerShareFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCPERSHARE;
  return excelNumber("BTCPERSHARE", params, () => {
    const a = readArgs(params, args);
    return btcPerShare(a.btc, a.shares);
  });
}

// MINER.BTCYIELD: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC Yield: the change in BTC per share over a period, (btc_end / shares_end) / (btc_start / shares_start) − 1, as Strategy defines it.
 * @customfunction BTCYIELD
 * @param btc_start Treasury asset held at the start of the period (BTC; 0 or more; 0 has no yield (#NUM!)).
 * @param shares_start Assumed diluted shares at the start of the period (shares; greater than 0).
 * @param btc_end Treasury asset held at the end of the period (BTC; 0 or more).
 * @param shares_end Assumed diluted shares at the end of the period (shares; greater than 0).
 * @returns A rate (0.1097 = 10.97%); negative when shares grew faster than the asset.
 * @helpurl https://localhost:3000/help/BTCYIELD.html
 */
export function btcYieldFn(btc_start: unknown, shares_start: unknown, btc_end: unknown, shares_end: unknown): number;
export function btcYieldFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCYIELD;
  return excelNumber("BTCYIELD", params, () => {
    const a = readArgs(params, args);
    return btcYield(a.btc_start, a.shares_start, a.btc_end, a.shares_end);
  });
}

// MINER.BTCGAIN: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC Gain: btc_start × BTC Yield, the BTC a period added for the holders of the starting shares, as Strategy defines it.
 * @customfunction BTCGAIN
 * @param btc_start Treasury asset held at the start of the period (BTC; 0 or more; 0 has no yield (#NUM!)).
 * @param shares_start Assumed diluted shares at the start of the period (shares; greater than 0).
 * @param btc_end Treasury asset held at the end of the period (BTC; 0 or more).
 * @param shares_end Assumed diluted shares at the end of the period (shares; greater than 0).
 * @returns Asset units (BTC); negative when BTC per share fell.
 * @helpurl https://localhost:3000/help/BTCGAIN.html
 */
export function btcGainFn(btc_start: unknown, shares_start: unknown, btc_end: unknown, shares_end: unknown): number;
export function btcGainFn(...args: unknown[]): number {
  const params = SIGNATURES.BTCGAIN;
  return excelNumber("BTCGAIN", params, () => {
    const a = readArgs(params, args);
    return btcGain(a.btc_start, a.shares_start, a.btc_end, a.shares_end);
  });
}

// MINER.MNAV: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * mNAV: the market's value of a treasury company over its Bitcoin NAV (btc × btc_price), on enterprise value (default) or market cap.
 * @customfunction MNAV
 * @param share_price Share price (USD per share; greater than 0).
 * @param shares Share count: assumed diluted shares, as Strategy defines them (shares; greater than 0).
 * @param btc Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule (BTC; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param [debt] Debt principal outstanding (USD; 0 or more). Default 0.
 * @param [preferred] Preferred stock at its notional (liquidation) value (USD; 0 or more). Default 0.
 * @param [cash] Cash held (at the start of a schedule) (USD; 0 or more). Default 0.
 * @param [basis] mNAV's numerator: "EV" enterprise value (Strategy since mid-2025) or "MCAP" market capitalisation (text; "EV" or "MCAP", any case). Default "EV".
 * @returns A multiple (1.5 = valued at 1.5 times its BTC).
 * @helpurl https://localhost:3000/help/MNAV.html
 */
export function mnavFn(
  share_price: unknown,
  shares: unknown,
  btc: unknown,
  btc_price: unknown,
  debt?: unknown,
  preferred?: unknown,
  cash?: unknown,
  basis?: unknown,
): number;
export function mnavFn(...args: unknown[]): number {
  const params = SIGNATURES.MNAV;
  return excelNumber("MNAV", params, () => mnav(readInputs(params, args) as unknown as MnavInputs));
}

// MINER.NAVPERSHARE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * NAV per share: the treasury asset at its price plus cash, less debt and preferred, per share; negative when they exceed the assets.
 * @customfunction NAVPERSHARE
 * @param btc Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule (BTC; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param shares Share count: assumed diluted shares, as Strategy defines them (shares; greater than 0).
 * @param [debt] Debt principal outstanding (USD; 0 or more). Default 0.
 * @param [preferred] Preferred stock at its notional (liquidation) value (USD; 0 or more). Default 0.
 * @param [cash] Cash held (at the start of a schedule) (USD; 0 or more). Default 0.
 * @returns USD per share.
 * @helpurl https://localhost:3000/help/NAVPERSHARE.html
 */
export function navPerShareFn(
  btc: unknown,
  btc_price: unknown,
  shares: unknown,
  debt?: unknown,
  preferred?: unknown,
  cash?: unknown,
): number;
export function navPerShareFn(...args: unknown[]): number {
  const params = SIGNATURES.NAVPERSHARE;
  return excelNumber("NAVPERSHARE", params, () => navPerShare(readArgs(params, args) as unknown as NavPerShareInputs));
}

// MINER.LTV: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Loan-to-value of a BTC-backed loan: the loan over the collateral's value at a BTC price.
 * @customfunction LTV
 * @param loan Principal of the BTC-backed loan (USD; 0 or more).
 * @param collateral_btc BTC (or the held asset) pledged as the loan's collateral (BTC; greater than 0).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @returns A fraction (0.6 = 60%); above 1 when the loan exceeds the collateral's value.
 * @helpurl https://localhost:3000/help/LTV.html
 */
export function ltvFn(loan: unknown, collateral_btc: unknown, btc_price: unknown): number;
export function ltvFn(...args: unknown[]): number {
  const params = SIGNATURES.LTV;
  return excelNumber("LTV", params, () => {
    const a = readArgs(params, args);
    return ltv(a.loan, a.collateral_btc, a.btc_price);
  });
}

// MINER.LTVPRICE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * BTC price at which a BTC-backed loan's loan-to-value reaches a threshold: with 0.75 the margin-call price, with 0.85 the liquidation price.
 * @customfunction LTVPRICE
 * @param loan Principal of the BTC-backed loan (USD; 0 or more).
 * @param collateral_btc BTC (or the held asset) pledged as the loan's collateral (BTC; greater than 0).
 * @param ltv Loan-to-value threshold: 0.75 margin call, 0.85 liquidation (market convention, not contract terms) (fraction; greater than 0, at most 1).
 * @returns BTC price in USD.
 * @helpurl https://localhost:3000/help/LTVPRICE.html
 */
export function ltvPriceFn(loan: unknown, collateral_btc: unknown, ltv: unknown): number;
export function ltvPriceFn(...args: unknown[]): number {
  const params = SIGNATURES.LTVPRICE;
  return excelNumber("LTVPRICE", params, () => {
    const a = readArgs(params, args);
    return ltvPrice(a.loan, a.collateral_btc, a.ltv);
  });
}

// MINER.RUNWAYMONTHS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Months that cash, and the treasury asset sold at its price less a haircut, cover a constant monthly burn.
 * @customfunction RUNWAYMONTHS
 * @param cash Cash held (at the start of a schedule) (USD; 0 or more).
 * @param monthly_burn Net cash spent a month: costs, interest, dividends and capex less non-BTC income (USD per month; greater than 0; 0 or less is #NUM!).
 * @param [btc] Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule (BTC; 0 or more). Default 0.
 * @param [btc_price] BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS). Default 0.
 * @param [haircut] Discount a forced sale of the asset takes (fraction; 0 up to but not 1, 0.2 = 20%). Default 0.
 * @returns Months (7.5 = seven and a half months).
 * @helpurl https://localhost:3000/help/RUNWAYMONTHS.html
 */
export function runwayMonthsFn(
  cash: unknown,
  monthly_burn: unknown,
  btc?: unknown,
  btc_price?: unknown,
  haircut?: unknown,
): number;
export function runwayMonthsFn(...args: unknown[]): number {
  const params = SIGNATURES.RUNWAYMONTHS;
  return excelNumber("RUNWAYMONTHS", params, () => runwayMonths(readArgs(params, args) as unknown as RunwayInputs));
}

// MINER.TREASURYCASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * The treasury month by month under a selling policy: BTC mined, sold and held, cash in, out and held, forced sales and insolvency.
 * @customfunction TREASURYCASHFLOWS
 * @param cash Cash held (at the start of a schedule) (USD; 0 or more).
 * @param btc Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule (BTC; 0 or more).
 * @param months Months to schedule or simulate (months; a whole number from 1 to 1200).
 * @param btc_mined Asset received each month, e.g. MININGCASHFLOWS' BTC mined (BTC per month; 0 or more). Or a column, one value per month.
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS). Or a column, one value per month.
 * @param cash_costs Cash paid each month for operations and capex (USD per month; 0 or more). Or a column, one value per month.
 * @param policy HOLD sells only to keep min_cash; SELLALL sells all mined BTC; SELLPCT sells sell_fraction of it (text; "HOLD", "SELLALL" or "SELLPCT", any case).
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [other_income] Other cash received a month, e.g. LEASECASHFLOWS' net cash flow (USD per month; any; negative is paid). Or a column, one value per month. Default 0.
 * @param [debt_service] Interest and principal paid each month (USD per month; 0 or more). Or a column, one value per month. Default 0.
 * @param [sell_fraction] Share of each month's mined BTC that SELLPCT sells (fraction; 0 to 1, 0.5 = 50%). Default 0.
 * @param [min_cash] Cash floor the policy sells BTC to keep (USD; 0 or more). Default 0.
 * @returns A 10-column table under a header row, one row per month from 1: month, BTC price, BTC mined, BTC sold, BTC held, cash in, cash out, cash, BTC sold beyond policy (forced), insolvent (1 = yes).
 * @helpurl https://localhost:3000/help/TREASURYCASHFLOWS.html
 */
export function treasuryCashFlowsFn(
  cash: unknown,
  btc: unknown,
  months: unknown,
  btc_mined: any[][],
  btc_price: any[][],
  cash_costs: any[][],
  policy: unknown,
  btc_price_growth_monthly?: unknown,
  other_income?: any[][],
  debt_service?: any[][],
  sell_fraction?: unknown,
  min_cash?: unknown,
): any[][];
export function treasuryCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.TREASURYCASHFLOWS;
  return excelMatrix("TREASURYCASHFLOWS", params, () => {
    const plan = readInputs(params, args) as unknown as TreasuryPlan;
    return [TREASURY_SCHEDULE_HEADER, ...treasuryCashFlows(plan).map(treasuryRow)];
  });
}
