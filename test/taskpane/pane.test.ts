/*
 * The task pane in headless Chromium, against the fake API on 127.0.0.1, outside Office (a plain
 * browser: the office.js CDN is unreachable, as every non-local request is refused here). It
 * shows values with unit, source and age; Refresh shows progress; faults show the banner with the
 * last good values kept; the CSP limits connections; a screenshot is written.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { buildProduction } from "../support/build";
import { FakeApi, startFakeApi } from "../support/fake-api";
import { startStaticServer, StaticServer } from "../support/static-server";

const SCREENSHOT = path.resolve(__dirname, "../../test-results/taskpane.png");

let dist: string;
let api: FakeApi;
let pane: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dist = await buildProduction({}, { testHooks: true });
  api = await startFakeApi();
  const config = `window.MINER_TEST_BASES = ${JSON.stringify(api.bases)};`;
  pane = await startStaticServer({ "/": dist }, {});
  fs.writeFileSync(path.join(dist, "test-config.js"), config);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await api?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let cspViolations: string[];

beforeEach(async () => {
  api.reset();
  context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  // No test reaches the internet: refuse everything that is not on this machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  page = await context.newPage();
  pageErrors = [];
  cspViolations = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) cspViolations.push(m.text());
  });
});

afterEach(async () => {
  await context.close();
  // The pane never trips its own policy: only the test that fetches a foreign origin does, and it clears what it expects.
  expect(cspViolations).toEqual([]);
});

const rowValue = (name: string) => page.locator(`tr[data-name="${name}"] td.value`).innerText();
const rowSource = (name: string) => page.locator(`tr[data-name="${name}"] td.source`).innerText();

/** How many times the page has loaded a document (1 after open; more would mean a reload). */
function countLoads(p: Page): () => number {
  let n = 0;
  p.on("load", () => n++);
  return () => n;
}

/** Makes localStorage and sessionStorage throw, as a browser blocking third-party storage does. */
const BLOCK_STORAGE = `(() => {
  for (const name of ["localStorage", "sessionStorage"])
    Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
})();`;

/**
 * A stand-in for Excel's custom-functions runtime that records what functions.js registers, so
 * the test can start live cells on the pane page (which is the shared runtime) and watch them.
 */
const FUNCTIONS_RUNTIME = `(() => {
  const fns = {};
  class CfError extends Error { constructor(code, message) { super(message || ""); this.code = code; } }
  window.CustomFunctions = { associate: (id, fn) => { fns[id] = fn; }, Error: CfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" } };
  window.__functions = fns;
  window.__cells = {};
  window.__startCell = (name, id, args) => {
    const results = (window.__cells[name] = []);
    fns[id](...args, { setResult: (v) => results.push(v instanceof Error ? v.code + " " + v.message : v) });
  };
})();`;

const cellValues = (p: Page, name: string) => p.evaluate((n) => (window as unknown as { __cells: Record<string, unknown[]> }).__cells[n] ?? [], name);

async function open(): Promise<void> {
  await page.goto(`${pane.url}/taskpane.html`);
  await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent !== "—", null, { timeout: 15_000 });
}

test("shows each value with unit, source and age, as a dashboard outside Office; writes a screenshot", async () => {
  await open();
  expect(await page.locator("#host-status").innerText()).toMatch(/Running outside Office/);
  expect(await page.locator("#insert").isDisabled()).toBe(true);
  expect(await rowValue("BTC_Price")).toBe("91,250.00 USD");
  expect(await rowSource("BTC_Price")).toMatch(/^mempool\.space \/api\/v1\/prices · just now$/);
  expect(await rowValue("BTC_Difficulty")).toBe("162.01 T");
  expect(await rowValue("BTC_Height")).toBe("975,312");
  expect(await rowValue("BTC_FeesPerBlock")).toBe("0.0250 BTC");
  expect(await rowValue("BTC_Hashprice")).toMatch(/^\$\d+\.\d\d \/PH\/day$/);
  expect(await rowValue("BTC_NextHalvingHeight")).toBe("1,050,000");
  expect(await rowValue("BTC_Price_EUR")).toBe("78,931.00 EUR");
  expect(await page.locator("#banner").isHidden()).toBe(true);
  // fits a 320 px pane: nothing scrolls sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  expect(pageErrors).toEqual([]);
});

