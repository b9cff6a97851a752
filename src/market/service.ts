/**
 * One refresh of market data: every field from its providers (asked hedged, group-fetch.ts), the
 * rest derived with the calc module, each with its source and time; failures keep the last good
 * value (marked stale) and say why. Concurrent callers share one refresh, and a refresh within
 * `cacheMs` of the last is answered from it, so 1,000 cells asking at once make one request per
 * endpoint (and, on the first refresh, one more per confirmed group).
 *
 * Bounded and independent: each group of fields publishes as soon as its providers answer (no
 * field waits on an unrelated provider), and a whole refresh ends within `deadlineMs` (15 s),
 * whatever the providers do. Agreement over time (agreement.ts): the price, the difficulty and
 * the height are confirmed by a second provider on the first refresh, whenever they moved beyond
 * their thresholds since last confirmed, and at least every few refreshes; a reading that is not
 * confirmed is not written, and a refused reading never becomes the reference for the next one.
 * Back-off (backoff.ts) and confirmations are remembered for as long as this service (the
 * runtime) lives.
 */
import { hashpriceUsdPerPhDay } from "../calc/revenue";
import { nextHalvingHeight, networkHashrateEhs, subsidyBtc } from "../calc/protocol";
import { Currency, FieldId, MarketSnapshot, Sourced } from "./fields";
import { clip } from "./check";
import { CallLimits, DEFAULT_POLICY, HttpDeps, HttpPolicy } from "./http";
import { DIFFICULTY_GUARD, HEIGHT_GUARD, PRICE_GUARD, retargetMismatch } from "./guards";
import { screenCurrencies } from "./currencies";
import { feesProblem } from "./fees";
import { MEMPOOL_ENDPOINTS as M, excelSerialFromMs } from "./providers/mempool";
import {
  blockchainDifficulty,
  blockchainHeight,
  blockchainTicker,
  coinbaseSpot,
  coingeckoPrice,
  krakenTicker,
} from "./providers/others";
import { Endpoint } from "./providers/types";
import { ProviderBases } from "./bases";
import { BackoffMemory } from "./backoff";
import { Confirmed } from "./agreement";
import { fetchGroup, Group, GroupResult, HEDGE_DELAY_MS } from "./group-fetch";

/** Display names for sources, when a provider is at its usual address. */
const PROVIDER_NAMES: Record<keyof ProviderBases, string> = {
  mempool: "mempool.space",
  "blockchain.info": "blockchain.info",
  coinbase: "Coinbase",
  kraken: "Kraken",
  coingecko: "CoinGecko",
};

/** Fields that come from the network, each group from the first endpoint in its list that works. */
const GROUPS: Group[] = [
  {
    what: "BTC price",
    endpoints: [M.prices, coinbaseSpot, krakenTicker, coingeckoPrice, blockchainTicker],
    yields: ["btc_price_usd"],
    guard: PRICE_GUARD,
  },
  {
    what: "difficulty and hashrate",
    endpoints: [M.hashrate3d, blockchainDifficulty],
    yields: ["difficulty", "network_hashrate_ehs"],
    guard: DIFFICULTY_GUARD,
  },
  { what: "block height", endpoints: [M.tipHeight, blockchainHeight], yields: ["block_height"], guard: HEIGHT_GUARD },
  { what: "fees per block", endpoints: [M.rewardStats], yields: ["fees_btc_per_block"], screen: feesProblem },
  {
    what: "next difficulty adjustment",
    endpoints: [M.difficultyAdjustment],
    yields: ["next_retarget_height", "next_retarget_blocks", "next_retarget_change", "next_retarget_date"],
  },
];
const PRICE_GROUP = 0;
const RETARGET_FIELDS: FieldId[] = GROUPS[4].yields;

/** A whole refresh ends within this long, whatever the providers do, ms. */
export const REFRESH_DEADLINE_MS = 15_000;
/** A problem line (one per group) is cut to this length before it is stored or shown. */
export const MAX_PROBLEM = 600;

export interface ServiceOptions {
  bases: ProviderBases;
  policy?: HttpPolicy;
  deps: HttpDeps;
  /** Answer from the last refresh if it finished less than this long ago, ms. */
  cacheMs?: number;
  /** A whole refresh's time limit, ms. */
  deadlineMs?: number;
  /** How long a provider has to answer before the next one is asked too, ms (group-fetch.ts). */
  hedgeMs?: number;
  /** The runtime's back-off memory, shared with the history store (runtime.ts); else one of its own. */
  backoff?: BackoffMemory;
}

type Listener = (s: MarketSnapshot) => void;

