/*
 * MINER.HISTORY against mempool's recorded history responses (test/fixtures/api/mempool) and
 * synthetic series in the same shapes, served by the fake API on 127.0.0.1 on a fixed clock:
 * the reference's examples give their stated samples; every value is re-derived here in floats
 * from what was served; N cells make one request per endpoint, shared with the History tab and
 * kept an hour; every failure is #N/A with the reason and no table; bad arguments are #VALUE!
 * naming them, before any request; the value column feeds VOLATILITY and a growth formula.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";
import { history } from "../../src/functions/history";
import { volatilityFn } from "../../src/functions/risk";
import { PARAMS } from "../../src/functions/params";
import { fetchHistory } from "../../src/market/history";
import { MAX_DAYS_BACK, rowDates } from "../../src/market/history-field";
import { HistoryStore } from "../../src/market/history-store";
import { FetchFn } from "../../src/market/http";
import { FakeApi, startFakeApi } from "../support/fake-api";
import { serviceOn } from "../support/market-service";
import { arg } from "../support/any-input";

const DAY = 86_400;
const serial = (t: number) => t / DAY + 25569;
const SAMPLE_NOW = Date.UTC(2025, 10, 28, 12); // the recorded history ends on 27 Nov 2025
const END = 1764201600; // 00:00 UTC on 27 Nov 2025 = serial 45988

let api: FakeApi;
let now = SAMPLE_NOW;
let store: HistoryStore;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  now = SAMPLE_NOW;
  store = new HistoryStore({
    deps: { fetch: fetch as unknown as FetchFn, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => now },
    policy: { timeoutMs: 5000, retries: 2, backoffMs: 10, maxRetryAfterMs: 1000 },
  });
  const g = globalThis as Record<string, unknown>;
  g.__MINER_HISTORY_STORE_V1__ = store;
  g.__MINER_MARKET_SERVICE_V1__ = serviceOn(api);
});

type Table = (string | number)[][];
/** What a cell shows: the table, or the Excel error's code and message. */
async function cell(...args: unknown[]): Promise<Table | { code: string; message: string }> {
  try {
    return await history(...args);
  } catch (e) {
    if (!(e instanceof CustomFunctions.Error)) throw e;
    return { code: e.code, message: e.message ?? "" };
  }
}
async function table(...args: unknown[]): Promise<Table> {
  const t = await cell(...args);
  if (!Array.isArray(t)) throw new Error(`expected a table, got ${t.code} ${t.message}`);
  return t;
}

/** Hashprice from its definition, in doubles: price × 86,400 × 1e15 × reward / (difficulty × 2^32), USD/PH/day. */
const hashprice = (price: number, difficulty: number, rewardBtc: number) =>
  (price * 86400 * 1e15 * rewardBtc) / (difficulty * 2 ** 32);