test("Refresh shows its progress and can be driven from the keyboard", async () => {
  await open();
  api.faults.set("/mempool/api/v1/difficulty-adjustment", { delayMs: 5000 });
  await page.focus("#refresh");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /Refreshing… \d of 5 sources answered/.test(document.getElementById("progress")!.textContent!));
  expect(await page.locator("#refresh").isDisabled()).toBe(true);
  expect(await page.locator("#progress-bar").isVisible()).toBe(true);
  await page.waitForFunction(() => !(document.getElementById("refresh") as HTMLButtonElement).disabled, null, { timeout: 15_000 });
  expect(await page.locator("#progress").innerText()).toBe("");
  expect(api.hits.get("/mempool/api/v1/prices")).toBe(2); // the load and the refresh
});

test("a provider failure shows the banner and the fallback's source", async () => {
  api.faults.set("/mempool/api/v1/prices", { status: 500 });
  await open();
  expect(await rowSource("BTC_Price")).toMatch(/^Coinbase \/v2\/prices\/BTC-USD\/spot/);
  const banner = page.locator("#banner");
  expect(await banner.isVisible()).toBe(true);
  expect(await banner.innerText()).toMatch(/BTC price from Coinbase .* because 127\.0\.0\.1:\d+ answered HTTP 500/);
});

test("a response without CORS headers is refused by the browser, and the next provider is used", async () => {
  api.faults.set("/mempool/api/v1/prices", { noCors: true });
  await open();
  expect(await rowSource("BTC_Price")).toMatch(/^Coinbase/);
  expect(await page.locator("#banner").innerText()).toMatch(/could not be reached \(offline, blocked, or no CORS permission\)/);
});

test("everything down after a good load: the last good values stay, marked stale, and the banner says why", async () => {
  await open();
  api.faults.set("/", { status: 503 });
  await page.click("#refresh");
  await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"]')?.className === "stale", null, { timeout: 15_000 });
  expect(await rowValue("BTC_Price")).toBe("91,250.00 USD");
  const banner = await page.locator("#banner").innerText();
  expect(banner).toMatch(/^Stale \(last good value kept\): /);
  expect(banner).toMatch(/HTTP 503/);
  await page.screenshot({ path: SCREENSHOT.replace(".png", "-stale.png"), fullPage: true });
});

test("all providers down from the start: an error banner and no invented values", async () => {
  api.faults.set("/", { status: 503 });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.waitForFunction(() => document.getElementById("banner")!.className === "banner error", null, { timeout: 20_000 });
  expect(await rowValue("BTC_Price")).toBe("—");
  expect(await rowSource("BTC_Price")).toBe("not fetched");
});

test("the page's CSP is the one fixed at build time: scripts from itself and Office only, connections over https (and the test API); anything else refused", async () => {
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
    for (let k = 0; k < 50 && !cspViolations.some((v) => v.includes(plainHttp)); k++) await new Promise((r) => setTimeout(r, 100));
    expect(cspViolations.filter((v) => v.includes(plainHttp))).not.toEqual([]); // and the browser said why
    cspViolations = [];
    const policies = await page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => (m as HTMLMetaElement).content));
    expect(policies).toHaveLength(1); // nothing added at run time, so no setting can reach it
    expect(policies[0]).toMatch(/script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
    expect(policies[0]).toMatch(/connect-src 'self' https: http:\/\/127\.0\.0\.1:\*;/);
    expect(policies[0]).not.toMatch(/unsafe-eval/);
  } finally {
    await other.close();
  }
});

