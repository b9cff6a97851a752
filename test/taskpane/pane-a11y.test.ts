/*
 * The pane as Excel shows it, in headless Chromium at Excel's pane size (350 × 450): the key
 * figures and Refresh without scrolling; the views as ARIA tabs; Office's theme, light and dark;
 * source names with their full address on hover and focus; live regions that speak only on a
 * change; the keyboard order of every view; axe-core over every view in both themes; and the
 * README's screenshots (test-results/, and docs/ with MINER_UPDATE_DOCS=1).
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { repoRoot } from "../support/paths";
import {
  DARK_THEME,
  inExcel,
  LIGHT_THEME,
  openPane,
  PANE_VIEWPORT,
  paneSuite,
  refreshDone,
  RESULTS,
  showTab,
  sourceDetailOf,
  ThemeStandIn,
} from "../support/pane";

const AXE = require.resolve("axe-core/axe.min.js");
const s = paneSuite({ files: { "axe.min.js": AXE } });
const open = () => openPane(s.page, s.url);
const VIEWS = ["market", "model", "history", "settings"];

/** The WCAG contrast ratio of two computed CSS colours "rgb(r, g, b)" (independent of the pane's theme.ts). */
function contrastOf(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

const bodyColours = (page: Page) =>
  page.evaluate(() => {
    const st = getComputedStyle(document.body);
    return { background: st.backgroundColor, color: st.color, theme: document.documentElement.dataset.theme ?? null };
  });

describe("fits Excel's pane", () => {
  for (const [name, theme] of [["outside Office", undefined], ["in Excel, dark", DARK_THEME]] as const) {
    test(`at 350 × 450 (${name}), BTC price, difficulty, hashprice, height and Refresh are visible without scrolling`, async () => {
      const { page } = s;
      if (theme) await inExcel(page, theme);
      await open();
      await refreshDone(page);
      const boxes = await page.evaluate(() =>
        ["#refresh", ...["BTC_Price", "BTC_Difficulty", "BTC_Hashprice", "BTC_Height"].map((n) => `[data-name="${n}"]`)].map((sel) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return { sel, top: r.top, left: r.left, bottom: r.bottom, right: r.right, h: r.height };
        }),
      );
      expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
      // Every box drawn and inside the viewport: on failure, the boxes that are not, with their edges.
      const outside = boxes.filter((b) => !(b.h > 0 && b.top >= 0 && b.left >= 0 && b.bottom <= PANE_VIEWPORT.height && b.right <= PANE_VIEWPORT.width));
      expect(outside).toEqual([]);
      for (const n of ["BTC_Price", "BTC_Difficulty", "BTC_Hashprice", "BTC_Height"])
        expect(await page.locator(`[data-name="${n}"] .num`).innerText()).not.toBe("—");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_VIEWPORT.width);
    });
  }
});

describe("views as tabs", () => {
  test("a tablist of Market, Model, History and Settings, each tab controlling its tabpanel, one click away", async () => {
    const { page } = s;
    await open();
    const tabs = await page.evaluate(() =>
      [...document.querySelectorAll('[role="tablist"] [role="tab"]')].map((t) => ({
        name: t.textContent,
        selected: t.getAttribute("aria-selected"),
        panel: document.getElementById(t.getAttribute("aria-controls")!)?.getAttribute("role"),
        labelledBy: document.getElementById(t.getAttribute("aria-controls")!)?.getAttribute("aria-labelledby") === t.id,
      })),
    );
    expect(tabs).toEqual(
      ["Market", "Model", "History", "Settings"].map((name, i) => ({ name, selected: String(i === 0), panel: "tabpanel", labelledBy: true })),
    );
    for (const view of VIEWS) {
      await page.click(`#tab-${view}`);
      const shown = await page.evaluate(() => [...document.querySelectorAll('[role="tabpanel"]')].filter((p) => !(p as HTMLElement).hidden).map((p) => p.id));
      expect(shown).toEqual([`panel-${view}`]);
      expect(await page.locator(`#tab-${view}`).getAttribute("aria-selected")).toBe("true");
    }
  });

  test("arrow keys move between tabs and show each; Home and End go to the ends; one tab stop", async () => {
    const { page } = s;
    await open();
    await page.focus("#tab-market");
    const focused = () => page.evaluate(() => [document.activeElement!.id, document.querySelector('[role="tab"][aria-selected="true"]')!.id]);
    const steps: [string, string][] = [
      ["ArrowRight", "tab-model"],
      ["ArrowRight", "tab-history"],
      ["End", "tab-settings"],
      ["ArrowRight", "tab-market"], // wraps
      ["ArrowLeft", "tab-settings"],
      ["Home", "tab-market"],
    ];
    for (const [key, tab] of steps) {
      await page.keyboard.press(key);
      expect(await focused()).toEqual([tab, tab]);
    }
    const tabIndexes = await page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => (t as HTMLElement).tabIndex));
    expect(tabIndexes).toEqual([0, -1, -1, -1]);
  });
});

