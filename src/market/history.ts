/**
 * Network history from mempool, one request per endpoint (shared and kept a while by
 * history-store.ts), joined into one row per UTC day: date, height, difficulty, hashrate, BTC
 * price, fees per block and hashprice, each row with its source and as-of; plus the realised
 * monthly difficulty growth and annual price volatility, as inputs for the risk functions. Written
 * for a sheet writer: `historyTable` is a header row then the rows, blanks as "". A failed or
 * implausible response anywhere yields no rows and a reason, so nothing half-fetched is ever
 * written.
 *
 * How a row is made (day = the UTC day of a daily hashrate point, at that point's time T, 00:00 UTC
 * in mempool's series):
 *   hashrate    the day's mean network hashrate (hashrate/:interval), EH/s
 *   difficulty  the difficulty in force at T: the latest adjustment at or before T
 *               (difficulty-adjustments/:interval); blank before the interval's first adjustment
 *   height      mean height of the day's reward buckets (blocks/rewards/:interval), rounded
 *   reward R    the mean of the day's buckets' mean reward per block: subsidy and fees as mined
 *   fees        R − MINER.SUBSIDY(height), BTC; blank if the day's buckets span a halving
 *   price       the last price at or before T and less than a day older (historical-price), USD
 *   hashprice   MINER.HASHPRICE(price, difficulty, MINER.SUBSIDY(height), fees), USD/PH/day, which
 *               is price × 86,400 × 10^15 × R / (difficulty × 2^32); on a halving day, R as mined
 *               (blocks before the halving at the old subsidy, after it at the new)
 * Derived, reproducible from the rows:
 *   difficulty growth a month = (D_last / D_first)^((365/12) / days between them) − 1
 *   price volatility a year   = MINER.VOLATILITY(prices of the latest run of consecutive days, 365)
 *                               (daily closes every calendar day, as BTC trades: √365)
 */
import { Decimal } from "../calc/decimal";
import { subsidyBtc } from "../calc/protocol";
import { hashpriceUsdPerPhDay } from "../calc/revenue";
import { volatility } from "../calc/volatility";
import { HttpDeps, HttpPolicy } from "./http";
import {
  DifficultyAdjustment,
  HashrateDay,
  HISTORY_INTERVALS,
  HistoryInterval,
  historyPaths,
  PricePoint,
  RewardBucket,
} from "./history-endpoints";
import { HISTORY_POLICY, HistoryKind, HistoryStore, providerName } from "./history-store";
import { DerivedValue, History, HistoryRow } from "./history-table";
import { derivedProblem, seriesProblem } from "./history-series";

export { HISTORY_INTERVALS } from "./history-endpoints";
export { HISTORY_COLUMNS, historyTable } from "./history-table";
export type { DerivedValue, History, HistoryRow } from "./history-table";
export type { HistoryInterval } from "./history-endpoints";
export { historyPaths } from "./history-endpoints";
export { HISTORY_POLICY } from "./history-store";

const DAY_S = 86_400;
/** Excel's serial of 1970-01-01 (the 1900 date system). */
export const EPOCH_SERIAL = 25_569;
/** The fewest consecutive daily returns a volatility is offered from. */
export const MIN_VOLATILITY_DAYS = 30;
/** The shortest span a monthly difficulty growth is offered from, days. */
export const MIN_GROWTH_DAYS = 28;

export type HistoryResult = { ok: true; history: History } | { ok: false; reason: string };

/** The four responses, parsed. */
export interface HistoryResponses {
  adjustments: DifficultyAdjustment[];
  hashrates: HashrateDay[];
  rewards: RewardBucket[];
  prices: PricePoint[];
}

/** "2025-11-27" for an Excel serial. */
export function dateText(serial: number): string {
  return new Date((serial - EPOCH_SERIAL) * DAY_S * 1000).toISOString().slice(0, 10);
}

