/*
 * The pane in Excel (a stand-in Office and Excel in the page, test/support/pane.ts): Insert into
 * workbook and its refresh, Insert model, a workbook's own mempool instance, the price guard as
 * the workbook sees it, and the shared runtime with storage blocked.
 */
import * as fs from "fs";
import * as path from "path";
import { insertModelDescription } from "../../src/taskpane/model-text";
import { startFakeApi } from "../support/fake-api";
import {
  BLOCK_STORAGE,
  cellValues,
  countLoads,
  FAKE_OFFICE,
  FUNCTIONS_RUNTIME,
  inExcel,
  openPane,
  paneSuite,
  refreshDone,
  showTab,
  valueOf,
} from "../support/pane";

const s = paneSuite();
const open = () => openPane(s.page, s.url);

type Fake = {
  cells: Record<string, unknown>;
  names: Record<string, string>;
  sheets: () => string[];
  charts: { sheet: string; source: string }[];
  settings: Record<string, string>;
  saves: number;
};
/** The stand-in workbook's state; with `only`, just those cells (a model is ~48,000 of them to copy out of the page). */
const fake = (only?: string[]) =>
  s.page.evaluate((keys) => {
    const f = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
    const cells = keys ? Object.fromEntries(keys.map((k) => [k, f.cells[k]])) : f.cells;
    return { cells, names: f.names, sheets: f.sheets(), charts: f.charts, settings: f.settings, saves: f.saves };
  }, only ?? null);
/**
 * Lets the page finish what it started: a round trip to the fake server through the page's own
 * fetch (a refresh's requests reach the fake API at once, before this one answers).
 */
const settle = (page: typeof s.page, apiUrl: string) => page.evaluate((u) => fetch(u).then((r) => r.text()), `${apiUrl}/nothing`);
const enabled = (id: string) =>
  s.page.waitForFunction((i) => !(document.getElementById(i) as HTMLButtonElement).disabled, id);

