/**
 * The task pane in headless Chromium, for the pane suites (test/taskpane/pane-*.test.ts): one
 * production build with test hooks (shared by every suite of the run), one fake API and one
 * browser per file, and one page per suite that every test starts from clean (see `paneSuite`).
 * Outside Office by default (a plain browser: the office.js CDN is unreachable, as every non-local
 * request is refused); stand-ins for Office, Excel and the custom-functions runtime can be
 * installed before the page loads.
 *
 * Test builds let the page shorten the retry backoff and lengthen the hedge delay
 * (window.MINER_TEST_POLICY, see src/market/runtime.ts): retried failures take milliseconds instead
 * of seconds of real time, with the same retries, limits and messages. Tests wait for conditions,
 * never for fixed times. The shipped build, with none of these hooks, is driven by
 * test/support/shipped-pane.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Disposable, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { buildProduction } from "./build";
import { FakeApi, startFakeApi } from "./fake-api";
import { repoRoot } from "./paths";
import { startStaticServer, StaticServer } from "./static-server";

export const RESULTS = path.resolve(repoRoot(), "test-results");
/** Excel's pane at 1366 × 768 is about 350 × 380 px; the layout test holds the key figures within 350 × 450. */
export const PANE_VIEWPORT = { width: 350, height: 450 };
/** Backoff between retries in the pane suites, ms (production: 500, doubling). */
export const TEST_BACKOFF_MS = 20;
/**
 * The hedge delay in the pane suites on a real clock, ms (production: 2,000): a loaded test machine
 * must not hedge a healthy answer and change which provider a test sees. The shipped pane's suite
 * (test/support/shipped-pane.ts) has production's, on a fake clock.
 */
export const TEST_HEDGE_MS = 6_000;

export interface PaneSuite {
  api: FakeApi;
  /** The static server's URL; the pane is at `${url}/taskpane.html`. */
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Console messages about the Content-Security-Policy; the suite fails a test that leaves any. */
  cspViolations: string[];
}

/** Clock methods: a context whose clock a test touched keeps it (Playwright cannot take it back). */
const CLOCK_METHODS = ["install", "fastForward", "pauseAt", "resume", "runFor", "setFixedTime", "setSystemTime"] as const;

/**
 * Registers the suite's hooks and returns the state they keep up to date. `viewport` is each
 * test's (default PANE_VIEWPORT); `files` are served beside the pane (name -> file); `fixedTime`
 * fixes the pages' clock (Date) for the whole suite.
 *
 * Every test starts on a blank page with nothing of an earlier test in it: no init script, no
 * stored setting, the suite's viewport, no request pending at the fake API (reset). To get there
 * cheaply, the page is kept between tests (a new page costs a new renderer process, ~1 s of the
 * ~2 s a short test takes): after each test it leaves the pane, its init scripts are removed and
 * the pane's origin's storage is cleared. What that cannot undo (a clock a test installed, media
 * it emulated, pages it opened or closed) makes the next test start in a new browser context.
 */
