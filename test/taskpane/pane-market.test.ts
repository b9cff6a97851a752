/*
 * The Market view in headless Chromium, against the fake API on 127.0.0.1, outside Office: values
 * with unit, friendly source and age; Refresh with its progress; faults shown in the banner with
 * the last good values kept; the CSP; the user's own mempool instance; auto-refresh; hostile and
 * slow providers.
 */
import { Page } from "playwright-core";
import { startFakeApi } from "../support/fake-api";
import { startStaticServer } from "../support/static-server";
import { allPrintedFormulas, parseFormula } from "../support/printed-formulas";
import {
  cellValues,
  countLoads,
  FUNCTIONS_RUNTIME,
  isStale,
  openPane,
  paneSuite,
  refreshDone,
  showTab,
  sourceDetailOf,
  sourceOf,
  until,
  valueOf,
} from "../support/pane";

const s = paneSuite();
const open = () => openPane(s.page, s.url);
const value = (name: string, page: Page = s.page) => valueOf(page, name);
const source = (name: string, page: Page = s.page) => sourceOf(page, name);

test("shows each value with unit, its source by name (the full address on hover) and age, as a dashboard outside Office", async () => {
  const { page, api } = s;
  await open();
  expect(await page.locator("#host-status").innerText()).toMatch(/Running outside Office/);
  expect(await page.locator("#insert").isDisabled()).toBe(true);
  expect(await value("BTC_Price")).toBe("91,250.00 USD");
  // the first reading, confirmed by a second provider: both named, both addresses on hover
  expect(await source("BTC_Price")).toBe("mempool.space, confirmed by Coinbase · just now");
  expect(await sourceDetailOf(page, "BTC_Price")).toBe(
    `${api.bases.mempool}/api/v1/prices, confirmed by ${api.bases.coinbase}/v2/prices/BTC-USD/spot`,
  );
  expect(await value("BTC_Difficulty")).toBe("162.01 T");
  expect(await sourceDetailOf(page, "BTC_Difficulty")).toBe(
    `${api.bases.mempool}/api/v1/mining/hashrate/3d, confirmed by ${api.bases["blockchain.info"]}/q/getdifficulty`,
  );
  expect(await value("BTC_Height")).toBe("975,312");
  expect(await value("BTC_FeesPerBlock")).toBe("0.0250 BTC");
  expect(await value("BTC_Hashprice")).toMatch(/^\$\d+\.\d\d \/PH\/day$/);
  expect(await source("BTC_Hashprice")).toBe("derived · just now");
  expect(await sourceDetailOf(page, "BTC_Hashprice")).toBe(
    "derived: MINER.HASHPRICE(BTC_Price, BTC_Difficulty, MINER.SUBSIDY(BTC_Height), BTC_FeesPerBlock)",
  );
  expect(await value("BTC_NextHalvingHeight")).toBe("1,050,000");
  expect(await value("BTC_Price_EUR")).toBe("78,931.00 EUR");
  expect(await page.locator("#banner").isHidden()).toBe(true);
  // nothing scrolls sideways in the pane
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  expect(s.pageErrors).toEqual([]);
});

test("Refresh shows its progress and can be driven from the keyboard", async () => {
  const { page, api } = s;
  await open();
  let release = () => {};
  api.faults.set("/mempool/api/v1/difficulty-adjustment", { until: new Promise<void>((r) => (release = r)) });
  await page.focus("#refresh");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() =>
    /Refreshing… \d of 5 sources answered/.test(document.getElementById("progress")!.textContent!),
  );
  expect(await page.locator("#refresh").isDisabled()).toBe(true);
  expect(await page.locator("#progress-bar").isVisible()).toBe(true);
  release();
  await refreshDone(page);
  expect(await page.locator("#progress").innerText()).toBe("");
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(2); // the load and the refresh
});

test("a provider failure shows the banner and the fallback's source", async () => {
  const { page, api } = s;
  api.faults.set("/mempool/api/v1/prices", { status: 500 });
  await open();
  expect(await source("BTC_Price")).toMatch(/^Coinbase, confirmed by Kraken · /);
  expect(await sourceDetailOf(page, "BTC_Price")).toBe(
    `${api.bases.coinbase}/v2/prices/BTC-USD/spot, confirmed by ${api.bases.kraken}/0/public/Ticker`,
  );
  const banner = page.locator("#banner");
  await page.waitForFunction(() => !document.getElementById("banner")!.hidden);
  expect(await banner.innerText()).toMatch(/BTC price from Coinbase .* because 127\.0\.0\.1:\d+ answered HTTP 500/);
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(3); // retried twice, as in production
});

