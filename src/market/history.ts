/**
 * Network history from mempool, one request per endpoint, joined into one row per UTC day:
 * date, height, difficulty, hashrate, BTC price, fees per block and hashprice, each row with its
 * source and as-of; plus the realised monthly difficulty growth and annual price volatility, as
 * inputs for the risk functions. Written for a sheet writer: `historyTable` is a header row then
 * the rows, blanks as "". A failed or implausible response anywhere yields no rows and a reason,
 * so nothing half-fetched is ever written.
 *
 * How a row is made (day = the UTC day of a daily hashrate point, at that point's time T):
 *   hashrate    the day's mean network hashrate (hashrate/:interval), EH/s
 *   difficulty  the difficulty in force at T: the latest adjustment at or before T
 *               (difficulty-adjustments/:interval); blank before the interval's first adjustment
 *   height      mean height of the day's reward buckets (blocks/rewards/:interval), rounded
 *   fees        the buckets' mean reward per block − MINER.SUBSIDY(height), BTC; blank if the
 *               day's buckets span a halving
 *   price       the last price at or before T and less than a day older (historical-price), USD
 *   hashprice   MINER.HASHPRICE(price, difficulty, fees, MINER.SUBSIDY(height)), USD/PH/day
 * Derived, reproducible from the rows:
 *   difficulty growth a month = (D_last / D_first)^((365/12) / days between them) − 1
 *   price volatility a year   = MINER.VOLATILITY(prices of the latest run of consecutive days, 365)
 *                               (daily closes every calendar day, as BTC trades: √365)
 */
import { Decimal } from "../calc/decimal";
import { subsidyBtc } from "../calc/protocol";
import { hashpriceUsdPerPhDay } from "../calc/revenue";
import { volatility } from "../calc/volatility";
import { PUBLIC_BASES } from "./bases";
import { DEFAULT_POLICY, FetchFailure, getText, HttpDeps, HttpPolicy } from "./http";
import {
  DifficultyAdjustment,
  HashrateDay,
  HISTORY_INTERVALS,
  HistoryInterval,
  parseDailyHashrates,
  parseDifficultyAdjustments,
  MAX_MINING_BODY_BYTES,
  MAX_PRICE_BODY_BYTES,
  parsePriceHistory,
  parseRewardBuckets,
  PricePoint,
  RewardBucket,
} from "./history-endpoints";
import { excelSerialFromMs } from "./providers/mempool";
import { derivedProblem, seriesProblem } from "./history-series";

export { HISTORY_INTERVALS } from "./history-endpoints";
export type { HistoryInterval } from "./history-endpoints";

const DAY_S = 86_400;
/** Excel's serial of 1970-01-01. */
const EPOCH_SERIAL = 25_569;
/** The fewest consecutive daily returns a volatility is offered from. */
export const MIN_VOLATILITY_DAYS = 30;
/** The shortest span a monthly difficulty growth is offered from, days. */
export const MIN_GROWTH_DAYS = 28;

/** One UTC day of history. Blank (null) where the sources do not say (see the module's notes). */
export interface HistoryRow {
  /** Excel date serial of the UTC day. */
  date: number;
  height: number | null;
  difficulty: number | null;
  hashrateEhs: number;
  btcPriceUsd: number | null;
  feesBtcPerBlock: number | null;
  hashpriceUsdPerPhDay: number | null;
}

/** The table's columns, in order, with their units. */
export const HISTORY_COLUMNS = [
  { id: "date", label: "Date", unit: "UTC date" },
  { id: "height", label: "Block height", unit: "block" },
  { id: "difficulty", label: "Difficulty", unit: "dimensionless" },
  { id: "hashrateEhs", label: "Network hashrate", unit: "EH/s" },
  { id: "btcPriceUsd", label: "BTC price", unit: "USD" },
  { id: "feesBtcPerBlock", label: "Fees per block", unit: "BTC/block" },
  { id: "hashpriceUsdPerPhDay", label: "Hashprice", unit: "USD/PH/day" },
  { id: "source", label: "Source", unit: "text" },
  { id: "asOf", label: "As of", unit: "UTC date-time" },
] as const;

/** A value derived from the rows, with how. */
export interface DerivedValue {
  value: number;
  /** "derived: ..." with the formula and the dates it used. */
  source: string;
}