export function paneSuite(
  options: {
    viewport?: { width: number; height: number };
    files?: Record<string, string>;
    fixedTime?: Date;
  } = {},
): PaneSuite {
  const s = { pageErrors: [] as string[], cspViolations: [] as string[] } as PaneSuite;
  const viewport = options.viewport ?? PANE_VIEWPORT;
  let dist = "";
  let pane: StaticServer | undefined;
  let fresh = false; // the context and page can start the next test
  let initScripts: Disposable[] = [];

  /** A new context and page, instrumented: what the test adds is recorded, what a reset cannot undo marks them spent. */
  async function newContext(): Promise<void> {
    await s.context?.close();
    s.context = await s.browser.newContext({ viewport });
    // No test reaches the internet: refuse everything that is not on this machine.
    await s.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    if (options.fixedTime) await s.context.clock.setFixedTime(options.fixedTime);
    s.page = await s.context.newPage();
    s.page.on("pageerror", (e) => s.pageErrors.push(String(e)));
    s.page.on("console", (m) => {
      if (/Content Security Policy/.test(m.text())) s.cspViolations.push(m.text());
    });
    const page = s.page;
    page.on("close", () => {
      if (s.page === page) fresh = false;
    });
    const spends = <T extends object>(target: T, methods: readonly string[]) => {
      for (const m of methods) {
        const original = (target as Record<string, (...a: unknown[]) => unknown>)[m].bind(target);
        (target as Record<string, unknown>)[m] = (...args: unknown[]) => {
          fresh = false;
          return original(...args);
        };
      }
    };
    spends(s.context.clock, CLOCK_METHODS);
    if (s.page.clock !== s.context.clock) spends(s.page.clock, CLOCK_METHODS);
    spends(s.context, ["newPage", "addInitScript", "route", "setOffline", "grantPermissions", "setExtraHTTPHeaders"]);
    spends(s.page, ["emulateMedia", "route", "setExtraHTTPHeaders", "exposeFunction", "exposeBinding"]);
    const addInitScript = s.page.addInitScript.bind(s.page);
    s.page.addInitScript = (async (...args: Parameters<Page["addInitScript"]>) => {
      const script = await addInitScript(...args);
      initScripts.push(script);
      return script;
    }) as Page["addInitScript"];
    initScripts = [];
    fresh = true;
  }

  beforeAll(async () => {
    [dist, s.api, s.browser] = await Promise.all([
      buildProduction({}, { testHooks: true }),
      startFakeApi(),
      launchChromium(),
    ]);
    const policy = { backoffMs: TEST_BACKOFF_MS, hedgeMs: TEST_HEDGE_MS };
    const config = `window.MINER_TEST_BASES = ${JSON.stringify(s.api.bases)}; window.MINER_TEST_POLICY = ${JSON.stringify(policy)};`;
    fs.writeFileSync(path.join(dist, "test-config.js"), config);
    // Files a suite serves beside the pane (same origin, so the pane's CSP allows them), e.g. axe-core.
    for (const [name, file] of Object.entries(options.files ?? {})) fs.copyFileSync(file, path.join(dist, name));
    pane = await startStaticServer({ "/": dist }, {});
    s.url = pane.url;
  }, 240_000);

  afterAll(async () => {
    await s.browser?.close();
    await pane?.close();
    await s.api?.close();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(async () => {
    if (!fresh) await newContext();
    await s.page.setViewportSize(viewport);
    s.api.reset();
    s.pageErrors = [];
    s.cspViolations = [];
  });

  afterEach(async () => {
    if (fresh) {
      try {
        // Leave the pane first, so its timers and requests stop before the next test resets the fake API.
        await s.page.goto("about:blank", { timeout: 10_000 });
        for (const script of initScripts.splice(0)) await script.dispose();
        const cdp = await s.context.newCDPSession(s.page);
        await cdp.send("Storage.clearDataForOrigin", { origin: s.url, storageTypes: "all" });
        await cdp.detach();
      } catch {
        fresh = false; // a page that cannot be cleaned (crashed, hung) is not reused
      }
    }
    if (!fresh) await s.context.close(); // nothing of it outlives the test, pages it opened included
    // The pane never trips its own policy: only the test that fetches a foreign origin does, and it clears what it expects.
    expect(s.cspViolations).toEqual([]);
  });
  return s;
}

/** The shown value of a figure (tile or table row) by its workbook name, e.g. "91,250.00 USD". */
export const valueOf = (page: Page, name: string) => page.locator(`[data-name="${name}"] .num`).innerText();
/** The shown source and age of a figure, e.g. "mempool.space · just now". */
export const sourceOf = (page: Page, name: string) => page.locator(`[data-name="${name}"] .source`).innerText();
/** The full address behind a figure's source name (its title). */
export const sourceDetailOf = (page: Page, name: string) =>
  page.locator(`[data-name="${name}"] .src`).getAttribute("title");
export const isStale = (page: Page, name: string) =>
  page.locator(`[data-name="${name}"]`).evaluate((e) => e.classList.contains("stale"));

/** Opens the pane and waits for the BTC price. */
export async function openPane(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/taskpane.html`);
  await page.waitForFunction(() => document.querySelector('[data-name="BTC_Price"] .num')?.textContent !== "—", null, {
    timeout: 20_000,
  });
}

/**
 * Waits until `condition` holds (checked in this process every 25 ms: the fake API's counters,
 * the page's CSP reports), failing with `what` after `limitMs`: a wait on a condition, never a
 * fixed sleep, so a loaded machine is slower but not flaky.
 */
export async function until(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  for (const end = Date.now() + limitMs; !condition(); ) {
    if (Date.now() > end) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until no refresh is running (the Refresh button is enabled again). */
export const refreshDone = (page: Page) =>
  page.waitForFunction(() => !(document.getElementById("refresh") as HTMLButtonElement).disabled, null, { timeout: 20_000 });

/** Shows one of the views: "market", "model", "history", "settings". */
export async function showTab(page: Page, view: string): Promise<void> {
  await page.click(`#tab-${view}`);
  await page.waitForFunction((v) => !document.getElementById(`panel-${v}`)!.hidden, view);
}

/** How many times the page has loaded a document (1 after open; more would mean a reload). */
export function countLoads(p: Page): () => number {
  let n = 0;
  p.on("load", () => n++);
  return () => n;
}

/** Makes localStorage and sessionStorage throw, as a browser blocking third-party storage does. */
export const BLOCK_STORAGE = `(() => {
  for (const name of ["localStorage", "sessionStorage"])
    Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
})();`;

/**
 * A stand-in for Excel's custom-functions runtime that records what functions.js registers, so
 * the test can start live cells on the pane page (which is the shared runtime) and watch them.
 */
export const FUNCTIONS_RUNTIME = `(() => {
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

export const cellValues = (p: Page, name: string) =>
  p.evaluate((n) => (window as unknown as { __cells: Record<string, unknown[]> }).__cells[n] ?? [], name);

/** A stand-in for Office's theme, as Excel reports it (Office.context.officeTheme). */
export interface ThemeStandIn {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

/** Stand-ins for Excel's "Colorful"/"White" and "Black" themes (Office's own values are not published; these are plausible). */
export const LIGHT_THEME: ThemeStandIn = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#262626",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#262626",
  isDarkTheme: false,
};
export const DARK_THEME: ThemeStandIn = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#3B3B3B",
  controlForegroundColor: "#FFFFFF",
  isDarkTheme: true,
};

/**
 * A stand-in for Office and Excel inside the page (installed before any script runs), recording
 * what the pane writes: enough to drive "Insert into workbook", the refresh of the sheet, Insert
 * model, the History sheet with its chart, the workbook-level mempool setting and the ribbon's
 * commands (window.__ribbon: what Office.actions.associate received), as in Excel.
 * Seeds: window.__workbookSettings (document settings), window.__workbookUrl (the document's URL,
 * "" for an unsaved workbook), window.__officeTheme (the theme).
 */
export const FAKE_OFFICE = `
(() => {
  const cells = {}; const names = {}; const sheets = new Set(); const charts = []; const cleared = []; const writes = [];
  // the workbook's document settings, as an earlier init script seeded them (window.__workbookSettings)
  const settings = Object.assign({}, window.__workbookSettings || {});
  window.__fakeExcel = { cells, names, sheets: () => [...sheets], charts, cleared, settings, saves: 0, writes };
  const lastRow = {};
  function range(sheet, address) {
    const key = sheet + "!" + address;
    return {
      load() {},
      get values() { const v = cells[key]; return v === undefined ? [[""]] : Array.isArray(v) ? v : [[v]]; },
      set values(v) {
        cells[key] = v.length === 1 && v[0].length === 1 ? v[0][0] : v;
        if (sheet === "MINER_Market" && v.length === 1 && v[0].length === 1) writes.push([address, v[0][0]]); // every value ever written there
        const m = /(\\d+)$/.exec(address); if (m) lastRow[sheet] = Math.max(lastRow[sheet] || 0, Number(m[1]));
      },
      set formulas(v) { cells[key] = v; }, set numberFormat(v) {},
      format: { font: {}, fill: {}, autofitColumns() {} }, __key: key,
      clear() { cleared.push(key); },
      getUsedRangeOrNullObject() { const n = lastRow[sheet] || 0; return { load() {}, isNullObject: n === 0, rowIndex: 0, rowCount: n }; },
    };
  }
  function chart(name, type, source) {
    const record = { sheet: name, type, source: source.__key, name: "", series: [{ name: "", values: source.__key }], axisGroups: [] };
    charts.push(record);
    const series = (s) => ({
      set name(n) { s.name = n; }, setValues(r) { s.values = r.__key; }, setXAxisValues(r) { s.x = r.__key; },
      set axisGroup(g) { s.axisGroup = g; },
    });
    return {
      set name(n) { record.name = n; }, title: {}, axes: { categoryAxis: { setCategoryNames() {} } }, setPosition() {},
      series: { getItemAt: (i) => series(record.series[i]), add: (n) => { const s = { name: n }; record.series.push(s); return series(s); } },
    };
  }
  function worksheet(name) {
    return {
      isNullObject: !sheets.has(name), load() {}, getRange: (a) => range(name, a), activate() {},
      charts: {
        add: (type, source) => chart(name, type, source),
        getItemOrNullObject: (n) => {
          const i = charts.findIndex((c) => c.sheet === name && c.name === n);
          return { load() {}, isNullObject: i < 0, delete() { charts.splice(i, 1); } };
        },
      },
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
    // A round trip: another task may run meanwhile, as in Excel (a message, not a timer: tests may fake the clock).
    sync: () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => { c.port1.close(); r(); }; c.port2.postMessage(0); }),
  };
  // Excel.run, counting the runs under way at once (runs, the most at once: maxRuns): Excel runs each
  // batch on its own, and the pane must not start a second write while one is syncing.
  window.__fakeExcel.runs = 0; window.__fakeExcel.maxRuns = 0;
  window.Excel = { run: async (cb) => {
    const f = window.__fakeExcel; f.runs++; f.maxRuns = Math.max(f.maxRuns, f.runs);
    try { return await cb(context); } finally { f.runs--; }
  } };
  // the ribbon's commands the page associates (Office.actions.associate), by FunctionName
  window.__ribbon = {};
  window.Office = {
    HostType: { Excel: "Excel" },
    actions: { associate: (id, fn) => { window.__ribbon[id] = fn; } },
    onReady: (cb) => { setTimeout(() => cb({ host: "Excel" }), 0); return Promise.resolve({ host: "Excel" }); },
    context: {
      officeTheme: window.__officeTheme,
      requirements: { isSetSupported: (set, v) => set === "ExcelApi" && Number(v) <= 1.8 },
      document: { url: "__workbookUrl" in window ? window.__workbookUrl : "https://contoso.sharepoint.com/sites/mining/Model.xlsx", settings: {
        get: (k) => (k in settings ? settings[k] : null),
        set: (k, v) => { settings[k] = v; },
        saveAsync: (cb) => { window.__fakeExcel.saves++; if (cb) cb({ status: "succeeded" }); },
      } },
    },
  };
})();
`;

/** Installs the Office stand-in, with a theme if given. */
export async function inExcel(page: Page, theme?: ThemeStandIn): Promise<void> {
  if (theme) await page.addInitScript(`window.__officeTheme = ${JSON.stringify(theme)};`);
  await page.addInitScript(FAKE_OFFICE);
}
