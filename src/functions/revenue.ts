/* Excel adapters for mining revenue: BTC per day and hashprice. */
import { btcPerDay as calcBtcPerDay, hashpriceUsdPerPhDay } from "../calc/revenue";
import { readArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

// MINER.BTCPERDAY: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Expected BTC mined per day by a hashrate at a difficulty, before pool fee.
 * @customfunction BTCPERDAY
 * @param hashrate_ths Hashrate of the machine or fleet (TH/s; 0 or more; PAYBACKMONTHS needs more than 0).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @returns BTC per day.
 * @helpurl https://localhost:3000/help/BTCPERDAY.html
 */
export function btcPerDay(
  hashrate_ths: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
): number;
export function btcPerDay(...args: unknown[]): number {
  const params = SIGNATURES.BTCPERDAY;
  return excelNumber("BTCPERDAY", params, () => {
    const a = readArgs(params, args);
    return calcBtcPerDay(a.hashrate_ths, a.difficulty, a.fees_btc_per_block, a.subsidy);
  });
}

// MINER.HASHPRICE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Hashprice: the USD that 1 PH/s is expected to earn in one day at a BTC price and difficulty.
 * @customfunction HASHPRICE
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param subsidy_btc_per_block Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999 (BTC per block; 0 to 50).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @returns Hashprice in USD per PH/s per day.
 * @helpurl https://localhost:3000/help/HASHPRICE.html
 */
export function hashprice(
  btc_price: unknown,
  difficulty: unknown,
  subsidy_btc_per_block: unknown,
  fees_btc_per_block?: unknown,
): number;
export function hashprice(...args: unknown[]): number {
  const params = SIGNATURES.HASHPRICE;
  return excelNumber("HASHPRICE", params, () => {
    const a = readArgs(params, args);
    return hashpriceUsdPerPhDay(a.btc_price, a.difficulty, a.fees_btc_per_block, a.subsidy);
  });
}
