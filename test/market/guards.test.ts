/*
 * No single reading is trusted against a wrong reference (issue 15, findings 2, 5 and 8): heights
 * must fit the time since the last good one, prices and difficulties may jump only when a second
 * provider agrees, fields must agree with each other, and a refused reading never becomes the
 * reference. Against the fake API, with the recorded responses (height 975,312, BTC $91,250,
 * difficulty 162.01 T).
 */
import { FakeApi, startFakeApi } from "../support/fake-api";
import { serviceOn } from "../support/market-service";
import { MarketSnapshot } from "../../src/market/fields";

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const D = 162010345678901.25;
/** Hashprice re-derived in floats: price × 86,400 × 1e15 × (subsidy + fees) / (difficulty × 2^32). */
const hashprice = (price: number, difficulty: number, subsidy: number, fees = 0.025) =>
  (price * 86_400 * 1e15 * (subsidy + fees)) / (difficulty * 2 ** 32);
const said = (s: MarketSnapshot) => s.problems.join("\n");

/** A service with a clock the test moves, after one good refresh. */
async function afterGoodRefresh() {
  const clock = { now: Date.now() };
  const svc = serviceOn(api, { now: () => clock.now });
  const good = await svc.refresh();
  expect(good.fields.block_height?.value).toBe(975_312);
  return { svc, clock };
}

describe("block height", () => {
  test("a height outside the window since the last confirmed one needs a second provider: contradicted, the last confirmed height stays; it never becomes the reference, and true heights go on being accepted", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/blocks/tip/height", { body: "980000" });
    clock.now += 60_000;
    let s = await svc.refresh(true);
    expect(s.fields.block_height).toMatchObject({ value: 975_312, source: "mempool.space /api/blocks/tip/height, confirmed by blockchain.info /q/getblockcount" });
    expect(s.stale).toContain("block_height");
    expect(said(s)).toMatch(
      /^block height: mempool\.space \/api\/blocks\/tip\/height says 980,000; blockchain\.info \/q\/getblockcount says 975,312: they disagree by more than ±3 blocks, so none is used; the last confirmed 975,312 /m,
    );
    // the hashprice stays at the subsidy of the true height (3.125 BTC), not a later era's
    expect(s.fields.hashprice_usd_per_ph_day?.value).toBeCloseTo(hashprice(91_250, D, 3.125), 9);

    // with no second provider, the bad height is refused and the last confirmed one kept, marked stale
    api.faults.set("/blockchain/q/getblockcount", { status: 500 });
    clock.now += 60_000;
    s = await svc.refresh(true);
    expect(s.fields.block_height?.value).toBe(975_312);
    expect(s.stale).toContain("block_height");
    expect(said(s)).toMatch(
      /block height 980,000 is more than the time since the last confirmed 975,312 allows \(at most 975,324: 2 × 144 blocks a day \+ 12\), and no second provider confirmed it/,
    );

    // the next true height is accepted from the primary: the refused one never became the reference
    api.reset();
    api.faults.set("/mempool/api/blocks/tip/height", { body: "975313" });
    clock.now += 600_000;
    s = await svc.refresh(true);
    expect(s.fields.block_height).toMatchObject({ value: 975_313, source: "mempool.space /api/blocks/tip/height" });
    expect(s.stale).toEqual([]);
  });

  test("a height ahead of the wall clock is refused outright, and the other provider's height is used", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/blocks/tip/height", { body: "9999999" });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.block_height).toMatchObject({ value: 975_312, source: "blockchain.info /q/getblockcount" });
    // The ceiling, re-derived: block 840,000 at 00:09 UTC on 20 April 2024, one block per 600 s, +10%, +288.
    const ceiling = Math.floor(840_000 + ((clock.now - Date.UTC(2024, 3, 20, 0, 9)) / 600_000) * 1.1 + 288);
    expect(said(s)).toMatch(
      new RegExp(`mempool\\.space /api/blocks/tip/height refused: block height 9,999,999 is ahead of the clock: at most ${ceiling.toLocaleString("en-US")} can exist by `),
    );
  });

  test("a forward jump beyond the time allowed needs a second provider like a backward one; within it, no second provider is asked", async () => {
    const { svc, clock } = await afterGoodRefresh();
    clock.now += 86_400_000; // a day: at most 2 × 144 + 12 = 300 blocks
    api.reset();
    api.faults.set("/mempool/api/blocks/tip/height", { body: String(975_312 + 300) });
    let s = await svc.refresh(true);
    expect(s.fields.block_height).toMatchObject({ value: 975_612, source: "mempool.space /api/blocks/tip/height" });
    expect(api.hits.get("/blockchain/q/getblockcount")).toBeUndefined();

    clock.now += 60_000; // a minute later: still measured from the confirmed 975,312, a day and a minute ago
    api.faults.set("/mempool/api/blocks/tip/height", { body: String(975_612 + 13) });
    api.faults.set("/blockchain/q/getblockcount", { body: String(975_612 - 1) });
    s = await svc.refresh(true);
    expect(s.fields.block_height?.value).toBe(975_312); // the last confirmed height, not the unconfirmed 975,612
    expect(s.stale).toContain("block_height");
    expect(said(s)).toMatch(/mempool\.space \/api\/blocks\/tip\/height says 975,625; blockchain\.info \/q\/getblockcount says 975,611: they disagree/);
  });

  test("the first height, with nothing known, must not be ahead of the wall clock, and needs a second provider", async () => {
    api.faults.set("/mempool/api/blocks/tip/height", { body: "1050001" }); // the next halving's height + 1
    api.faults.set("/blockchain/q/getblockcount", { status: 500 });
    const s = await serviceOn(api).refresh();
    expect(s.fields.block_height).toBeUndefined();
    expect(s.fields.hashprice_usd_per_ph_day).toBeUndefined();
    expect(said(s)).toMatch(/^block height: mempool\.space \/api\/blocks\/tip\/height refused: block height 1,050,001 is ahead of the clock/m);
  });

  test("a wrong reference heals: two providers that agree override it", async () => {
    const clock = { now: Date.now() };
    const svc = serviceOn(api, { now: () => clock.now });
    api.faults.set("/mempool/api/blocks/tip/height", { body: "976000" });
    api.faults.set("/blockchain/q/getblockcount", { body: "976000" });
    expect((await svc.refresh()).fields.block_height?.value).toBe(976_000); // two providers agree: nothing to contradict it yet
    api.reset();
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.block_height).toMatchObject({
      value: 975_312,
      source: "mempool.space /api/blocks/tip/height, confirmed by blockchain.info /q/getblockcount",
    });
  });
});