/** The index of the last entry at or before `t` in a list sorted by time, or −1. */
function lastAtOrBefore(xs: readonly { time: number }[], t: number): number {
  let lo = 0;
  let hi = xs.length; // the answer + 1 lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The difficulty in force at `t` (s): the latest adjustment at or before it; null before the first. */
export function difficultyAt(adjustments: readonly DifficultyAdjustment[], t: number): number | null {
  const k = lastAtOrBefore(adjustments, t);
  return k >= 0 ? adjustments[k].difficulty : null;
}

/** The USD price at `t` (s): the last price at or before it and less than a day older; else null. */
export function priceAt(prices: readonly PricePoint[], t: number): number | null {
  const k = lastAtOrBefore(prices, t);
  return k >= 0 && t - prices[k].time < DAY_S ? prices[k].usd : null;
}

/** One day's blocks, from its reward buckets. */
export interface DayReward {
  /** Mean height of the day's buckets, rounded. */
  height: number;
  /** Mean reward per block (subsidy + fees as mined), BTC: the mean of the buckets' means. */
  reward: Decimal;
  /** R − MINER.SUBSIDY(height), or null when the buckets span a halving (or R is below the subsidy). */
  fees: Decimal | null;
  spansHalving: boolean;
}

/** The reward buckets of each UTC day (day number since the epoch). */
export function bucketsByDay(rewards: readonly RewardBucket[]): Map<number, RewardBucket[]> {
  const byDay = new Map<number, RewardBucket[]>();
  for (const b of rewards) {
    const day = Math.floor(b.time / DAY_S);
    const list = byDay.get(day);
    if (list) list.push(b);
    else byDay.set(day, [b]);
  }
  return byDay;
}

/** A day's height, mean reward and fees from its buckets (at least one). */
export function dayReward(buckets: readonly RewardBucket[]): DayReward {
  const height = Math.round(buckets.reduce((s, b) => s + b.height, 0) / buckets.length);
  const subsidy = subsidyBtc(height);
  const spansHalving = !buckets.every((b) => subsidyBtc(b.height).eq(subsidy));
  const reward = buckets
    .reduce((s, b) => s.add(b.rewardSats), new Decimal(0))
    .div(buckets.length)
    .div(1e8);
  return { height, reward, fees: !spansHalving && reward.gte(subsidy) ? reward.sub(subsidy) : null, spansHalving };
}

/**
 * A day's hashprice, USD/PH/day: MINER.HASHPRICE(price, difficulty, MINER.SUBSIDY(height), fees).
 * On a halving day the mean reward R is as mined, blocks at both subsidies, and the hashprice is
 * price × 86,400 × 10^15 × R / (difficulty × 2^32) (the same formula with R as subsidy plus fees).
 * Null when R is below the subsidy, which no mined block is.
 */
export function dayHashprice(usd: number, difficulty: number, day: DayReward): number | null {
  if (day.fees !== null) return hashpriceUsdPerPhDay(usd, difficulty, day.fees, subsidyBtc(day.height)).toNumber();
  return day.spansHalving ? hashpriceUsdPerPhDay(usd, difficulty, day.reward, 0).toNumber() : null;
}

/** Joins the four responses into daily rows and derives growth and volatility (pure; see the module's notes). */
export function buildHistory(r: HistoryResponses, interval: HistoryInterval, provider: string, asOf: number): History {
  const notes: string[] = [];
  const byDay = bucketsByDay(r.rewards);
  let beforeFirstAdjustment = 0;
  let noPrice = 0;
  let noBuckets = 0;
  const halvingDays: string[] = [];
  const rows = r.hashrates.map((h): HistoryRow => {
    const day = Math.floor(h.time / DAY_S);
    const date = day + EPOCH_SERIAL;
    const difficulty = difficultyAt(r.adjustments, h.time);
    if (difficulty === null) beforeFirstAdjustment++;
    const usd = priceAt(r.prices, h.time);
    if (usd === null) noPrice++;
    const buckets = byDay.get(day);
    if (!buckets) noBuckets++;
    const reward = buckets ? dayReward(buckets) : null;
    if (reward && reward.fees === null) halvingDays.push(dateText(date));
    return {
      date,
      height: reward ? reward.height : null,
      difficulty,
      hashrateEhs: h.hashrateEhs,
      btcPriceUsd: usd,
      feesBtcPerBlock: reward?.fees ? reward.fees.toNumber() : null,
      hashpriceUsdPerPhDay:
        usd !== null && difficulty !== null && reward ? dayHashprice(usd, difficulty, reward) : null,
    };
  });
  if (beforeFirstAdjustment)
    notes.push(`${beforeFirstAdjustment} day(s) before the interval's first difficulty adjustment have no difficulty`);
  if (noBuckets) notes.push(`${noBuckets} day(s) have no block-reward bucket: no height, fees or hashprice`);
  if (halvingDays.length) notes.push(`fees are blank on ${halvingDays.join(", ")}: the day's blocks span a halving`);
  if (noPrice) notes.push(`${noPrice} day(s) have no price within a day before them`);

  const p = historyPaths(interval);
  return {
    interval,
    rows,
    source: `${provider} ${p.hashrates}, ${p.adjustments}, ${p.rewards}, ${p.prices}`,
    asOf,
    difficultyGrowthMonthly: difficultyGrowth(rows, notes),
    priceVolAnnual: priceVolatility(rows, notes),
    notes,
  };
}

/** What growth and volatility are derived from: each day's date, difficulty and price. */
type DerivedFrom = readonly Pick<HistoryRow, "date" | "difficulty" | "btcPriceUsd">[];

/** The realised monthly difficulty growth of the rows, or null with a note (see the module's notes). */
export function difficultyGrowth(rows: DerivedFrom, notes: string[]): DerivedValue | null {
  const withDifficulty = rows.filter((r) => r.difficulty !== null);
  const first = withDifficulty[0];
  const last = withDifficulty[withDifficulty.length - 1];
  const days = first && last ? last.date - first.date : 0;
  if (days < MIN_GROWTH_DAYS) {
    notes.push(`no monthly difficulty growth: fewer than ${MIN_GROWTH_DAYS} days with a difficulty`);
    return null;
  }
  const growth = new Decimal(last.difficulty as number)
    .div(first.difficulty as number)
    .pow(new Decimal(365).div(12).div(days))
    .sub(1);
  return {
    value: growth.toNumber(),
    source:
      `derived: (difficulty on ${dateText(last.date)} / difficulty on ${dateText(first.date)})` +
      `^((365/12) / ${days} days) − 1`,
  };
}

/** The realised annual price volatility of the latest run of consecutive days, or null with a note. */
export function priceVolatility(rows: DerivedFrom, notes: string[]): DerivedValue | null {
  let end = rows.length - 1;
  while (end >= 0 && rows[end].btcPriceUsd === null) end--;
  let start = end;
  while (start > 0 && rows[start - 1].btcPriceUsd !== null && rows[start - 1].date === rows[start].date - 1) start--;
  const run = end >= 0 ? rows.slice(start, end + 1) : [];
  if (run.length - 1 < MIN_VOLATILITY_DAYS) {
    notes.push(`no price volatility: fewer than ${MIN_VOLATILITY_DAYS} consecutive daily returns`);
    return null;
  }
  return {
    value: volatility(
      run.map((r) => r.btcPriceUsd as number),
      365,
    ).toNumber(),
    source:
      `derived: MINER.VOLATILITY(BTC price of the ${run.length} consecutive days ` +
      `${dateText(run[0].date)} to ${dateText(run[run.length - 1].date)}, 365)`,
  };
}

export interface HistoryOptions {
  /** The mempool base URL (mempool.space or the user's own instance). */
  base: string;
  interval?: HistoryInterval;
  policy?: HttpPolicy;
  deps: HttpDeps;
  /** Where responses are shared and kept (the runtime's, for the pane); else a store of this call's own. */
  store?: HistoryStore;
  /** Ask again even when the store keeps a recent response (the History tab's Fetch). */
  fresh?: boolean;
}

const KINDS: readonly HistoryKind[] = ["adjustments", "hashrates", "rewards", "prices"];

/**
 * Loads the four endpoints (history-store.ts: one request each, at once, unless kept), checks them
 * as series (history-series.ts), builds the history and checks what it derives; or says why not.
 * History responses have their own body caps (history-endpoints.ts), whatever the policy's: the
 * small responses' 1 MiB would refuse a well-formed price series.
 */
export async function fetchHistory(o: HistoryOptions): Promise<HistoryResult> {
  const interval = o.interval ?? "1y";
  if (!HISTORY_INTERVALS.includes(interval))
    return { ok: false, reason: `history interval must be one of ${HISTORY_INTERVALS.join(", ")}; got ${interval}` };
  const store = o.store ?? new HistoryStore({ deps: o.deps, policy: o.policy ?? HISTORY_POLICY });
  const provider = providerName(o.base);
  const results = await Promise.allSettled(KINDS.map((kind) => store.load(o.base, kind, interval, o.fresh)));
  const failed = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
  if (failed.length > 0)
    return {
      ok: false,
      reason: failed.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join("; "),
    };
  const loaded = results.map((x) => (x as PromiseFulfilledResult<{ data: unknown; asOf: number }>).value);
  const [adjustments, hashrates, rewards, prices] = loaded.map((x) => x.data) as [
    DifficultyAdjustment[],
    HashrateDay[],
    RewardBucket[],
    PricePoint[],
  ];
  const responses = { adjustments, hashrates, rewards, prices };
  const now = o.deps.now();
  const series = seriesProblem(responses, interval, now);
  if (series) return { ok: false, reason: `${provider}: ${series}: refused` };
  // As of the newest response (all four arrived by then).
  const history = buildHistory(responses, interval, provider, Math.max(...loaded.map((x) => x.asOf)));
  const derived = derivedProblem(history.difficultyGrowthMonthly?.value, history.priceVolAnnual?.value);
  if (derived) return { ok: false, reason: `${provider}: ${derived}: refused` };
  return { ok: true, history };
}