describe("in Excel (a stand-in Office in the page)", () => {
  test("Insert into workbook writes MINER_Market and its names; Refresh updates it; a failed refresh writes nothing", async () => {
    const { page, api } = s;
    await inExcel(page);
    await open();
    await enabled("insert");
    expect(await page.locator("#host-status").innerText()).toBe("Connected to Excel.");
    await page.click("#insert");
    await page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("workbook-status")!.textContent!));
    let xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(91250);
    expect(xl.names.BTC_Price).toBe("=MINER_Market!$B$2");
    expect(xl.names.BTC_Hashprice).toBe("=MINER_Market!$B$7");

    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 93000, "EUR": 80000}' }); // within 3% of the confirmed price
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"] .num')?.textContent === "93,000.00 USD");
    await refreshDone(page);
    xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(93000);

    api.faults.clear();
    api.faults.set("/", { status: 503 });
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"]')?.classList.contains("stale"), null, { timeout: 20_000 });
    await refreshDone(page);
    xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(93000); // the last good value stays
    expect(String(xl.cells["MINER_Market!D2"])).toMatch(/STALE: refresh failed/);
  });

  test("Insert model writes the market data and the model linked to it; a second insert adds a copy", async () => {
    const { page } = s;
    await inExcel(page);
    await open();
    await showTab(page, "model");
    // The tab says what the button writes, from the template's own list of sheets.
    expect(await page.locator("#model-description").innerText()).toBe(insertModelDescription());
    await enabled("insert-model");
    await page.click("#insert-model");
    await page.waitForFunction(() => /^Inserted /.test(document.getElementById("model-status")!.textContent!));
    // The model's own sheets are the model suites' to pin (test/template/*.test.ts, test/taskpane/insert-model.test.ts); here, the pane's part.
    expect(await page.locator("#model-status").innerText()).toMatch(
      /^Inserted Assumptions, Mining, .*\. Network inputs link to MINER_Market \(BTC_Price, BTC_Difficulty, BTC_FeesPerBlock, BTC_Height\)\.$/,
    );
    let xl = await fake(["Assumptions!B6"]);
    expect(xl.sheets[0]).toBe("MINER_Market"); // market data first, so the inputs link to it
    expect(xl.sheets).toEqual(["MINER_Market", "Assumptions", "Mining", "Lease vs Mine", "After tax & financing", "Treasury", "Reconciliation", "Risk"]);
    expect(xl.cells["Assumptions!B6"]).toEqual([["=BTC_Price"]]);
    expect(xl.names.Cost_Inputs).toBe("=Mining!$A$5:$B$17");
    // a parameter table's unit and description: the registry's words, which the pane's page gets from words.js
    const table = (await fake(["Mining!A5:D17"])).cells["Mining!A5:D17"] as unknown[][];
    expect(table[0]).toEqual(["power_price_kwh", "=Power_Price_kWh", "USD per kWh", "Power price"]);
    expect(xl.charts.map((c) => c.source)).toEqual(expect.arrayContaining(["Mining!N5:N8"]));

    await page.click("#insert-model");
    await page.waitForFunction(() => /copy 2/.test(document.getElementById("model-status")!.textContent!));
    xl = await fake([]);
    expect(xl.sheets.slice(-7)).toEqual(["Assumptions (2)", "Mining (2)", "Lease vs Mine (2)", "After tax & financing (2)", "Treasury (2)", "Reconciliation (2)", "Risk (2)"]);
    expect(xl.names.Cost_Inputs_2).toBe("='Mining (2)'!$A$5:$B$17");
  });

  test("a workbook's own instance is not adopted silently: the pane asks once for that workbook (known by an id saved in it, not by its URL), then uses it; a new one typed here is saved into the workbook", async () => {
    const { page, api, context } = s;
    const own = await startFakeApi();
    const host = own.url.replace("http://", "");
    const unsaved = `window.__workbookUrl = "";`; // every unsaved workbook has the same (empty) URL
    const seed = (settings: object) => `window.__workbookSettings = ${JSON.stringify(settings)};`;
    const asking = { mempoolBaseUrl: `${own.url}/mempool` };
    const fromHost = (h: string) => document.querySelector('[data-name="BTC_Price"] .src')?.textContent?.startsWith(h);
    try {
      await page.addInitScript(unsaved);
      await page.addInitScript(seed(asking));
      await inExcel(page);
      const loads = countLoads(page);
      await page.goto(`${s.url}/taskpane.html`);
      await page.waitForFunction(() => !document.getElementById("source-request")!.hidden);
      expect(await page.locator("#source-request-text").innerText()).toBe(
        `This workbook asks for network data from ${host} instead of mempool.space. Use it only if you trust that host: its values will be shown and written into this workbook.`,
      );
      await settle(page, api.url);
      // Until the user answers, nothing is asked of anyone: not the workbook's host, not mempool.space it opted out of.
      expect(own.totalHits()).toBe(0);
      expect(api.totalHits()).toBe(1); // settle's own round trip
      expect(await valueOf(page, "BTC_Price")).toBe("—");

      await page.click("#source-accept");
      await page.waitForFunction(fromHost, host);
      expect(await page.locator("#source-request").isHidden()).toBe(true);
      await showTab(page, "settings");
      expect(await page.locator("#mempool-status").innerText()).toBe(`Using ${own.url}/mempool for network data.`);
      expect(await page.locator("#mempool-url").inputValue()).toBe(`${own.url}/mempool`);
      // The acceptance belongs to this workbook's own id, which the pane saved into it.
      const accepted = await fake();
      expect(accepted.settings.minerWorkbookId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(accepted.saves).toBe(1);

      // That workbook opened again (its saved settings, id included): asks nothing.
      const again = await context.newPage();
      await again.addInitScript(unsaved);
      await again.addInitScript(seed(accepted.settings));
      await again.addInitScript(FAKE_OFFICE);
      await again.goto(`${s.url}/taskpane.html`);
      await again.waitForFunction(fromHost, host, { timeout: 20_000 });
      expect(await again.locator("#source-request").isHidden()).toBe(true);
      await again.close();

      // Another unsaved workbook asking for the same host: asked again (it shared the entry before).
      const other = await context.newPage();
      await other.addInitScript(unsaved);
      await other.addInitScript(seed(asking));
      await other.addInitScript(FAKE_OFFICE);
      await other.goto(`${s.url}/taskpane.html`);
      await other.waitForFunction(() => !document.getElementById("source-request")!.hidden, null, { timeout: 20_000 });
      await other.close();

      // Saving another instance writes it into the workbook's settings and saves them, without a reload.
      await page.fill("#mempool-url", `${api.url}/mempool`);
      await page.click("#save-mempool");
      await page.waitForFunction((u) => document.getElementById("mempool-status")?.textContent === `Using ${u}/mempool for network data.`, api.url);
      const workbook = await fake();
      expect(workbook.settings.mempoolBaseUrl).toBe(`${api.url}/mempool`);
      expect(workbook.settings.minerWorkbookId).toBe(accepted.settings.minerWorkbookId);
      expect(workbook.saves).toBe(2);
      expect(loads()).toBe(1);
    } finally {
      await own.close();
    }
  });

  test("a workbook naming an intranet host is refused and said; a look-alike host is shown in punycode and not used unless accepted", async () => {
    const { page, context } = s;
    await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: "https://intranet.corp" };`);
    await inExcel(page);
    await open();
    await page.waitForFunction(() => /intranet/.test(document.getElementById("mempool-status")!.textContent!));
    expect(await page.locator("#mempool-status").textContent()).toBe(
      'Using mempool.space for network data. This workbook names "https://intranet.corp" as its mempool instance; it is not used: "corp" names a local or intranet host, not a public instance.',
    );
    expect(await page.locator("#source-request").isHidden()).toBe(true);

    const lookAlike = await context.newPage();
    await lookAlike.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: "https://m\u0435mpool.space" };`); // Cyrillic е
    await lookAlike.addInitScript(FAKE_OFFICE);
    await lookAlike.goto(`${s.url}/taskpane.html`);
    await lookAlike.waitForFunction(() => !document.getElementById("source-request")!.hidden);
    const text = await lookAlike.locator("#source-request-text").innerText();
    expect(text).toMatch(/^This workbook asks for network data from xn--[a-z0-9-]+\.space instead of mempool\.space\. Its name has non-Latin letters, shown here in their xn-- form: it is not mempool\.space\./);
    await lookAlike.click("#source-decline");
    await lookAlike.waitForFunction(() => /is not used\.$/.test(document.getElementById("mempool-status")!.textContent!));
    expect(await lookAlike.locator("#mempool-status").textContent()).toMatch(/^Using mempool\.space for network data\. This workbook's host xn--[a-z0-9-]+\.space is not used\.$/);
    await lookAlike.close();
  });

  test("a price jump nobody confirms is refused with a banner and not written; the workbook keeps the last good price", async () => {
    const { page, api } = s;
    await inExcel(page);
    await open();
    await enabled("insert");
    await page.click("#insert");
    await page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("workbook-status")!.textContent!));
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 912500}' });
    for (const p of ["/coinbase", "/kraken", "/coingecko", "/blockchain/ticker"]) api.faults.set(p, { status: 404 });
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"]')?.classList.contains("stale"), null, { timeout: 20_000 });
    await refreshDone(page);
    await page.waitForFunction(() => /STALE/.test(String((window as unknown as { __fakeExcel: Fake }).__fakeExcel.cells["MINER_Market!D2"])));
    expect(await valueOf(page, "BTC_Price")).toBe("91,250.00 USD");
    expect(await page.locator("#banner").innerText()).toMatch(/BTC price 912,500 is \+900\.0% from the last confirmed 91,250 \(more than ±3% needs a second provider\).*no second provider confirmed it/);
    const xl = await fake();
    expect(xl.cells["MINER_Market!B2"]).toBe(91250);
    expect(String(xl.cells["MINER_Market!D2"])).toMatch(/STALE: refresh failed/);
  });
});

