/*
 * The task pane, which is also the shared runtime page: custom functions, the pane and the
 * ribbon's Refresh share one JavaScript context and one MarketService. The page runs whenever the
 * runtime does (the pane open or not), so its auto-refresh keeps live cells current while the
 * workbook is open: every 5 minutes by default (settings.ts). Opened in a plain browser (no
 * Office host) it works as a live dashboard with the workbook actions disabled.
 *
 * The pane never reloads itself: reloading this page would also restart the custom-functions
 * runtime and stop live cells (office-js#1107). A new mempool instance, from Settings or from a
 * workbook, takes effect at once: the service switches base and refreshes, and the page's CSP
 * (fixed at build time) already allows any https host, because every base is validated first.
 */
import { providerBases } from "../market/bases";
import { loadMarket, market } from "../market/lazy";
import { parseMempoolBase } from "../market/source-url";
import { WAITING_FOR_SOURCE } from "../market/waiting";
import { MarketSnapshot } from "../market/fields";
import { clip } from "../market/clip";
import { renderBanner, renderMarket, setText } from "./view";
import { utcText } from "./market-rows";
import { setUpTabs } from "./tabs";
import { applyTheme, paletteFor } from "./theme";
import { setUpHistory } from "./history-panel";
import { writeMarketSheet, WriteReport } from "./workbook";
import { MarketWriter } from "./market-writer";
import { insertModel } from "./insert-model";
import { insertModelDescription } from "./model-text";
import {
  accept,
  autoRefreshMinutes,
  browserSettings,
  isAccepted,
  saveMempoolBase,
  savedMempoolBase,
  setAutoRefreshMinutes,
} from "./settings";
import { workbookSource } from "./workbook-source";
import { registerCommands, RIBBON_MIN_INTERVAL_MS } from "./commands";
import { acceptanceKey, ensureWorkbookId, workbookId } from "./workbook-id";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const DOCUMENT_SETTING = "mempoolBaseUrl";
const DEFAULT_NAME = "mempool.space";
const URL_HELP =
  "Use an https:// base URL with a public host name and no query, fragment or user name, e.g. https://mempool.example.org";

const settings = browserSettings();
let inExcel = false;
let autoTimer: ReturnType<typeof setInterval> | undefined;

/** MINER_Market's one writer: every refresh's write, and Insert's, one after the other (market-writer.ts). */
const writer = new MarketWriter<WriteReport | undefined>((snapshot, create) =>
  Excel.run((context) => writeMarketSheet(context, snapshot, create)),
);

/** When the ribbon's Refresh last fetched (ms since the epoch). */
let lastRibbonRefresh = -Infinity;

/** Why nothing is fetched when the page starts: until the workbook's own source is applied. */

/** Sets a status line; unchanged text is not rewritten, so a live region speaks only on a change. */
function say(id: string, text: string): void {
  setText($(id), text);
}

function render(snapshot: MarketSnapshot | undefined): void {
  const bases = { ...providerBases(), mempool: marketService().mempoolBase };
  renderMarket($("key-figures"), $("market-rows"), snapshot, Date.now(), bases);
  renderBanner($("banner"), snapshot, typeof navigator !== "undefined" && navigator.onLine === false);
  if (snapshot && !snapshot.partial) say("refreshed-at", `Last refresh ${utcText(snapshot.refreshedAt)}.`);
}

/** Follows Office's theme (light or dark); outside Office the stylesheet follows the system. */
function followOfficeTheme(): void {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  applyTheme(document.documentElement, paletteFor(theme));
}

/** Says, under Settings, when this browser will not let the pane remember anything. */
function showStorageNote(): void {
  const note = $("storage-note");
  if (note.hidden !== settings.persistent) note.hidden = settings.persistent;
  setText(
    note,
    settings.persistent
      ? ""
      : "This browser does not let the add-in store settings (third-party storage is blocked): your settings apply until the pane closes and will not be remembered.",
  );
}

