/*
 * The history data layer against mempool's recorded shapes (test/fixtures/api/mempool), served by
 * the fake API on 127.0.0.1, and against failing and malformed responses.
 */
import { buildHistory, fetchHistory, historyTable, HistoryResult } from "../../src/market/history";
import {
  parseDailyHashrates,
  parseDifficultyAdjustments,
  parsePriceHistory,
  parseRewardBuckets,
} from "../../src/market/history-endpoints";
import { FetchFailure, FetchFn, HttpDeps } from "../../src/market/http";
import { FakeApi, startFakeApi } from "../support/fake-api";
import { fixture } from "../support/fixtures";

const NOW = Date.UTC(2025, 10, 27, 12); // the samples end on 27 Nov 2025
const DAY = 86_400;

/** Hashprice from its definition, in doubles: price × 86,400 × 1e15 × reward / (difficulty × 2^32), USD/PH/day. */
const hashprice = (price: number, difficulty: number, rewardBtc: number) =>
  (price * 86400 * 1e15 * rewardBtc) / (difficulty * 2 ** 32);

describe("parsers read the recorded responses", () => {
  test("difficulty adjustments: newest first in the response, oldest first out", () => {
    const a = parseDifficultyAdjustments(fixture("mempool/v1-mining-difficulty-adjustments-1y.json"), NOW);
    expect(a).toHaveLength(8);
    expect(a[0]).toEqual({ time: 1735689600, height: 876960, difficulty: 109782075598905.3, ratio: 1.010612 });
    expect(a[7]).toEqual({ time: 1764201600, height: 925344, difficulty: 149301205959845.3, ratio: 0.980496 });
  });
  test("daily hashrate in EH/s (H/s ÷ 1e18)", () => {
    const h = parseDailyHashrates(fixture("mempool/v1-mining-hashrate-1y.json"), NOW);
    expect(h.map((x) => x.hashrateEhs)).toEqual([781, 814, 1038, 1121, 1069]);
  });
  test("reward buckets, sorted by time", () => {
    const r = parseRewardBuckets(fixture("mempool/v1-mining-blocks-rewards-1y.json"), NOW);
    expect(r.map((x) => [x.height, x.rewardSats])).toEqual([
      [876980, 315812345],
      [890080, 314102201],
      [915280, 315330104],
      [925350, 315998765],
    ]);
    const shuffled = JSON.stringify(JSON.parse(fixture("mempool/v1-mining-blocks-rewards-1y.json")).reverse());
    expect(parseRewardBuckets(shuffled, NOW)).toEqual(r);
  });
  test("prices from a start time on, oldest first; the older series checked only for shape", () => {
    const p = parsePriceHistory(fixture("mempool/v1-historical-price-usd.json"), NOW, 1735689600 - DAY);
    expect(p[0]).toEqual({ time: 1735689600, usd: 93429 });
    expect(p).toHaveLength(7);
  });
});

