/**
 * The one MarketService of the shared runtime. functions.js and taskpane.js are separate bundles
 * loaded into the same page, so the instance lives on globalThis, not in a module variable:
 * cells and the pane then share one cache and one refresh.
 */
import { FetchFn } from "./http";
import { MarketService, ProviderBases, PUBLIC_BASES } from "./service";

declare const __MINER_TEST_HOOKS__: boolean | undefined;

const KEY = "__MINER_MARKET_SERVICE_V1__";

/**
 * Provider base URLs. Production: the public https APIs, fixed at build time. Test builds only
 * (webpack's MINER_TEST_HOOKS, dead code in production) may point them at a fake server through
 * `window.MINER_TEST_BASES`, set before the bundles load.
 */
export function providerBases(): ProviderBases {
  if (typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__) {
    const injected = (globalThis as { MINER_TEST_BASES?: ProviderBases }).MINER_TEST_BASES;
    if (injected) return injected;
  }
  return PUBLIC_BASES;
}

/** Whether a user-supplied mempool base URL is acceptable: https (http only to 127.0.0.1 in test builds). */
export function isAllowedMempoolUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  if (u.protocol === "https:") return true;
  const testBuild = typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__;
  return testBuild && u.protocol === "http:" && u.hostname === "127.0.0.1";
}

export function marketService(): MarketService {
  const g = globalThis as unknown as Record<string, MarketService | undefined>;
  let service = g[KEY];
  if (!service) {
    service = new MarketService({
      bases: providerBases(),
      deps: {
        fetch: ((url, init) => fetch(url, { ...init, credentials: "omit", cache: "no-store" })) as FetchFn,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
      },
    });
    g[KEY] = service;
  }
  return service;
}