export class MarketService {
  private bases: ProviderBases;
  private readonly defaults: ProviderBases;
  private readonly policy: HttpPolicy;
  private readonly deps: HttpDeps;
  private readonly cacheMs: number;
  private readonly deadlineMs: number;
  /** The latest snapshot published, partial ones included: what cells and the pane show. */
  private last: MarketSnapshot | undefined;
  /** The latest finished refresh, for the cache. */
  private lastComplete: { snapshot: MarketSnapshot; generation: number } | undefined;
  private inFlight: Promise<MarketSnapshot> | undefined;
  private inFlightGeneration = -1;
  /** Bumped when a base URL changes: a refresh under way for the old one does not answer for the new. */
  private generation = 0;
  private readonly listeners = new Set<Listener>();
  private readonly progressListeners = new Set<(done: number, total: number) => void>();
  private meanBlockSeconds = 600;
  private readonly hedgeMs: number;
  /** Refreshes run since the runtime started (the confirmation schedule counts them). */
  private refreshes = 0;
  /** Each guarded group's last confirmed reading (agreement.ts), for the runtime's life. */
  private readonly confirmed = new Map<Group, Confirmed>();
  /** Providers that asked to be left alone (429, 503), for the runtime's life. */
  private readonly backoff: BackoffMemory;
  /** Requests made, and requests not yet settled, for tests and the benchmark. */
  private readonly counts = { requests: 0, inFlight: 0 };
  /** While set, refreshes wait (hold, release). */
  private gate: { reason: string; opened: Promise<void>; open: () => void } | undefined;

  get requestCount(): number {
    return this.counts.requests;
  }

  /** Requests sent and not yet answered, failed or cancelled. */
  get requestsInFlight(): number {
    return this.counts.inFlight;
  }

  constructor(options: ServiceOptions) {
    this.bases = { ...options.bases };
    this.defaults = { ...options.bases };
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.deps = options.deps;
    this.cacheMs = options.cacheMs ?? 15_000;
    this.deadlineMs = options.deadlineMs ?? REFRESH_DEADLINE_MS;
    this.hedgeMs = options.hedgeMs ?? HEDGE_DELAY_MS;
    this.backoff = options.backoff ?? new BackoffMemory();
  }

  /**
   * Points mempool requests at another instance, or back at the default with undefined. The URL
   * must already be checked (source-url.ts parseMempoolBase). Returns whether it changed; the
   * next refresh (even one asked for during a refresh under way) uses it.
   */
  setMempoolBase(url: string | undefined): boolean {
    const next = url ? url.replace(/\/+$/, "") : this.defaults.mempool;
    if (next === this.bases.mempool) return false;
    this.bases = { ...this.bases, mempool: next };
    this.generation++;
    this.confirmed.clear(); // a new source: its first readings are confirmed before they are written
    return true;
  }

  get mempoolBase(): string {
    return this.bases.mempool;
  }

  /** Whether mempool requests go to the default instance (mempool.space in production). */
  get mempoolIsDefault(): boolean {
    return this.bases.mempool === this.defaults.mempool;
  }

  /** The latest snapshot, if any refresh has published (during a refresh, a partial one). */
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

  /**
   * Holds every refresh (asked for by anyone) until release(), saying why: the pane holds the
   * service until the workbook's own choice of source is applied, so that no request goes to a
   * provider the workbook does not use. Refreshes asked for meanwhile run on release.
   */
  hold(reason: string): void {
    if (this.gate) {
      this.gate.reason = reason;
      return;
    }
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { reason, opened, open };
  }

  /** Lets held refreshes, and every later one, run. */
  release(): void {
    const gate = this.gate;
    this.gate = undefined;
    gate?.open();
  }

  /** Resolves when the service is not held (at once when it is not): history requests wait on it too. */
  released(): Promise<void> {
    return this.gate ? this.gate.opened.then(() => this.released()) : Promise.resolve();
  }

  /** Why refreshes are held, while they are. */
  get heldBecause(): string | undefined {
    return this.gate?.reason;
  }