describe("BTC price", () => {
  test("a 10× rise from one provider is refused when the next does not confirm it", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 912500, "EUR": 789310}' });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd).toMatchObject({ value: 91_248.57, source: "Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker" });
    expect(said(s)).toMatch(
      /^BTC price from Coinbase \/v2\/prices\/BTC-USD\/spot, confirmed by Kraken \/0\/public\/Ticker because mempool\.space \/api\/v1\/prices refused: it says 912,500 \(BTC price 912,500 is \+900\.0% from the last confirmed 91,250 \(more than ±3% needs a second provider\)\)/,
    );
    expect(s.prices.EUR?.value).toBe(78_931); // mempool's EUR came with the refused reading
    expect(s.stale).toContain("btc_price_eur");
  });

  test("a 10× fall confirmed by a second provider is accepted, and says who confirmed it", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 9125, "EUR": 7893.1}' });
    api.faults.set("/coinbase/v2/prices/BTC-USD/spot", { body: '{"data":{"amount":"9130.00","base":"BTC","currency":"USD"}}' });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd).toMatchObject({
      value: 9125,
      source: "mempool.space /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot",
    });
    expect(s.prices.EUR?.value).toBe(7893.1);
    expect(s.problems).toEqual([]);
    expect(s.fields.hashprice_usd_per_ph_day?.value).toBeCloseTo(hashprice(9125, D, 3.125), 9);
  });

  test("a jump with no second provider to confirm it is refused: the last good price stays, stale", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 9125}' });
    for (const p of ["/coinbase", "/kraken", "/coingecko", "/blockchain/ticker"]) api.faults.set(p, { status: 503 });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd?.value).toBe(91_250);
    expect(s.stale).toContain("btc_price_usd");
    expect(s.stale).toContain("hashprice_usd_per_ph_day");
    expect(said(s)).toMatch(/BTC price 9,125 is -90\.0% from the last confirmed 91,250 .*no second provider confirmed it/);
  });

  test("providers that disagree with each other: each jump is refused, and two that agree are used", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 70000}' });
    api.faults.set("/coinbase/v2/prices/BTC-USD/spot", { body: '{"data":{"amount":"50000","base":"BTC","currency":"USD"}}' });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd).toMatchObject({ value: 91_252.1, source: "Kraken /0/public/Ticker, confirmed by CoinGecko /api/v3/simple/price" });
    expect(said(s)).toMatch(/Coinbase \/v2\/prices\/BTC-USD\/spot refused: it says 50,000 \(BTC price 50,000 is -45\.2%/);
    expect(said(s)).toMatch(/mempool\.space \/api\/v1\/prices refused: it says 70,000 \(BTC price 70,000 is -23\.3% /);
  });

  test("a move within 3% of the last confirmed price needs no second provider (no extra request)", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.reset();
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 93900}' }); // +2.9%
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd?.value).toBe(93_900);
    expect(api.hits.get("/coinbase/v2/prices/BTC-USD/spot")).toBeUndefined();
  });

  test("a price in another currency whose exchange rate jumped is refused, the USD price kept", async () => {
    const { svc, clock } = await afterGoodRefresh();
    // 1.0953 EUR per USD: inside EUR's band (currencies.test.ts), but +26.6% from the last good 0.8650
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 91300, "EUR": 100000, "GBP": 69150}' });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.btc_price_usd?.value).toBe(91_300);
    expect(s.prices.GBP?.value).toBe(69_150);
    expect(s.prices.EUR?.value).toBe(78_931);
    expect(s.stale).toContain("btc_price_eur");
    expect(said(s)).toMatch(/BTC price in EUR 100,000 implies a EUR\/USD rate \+26\.6% from the last good one \(more than ±10%\): refused/);
  });
});

