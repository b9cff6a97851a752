/**
 * One refresh of market data: every field from its first provider that answers plausibly, the
 * rest derived with the calc module, each with its source and time; failures keep the last good
 * value (marked stale) and say why. Concurrent callers share one refresh, and a refresh within
 * `cacheMs` of the last is answered from it, so 1,000 cells asking at once make one request per
 * endpoint.
 */
import { hashpriceUsdPerPhDay } from "../calc/revenue";
import { nextHalvingHeight, networkHashrateEhs, subsidyBtc } from "../calc/protocol";
import { Currency, FieldId, MarketSnapshot, Sourced } from "./fields";
import { DEFAULT_POLICY, FetchFailure, getText, HttpDeps, HttpPolicy } from "./http";
import { MEMPOOL_ENDPOINTS as M, excelSerialFromMs } from "./providers/mempool";
import {
  blockchainDifficulty,
  blockchainHeight,
  blockchainTicker,
  coinbaseSpot,
  coingeckoPrice,
  krakenTicker,
} from "./providers/others";
import { Endpoint, Reading } from "./providers/types";
import { ProviderBases } from "./bases";

/** Display names for sources. */
const PROVIDER_NAMES: Record<keyof ProviderBases, string> = {
  mempool: "mempool.space",
  "blockchain.info": "blockchain.info",
  coinbase: "Coinbase",
  kraken: "Kraken",
  coingecko: "CoinGecko",
};

/** Fields that come from the network, each group from the first endpoint in its list that works. */
const GROUPS: { what: string; endpoints: Endpoint[] }[] = [
  { what: "BTC price", endpoints: [M.prices, coinbaseSpot, krakenTicker, coingeckoPrice, blockchainTicker] },
  { what: "difficulty and hashrate", endpoints: [M.hashrate3d, blockchainDifficulty] },
  { what: "block height", endpoints: [M.tipHeight, blockchainHeight] },
  { what: "fees per block", endpoints: [M.rewardStats] },
  { what: "next difficulty adjustment", endpoints: [M.difficultyAdjustment] },
];

/** A difficulty more than this factor away from the last good one is rejected as implausible. */
export const MAX_DIFFICULTY_JUMP = 10;

export interface ServiceOptions {
  bases: ProviderBases;
  policy?: HttpPolicy;
  deps: HttpDeps;
  /** Answer from the last refresh if it finished less than this long ago, ms. */
  cacheMs?: number;
}

type Listener = (s: MarketSnapshot) => void;

export class MarketService {
  private bases: ProviderBases;
  private readonly policy: HttpPolicy;
  private readonly deps: HttpDeps;
  private readonly cacheMs: number;
  private last: MarketSnapshot | undefined;
  private inFlight: Promise<MarketSnapshot> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly progressListeners = new Set<(done: number, total: number) => void>();
  private meanBlockSeconds = 600;
  /** Requests made, for tests and the benchmark. */
  requestCount = 0;

  constructor(options: ServiceOptions) {
    this.bases = { ...options.bases };
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.deps = options.deps;
    this.cacheMs = options.cacheMs ?? 15_000;
  }

  /** Points mempool requests at another instance (an https URL; checked by the caller). */
  setMempoolBase(url: string): void {
    this.bases = { ...this.bases, mempool: url.replace(/\/+$/, "") };
  }

  get mempoolBase(): string {
    return this.bases.mempool;
  }

