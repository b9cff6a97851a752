/*
 * The BTC price in other currencies on a first reading and the first time a currency appears:
 * each held to its plausible band of units per USD (the range since 1999 widened 1.5× each way,
 * docs/live-data-checks.md), never labelled as confirmed by a provider that did not quote it, and
 * confirmed only by one that did. The providers in-process on a fake clock
 * (test/support/fake-providers.ts), production's policy.
 */
import { MarketService } from "../../src/market/service";
import { MarketSnapshot } from "../../src/market/fields";
import { DEFAULT_POLICY } from "../../src/market/http";
import { BASES, FakeProviders, fakeProviders } from "../support/fake-providers";
import { screenCurrencies } from "../../src/market/currencies";
import { FX_JUMP } from "../../src/market/guards";
import { reading } from "../../src/market/providers/types";

const START = Date.UTC(2026, 11, 7, 12, 0);
let p: FakeProviders;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
});
afterEach(() => jest.useRealTimers());

async function refresh(svc: MarketService): Promise<MarketSnapshot> {
  const done = svc.refresh(true);
  await jest.advanceTimersByTimeAsync(60_000);
  return done;
}
const service = () => new MarketService({ bases: BASES, policy: DEFAULT_POLICY, deps: p.deps, cacheMs: 0 });
const mempoolSays = (prices: Record<string, number>) =>
  p.scripts.set("mempool /api/v1/prices", { body: JSON.stringify({ time: 0, ...prices }) });
const said = (s: MarketSnapshot) => s.problems.join("\n");
const MEMPOOL = "mempool.space /api/v1/prices";
const COINBASE = "Coinbase /v2/prices/BTC-USD/spot";