describe("fields checked against each other", () => {
  test("a next retarget below the tip is refused and derived from the height instead", async () => {
    const body = JSON.stringify({ difficultyChange: 2.5, estimatedRetargetDate: 1795774320000, remainingBlocks: 432, nextRetargetHeight: 973_728, timeAvg: 585000 });
    api.faults.set("/mempool/api/v1/difficulty-adjustment", { body });
    const s = await serviceOn(api).refresh();
    expect(s.fields.next_retarget_height).toMatchObject({ value: 975_744, source: "derived: next multiple of 2016 after BTC_Height" });
    expect(s.fields.next_retarget_blocks?.value).toBe(432);
    expect(s.fields.next_retarget_change).toBeUndefined();
    expect(said(s)).toMatch(/next difficulty adjustment: mempool\.space \/api\/v1\/difficulty-adjustment: next retarget 973,728 is not within 2016 blocks above the tip 975,312: refused/);
  });

  test("blocks left that do not match the next retarget and the tip are refused", async () => {
    const body = JSON.stringify({ difficultyChange: 2.5, estimatedRetargetDate: 1795774320000, remainingBlocks: 1000, nextRetargetHeight: 975_744, timeAvg: 585000 });
    api.faults.set("/mempool/api/v1/difficulty-adjustment", { body });
    const s = await serviceOn(api).refresh();
    expect(s.fields.next_retarget_blocks).toMatchObject({ value: 432, source: "derived: BTC_NextRetargetHeight − BTC_Height" });
    expect(said(s)).toMatch(/1,000 blocks left does not match 975,744 − 975,312/);
  });

  test("10 EH/s at 162 T difficulty is refused: difficulty from the fallback, hashrate derived from it", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/mining/hashrate/3d", { body: '{"currentHashrate":1e19,"currentDifficulty":162010345678901.25}' });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.difficulty).toMatchObject({ value: D, source: "blockchain.info /q/getdifficulty" });
    expect(s.fields.network_hashrate_ehs?.source).toBe("derived: MINER.NETWORKHASHRATE(BTC_Difficulty)");
    expect(s.fields.network_hashrate_ehs?.value).toBeCloseTo((D * 2 ** 32) / 600 / 1e18, 9);
    expect(said(s)).toMatch(/mempool hashrate: hashrate 10 EH\/s is -99\.1% from the 1,159\.7 EH\/s its difficulty implies \(allowed ±30%\)/);
  });

  test("after a fallback, the hashrate is derived from the difficulty actually used, not kept stale", async () => {
    const { svc, clock } = await afterGoodRefresh();
    api.faults.set("/mempool/api/v1/mining/hashrate/3d", { status: 500 });
    clock.now += 60_000;
    const s = await svc.refresh(true);
    expect(s.fields.difficulty).toMatchObject({ value: D, source: "blockchain.info /q/getdifficulty" });
    expect(s.fields.network_hashrate_ehs).toMatchObject({ source: "derived: MINER.NETWORKHASHRATE(BTC_Difficulty)" });
    expect(s.fields.network_hashrate_ehs?.value).toBeCloseTo((D * 2 ** 32) / 600 / 1e18, 9);
    expect(s.stale).not.toContain("network_hashrate_ehs");
  });
});
