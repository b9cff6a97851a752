/* Excel adapters for mining revenue: BTC per day and hashprice. */
import { btcPerDay as calcBtcPerDay, CURRENT_SUBSIDY_BTC, hashpriceUsdPerPhDay } from "../calc/revenue";
import { excelNumber, optionalNumber, requiredNumber } from "./excel";

/**
 * Expected BTC mined per day: hashrate × 1e12 × 86,400 × (subsidy + fees) / (difficulty × 2^32), before pool fee. Example: =MINER.BTCPERDAY(200, 1.5E14, 0.036) returns 0.0000847846.
 * @customfunction BTCPERDAY
 * @param hashrate_ths Hashrate in TH/s (0 or more). Example: 200 for one Antminer S21.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.5e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125, the subsidy since the April 2024 halving.
 * @returns BTC per day.
 * @helpurl https://localhost:3000/help/BTCPERDAY.html
 */
export function btcPerDay(
  hashrate_ths: unknown,
  difficulty: unknown,
  fees_btc_per_block?: unknown,
  subsidy?: unknown,
): number {
  return excelNumber("BTCPERDAY", () =>
    calcBtcPerDay(
      requiredNumber("hashrate_ths", hashrate_ths),
      requiredNumber("difficulty", difficulty),
      optionalNumber("fees_btc_per_block", fees_btc_per_block, 0),
      optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
    ),
  );
}

/**
 * Hashprice: expected USD earned by 1 PH/s in one day = (subsidy + fees) × price × 86,400 × 1e15 / (difficulty × 2^32). Example: =MINER.HASHPRICE(91000, 1.52E14, 0.036) returns 38.07.
 * @customfunction HASHPRICE
 * @param btc_price BTC price in USD (greater than 0). Example: 91000.
 * @param difficulty Network difficulty, dimensionless (greater than 0). Example: 1.52e14.
 * @param [fees_btc_per_block] Average transaction fees per block in BTC (0 or more). Default 0.
 * @param [subsidy] Block subsidy in BTC (0 to 50). Default 3.125.
 * @returns Hashprice in USD per PH/s per day.
 * @helpurl https://localhost:3000/help/HASHPRICE.html
 */
export function hashprice(
  btc_price: unknown,
  difficulty: unknown,
  fees_btc_per_block?: unknown,
  subsidy?: unknown,
): number {
  return excelNumber("HASHPRICE", () =>
    hashpriceUsdPerPhDay(
      requiredNumber("btc_price", btc_price),
      requiredNumber("difficulty", difficulty),
      optionalNumber("fees_btc_per_block", fees_btc_per_block, 0),
      optionalNumber("subsidy", subsidy, CURRENT_SUBSIDY_BTC),
    ),
  );
}