async function updateWorkbook(snapshot: MarketSnapshot, create: boolean): Promise<void> {
  if (!inExcel) return;
  try {
    const report = await writer.submit(snapshot, create);
    if (!report) return;
    const parts = [`${report.written} values written to MINER_Market`];
    if (report.keptStale) parts.push(`${report.keptStale} stale kept`);
    if (report.notAvailable) parts.push(`${report.notAvailable} not available`);
    if (report.nameConflicts.length) parts.push(`names left as you set them: ${report.nameConflicts.join(", ")}`);
    say("workbook-status", parts.join("; ") + ".");
  } catch (e) {
    say("workbook-status", `Could not write to the workbook: ${clip(e instanceof Error ? e.message : String(e), 200)}`);
  }
}

async function refresh(): Promise<void> {
  const button = $<HTMLButtonElement>("refresh");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const snapshot = await marketService().refresh(true);
    await updateWorkbook(snapshot, false);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/** Charts' category labels (setCategoryNames) arrived in ExcelApi 1.7. */
const MODEL_REQUIREMENT = "1.7";

async function insertModelClicked(): Promise<void> {
  if (!inExcel) return;
  if (!Office.context.requirements.isSetSupported("ExcelApi", MODEL_REQUIREMENT)) {
    say(
      "model-status",
      `Insert model needs ExcelApi ${MODEL_REQUIREMENT} or later (Excel 2019, Microsoft 365 or Excel on the web).`,
    );
    return;
  }
  const button = $<HTMLButtonElement>("insert-model");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  say("model-status", "Inserting the model…");
  try {
    const snapshot = marketService().current();
    // Market data first (through the one writer), so the model's network inputs link to the live cells.
    if (snapshot && !snapshot.partial) await writer.submit(snapshot, true);
    const report = await Excel.run((context) => insertModel(context));
    const copy = report.copy > 1 ? ` (copy ${report.copy}: the earlier sheets are untouched)` : "";
    const market = report.linkedMarket.filter((n) => !n.startsWith("Hist_"));
    const history = report.linkedMarket.filter((n) => n.startsWith("Hist_"));
    const linked =
      (market.length
        ? `Network inputs link to MINER_Market (${market.join(", ")}).`
        : "No market data yet: the network inputs hold sourced reference values.") +
      (history.length ? ` Risk inputs link to MINER_History (${history.join(", ")}).` : "");
    say("model-status", `Inserted ${report.sheets.join(", ")}${copy}. ${linked}`);
  } catch (e) {
    say("model-status", `Could not insert the model: ${clip(e instanceof Error ? e.message : String(e), 200)}`);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function showProgress(done: number, total: number): void {
  const bar = $<HTMLProgressElement>("progress-bar");
  bar.max = total;
  bar.value = done;
  bar.hidden = done >= total;
  say("progress", done >= total ? "" : `Refreshing… ${done} of ${total} sources answered`);
}

/**
 * The ribbon's Refresh: joins a refresh under way, and fetches at most once in
 * RIBBON_MIN_INTERVAL_MS (a user pressing it again and again does not press on the providers); a
 * press it does not run says so in the pane.
 */
async function ribbonRefresh(): Promise<void> {
  const service = marketService();
  if (service.heldBecause) {
    // not queued behind the gate: Office waits for the press to complete
    say("refresh-status", `Refresh from the ribbon not run: ${service.heldBecause}.`);
    return;
  }
  if (service.refreshing) {
    await updateWorkbook(await service.refresh(), false);
    return;
  }
  const since = Date.now() - lastRibbonRefresh;
  if (since < RIBBON_MIN_INTERVAL_MS) {
    const last = service.current();
    say(
      "refresh-status",
      `Refresh from the ribbon at ${new Date().toISOString().slice(11, 19)} UTC not run: it fetches at most once every ${RIBBON_MIN_INTERVAL_MS / 1000} s, and the last was ${Math.floor(since / 1000)} s ago.${last ? ` The values are from the refresh of ${utcText(last.refreshedAt)}.` : ""}`,
    );
    return;
  }
  lastRibbonRefresh = Date.now();
  say("refresh-status", "");
  await refresh();
}

function setAutoRefresh(minutes: number): void {
  if (autoTimer) clearInterval(autoTimer);
  autoTimer = minutes > 0 ? setInterval(() => void refresh(), minutes * 60_000) : undefined;
}

/** Points the service at `base` (undefined: the default); returns whether that changed anything. */
function useMempoolBase(base: string | undefined, note = ""): boolean {
  const changed = marketService().setMempoolBase(base);
  $<HTMLInputElement>("mempool-url").value = base ?? "";
  say("mempool-status", `Using ${base ?? DEFAULT_NAME} for network data.${note ? " " + note : ""}`);
  return changed;
}

/**
 * The source is decided (the workbook's own, or the default): requests may go out. Refreshes asked
 * for meanwhile (live cells) run now, and with auto-refresh on the pane fetches at once; with it
 * off, nothing is fetched until a live cell, Refresh or the ribbon asks.
 */
function sourceApplied(): void {
  const service = marketService();
  service.release();
  if (autoRefreshMinutes(settings) > 0) void refresh();
  else if (!service.current())
    say("refreshed-at", "Nothing fetched yet: auto-refresh is off. Refresh fetches the market data.");
}

function hideSourceRequest(): void {
  $("source-request").hidden = true;
}

function saveMempoolUrl(): void {
  const input = $<HTMLInputElement>("mempool-url");
  const raw = input.value.trim();
  let base: string | undefined;
  if (raw) {
    const check = parseMempoolBase(raw);
    if (!check.ok) {
      say("mempool-status", `Not saved: ${check.reason}. ${URL_HELP}`);
      input.setAttribute("aria-invalid", "true");
      return;
    }
    base = check.base;
  }
  input.removeAttribute("aria-invalid");
  hideSourceRequest();
  if (inExcel) {
    // Saved with the workbook; typed here by this user, so accepted for it (under the workbook's own id).
    const id = base ? ensureWorkbookId(Office.context.document.settings).id : undefined;
    Office.context.document.settings.set(DOCUMENT_SETTING, base ?? "");
    Office.context.document.settings.saveAsync((result) => {
      if (String(result?.status) === "failed")
        say("mempool-status", `Using ${base ?? DEFAULT_NAME} for now; it could not be saved in the workbook.`);
    });
    if (base && id) accept(settings, acceptanceKey(id), base);
  } else {
    saveMempoolBase(settings, base);
  }
  showStorageNote();
  // Typed by the user in the pane: it answers a pending question about the workbook's host too,
  // and a new source is fetched from at once.
  const changed = useMempoolBase(base);
  marketService().release();
  if (changed) void refresh();
}

/** Applies the workbook's own instance: at once if the user accepted it before, else after asking. */
function applyWorkbookSource(): void {
  const setting: unknown = Office.context.document.settings.get(DOCUMENT_SETTING);
  const id = workbookId(Office.context.document.settings);
  const decision = workbookSource(setting, (base) => !!id && isAccepted(settings, acceptanceKey(id), base));
  switch (decision.kind) {
    case "default":
      useMempoolBase(undefined);
      return sourceApplied();
    case "use":
      useMempoolBase(decision.base);
      return sourceApplied();
    case "refuse":
      useMempoolBase(
        undefined,
        `This workbook names ${JSON.stringify(decision.shown)} as its mempool instance; it is not used: ${decision.reason}.`,
      );
      return sourceApplied();
    case "ask": {
      const idn = decision.idn
        ? " Its name has non-Latin letters, shown here in their xn-- form: it is not mempool.space."
        : "";
      say(
        "source-request-text",
        `This workbook asks for network data from ${decision.host} instead of ${DEFAULT_NAME}.${idn} Use it only if you trust that host: its values will be shown and written into this workbook.`,
      );
      $("source-request").hidden = false;
      // Nothing is fetched, from either host, until the user answers.
      marketService().hold(
        `this workbook asks for network data from ${decision.host}: accept or decline it in MINER → Market data`,
      );
      $("source-accept").onclick = () => {
        // The workbook gets an id of its own (saved with it) for the acceptance to belong to.
        const own = ensureWorkbookId(Office.context.document.settings);
        if (own.created) Office.context.document.settings.saveAsync();
        accept(settings, acceptanceKey(own.id), decision.base);
        showStorageNote();
        hideSourceRequest();
        useMempoolBase(decision.base);
        sourceApplied();
      };
      $("source-decline").onclick = () => {
        hideSourceRequest();
        useMempoolBase(undefined, `This workbook's host ${decision.host} is not used.`);
        sourceApplied();
      };
      return;
    }
  }
}

function start(): void {
  const service = marketService();
  // No request before the workbook's choice of source is applied (Office.onReady, below); the
  // service was created held on this page (runtime.ts): this says so again, whoever created it.
  service.hold(WAITING_FOR_SOURCE);
  service.subscribe(render);
  // Every finished refresh, whoever asked for it (a live cell's schedule too), updates MINER_Market.
  service.subscribe((s) => {
    if (!s.partial) void updateWorkbook(s, false);
  });
  service.onProgress(showProgress);
  setUpTabs($("tablist"));
  setText($("model-description"), insertModelDescription());
  setUpHistory(() => inExcel);
  render(service.current());
  setInterval(() => render(service.current()), 15_000); // keep the ages current
  showStorageNote();

  $("refresh").addEventListener("click", () => void refresh());
  $("insert").addEventListener("click", async () => {
    say("workbook-status", "Writing MINER_Market…");
    const current = service.current();
    const snapshot = current && !current.partial ? current : await service.refresh();
    await updateWorkbook(snapshot, true);
  });
  $("insert-model").addEventListener("click", () => void insertModelClicked());
  $("save-mempool").addEventListener("click", saveMempoolUrl);
  const select = $<HTMLSelectElement>("auto-refresh");
  select.value = String(autoRefreshMinutes(settings));
  select.addEventListener("change", () => {
    const minutes = Number(select.value);
    setAutoRefreshMinutes(settings, minutes);
    showStorageNote();
    setAutoRefresh(minutes);
  });
  setAutoRefresh(autoRefreshMinutes(settings));
  window.addEventListener("online", () => render(service.current()));
  window.addEventListener("offline", () => render(service.current()));

  const outside = "Running outside Office: a live dashboard; workbook actions are unavailable.";
  if (typeof Office === "undefined") {
    say("host-status", outside);
    useMempoolBase(savedMempoolBase(settings));
    sourceApplied();
  } else {
    Office.onReady((info) => {
      inExcel = info.host === Office.HostType.Excel;
      followOfficeTheme();
      // Excel tells no theme change to a task pane: read it again when the pane is shown again.
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") followOfficeTheme();
      });
      $<HTMLButtonElement>("insert").disabled = !inExcel;
      $<HTMLButtonElement>("insert-model").disabled = !inExcel;
      say("host-status", inExcel ? "Connected to Excel." : outside);
      if (inExcel) {
        // the workbook decides its instance, not this browser; if reading its settings fails, the
        // default instance is used and the pane says why (never held for good)
        try {
          applyWorkbookSource();
        } catch (e) {
          useMempoolBase(undefined, `This workbook's choice of instance could not be read (${clip(String(e), 120)}).`);
          sourceApplied();
        }
      } else {
        useMempoolBase(savedMempoolBase(settings));
        sourceApplied();
      }
    });
  }
}

/** The runtime's MarketService (in the market chunk, which start waits for). */
const marketService = () => market().marketService();

/**
 * Loads the market code (src/market/lazy.ts), then starts the pane; a failed load is asked for
 * again, 2 s later and then twice as long each time up to a minute, and the pane says so meanwhile.
 */
function boot(retryMs = 2_000): Promise<void> {
  return loadMarket().then(start, async () => {
    say("host-status", `MINER's market code could not be loaded; trying again in ${retryMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    return boot(Math.min(retryMs * 2, 60_000));
  });
}

if (typeof document !== "undefined") {
  const started = boot();
  // The ribbon's Refresh runs here too, with or without the pane shown: associated at once, so that
  // a press that starts the runtime is not lost while the market code loads.
  registerCommands(() => started.then(ribbonRefresh));
}