describe("from the recorded responses", () => {
  test("the reference's examples give the samples they state, to the digits shown", async () => {
    const doc = CATALOG.find((d) => d.id === "HISTORY")!;
    expect(doc.examples.length).toBe(4);
    for (const e of doc.examples) {
      const t = await table(...e.args);
      const [, rows, cols] = /a (\d+)×(\d+) table/.exec(e.result)!;
      expect([e.args, t.length, t[0].length]).toEqual([e.args, Number(rows), Number(cols)]);
      // Each "date, value" the result states is a row of the table, the value to its digits.
      const pairs = [...e.result.matchAll(/(\d{5}), ([\d.]+(?:E\d+)?)/g)];
      expect(pairs.length).toBeGreaterThan(0);
      for (const [, date, value] of pairs) {
        const row = t.find((r) => r[0] === Number(date));
        const digits = value.includes("E")
          ? (value.split("E")[0].split(".")[1]?.length ?? 0)
          : (value.split(".")[1]?.length ?? 0);
        const shown = value.includes("E")
          ? Number((row?.[1] as number).toExponential(digits))
          : Number((row?.[1] as number).toFixed(digits));
        expect([e.args, date, shown]).toEqual([e.args, date, Number(value)]);
      }
    }
  });

  test("monthly difficulty: the adjustment in force at 00:00 UTC on the 27th of each month, EDATE back from the end", async () => {
    const t = await table("difficulty", 45658, 45988, "monthly");
    expect(t[0]).toEqual(["Date (UTC)", "Difficulty"]);
    const days = [
      "2025-01-27",
      "2025-02-27",
      "2025-03-27",
      "2025-04-27",
      "2025-05-27",
      "2025-06-27",
      "2025-07-27",
      "2025-08-27",
      "2025-09-27",
      "2025-10-27",
      "2025-11-27",
    ];
    expect(t.slice(1).map((r) => r[0])).toEqual(days.map((d) => serial(Date.parse(`${d}T00:00:00Z`) / 1000)));
    // The recorded adjustments: 1 Jan 1.0978E14, 1 Apr 1.1376E14, 18 Sep 1.4495E14, 2 Oct 1.5083E14, 16 Oct 1.4675E14, 30 Oct, 13 Nov, 27 Nov 1.4930E14
    const [jan, apr, sep18, oct16, nov27] = [
      109782075598905.3, 113757508810854.2, 144954051543212.5, 146752688791237.9, 149301205959845.3,
    ];
    expect(t.slice(1).map((r) => r[1])).toEqual([jan, jan, jan, apr, apr, apr, apr, apr, sep18, oct16, nov27]);
  });

  test("hashprice on 1 Jan 2025 from the day's price, difficulty and mean reward; price through the latest date; hashrate in EH/s", async () => {
    const hp = await table("hashprice", 45658, 45658);
    expect(hp[0]).toEqual(["Date (UTC)", "Hashprice (USD/PH/day)"]);
    expect(hp[1][1]).toBeNear(hashprice(93429, 109782075598905.3, 3.15812345), { rel: 1e-12 });
    // 1 Apr 2025: the price of 23:00 on 31 Mar (less than a day older), the adjustment of 00:00 that day
    expect((await table("hashprice", 45748, 45748))[1][1]).toBeNear(hashprice(82310, 113757508810854.2, 3.14102201), {
      rel: 1e-12,
    });
    // Omitted end: through the latest date the series has (27 Nov; the clock says 28 Nov).
    expect(await table("price", 45988)).toEqual([
      ["Date (UTC)", "BTC price (USD)"],
      [45988, 91250],
    ]);
    expect(await table("BTC_Hashrate", 45658, 45658)).toEqual([
      ["Date (UTC)", "Network hashrate (EH/s)"],
      [45658, 781],
    ]);
  });

  test("a date without a value is #N/A naming it: never the rows that exist", async () => {
    // The recorded price series has no point within a day before 00:00 UTC on 2 Jan 2025.
    expect(await cell("price", 45658, 45660)).toEqual({
      code: "#N/A",
      message: expect.stringMatching(
        /^HISTORY: 127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD has no price within a day before 00:00 UTC on 2025-01-02$/,
      ),
    });
    expect(await cell("hashrate", 45658, 45659)).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/has no daily hashrate for 2025-01-02$/),
    });
    expect(await cell("hashprice", 45809, 45809)).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/has no price within a day before 00:00 UTC on 2025-06-01$/),
    });
  });
});

describe("one request per endpoint and period, shared and kept", () => {
  test("30 cells asking at once: one request per endpoint they need; asked again within the hour, none; after it, one", async () => {
    const cells = [
      ...Array.from({ length: 20 }, () => cell("price", 45988, 45988)),
      ...Array.from({ length: 10 }, (_, k) => cell("difficulty", 45658 + k, 45988, "weekly")),
    ];
    const out = await Promise.all(cells);
    expect(out.every(Array.isArray)).toBe(true);
    expect(Object.fromEntries(api.hits)).toEqual({
      "/mempool/api/v1/historical-price": 1,
      "/mempool/api/v1/mining/difficulty-adjustments/1y": 1,
    });
    await Promise.all([cell("price", 45988), cell("difficulty", 45700, 45988, "monthly")]);
    expect(api.totalHits()).toBe(2);
    now += 61 * 60_000;
    await Promise.all([cell("price", 45988), cell("price", 45988)]);
    expect(api.hits.get("/mempool/api/v1/historical-price")).toBe(2);
    expect(store.requestCount).toBe(3);
  });

  test("the History tab's fetch fills the store the cells read: a hashprice cell then asks nothing", async () => {
    const r = await fetchHistory({
      base: api.bases.mempool,
      deps: { fetch: fetch as unknown as FetchFn, sleep: async () => {}, now: () => now },
      store,
      fresh: true,
    });
    expect(r.ok).toBe(true);
    expect(api.totalHits()).toBe(4);
    expect((await table("hashprice", 45658, 45658))[1][1]).toBeNear(hashprice(93429, 109782075598905.3, 3.15812345), {
      rel: 1e-12,
    });
    expect(api.totalHits()).toBe(4);
    // The tab's Fetch asks again even within the hour.
    await fetchHistory({
      base: api.bases.mempool,
      deps: { fetch: fetch as unknown as FetchFn, sleep: async () => {}, now: () => now },
      store,
      fresh: true,
    });
    expect(api.totalHits()).toBe(8);
  });
});

