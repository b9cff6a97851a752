/*
 * The History tab in headless Chromium against the recorded mempool history shapes served by the
 * fake API (test/fixtures/api/mempool), a synthetic 60-day series in the same shapes, a failing
 * provider and an impossible series: one request per endpoint, the risk inputs shown with their
 * dates, the MINER_History sheet written in Excel (a stand-in in the page), and nothing written on
 * failure or refusal.
 */
import { FakeApi } from "../support/fake-api";
import { FUNCTIONS_RUNTIME, inExcel, openPane, paneSuite, showTab } from "../support/pane";

// The recorded series end on 27 Nov 2025; the parsers refuse times more than two days past the page's clock.
const s = paneSuite({ fixedTime: new Date("2025-11-28T12:00:00Z") });
const DAY = 86_400;
const serial = (t: number) => t / DAY + 25569;
const HISTORY_PATHS = [
  "/mempool/api/v1/mining/difficulty-adjustments/1y",
  "/mempool/api/v1/mining/hashrate/1y",
  "/mempool/api/v1/mining/blocks/rewards/1y",
  "/mempool/api/v1/historical-price",
];

type Fake = {
  cells: Record<string, unknown>;
  names: Record<string, string>;
  sheets: () => string[];
  charts: { sheet: string; name: string; series: { name: string; values: string; x?: string; axisGroup?: string }[] }[];
};
const fake = () =>
  s.page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
    return { cells: f.cells, names: f.names, sheets: f.sheets(), charts: f.charts };
  });

async function fetchHistory(): Promise<string> {
  await showTab(s.page, "history");
  const before = await s.page.locator("#history-status").textContent();
  await s.page.click("#history-fetch");
  await s.page.waitForFunction(
    (b) => {
      const t = document.getElementById("history-status")!.textContent!;
      return t !== b && !/^Fetching/.test(t);
    },
    before,
    { timeout: 20_000 },
  );
  return s.page.locator("#history-status").innerText();
}

/** 60 consecutive days ending 27 Nov 2025 in mempool's shapes: a price every day, five adjustments. */
function serveSixtyDays(api: FakeApi) {
  const end = 1764201600;
  const days = Array.from({ length: 60 }, (_, k) => end - (59 - k) * DAY);
  const price = (k: number) => Math.round(90000 * Math.exp(0.03 * Math.sin(k * 1.7) + 0.002 * k));
  const adjustments = [0, 14, 28, 42, 56].map((k, j) => [days[k] - 3600, 917280 + 2016 * j, 1.4e14 * 1.02 ** j, 1.02]);
  api.faults.set("/mempool/api/v1/mining/hashrate/1y", {
    body: JSON.stringify({ hashrates: days.map((t) => ({ timestamp: t, avgHashrate: 1.05e21 })), difficulty: [], currentHashrate: 0, currentDifficulty: 0 }),
  });
  api.faults.set("/mempool/api/v1/mining/difficulty-adjustments/1y", { body: JSON.stringify(adjustments.slice().reverse()) });
  api.faults.set("/mempool/api/v1/mining/blocks/rewards/1y", {
    body: JSON.stringify(days.map((t, k) => ({ avgHeight: 917000 + 144 * k, timestamp: t + 14400, avgRewards: 315000000, USD: 0 }))),
  });
  api.faults.set("/mempool/api/v1/historical-price", {
    body: JSON.stringify({ prices: days.map((t, k) => ({ time: t, USD: price(k) })).reverse(), exchangeRates: {} }),
  });
  // Independent arithmetic: the sample standard deviation of the 59 daily log returns × √365, and
  // the compound monthly rate between the first and last difficulty (56 days apart).
  const r = days.slice(1).map((_, k) => Math.log(price(k + 1) / price(k)));
  const mean = r.reduce((a, x) => a + x, 0) / r.length;
  const vol = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / (r.length - 1)) * Math.sqrt(365);
  const growth = (1.02 ** 4) ** (365 / 12 / 59) - 1;
  return { vol, growth };
}

test("outside Office: one request per endpoint, the derived inputs shown with the dates they come from", async () => {
  const { page, api } = s;
  await openPane(page, s.url);
  expect(await fetchHistory()).toBe("Fetched 5 days, 2025-01-01 to 2025-11-27. In Excel this writes the MINER_History sheet.");
  expect(HISTORY_PATHS.map((p) => api.hits.get(p))).toEqual([1, 1, 1, 1]);
  const growth = (149301205959845.3 / 109782075598905.3) ** (365 / 12 / 330) - 1;
  expect(await page.locator("#hist-growth").innerText()).toBe(`+${(growth * 100).toFixed(2)}% a month`);
  expect(await page.locator("#hist-growth-source").innerText()).toBe(
    "derived: (difficulty on 2025-11-27 / difficulty on 2025-01-01)^((365/12) / 330 days) − 1",
  );
  expect(await page.locator("#hist-vol").innerText()).toBe("not available");
  expect(await page.locator("#hist-vol-source").innerText()).toBe("no price volatility: fewer than 30 consecutive daily returns");
  expect(await page.locator("#history-notes").innerText()).toMatch(/1 day\(s\) have no block-reward bucket/);
  expect(s.pageErrors).toEqual([]);
});