describe("parsers refuse what is not plausible", () => {
  const invalid = (f: () => unknown, message: RegExp) => {
    expect(f).toThrow(FetchFailure);
    expect(f).toThrow(message);
  };
  const hashrates = (xs: unknown[]) =>
    JSON.stringify({ hashrates: xs, difficulty: [], currentHashrate: 0, currentDifficulty: 0 });
  test("truncated or not JSON", () => {
    invalid(
      () => parseDifficultyAdjustments(fixture("mempool/v1-mining-difficulty-adjustments-1y.json").slice(0, 100), NOW),
      /not valid JSON/,
    );
    invalid(() => parsePriceHistory("<html>502 Bad Gateway</html>", NOW, 0), /not valid JSON/);
  });
  test("wrong shapes and types", () => {
    invalid(() => parseDifficultyAdjustments('{"time":1}', NOW), /expected a list/);
    invalid(
      () => parseDifficultyAdjustments("[[1764201600,925344,149301205959845.3]]", NOW),
      /entry 1: expected \[time, height, difficulty, adjustment\]/,
    );
    invalid(
      () => parseDifficultyAdjustments('[[1764201600,925344,"149301205959845.3",0.98]]', NOW),
      /entry 1 difficulty: expected a number/,
    );
    invalid(
      () => parseDailyHashrates(hashrates([{ timestamp: 1764201600 }]), NOW),
      /entry 1 avgHashrate: expected a number, got nothing/,
    );
    invalid(() => parseRewardBuckets("[]", NOW), /the list is empty/);
    invalid(
      () => parsePriceHistory('{"prices":[{"time":1764201600,"USD":"91250"}]}', NOW, 0),
      /USD: expected a number/,
    );
  });
  test("out of range: a hashrate in EH/s instead of H/s, a ratio beyond the protocol's ×4, a price of 0, a height that is not whole, a time in the future", () => {
    invalid(
      () => parseDailyHashrates(hashrates([{ timestamp: 1764201600, avgHashrate: 1069 }]), NOW),
      /avgHashrate: 1069 is outside/,
    );
    invalid(
      () => parseDifficultyAdjustments("[[1764201600,925344,149301205959845.3,5]]", NOW),
      /adjustment: 5 is outside/,
    );
    invalid(() => parsePriceHistory('{"prices":[{"time":1764201600,"USD":0}]}', NOW, 0), /USD: 0 is outside/);
    invalid(
      () => parseRewardBuckets('[{"avgHeight":925350.5,"timestamp":1764201600,"avgRewards":315998765}]', NOW),
      /avgHeight: 925350.5 is not a whole number/,
    );
    invalid(
      () => parseDailyHashrates(hashrates([{ timestamp: NOW / 1000 + 5 * DAY, avgHashrate: 1e21 }]), NOW),
      /timestamp: .* is outside/,
    );
  });
  test("out of order, repeated", () => {
    const oldestFirst = JSON.stringify(
      JSON.parse(fixture("mempool/v1-mining-difficulty-adjustments-1y.json")).reverse(),
    );
    invalid(() => parseDifficultyAdjustments(oldestFirst, NOW), /entries 1 and 2 are not newest first/);
    invalid(
      () =>
        parseDailyHashrates(
          hashrates([
            { timestamp: 1764201600, avgHashrate: 1e21 },
            { timestamp: 1764201600 - DAY, avgHashrate: 1e21 },
          ]),
          NOW,
        ),
      /not one a day, oldest first/,
    );
    invalid(
      () => parsePriceHistory('{"prices":[{"time":1764201600,"USD":91250},{"time":1764201600,"USD":91250}]}', NOW, 0),
      /not newest first/,
    );
    const bucket = { avgHeight: 925350, timestamp: 1764201600, avgRewards: 315998765, USD: 91250 };
    invalid(() => parseRewardBuckets(JSON.stringify([bucket, bucket]), NOW), /two buckets at 1764201600/);
  });
  test("bounded: too many entries, or a body too long to be the endpoint's", () => {
    const many = Array.from({ length: 10_001 }, (_, k) => ({ timestamp: 1400000000 + k * DAY, avgHashrate: 1e21 }));
    invalid(
      () => parseDailyHashrates(hashrates(many), Date.UTC(2100, 0, 1)),
      /10001 entries, more than the 10000 read/,
    );
    invalid(() => parseRewardBuckets(" ".repeat(4 * 2 ** 20 + 1), NOW), /more than the 4194304 read/);
  });
});

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const POLICY = { timeoutMs: 5000, retries: 2, backoffMs: 10, maxRetryAfterMs: 1000 };
const deps = (now = () => NOW): HttpDeps => ({
  fetch: fetch as unknown as FetchFn,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now,
});
const history = (over: { interval?: "1y" | "2y" } = {}) =>
  fetchHistory({ base: api.bases.mempool, policy: POLICY, deps: deps(), ...over });
const ok = (r: HistoryResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.history;
};
const PATHS = [
  "/mempool/api/v1/mining/difficulty-adjustments/1y",
  "/mempool/api/v1/mining/hashrate/1y",
  "/mempool/api/v1/mining/blocks/rewards/1y",
  "/mempool/api/v1/historical-price",
];

