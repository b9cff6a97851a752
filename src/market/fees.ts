/**
 * Fees per block (mempool's mean over the last 144 blocks) have one provider, so no second one can
 * confirm them; yet they enter the hashprice beside the subsidy. A reading is not used when it is
 * above a ceiling no day has come near, or when it moved beyond a factor from the last good value
 * sooner than the 144-block window can have turned over. Then the last good value stays (marked
 * stale, and with it the hashprice made from it) and the banner says why.
 *
 * Plain float arithmetic: these are plausibility bands. Why these numbers: docs/live-data-checks.md.
 */
import { MarketSnapshot } from "./fields";
import { Reading } from "./providers/types";

/**
 * A 144-block mean above 12.5 BTC a block is refused: four times the subsidy of 3.125 BTC, and
 * about 1.5× the highest day on record, the fourth halving (20 April 2024), whose fees of about
 * $78 million came to some 8 BTC a block. Fees above the subsidy are extraordinary: then, fees stayed
 * high for some 200 blocks. The ceiling is in BTC, not a multiple of each era's subsidy: users
 * pay fees in BTC, and they do not halve with the subsidy.
 */
export const FEES_CEILING_BTC = 12.5;
/**
 * The mean changes only as blocks enter and leave its window, one about every 10 minutes, each by
 * a 144th of its fees: block 840,000's 37.7 BTC of fees (reported as the most valuable block yet) moved it by
 * 0.26 BTC. A move beyond ×3 (or ÷3) from the last good value is not used...
 */
export const FEES_MOVE_FACTOR = 3;
/**
 * A change of less than 0.1 BTC is always used, whatever the factor: it moves the hashprice by
 * less than 3.2% (0.1 of 3.125 + fees), about what the price may move unconfirmed (3%).
 */
export const FEES_MOVE_FLOOR_BTC = 0.1;
/**
 * ...while the last good value is less than 12 hours old: at twice the target rate (the height's
 * own check), 144 blocks take at least 12 hours, so until then the two windows share blocks.
 * After that, only the ceiling applies.
 */
export const FEES_WINDOW_MS = 12 * 3600_000;

const btc = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 4 })} BTC`;
const utcMinute = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";

/** Why a fees reading is not used (see the module's notes), or undefined when it may be. */
export function feesProblem(r: Reading, reference: MarketSnapshot | undefined, now: number): string | undefined {
  const fees = r.fields.fees_btc_per_block;
  if (fees === undefined) return undefined;
  const last = reference?.fields.fees_btc_per_block;
  const kept = last
    ? `; the last good ${btc(last.value)} (${utcMinute(last.asOf)}) is kept, and the hashprice made from it is marked stale`
    : "";
  if (fees > FEES_CEILING_BTC)
    return `fees per block ${btc(fees)} is above the plausible ${btc(FEES_CEILING_BTC)} (4 × the 3.125 BTC subsidy; the busiest day on record, the April 2024 halving, averaged about 8 BTC)${kept}`;
  if (!last || now - last.asOf >= FEES_WINDOW_MS) return undefined;
  const factor = Math.max(fees / last.value, last.value / fees);
  if (factor > FEES_MOVE_FACTOR && Math.abs(fees - last.value) >= FEES_MOVE_FLOOR_BTC)
    return `fees per block ${btc(fees)} is ${factor >= 10 ? Math.round(factor).toLocaleString("en-US") : factor.toFixed(1)}× ${fees > last.value ? "above" : "below"} the last good ${btc(last.value)} from less than 12 hours ago (a 144-block mean moves by a 144th of each new block's fees; more than ×${FEES_MOVE_FACTOR} and 0.1 BTC is not used: no second provider gives fees)${kept}`;
  return undefined;
}