describe("live cells that stay live", () => {
  /** Starts a live cell on the page (the stand-in functions runtime) showing the BTC price. */
  const startPriceCell = () =>
    s.page.evaluate(() => (window as unknown as { __startCell: (n: string, id: string, a: unknown[]) => void }).__startCell("price", "BTCPRICE", [null]));
  const prices = () => s.api.hits.get("/mempool/api/v1/prices") ?? 0;
  /** Shows the Market view's Insert and waits for MINER_Market to be written. */
  async function insertMarketSheet(): Promise<void> {
    await enabled("insert");
    await s.page.click("#insert");
    await s.page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("workbook-status")!.textContent!));
  }

  test("Home → MINER → Refresh (the manifest's ExecuteFunction) fetches again, updates live cells and MINER_Market, and tells Office it is done", async () => {
    const { page, api } = s;
    await page.addInitScript(FUNCTIONS_RUNTIME);
    await inExcel(page);
    await open();
    await refreshDone(page);
    await insertMarketSheet();
    await startPriceCell();
    await page.waitForFunction(() => (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.includes(91250));
    // The page associates exactly the function the manifest's button names.
    const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    const functionName = /<FunctionName>(\w+)<\/FunctionName>/.exec(manifest)![1];
    expect(await page.evaluate(() => Object.keys((window as unknown as { __ribbon: object }).__ribbon))).toEqual([functionName]);

    const before = prices();
    // A move within the agreement rules (under 3% from the confirmed price), so no second source is needed.
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 92000, "EUR": 79000}' });
    // As Office runs it: the function with an event whose completed() must be called.
    await page.evaluate((name) => {
      const w = window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void>; __completed: number };
      w.__completed = 0;
      w.__ribbon[name]({ completed: () => w.__completed++ });
    }, functionName);
    await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 1, null, { timeout: 20_000 });
    expect(prices()).toBe(before + 1); // one request, not served from the 15 s cache
    expect((await cellValues(page, "price")).at(-1)).toBe(92000);
    expect((await fake(["MINER_Market!B2"])).cells["MINER_Market!B2"]).toBe(92000);
    expect(await valueOf(page, "BTC_Price")).toBe("92,000.00 USD");
  });

  test("by default, live cells and MINER_Market refresh every 5 minutes while the workbook is open; Off stops it", async () => {
    const { page, api } = s;
    await page.clock.install();
    await page.addInitScript(FUNCTIONS_RUNTIME);
    await inExcel(page);
    await open();
    await refreshDone(page);
    await insertMarketSheet();
    await startPriceCell();
    await showTab(page, "settings");
    expect(await page.locator("#auto-refresh").inputValue()).toBe("5");
    // A move within the agreement rules (under 3% from the confirmed price), so no second source is needed.
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 92000, "EUR": 79000}' });
    const before = prices();
    await page.clock.runFor(4 * 60_000);
    await settle(page, api.url);
    expect(prices()).toBe(before); // not yet
    await page.clock.runFor(60_000);
    await page.waitForFunction(() => (window as unknown as { __cells: Record<string, unknown[]> }).__cells.price.at(-1) === 92000, null, { timeout: 20_000 });
    await refreshDone(page);
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: Fake }).__fakeExcel.cells["MINER_Market!B2"] === 92000);
    expect(prices()).toBe(before + 1);

    await page.selectOption("#auto-refresh", "0");
    await page.clock.runFor(30 * 60_000);
    await settle(page, api.url);
    expect(prices()).toBe(before + 1);
  });
});