describe("history from the recorded responses", () => {
  test("one request per endpoint", async () => {
    await history();
    expect(PATHS.map((p) => api.hits.get(p))).toEqual([1, 1, 1, 1]);
    expect(api.totalHits()).toBe(4);
  });

  test("one row per daily hashrate point, each field from its endpoint, hashprice from its definition", async () => {
    const h = ok(await history());
    const serial = (t: number) => t / DAY + 25569;
    expect(h.rows.map((r) => r.date)).toEqual([1735689600, 1743465600, 1758153600, 1761782400, 1764201600].map(serial));
    expect(h.rows.map((r) => r.hashrateEhs)).toEqual([781, 814, 1038, 1121, 1069]);
    expect(h.rows.map((r) => r.difficulty)).toEqual([
      109782075598905.3, 113757508810854.2, 144954051543212.5, 155973032196071.9, 149301205959845.3,
    ]);
    expect(h.rows.map((r) => r.height)).toEqual([876980, 890080, 915280, null, 925350]);
    // the last price at or before the day's time and less than a day old: 31 Mar 23:00 for 1 Apr; none for 30 Oct (27 Oct is too old); 00:00, not 01:00, on 27 Nov
    expect(h.rows.map((r) => r.btcPriceUsd)).toEqual([93429, 82310, 116788, null, 91250]);
    const fees = [315812345, 314102201, 315330104, null, 315998765].map((sats) =>
      sats === null ? null : sats / 1e8 - 3.125,
    );
    h.rows.forEach((r, k) => {
      if (fees[k] === null) expect(r.feesBtcPerBlock).toBeNull();
      else expect(r.feesBtcPerBlock).toBeCloseTo(fees[k] as number, 14);
    });
    const expected = [0, 1, 2, 4].map((k) =>
      hashprice(h.rows[k].btcPriceUsd as number, h.rows[k].difficulty as number, 3.125 + (fees[k] as number)),
    );
    [0, 1, 2, 4].forEach((k, j) =>
      expect(Math.abs((h.rows[k].hashpriceUsdPerPhDay as number) / expected[j] - 1)).toBeLessThan(1e-12),
    );
    expect(h.rows[3].hashpriceUsdPerPhDay).toBeNull();
    // 27 Nov 2025: about $40/PH/day, as Luxor's Hashrate Index had it then (network-history.md: Nov average $39.82)
    expect(h.rows[4].hashpriceUsdPerPhDay).toBeGreaterThan(38);
    expect(h.rows[4].hashpriceUsdPerPhDay).toBeLessThan(42);
  });

  test("realised monthly difficulty growth over the interval, reproducible from the rows; no volatility without 30 consecutive days, and both say why", async () => {
    const h = ok(await history());
    const days = (1764201600 - 1735689600) / DAY;
    const g = (149301205959845.3 / 109782075598905.3) ** (365 / 12 / days) - 1;
    expect(Math.abs((h.difficultyGrowthMonthly?.value as number) / g - 1)).toBeLessThan(1e-12);
    expect(h.difficultyGrowthMonthly?.source).toBe(
      "derived: (difficulty on 2025-11-27 / difficulty on 2025-01-01)^((365/12) / 330 days) − 1",
    );
    expect(h.priceVolAnnual).toBeNull();
    expect(h.notes).toEqual([
      "1 day(s) have no block-reward bucket: no height, fees or hashprice",
      "1 day(s) have no price within a day before them",
      "no price volatility: fewer than 30 consecutive daily returns",
    ]);
  });

  test("the sheet: a header with units, one row per day, blanks empty, source and as-of in every row", async () => {
    const h = ok(await history());
    const t = historyTable(h);
    expect(t[0]).toEqual([
      "Date (UTC date)",
      "Block height",
      "Difficulty",
      "Network hashrate (EH/s)",
      "BTC price (USD)",
      "Fees per block (BTC/block)",
      "Hashprice (USD/PH/day)",
      "Source",
      "As of (UTC date-time)",
    ]);
    expect(t).toHaveLength(6);
    expect(t[4].slice(0, 7)).toEqual([1761782400 / DAY + 25569, "", 155973032196071.9, 1121, "", "", ""]);
    const host = new URL(api.bases.mempool).host;
    for (const row of t.slice(1)) {
      expect(row[7]).toBe(
        `${host} /api/v1/mining/hashrate/1y, /api/v1/mining/difficulty-adjustments/1y, /api/v1/mining/blocks/rewards/1y, /api/v1/historical-price?currency=USD`,
      );
      expect(row[8]).toBe(NOW / 86_400_000 + 25569);
    }
  });
});

