/*
 * Fees per block have one provider and drive the hashprice: a reading above the 12.5 BTC ceiling,
 * or more than ×3 (and 0.1 BTC) from the last good value within 12 hours, is not used; the last
 * good fees stay, marked stale with the hashprice made from them, and the banner says why. The
 * providers in-process on a fake clock (test/support/fake-providers.ts), production's policy.
 */
import { MarketService } from "../../src/market/service";
import { MarketSnapshot } from "../../src/market/fields";
import { DEFAULT_POLICY } from "../../src/market/http";
import { BASES, FakeProviders, fakeProviders } from "../support/fake-providers";

const START = Date.UTC(2026, 11, 7, 12, 0);
const HOUR = 3600_000;
const D = 162010345678901.25;
/** Hashprice in floats: price × 86,400 × 1e15 × (3.125 + fees) / (difficulty × 2^32), USD/PH/day. */
const hashprice = (fees: number) => (91_250 * 86_400 * 1e15 * (3.125 + fees)) / (D * 2 ** 32);

let p: FakeProviders;
let svc: MarketService;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
  svc = new MarketService({ bases: BASES, policy: DEFAULT_POLICY, deps: p.deps, cacheMs: 0 });
});
afterEach(() => jest.useRealTimers());

/** mempool's reward stats for 144 blocks whose fees total 144 × `perBlock` BTC. */
const feesAre = (perBlock: number) =>
  p.scripts.set("mempool /api/v1/mining/reward-stats/144", {
    body: JSON.stringify({
      startBlock: 975169,
      endBlock: 975312,
      totalReward: "45360000000",
      totalFee: String(Math.round(perBlock * 144 * 1e8)),
      totalTx: "512345",
    }),
  });
/** A refresh, then the clock moves on by `ms`. */
async function refresh(ms = 60_000): Promise<MarketSnapshot> {
  const done = svc.refresh(true);
  await jest.advanceTimersByTimeAsync(ms);
  return done;
}
const said = (s: MarketSnapshot) => s.problems.join("\n");

test("fees of 50 BTC a block after a good reading: the last good 0.025 BTC stays, the hashprice stays ~49 (not 602), both marked stale, and the banner says why", async () => {
  const good = await refresh();
  expect(good.fields.fees_btc_per_block?.value).toBe(0.025);
  expect(good.fields.hashprice_usd_per_ph_day?.value).toBeNear(hashprice(0.025), { rel: 1e-9 });
  feesAre(50);
  const s = await refresh();
  expect(hashprice(50)).toBeGreaterThan(600); // what was written before
  expect(s.fields.fees_btc_per_block?.value).toBe(0.025);
  expect(s.fields.hashprice_usd_per_ph_day?.value).toBeNear(hashprice(0.025), { rel: 1e-9 });
  expect(s.stale).toEqual(expect.arrayContaining(["fees_btc_per_block", "hashprice_usd_per_ph_day"]));
  expect(said(s)).toMatch(
    /^fees per block: mempool\.space \/api\/v1\/mining\/reward-stats\/144 not used: fees per block 50 BTC is above the plausible 12\.5 BTC .*; the last good 0\.025 BTC \(12:00 UTC\) is kept, and the hashprice made from it is marked stale$/m,
  );
});

test("a first reading above the ceiling is not used: no fees, rather than 50", async () => {
  feesAre(50);
  const s = await refresh();
  expect(s.fields.fees_btc_per_block).toBeUndefined();
  expect(said(s)).toMatch(/fees per block 50 BTC is above the plausible 12\.5 BTC/);
});

test("more than ×3 (and 0.1 BTC) from the last good value within 12 hours is not used; ×2 is; after 12 hours only the ceiling applies", async () => {
  await refresh(); // 0.025 BTC
  feesAre(0.5); // ×20, +0.475 BTC
  let s = await refresh();
  expect(s.fields.fees_btc_per_block?.value).toBe(0.025);
  expect(s.stale).toContain("hashprice_usd_per_ph_day");
  expect(said(s)).toMatch(/fees per block 0\.5 BTC is 20× above the last good 0\.025 BTC from less than 12 hours ago/);

  feesAre(0.1); // ×4 but only +0.075 BTC: used
  s = await refresh();
  expect(s.fields.fees_btc_per_block?.value).toBe(0.1);
  feesAre(0.2); // ×2, as block 840,000 moved the mean: used, and the new last good value
  s = await refresh();
  expect(s.fields.fees_btc_per_block?.value).toBe(0.2);
  expect(s.stale).toEqual([]);

  feesAre(2); // ×10 from 0.2
  s = await refresh(12 * HOUR - 60_000);
  expect(s.fields.fees_btc_per_block?.value).toBe(0.2);
  s = await refresh(); // the last good is now 12 hours old: the window may have turned over
  expect(s.fields.fees_btc_per_block?.value).toBe(2);
  expect(s.fields.hashprice_usd_per_ph_day?.value).toBeNear(hashprice(2), { rel: 1e-9 });
});
