/**
 * Mining revenue: expected BTC earned per unit of hashrate, and hashprice.
 *
 * Expected blocks found by hashrate h [H/s] in one day = h × 86,400 / (difficulty × 2^32);
 * each pays subsidy + fees. Source: docs/sources.md#revenue-and-hashprice.
 */
import { Decimal, Num } from "./decimal";
import { SUBSIDY } from "./limits";
import { HASHES_PER_DIFFICULTY } from "./protocol";
import { difficultyAtLeastOne, nonNegative, positive, within } from "./validate";

const SECONDS_PER_DAY = new Decimal(86_400);
const HASHES_PER_TH = new Decimal("1e12");
const TH_PER_PH = new Decimal(1000);
/** 1e12 × 86,400 / 2^32, folded once: BTC per TH-day = this × reward / difficulty. */
export const TH_DAY_HASHES_OVER_2_32 = HASHES_PER_TH.mul(SECONDS_PER_DAY).div(HASHES_PER_DIFFICULTY);

/** Validated reward per block in BTC: subsidy (0..50) + fees (>= 0). */
export function rewardPerBlockBtc(feesBtcPerBlock: Num, subsidy: Num): Decimal {
  return within("subsidy", subsidy, SUBSIDY).add(nonNegative("fees_btc_per_block", feesBtcPerBlock));
}

/**
 * Expected BTC earned by 1 TH/s in one day, before pool fee.
 * @param difficulty network difficulty (>= 1)
 * @param feesBtcPerBlock average transaction fees per block, BTC
 * @param subsidy block subsidy, BTC: a quantity that changes with time, so always given
 *   (=MINER.SUBSIDY(height); 3.125 for blocks 840,000 to 1,049,999), never a default
 * @returns BTC per (TH/s · day)
 */
export function btcPerThDay(difficulty: Num, feesBtcPerBlock: Num, subsidy: Num): Decimal {
  const d = difficultyAtLeastOne("difficulty", difficulty);
  return TH_DAY_HASHES_OVER_2_32.mul(rewardPerBlockBtc(feesBtcPerBlock, subsidy)).div(d);
}

/**
 * Expected BTC per day: hashrate × 1e12 × 86,400 × (subsidy + fees) / (difficulty × 2^32).
 * @param hashrateThs hashrate in TH/s (>= 0)
 * @returns BTC per day
 */
export function btcPerDay(hashrateThs: Num, difficulty: Num, feesBtcPerBlock: Num, subsidy: Num): Decimal {
  const h = nonNegative("hashrate_ths", hashrateThs);
  return h.mul(btcPerThDay(difficulty, feesBtcPerBlock, subsidy));
}

/**
 * Hashprice: expected USD earned by 1 PH/s in one day (the industry's unit, as Luxor quotes it).
 * @param btcPrice USD per BTC (> 0)
 * @returns USD per (PH/s · day)
 */
export function hashpriceUsdPerPhDay(btcPrice: Num, difficulty: Num, feesBtcPerBlock: Num, subsidy: Num): Decimal {
  const p = positive("btc_price", btcPrice);
  return btcPerThDay(difficulty, feesBtcPerBlock, subsidy).mul(TH_PER_PH).mul(p);
}