/**
 * `days` consecutive days ending 27 Nov 2025 in mempool's shapes, served for `interval`: a price
 * at 00:00 each day, an adjustment every 14 days (from 01:00 on day 1), three reward buckets a day.
 */
function serve(
  interval: string,
  {
    days = 60,
    price = (k: number) => 90_000 * Math.exp(0.03 * Math.sin(k * 1.7) + 0.002 * k),
    difficulty = (j: number) => 1.4e14 * 1.02 ** j,
    lastShift = 0,
    hashrate = (k: number) => 1.0e21 + 1e18 * k,
  } = {},
) {
  const times = Array.from({ length: days }, (_, k) => END - (days - 1 - k) * DAY);
  const adjustments = times
    .filter((_, k) => k % 14 === 1)
    .map((t, j) => [t + 3600, 917_280 + 2016 * j, difficulty(j), 1.02]);
  const body = (path: string, value: unknown) =>
    api.faults.set(`/mempool/api/v1/${path}`, { status: 200, body: JSON.stringify(value) });
  body(`mining/hashrate/${interval}`, {
    hashrates: times.map((t, k) => ({ timestamp: t + (k === days - 1 ? lastShift : 0), avgHashrate: hashrate(k) })),
    difficulty: [],
    currentHashrate: 0,
    currentDifficulty: 0,
  });
  body(`mining/difficulty-adjustments/${interval}`, adjustments.slice().reverse());
  body(
    `mining/blocks/rewards/${interval}`,
    times.flatMap((t, k) =>
      [0, 1, 2].map((b) => ({
        avgHeight: 917_000 + 144 * k + 48 * b,
        timestamp: t + 3600 + 14400 * b,
        avgRewards: 315_000_000 + 1000 * b,
        USD: 0,
      })),
    ),
  );
  body("historical-price", { prices: times.map((t, k) => ({ time: t, USD: price(k) })).reverse(), exchangeRates: {} });
  return { times, price, adjustments };
}