describe("when the add-in fetches, and how often", () => {
  const prices = () => s.api.hits.get("/mempool/api/v1/prices") ?? 0;
  type Run = { maxRuns: number; cells: Record<string, unknown> };
  const runs = () => s.page.evaluate(() => (window as unknown as { __fakeExcel: Run }).__fakeExcel.maxRuns);

  test("with auto-refresh off and no live cell, opening the pane asks nothing of any provider; Refresh does", async () => {
    const { page, api } = s;
    await page.addInitScript(`localStorage.setItem("miner.autoRefreshMinutes", "0");`);
    await inExcel(page);
    await page.goto(`${s.url}/taskpane.html`);
    await page.waitForFunction(() => /^Nothing fetched yet: auto-refresh is off\./.test(document.getElementById("refreshed-at")!.textContent!));
    await settle(page, api.url);
    expect(api.totalHits()).toBe(1); // settle's own round trip, nothing else
    await page.click("#refresh");
    await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"] .num')?.textContent === "91,250.00 USD", null, { timeout: 20_000 });
    expect(prices()).toBe(1);
  });

  test("the pane's Refresh and the ribbon's pressed again and again at once: one refresh, MINER_Market written one run at a time; a ribbon press within 30 s of its last is not run, and says so", async () => {
    const { page, api } = s;
    await inExcel(page);
    await open();
    await refreshDone(page);
    await enabled("insert");
    await page.click("#insert");
    await page.waitForFunction(() => /values written to MINER_Market/.test(document.getElementById("workbook-status")!.textContent!));
    const before = prices();
    let answer = () => {};
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 92000, "EUR": 79000}', until: new Promise<void>((r) => (answer = r)) });
    const press = () =>
      page.evaluate(() => {
        const w = window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void>; __completed?: number };
        w.__ribbon.refreshMarketData({ completed: () => (w.__completed = (w.__completed ?? 0) + 1) });
      });
    await page.click("#refresh");
    await press(); // joins the pane's refresh under way
    await press();
    answer();
    await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 2, null, { timeout: 20_000 });
    await refreshDone(page);
    expect(prices()).toBe(before + 1);
    await press(); // the ribbon's own refresh
    await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 3, null, { timeout: 20_000 });
    expect(prices()).toBe(before + 2);
    for (let k = 0; k < 5; k++) await press(); // within 30 s: not run
    await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 8);
    expect(prices()).toBe(before + 2);
    expect(await page.locator("#refresh-status").innerText()).toMatch(
      /^Refresh from the ribbon at \d\d:\d\d:\d\d UTC not run: it fetches at most once every 30 s, and the last was \d+ s ago\. The values are from the refresh of 20\d\d-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    expect(await runs()).toBe(1); // never two writes of MINER_Market at once
    expect((await fake(["MINER_Market!B2"])).cells["MINER_Market!B2"]).toBe(92000);
  });
});