test("a response without CORS headers is refused by the browser, and the next provider is used", async () => {
  const { page, api } = s;
  api.faults.set("/mempool/api/v1/prices", { noCors: true });
  await open();
  expect(await source("BTC_Price")).toMatch(/^Coinbase/);
  await page.waitForFunction(() => !document.getElementById("banner")!.hidden);
  expect(await page.locator("#banner").innerText()).toMatch(
    /could not be reached \(offline, blocked, or no CORS permission\)/,
  );
});

test("everything down after a good load: the last good values stay, marked stale, and the banner says why", async () => {
  const { page, api } = s;
  await open();
  api.faults.set("/", { status: 503 });
  await page.click("#refresh");
  await page.waitForFunction(
    () => document.querySelector('[data-name="BTC_Price"]')?.classList.contains("stale"),
    null,
    { timeout: 20_000 },
  );
  await refreshDone(page);
  expect(await value("BTC_Price")).toBe("91,250.00 USD");
  expect(await page.locator('[data-name="BTC_Price"] .flag').isVisible()).toBe(true);
  const banner = await page.locator("#banner").innerText();
  expect(banner).toMatch(/^Stale \(last good value kept\): /);
  expect(banner).toMatch(/HTTP 503/);
});

test("all providers down from the start: an error banner and no invented values", async () => {
  const { page, api } = s;
  api.faults.set("/", { status: 503 });
  await page.goto(`${s.url}/taskpane.html`);
  await page.waitForFunction(() => document.getElementById("banner")!.className === "banner error", null, {
    timeout: 20_000,
  });
  expect(await value("BTC_Price")).toBe("—");
  expect(await source("BTC_Price")).toBe("not fetched");
  expect(await isStale(page, "BTC_Price")).toBe(false);
});

test("the page's CSP is the one fixed at build time: scripts from itself and Office only, connections over https (and the test API); anything else refused", async () => {
  const { page } = s;
  await open();
  const other = await startStaticServer({}, { "/x": "x" });
  const plainHttp = other.url.replace("127.0.0.1", "localhost"); // plain http, not the test API's 127.0.0.1
  try {
    const result = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return "fetched";
      } catch {
        return "refused";
      }
    }, `${plainHttp}/x`);
    expect(result).toBe("refused");
    expect(other.requests).toEqual([]); // the request never left the page
    await until(() => s.cspViolations.some((v) => v.includes(plainHttp)), "the browser's CSP report"); // and the browser said why
    s.cspViolations.length = 0;
    const policies = await page.evaluate(() =>
      [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(
        (m) => (m as HTMLMetaElement).content,
      ),
    );
    expect(policies).toHaveLength(1); // nothing added at run time, so no setting can reach it
    expect(policies[0]).toMatch(/script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
    expect(policies[0]).toMatch(/connect-src 'self' https: http:\/\/127\.0\.0\.1:\*;/);
    expect(policies[0]).not.toMatch(/unsafe-eval/);
  } finally {
    await other.close();
  }
});