describe("sixty consecutive days (synthetic, in the recorded shapes)", () => {
  beforeEach(() => {
    now = Date.UTC(2025, 10, 27, 12);
  });
  const first = serial(END) - 59;

  test("daily price, difficulty, hashrate and hashprice: each day's value from what was served", async () => {
    const { price, adjustments } = serve("3m");
    // In force at 00:00: the first adjustment (01:00 on day 1) applies from day 2 on.
    const [p, d, h, hp] = await Promise.all([
      table("price", first, serial(END)),
      table("difficulty", first + 2, serial(END)),
      table("hashrate", first, serial(END)),
      table("hashprice", first + 2, serial(END)),
    ]);
    expect(p.slice(1)).toEqual(Array.from({ length: 60 }, (_, k) => [first + k, price(k)]));
    const inForce = (k: number) => adjustments.filter((a) => a[0] <= END - (59 - k) * DAY).pop()![2];
    expect(d.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 58 }, (_, k) => inForce(k + 2)));
    expect(h.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 60 }, (_, k) => (1.0e21 + 1e18 * k) / 1e18));
    // The day's three buckets: mean reward 3.15001 BTC (subsidy 3.125 + fees)
    expect(hp).toHaveLength(59);
    hp.slice(1).forEach((r, j) =>
      expect(r[1]).toBeNear(hashprice(price(j + 2), inForce(j + 2), 3.15001), { rel: 1e-12 }),
    );
    expect(api.hits.get("/mempool/api/v1/historical-price")).toBe(1); // price and hashprice share the series
  });

  test("weekly and monthly rows: the end date and every 7th day, or the same day of each earlier month", () => {
    const d = (s: string) => serial(Date.parse(`${s}T00:00:00Z`) / 1000);
    expect(rowDates(d("2025-11-01"), d("2025-11-27"), "weekly")).toEqual(
      ["2025-11-06", "2025-11-13", "2025-11-20", "2025-11-27"].map(d),
    );
    expect(rowDates(d("2024-11-29"), d("2025-03-31"), "monthly")).toEqual(
      ["2024-11-30", "2024-12-31", "2025-01-31", "2025-02-28", "2025-03-31"].map(d),
    );
    expect(rowDates(d("2024-02-01"), d("2024-03-30"), "monthly")).toEqual(["2024-02-29", "2024-03-30"].map(d));
    expect(rowDates(d("2025-11-27"), d("2025-11-27"), "daily")).toEqual([d("2025-11-27")]);
  });

  test("the value column is VOLATILITY's argument: INDEX(…, 0, 2), its heading skipped, gives the daily log returns' stdev × √365", async () => {
    const { price } = serve("3m");
    const t = await table("price", first, serial(END));
    const column = t.map((r) => [r[1]]); // INDEX(t, 0, 2): the whole second column, heading included
    const r = Array.from({ length: 59 }, (_, k) => Math.log(price(k + 1) / price(k)));
    const mean = r.reduce((a, x) => a + x, 0) / r.length;
    const vol = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / (r.length - 1)) * Math.sqrt(365);
    expect(volatilityFn(column, 365)).toBeNear(vol, { rel: 1e-12 });
    // weekly rows with 52 a year
    const w = await table("price", first, serial(END), "weekly");
    const wr = w.slice(2).map((row, k) => Math.log((row[1] as number) / (w[k + 1][1] as number)));
    const wm = wr.reduce((a, x) => a + x, 0) / wr.length;
    expect(
      volatilityFn(
        w.map((row) => [row[1]]),
        52,
      ),
    ).toBeNear(Math.sqrt(wr.reduce((a, x) => a + (x - wm) ** 2, 0) / (wr.length - 1)) * Math.sqrt(52), { rel: 1e-12 });
  });

  test("the growth formula the docs print: (last / first)^((365/12) / days) − 1 over the table's dates", async () => {
    serve("3m");
    const t = await table("difficulty", first + 2, serial(END));
    const n = t.length; // =LET(h, …, n, ROWS(h), (INDEX(h, n, 2) / INDEX(h, 2, 2)) ^ ((365/12) / (INDEX(h, n, 1) − INDEX(h, 2, 1))) − 1)
    const growth =
      ((t[n - 1][1] as number) / (t[1][1] as number)) ** (365 / 12 / ((t[n - 1][0] as number) - (t[1][0] as number))) -
      1;
    // Four adjustments of +2% in force by the end, over 57 days: (1.02^4)^((365/12)/57) − 1
    expect(growth).toBeNear((1.02 ** 4) ** (365 / 12 / 57) - 1, { rel: 1e-12 });
  });

  test("a period whose start is not covered by the interval's first adjustment is #N/A saying so", async () => {
    serve("3m");
    expect(await cell("difficulty", first + 1, serial(END))).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(
        /difficulty-adjustments\/3m has no difficulty adjustment at or before 2025-09-30$/,
      ),
    });
  });
});

