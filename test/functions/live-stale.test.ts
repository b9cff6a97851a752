/*
 * Live cells when a refresh fails or is refused, on a fake clock with the providers in-process and
 * production's MarketService: the cell keeps its last good value (the value MINER_Market keeps,
 * marked stale there and in the banner's problems) for up to MAX_STALE_MS past its as-of, then is
 * #N/A saying since when and why; a value the checks refused is never shown; a good refresh brings
 * the cell back.
 */
import { btcPrice, difficulty, MAX_STALE_MS } from "../../src/functions/live";
import { MarketService } from "../../src/market/service";
import { DEFAULT_POLICY } from "../../src/market/http";
import { marketRows } from "../../src/taskpane/market-rows";
import { BASES, FakeProviders, fakeProviders, priceBodies } from "../support/fake-providers";

const START = Date.UTC(2026, 11, 7, 12, 0);
const MINUTE = 60_000;
const PRICE = 91250; // test/fixtures/api/mempool/v1-prices.json

let p: FakeProviders;
let service: MarketService;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
  service = new MarketService({ bases: BASES, policy: DEFAULT_POLICY, deps: p.deps, cacheMs: 0 });
  (globalThis as Record<string, unknown>).__MINER_MARKET_SERVICE_V1__ = service;
});
afterEach(() => jest.useRealTimers());

function invocation() {
  const results: unknown[] = [];
  return { setResult: (v: unknown) => results.push(v), onCanceled: undefined as undefined | (() => void), results };
}
const last = (c: { results: unknown[] }) => c.results[c.results.length - 1];

/** Every price provider refuses (503). */
function pricesDown(): void {
  for (const k of ["mempool /api/v1/prices", "coinbase", "kraken", "coingecko", "blockchain.info /ticker"])
    p.scripts.set(k, { status: 503 });
}

test("a failed refresh keeps the last good price in the cell, as MINER_Market keeps it (marked stale), for an hour; then #N/A saying since when", async () => {
  const cell = invocation();
  btcPrice("USD", 5, cell as never);
  await jest.advanceTimersByTimeAsync(MINUTE);
  expect(last(cell)).toBe(PRICE);

  pricesDown();
  await jest.advanceTimersByTimeAsync(10 * MINUTE); // two failed refreshes, at 5 and 10 minutes
  const s = service.current()!;
  expect(s.stale).toContain("btc_price_usd");
  expect(s.problems.some((x) => x.startsWith("BTC price"))).toBe(true); // what the banner shows
  const row = marketRows(s).find((r) => r.name === "BTC_Price")!;
  expect(row).toMatchObject({ stale: true, value: { value: PRICE, asOf: START + 50 } });
  expect(last(cell)).toBe(PRICE);
  expect(cell.results.every((v) => v === PRICE)).toBe(true); // never #N/A, never another number

  // Just before an hour past the price's as-of (fetched 50 ms after START) it still shows; just after, #N/A.
  await jest.advanceTimersByTimeAsync(START + 50 + MAX_STALE_MS - 1 - Date.now());
  expect(last(cell)).toBe(PRICE);
  await jest.advanceTimersByTimeAsync(2);
  const e = last(cell) as { code: string; message: string };
  expect(e.code).toBe("#N/A");
  expect(e.message).toMatch(
    /^BTCPRICE: BTC price in USD stale since 2026-12-07 12:00 UTC: the last good value, 91,250, could not be refreshed for more than an hour: BTC price: .*503/,
  );

  // The providers recover: the first refresh after their back-off (till 13:20) brings the cell back.
  p.scripts.clear();
  await jest.advanceTimersByTimeAsync(30 * MINUTE);
  expect(last(cell)).toBe(PRICE);
  expect(service.current()!.stale).not.toContain("btc_price_usd");
});

test("an hour is the longest back-off a provider can ask for, and about 0.6% of BTC's moves at 60% a year", () => {
  expect(MAX_STALE_MS).toBe(60 * MINUTE);
  expect(0.6 * Math.sqrt(1 / (365.25 * 24))).toBeLessThan(0.0065);
});

test("a reading the checks refuse (a first-confirmed price, then 10x unconfirmed) is never shown: the cell shows the confirmed price", async () => {
  const cell = invocation();
  const d = invocation();
  btcPrice(null, 1, cell as never);
  difficulty(d as never);
  await jest.advanceTimersByTimeAsync(MINUTE / 2);
  expect(last(cell)).toBe(PRICE);
  // mempool now says 10x; every other provider still says the truth: refused, not written.
  p.scripts.set("mempool /api/v1/prices", { body: priceBodies.mempool(PRICE * 10) });
  for (const k of ["coinbase", "kraken", "coingecko"] as const) p.scripts.set(k, { body: priceBodies[k](PRICE) });
  p.scripts.set("blockchain.info /ticker", { body: priceBodies.blockchain(PRICE) });
  await jest.advanceTimersByTimeAsync(5 * MINUTE);
  expect(service.current()!.prices.USD!.source).not.toMatch(/^mempool/); // the refused reading is not the one written
  expect(cell.results).not.toContain(PRICE * 10);
  expect(cell.results.every((v) => typeof v === "number" && Math.abs(v / PRICE - 1) < 0.02)).toBe(true);
  expect(d.results.every((v) => typeof v === "number")).toBe(true);
});

test("a cell whose value was never fetched is #N/A saying why, and a cancelled cell sets nothing more", async () => {
  pricesDown();
  const cell = invocation();
  btcPrice(null, null, cell as never);
  await jest.advanceTimersByTimeAsync(MINUTE);
  expect(last(cell)).toMatchObject({ code: "#N/A" });
  expect((last(cell) as { message: string }).message).toMatch(/^BTCPRICE: BTC price in USD unavailable: BTC price: /);
  const n = cell.results.length;
  cell.onCanceled!();
  await jest.advanceTimersByTimeAsync(2 * MAX_STALE_MS);
  expect(cell.results.length).toBe(n);
});
