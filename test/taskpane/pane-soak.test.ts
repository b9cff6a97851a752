/*
 * An hour of live data in the built pane (headless Chromium, the production build with test
 * hooks, production's limits: 2 s hedge, 8 s per request, 15 s per refresh, 500 ms retry backoff),
 * in Excel (the stand-in records every value written to MINER_Market) with a live cell, against
 * the fake API, on Playwright's fake clock: auto-refresh every minute for 60 minutes, with faults
 * injected minute by minute: a first price at 10×, a primary drifting 1% and then 9.9% a refresh,
 * a confirming provider that never answers, 429s with and without a Retry-After the page can
 * read, a flapping height provider, a silent difficulty endpoint. No value outside the tolerance
 * of the truth may ever be written, and the requests per provider are counted.
 *
 * The page's timers run only when the test moves the clock; between moves the test waits (real
 * time) until the page has taken in the fake API's answers.
 */
import { Page } from "playwright-core";
import { FakeApi } from "../support/fake-api";
import { priceBodies } from "../support/fake-providers";
import { FUNCTIONS_RUNTIME, inExcel, paneSuite, showTab } from "../support/pane";
import { PRICE_AGREEMENT, PRICE_MOVE, HEIGHT_AGREEMENT } from "../../src/market/guards";

const s = paneSuite({ testPolicy: {} }); // production's backoff and hedge delay: the clock is fake

const START = new Date("2026-12-07T12:00:00Z");
const TRUTH = 103_000;
const D = 162010345678901.25;
const heightAt = (m: number) => 977_000 + Math.floor(m / 10); // a block every 10 minutes
/**
 * A written price may be off the truth by the move allowed from the last confirming provider's
 * price (3%), or by the agreement between two providers (2%) when it was confirmed: the truth here
 * is constant and the confirming providers honest.
 */
const PRICE_TOLERANCE = Math.max(PRICE_MOVE, PRICE_AGREEMENT);
/** Hashprice re-derived in floats at the truth: price × 86,400 × 1e15 × (3.125 + 0.025) / (D × 2^32). */
const TRUE_HASHPRICE = (TRUTH * 86_400 * 1e15 * 3.15) / (D * 2 ** 32);
const never = new Promise<void>(() => {});

/** What the primary (mempool) says at minute m: 10× at load, then honest, drifting 1%, then 9.9% a refresh, then honest. */
function mempoolPrice(m: number): number {
  if (m === 0) return 10 * TRUTH;
  if (m >= 10 && m <= 40) return TRUTH * 1.01 ** (m - 9);
  if (m >= 41 && m <= 45) return TRUTH * 1.099 ** (m - 40);
  return TRUTH;
}

/** The faults and values of minute m. */
function serve(api: FakeApi, m: number): void {
  const f = api.faults;
  f.clear();
  const usd = mempoolPrice(m);
  f.set("/mempool/api/v1/prices", { body: JSON.stringify({ USD: usd, EUR: usd * 0.865 }) });
  f.set("/coinbase", { body: priceBodies.coinbase(TRUTH) });
  f.set("/kraken", { body: priceBodies.kraken(TRUTH) });
  f.set("/coingecko", { body: priceBodies.coingecko(TRUTH) });
  f.set("/blockchain/ticker", { body: priceBodies.blockchain(TRUTH) });
  f.set("/mempool/api/blocks/tip/height", { body: String(heightAt(m)) });
  f.set("/blockchain/q/getblockcount", { body: String(heightAt(m)) });
  if (m >= 12 && m <= 16) f.set("/coinbase", { until: never }); // silent: its requests time out or are hedged
  if (m >= 20 && m <= 22) f.set("/kraken", { status: 429, headers: { "Retry-After": "900", "Access-Control-Expose-Headers": "Retry-After" } });
  if (m >= 30) f.set("/coinbase", { status: 429, headers: { "Retry-After": "900" } }); // not exposed: the page cannot read it
  if (m % 2 === 1) f.set("/blockchain/q/getblockcount", { status: 503 }); // flapping
  if (m >= 50 && m <= 52) f.set("/mempool/api/v1/mining/hashrate/3d", { until: never });
}

const PROVIDERS = { mempool: "/mempool/", coinbase: "/coinbase/", kraken: "/kraken/", coingecko: "/coingecko/", "blockchain.info": "/blockchain/" };
function requestsByProvider(api: FakeApi): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, prefix] of Object.entries(PROVIDERS))
    out[name] = [...api.hits].filter(([path]) => path.startsWith(prefix)).reduce((a, [, n]) => a + n, 0);
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether a refresh (or its workbook write) is still under way, once the page has taken in every
 * answer the fake API sent: asked after a round trip of the page's own fetch to the fake API, by
 * which the answers sent before it have arrived. (The fake API answers at once, or holds a request
 * on purpose.) Waits in real time; the page's clock does not move.
 */