  /** Whether a refresh is under way. */
  get refreshing(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Refreshes, sharing a refresh already under way (unless a base URL changed since it started:
   * then a new one follows it); within `cacheMs` of the last one, answers from it unless `force`.
   * While the service is held, waits for its release first.
   */
  refresh(force = false): Promise<MarketSnapshot> {
    if (this.gate) return this.gate.opened.then(() => this.refresh(force));
    if (this.inFlight) {
      if (this.inFlightGeneration === this.generation) return this.inFlight;
      const again = () => this.refresh(true);
      return this.inFlight.then(again, again);
    }
    const cached = this.lastComplete;
    if (
      !force &&
      cached &&
      cached.generation === this.generation &&
      this.deps.now() - cached.snapshot.refreshedAt < this.cacheMs
    )
      return Promise.resolve(cached.snapshot);
    this.inFlightGeneration = this.generation;
    this.inFlight = this.run().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private sourceLabel(endpoint: Endpoint): string {
    const p = endpoint.provider as keyof ProviderBases;
    const base = this.bases[p];
    // A user's or a workbook's own instance is named by its host (punycode for IDN), never by the provider's name.
    const name = base === this.defaults[p] ? PROVIDER_NAMES[p] : new URL(base).host;
    return `${name} ${endpoint.path.split("?")[0]}`;
  }

  /** One group's readings for this refresh (group-fetch.ts), its confirmation remembered. */
  private async fetchGroup(
    group: Group,
    reference: MarketSnapshot | undefined,
    limits: CallLimits,
    refresh: number,
  ): Promise<GroupResult> {
    const bases = this.bases;
    const base = (e: Endpoint) => bases[e.provider as keyof ProviderBases];
    const result = await fetchGroup(group, {
      deps: this.deps,
      policy: this.policy,
      hedgeMs: this.hedgeMs,
      deadlineS: this.deadlineMs / 1000,
      limits,
      url: (e) => base(e) + e.path,
      label: (e) => this.sourceLabel(e),
      base,
      backoff: this.backoff,
      confirmed: this.confirmed.get(group),
      reference,
      refresh,
      count: this.counts,
    });
    if (!("reading" in result)) return result;
    // The price's other currencies: held to their plausible bands and last good rates, and
    // labelled as confirmed only when the confirming provider quoted them too (currencies.ts).
    if (group === GROUPS[PRICE_GROUP]) {
      const screen = screenCurrencies(result.reading, reference, result.witness);
      result.problems.push(...screen.problems);
      result.priceSources = {};
      for (const c of Object.keys(result.reading.prices) as Currency[])
        if (c !== "USD") result.priceSources[c] = screen.confirmed.has(c) ? result.source : result.from;
    }
    if (result.confirmed && bases === this.bases)
      this.confirmed.set(group, {
        reading: result.reading,
        witness: result.witness,
        source: result.source,
        priceSources: result.priceSources,
        asOf: result.asOf,
        refresh,
      });
    return result;
  }

  private async run(): Promise<MarketSnapshot> {
    // Readings are checked against what was known when this refresh began: never against one of its own.
    const reference = this.last;
    const refresh = ++this.refreshes;
    const abort = new AbortController();
    const limits: CallLimits = { signal: abort.signal, deadline: this.deps.now() + this.deadlineMs };
    const timer = setTimeout(() => abort.abort(), this.deadlineMs);
    let grace: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    // Should a provider's fetch ignore the abort, its group still ends shortly after the limit.
    const limitPassed = new Promise<void>((resolve) =>
      abort.signal.addEventListener("abort", () => {
        if (!finished) grace = setTimeout(resolve, 250);
      }),
    );
    const results: (GroupResult | undefined)[] = GROUPS.map(() => undefined);
    let done = 0;
    const tell = () => this.progressListeners.forEach((l) => l(done, GROUPS.length));
    tell();
    try {
      await Promise.all(
        GROUPS.map((g, i) =>
          Promise.race([
            this.fetchGroup(g, reference, limits, refresh),
            limitPassed.then(() => ({
              problems: [`${g.what}: no answer within the refresh's ${this.deadlineMs / 1000} s limit`],
            })),
          ]).then((r) => {
            if (finished) return;
            results[i] = r;
            done++;
            tell();
            if (done < GROUPS.length) this.publish(this.assemble(results, reference, true));
          }),
        ),
      );
    } finally {
      finished = true;
      clearTimeout(timer);
      clearTimeout(grace);
      abort.abort(); // lets go of anything still open (and, finished, starts no grace timer)
    }
    const snapshot = this.assemble(results, reference, false);
    this.lastComplete = { snapshot, generation: this.inFlightGeneration };
    this.publish(snapshot);
    return snapshot;
  }

  private publish(snapshot: MarketSnapshot): void {
    this.last = snapshot;
    for (const l of this.listeners) l(snapshot);
  }

  /**
   * A snapshot from the groups that have answered: fresh values, cross-field checks, the last
   * good value of whatever failed (marked stale) or is still pending (not marked), and the
   * derived fields.
   */
  private assemble(
    results: (GroupResult | undefined)[],
    reference: MarketSnapshot | undefined,
    partial: boolean,
  ): MarketSnapshot {
    const fields: Partial<Record<FieldId, Sourced>> = {};
    const prices: Partial<Record<Currency, Sourced>> = {};
    const problems: string[] = [];
    const stale: string[] = [];
    results.forEach((result) => {
      if (!result) return;
      problems.push(...result.problems.map((p) => clip(p, MAX_PROBLEM)));
      if (!("reading" in result)) {
        if (result.kept) this.keep(result.kept, fields, prices, stale);
        return;
      }
      const { reading, source, asOf } = result;
      for (const [id, value] of Object.entries(reading.fields))
        fields[id as FieldId] = { value: value as number, source, asOf };
      for (const [c, value] of Object.entries(reading.prices))
        prices[c as Currency] = {
          value: value as number,
          source: result.priceSources?.[c as Currency] ?? source,
          asOf,
        };
      if (reading.meanBlockSeconds) this.meanBlockSeconds = reading.meanBlockSeconds;
    });
    if (prices.USD) fields.btc_price_usd = prices.USD;

    // The next retarget must follow the tip: above it, within 2016 blocks, blocks left matching.
    const tip = fields.block_height?.value ?? reference?.fields.block_height?.value;
    const next = fields.next_retarget_height;
    if (next && tip !== undefined) {
      const mismatch = retargetMismatch(next.value, fields.next_retarget_blocks?.value, tip);
      if (mismatch) {
        for (const id of RETARGET_FIELDS) delete fields[id];
        problems.push(clip(`next difficulty adjustment: ${next.source}: ${mismatch}: refused`, MAX_PROBLEM));
      }
    }

    // Keep the last good value of whatever failed (stale) or has not answered yet (not stale).
    const pending = new Set<string>();
    GROUPS.forEach((g, i) => {
      if (!results[i]) g.yields.forEach((id) => pending.add(id));
    });
    if (!results[PRICE_GROUP]) pending.add("prices");
    if (reference) {
      for (const [id, v] of Object.entries(reference.fields)) {
        if (!fields[id as FieldId] && !isDerived(v)) {
          fields[id as FieldId] = v;
          if (!pending.has(id)) stale.push(id);
        }
      }
      for (const [c, v] of Object.entries(reference.prices)) {
        if (!prices[c as Currency]) {
          prices[c as Currency] = v;
          if (c !== "USD" && !pending.has("prices")) stale.push(`btc_price_${c.toLowerCase()}`);
        }
      }
    }
    this.derive(fields, stale);
    const snapshot: MarketSnapshot = { fields, prices, stale, problems, refreshedAt: this.deps.now() };
    if (partial) snapshot.partial = true;
    return snapshot;
  }

  /** A group's last confirmed reading, written again and marked stale: its new readings were not confirmed. */
  private keep(
    kept: Confirmed,
    fields: Partial<Record<FieldId, Sourced>>,
    prices: Partial<Record<Currency, Sourced>>,
    stale: string[],
  ): void {
    const at = (value: number, source = kept.source): Sourced => ({ value, source, asOf: kept.asOf });
    for (const [id, value] of Object.entries(kept.reading.fields)) {
      fields[id as FieldId] = at(value as number);
      stale.push(id);
    }
    for (const [c, value] of Object.entries(kept.reading.prices)) {
      prices[c as Currency] = at(value as number, kept.priceSources?.[c as Currency]);
      stale.push(c === "USD" ? "btc_price_usd" : `btc_price_${c.toLowerCase()}`);
    }
  }

  /** Fields computed from others with the calc module; their source says so. */
  private derive(f: Partial<Record<FieldId, Sourced>>, stale: string[]): void {
    const asOf = (...xs: (Sourced | undefined)[]) => Math.min(...xs.map((x) => x?.asOf ?? Infinity));
    const isStale = (...ids: FieldId[]) => ids.some((id) => stale.includes(id));
    const unmark = (id: FieldId) => {
      if (stale.includes(id)) stale.splice(stale.indexOf(id), 1);
    };
    const mark = (id: FieldId, ...from: FieldId[]) => {
      if (isStale(...from) && !stale.includes(id)) stale.push(id);
    };
    const d = f.difficulty;
    const measured = f.network_hashrate_ehs;
    // The hashrate belongs with the difficulty actually used: measured in the same response, or derived from it.
    if (d && !(measured && measured.source === d.source && measured.asOf === d.asOf)) {
      unmark("network_hashrate_ehs");
      f.network_hashrate_ehs = {
        value: networkHashrateEhs(d.value).toNumber(),
        source: "derived: MINER.NETWORKHASHRATE(BTC_Difficulty)",
        asOf: d.asOf,
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
      const kept = f.next_retarget_height;
      if (!kept || isStale("next_retarget_height") || retargetMismatch(kept.value, undefined, height.value)) {
        // Fresh values derived from the height beat stale ones from mempool; the change estimate stays stale.
        for (const id of ["next_retarget_height", "next_retarget_blocks", "next_retarget_date"] as FieldId[])
          unmark(id);
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