/** The ids (or "src:NAME" for a source name, "a:HREF" for a link) that Tab visits from `start`, until focus leaves the pane's controls. */
async function tabOrder(page: Page, start: string, max = 40): Promise<string[]> {
  await page.focus(start);
  const seen: string[] = [];
  for (let k = 0; k < max; k++) {
    const id = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return "";
      if (e.classList.contains("src")) return `src:${e.closest("[data-name]")!.getAttribute("data-name")}`;
      if (e.tagName === "A") return `a:${e.getAttribute("href")}`;
      return e.id || e.tagName.toLowerCase();
    });
    if (!id || seen.includes(id)) break;
    seen.push(id);
    await page.keyboard.press("Tab");
  }
  return seen;
}

describe("keyboard order", () => {
  test("each view, in Excel: the selected tab, then its controls in reading order; Shift+Tab goes back to the tab", async () => {
    const { page } = s;
    await inExcel(page, LIGHT_THEME);
    await open();
    await refreshDone(page);
    await page.waitForFunction(() => !(document.getElementById("insert") as HTMLButtonElement).disabled);
    const tableRows = await page.evaluate(() => [...document.querySelectorAll("#market-rows tr")].map((r) => `src:${r.getAttribute("data-name")}`));
    expect(await tabOrder(page, "#tab-market")).toEqual([
      "tab-market",
      "refresh",
      "insert",
      ...["BTC_Price", "BTC_Difficulty", "BTC_Hashprice", "BTC_Height"].map((n) => `src:${n}`),
      ...tableRows,
    ]);
    await showTab(page, "model");
    expect(await tabOrder(page, "#tab-model")).toEqual([
      "tab-model",
      "insert-model",
      "a:MINER-model.xlsx",
      "a:docs/template.html#the-model-as-a-workbook-miner-modelxlsx",
      "a:help/index.html",
      "a:docs/index.html",
    ]);
    await showTab(page, "history");
    expect(await tabOrder(page, "#tab-history")).toEqual(["tab-history", "history-interval", "history-fetch"]);
    await showTab(page, "settings");
    expect(await tabOrder(page, "#tab-settings")).toEqual([
      "tab-settings",
      "auto-refresh",
      "mempool-url",
      "save-mempool",
      ...["docs/index.html", "help/index.html", "docs/support.html", "docs/privacy.html"].map((href) => `a:${href}`),
    ]);
    await page.focus("#auto-refresh");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("tab-settings");
  });

  test("a workbook's request for another host comes first, before the tabs", async () => {
    const { page } = s;
    await page.addInitScript(`window.__workbookSettings = { mempoolBaseUrl: "https://mempool.example.org" };`);
    await inExcel(page);
    await page.goto(`${s.url}/taskpane.html`); // nothing is fetched until the user answers
    await page.waitForFunction(() => !document.getElementById("source-request")!.hidden);
    expect((await tabOrder(page, "#source-accept")).slice(0, 4)).toEqual(["source-accept", "source-decline", "tab-market", "refresh"]);
  });
});

describe("follows Office's theme", () => {
  for (const [name, theme] of [["light", LIGHT_THEME], ["dark", DARK_THEME]] as const) {
    test(`${name}: the body's background and text are the theme's, and the pane's text keeps its contrast`, async () => {
      const { page } = s;
      await inExcel(page, theme);
      await open();
      await page.waitForFunction(() => document.documentElement.dataset.theme !== undefined);
      const c = await bodyColours(page);
      expect(c).toEqual({ background: rgb(theme.bodyBackgroundColor), color: rgb(theme.bodyForegroundColor), theme: name });
      // every text the pane shows, against the body (tiles, table and labels are on the body's colour)
      const texts = await page.evaluate(() =>
        [".tile dt", ".tile .num", ".tile .source", "td.source", "#refreshed-at", "th", "#host-status"].map((sel) => [sel, getComputedStyle(document.querySelector(sel)!).color]),
      );
      // On failure, each text under 4.5:1 with its contrast.
      const faint = texts.map(([sel, color]) => ({ sel, color, contrast: contrastOf(color, c.background) })).filter((t) => !(t.contrast >= 4.5));
      expect(faint).toEqual([]);
      const button = await page.evaluate(() => {
        const st = getComputedStyle(document.getElementById("refresh")!);
        return [st.color, st.backgroundColor];
      });
      expect(contrastOf(button[0], button[1])).toBeGreaterThanOrEqual(4.5);
    });
  }

  test("outside Office: light by default, dark when the system prefers dark", async () => {
    const { page } = s;
    await open();
    expect(await bodyColours(page)).toEqual({ background: "rgb(255, 255, 255)", color: "rgb(27, 27, 27)", theme: null });
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await bodyColours(page)).toEqual({ background: "rgb(31, 31, 31)", color: "rgb(243, 243, 243)", theme: null });
  });
});