const busy = (page: Page, api: FakeApi) =>
  page.evaluate(async (u) => {
    await fetch(u).then((r) => r.text());
    const svc = (globalThis as unknown as { __MINER_MARKET_SERVICE_V1__?: { refreshing: boolean } }).__MINER_MARKET_SERVICE_V1__;
    return !!svc?.refreshing || !!(document.getElementById("refresh") as HTMLButtonElement | null)?.disabled;
  }, `${api.url}/nothing`);

/** Moves the page's clock in 500 ms steps until the refresh under way has finished; returns the time moved. */
async function drive(page: Page, api: FakeApi): Promise<number> {
  let moved = 0;
  for (let k = 0; k < 100; k++) {
    if (!(await busy(page, api))) return moved;
    await page.clock.runFor(500);
    moved += 500;
  }
  throw new Error("a refresh did not end within 50 s of page time");
}

test("an hour, a refresh a minute, faults injected: nothing outside the tolerance of the truth is ever written, and each provider is asked a bounded number of times", async () => {
  const { page, api } = s;
  await page.clock.install({ time: START });
  await page.clock.pauseAt(START);
  await page.addInitScript(FUNCTIONS_RUNTIME);
  await inExcel(page);
  serve(api, 0);
  await page.goto(`${s.url}/taskpane.html`);
  await page.clock.runFor(100); // Office.onReady
  await drive(page, api); // the load's refresh, the first reading
  // a live cell on the shared runtime, and the sheet every refresh writes
  await page.evaluate(() => (window as unknown as { __startCell: (n: string, id: string, a: unknown[]) => void }).__startCell("price", "NETWORK", ["btc_price_usd"]));
  await page.click("#insert");
  await showTab(page, "settings");
  await page.selectOption("#auto-refresh", "1");

  const perMinute: Record<string, number>[] = [requestsByProvider(api)];
  const writesBefore: number[] = [0];
  let sinceTick = 0;
  for (let m = 1; m <= 60; m++) {
    writesBefore.push(await page.evaluate(() => (window as unknown as { __fakeExcel: { writes: unknown[] } }).__fakeExcel.writes.length));
    serve(api, m);
    await page.clock.runFor(60_000 - sinceTick); // the auto-refresh's minute
    sinceTick = await drive(page, api);
    perMinute.push(requestsByProvider(api));
  }

  const { writes, cells } = await page.evaluate(() => ({
    writes: (window as unknown as { __fakeExcel: { writes: [string, unknown][] } }).__fakeExcel.writes,
    cells: (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price,
  }));
  writesBefore.push(writes.length);
  const minuteOf = (i: number) => writesBefore.findIndex((n, m) => i >= n && i < writesBefore[m + 1]);
  const written = (cell: string) => writes.map(([a, v], i) => ({ v: v as number, m: minuteOf(i), a })).filter((w) => w.a === cell);

  // every price, difficulty, height and hashprice ever written, against the truth of its minute
  const prices = written("B2");
  expect(prices.length).toBeGreaterThanOrEqual(55); // written (not kept stale) nearly every minute
  for (const w of prices) expect(w.v).toBeNear(TRUTH, { rel: PRICE_TOLERANCE, label: `BTC_Price written in minute ${w.m}` });
  for (const w of written("B3")) expect(w.v).toBeNear(D, { rel: 0.01, label: `BTC_Difficulty written in minute ${w.m}` });
  for (const w of written("B4")) expect(w.v).toBeNear(heightAt(w.m), { abs: HEIGHT_AGREEMENT, label: `BTC_Height written in minute ${w.m}` });
  const hashprices = written("B7");
  expect(hashprices.length).toBeGreaterThan(0);
  for (const w of hashprices) expect(w.v).toBeNear(TRUE_HASHPRICE, { rel: PRICE_TOLERANCE, label: `BTC_Hashprice written in minute ${w.m}` });
  // the live cell on the same runtime: every value it ever showed
  const shown = cells.filter((v): v is number => typeof v === "number");
  expect(shown.length).toBeGreaterThan(50);
  for (const v of shown) expect(v).toBeNear(TRUTH, { rel: PRICE_TOLERANCE, label: "the live BTC price cell" });

  // requests per provider: back-off kept across refreshes
  const between = (provider: string, from: number, to: number) => perMinute[to][provider] - perMinute[from - 1][provider];
  expect(between("kraken", 20, 22)).toBeGreaterThan(0); // asked, and answered 429 with a readable 15-minute Retry-After
  expect(between("kraken", 21, 34)).toBe(0); // not asked again before minute 35
  expect(between("coinbase", 30, 30)).toBeGreaterThan(0); // 429 without a readable Retry-After from minute 30 on
  expect(between("coinbase", 31, 60)).toBeLessThanOrEqual(2); // the default back-off: 5, then 10, then 20 minutes
  const total = perMinute[60];
  if (process.env.MINER_SOAK_REPORT) console.log(JSON.stringify({ total, prices: prices.length, worst: Math.max(...prices.map((w) => Math.abs(w.v / TRUTH - 1))) }));
  expect(total.mempool).toBeLessThanOrEqual(61 * 5 + 10); // five endpoints a refresh, and a few retries of 503s
  expect(s.pageErrors).toEqual([]);
}, 120_000);