test("a user's own mempool instance: refused unless a plain https URL; saved, it is used at once, labelled by its host, and live cells keep updating from it, without reloading the page", async () => {
  await page.addInitScript(FUNCTIONS_RUNTIME);
  const loads = countLoads(page);
  await open();
  const own = await startFakeApi();
  own.faults.set("/mempool/api/v1/prices", { body: '{"USD": 91300, "EUR": 78980}' });
  try {
    // a live cell on this page, which is also the custom-functions runtime
    await page.evaluate(() => (window as unknown as { __startCell: (n: string, id: string, a: unknown[]) => void }).__startCell("price", "NETWORK", ["btc_price_usd"]));
    await page.waitForFunction(() => (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.includes(91250));
    await page.evaluate(() => ((window as unknown as { __loadedOnce: boolean }).__loadedOnce = true));

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
    expect(await page.locator("#mempool-status").innerText()).toMatch(/^Not saved: "corp" names a local or intranet host/);

    await page.fill("#mempool-url", `${own.url}/mempool`); // http to 127.0.0.1 is allowed in test builds only
    await page.click("#save-mempool");
    const host = own.url.replace("http://", "");
    await page.waitForFunction((h) => document.querySelector('tr[data-name="BTC_Price"] td.source')?.textContent?.startsWith(`${h} /api/v1/prices`), host, { timeout: 15_000 });
    expect(own.hits.get("/mempool/api/v1/prices")).toBe(1);
    expect(await page.locator("#mempool-status").innerText()).toBe(`Using ${own.url}/mempool for network data.`);
    // issue 14, no reload: the live cell went on updating, now from the new instance, in the same document
    await page.waitForFunction(() => (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.includes(91300));
    expect((await cellValues(page, "price")).filter((v) => typeof v !== "number")).toEqual([]); // never an error meanwhile
    expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce)).toBe(true);
    expect(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type)).toBe("navigate");
    expect(loads()).toBe(1); // never reloaded
    const policies = await page.evaluate(() => document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length);
    expect(policies).toBe(1);
    expect(pageErrors).toEqual([]);
  } finally {
    await own.close();
  }
});

test("auto-refresh is off by default and, when chosen, refreshes on its interval", async () => {
  await page.clock.install();
  await open();
  expect(await page.locator("#auto-refresh").inputValue()).toBe("0");
  const before = api.hits.get("/mempool/api/v1/prices") ?? 0;
  await page.clock.runFor(5 * 60_000);
  await new Promise((r) => setTimeout(r, 1000)); // real time for a wrongly started refresh to arrive
  expect(api.hits.get("/mempool/api/v1/prices") ?? 0).toBe(before); // off: nothing happens
  await page.selectOption("#auto-refresh", "1");
  await page.clock.runFor(61_000);
  await page.waitForFunction(() => !(document.getElementById("refresh") as HTMLButtonElement).disabled);
  for (let k = 0; k < 50 && (api.hits.get("/mempool/api/v1/prices") ?? 0) <= before; k++) await new Promise((r) => setTimeout(r, 100));
  expect(api.hits.get("/mempool/api/v1/prices") ?? 0).toBeGreaterThan(before);
});

test("every control has a label a screen reader can read", async () => {
  await open();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("button, input, select, progress")]
      .filter((el) => {
        const id = el.id;
        const text = (el.textContent ?? "").trim();
        const aria = el.getAttribute("aria-label");
        const label = id ? document.querySelector(`label[for="${id}"]`) : null;
        return !text && !aria && !label;
      })
      .map((el) => el.id || el.tagName),
  );
  expect(unlabelled).toEqual([]);
});

/**
 * A stand-in for Office and Excel inside the page (installed before any script runs), recording
 * what the pane writes: enough to drive "Insert into workbook", the refresh of the sheet, and the
 * workbook-level mempool setting, as in Excel.
 */
