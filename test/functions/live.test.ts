/*
 * Live functions stream from the shared MarketService: values at once when there are some, one
 * refresh however many cells ask, updates on every refresh, clean cancellation, #N/A with a reason.
 */
import * as live from "../../src/functions/live";

const { btcPrice: price, difficulty, height, network } = live;
import { MarketService } from "../../src/market/service";
import { FetchFn } from "../../src/market/http";
import { FakeApi, startFakeApi } from "../support/fake-api";

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

let service: MarketService;
beforeEach(() => {
  api.reset();
  service = new MarketService({
    bases: api.bases,
    policy: { timeoutMs: 5000, retries: 0, backoffMs: 1, maxRetryAfterMs: 10 },
    deps: { fetch: fetch as unknown as FetchFn, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() },
    cacheMs: 60_000,
  });
  (globalThis as Record<string, unknown>).__MINER_MARKET_SERVICE_V1__ = service;
});

/** A StreamingInvocation that records what the function sets. */
function invocation() {
  const results: unknown[] = [];
  const inv = { setResult: (v: unknown) => results.push(v), onCanceled: undefined as undefined | (() => void), results };
  return inv;
}
const settle = () => new Promise((r) => setTimeout(r, 50));
const last = (inv: ReturnType<typeof invocation>) => inv.results[inv.results.length - 1];

test("BTCPRICE, DIFFICULTY, HEIGHT and NETWORK show the refreshed values", async () => {
  const p = invocation();
  const eur = invocation();
  const d = invocation();
  const h = invocation();
  const hp = invocation();
  price(null, p as never);
  price("eur", eur as never);
  difficulty(d as never);
  height(h as never);
  network("BTC_Hashprice", hp as never);
  await service.refresh();
  await settle();
  expect(last(p)).toBe(91250);
  expect(last(eur)).toBe(78931);
  expect(last(d)).toBe(162010345678901.25);
  expect(last(h)).toBe(975312);
  expect(last(hp)).toBe(service.current()?.fields.hashprice_usd_per_ph_day?.value);
});

test("1,000 cells asking at once make one request per endpoint", async () => {
  const cells = Array.from({ length: 1000 }, () => invocation());
  cells.forEach((c) => price(null, c as never));
  await service.refresh();
  await settle();
  expect(cells.every((c) => last(c) === 91250)).toBe(true);
  expect(api.totalHits()).toBe(5 + 3); // one per endpoint, and the first readings' confirmations
});

test("a refresh from the pane updates every live cell; a cancelled cell stops listening", async () => {
  const a = invocation();
  const b = invocation();
  price(null, a as never);
  price(null, b as never);
  await service.refresh();
  await settle();
  b.onCanceled?.();
  api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 93000}' });
  await service.refresh(true);
  await settle();
  expect(last(a)).toBe(93000);
  expect(last(b)).toBe(91250);
});

test("with every provider down and nothing fetched before: #N/A saying why, not #BUSY!", async () => {
  api.faults.set("/", { status: 503 });
  const p = invocation();
  price(null, p as never);
  await settle();
  await service.refresh();
  await settle();
  const e = last(p) as { code: string; message: string };
  expect(e).toBeInstanceOf(CustomFunctions.Error);
  expect(e.code).toBe("#N/A");
  expect(e.message).toMatch(/^BTCPRICE: BTC price in USD unavailable: BTC price: .*HTTP 503/);
});

test("a bad currency or field name is #VALUE! listing what is allowed", () => {
  const p = invocation();
  price("XYZ", p as never);
  expect(last(p)).toMatchObject({ code: "#VALUE!", message: 'BTCPRICE: currency must be one of USD, EUR, GBP, CAD, CHF, AUD, JPY; got "XYZ"' });
  const n = invocation();
  network("temperature", n as never);
  expect((last(n) as { message: string }).message).toMatch(/^NETWORK: field must be one of btc_price_usd, difficulty, /);
});