describe("a failing provider yields no rows and a reason", () => {
  test("HTTP 500 on one endpoint (retried twice) fails the whole history, naming it", async () => {
    api.faults.set("/mempool/api/v1/mining/hashrate/1y", { status: 500 });
    const r = await history();
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.reason).toMatch(/\/api\/v1\/mining\/hashrate\/1y: 127.0.0.1:\d+ answered HTTP 500/);
    expect("history" in r).toBe(false);
    expect(api.hits.get("/mempool/api/v1/mining/hashrate/1y")).toBe(3);
  });
  test("a truncated price series, a malformed adjustment list: every failure is said", async () => {
    api.faults.set("/mempool/api/v1/historical-price", {
      status: 200,
      body: fixture("mempool/v1-historical-price-usd.json").slice(0, 150),
    });
    api.faults.set("/mempool/api/v1/mining/difficulty-adjustments/1y", {
      status: 200,
      body: '[[1764201600,925344,"x",0.98]]',
    });
    const r = await history();
    expect(r.ok).toBe(false);
    const reason = r.ok ? "" : r.reason;
    expect(reason).toMatch(
      /difficulty-adjustments\/1y: mempool difficulty-adjustments entry 1 difficulty: expected a number/,
    );
  });
  test("a truncated price series alone", async () => {
    api.faults.set("/mempool/api/v1/historical-price", {
      status: 200,
      body: fixture("mempool/v1-historical-price-usd.json").slice(0, 150),
    });
    const r = await history();
    expect(r.ok ? "" : r.reason).toMatch(
      /historical-price\?currency=USD: mempool historical-price: the response is not valid JSON/,
    );
  });
  test("an interval the endpoints do not serve (404)", async () => {
    const r = await history({ interval: "2y" });
    expect(r.ok ? "" : r.reason).toMatch(/answered HTTP 404/);
  });
  test("an interval outside the list is refused before any request", async () => {
    const r = await fetchHistory({ base: api.bases.mempool, policy: POLICY, deps: deps(), interval: "5y" as never });
    expect(r).toEqual({ ok: false, reason: "history interval must be one of 3m, 6m, 1y, 2y, 3y; got 5y" });
    expect(api.totalHits()).toBe(0);
  });
});

