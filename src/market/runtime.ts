/**
 * The one MarketService, the one HistoryStore and the one back-off memory of the shared runtime.
 * functions.js and taskpane.js are separate bundles loaded into the same page, so each instance
 * lives on globalThis, not in a module variable: cells and the pane then share one cache, one
 * refresh and one back-off.
 */
import { DEFAULT_POLICY, FetchFn, HttpDeps, HttpPolicy } from "./http";
import { MarketService } from "./service";
import { providerBases } from "./bases";
import { HISTORY_POLICY, HistoryStore } from "./history-store";
import { WAITING_FOR_SOURCE } from "./waiting";
import { BackoffMemory } from "./backoff";

export { providerBases } from "./bases";
export { parseMempoolBase } from "./source-url";

const KEY = "__MINER_MARKET_SERVICE_V1__";
const HISTORY_KEY = "__MINER_HISTORY_STORE_V1__";
const BACKOFF_KEY = "__MINER_BACKOFF_V1__";

declare const __MINER_TEST_HOOKS__: boolean | undefined;

/** A number a test build was given in `window.MINER_TEST_POLICY`; always undefined in production. */
function testSetting(name: "backoffMs" | "hedgeMs"): number | undefined {
  if (typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__) {
    const injected = (globalThis as { MINER_TEST_POLICY?: Record<string, unknown> }).MINER_TEST_POLICY;
    const v = injected?.[name];
    if (typeof v === "number") return v;
  }
  return undefined;
}

/**
 * Test builds only (webpack's MINER_TEST_HOOKS, dead code in production): a browser test may
 * shorten the retry backoff through `window.MINER_TEST_POLICY = { backoffMs }`, set before the
 * bundles load, so that its retried failures do not wait seconds of real time. Retries, time
 * limits and everything else stay as in production.
 */
export function withTestPolicy(policy: HttpPolicy): HttpPolicy {
  const backoffMs = testSetting("backoffMs");
  return backoffMs === undefined ? policy : { ...policy, backoffMs };
}

/** The browser's fetch (no cookies, no cache), timers and clock, as the market code takes them. */
export function browserHttpDeps(): HttpDeps {
  return {
    fetch: ((url, init) => fetch(url, { ...init, credentials: "omit", cache: "no-store" })) as FetchFn,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
}

/**
 * The runtime's one memory of providers that asked to be left alone (429, 503): consulted by the
 * live MarketService and the HistoryStore alike, so a 429 from mempool's history endpoints also
 * puts off its live ones (a rate limit is per client), and the reverse.
 */
export function runtimeBackoff(): BackoffMemory {
  const g = globalThis as unknown as Record<string, BackoffMemory | undefined>;
  let memory = g[BACKOFF_KEY];
  if (!memory) {
    memory = new BackoffMemory();
    g[BACKOFF_KEY] = memory;
  }
  return memory;
}

/**
 * Whether this is the pane's page (taskpane.html, also the shared runtime's page): its markup says
 * so (a meta tag, there before any script runs), so a live cell that asks first still waits for the
 * pane to apply the workbook's source, however the page's scripts and Excel's calls interleave.
 */
function onPanePage(): boolean {
  return typeof document !== "undefined" && document.querySelector('meta[name="miner-pane"]') !== null;
}

export function marketService(): MarketService {
  const g = globalThis as unknown as Record<string, MarketService | undefined>;
  let service = g[KEY];
  if (!service) {
    service = new MarketService({
      bases: providerBases(),
      policy: withTestPolicy(DEFAULT_POLICY),
      deps: browserHttpDeps(),
      // Test builds may lengthen the hedge delay (MINER_TEST_POLICY.hedgeMs), so that a slow, loaded
      // test machine does not hedge a healthy answer; the shipped build (its soak runs on a fake
      // clock) has production's.
      hedgeMs: testSetting("hedgeMs"),
      backoff: runtimeBackoff(),
    });
    if (onPanePage()) service.hold(WAITING_FOR_SOURCE);
    g[KEY] = service;
  }
  return service;
}

/** The runtime's history responses, shared by the History tab and every MINER.HISTORY cell. */
export function historyStore(): HistoryStore {
  const g = globalThis as unknown as Record<string, HistoryStore | undefined>;
  let store = g[HISTORY_KEY];
  if (!store) {
    store = new HistoryStore({
      deps: browserHttpDeps(),
      policy: withTestPolicy(HISTORY_POLICY),
      backoff: runtimeBackoff(),
    });
    g[HISTORY_KEY] = store;
  }
  return store;
}
