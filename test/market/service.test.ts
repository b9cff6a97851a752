/*
 * The refresh service against a fake API server on 127.0.0.1: the right fallback, or the last
 * good value marked stale, and a message, for every fault.
 */
import { MarketService } from "../../src/market/service";
import { FetchFn, HttpDeps } from "../../src/market/http";
import { hashpriceUsdPerPhDay } from "../../src/calc/revenue";
import { FakeApi, startFakeApi } from "../support/fake-api";

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

// A generous timeout: a loaded 2-core CI machine must not turn a healthy answer into a "timeout".
const POLICY = { timeoutMs: 5000, retries: 2, backoffMs: 10, maxRetryAfterMs: 1000 };

function service(now = () => Date.now(), policy = POLICY): MarketService {
  const deps: HttpDeps = { fetch: fetch as unknown as FetchFn, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now };
  return new MarketService({ bases: api.bases, policy, deps, cacheMs: 1000 });
}

test("all providers up: every field from mempool (the first reading confirmed by a second provider), hashprice and halving derived, each with source and time", async () => {
  const s = await service().refresh();
  expect(s.problems).toEqual([]);
  expect(s.stale).toEqual([]);
  expect(s.fields.btc_price_usd).toMatchObject({ value: 91250, source: "mempool.space /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot" });
  expect(s.prices.EUR?.value).toBe(78931);
  expect(s.fields.difficulty).toMatchObject({
    value: 162010345678901.25,
    source: "mempool.space /api/v1/mining/hashrate/3d, confirmed by blockchain.info /q/getdifficulty",
  });
  expect(s.fields.block_height?.value).toBe(975312);
  expect(s.fields.fees_btc_per_block?.value).toBeCloseTo(0.025, 15);
  expect(s.fields.next_retarget_blocks?.value).toBe(432);
  expect(s.fields.next_halving_height?.value).toBe(1_050_000);
  expect(s.fields.next_halving_blocks?.value).toBe(1_050_000 - 975_312);
  expect(s.fields.hashprice_usd_per_ph_day?.value).toBe(hashpriceUsdPerPhDay(91250, 162010345678901.25, 0.025, 3.125).toNumber());
  expect(s.fields.hashprice_usd_per_ph_day?.source).toMatch(/^derived: MINER.HASHPRICE/);
  for (const v of Object.values(s.fields)) expect(v.asOf).toBeGreaterThan(Date.now() - 60_000);
});

test("mempool down (500 everywhere) on the first load: the price from Coinbase confirmed by Kraken; difficulty and height from blockchain.info alone are not confirmed, so not written; all said", async () => {
  api.faults.set("/mempool", { status: 500 });
  const s = await service().refresh();
  expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
  expect(s.fields.difficulty).toBeUndefined();
  expect(s.fields.block_height).toBeUndefined();
  expect(s.fields.fees_btc_per_block).toBeUndefined();
  const said = s.problems.join("\n");
  expect(said).toMatch(/fees per block: 127.0.0.1:\d+ answered HTTP 500/);
  expect(said).toMatch(/BTC price from Coinbase .* because 127.0.0.1:\d+ answered HTTP 500/);
  expect(said).toMatch(/^difficulty and hashrate: blockchain\.info \/q\/getdifficulty says 1\.620e\+14, not used: it is the first reading since the add-in started, and no second provider confirmed it \(127\.0\.0\.1:\d+ answered HTTP 500\)$/m);
  expect(said).toMatch(/^block height: blockchain\.info \/q\/getblockcount says 975,312, not used: it is the first reading/m);
  // 500 is retried (2 retries) before moving on
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(3);
});

test("429 with Retry-After is waited for and retried; a Retry-After beyond the cap moves on at once", async () => {
  api.faults.set("/mempool/api/v1/prices", { status: 429, headers: { "Retry-After": "0" }, times: 1 });
  let s = await service().refresh();
  expect(s.fields.btc_price_usd?.source).toBe("mempool.space /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot");
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(2);

  api.reset();
  api.faults.set("/mempool/api/v1/prices", { status: 429, headers: { "Retry-After": "3600" } });
  s = await service().refresh();
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(1);
  expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
});

test("a slow response past the timeout is abandoned for the next provider", async () => {
  api.faults.set("/mempool/api/v1/prices", { delayMs: 6000 });
  const started = Date.now();
  const s = await service(() => Date.now(), { ...POLICY, timeoutMs: 1500 }).refresh();
  expect(Date.now() - started).toBeLessThan(5000);
  expect(s.problems.join("\n")).toMatch(/did not answer within 1.5 s/);
  expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
});

test.each([
  ["truncated JSON", '{"USD": 912', /not valid JSON/],
  ["wrong types", '{"USD": "91250"}', /expected a number/],
  ["an implausible price", '{"USD": -5}', /outside the plausible range/],
])("%s from mempool falls back to Coinbase", async (_, body, message) => {
  api.faults.set("/mempool/api/v1/prices", { body });
  const s = await service().refresh();
  expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
  // the fallback worked, and the user is told why it was needed
  expect(s.problems).toHaveLength(1);
  expect(s.problems[0]).toMatch(/^BTC price from Coinbase \/v2\/prices\/BTC-USD\/spot, confirmed by Kraken \/0\/public\/Ticker because mempool prices/);
  expect(s.problems[0]).toMatch(message);
});

