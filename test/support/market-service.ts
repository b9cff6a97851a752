/** A MarketService on the fake API, with a clock the test may move and short, generous limits. */
import { MarketService } from "../../src/market/service";
import { FetchFn, HttpDeps, HttpPolicy } from "../../src/market/http";
import { FakeApi } from "./fake-api";

// A generous timeout: a loaded 2-core CI machine must not turn a healthy answer into a "timeout".
export const POLICY: HttpPolicy = { timeoutMs: 5000, retries: 2, backoffMs: 10, maxRetryAfterMs: 1000 };

export function serviceOn(
  api: FakeApi,
  options: { now?: () => number; policy?: HttpPolicy; deadlineMs?: number; cacheMs?: number } = {},
): MarketService {
  const deps: HttpDeps = {
    fetch: fetch as unknown as FetchFn,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: options.now ?? (() => Date.now()),
  };
  return new MarketService({
    bases: api.bases,
    policy: options.policy ?? POLICY,
    deps,
    cacheMs: options.cacheMs ?? 1000,
    deadlineMs: options.deadlineMs,
  });
}