/** A fetched history. */
export interface History {
  interval: HistoryInterval;
  /** Oldest first. */
  rows: HistoryRow[];
  /** The source column's text: the provider and the endpoints. */
  source: string;
  /** When the last response arrived, ms since the epoch. */
  asOf: number;
  /** The realised monthly difficulty growth (0.02 = 2% a month), or null with a note. */
  difficultyGrowthMonthly: DerivedValue | null;
  /** The realised annual price volatility (0.5 = 50%), or null with a note. */
  priceVolAnnual: DerivedValue | null;
  /** What the rows leave blank and why, in words. */
  notes: string[];
}

export type HistoryResult = { ok: true; history: History } | { ok: false; reason: string };

/** The four responses, parsed. */
export interface HistoryResponses {
  adjustments: DifficultyAdjustment[];
  hashrates: HashrateDay[];
  rewards: RewardBucket[];
  prices: PricePoint[];
}

/** "2025-11-27" for an Excel serial. */
function dateText(serial: number): string {
  return new Date((serial - EPOCH_SERIAL) * DAY_S * 1000).toISOString().slice(0, 10);
}

/** The endpoints' paths for an interval. */
export function historyPaths(interval: HistoryInterval) {
  return {
    adjustments: `/api/v1/mining/difficulty-adjustments/${interval}`,
    hashrates: `/api/v1/mining/hashrate/${interval}`,
    rewards: `/api/v1/mining/blocks/rewards/${interval}`,
    prices: "/api/v1/historical-price?currency=USD",
  };
}

