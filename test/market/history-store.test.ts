/*
 * The history store against the fake API: a request under way is shared, a response is kept for
 * an hour, a fresh load (the History tab's Fetch) asks again, and a failure is never kept nor
 * drops the response kept before it.
 */
import { HISTORY_CACHE_MS, HistoryStore } from "../../src/market/history-store";
import { FetchFn } from "../../src/market/http";
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
  await expect(load(true)).rejects.toThrow(/^127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD: 127\.0\.0\.1:\d+ answered HTTP 500/);
  expect(await load()).toBe(good);
  expect(api.hits.get(PRICES)).toBe(2);
  now += HISTORY_CACHE_MS;
  await expect(load()).rejects.toThrow(/HTTP 500/);
  api.faults.clear();
  expect((await load()).data).toEqual(good.data);
  expect(api.hits.get(PRICES)).toBe(4);
});
