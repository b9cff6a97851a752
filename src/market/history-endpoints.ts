/**
 * mempool's history endpoints (mempool.space or a self-hosted instance), read strictly: shape,
 * types, plausible ranges, ordering and a bounded size, before anything is used. A failed check
 * throws FetchFailure("invalid") naming the endpoint and the entry. Shapes follow mempool's
 * backend (mining-routes.ts, DifficultyAdjustmentsRepository, HashratesRepository,
 * BlocksRepository.$getHistoricalBlockRewards, PricesRepository.$getHistoricalPrices); see
 * docs/sources.md#market-data and test/fixtures/api/README.md.
 */
import { at, parseJson, plausible, RANGES } from "./check";
import { FetchFailure } from "./http";

/** Intervals the mining endpoints accept (mempool also knows shorter ones, too short for history). */
export const HISTORY_INTERVALS = ["3m", "6m", "1y", "2y", "3y"] as const;
export type HistoryInterval = (typeof HISTORY_INTERVALS)[number];

/** The endpoints' paths for an interval (the price series is the whole history, whatever the interval). */
export function historyPaths(interval: HistoryInterval) {
  return {
    adjustments: `/api/v1/mining/difficulty-adjustments/${interval}`,
    hashrates: `/api/v1/mining/hashrate/${interval}`,
    rewards: `/api/v1/mining/blocks/rewards/${interval}`,
    prices: "/api/v1/historical-price?currency=USD",
  };
}

/** The genesis block's time, s: nothing in Bitcoin's history is older. */
const GENESIS_TIME = 1231006505;
/** Heights and times in the history, wide enough for the longest interval (3y) for decades. */
const HEIGHT_RANGE = [480_000, 10_000_000] as const;
/** The protocol clamps one retarget to ×¼..×4. */
const RETARGET_RATIO = [0.25, 4] as const;
/** Reward per block in sats: subsidy (≤ 50 BTC) + fees; above 100 BTC is a unit error. */
const REWARD_SATS_RANGE = [0, 100e8] as const;

/**
 * History's own body caps, bytes (the live endpoints keep http.ts's 1 MiB). The price series is
 * the whole history whatever the interval (hourly since 2022, weekly before: ~1.3 MB in 2026,
 * growing ~0.3 MB a year): 16 MiB leaves room for decades. The mining endpoints' longest interval
 * (3y) answers ~100 KB: 4 MiB. Read whole and parsed at once: even at the cap that is a fraction
 * of a second, so no streaming parse is needed.
 */
export const MAX_PRICE_BODY_BYTES = 16 << 20;
export const MAX_MINING_BODY_BYTES = 4 << 20;
/** Most entries read per endpoint. */
const MAX_ENTRIES = { adjustments: 5_000, hashrates: 10_000, rewards: 50_000, prices: 2_000_000 } as const;

/** A difficulty adjustment: at `height`, from `time` (s), `difficulty` = the previous × `ratio`. */
export interface DifficultyAdjustment {
  time: number;
  height: number;
  difficulty: number;
  /** New difficulty / old, as mempool rounds it (6 decimals). */
  ratio: number;
}

/** The network's mean hashrate over one UTC day. */
export interface HashrateDay {
  /** s since the epoch. */
  time: number;
  hashrateEhs: number;
}

/** Blocks mined in one time bucket: their mean height and mean reward (subsidy + fees). */
export interface RewardBucket {
  /** Mean block time of the bucket, s. */
  time: number;
  height: number;
  rewardSats: number;
}

/** One price of the series, USD per BTC at `time` (s). */
export interface PricePoint {
  time: number;
  usd: number;
}

function tooBig(body: string, max: number, what: string): void {
  if (body.length > max)
    throw new FetchFailure("invalid", `${what}: the response is ${body.length} characters, more than the ${max} read`);
}

function list(x: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(x)) throw new FetchFailure("invalid", `${what}: expected a list`);
  if (x.length === 0) throw new FetchFailure("invalid", `${what}: the list is empty`);
  if (x.length > max) throw new FetchFailure("invalid", `${what}: ${x.length} entries, more than the ${max} read`);
  return x;
}

function whole(x: unknown, what: string, min: number, max: number): number {
  const n = plausible(x, what, min, max);
  if (!Number.isInteger(n)) throw new FetchFailure("invalid", `${what}: ${n} is not a whole number`);
  return n;
}

/** A time in seconds, from the genesis block to two days after the caller's clock. */
function unixTime(x: unknown, what: string, nowMs: number): number {
  return whole(x, what, GENESIS_TIME, Math.floor(nowMs / 1000) + 2 * 86_400);
}

/**
 * /api/v1/mining/difficulty-adjustments/:interval: [[time s, height, difficulty, ratio], ...],
 * newest first. Returned oldest first; heights and times must strictly decrease. (Mainnet
 * retargets are at multiples of 2016 and each ratio is new/old rounded to 6 decimals, but the
 * project's recorded sample does not hold to either, so neither is required here.)
 */