describe("the shared runtime page", () => {
  test("blocked storage (SecurityError): the pane and the functions load once, settings work for the session, and the pane says it cannot remember them", async () => {
    const { page, api } = s;
    const own = await startFakeApi();
    try {
      await page.addInitScript(BLOCK_STORAGE);
      await page.addInitScript(FUNCTIONS_RUNTIME);
      await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: ${JSON.stringify(`${own.url}/mempool`)} };`);
      await inExcel(page);
      const loads = countLoads(page);
      await page.goto(`${s.url}/taskpane.html`);
      expect(await page.evaluate(() => { try { return String(localStorage.length); } catch (e) { return (e as Error).name; } })).toBe("SecurityError");
      await page.waitForFunction(() => !document.getElementById("source-request")!.hidden);
      expect(await page.locator("#storage-note").textContent()).toMatch(/^This browser does not let the add-in store settings \(third-party storage is blocked\): your settings apply until the pane closes and will not be remembered\.$/);
      expect(Object.keys(await page.evaluate(() => (window as unknown as { __functions: object }).__functions))).toEqual(expect.arrayContaining(["HEIGHT", "NETWORK", "COSTPERBTC"]));

      await page.click("#source-accept"); // accepted in memory, for this session
      await page.waitForFunction(() => /^Using http:\/\/127\.0\.0\.1:\d+\/mempool for network data\.$/.test(document.getElementById("mempool-status")!.textContent!));
      await page.waitForFunction(() => /^127\.0\.0\.1:\d+(, confirmed by .*)?$/.test(document.querySelector('[data-name="BTC_Price"] .src')!.textContent!));
      await showTab(page, "settings");
      await page.selectOption("#auto-refresh", "15");
      await page.fill("#mempool-url", `${api.url}/mempool`);
      await page.click("#save-mempool");
      await page.waitForFunction((u) => document.getElementById("mempool-status")?.textContent === `Using ${u}/mempool for network data.`, api.url);
      await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"] .src')!.textContent!.startsWith("mempool.space"));
      expect(await page.locator("#auto-refresh").inputValue()).toBe("15");
      expect(loads()).toBe(1);
      expect(s.pageErrors).toEqual([]);
      // the requests stayed bounded: one load, one accepted instance, one saved one (no reload loop)
      expect(api.hits.get("/mempool/api/v1/prices")! + own.hits.get("/mempool/api/v1/prices")!).toBeLessThanOrEqual(3);
    } finally {
      await own.close();
    }
  });
});