  /** The latest snapshot, if any refresh has finished. */
  current(): MarketSnapshot | undefined {
    return this.last;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Progress of a refresh under way: groups of fields done out of the total. */
  onProgress(listener: (done: number, total: number) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Whether a refresh is under way. */
  get refreshing(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Refreshes, sharing a refresh already under way; within `cacheMs` of the last one, answers
   * from it unless `force`.
   */
  refresh(force = false): Promise<MarketSnapshot> {
    if (this.inFlight) return this.inFlight;
    if (!force && this.last && this.deps.now() - this.last.refreshedAt < this.cacheMs)
      return Promise.resolve(this.last);
    this.inFlight = this.run().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchGroup(
    group: (typeof GROUPS)[number],
  ): Promise<{ reading: Reading; source: string; asOf: number; problems: string[] } | { problems: string[] }> {
    const problems: string[] = [];
    for (const endpoint of group.endpoints) {
      const base = this.bases[endpoint.provider as keyof ProviderBases];
      const source = `${PROVIDER_NAMES[endpoint.provider as keyof ProviderBases]} ${endpoint.path.split("?")[0]}`;
      try {
        this.requestCount++;
        const body = await getText(base + endpoint.path, this.policy, this.deps);
        const reading = endpoint.parse(body);
        this.checkAgainstLastGood(reading);
        // A fallback that worked is still worth telling: the primary source failed.
        const fellBack = problems.length ? [`${group.what} from ${source} because ${problems.join("; ")}`] : [];
        return { reading, source, asOf: this.deps.now(), problems: fellBack };
      } catch (e) {
        problems.push(e instanceof FetchFailure ? e.message : `${source}: ${String(e)}`);
      }
    }
    return { problems: [`${group.what}: ${problems.join("; ")}`] };
  }

  /** Rejects a difficulty orders of magnitude from the last good one, or a height going backwards. */
  private checkAgainstLastGood(r: Reading): void {
    const prev = this.last?.fields;
    const d = r.fields.difficulty;
    const prevD = prev?.difficulty?.value;
    if (
      d !== undefined &&
      prevD !== undefined &&
      (d > prevD * MAX_DIFFICULTY_JUMP || d < prevD / MAX_DIFFICULTY_JUMP)
    ) {
      throw new FetchFailure(
        "invalid",
        `difficulty ${d.toExponential(3)} is implausibly far from the last good ${prevD.toExponential(3)}`,
      );
    }
    const h = r.fields.block_height;
    const prevH = prev?.block_height?.value;
    if (h !== undefined && prevH !== undefined && h < prevH) {
      throw new FetchFailure("invalid", `block height ${h} is below the last good ${prevH}`);
    }
  }

  private async run(): Promise<MarketSnapshot> {
    let done = 0;
    const tell = () => this.progressListeners.forEach((l) => l(done, GROUPS.length));
    tell();
    const results = await Promise.all(
      GROUPS.map((g) =>
        this.fetchGroup(g).then((r) => {
          done++;
          tell();
          return r;
        }),
      ),
    );
    const fields: Partial<Record<FieldId, Sourced>> = {};
    const prices: Partial<Record<Currency, Sourced>> = {};
    const problems: string[] = [];
    for (const result of results) {
      problems.push(...result.problems);
      if (!("reading" in result)) continue;
      const { reading, source, asOf } = result;
      for (const [id, value] of Object.entries(reading.fields))
        fields[id as FieldId] = { value: value as number, source, asOf };
      for (const [c, value] of Object.entries(reading.prices))
        prices[c as Currency] = { value: value as number, source, asOf };
      if (reading.meanBlockSeconds) this.meanBlockSeconds = reading.meanBlockSeconds;
    }
    if (prices.USD) fields.btc_price_usd = prices.USD;

    // Keep the last good value of whatever failed, and say it is stale.
    const stale: string[] = [];
    const prev = this.last;
    if (prev) {
      for (const [id, v] of Object.entries(prev.fields)) {
        if (!fields[id as FieldId] && !isDerived(v)) {
          fields[id as FieldId] = v;
          stale.push(id);
        }
      }
      for (const [c, v] of Object.entries(prev.prices)) {
        if (!prices[c as Currency]) {
          prices[c as Currency] = v;
          if (c !== "USD") stale.push(`btc_price_${c.toLowerCase()}`);
        }
      }
    }
    this.derive(fields, stale);
    const snapshot: MarketSnapshot = { fields, prices, stale, problems, refreshedAt: this.deps.now() };
    this.last = snapshot;
    for (const l of this.listeners) l(snapshot);
    return snapshot;
  }

  /** Fields computed from others with the calc module; their source says so. */
  private derive(f: Partial<Record<FieldId, Sourced>>, stale: string[]): void {
    const asOf = (...xs: (Sourced | undefined)[]) => Math.min(...xs.map((x) => x?.asOf ?? Infinity));
    const isStale = (...ids: FieldId[]) => ids.some((id) => stale.includes(id));
    const mark = (id: FieldId, ...from: FieldId[]) => {
      if (isStale(...from) && !stale.includes(id)) stale.push(id);
    };
    if (f.difficulty && !f.network_hashrate_ehs) {
      f.network_hashrate_ehs = {
        value: networkHashrateEhs(f.difficulty.value).toNumber(),
        source: "derived: MINER.NETWORKHASHRATE(BTC_Difficulty)",
        asOf: f.difficulty.asOf,
      };
      mark("network_hashrate_ehs", "difficulty");
    }
    const height = f.block_height;
    if (height) {
      const next = nextHalvingHeight(height.value);
      const blocks = next - height.value;
      f.next_halving_height = { value: next, source: "derived: MINER.NEXTHALVING(BTC_Height)", asOf: height.asOf };
      f.next_halving_blocks = {
        value: blocks,
        source: "derived: BTC_NextHalvingHeight − BTC_Height",
        asOf: height.asOf,
      };
      f.next_halving_date = {
        value: excelSerialFromMs(height.asOf + blocks * this.meanBlockSeconds * 1000),
        source: `derived: as-of + blocks left × ${this.meanBlockSeconds.toFixed(0)} s mean block time`,
        asOf: height.asOf,
      };
      for (const id of ["next_halving_height", "next_halving_blocks", "next_halving_date"] as FieldId[])
        mark(id, "block_height");
      if (!f.next_retarget_height || isStale("next_retarget_height")) {
        // Fresh values derived from the height beat stale ones from mempool; the change estimate stays stale.
        for (const id of ["next_retarget_height", "next_retarget_blocks", "next_retarget_date"]) {
          if (stale.includes(id)) stale.splice(stale.indexOf(id), 1);
        }
        for (const id of ["next_retarget_height", "next_retarget_blocks", "next_retarget_date"] as FieldId[])
          mark(id, "block_height");
        const retarget = (Math.floor(height.value / 2016) + 1) * 2016;
        f.next_retarget_height = {
          value: retarget,
          source: "derived: next multiple of 2016 after BTC_Height",
          asOf: height.asOf,
        };
        f.next_retarget_blocks = {
          value: retarget - height.value,
          source: "derived: BTC_NextRetargetHeight − BTC_Height",
          asOf: height.asOf,
        };
        f.next_retarget_date = {
          value: excelSerialFromMs(height.asOf + (retarget - height.value) * this.meanBlockSeconds * 1000),
          source: "derived: as-of + blocks left × mean block time",
          asOf: height.asOf,
        };
      }
    }
    if (f.btc_price_usd && f.difficulty && height) {
      const fees = f.fees_btc_per_block?.value ?? 0;
      f.hashprice_usd_per_ph_day = {
        value: hashpriceUsdPerPhDay(
          f.btc_price_usd.value,
          f.difficulty.value,
          fees,
          subsidyBtc(height.value),
        ).toNumber(),
        source: `derived: MINER.HASHPRICE(BTC_Price, BTC_Difficulty, MINER.SUBSIDY(BTC_Height), ${f.fees_btc_per_block ? "BTC_FeesPerBlock" : "0"})`,
        asOf: asOf(f.btc_price_usd, f.difficulty, height, f.fees_btc_per_block),
      };
      mark("hashprice_usd_per_ph_day", "btc_price_usd", "difficulty", "block_height", "fees_btc_per_block");
    }
  }
}

function isDerived(v: Sourced): boolean {
  return v.source.startsWith("derived:");
}
