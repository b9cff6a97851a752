/*
 * The history store against the fake API: a request under way is shared, a response is kept for
 * an hour, a fresh load (the History tab's Fetch) asks again, and a failure is never kept nor
 * drops the response kept before it; a 429 or 503 is remembered in the runtime's one back-off
 * memory, which the live service consults too (requests counted).
 */
import { HISTORY_CACHE_MS, HistoryStore } from "../../src/market/history-store";
import { FetchFn } from "../../src/market/http";
import { BackoffMemory } from "../../src/market/backoff";
import { MarketService } from "../../src/market/service";
import { historyStore, marketService, runtimeBackoff } from "../../src/market/runtime";
import { FakeApi, startFakeApi } from "../support/fake-api";

const PRICES = "/mempool/api/v1/historical-price";
let api: FakeApi;
let now = Date.UTC(2025, 10, 28, 12);
let store: HistoryStore;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  now = Date.UTC(2025, 10, 28, 12);
  store = new HistoryStore({
    deps: { fetch: fetch as unknown as FetchFn, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => now },
    policy: { timeoutMs: 5000, retries: 0, backoffMs: 1, maxRetryAfterMs: 10 },
  });
});

const load = (fresh = false) => store.load(api.bases.mempool, "prices", "1y", fresh);

test("loads under way are shared, a fresh one too; a kept response answers for an hour, then one request", async () => {
  let open = () => {};
  api.faults.set(PRICES, { until: new Promise<void>((r) => (open = r)) });
  const loads = [load(), load(), load(true), store.load(api.bases.mempool, "prices", "3y")]; // the price series is one for every interval
  await new Promise((r) => setTimeout(r, 50));
  open();
  const got = await Promise.all(loads);
  expect(new Set(got).size).toBe(1);
  expect(api.hits.get(PRICES)).toBe(1);
  expect(got[0].data.map((p) => p.usd)).toEqual([93429, 82310, 116788, 114100, 90990, 91250, 91400]); // 2013's point is older than the 3 years kept
  now += HISTORY_CACHE_MS - 1;
  await load();
  expect(api.hits.get(PRICES)).toBe(1);
  now += 1;
  await load();
  expect(api.hits.get(PRICES)).toBe(2);
  expect(store.requestCount).toBe(2);
});

test("a fresh load asks again; when it fails, the kept response still answers, and the failure is not kept", async () => {
  const good = await load();
  api.faults.set(PRICES, { status: 500 });
  await expect(load(true)).rejects.toThrow(
    /^127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD: 127\.0\.0\.1:\d+ answered HTTP 500/,
  );
  expect(await load()).toBe(good);
  expect(api.hits.get(PRICES)).toBe(2);
  now += HISTORY_CACHE_MS;
  await expect(load()).rejects.toThrow(/HTTP 500/);
  api.faults.clear();
  expect((await load()).data).toEqual(good.data);
  expect(api.hits.get(PRICES)).toBe(4);
});

describe("back-off: one memory per runtime, shared with the live service", () => {
  const DEFAULT_BACKOFF = 5 * 60_000; // the documented default when no Retry-After can be read
  const deps = () => ({
    fetch: fetch as unknown as FetchFn,
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    now: () => now,
  });
  const policy = { timeoutMs: 5000, retries: 0, backoffMs: 1, maxRetryAfterMs: 10 };

  test("a 429 is remembered: recalculations ask nothing until its back-off ends, then once", async () => {
    api.faults.set(PRICES, { status: 429 });
    await expect(load()).rejects.toThrow(/HTTP 429\) \(not asked again before \d\d:\d\d UTC\)$/);
    for (let k = 0; k < 10; k++) {
      now += 20_000;
      await expect(load()).rejects.toThrow(
        /^127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD: not asked until \d\d:\d\d UTC: it answered HTTP 429 earlier$/,
      );
    }
    expect(api.hits.get(PRICES)).toBe(1);
    now += DEFAULT_BACKOFF - 10 * 20_000;
    api.faults.clear();
    expect((await load()).data.length).toBeGreaterThan(0);
    expect(api.hits.get(PRICES)).toBe(2);
  });

  test("a 429 to a history request puts off the live service's mempool requests, and a 429 to a live one puts off history", async () => {
    const shared = new BackoffMemory();
    const history = new HistoryStore({ deps: deps(), policy, backoff: shared });
    const live = new MarketService({ bases: api.bases, policy, deps: deps(), backoff: shared });
    api.faults.set(PRICES, { status: 429 });
    await expect(history.load(api.bases.mempool, "prices", "1y")).rejects.toThrow(/HTTP 429/);
    const s = await live.refresh();
    expect(api.hits.get("/mempool/api/v1/prices")).toBeUndefined(); // mempool put off for everything
    expect(s.prices.USD?.source).toMatch(/^Coinbase /);

    api.reset();
    const again = new BackoffMemory();
    const history2 = new HistoryStore({ deps: deps(), policy, backoff: again });
    const live2 = new MarketService({ bases: api.bases, policy, deps: deps(), backoff: again });
    api.faults.set("/mempool", { status: 429 }); // every live endpoint: one good answer would clear the slate
    await live2.refresh();
    await expect(history2.load(api.bases.mempool, "prices", "1y")).rejects.toThrow(
      /not asked until .*: it answered HTTP 429 earlier$/,
    );
    expect(api.hits.get(PRICES)).toBeUndefined();
  });

  test("the runtime's service and store are built on the runtime's one memory", () => {
    const g = globalThis as Record<string, unknown>;
    for (const key of ["__MINER_MARKET_SERVICE_V1__", "__MINER_HISTORY_STORE_V1__", "__MINER_BACKOFF_V1__"])
      delete g[key];
    const memory = runtimeBackoff();
    expect((marketService() as unknown as { backoff: unknown }).backoff).toBe(memory);
    expect((historyStore() as unknown as { backoff: unknown }).backoff).toBe(memory);
    for (const key of ["__MINER_MARKET_SERVICE_V1__", "__MINER_HISTORY_STORE_V1__", "__MINER_BACKOFF_V1__"])
      delete g[key];
  });
});
