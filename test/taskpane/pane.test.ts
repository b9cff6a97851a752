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
  await page.waitForFunction(() => !document.getElementById("banner")!.hidden, null, { timeout: 15_000 });
  expect(await page.locator("#banner").getAttribute("class")).toBe("banner error");
  expect(await rowValue("BTC_Price")).toBe("—");
  expect(await rowSource("BTC_Price")).toBe("not fetched");
});

test("the page's CSP allows the providers and refuses any other origin", async () => {
  await open();
  const other = await startStaticServer({}, { "/x": "x" });
  try {
    const result = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return "fetched";
      } catch {
        return "refused";
      }
    }, `${other.url}/x`);
    expect(result).toBe("refused");
    expect(other.requests).toEqual([]); // the request never left the page
    for (let k = 0; k < 50 && !cspViolations.some((v) => v.includes(other.url)); k++) await new Promise((r) => setTimeout(r, 100));
    expect(cspViolations.filter((v) => v.includes(other.url))).not.toEqual([]); // and the browser said why
    cspViolations = [];
    const policies = await page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => (m as HTMLMetaElement).content));
    expect(policies).toHaveLength(2);
    expect(policies[0]).toMatch(/script-src 'self' https:\/\/appsforoffice.microsoft.com;/);
    expect(policies[0]).not.toMatch(/unsafe-eval/);
    expect(policies[1]).toBe(`connect-src 'self' https://appsforoffice.microsoft.com ${api.url}`);
  } finally {
    await other.close();
  }
});

test("a user's own mempool instance: refused unless https, saved, and then used (and allowed by the CSP)", async () => {
  await open();
  const own = await startFakeApi();
  try {
    await page.fill("#mempool-url", "ftp://example.org");
    await page.click("#save-mempool");
    expect(await page.locator("#mempool-status").innerText()).toMatch(/Use an https:\/\/ base URL/);
    expect(await page.locator("#mempool-url").getAttribute("aria-invalid")).toBe("true");

    await page.fill("#mempool-url", `${own.url}/mempool`); // http to 127.0.0.1 is allowed in test builds only
    await Promise.all([page.waitForEvent("load"), page.click("#save-mempool")]);
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent !== "—", null, { timeout: 15_000 });
    expect(own.hits.get("/mempool/api/v1/prices")).toBe(1);
    expect(await page.locator("#mempool-status").innerText()).toBe(`Using ${own.url}/mempool for network data.`);
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
  // the workbook outlives a reload of the pane: keep its settings in sessionStorage
  const settings = JSON.parse(sessionStorage.getItem("fakeWorkbookSettings") || "{}");
  const persist = () => sessionStorage.setItem("fakeWorkbookSettings", JSON.stringify(settings));
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
    context: { requirements: { isSetSupported: (set, v) => set === "ExcelApi" && Number(v) <= 1.7 }, document: { settings: {
      get: (k) => (k in settings ? settings[k] : null),
      set: (k, v) => { settings[k] = v; persist(); },
      saveAsync: () => { window.__fakeExcel.saves++; sessionStorage.setItem("fakeWorkbookSaves", String(Number(sessionStorage.getItem("fakeWorkbookSaves") || 0) + 1)); },
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

  test("Insert model writes the market data and the four-sheet model linked to it; a second insert adds a copy", async () => {
    await page.addInitScript(FAKE_OFFICE);
    await open();
    await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent !== "—");
    await page.waitForFunction(() => !(document.getElementById("insert-model") as HTMLButtonElement).disabled);
    await page.click("#insert-model");
    await page.waitForFunction(() => /^Inserted /.test(document.getElementById("model-status")!.textContent!));
    expect(await page.locator("#model-status").innerText()).toBe(
      "Inserted Assumptions, Mining, Lease vs Mine, Reconciliation. Network inputs link to MINER_Market (BTC_Price, BTC_Difficulty, BTC_FeesPerBlock, BTC_Height).",
    );
    type Fake = { cells: Record<string, unknown>; names: Record<string, string>; sheets: () => string[]; charts: { sheet: string; source: string }[] };
    const fake = () => page.evaluate(() => { const f = (window as unknown as { __fakeExcel: Fake }).__fakeExcel; return { cells: f.cells, names: f.names, sheets: f.sheets(), charts: f.charts }; });
    let xl = await fake();
    expect(xl.sheets).toEqual(["MINER_Market", "Assumptions", "Mining", "Lease vs Mine", "Reconciliation"]);
    expect(xl.cells["Assumptions!B6"]).toEqual([["=BTC_Price"]]);
    expect(xl.cells["Mining!I5:K15"]).toEqual(expect.arrayContaining([["All-in cost per BTC", '=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)', "USD per BTC"]]));
    expect(xl.names.Cost_Inputs).toBe("=Mining!$A$5:$B$17");
    expect(xl.charts.map((c) => c.source)).toEqual(["Mining!N5:N8", "Lease vs Mine!H16:I47"]);

    await page.click("#insert-model");
    await page.waitForFunction(() => /copy 2/.test(document.getElementById("model-status")!.textContent!));
    xl = await fake();
    expect(xl.sheets.slice(-4)).toEqual(["Assumptions (2)", "Mining (2)", "Lease vs Mine (2)", "Reconciliation (2)"]);
    expect(xl.names.Cost_Inputs_2).toBe("='Mining (2)'!$A$5:$B$17");
  });

  test("a workbook's own mempool instance is used on open, and a new one is saved into the workbook", async () => {
    const own = await startFakeApi();
    try {
      // This workbook names an instance: the pane adopts it (reloading once so its CSP allows it).
      await page.addInitScript(`if (!sessionStorage.getItem("fakeWorkbookSettings")) sessionStorage.setItem("fakeWorkbookSettings", JSON.stringify({ mempoolBaseUrl: ${JSON.stringify(`${own.url}/mempool`)} }));`);
      await page.addInitScript(FAKE_OFFICE);
      await page.goto(`${pane.url}/taskpane.html`);
      // The pane reloads itself once: poll across the navigation instead of waiting inside one page.
      const status = () => page.evaluate(() => document.getElementById("mempool-status")?.textContent ?? "").catch(() => "");
      for (let k = 0; k < 150 && !/^Using http:\/\/127\.0\.0\.1:\d+\/mempool for network data\.$/.test(await status()); k++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await status()).toBe(`Using ${own.url}/mempool for network data.`);
      await page.waitForFunction(() => document.querySelector('tr[data-name="BTC_Price"] td.value')?.textContent !== "—");
      expect(own.hits.get("/mempool/api/v1/prices")).toBeGreaterThanOrEqual(1);
      expect(await page.locator("#mempool-url").inputValue()).toBe(`${own.url}/mempool`);

      // Saving another instance writes it into the workbook's settings and saves them.
      await page.fill("#mempool-url", `${api.url}/mempool`);
      await Promise.all([page.waitForEvent("load"), page.click("#save-mempool")]);
      const workbook = await page.evaluate(() => ({
        settings: JSON.parse(sessionStorage.getItem("fakeWorkbookSettings") ?? "{}"),
        saves: Number(sessionStorage.getItem("fakeWorkbookSaves") ?? 0),
      }));
      expect(workbook.settings.mempoolBaseUrl).toBe(`${api.url}/mempool`);
      expect(workbook.saves).toBeGreaterThanOrEqual(1);
    } finally {
      await own.close();
    }
  });
});
