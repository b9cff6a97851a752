/**
 * mempool's history responses, fetched once and shared. The History tab and every MINER.HISTORY
 * cell ask this store, which sends one request per endpoint (and interval) however many ask at
 * once, since a request under way is shared, and answers again from a response less than
 * HISTORY_CACHE_MS old. A response is kept only once it has been read and checked value by value
 * (history-endpoints.ts); the checks as a series (history-series.ts) are the caller's, because
 * they depend on the period asked for. A failure is never kept: the next caller asks again.
 *
 * One store per runtime (runtime.ts), like the MarketService, so cells and the pane share it.
 */
import { PUBLIC_BASES } from "./bases";
import { BackoffMemory } from "./backoff";
import { DEFAULT_POLICY, FetchFailure, getText, HttpDeps, HttpPolicy } from "./http";
import {
  DifficultyAdjustment,
  HashrateDay,
  HistoryInterval,
  historyPaths,
  MAX_MINING_BODY_BYTES,
  MAX_PRICE_BODY_BYTES,
  parseDailyHashrates,
  parseDifficultyAdjustments,
  parsePriceHistory,
  parseRewardBuckets,
  PricePoint,
  RewardBucket,
} from "./history-endpoints";
import { PERIOD_DAYS, PERIOD_SLACK_DAYS } from "./history-series";

const DAY_S = 86_400;
const utcMinute = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";

/**
 * A response is answered again for an hour: mempool adds one daily hashrate point a day and one
 * price an hour, and a history is read for trends over months, so an hour-old answer loses
 * nothing, while a sheet recalculated many times asks once.
 */
export const HISTORY_CACHE_MS = 60 * 60_000;
/** History requests wait longer than live ones: the price series is a few MB. */
export const HISTORY_POLICY: HttpPolicy = { ...DEFAULT_POLICY, timeoutMs: 30_000 };
/** Responses kept at most (4 endpoints × 5 intervals fill 16 for one mempool instance). */
const MAX_ENTRIES = 32;

/** Each endpoint's data, parsed, oldest first. */
export interface HistoryData {
  adjustments: DifficultyAdjustment[];
  hashrates: HashrateDay[];
  rewards: RewardBucket[];
  prices: PricePoint[];
}
export type HistoryKind = keyof HistoryData;

/** One endpoint's response as kept. */
export interface Loaded<T> {
  data: T;
  /** When it arrived, ms since the epoch (the store's clock). */
  asOf: number;
}

/** The name a source is shown by: mempool.space, or the host of the user's own instance. */
export function providerName(base: string): string {
  return base === PUBLIC_BASES.mempool ? "mempool.space" : new URL(base).host;
}

/** How each endpoint is read: its body cap and parser. */
const READERS: {
  [K in HistoryKind]: { maxBodyBytes: number; parse: (body: string, nowMs: number) => HistoryData[K] };
} = {
  adjustments: { maxBodyBytes: MAX_MINING_BODY_BYTES, parse: parseDifficultyAdjustments },
  hashrates: { maxBodyBytes: MAX_MINING_BODY_BYTES, parse: parseDailyHashrates },
  rewards: { maxBodyBytes: MAX_MINING_BODY_BYTES, parse: parseRewardBuckets },
  // The whole series comes whatever the interval: kept from the longest period offered on, so
  // one response serves every period (older points are checked for shape and order only).
  prices: {
    maxBodyBytes: MAX_PRICE_BODY_BYTES,
    parse: (body, nowMs) =>
      parsePriceHistory(body, nowMs, Math.floor(nowMs / 1000) - (PERIOD_DAYS["3y"] + PERIOD_SLACK_DAYS) * DAY_S),
  },
};

export interface HistoryStoreOptions {
  deps: HttpDeps;
  policy?: HttpPolicy;
  /** Answer from a response younger than this, ms. */
  cacheMs?: number;
  /**
   * Providers that asked to be left alone (429, 503): the runtime's one memory, shared with the
   * live MarketService (runtime.ts), so a 429 from either puts off both; else one of its own.
   */
  backoff?: BackoffMemory;
}

