/* Excel adapters for mining revenue: BTC per day and hashprice. */
// Through their certified fast paths: the decimal path's doubles, faster.
import { btcPerDayDouble, hashpriceUsdPerPhDayDouble } from "../calc/fast/per-cell";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

export function btcPerDay(...args: unknown[]): number {
  const params = SIGNATURES.BTCPERDAY;
  return excelNumber("BTCPERDAY", params, () => {
    const a = read(params, args);
    return btcPerDayDouble(a.hashrate_ths, a.difficulty, a.fees_btc_per_block, a.subsidy);
  });
}

export function hashprice(...args: unknown[]): number {
  const params = SIGNATURES.HASHPRICE;
  return excelNumber("HASHPRICE", params, () => {
    const a = read(params, args);
    return hashpriceUsdPerPhDayDouble(a.btc_price, a.difficulty, a.fees_btc_per_block, a.subsidy);
  });
}
