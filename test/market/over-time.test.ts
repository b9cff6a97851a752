/*
 * Live data over many refreshes, on a fake clock with the providers in-process
 * (test/support/fake-providers.ts): a primary that drifts, a first reading at 10×, the schedule of
 * confirmations, hedged fallbacks when the first providers are silent, and back-off remembered
 * across refreshes. Production's limits throughout (8 s per request, 2 retries, 15 s per refresh,
 * a 2 s hedge); the clock only makes the waits free.
 */
import { MarketService } from "../../src/market/service";
import { MarketSnapshot } from "../../src/market/fields";
import { DEFAULT_POLICY } from "../../src/market/http";
import { BASES, FakeProviders, fakeProviders, priceBodies } from "../support/fake-providers";

const START = Date.UTC(2026, 11, 7, 12, 0);
const TRUTH = 103_000;

let p: FakeProviders;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
});
afterEach(() => jest.useRealTimers());

/** A service on the in-process providers, with every snapshot it publishes (partial ones too). */
function service(): { svc: MarketService; published: MarketSnapshot[] } {
  const svc = new MarketService({ bases: BASES, policy: DEFAULT_POLICY, deps: p.deps, cacheMs: 0 });
  const published: MarketSnapshot[] = [];
  svc.subscribe((s) => published.push(s));
  return { svc, published };
}

/** One refresh, then the clock moves on to the next minute (the refresh has its 15 s inside it). */
async function refreshThenMinute(svc: MarketService): Promise<MarketSnapshot> {
  const done = svc.refresh(true);
  await jest.advanceTimersByTimeAsync(60_000);
  return done;
}

/** Every secondary price provider answers the truth. */
function honestSecondaries(usd = TRUTH): void {
  p.scripts.set("coinbase", { body: priceBodies.coinbase(usd) });
  p.scripts.set("kraken", { body: priceBodies.kraken(usd) });
  p.scripts.set("coingecko", { body: priceBodies.coingecko(usd) });
  p.scripts.set("blockchain.info /ticker", { body: priceBodies.blockchain(usd) });
}

const worstPriceError = (snapshots: MarketSnapshot[]) =>
  Math.max(...snapshots.map((s) => (s.prices.USD ? Math.abs(s.prices.USD.value / TRUTH - 1) : 0)));

describe("a primary that drifts is caught", () => {
  test.each([
    [0.01, 30],
    [0.099, 25],
  ])(
    "drifting %p a refresh for %p refreshes: nothing more than 3% from the truth is ever published",
    async (step, n) => {
      honestSecondaries();
      p.scripts.set("mempool /api/v1/prices", (k) => ({ body: priceBodies.mempool(TRUTH * (1 + step) ** (k - 1)) }));
      const { svc, published } = service();
      let last!: MarketSnapshot;
      for (let k = 0; k < n; k++) last = await refreshThenMinute(svc);
      // The threshold is 3% from the last confirmed price, and the confirmed price is the truth here.
      expect(worstPriceError(published)).toBeLessThanOrEqual(0.03);
      expect(published.some((s) => s.prices.USD && s.prices.USD.value !== TRUTH)).toBe(step === 0.01); // 1%, 2% were written
      expect(last.prices.USD).toMatchObject({
        value: TRUTH,
        source: "Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker",
      });
      expect(last.problems[0]).toMatch(
        /^BTC price from Coinbase .* because mempool\.space \/api\/v1\/prices refused: it says [\d,.]+ \(BTC price [\d,.]+ is \+[\d.]+% from the last confirmed 103,000 \(more than ±3% needs a second provider\)\)$/,
      );
      expect(p.byProvider().coinbase).toBeGreaterThan(n / 2); // asked whenever the primary had drifted too far
    },
  );
});