test("a source shows its friendly name; its full address is its title and its accessible description, and shows on focus", async () => {
  const { page, api } = s;
  await open();
  const src = page.locator('[data-name="BTC_Price"] .src');
  expect(await src.innerText()).toBe("mempool.space, confirmed by Coinbase"); // a first reading is confirmed
  const url = `${api.bases.mempool}/api/v1/prices, confirmed by ${api.bases.coinbase}/v2/prices/BTC-USD/spot`;
  expect(await sourceDetailOf(page, "BTC_Price")).toBe(url);
  const described = await src.evaluate((e) => document.getElementById(e.getAttribute("aria-describedby")!)!.textContent);
  expect(described).toBe(url);
  const detail = page.locator("#src-BTC_Price");
  expect(await detail.isVisible()).toBe(false);
  await src.focus();
  expect(await detail.isVisible()).toBe(true);
  expect(await detail.innerText()).toBe(url);
});

/** Counts mutations inside the page's live regions (alert, status, log, aria-live) from now on. */
async function watchLiveRegions(page: Page): Promise<() => Promise<{ n: number; where: string[] }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __live: { n: number; where: string[] } };
    w.__live = { n: 0, where: [] };
    const regions = document.querySelectorAll('[role="alert"], [role="status"], [role="log"], [aria-live]');
    const observer = new MutationObserver((records) => {
      w.__live.n += records.length;
      for (const r of records) w.__live.where.push((r.target instanceof Element ? r.target : r.target.parentElement)!.closest("[role], [aria-live]")!.id);
    });
    regions.forEach((r) => observer.observe(r, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ["hidden"] }));
  });
  return () => page.evaluate(() => (window as unknown as { __live: { n: number; where: string[] } }).__live);
}

describe("live regions speak only when something changes", () => {
  test("refreshes with identical data, and the 15 s age ticks, announce nothing", async () => {
    const { page } = s;
    await page.clock.install();
    await open();
    await refreshDone(page);
    const live = await watchLiveRegions(page);
    for (let k = 0; k < 3; k++) {
      await page.clock.runFor(20_000); // past the 15 s render tick and the service's 15 s cache
      await page.click("#refresh");
      await refreshDone(page);
    }
    await page.clock.runFor(60_000);
    expect(await live()).toEqual({ n: 0, where: [] });
  });

  test("a failure is announced once; the same failure on later refreshes is not announced again; its end is", async () => {
    const { page, api } = s;
    await open();
    await refreshDone(page);
    const live = await watchLiveRegions(page);
    api.faults.set("/mempool/api/v1/prices", { status: 500 });
    await page.click("#refresh");
    await page.waitForFunction(() => !document.getElementById("banner")!.hidden);
    await refreshDone(page);
    const first = await live();
    expect(first.n).toBeGreaterThan(0);
    expect(new Set(first.where)).toEqual(new Set(["banner"]));
    for (let k = 0; k < 3; k++) {
      await page.click("#refresh");
      await refreshDone(page);
    }
    expect((await live()).n).toBe(first.n);
    api.faults.clear();
    await page.click("#refresh");
    await page.waitForFunction(() => document.getElementById("banner")!.hidden);
    expect((await live()).n).toBeGreaterThan(first.n);
  });
});

describe("axe-core finds no serious or critical violation", () => {
  for (const [name, theme] of [["light", LIGHT_THEME], ["dark", DARK_THEME]] as const) {
    test(`every view, ${name} theme (with a warning banner and a fetched history showing)`, async () => {
      const { page, api } = s;
      api.faults.set("/mempool/api/v1/prices", { status: 500 }); // the banner shows, in its colours
      // the recorded history ends on 27 Nov 2025: the next day's clock, so that it is the 1y asked for
      await page.clock.setFixedTime(new Date("2025-11-28T12:00:00Z"));
      await inExcel(page, theme);
      await open();
      await refreshDone(page);
      await page.waitForFunction(() => !document.getElementById("banner")!.hidden);
      await page.addScriptTag({ url: `${s.url}/axe.min.js` }); // same origin: the pane's CSP allows it
      const found: Record<string, string[]> = {};
      for (const view of VIEWS) {
        await showTab(page, view);
        if (view === "history") {
          await page.click("#history-fetch");
          await page.waitForFunction(() => /^Wrote/.test(document.getElementById("history-status")!.textContent!), null, { timeout: 20_000 });
        }
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ["violations"] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
        });
        found[view] = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.join(", ")}`);
      }
      expect(found).toEqual({ market: [], model: [], history: [], settings: [] });
    });
  }
});

test("every control has a label a screen reader can read", async () => {
  const { page } = s;
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

test("screenshots for the README, light and dark, at 350 × 450", async () => {
  const docs = process.env.MINER_UPDATE_DOCS === "1";
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const [name, theme] of [["light", LIGHT_THEME], ["dark", DARK_THEME]] as [string, ThemeStandIn][]) {
    const p = await s.context.newPage();
    await p.clock.setFixedTime(new Date("2025-11-27T12:00:00Z")); // the same picture on every run
    await inExcel(p, theme);
    await openPane(p, s.url);
    await refreshDone(p);
    const file = path.join(RESULTS, `taskpane-${name}.png`);
    await p.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    if (docs) fs.copyFileSync(file, path.join(repoRoot(), "docs", `taskpane-${name}.png`));
    await p.close();
  }
});
