/**
 * mempool.space's REST API (or a self-hosted mempool instance: same paths). Shapes follow its
 * open-source backend; see test/fixtures/api/README.md.
 */
import { CURRENCIES, Currency } from "../fields";
import { at, parseJson, plausible, preview, RANGES } from "../check";
import { FetchFailure } from "../http";
import { hashrateMismatch } from "../guards";
import { Endpoint, reading } from "./types";
import { excelSerialFromMs } from "../excel-serial";

const P = "mempool";

/** /api/v1/prices: { time, USD, EUR, ... } */
export const prices: Endpoint = {
  provider: P,
  path: "/api/v1/prices",
  parse(body) {
    const json = parseJson(body, "mempool prices");
    const out: Partial<Record<Currency, number>> = {};
    for (const c of CURRENCIES) {
      const v = at(json, c);
      if (v === undefined && c !== "USD") continue;
      const [min, max] = c === "USD" ? RANGES.priceUsd : RANGES.priceOther;
      out[c] = plausible(v, `mempool prices ${c}`, min, max);
    }
    return reading({ prices: out });
  },
};

/** /api/blocks/tip/height: the height as plain text. */
export const tipHeight: Endpoint = {
  provider: P,
  path: "/api/blocks/tip/height",
  parse(body) {
    const text = body.trim();
    if (!/^\d+$/.test(text))
      throw new FetchFailure("invalid", `mempool tip height: expected a whole number, got ${preview(text)}`);
    return reading({ fields: { block_height: plausible(Number(text), "mempool tip height", ...RANGES.height) } });
  },
};

/**
 * /api/v1/mining/hashrate/3d: currentDifficulty and currentHashrate (H/s); 0 when the instance's
 * node is down. The two must agree (guards.ts HASHRATE_BAND), or the response is refused and the
 * difficulty comes from the fallback, with the hashrate derived from it.
 */
export const hashrate3d: Endpoint = {
  provider: P,
  path: "/api/v1/mining/hashrate/3d",
  parse(body) {
    const json = parseJson(body, "mempool hashrate");
    const difficulty = plausible(at(json, "currentDifficulty"), "mempool currentDifficulty", ...RANGES.difficulty);
    const hs = plausible(
      at(json, "currentHashrate"),
      "mempool currentHashrate",
      RANGES.hashrateEhs[0] * 1e18,
      RANGES.hashrateEhs[1] * 1e18,
    );
    const mismatch = hashrateMismatch(hs / 1e18, difficulty);
    if (mismatch) throw new FetchFailure("invalid", `mempool hashrate: ${mismatch}`);
    return reading({ fields: { difficulty, network_hashrate_ehs: hs / 1e18 } });
  },
};

/** /api/v1/mining/reward-stats/144: totals in satoshis (as strings) over the last 144 blocks. */
export const rewardStats: Endpoint = {
  provider: P,
  path: "/api/v1/mining/reward-stats/144",
  parse(body) {
    const json = parseJson(body, "mempool reward stats");
    const start = plausible(at(json, "startBlock"), "mempool reward stats startBlock", ...RANGES.height);
    const end = plausible(at(json, "endBlock"), "mempool reward stats endBlock", ...RANGES.height);
    const blocks = end - start + 1;
    if (!Number.isInteger(start) || !Number.isInteger(end) || blocks < 1 || blocks > 1000) {
      throw new FetchFailure("invalid", `mempool reward stats: block range ${start}–${end} is not a window of blocks`);
    }
    const totalFeeSats = plausible(at(json, "totalFee"), "mempool reward stats totalFee", 0, 50 * 1e8 * blocks, true);
    const fees = totalFeeSats / blocks / 1e8;
    return reading({ fields: { fees_btc_per_block: plausible(fees, "fees per block", ...RANGES.feesBtcPerBlock) } });
  },
};

/** /api/v1/difficulty-adjustment: the next retarget (times in ms; difficultyChange in percent). */
export const difficultyAdjustment: Endpoint = {
  provider: P,
  path: "/api/v1/difficulty-adjustment",
  parse(body) {
    const json = parseJson(body, "mempool difficulty adjustment");
    const height = plausible(at(json, "nextRetargetHeight"), "mempool nextRetargetHeight", ...RANGES.height);
    if (height % 2016 !== 0)
      throw new FetchFailure("invalid", `mempool nextRetargetHeight ${height} is not a multiple of 2016`);
    const blocks = plausible(at(json, "remainingBlocks"), "mempool remainingBlocks", 0, 2016);
    const change =
      plausible(
        at(json, "difficultyChange"),
        "mempool difficultyChange",
        RANGES.retargetChange[0] * 100,
        RANGES.retargetChange[1] * 100,
      ) / 100;
    const dateMs = plausible(
      at(json, "estimatedRetargetDate"),
      "mempool estimatedRetargetDate",
      Date.UTC(2020, 0, 1),
      Date.UTC(2200, 0, 1),
    );
    const timeAvgMs = plausible(at(json, "timeAvg"), "mempool timeAvg", 60_000, 3_600_000);
    return reading({
      fields: {
        next_retarget_height: height,
        next_retarget_blocks: blocks,
        next_retarget_change: change,
        next_retarget_date: excelSerialFromMs(dateMs),
      },
      meanBlockSeconds: timeAvgMs / 1000,
    });
  },
};

export { excelSerialFromMs };

export const MEMPOOL_ENDPOINTS = { prices, tipHeight, hashrate3d, rewardStats, difficultyAdjustment };