test("all price providers down and no earlier value: no price, no hashprice, and a message naming each failure", async () => {
  for (const p of ["/mempool/api/v1/prices", "/coinbase", "/kraken", "/coingecko", "/blockchain/ticker"]) api.faults.set(p, { status: 503 });
  const s = await service().refresh();
  expect(s.fields.btc_price_usd).toBeUndefined();
  expect(s.fields.hashprice_usd_per_ph_day).toBeUndefined();
  expect(s.problems[0]).toMatch(/^BTC price: .*HTTP 503.*HTTP 503.*HTTP 503.*HTTP 503.*HTTP 503/);
});

test("everything down after a good refresh: the last good values stay, marked stale, with the reasons", async () => {
  let clock = Date.now();
  const svc = service(() => clock);
  const good = await svc.refresh();
  api.faults.set("/", { status: 500 });
  clock += 60_000;
  const s = await svc.refresh();
  expect(s.fields.btc_price_usd).toEqual(good.fields.btc_price_usd);
  expect(s.fields.difficulty).toEqual(good.fields.difficulty);
  expect(s.stale).toEqual(expect.arrayContaining(["btc_price_usd", "difficulty", "block_height", "fees_btc_per_block", "hashprice_usd_per_ph_day"]));
  expect(s.problems).toHaveLength(5);
  expect(s.problems.every((p) => /HTTP 500/.test(p))).toBe(true);
});

test("a difficulty far off the last confirmed one is used only when a second provider confirms it; a height going backwards that the other provider contradicts is not used", async () => {
  let clock = Date.now();
  const svc = service(() => clock);
  await svc.refresh();
  api.faults.set("/mempool/api/v1/mining/hashrate/3d", { body: '{"currentHashrate":1.17e23,"currentDifficulty":1.62e16}' });
  api.faults.set("/blockchain/q/getdifficulty", { body: "1.62e16" });
  api.faults.set("/mempool/api/blocks/tip/height", { body: "975000" });
  api.faults.set("/blockchain/q/getblockcount", { body: "975313" });
  clock += 60_000;
  const s = await svc.refresh();
  // mempool's 100× difficulty is questioned, and blockchain.info's equal one "confirms" it: two providers agree
  expect(s.fields.difficulty?.value).toBe(1.62e16);
  expect(s.fields.difficulty?.source).toBe("mempool.space /api/v1/mining/hashrate/3d, confirmed by blockchain.info /q/getdifficulty");
  // the height going back 312 blocks needs a second provider, and blockchain.info contradicts it: the last confirmed height stays, stale
  expect(s.fields.block_height).toMatchObject({
    value: 975312,
    source: "mempool.space /api/blocks/tip/height, confirmed by blockchain.info /q/getblockcount",
  });
  expect(s.stale).toContain("block_height");
  expect(s.problems.join("\n")).toMatch(
    /^block height: mempool\.space \/api\/blocks\/tip\/height says 975,000; blockchain\.info \/q\/getblockcount says 975,313: they disagree by more than ±3 blocks, so none is used; the last confirmed 975,312 \(mempool\.space \/api\/blocks\/tip\/height, confirmed by blockchain\.info \/q\/getblockcount, \d\d:\d\d UTC\) is kept$/m,
  );

  api.reset();
  api.faults.set("/blockchain/q/getdifficulty", { status: 500 });
  api.faults.set("/mempool/api/v1/mining/hashrate/3d", { body: '{"currentHashrate":1.17e21,"currentDifficulty":1.62e14}' });
  clock += 60_000;
  const back = await svc.refresh();
  // back to 1.62e14 is −99% from the (confirmed) 1.62e16, and nobody confirms it: refused, stale
  expect(back.fields.difficulty?.value).toBe(1.62e16);
  expect(back.stale).toContain("difficulty");
  expect(back.problems.join("\n")).toMatch(/difficulty 1\.620e\+14 is -99\.0% from the last confirmed 1\.620e\+16 .*no second provider confirmed it/);
});

test("1,000 simultaneous asks make one request per endpoint; within the cache window, none", async () => {
  const svc = service();
  const results = await Promise.all(Array.from({ length: 1000 }, () => svc.refresh()));
  expect(new Set(results).size).toBe(1);
  for (const n of api.hits.values()) expect(n).toBe(1);
  expect(api.totalHits()).toBe(5 + 3); // mempool's five, and the first readings' confirmations (Coinbase, blockchain.info ×2)
  await svc.refresh();
  expect(api.totalHits()).toBe(8);
  await svc.refresh(true);
  expect(api.totalHits()).toBe(8 + 5); // confirmed a refresh ago, moved nothing: mempool alone
});

test("a user's own mempool instance is used for every mempool request", async () => {
  const svc = service();
  svc.setMempoolBase(`${api.url}/mempool/`);
  expect(svc.mempoolBase).toBe(`${api.url}/mempool`);
  await svc.refresh();
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(1);
});