test("in Excel: writes MINER_History with its rows, the two inputs under their names and a chart of price and hashprice", async () => {
  const { page } = s;
  const expected = serveSixtyDays(s.api);
  await inExcel(page);
  await openPane(page, s.url);
  expect(await fetchHistory()).toBe(
    "Wrote 60 days, 2025-09-29 to 2025-11-27 to MINER_History, with its chart and the names Hist_Difficulty_Growth_Monthly and Hist_Price_Vol_Annual.",
  );
  expect(await page.locator("#hist-vol").innerText()).toBe(`${(expected.vol * 100).toFixed(2)}% a year`);
  expect(await page.locator("#hist-vol-source").innerText()).toBe(
    "derived: MINER.VOLATILITY(BTC price of the 60 consecutive days 2025-09-29 to 2025-11-27, 365)",
  );
  expect(await page.locator("#hist-growth").innerText()).toBe(`+${(expected.growth * 100).toFixed(2)}% a month`);
  const xl = await fake();
  expect(xl.sheets).toEqual(["MINER_History"]); // nothing else is touched
  const table = xl.cells["MINER_History!A1:I61"] as unknown[][];
  expect(table).toHaveLength(61);
  expect(table[0][0]).toBe("Date (UTC date)");
  expect(table[60][0]).toBe(serial(1764201600));
  expect(Math.abs((xl.cells["MINER_History!L3"] as number) / expected.vol - 1)).toBeLessThan(1e-12);
  expect(Math.abs((xl.cells["MINER_History!L2"] as number) / expected.growth - 1)).toBeLessThan(1e-12);
  expect(xl.names).toEqual({ Hist_Difficulty_Growth_Monthly: "=MINER_History!$L$2", Hist_Price_Vol_Annual: "=MINER_History!$L$3" });
  expect(xl.charts).toHaveLength(1);
  expect(xl.charts[0].series).toEqual([
    expect.objectContaining({ name: "BTC price (USD)", values: "MINER_History!E2:E61", x: "MINER_History!A2:A61" }),
    expect.objectContaining({ name: "Hashprice (USD/PH/day)", values: "MINER_History!G2:G61", axisGroup: "Secondary" }),
  ]);
});

test("a failing provider writes nothing: the last good sheet stays and the pane says why", async () => {
  const { page, api } = s;
  await inExcel(page);
  await openPane(page, s.url);
  expect(await fetchHistory()).toMatch(/^Wrote 5 days/);
  const good = await fake();

  api.faults.set("/mempool/api/v1/mining/hashrate/1y", { status: 500 });
  expect(await fetchHistory()).toMatch(
    /^History not fetched: 127\.0\.0\.1:\d+ \/api\/v1\/mining\/hashrate\/1y: 127\.0\.0\.1:\d+ answered HTTP 500.*\. Nothing was written: MINER_History keeps its last good data\.$/,
  );
  expect(api.hits.get("/mempool/api/v1/mining/hashrate/1y")).toBe(1 + 3); // the good fetch, then retried twice
  expect(await fake()).toEqual(good);

  api.faults.clear();
  api.faults.set("/mempool/api/v1/historical-price", { body: '{"prices": [{"time": 1764201600, "USD": "91250"}]}' });
  expect(await fetchHistory()).toMatch(/^History not fetched: .*historical-price.*USD: expected a number.*Nothing was written/);
  expect(await fake()).toEqual(good);

  // well-formed values, an impossible series: refused whole, and the pane says why
  api.faults.set("/mempool/api/v1/historical-price", { body: JSON.stringify({ prices: [{ time: 1764201600, USD: 10_000_000 }, { time: 1764115200, USD: 100 }] }) });
  expect(await fetchHistory()).toMatch(
    /^History not fetched: 127\.0\.0\.1:\d+: mempool historical-price: the price goes from 100 \(2025-11-26 00:00 UTC\) to 10,000,000 \(2025-11-27 00:00 UTC\), a factor of 100,000; at most 2 is plausible \(a factor of 2 a day\): refused\. Nothing was written: MINER_History keeps its last good data\.$/,
  );
  expect(await fake()).toEqual(good);
});

test("MINER.HISTORY cells in the built runtime: one request per endpoint for all of them, and the History tab's fetch shared with them", async () => {
  const { page, api } = s;
  await page.addInitScript(FUNCTIONS_RUNTIME);
  await openPane(page, s.url);
  const before = api.totalHits();
  type Cells = (unknown[][] | string)[];
  const run = (calls: unknown[][]) =>
    page.evaluate(async (list) => {
      const fns = (window as unknown as { __functions: Record<string, (...a: unknown[]) => Promise<unknown[][]>> }).__functions;
      return Promise.all(list.map((args) => fns.HISTORY(...args).catch((e: Error & { code: string }) => `${e.code} ${e.message}`)));
    }, calls) as Promise<Cells>;
  const cells = await run([
    ...Array.from({ length: 5 }, () => ["difficulty", 45658, 45988, "monthly"]),
    ...Array.from({ length: 5 }, () => ["price", 45988]),
    ["temperature", 45658],
  ]);
  expect(cells[0]).toHaveLength(12);
  expect((cells[0] as unknown[][])[11]).toEqual([45988, 149301205959845.3]);
  expect(cells[5]).toEqual([["Date (UTC)", "BTC price (USD)"], [45988, 91250]]);
  expect(cells[10]).toMatch(/^#VALUE! HISTORY: field must be one of price, difficulty, hashrate, hashprice/);
  expect([api.hits.get(HISTORY_PATHS[0]), api.hits.get(HISTORY_PATHS[3]), api.totalHits() - before]).toEqual([1, 1, 2]);
  // The tab's Fetch asks again for all four; a hashprice cell then reads what it got.
  expect(await fetchHistory()).toMatch(/^Fetched 5 days/);
  const [hashprice] = await run([["hashprice", 45658, 45658]]);
  expect((hashprice as unknown[][])[1][1]).toBeCloseTo((93429 * 86400 * 1e15 * 3.15812345) / (109782075598905.3 * 2 ** 32), 9);
  expect(HISTORY_PATHS.map((p) => api.hits.get(p))).toEqual([2, 1, 1, 2]);
  expect(s.pageErrors).toEqual([]);
});