test("a first reading's EUR at 10× (mempool: USD 91,250, EUR 789,310) is refused, though Coinbase confirmed the USD", async () => {
  mempoolSays({ USD: 91_250, EUR: 789_310, GBP: 69_120 });
  const s = await refresh(service());
  expect(s.prices.USD).toMatchObject({ value: 91_250, source: `${MEMPOOL}, confirmed by ${COINBASE}` });
  expect(s.prices.EUR).toBeUndefined();
  // 789,310 / 91,250 = 8.65 EUR per USD; the band is 0.62 / 1.5 to 1.22 × 1.5
  expect(said(s)).toMatch(
    /BTC price in EUR 789,310 implies 8\.65 EUR per USD, outside the plausible 0\.413–1\.83 \(EUR's range since 1999, widened 1\.5× each way\): refused/,
  );
  // GBP passes its band, and is labelled by the one provider that quoted it: Coinbase quotes USD only
  expect(s.prices.GBP).toMatchObject({ value: 69_120, source: MEMPOOL });
});

test("no price in another currency is labelled as confirmed by a provider that did not quote it", async () => {
  const s = await refresh(service()); // the recorded responses: mempool confirmed by Coinbase (USD only)
  expect(s.prices.USD?.source).toBe(`${MEMPOOL}, confirmed by ${COINBASE}`);
  for (const c of ["EUR", "GBP", "CAD", "CHF", "AUD", "JPY"] as const) expect(s.prices[c]?.source).toBe(MEMPOOL);
});

test("a price confirmed by a provider that quotes the currency says so; one it contradicts beyond 2% is refused", async () => {
  for (const path of ["mempool /api/v1/prices", "coinbase", "kraken"]) p.scripts.set(path, { status: 404 });
  // CoinGecko then blockchain.info, both quoting EUR and GBP
  p.scripts.set("coingecko", { body: JSON.stringify({ bitcoin: { usd: 91_243.12, eur: 78_930, gbp: 60_000 } }) });
  p.scripts.set("blockchain.info /ticker", {
    body: JSON.stringify({ USD: { last: 91_251.4 }, EUR: { last: 78_935.2 }, GBP: { last: 69_100 } }),
  });
  const s = await refresh(service());
  const both = "CoinGecko /api/v3/simple/price, confirmed by blockchain.info /ticker";
  expect(s.prices.USD?.source).toBe(both);
  expect(s.prices.EUR).toMatchObject({ value: 78_930, source: both });
  // 60,000 against 69,100: 15% apart
  expect(s.prices.GBP).toBeUndefined();
  expect(said(s)).toMatch(
    /BTC price in GBP 60,000 disagrees with the confirming provider's 69,100 by more than ±2%: refused/,
  );
});

test("the first time a currency appears, it is held to its band (there is no last good rate yet)", async () => {
  const svc = service();
  mempoolSays({ USD: 91_250 });
  expect((await refresh(svc)).prices.EUR).toBeUndefined();
  mempoolSays({ USD: 91_300, EUR: 789_310, JPY: 14_090_000 });
  const s = await refresh(svc);
  expect(s.prices.USD?.value).toBe(91_300);
  expect(s.prices.EUR).toBeUndefined();
  expect(s.prices.JPY).toMatchObject({ value: 14_090_000, source: MEMPOOL });
  expect(said(s)).toMatch(/BTC price in EUR 789,310 implies 8\.645 EUR per USD, outside the plausible/);
});

// The documented bands (docs/live-data-checks.md), written out: units per USD.
test.each([
  ["EUR", 0.62 / 1.5, 1.22 * 1.5],
  ["GBP", 0.47 / 1.5, 0.97 * 1.5],
  ["CAD", 0.91 / 1.5, 1.62 * 1.5],
  ["CHF", 0.7 / 1.5, 1.83 * 1.5],
  ["AUD", 0.9 / 1.5, 2.1 * 1.5],
  ["JPY", 75 / 1.5, 162 * 1.5],
])("%s: a first rate just inside its band is written, just outside it is refused", async (c, min, max) => {
  for (const [rate, written] of [
    [min * 1.01, true],
    [max * 0.99, true],
    [min * 0.99, false],
    [max * 1.01, false],
  ] as const) {
    p = fakeProviders();
    mempoolSays({ USD: 91_250, [c]: 91_250 * rate }); // the USD the other providers confirm
    const s = await refresh(service());
    expect([c, rate, s.prices[c as "EUR"] !== undefined]).toEqual([c, rate, written]);
  }
});

test("a currency's last good rate is taken from one reading: a kept EUR price against a newer USD one is no rate, so a true EUR after a 15% rise is written", () => {
  const old = START - 3 * 3_600_000;
  // EUR kept (stale) from three hours ago at 0.86 EUR per USD; USD refreshed since (fallback providers quote USD only)
  const reference = {
    prices: {
      USD: { value: 91_000, source: COINBASE, asOf: START - 60_000 },
      EUR: { value: 80_000 * 0.86, source: MEMPOOL, asOf: old },
    },
  } as unknown as MarketSnapshot;
  const r = reading({ prices: { USD: 92_000, EUR: 92_000 * 0.86 } });
  // with the old pairing the implied rate would move 0.86 / (68,800 / 91,000) − 1 = +13.8%, beyond ±10%
  expect(Math.abs(0.86 / ((80_000 * 0.86) / 91_000) - 1)).toBeGreaterThan(FX_JUMP);
  const screen = screenCurrencies(r, reference, undefined);
  expect([screen.problems, r.prices.EUR]).toEqual([[], 92_000 * 0.86]);
  // one reading's pair still holds the rate to ±10%
  const fresh = {
    prices: {
      USD: { value: 91_000, source: MEMPOOL, asOf: old },
      EUR: { value: 91_000 * 0.86, source: MEMPOOL, asOf: old },
    },
  } as unknown as MarketSnapshot;
  const jumped = reading({ prices: { USD: 92_000, EUR: 92_000 * 0.86 * 1.12 } });
  expect(screenCurrencies(jumped, fresh, undefined).problems.join()).toMatch(
    /EUR\/USD rate \+12\.0% from the last good one/,
  );
});