/** Joins the four responses into daily rows and derives growth and volatility (pure; see the module's notes). */
export function buildHistory(r: HistoryResponses, interval: HistoryInterval, provider: string, asOf: number): History {
  const notes: string[] = [];
  const bucketsByDay = new Map<number, RewardBucket[]>();
  for (const b of r.rewards) {
    const day = Math.floor(b.time / DAY_S);
    bucketsByDay.set(day, [...(bucketsByDay.get(day) ?? []), b]);
  }
  let adj = -1; // index of the latest adjustment at or before the row's time
  let price = -1; // likewise for prices
  let beforeFirstAdjustment = 0;
  let noPrice = 0;
  let noBuckets = 0;
  const halvingDays: string[] = [];
  const rows = r.hashrates.map((h): HistoryRow => {
    const day = Math.floor(h.time / DAY_S);
    const date = day + EPOCH_SERIAL;
    while (adj + 1 < r.adjustments.length && r.adjustments[adj + 1].time <= h.time) adj++;
    while (price + 1 < r.prices.length && r.prices[price + 1].time <= h.time) price++;
    const difficulty = adj >= 0 ? r.adjustments[adj].difficulty : null;
    if (difficulty === null) beforeFirstAdjustment++;
    const usd = price >= 0 && h.time - r.prices[price].time < DAY_S ? r.prices[price].usd : null;
    if (usd === null) noPrice++;

    let height: number | null = null;
    let fees: number | null = null;
    const buckets = bucketsByDay.get(day);
    if (!buckets) noBuckets++;
    else {
      height = Math.round(buckets.reduce((s, b) => s + b.height, 0) / buckets.length);
      const subsidy = subsidyBtc(height);
      const oneEpoch = buckets.every((b) => subsidyBtc(b.height).eq(subsidy));
      const reward = buckets
        .reduce((s, b) => s.add(b.rewardSats), new Decimal(0))
        .div(buckets.length)
        .div(1e8);
      if (oneEpoch && reward.gte(subsidy)) fees = reward.sub(subsidy).toNumber();
      else halvingDays.push(dateText(date));
    }
    const hashprice =
      usd !== null && difficulty !== null && fees !== null && height !== null
        ? hashpriceUsdPerPhDay(usd, difficulty, fees, subsidyBtc(height)).toNumber()
        : null;
    return {
      date,
      height,
      difficulty,
      hashrateEhs: h.hashrateEhs,
      btcPriceUsd: usd,
      feesBtcPerBlock: fees,
      hashpriceUsdPerPhDay: hashprice,
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

function difficultyGrowth(rows: HistoryRow[], notes: string[]): DerivedValue | null {
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

function priceVolatility(rows: HistoryRow[], notes: string[]): DerivedValue | null {
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

/** The history as a sheet: header row (label and unit), then one row per day; blanks as "". */
export function historyTable(h: History): (string | number)[][] {
  const header = HISTORY_COLUMNS.map((c) =>
    c.unit === "text" || c.unit === "dimensionless" || c.unit === "block" ? c.label : `${c.label} (${c.unit})`,
  );
  const asOf = excelSerialFromMs(h.asOf);
  return [
    header,
    ...h.rows.map((r) => [
      r.date,
      r.height ?? "",
      r.difficulty ?? "",
      r.hashrateEhs,
      r.btcPriceUsd ?? "",
      r.feesBtcPerBlock ?? "",
      r.hashpriceUsdPerPhDay ?? "",
      h.source,
      asOf,
    ]),
  ];
}

export interface HistoryOptions {
  /** The mempool base URL (mempool.space or the user's own instance). */
  base: string;
  interval?: HistoryInterval;
  policy?: HttpPolicy;
  deps: HttpDeps;
}

/** History requests wait longer than live ones: the price series is a few MB. */
export const HISTORY_POLICY: HttpPolicy = { ...DEFAULT_POLICY, timeoutMs: 30_000 };

/**
 * Fetches the four endpoints (one request each, at once), checks them as series
 * (history-series.ts), builds the history and checks what it derives; or says why not. History
 * responses have their own body caps (history-endpoints.ts), whatever the policy's: the small
 * responses' 1 MiB would refuse a well-formed price series. Nothing is cached here: history
 * changes daily, and the pane asks for it on demand.
 */
export async function fetchHistory(o: HistoryOptions): Promise<HistoryResult> {
  const interval = o.interval ?? "1y";
  if (!HISTORY_INTERVALS.includes(interval))
    return { ok: false, reason: `history interval must be one of ${HISTORY_INTERVALS.join(", ")}; got ${interval}` };
  const policy = o.policy ?? HISTORY_POLICY;
  const provider = o.base === PUBLIC_BASES.mempool ? "mempool.space" : new URL(o.base).host;
  const paths = historyPaths(interval);
  const get = async <T>(path: string, maxBodyBytes: number, parse: (body: string) => T): Promise<T> => {
    try {
      return parse(await getText(o.base + path, { ...policy, maxBodyBytes }, o.deps));
    } catch (e) {
      const why = e instanceof FetchFailure ? e.message : `unexpected error: ${String(e)}`;
      throw new FetchFailure("invalid", `${provider} ${path}: ${why}`);
    }
  };
  const now = () => o.deps.now();
  const results = await Promise.allSettled([
    get(paths.adjustments, MAX_MINING_BODY_BYTES, (b) => parseDifficultyAdjustments(b, now())),
    get(paths.hashrates, MAX_MINING_BODY_BYTES, (b) => parseDailyHashrates(b, now())),
    get(paths.rewards, MAX_MINING_BODY_BYTES, (b) => parseRewardBuckets(b, now())),
    get(paths.prices, MAX_PRICE_BODY_BYTES, (b) => b), // parsed below, once the window is known
  ]);
  const failed = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
  if (failed.length > 0)
    return {
      ok: false,
      reason: failed.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join("; "),
    };
  const [adjustments, hashrates, rewards, priceBody] = results.map(
    (x) => (x as PromiseFulfilledResult<unknown>).value,
  ) as [DifficultyAdjustment[], HashrateDay[], RewardBucket[], string];
  let prices: PricePoint[];
  try {
    prices = parsePriceHistory(priceBody, now(), hashrates[0].time - DAY_S);
  } catch (e) {
    return { ok: false, reason: `${provider} ${paths.prices}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const responses = { adjustments, hashrates, rewards, prices };
  const series = seriesProblem(responses, interval, now());
  if (series) return { ok: false, reason: `${provider}: ${series}: refused` };
  const history = buildHistory(responses, interval, provider, now());
  const derived = derivedProblem(history.difficultyGrowthMonthly?.value, history.priceVolAnnual?.value);
  if (derived) return { ok: false, reason: `${provider}: ${derived}: refused` };
  return { ok: true, history };
}