test("a user's own mempool instance: refused unless a plain https URL; saved, it is used at once, labelled by its host, and live cells keep updating from it, without reloading the page", async () => {
  const { page } = s;
  await page.addInitScript(FUNCTIONS_RUNTIME);
  const loads = countLoads(page);
  await open();
  const own = await startFakeApi();
  own.faults.set("/mempool/api/v1/prices", { body: '{"USD": 91300, "EUR": 78980}' });
  try {
    // a live cell on this page, which is also the custom-functions runtime
    await page.evaluate(() =>
      (window as unknown as { __startCell: (n: string, id: string, a: unknown[]) => void }).__startCell(
        "price",
        "NETWORK",
        ["btc_price_usd"],
      ),
    );
    await page.waitForFunction(() =>
      (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.includes(91250),
    );
    await page.evaluate(() => ((window as unknown as { __loadedOnce: boolean }).__loadedOnce = true));

    await showTab(page, "settings");
    await page.fill("#mempool-url", "ftp://example.org");
    await page.click("#save-mempool");
    expect(await page.locator("#mempool-status").innerText()).toMatch(/Use an https:\/\/ base URL/);
    expect(await page.locator("#mempool-url").getAttribute("aria-invalid")).toBe("true");

    // finding 3: a CSP directive smuggled in a URL is refused, and no policy is ever added
    await page.fill("#mempool-url", "https://x;script-src");
    await page.click("#save-mempool");
    expect(await page.locator("#mempool-status").innerText()).toMatch(/^Not saved: it contains ";"/);
    await page.fill("#mempool-url", "https://mempool.corp");
    await page.click("#save-mempool");
    expect(await page.locator("#mempool-status").innerText()).toMatch(
      /^Not saved: "corp" names a local or intranet host/,
    );

    await page.fill("#mempool-url", `${own.url}/mempool`); // http to 127.0.0.1 is allowed in test builds only
    await page.click("#save-mempool");
    const host = own.url.replace("http://", "");
    await page.waitForFunction(
      (h) => document.querySelector('[data-name="BTC_Price"] .src')?.textContent === `${h}, confirmed by Coinbase`,
      host,
      { timeout: 20_000 },
    );
    await showTab(page, "market");
    // its host, with its base path, on hover (a new source: its first reading confirmed by a second provider)
    expect(await sourceDetailOf(page, "BTC_Price")).toBe(
      `${own.url}/mempool/api/v1/prices, confirmed by ${s.api.bases.coinbase}/v2/prices/BTC-USD/spot`,
    );
    expect(own.hits.get("/mempool/api/v1/prices")).toBe(1);
    await showTab(page, "settings");
    expect(await page.locator("#mempool-status").innerText()).toBe(`Using ${own.url}/mempool for network data.`);
    // issue 14, no reload: the live cell went on updating, now from the new instance, in the same document
    await page.waitForFunction(() =>
      (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.includes(91300),
    );
    expect((await cellValues(page, "price")).filter((v) => typeof v !== "number")).toEqual([]); // never an error meanwhile
    expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce)).toBe(true);
    expect(
      await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type),
    ).toBe("navigate");
    expect(loads()).toBe(1); // never reloaded
    const policies = await page.evaluate(
      () => document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length,
    );
    expect(policies).toBe(1);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await own.close();
  }
});

test("auto-refresh is every 5 minutes by default; Off asks for nothing, and another interval refreshes on it", async () => {
  const { page, api } = s;
  await page.clock.install();
  await open();
  await refreshDone(page);
  const prices = () => api.hits.get("/mempool/api/v1/prices") ?? 0;
  // A request would reach the fake API at once; let the page settle on something it does, a
  // round trip to the fake server through its own fetch.
  const settle = () => page.evaluate((u) => fetch(u).then((r) => r.text()), `${api.url}/nothing`);
  const waitForMore = (than: number) => until(() => prices() > than, `a price request after ${than}`);
  await showTab(page, "settings");
  expect(await page.locator("#auto-refresh").inputValue()).toBe("5");
  let before = prices();
  await page.clock.runFor(5 * 60_000 + 1_000);
  await refreshDone(page);
  await waitForMore(before);
  expect(prices()).toBe(before + 1);

  await page.selectOption("#auto-refresh", "0");
  before = prices();
  await page.clock.runFor(20 * 60_000);
  await settle();
  expect(prices()).toBe(before);
  await page.selectOption("#auto-refresh", "1");
  await page.clock.runFor(61_000);
  await refreshDone(page);
  await waitForMore(before);
  expect(prices()).toBeGreaterThan(before);
});

describe("hostile and slow providers, as the pane shows them", () => {
  test("fields publish as their sources answer: a silent price provider does not hold the other rows at —", async () => {
    const { page, api } = s;
    let release = () => {};
    api.faults.set("/mempool/api/v1/prices", { until: new Promise<void>((r) => (release = r)) });
    await page.goto(`${s.url}/taskpane.html`);
    await page.waitForFunction(
      () => document.querySelector('[data-name="BTC_Difficulty"] .num')?.textContent === "162.01 T",
      null,
      { timeout: 20_000 },
    );
    expect(await value("BTC_Price")).toBe("—");
    expect(await source("BTC_Price")).toBe("waiting for its source");
    expect(await value("BTC_Height")).toBe("975,312");
    release();
    await page.waitForFunction(
      () => document.querySelector('[data-name="BTC_Price"] .num')?.textContent === "91,250.00 USD",
      null,
      { timeout: 20_000 },
    );
  });

  test("long, deep and huge error answers: the banner stays short, wraps inside the pane, and shows no stack overflow", async () => {
    const { page, api } = s;
    for (const p of ["/coinbase", "/blockchain/ticker"]) api.faults.set(p, { status: 404 });
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 1, "error": ["' + "x".repeat(50_000_000) + '"]}' });
    api.faults.set("/kraken", { body: `{"error":["E${"x".repeat(400)}"],"result":{}}` });
    api.faults.set("/coingecko", { body: `{"bitcoin":${"[".repeat(5000)}${"]".repeat(5000)}}` });
    await page.setViewportSize({ width: 320, height: 450 });
    await page.goto(`${s.url}/taskpane.html`);
    await page.waitForFunction(() => /^BTC price: /m.test(document.getElementById("banner")!.textContent!), null, {
      timeout: 20_000,
    });
    const banner = await page.locator("#banner").innerText();
    expect(banner).toMatch(/127\.0\.0\.1:\d+ sent more than 1024 KB: refused/);
    expect(banner).toMatch(/kraken ticker: Ex{59}…/);
    expect(banner).not.toMatch(/x{60}/);
    expect(banner).toMatch(/coingecko price: the response nests deeper than 16 levels/);
    expect(banner).not.toMatch(/call stack/i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(s.pageErrors).toEqual([]);
  });
});