describe("the first reading after the runtime starts", () => {
  test("a first price at 10× is never written: the two providers that agree are used, and the banner says what each said", async () => {
    p.scripts.set("mempool /api/v1/prices", { body: priceBodies.mempool(912_500) });
    const { svc, published } = service();
    const first = await refreshThenMinute(svc);
    expect(first.prices.USD).toMatchObject({
      value: 91_248.57,
      source: "Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker",
    });
    expect(first.problems[0]).toMatch(
      /mempool\.space \/api\/v1\/prices refused: it says 912,500 \(it is the first reading since the add-in started\)/,
    );
    for (let k = 0; k < 4; k++) await refreshThenMinute(svc);
    expect(published.every((s) => !s.prices.USD || s.prices.USD.value < 100_000)).toBe(true);
    // the hashprice stays near the recorded ~$49/PH/day (91,250 USD, 162 T, 3.125 + 0.025 BTC), never ~10×
    const hashprices = published
      .map((s) => s.fields.hashprice_usd_per_ph_day?.value)
      .filter((v): v is number => v !== undefined);
    const expected = (91_248.57 * 86_400 * 1e15 * 3.15) / (162010345678901.25 * 2 ** 32);
    for (const h of hashprices) expect(h).toBeNear(expected, { rel: 0.001, label: "hashprice" });
  });

  test("a first height of 1,050,001 is refused by the wall clock: no height and no hashprice, rather than half the hashprice", async () => {
    p.scripts.set("mempool /api/blocks/tip/height", { body: "1050001" });
    const { svc } = service();
    const s = await refreshThenMinute(svc);
    expect(s.fields.block_height).toBeUndefined();
    expect(s.fields.hashprice_usd_per_ph_day).toBeUndefined();
    // 840,000 + (7 Dec 2026 12:00 − 20 Apr 2024 00:09) / 600 s × 1.1 + 288
    const ceiling = Math.floor(840_000 + ((START - Date.UTC(2024, 3, 20, 0, 9)) / 600_000) * 1.1 + 288);
    expect(ceiling).toBeLessThan(1_050_001);
    expect(s.problems.join("\n")).toMatch(
      new RegExp(
        `^block height: .*mempool\\.space /api/blocks/tip/height refused: block height 1,050,001 is ahead of the clock: at most ${ceiling.toLocaleString("en-US")} can exist by 2026-12-07 12:00 UTC`,
        "m",
      ),
    );
  });
});

describe("the schedule of confirmations", () => {
  test("steady providers: a second provider is asked on the first refresh and every fifth after it, and nothing else", async () => {
    const { svc } = service();
    for (let k = 0; k < 12; k++) await refreshThenMinute(svc);
    // refreshes 1, 6 and 11 confirm the price, the difficulty and the height
    expect(p.hits.get("coinbase /v2/prices/BTC-USD/spot")).toBe(3);
    expect(p.hits.get("blockchain.info /q/getdifficulty")).toBe(3);
    expect(p.hits.get("blockchain.info /q/getblockcount")).toBe(3);
    expect(p.byProvider()).toEqual({ mempool: 60, coinbase: 3, "blockchain.info": 6 });
  });

  test("a scheduled confirmation that no second provider can give: the reading is used, said unconfirmed, not stale", async () => {
    const { svc } = service();
    for (let k = 0; k < 5; k++) await refreshThenMinute(svc);
    for (const provider of ["coinbase", "kraken", "coingecko", "blockchain.info"])
      p.scripts.set(provider, { status: 500 });
    const s = await refreshThenMinute(svc);
    expect(s.prices.USD).toMatchObject({ value: 91_250, source: "mempool.space /api/v1/prices" });
    expect(s.stale).toEqual([]);
    expect(s.problems[0]).toMatch(
      /^BTC price from mempool\.space \/api\/v1\/prices because unconfirmed: its last confirmation was 5 refreshes ago, and no second provider answered; /,
    );
  });

  test("a difficulty the second provider contradicts is not written: the last confirmed one stays, stale, and the banner names both sources and values", async () => {
    const { svc } = service();
    await refreshThenMinute(svc);
    p.scripts.set("mempool /api/v1/mining/hashrate/3d", {
      body: JSON.stringify({ currentHashrate: 1.2e21, currentDifficulty: 1.65e14 }),
    });
    const s = await refreshThenMinute(svc);
    expect(s.fields.difficulty).toMatchObject({ value: 162010345678901.25 });
    expect(s.stale).toEqual(expect.arrayContaining(["difficulty", "network_hashrate_ehs", "hashprice_usd_per_ph_day"]));
    expect(s.problems.join("\n")).toMatch(
      /^difficulty and hashrate: mempool\.space \/api\/v1\/mining\/hashrate\/3d says 1\.650e\+14; blockchain\.info \/q\/getdifficulty says 1\.620e\+14: they disagree by more than ±1%, so none is used; the last confirmed 1\.620e\+14 \(mempool\.space \/api\/v1\/mining\/hashrate\/3d, confirmed by blockchain\.info \/q\/getdifficulty, 12:00 UTC\) is kept$/m,
    );
  });
});

