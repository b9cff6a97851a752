/*
 * History as a series, against the fake API: the attacks a value-by-value check let through
 * (prices alternating $100 and $10M, difficulty ×100,000 in 41 days, rows in the future, 6,000 days
 * answered to "3 months") are refused whole, with the reason; a well-formed 1.28 MB price series is
 * read (its own body cap, not the small responses' 1 MiB); derived growth and volatility outside
 * their plausible bands are refused.
 */
import { fetchHistory, HistoryResult } from "../../src/market/history";
import { FetchFn, HttpDeps } from "../../src/market/http";
import { MAX_BODY_BYTES } from "../../src/market/http";
import { FakeApi, startFakeApi } from "../support/fake-api";

const NOW = Date.UTC(2025, 10, 27, 12); // noon on 27 Nov 2025
const DAY = 86_400;
const END = 1764201600; // 00:00 UTC on 27 Nov 2025

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const POLICY = { timeoutMs: 5000, retries: 0, backoffMs: 10, maxRetryAfterMs: 1000 };
const deps: HttpDeps = {
  fetch: fetch as unknown as FetchFn,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => NOW,
};
const history = (interval: "3m" | "1y" = "1y") =>
  fetchHistory({ base: api.bases.mempool, policy: POLICY, deps, interval });
const reason = (r: HistoryResult) => (r.ok ? "" : r.reason);

interface Synthetic {
  days?: number;
  /** USD price on day k (0 = the oldest). */
  price?: (k: number) => number;
  /** Difficulty after the j-th adjustment (one every 14 days, 2,016 blocks apart). */
  difficulty?: (j: number) => number;
  /** Seconds added to the newest hashrate point's time. */
  lastShift?: number;
  /** Network hashrate on day k, EH/s (default: 2% above what the difficulty in force implies). */
  hashrate?: (k: number) => number;
  /** Mean reward per block of day k's bucket, BTC (default 3.15). */
  reward?: (k: number) => number;
}

/** A history of `days` consecutive days ending 27 Nov 2025 in mempool's shapes, served for `interval`. */
function serve(
  {
    days = 60,
    price = (k) => 90_000 * Math.exp(0.02 * Math.sin(k)),
    difficulty = (j) => 1.4e14 * 1.01 ** j,
    lastShift = 0,
    hashrate,
    reward = () => 3.15,
  }: Synthetic,
  interval = "1y",
) {
  const times = Array.from({ length: days }, (_, k) => END - (days - 1 - k) * DAY);
  times[days - 1] += lastShift;
  const adjustments = times.filter((_, k) => k % 14 === 1).map((t, j) => [t, 917_280 + 2016 * j, difficulty(j), 1.01]); // the ratio field as a liar would send it: plausible
  const body = (path: string, value: unknown) =>
    api.faults.set(`/mempool/api/v1/${path}`, { status: 200, body: JSON.stringify(value) });
  // Each day's hashrate 2% above what the difficulty in force implies (d × 2^32 / 600), as a liar would keep it
  const inForce = (t: number) => adjustments.filter((a) => a[0] <= t).pop()?.[2] ?? 1.4e14;
  body(`mining/hashrate/${interval}`, {
    hashrates: times.map((t, k) => ({ timestamp: t, avgHashrate: hashrate ? hashrate(k) * 1e18 : Math.max(2e19, ((inForce(t) * 2 ** 32) / 600) * 1.02) })), // within the endpoint's 10 EH/s floor
    difficulty: [],
    currentHashrate: 0,
    currentDifficulty: 0,
  });
  body(`mining/difficulty-adjustments/${interval}`, adjustments.slice().reverse());
  body(
    `mining/blocks/rewards/${interval}`,
    times.map((t, k) => ({
      avgHeight: 917_000 + 144 * k,
      timestamp: Math.min(t, END) + 3600,
      avgRewards: Math.round(reward(k) * 1e8),
      USD: 0,
    })),
  );
  body("historical-price", {
    prices: times.map((t, k) => ({ time: Math.min(t, END), USD: price(k) })).reverse(),
    exchangeRates: {},
  });
}

test("a well-formed history passes every check (the baseline the attacks below change one thing of)", async () => {
  serve({});
  const r = await history();
  expect(reason(r)).toBe("");
});