export class HistoryStore {
  private readonly deps: HttpDeps;
  private readonly policy: HttpPolicy;
  private readonly cacheMs: number;
  private readonly kept = new Map<string, Loaded<unknown>>();
  private readonly inFlight = new Map<string, Promise<Loaded<unknown>>>();
  private readonly backoff: BackoffMemory;
  private requests = 0;

  constructor(options: HistoryStoreOptions) {
    this.deps = options.deps;
    this.policy = options.policy ?? HISTORY_POLICY;
    this.cacheMs = options.cacheMs ?? HISTORY_CACHE_MS;
    this.backoff = options.backoff ?? new BackoffMemory();
  }

  /** Responses requested from the network (a shared or kept answer is not counted). */
  get requestCount(): number {
    return this.requests;
  }

  get now(): number {
    return this.deps.now();
  }

  /**
   * One endpoint's data from the mempool instance at `base`: a request under way is shared; a
   * kept response younger than the cache time answers unless `fresh` (the History tab's Fetch);
   * else one request. Rejects with a FetchFailure naming the provider and the endpoint.
   */
  load<K extends HistoryKind>(
    base: string,
    kind: K,
    interval: HistoryInterval,
    fresh = false,
  ): Promise<Loaded<HistoryData[K]>> {
    const path = historyPaths(interval)[kind];
    const key = `${base} ${path}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<Loaded<HistoryData[K]>>;
    const hit = this.kept.get(key);
    if (!fresh && hit && this.deps.now() - hit.asOf < this.cacheMs)
      return Promise.resolve(hit as Loaded<HistoryData[K]>);
    const request = this.request(base, path, kind).then((loaded) => {
      this.keep(key, loaded);
      return loaded;
    });
    const shared = request.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, shared);
    return shared;
  }

  /**
   * One request, unless the provider (or this endpoint) is backing off: then none, and the
   * reason. A 429 or 503 is remembered in the back-off memory, a good answer clears it.
   */
  private async request<K extends HistoryKind>(base: string, path: string, kind: K): Promise<Loaded<HistoryData[K]>> {
    const label = `${providerName(base)} ${path}`;
    const waiting = this.backoff.waiting(base, path, this.deps.now());
    if (waiting)
      throw new FetchFailure(
        "rate-limited",
        `${label}: not asked until ${utcMinute(waiting.until)}: it answered HTTP ${waiting.status} earlier`,
        { status: waiting.status },
      );
    this.requests++;
    const { maxBodyBytes, parse } = READERS[kind];
    let body: string;
    try {
      body = await getText(base + path, { ...this.policy, maxBodyBytes }, this.deps);
    } catch (e) {
      if (!(e instanceof FetchFailure)) throw new FetchFailure("invalid", `${label}: unexpected error: ${String(e)}`);
      const put = e.refusal ? this.backoff.refused(base, path, e.refusal, this.deps.now()) : 0;
      const until = put > 0 ? ` (not asked again before ${utcMinute(this.deps.now() + put)})` : "";
      throw new FetchFailure(e.kind, `${label}: ${e.message}${until}`, e.refusal);
    }
    this.backoff.answered(base, path);
    const now = this.deps.now();
    try {
      return { data: parse(body, now) as HistoryData[K], asOf: now };
    } catch (e) {
      const why = e instanceof FetchFailure ? e.message : `unexpected error: ${String(e)}`;
      throw new FetchFailure("invalid", `${label}: ${why}`);
    }
  }

  private keep(key: string, loaded: Loaded<unknown>): void {
    this.kept.delete(key); // re-inserted last: the map's order is the age of the entries
    this.kept.set(key, loaded);
    while (this.kept.size > MAX_ENTRIES) this.kept.delete(this.kept.keys().next().value as string);
  }
}