const FAKE_OFFICE = `
(() => {
  const cells = {}; const names = {}; const sheets = new Set(); const charts = [];
  // the workbook's document settings, as an earlier init script seeded them (window.__workbookSettings)
  const settings = Object.assign({}, window.__workbookSettings || {});
  window.__fakeExcel = { cells, names, sheets: () => [...sheets], charts, settings, saves: 0 };
  function range(sheet, address) {
    const key = sheet + "!" + address;
    return {
      set values(v) { cells[key] = v[0][0]; }, set formulas(v) { cells[key] = v; }, set numberFormat(v) {},
      format: { font: {}, fill: {}, autofitColumns() {} }, __key: key,
    };
  }
  function worksheet(name) {
    return {
      isNullObject: !sheets.has(name), load() {}, getRange: (a) => range(name, a), activate() {},
      charts: { add: (type, source) => { charts.push({ sheet: name, type, source: source.__key }); return { title: {}, axes: { categoryAxis: { setCategoryNames() {} } }, setPosition() {} }; } },
    };
  }
  const context = {
    workbook: {
      worksheets: { getItemOrNullObject: (n) => worksheet(n), add: (n) => { sheets.add(n); return worksheet(n); } },
      names: {
        getItemOrNullObject: (n) => ({ load() {}, isNullObject: !(n in names), formula: names[n] || "" }),
        add: (n, r) => { const [s, c] = r.__key.split("!"); names[n] = "=" + (/^\\w+$/.test(s) ? s : "'" + s + "'") + "!" + c.replace(/([A-Z]+)(\\d+)/g, "$$$1$$$2"); },
      },
    },
    sync: async () => {},
  };
  window.Excel = { run: (cb) => cb(context) };
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: (cb) => { setTimeout(() => cb({ host: "Excel" }), 0); return Promise.resolve({ host: "Excel" }); },
    context: { requirements: { isSetSupported: (set, v) => set === "ExcelApi" && Number(v) <= 1.7 }, document: { url: "https://contoso.sharepoint.com/sites/mining/Model.xlsx", settings: {
      get: (k) => (k in settings ? settings[k] : null),
      set: (k, v) => { settings[k] = v; },
      saveAsync: (cb) => { window.__fakeExcel.saves++; if (cb) cb({ status: "succeeded" }); },
    } } },
  };
})();
`;