export function parseDifficultyAdjustments(body: string, nowMs: number): DifficultyAdjustment[] {
  const what = "mempool difficulty-adjustments";
  tooBig(body, MAX_MINING_BODY_BYTES, what);
  const rows = list(parseJson(body, what), what, MAX_ENTRIES.adjustments).map((r, k): DifficultyAdjustment => {
    const w = `${what} entry ${k + 1}`;
    if (!Array.isArray(r) || r.length !== 4)
      throw new FetchFailure("invalid", `${w}: expected [time, height, difficulty, adjustment]`);
    return {
      time: unixTime(r[0], `${w} time`, nowMs),
      height: whole(r[1], `${w} height`, ...HEIGHT_RANGE),
      difficulty: plausible(r[2], `${w} difficulty`, ...RANGES.difficulty),
      ratio: plausible(r[3], `${w} adjustment`, ...RETARGET_RATIO),
    };
  });
  for (let k = 1; k < rows.length; k++) {
    const newer = rows[k - 1];
    const older = rows[k];
    if (!(older.height < newer.height && older.time < newer.time))
      throw new FetchFailure("invalid", `${what}: entries ${k} and ${k + 1} are not newest first`);
  }
  return rows.reverse();
}

/** /api/v1/mining/hashrate/:interval: { hashrates: [{ timestamp s, avgHashrate H/s }], ... }, one per day, oldest first. */
export function parseDailyHashrates(body: string, nowMs: number): HashrateDay[] {
  const what = "mempool hashrate";
  tooBig(body, MAX_MINING_BODY_BYTES, what);
  const json = parseJson(body, what);
  const rows = list(at(json, "hashrates"), `${what} hashrates`, MAX_ENTRIES.hashrates).map((r, k) => {
    const w = `${what} hashrates entry ${k + 1}`;
    return {
      time: unixTime(at(r, "timestamp"), `${w} timestamp`, nowMs),
      hashrateEhs:
        plausible(
          at(r, "avgHashrate"),
          `${w} avgHashrate`,
          RANGES.hashrateEhs[0] * 1e18,
          RANGES.hashrateEhs[1] * 1e18,
        ) / 1e18,
    };
  });
  for (let k = 1; k < rows.length; k++) {
    if (Math.floor(rows[k].time / 86_400) <= Math.floor(rows[k - 1].time / 86_400))
      throw new FetchFailure("invalid", `${what}: entries ${k} and ${k + 1} are not one a day, oldest first`);
  }
  return rows;
}

/**
 * /api/v1/mining/blocks/rewards/:interval: [{ avgHeight, timestamp s, avgRewards sats, USD }],
 * one per time bucket. mempool's query does not order them, so they are sorted by time here; two
 * buckets at one time are refused.
 */
export function parseRewardBuckets(body: string, nowMs: number): RewardBucket[] {
  const what = "mempool blocks/rewards";
  tooBig(body, MAX_MINING_BODY_BYTES, what);
  const rows = list(parseJson(body, what), what, MAX_ENTRIES.rewards).map((r, k): RewardBucket => {
    const w = `${what} entry ${k + 1}`;
    return {
      time: unixTime(at(r, "timestamp"), `${w} timestamp`, nowMs),
      height: whole(at(r, "avgHeight"), `${w} avgHeight`, ...HEIGHT_RANGE),
      rewardSats: plausible(at(r, "avgRewards"), `${w} avgRewards`, ...REWARD_SATS_RANGE),
    };
  });
  rows.sort((a, b) => a.time - b.time);
  for (let k = 1; k < rows.length; k++)
    if (rows[k].time === rows[k - 1].time) throw new FetchFailure("invalid", `${what}: two buckets at ${rows[k].time}`);
  return rows;
}

/**
 * /api/v1/historical-price?currency=USD: { prices: [{ time s, USD }], exchangeRates }, newest
 * first, the whole series. Returned oldest first, from `fromTime` (s) on: older entries are checked
 * for shape and order only (mempool's oldest weekly prices are not needed, nor held to today's
 * ranges); the ones kept must be plausible USD prices.
 */
export function parsePriceHistory(body: string, nowMs: number, fromTime: number): PricePoint[] {
  const what = "mempool historical-price";
  tooBig(body, MAX_PRICE_BODY_BYTES, what);
  const json = parseJson(body, what);
  const rows = list(at(json, "prices"), `${what} prices`, MAX_ENTRIES.prices);
  const kept: PricePoint[] = [];
  let newer = Infinity;
  for (let k = 0; k < rows.length; k++) {
    const w = `${what} entry ${k + 1}`;
    const time = unixTime(at(rows[k], "time"), `${w} time`, nowMs);
    if (time >= newer) throw new FetchFailure("invalid", `${what}: entries ${k} and ${k + 1} are not newest first`);
    newer = time;
    const usd = at(rows[k], "USD");
    if (time < fromTime) {
      if (typeof usd !== "number") throw new FetchFailure("invalid", `${w} USD: expected a number`);
      continue;
    }
    kept.push({ time, usd: plausible(usd, `${w} USD`, ...RANGES.priceUsd) });
  }
  return kept.reverse();
}
