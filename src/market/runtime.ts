/**
 * The one MarketService of the shared runtime. functions.js and taskpane.js are separate bundles
 * loaded into the same page, so the instance lives on globalThis, not in a module variable:
 * cells and the pane then share one cache and one refresh.
 */
import { FetchFn } from "./http";
import { MarketService } from "./service";
import { providerBases } from "./bases";

export { providerBases } from "./bases";
export { parseMempoolBase } from "./source-url";

const KEY = "__MINER_MARKET_SERVICE_V1__";

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