describe("in Excel (a stand-in Office in the page)", () => {
  test("Insert into workbook writes MINER_Market and its names; Refresh updates it; a failed refresh writes nothing", async () => {
    await page.addInitScript(FAKE_OFFICE);
    await open();
    await page.waitForFunction(() => !(document.getElementById("insert") as HTMLButtonElement).disabled);
    expect(await page.locator("#host-status").innerText()).toBe("Connected to Excel.");
    await page.click("#insert");
    await page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("progress")!.textContent!));
    const fake = () => page.evaluate(() => (window as unknown as { __fakeExcel: { cells: Record<string, unknown>; names: Record<string, string> } }).__fakeExcel);
    let xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(91250);
    expect(xl.names.BTC_Price).toBe("=MINER_Market!$B$2");
    expect(xl.names.BTC_Hashprice).toBe("=MINER_Market!$B$7");

    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 95000, "EUR": 80000}' });
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent === "95,000.00 USD");
    await page.waitForFunction(() => !(document.getElementById("refresh") as HTMLButtonElement).disabled);
    xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(95000);

    api.faults.clear();
    api.faults.set("/", { status: 503 });
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"]')?.className === "stale", null, { timeout: 20_000 });
    await page.waitForFunction(() => !(document.getElementById("refresh") as HTMLButtonElement).disabled);
    xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(95000); // the last good value stays
    expect(String(xl.cells["MINER_Market!D2"])).toMatch(/STALE: refresh failed/);
  });

  test("Insert model writes the market data and the five-sheet model linked to it; a second insert adds a copy", async () => {
    await page.addInitScript(FAKE_OFFICE);
    await open();
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent !== "—");
    await page.waitForFunction(() => !(document.getElementById("insert-model") as HTMLButtonElement).disabled);
    await page.click("#insert-model");
    await page.waitForFunction(() => /^Inserted /.test(document.getElementById("model-status")!.textContent!));
    expect(await page.locator("#model-status").innerText()).toBe(
      "Inserted Assumptions, Mining, Lease vs Mine, Treasury, Reconciliation, Risk. Network inputs link to MINER_Market (BTC_Price, BTC_Difficulty, BTC_FeesPerBlock, BTC_Height).",
    );
    type Fake = { cells: Record<string, unknown>; names: Record<string, string>; sheets: () => string[]; charts: { sheet: string; source: string }[] };
    const fake = () => page.evaluate(() => { const f = (window as unknown as { __fakeExcel: Fake }).__fakeExcel; return { cells: f.cells, names: f.names, sheets: f.sheets(), charts: f.charts }; });
    let xl = await fake();
    expect(xl.sheets).toEqual(["MINER_Market", "Assumptions", "Mining", "Lease vs Mine", "Treasury", "Reconciliation", "Risk"]);
    expect(xl.cells["Assumptions!B6"]).toEqual([["=BTC_Price"]]);
    expect(xl.cells["Mining!I5:K15"]).toEqual(expect.arrayContaining([["All-in cost per BTC", '=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)', "USD per BTC"]]));
    expect(xl.names.Cost_Inputs).toBe("=Mining!$A$5:$B$17");
    expect(xl.charts.map((c) => c.source).slice(0, 4)).toEqual(["Mining!N5:N8", "Lease vs Mine!K16:L47", "Treasury!G19:H50", "Treasury!I19:J50"]);

    await page.click("#insert-model");
    await page.waitForFunction(() => /copy 2/.test(document.getElementById("model-status")!.textContent!));
    xl = await fake();
    expect(xl.sheets.slice(-6)).toEqual(["Assumptions (2)", "Mining (2)", "Lease vs Mine (2)", "Treasury (2)", "Reconciliation (2)", "Risk (2)"]);
    expect(xl.names.Cost_Inputs_2).toBe("='Mining (2)'!$A$5:$B$17");
  });

  test("a workbook's own instance is not adopted silently: the pane asks once for that workbook, then uses it; a new one typed here is saved into the workbook", async () => {
    const own = await startFakeApi();
    const host = own.url.replace("http://", "");
    try {
      await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: ${JSON.stringify(`${own.url}/mempool`)} };`);
      await page.addInitScript(FAKE_OFFICE);
      const loads = countLoads(page);
      await open();
      await page.waitForFunction(() => !document.getElementById("source-request")!.hidden);
      expect(await page.locator("#source-request-text").innerText()).toBe(
        `This workbook asks for network data from ${host} instead of mempool.space. Use it only if you trust that host: its values will be shown and written into this workbook.`,
      );
      expect(own.totalHits()).toBe(0); // nothing goes there before the user says so
      expect(await rowSource("BTC_Price")).toMatch(/^mempool\.space /);

      await page.click("#source-accept");
      await page.waitForFunction((h) => document.querySelector('tr[data-name="BTC_Price"] td.source')?.textContent?.startsWith(`${h} /api/v1/prices`), host);
      expect(await page.locator("#source-request").isHidden()).toBe(true);
      expect(await page.locator("#mempool-status").innerText()).toBe(`Using ${own.url}/mempool for network data.`);
      expect(await page.locator("#mempool-url").inputValue()).toBe(`${own.url}/mempool`);

      // Accepted once for this workbook: opening it again asks nothing.
      const again = await context.newPage();
      await again.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: ${JSON.stringify(`${own.url}/mempool`)} };`);
      await again.addInitScript(FAKE_OFFICE);
      await again.goto(`${pane.url}/taskpane.html`);
      await again.waitForFunction((h) => document.querySelector('tr[data-name="BTC_Price"] td.source')?.textContent?.startsWith(`${h} /api/v1/prices`), host, { timeout: 15_000 });
      expect(await again.locator("#source-request").isHidden()).toBe(true);
      await again.close();

      // Saving another instance writes it into the workbook's settings and saves them, without a reload.
      await page.fill("#mempool-url", `${api.url}/mempool`);
      await page.click("#save-mempool");
      await page.waitForFunction((u) => document.getElementById("mempool-status")?.textContent === `Using ${u}/mempool for network data.`, api.url);
      const workbook = await page.evaluate(() => (window as unknown as { __fakeExcel: { settings: Record<string, string>; saves: number } }).__fakeExcel);
      expect(workbook.settings.mempoolBaseUrl).toBe(`${api.url}/mempool`);
      expect(workbook.saves).toBe(1);
      expect(loads()).toBe(1);
    } finally {
      await own.close();
    }
  });

  test("a workbook naming an intranet host is refused and said; a look-alike host is shown in punycode and not used unless accepted", async () => {
    await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: "https://intranet.corp" };`);
    await page.addInitScript(FAKE_OFFICE);
    await open();
    await page.waitForFunction(() => /intranet/.test(document.getElementById("mempool-status")!.textContent!));
    expect(await page.locator("#mempool-status").innerText()).toBe(
      'Using mempool.space for network data. This workbook names "https://intranet.corp" as its mempool instance; it is not used: "corp" names a local or intranet host, not a public instance.',
    );
    expect(await page.locator("#source-request").isHidden()).toBe(true);

    const lookAlike = await context.newPage();
    await lookAlike.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: "https://m\u0435mpool.space" };`); // Cyrillic е
    await lookAlike.addInitScript(FAKE_OFFICE);
    await lookAlike.goto(`${pane.url}/taskpane.html`);
    await lookAlike.waitForFunction(() => !document.getElementById("source-request")!.hidden);
    const text = await lookAlike.locator("#source-request-text").innerText();
    expect(text).toMatch(/^This workbook asks for network data from xn--[a-z0-9-]+\.space instead of mempool\.space\. Its name has non-Latin letters, shown here in their xn-- form: it is not mempool\.space\./);
    await lookAlike.click("#source-decline");
    await lookAlike.waitForFunction(() => /is not used\.$/.test(document.getElementById("mempool-status")!.textContent!));
    expect(await lookAlike.locator("#mempool-status").innerText()).toMatch(/^Using mempool\.space for network data\. This workbook's host xn--[a-z0-9-]+\.space is not used\.$/);
    await lookAlike.close();
  });

  test("a price jump nobody confirms is refused with a banner and not written; the workbook keeps the last good price", async () => {
    await page.addInitScript(FAKE_OFFICE);
    await open();
    await page.waitForFunction(() => !(document.getElementById("insert") as HTMLButtonElement).disabled);
    await page.click("#insert");
    await page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("progress")!.textContent!));
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 912500}' });
    for (const p of ["/coinbase", "/kraken", "/coingecko", "/blockchain/ticker"]) api.faults.set(p, { status: 404 });
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"]')?.className === "stale", null, { timeout: 20_000 });
    await page.waitForFunction(() => /MINER_Market/.test(document.getElementById("progress")!.textContent!));
    expect(await rowValue("BTC_Price")).toBe("91,250.00 USD");
    expect(await page.locator("#banner").innerText()).toMatch(/BTC price 912,500 is \+900\.0% from the last good 91,250 \(more than ±10% needs a second provider\).*no second provider confirmed it/);
    const xl = await page.evaluate(() => (window as unknown as { __fakeExcel: { cells: Record<string, unknown> } }).__fakeExcel.cells);
    expect(xl["MINER_Market!B2"]).toBe(91250);
    expect(String(xl["MINER_Market!D2"])).toMatch(/STALE: refresh failed/);
  });
});