describe("sixty consecutive days (synthetic responses in the recorded shapes)", () => {
  // Day k = 0..59 ending 27 Nov 2025: hashrate points at 00:00, prices at 00:00 (a made-up walk),
  // adjustments every 14 days, three reward buckets a day (01:00, 05:00, 09:00).
  const end = 1764201600;
  const start = end - 59 * DAY;
  const days = Array.from({ length: 60 }, (_, k) => start + k * DAY);
  const price = (k: number) => Math.round(90000 * Math.exp(0.03 * Math.sin(k * 1.7) + 0.002 * k));
  const adjustments = [0, 14, 28, 42, 56].map((k, j) => [
    days[k] + 3600,
    917280 + 2016 * j,
    1.4e14 * (1 + 0.02 * j),
    1.02,
  ]);
  const serve = (priceDays: number[]) => {
    api.faults.set("/mempool/api/v1/mining/hashrate/1y", {
      status: 200,
      body: JSON.stringify({
        hashrates: days.map((t) => ({ timestamp: t, avgHashrate: 1.05e21 })),
        difficulty: [],
        currentHashrate: 0,
        currentDifficulty: 0,
      }),
    });
    api.faults.set("/mempool/api/v1/mining/difficulty-adjustments/1y", {
      status: 200,
      body: JSON.stringify(adjustments.slice().reverse()),
    });
    api.faults.set("/mempool/api/v1/mining/blocks/rewards/1y", {
      status: 200,
      body: JSON.stringify(
        days.flatMap((t, k) =>
          [0, 1, 2].map((b) => ({
            avgHeight: 917000 + 144 * k + 48 * b,
            timestamp: t + 3600 + 14400 * b, // 01:00, 05:00 and 09:00: the last day's are before the clock's 12:00
            avgRewards: 315000000 + 1000 * b,
            USD: 0,
          })),
        ),
      ),
    });
    api.faults.set("/mempool/api/v1/historical-price", {
      status: 200,
      body: JSON.stringify({
        prices: priceDays.map((k) => ({ time: days[k], USD: price(k) })).reverse(),
        exchangeRates: {},
      }),
    });
  };
  const vol = (ks: number[]) => {
    const r = ks.slice(1).map((k, j) => Math.log(price(k) / price(ks[j])));
    const m = r.reduce((s, x) => s + x, 0) / r.length;
    return Math.sqrt(r.reduce((s, x) => s + (x - m) ** 2, 0) / (r.length - 1)) * Math.sqrt(365);
  };
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, j) => a + j);

  test("annual price volatility = stdev of the 59 daily log returns × √365, and it says which days", async () => {
    serve(range(0, 59));
    const h = ok(await history());
    expect(Math.abs((h.priceVolAnnual?.value as number) / vol(range(0, 59)) - 1)).toBeLessThan(1e-12);
    expect(h.priceVolAnnual?.source).toBe(
      "derived: MINER.VOLATILITY(BTC price of the 60 consecutive days 2025-09-29 to 2025-11-27, 365)",
    );
    expect(h.rows[0].difficulty).toBeNull(); // before the first adjustment (01:00 that day)
    expect(h.rows[1].difficulty).toBe(1.4e14);
    expect(h.notes).toContain("1 day(s) before the interval's first difficulty adjustment have no difficulty");
    expect(h.rows[10].feesBtcPerBlock).toBeCloseTo(3.15001 - 3.125, 14); // the day's three buckets' mean reward − subsidy
  });
  test("a missing day of prices: the volatility uses the days after it", async () => {
    serve([...range(0, 19), ...range(21, 59)]);
    const h = ok(await history());
    expect(h.rows[20].btcPriceUsd).toBeNull();
    expect(Math.abs((h.priceVolAnnual?.value as number) / vol(range(21, 59)) - 1)).toBeLessThan(1e-12);
    expect(h.priceVolAnnual?.source).toMatch(/of the 39 consecutive days 2025-10-20 to 2025-11-27/);
  });
});

describe("the halving day", () => {
  // 20 Apr 2024, when block 840,000 halved the subsidy from 6.25 to 3.125 BTC: a bucket before it
  // (mean height 839,950, 6.25 BTC + 0.2 fees) and one after (840,050, 3.125 BTC + 0.5 fees).
  const day = 1713571200;
  const responses = {
    adjustments: [{ time: day - 5 * DAY, height: 838_656, difficulty: 8.6e13, ratio: 1.0 }],
    hashrates: [{ time: day, hashrateEhs: 620 }],
    rewards: [
      { time: day + 3600, height: 839_950, rewardSats: 645_000_000 },
      { time: day + 9 * 3600, height: 840_050, rewardSats: 362_500_000 },
    ],
    prices: [{ time: day, usd: 64_000 }],
  };

  test("fees are blank (no one subsidy to take off); the hashprice is from the mean reward as mined", () => {
    const h = buildHistory(responses, "1y", "mempool.space", Date.UTC(2024, 3, 21));
    expect(h.rows[0].feesBtcPerBlock).toBeNull();
    expect(h.rows[0].height).toBe(840_000);
    expect(h.rows[0].hashpriceUsdPerPhDay).toBeNear(hashprice(64_000, 8.6e13, (6.45 + 3.625) / 2), { rel: 1e-12 });
    expect(h.notes).toContain("fees are blank on 2024-04-20: the day's blocks span a halving");
  });

  test("a day of one epoch: HASHPRICE with SUBSIDY(height) and the fees, the same as from the mean reward", () => {
    const after = { ...responses, rewards: [{ time: day + 9 * 3600, height: 840_050, rewardSats: 362_500_000 }] };
    const h = buildHistory(after, "1y", "mempool.space", Date.UTC(2024, 3, 21));
    expect(h.rows[0].feesBtcPerBlock).toBeCloseTo(0.5, 14);
    expect(h.rows[0].hashpriceUsdPerPhDay).toBeNear(hashprice(64_000, 8.6e13, 3.625), { rel: 1e-12 });
  });
});