describe("failures are #N/A with the reason, and no table", () => {
  beforeEach(() => {
    now = Date.UTC(2025, 10, 27, 12);
  });
  const first = serial(END) - 59;

  test("the provider down: every attempt refused (retried twice), the reason names the endpoint", async () => {
    api.faults.set("/mempool", { status: 503 });
    expect(await cell("price", first, serial(END))).toEqual({
      code: "#N/A",
      message: expect.stringMatching(
        /^HISTORY: 127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD: 127\.0\.0\.1:\d+ answered HTTP 503/,
      ),
    });
    expect(api.hits.get("/mempool/api/v1/historical-price")).toBe(3);
    // A 503 is remembered: a recalculation within the default back-off (5 minutes) asks nothing.
    api.faults.clear();
    serve("3m");
    expect(await cell("price", first, serial(END))).toEqual({
      code: "#N/A",
      message: expect.stringMatching(
        /^HISTORY: 127\.0\.0\.1:\d+ \/api\/v1\/historical-price\?currency=USD: not asked until \d\d:\d\d UTC: it answered HTTP 503 earlier$/,
      ),
    });
    expect(api.hits.get("/mempool/api/v1/historical-price")).toBe(3);
    // A failure is not kept: the back-off over and the provider back, the next cell gets its table.
    now += 5 * 60_000;
    expect(Array.isArray(await cell("price", first, serial(END)))).toBe(true);
  });

  test("a period the provider does not serve (an interval it answers 404 to)", async () => {
    expect(await cell("difficulty", first, serial(END))).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/difficulty-adjustments\/3m: 127\.0\.0\.1:\d+ answered HTTP 404/),
    });
  });

  const reorder = () => {
    const body = JSON.parse(api.faults.get("/mempool/api/v1/historical-price")!.body!);
    body.prices.reverse(); // oldest first: not mempool's order
    api.faults.set("/mempool/api/v1/historical-price", { status: 200, body: JSON.stringify(body) });
  };
  test.each([
    [
      "a series not in time order",
      () => (serve("3m"), reorder()),
      "price",
      /historical-price: entries 1 and 2 are not newest first$/,
    ],
    [
      "prices alternating $100 and $10M",
      () => serve("3m", { price: (k) => (k % 2 ? 10_000_000 : 100) }),
      "price",
      /the price goes from 100 .* a factor of 100,000; at most 2 is plausible \(a factor of 2 a day\): refused$/,
    ],
    [
      "difficulty from 1e12 to 1e17",
      () => serve("3m", { difficulty: (j) => (j < 2 ? 1e12 : 1e17) }),
      "difficulty",
      /a factor of 100,000 in 1 retarget\(s\); the protocol allows at most 4× a retarget: refused$/,
    ],
    [
      "a point two days in the future",
      () => serve("3m", { lastShift: 2 * DAY }),
      "hashrate",
      /mempool hashrate: a point at 2025-11-29 00:00 UTC is in the future .*: refused$/,
    ],
    // 10 EH/s against the 1,002 EH/s that 1.4e14 implies (× 2^32 / 600 / 1e18): −99%
    [
      "hashrate alternating 10 and 1,000,000 EH/s",
      () => serve("3m", { hashrate: (k) => (k % 2 ? 1e24 : 1e19) }),
      "hashrate",
      /mempool hashrate: on 2025-10-01 the hashrate 10 EH\/s is -99\.0% from the 1,00\d\.\d EH\/s the difficulty in force then \(1\.4\d\de\+14\) implies \(allowed ±30%\): refused$/,
    ],
    [
      "a volatility of ~1,200% a year, each step plausible alone",
      () => serve("3m", { price: (k) => (k % 2 ? 171_000 : 90_000) }),
      "hashprice",
      /the realised price volatility 1,2\d\d(\.\d)?% a year is outside the plausible 5% to 300% a year from 2025-10-01 to 2025-11-27: refused$/,
    ],
  ])("refused: %s", async (_, setUp, field, reason) => {
    setUp();
    expect(await cell(field, first + 2, serial(END))).toEqual({ code: "#N/A", message: expect.stringMatching(reason) });
  });
});

describe("bad arguments are #VALUE! naming them, before any request", () => {
  const today = serial(Date.UTC(2025, 10, 28) / 1000); // 45989
  test.each([
    [
      ["temperature", 45900],
      'field must be one of price, difficulty, hashrate, hashprice (or a market name of one, e.g. BTC_Hashprice); got "temperature"',
    ],
    [
      ["next_halving_date", 45900],
      'field must be one of price, difficulty, hashrate, hashprice (or a market name of one, e.g. BTC_Hashprice); got "next_halving_date"',
    ],
    [["price", null], "start_date must be a number (it is required, and the argument is blank)"],
    [["price", "2025-01-01"], 'start_date must be a number; got text "2025-01-01"'],
    [
      ["price", today + 1],
      `start_date must be on or before today, 2025-11-28 (${today}); got 2025-11-29 (${today + 1})`,
    ],
    [
      ["price", today - MAX_DAYS_BACK - 1],
      `start_date must be on or after 2022-12-19 (${today - MAX_DAYS_BACK}), 1,075 days before today: mempool's longest history is 3 years, and the difficulty on the first day may come from an adjustment up to 20 days earlier; got 2022-12-18 (${today - MAX_DAYS_BACK - 1})`,
    ],
    [["price", 45900, 45899], "end_date must be on or after start_date, 2025-08-31 (45900); got 2025-08-30 (45899)"],
    [
      ["price", 45900, today + 2],
      `end_date must be on or before today, 2025-11-28 (${today}) (or tomorrow, for a time zone ahead of UTC); got 2025-11-30 (${today + 2})`,
    ],
    [["price", 45900, null, "hourly"], 'interval must be one of "daily", "weekly", "monthly"; got "hourly"'],
    [
      ["price", 45900, null, 7],
      'interval must be text: "daily", "weekly" (back from the end date) or "monthly" (the end date\'s day of each month); got 7',
    ],
  ])("%j", async (args, message) => {
    expect(await cell(...args)).toEqual({ code: "#VALUE!", message: `HISTORY: ${message}` });
    expect(api.totalHits()).toBe(0);
  });

  test("the start_date limit the reference states is the one applied", () => {
    expect(PARAMS.start_date.allowed).toBe(
      `a date from ${MAX_DAYS_BACK.toLocaleString("en-US")} days before today to today`,
    );
  });

  test("tomorrow as end_date reads as today; the whole part of a date-time is its day", async () => {
    // 28 Nov at 00:00 UTC: the last price before it, 01:00 on 27 Nov, is less than a day older.
    expect(await table("price", 45988.75, today + 1)).toEqual([
      ["Date (UTC)", "BTC price (USD)"],
      [45988, 91250],
      [45989, 91400],
    ]);
  });
});