describe("attacks on the series are refused whole, saying why", () => {
  test("prices alternating $100 and $10M (an annual volatility of ~220 otherwise)", async () => {
    serve({ price: (k) => (k % 2 ? 10_000_000 : 100) });
    expect(reason(await history())).toMatch(
      /^127\.0\.0\.1:\d+: mempool historical-price: the price goes from 100 \(2025-09-29 00:00 UTC\) to 10,000,000 \(2025-09-30 00:00 UTC\), a factor of 100,000; at most 2 is plausible \(a factor of 2 a day\): refused$/,
    );
  });

  test("difficulty from 1e12 to 1e17 in 41 days (a monthly growth of ~5,000 otherwise, which MININGNPVDIST would use)", async () => {
    serve({ difficulty: (j) => (j < 3 ? 1e12 : 1e17) });
    expect(reason(await history())).toMatch(
      /mempool difficulty-adjustments: the difficulty goes from 1\.000e\+12 \(.*\) to 1\.000e\+17 \(.*\), a factor of 100,000 in 1 retarget\(s\); the protocol allows at most 4× a retarget: refused$/,
    );
  });

  test("a row 2 days in the future", async () => {
    serve({ lastShift: 2 * DAY });
    expect(reason(await history())).toMatch(
      /mempool hashrate: a point at 2025-11-29 00:00 UTC is in the future \(more than 2 hours after this computer's clock, 2025-11-27 12:00 UTC\): refused$/,
    );
  });

  test("hashrate alternating 10 and 1,000,000 EH/s: each day held to the ±30% band around what the difficulty in force implies", async () => {
    serve({ hashrate: (k) => (k % 2 ? 1e6 : 10) });
    // day 1 (2025-09-30, the first adjustment's day): 1,000,000 EH/s against 1.4e14 × 2^32 / 600 / 1e18 = 1,002.2 EH/s
    expect((1.4e14 * 2 ** 32) / 600 / 1e18).toBeNear(1002.2, { abs: 0.05 });
    expect((1e6 / ((1.4e14 * 2 ** 32) / 600 / 1e18) - 1) * 100).toBeNear(99684.6, { abs: 0.05 });
    expect(reason(await history())).toMatch(
      /^127\.0\.0\.1:\d+: mempool hashrate: on 2025-09-30 the hashrate 1,000,000 EH\/s is \+99684\.6% from the 1,002\.2 EH\/s the difficulty in force then \(1\.400e\+14\) implies \(allowed ±30%\): refused$/,
    );
  });

  test("a reward of 50 BTC a block at height 921,320 (subsidy 3.125 BTC): above the subsidy and 12.5 BTC of fees", async () => {
    serve({ reward: (k) => (k === 30 ? 50 : 3.15) });
    expect(reason(await history())).toMatch(
      /mempool blocks\/rewards: the mean reward 50 BTC a block at height 921,320 \(2025-10-29 01:00 UTC\) is outside the plausible 1\.5625–15\.625 BTC \(half the subsidy, to the subsidy and 12\.5 BTC of fees\): refused$/,
    );
  });

  test('6,000 days answered to "3 months"', async () => {
    serve({ days: 6000 }, "3m");
    expect(reason(await history("3m"))).toMatch(
      /mempool hashrate: a point at 2009-\d\d-\d\d 00:00 UTC is before the 3m asked for \(from 2025-08-27 12:00 UTC, with 2 days' slack\): 6000 points answered: refused$/,
    );
  });
});

describe("derived values outside their plausible bands are refused", () => {
  test("a volatility of ~1,200% a year (prices alternating ×1.9 and ÷1.9 a day: each step plausible alone)", async () => {
    serve({ price: (k) => (k % 2 ? 171_000 : 90_000) });
    // stdev of ±ln 1.9 returns × √365, in floats: far above the band's 300%
    const vol = Math.log(1.9) * Math.sqrt(59 / 58) * Math.sqrt(365);
    expect(vol).toBeGreaterThan(3);
    expect(reason(await history())).toMatch(
      /the realised price volatility 1,2\d\d\.\d% a year is outside the plausible 5% to 300% a year: refused$/,
    );
  });

  test("a difficulty growth of ~+140% a month (×1.5 every retarget: each step within the protocol's ×4)", async () => {
    serve({ difficulty: (j) => 1e14 * 1.5 ** j });
    expect(reason(await history())).toMatch(
      /the realised difficulty growth \+?1\d\d\.\d% a month is outside the plausible -50% to \+50% a month: refused$/,
    );
  });
});

describe("history bodies have their own cap", () => {
  test("a well-formed 1.28 MB price series (39,503 hourly points) is read, where the small responses' 1 MiB cap refused it", async () => {
    serve({});
    const points = Array.from({ length: 39_503 }, (_, k) => ({
      time: END - k * 3600,
      USD: Math.round(90_000 * Math.exp(0.03 * Math.sin(k * 1.7))),
    }));
    const body = JSON.stringify({ prices: points, exchangeRates: {} });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    api.faults.set("/mempool/api/v1/historical-price", { status: 200, body });
    const r = await history();
    expect(reason(r)).toBe("");
    expect(r.ok && r.history.rows[r.history.rows.length - 1].btcPriceUsd).toBe(points[0].USD);
  });

  test("a price series over 16 MiB is refused at the cap", async () => {
    serve({});
    api.faults.set("/mempool/api/v1/historical-price", { status: 200, body: " ".repeat(16 * 2 ** 20 + 1) });
    expect(reason(await history())).toMatch(
      /historical-price\?currency=USD: 127\.0\.0\.1:\d+ sent more than 16384 KB: refused/,
    );
  });
});