describe("hedged fallbacks", () => {
  test("mempool and Coinbase silent: Kraken is asked at 2 s past Coinbase, answers, and the banner names only those asked", async () => {
    const { svc } = service();
    await refreshThenMinute(svc); // confirmed: the next refresh needs no second provider
    p.scripts.set("mempool /api/v1/prices", { never: true });
    p.scripts.set("coinbase", { never: true });
    const started = Date.now();
    const done = svc.refresh(true);
    let finished = 0;
    void done.then(() => (finished = Date.now()));
    await jest.advanceTimersByTimeAsync(60_000);
    const s = await done;
    expect(finished - started).toBe(4_050); // hedges at 2 s and 4 s; Kraken answers 50 ms later
    expect(s.prices.USD).toMatchObject({ value: 91_252.1, source: "Kraken /0/public/Ticker" });
    expect(s.problems).toEqual([
      "BTC price from Kraken /0/public/Ticker because mempool.space /api/v1/prices had not answered after 4.0 s; Coinbase /v2/prices/BTC-USD/spot had not answered after 2.0 s",
    ]);
    expect(p.hits.get("coingecko /api/v3/simple/price")).toBeUndefined();
    expect(p.hits.get("blockchain.info /ticker")).toBeUndefined();
    expect(p.open).toBe(0); // the silent requests were cancelled
  });

  test("on a first load with both silent, two later providers that agree are used within the refresh's limit", async () => {
    p.scripts.set("mempool /api/v1/prices", { never: true });
    p.scripts.set("coinbase", { never: true });
    const { svc } = service();
    const s = await refreshThenMinute(svc);
    expect(s.prices.USD?.source).toBe("Kraken /0/public/Ticker, confirmed by CoinGecko /api/v3/simple/price");
  });
});

describe("back-off remembered across refreshes", () => {
  test.each([
    ["a readable Retry-After of an hour", 1, { "Retry-After": "3600" }],
    ["no Retry-After the pane can read", 4, {}], // asked at 0, 5, 15 and 35 minutes: 5, 10, 20 minutes' back-off
  ])(
    "a 429 with %s: a refresh a minute for an hour asks mempool %p time(s), for anything",
    async (_, times, headers) => {
      p.scripts.set("mempool", { status: 429, headers });
      const { svc } = service();
      let last!: MarketSnapshot;
      for (let k = 0; k < 60; k++) last = await refreshThenMinute(svc);
      for (const path of ["/api/v1/prices", "/api/blocks/tip/height", "/api/v1/mining/reward-stats/144"])
        expect(p.hits.get(`mempool ${path}`)).toBe(times);
      expect(last.prices.USD?.source).toMatch(/^Coinbase /);
      expect(last.problems[0]).toMatch(
        /^BTC price from Coinbase .* because mempool\.space \/api\/v1\/prices not asked until \d\d:\d\d UTC: it answered HTTP 429 earlier$/,
      );
    },
  );

  test("a 503 puts off that endpoint alone, with the default back-off; the provider's other endpoints are still asked", async () => {
    p.scripts.set("mempool /api/v1/mining/reward-stats/144", { status: 503 });
    const { svc } = service();
    for (let k = 0; k < 60; k++) await refreshThenMinute(svc);
    expect(p.hits.get("mempool /api/v1/mining/reward-stats/144")).toBe(4 * 3); // 4 calls of 3 attempts (2 retries)
    expect(p.hits.get("mempool /api/v1/prices")).toBe(60);
  });
});