// The suite keeps one page between tests (test/support/pane.ts): these two, in this order, pin that
// a test starts with nothing the one before it left.
describe("each test starts clean on the kept page", () => {
  test("a test stores a setting, adds an init script and starts a refresh it does not wait for", async () => {
    const { page, api } = s;
    await page.addInitScript(`window.__leftOver = true;`);
    await open();
    await showTab(page, "settings");
    await page.selectOption("#auto-refresh", "15");
    expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
    await refreshDone(page);
    api.faults.set("/mempool/api/v1/prices", { until: new Promise<void>(() => {}) }); // never answers
    await showTab(page, "market");
    await page.click("#refresh");
    await page.waitForFunction(() => (document.getElementById("refresh") as HTMLButtonElement).disabled);
  });

  test("the next one finds no stored setting, no init script, and a fake API with no fault and no hit", async () => {
    const { page, api } = s;
    expect(api.totalHits()).toBe(0);
    await open();
    expect(await page.evaluate(() => [localStorage.length, "__leftOver" in window])).toEqual([0, false]);
    await showTab(page, "settings");
    expect(await page.locator("#auto-refresh").inputValue()).toBe("5"); // the default, not the 15 stored before
    expect(await value("BTC_Price")).toBe("91,250.00 USD");
  });
});

test("every live formula the guides print (BTCPRICE, DIFFICULTY, HEIGHT, NETWORK) gives a number from the recorded responses on the pane's page", async () => {
  const { page } = s;
  await page.addInitScript(FUNCTIONS_RUNTIME);
  await open();
  // printed with literal arguments (a signature such as =MINER.NETWORK(field) names its parameter: not a formula)
  const live = allPrintedFormulas()
    .filter((p) => p.skip === "live" && !/MINER\.HISTORY\(/.test(p.formula))
    .map((p) => ({ p, ast: parseFormula(p.formula) }))
    .filter((x): x is { p: (typeof x)["p"]; ast: { call: string; args: { value: unknown }[] } } => {
      const a = x.ast as { call?: string; args?: unknown[] } | undefined;
      return !!a?.call && (a.args ?? []).every((arg) => typeof arg === "object" && arg !== null && "value" in arg);
    });
  const formulas = [...new Set(live.map((x) => x.p.formula))];
  expect(formulas.length).toBeGreaterThanOrEqual(5); // BTCPRICE(), DIFFICULTY(), HEIGHT(), NETWORK("…") twice, BTCPRICE("USD", 1)
  for (const [k, { p, ast }] of live.entries()) {
    const name = `printed${k}`;
    await page.evaluate(
      ([n, id, args]) =>
        (window as unknown as { __startCell: (n: string, id: string, a: unknown[]) => void }).__startCell(n, id, args),
      [name, ast.call, ast.args.map((a) => a.value)] as [string, string, unknown[]],
    );
    await page
      .waitForFunction(
        (n) =>
          ((window as unknown as { __cells: Record<string, unknown[]> }).__cells[n] ?? []).some(
            (v) => typeof v === "number",
          ),
        name,
        { timeout: 20_000 },
      )
      .catch(async () => {
        throw new Error(`${p.where}: ${p.formula} gave no number: ${JSON.stringify(await cellValues(page, name))}`);
      });
    expect([
      p.formula,
      (await cellValues(page, name)).filter((v) => typeof v !== "number" && !/not fetched yet/.test(String(v))),
    ]).toEqual([p.formula, []]);
  }
});