describe("the shared runtime page", () => {
  test("blocked storage (SecurityError): the pane and the functions load once, settings work for the session, and the pane says it cannot remember them", async () => {
    const own = await startFakeApi();
    try {
      await page.addInitScript(BLOCK_STORAGE);
      await page.addInitScript(FUNCTIONS_RUNTIME);
      await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: ${JSON.stringify(`${own.url}/mempool`)} };`);
      await page.addInitScript(FAKE_OFFICE);
      const loads = countLoads(page);
      await open();
      expect(await page.evaluate(() => { try { return String(localStorage.length); } catch (e) { return (e as Error).name; } })).toBe("SecurityError");
      await page.waitForFunction(() => !document.getElementById("source-request")!.hidden);
      expect(await page.locator("#storage-note").innerText()).toMatch(/^This browser does not let the add-in store settings \(third-party storage is blocked\): your settings apply until the pane closes and will not be remembered\.$/);
      expect(Object.keys(await page.evaluate(() => (window as unknown as { __functions: object }).__functions))).toEqual(expect.arrayContaining(["HEIGHT", "NETWORK", "COSTPERBTC"]));

      await page.click("#source-accept"); // accepted in memory, for this session
      await page.waitForFunction(() => /^Using http:\/\/127\.0\.0\.1:\d+\/mempool for network data\.$/.test(document.getElementById("mempool-status")!.textContent!));
      await page.waitForFunction(() => /^127\.0\.0\.1:\d+ \/api\/v1\/prices/.test(document.querySelector('tr[data-name="BTC_Price"] td.source')!.textContent!));
      await page.selectOption("#auto-refresh", "15");
      await page.fill("#mempool-url", `${api.url}/mempool`);
      await page.click("#save-mempool");
      await page.waitForFunction((u) => document.getElementById("mempool-status")?.textContent === `Using ${u}/mempool for network data.`, api.url);
      await page.waitForFunction(() => /^mempool\.space \/api\/v1\/prices/.test(document.querySelector('tr[data-name="BTC_Price"] td.source')!.textContent!));
      expect(await page.locator("#auto-refresh").inputValue()).toBe("15");
      expect(loads()).toBe(1);
      expect(pageErrors).toEqual([]);
      // the requests stayed bounded: one load, one accepted instance, one saved one (no reload loop)
      expect(api.hits.get("/mempool/api/v1/prices")! + own.hits.get("/mempool/api/v1/prices")!).toBeLessThanOrEqual(3);
    } finally {
      await own.close();
    }
  });
});

describe("hostile and slow providers, as the pane shows them", () => {
  test("fields publish as their sources answer: a silent price provider does not hold the other rows at —", async () => {
    let open_ = () => {};
    api.faults.set("/mempool/api/v1/prices", { until: new Promise<void>((r) => (open_ = r)) });
    await page.goto(`${pane.url}/taskpane.html`);
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Difficulty"] td.value')?.textContent === "162.01 T", null, { timeout: 15_000 });
    expect(await rowValue("BTC_Price")).toBe("—");
    expect(await rowSource("BTC_Price")).toBe("waiting for its source");
    expect(await rowValue("BTC_Height")).toBe("975,312");
    open_();
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent === "91,250.00 USD", null, { timeout: 15_000 });
  });

  test("long, deep and huge error answers: the banner stays short, wraps inside 320 px, and shows no stack overflow", async () => {
    for (const p of ["/coinbase", "/blockchain/ticker"]) api.faults.set(p, { status: 404 });
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 1, "error": ["' + "x".repeat(50_000_000) + '"]}' });
    api.faults.set("/kraken", { body: `{"error":["E${"x".repeat(400)}"],"result":{}}` });
    api.faults.set("/coingecko", { body: `{"bitcoin":${"[".repeat(5000)}${"]".repeat(5000)}}` });
    await page.goto(`${pane.url}/taskpane.html`);
    await page.waitForFunction(() => /^BTC price: /m.test(document.getElementById("banner")!.textContent!), null, { timeout: 20_000 });
    const banner = await page.locator("#banner").innerText();
    expect(banner).toMatch(/127\.0\.0\.1:\d+ sent more than 1024 KB: refused/);
    expect(banner).toMatch(/kraken ticker: Ex{59}…/);
    expect(banner).not.toMatch(/x{60}/);
    expect(banner).toMatch(/coingecko price: the response nests deeper than 16 levels/);
    expect(banner).not.toMatch(/call stack/i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(pageErrors).toEqual([]);
  });
});