test("whatever Excel passes: a table, or #VALUE! or #N/A naming HISTORY, never another exception or a crash caught at the boundary", async () => {
  // No network: every request fails at once, so a valid call ends in #N/A.
  (globalThis as Record<string, unknown>).__MINER_HISTORY_STORE_V1__ = new HistoryStore({
    deps: {
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
      sleep: async () => {},
      now: () => SAMPLE_NOW,
    },
    policy: { timeoutMs: 1000, retries: 0, backoffMs: 1, maxRetryAfterMs: 1 },
  });
  const today = serial(Date.UTC(2025, 10, 28) / 1000);
  const often = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: arg });
  const field = often(
    fc.constantFrom("price", "DIFFICULTY", " hashrate ", "BTC_Hashprice", "hashprice_usd_per_ph_day"),
  );
  const date = often(fc.double({ min: today - 1100, max: today + 3, noNaN: true }));
  const interval = often(fc.constantFrom("daily", "Weekly", "monthly", null));
  let notAvailable = 0;
  await fc.assert(
    fc.asyncProperty(field, date, fc.option(date), interval, async (...args) => {
      try {
        const t = await history(...args);
        return Array.isArray(t) && t.length > 1;
      } catch (e) {
        if (!(e instanceof CustomFunctions.Error)) return false;
        if (e.code === "#N/A") notAvailable++;
        return (
          (e.code === "#VALUE!" || e.code === "#N/A") &&
          /^HISTORY: /.test(e.message ?? "") &&
          !/unexpected error/.test(e.message ?? "")
        );
      }
    }),
    { numRuns: 400 },
  );
  expect(notAvailable).toBeGreaterThan(40); // the arguments' checks were passed often enough to reach the network
});

test("the HISTORY formulas market-data.md prints give tables (DATE and TODAY() as Excel serials; a year of synthetic days in the recorded shapes, for TODAY()-365)", async () => {
  serve("1y", { days: 365 });
  const guide = fs.readFileSync(path.join(__dirname, "../../docs/market-data.md"), "utf8");
  const printed = [...guide.matchAll(/^=MINER\.HISTORY\((.*)\)$/gm)].map((m) => m[1]);
  expect(printed.length).toBeGreaterThanOrEqual(3);
  const today = Math.floor(serial(now / 1000));
  const value = (arg: string): unknown => {
    const date = /^DATE\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(arg);
    if (date) return serial(Date.UTC(+date[1], +date[2] - 1, +date[3]) / 1000);
    const back = /^TODAY\(\)-(\d+)$/.exec(arg);
    if (back) return today - Number(back[1]);
    if (/^"[^"]*"$/.test(arg)) return arg.slice(1, -1);
    throw new Error(`an argument this test does not read: ${arg}`);
  };
  for (const args of printed) {
    const t = await cell(...args.split(/,\s*(?![^(]*\))/).map(value));
    expect([args, Array.isArray(t) ? "a table" : t]).toEqual([args, "a table"]);
  }
});
