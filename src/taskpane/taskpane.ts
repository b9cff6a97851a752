/*
 * The task pane, which is also the shared runtime page: custom functions and the pane share one
 * JavaScript context and one MarketService. Opened in a plain browser (no Office host) it works
 * as a live dashboard with the workbook actions disabled.
 */
import { marketService, isAllowedMempoolUrl } from "../market/runtime";
import { MarketSnapshot } from "../market/fields";
import { renderBanner, renderRows } from "./view";
import { utcText } from "./market-rows";
import { writeMarketSheet } from "./workbook";
import { insertModel } from "./model/writer";
import { autoRefreshMinutes, mirrorMempoolUrl, savedMempoolUrl, setAutoRefreshMinutes } from "./settings";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const DOCUMENT_SETTING = "mempoolBaseUrl";

let inExcel = false;
let autoTimer: ReturnType<typeof setInterval> | undefined;

function say(id: string, text: string): void {
  $(id).textContent = text;
}

function render(snapshot: MarketSnapshot | undefined): void {
  renderRows($("market-rows"), snapshot, Date.now());
  renderBanner($("banner"), snapshot, typeof navigator !== "undefined" && navigator.onLine === false);
  if (snapshot) say("refreshed-at", `Last refresh ${utcText(snapshot.refreshedAt)}.`);
}

async function updateWorkbook(snapshot: MarketSnapshot, create: boolean): Promise<void> {
  if (!inExcel) return;
  try {
    const report = await Excel.run((context) => writeMarketSheet(context, snapshot, create));
    if (!report) return;
    const parts = [`${report.written} values written to MINER_Market`];
    if (report.keptStale) parts.push(`${report.keptStale} stale kept`);
    if (report.notAvailable) parts.push(`${report.notAvailable} not available`);
    if (report.nameConflicts.length) parts.push(`names left as you set them: ${report.nameConflicts.join(", ")}`);
    say("progress", parts.join("; ") + ".");
  } catch (e) {
    say("progress", `Could not write to the workbook: ${e instanceof Error ? e.message : String(e)}`);
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
    const report = await Excel.run(async (context) => {
      // Market data first, so the model's network inputs link to the live cells.
      if (snapshot) await writeMarketSheet(context, snapshot, true);
      return insertModel(context);
    });
    const copy = report.copy > 1 ? ` (copy ${report.copy}: the earlier sheets are untouched)` : "";
    const linked = report.linkedMarket.length
      ? `Network inputs link to MINER_Market (${report.linkedMarket.join(", ")}).`
      : "No market data yet: the network inputs hold sourced reference values.";
    say("model-status", `Inserted ${report.sheets.join(", ")}${copy}. ${linked}`);
  } catch (e) {
    say("model-status", `Could not insert the model: ${e instanceof Error ? e.message : String(e)}`);
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

function setAutoRefresh(minutes: number): void {
  if (autoTimer) clearInterval(autoTimer);
  autoTimer = minutes > 0 ? setInterval(() => void refresh(), minutes * 60_000) : undefined;
}

function saveMempoolUrl(): void {
  const input = $<HTMLInputElement>("mempool-url");
  const url = input.value.trim().replace(/\/+$/, "");
  if (url && !isAllowedMempoolUrl(url)) {
    say(
      "mempool-status",
      "Use an https:// base URL with no query, fragment or user name, e.g. https://mempool.example.org",
    );
    input.setAttribute("aria-invalid", "true");
    return;
  }
  input.removeAttribute("aria-invalid");
  if (inExcel) {
    Office.context.document.settings.set(DOCUMENT_SETTING, url);
    Office.context.document.settings.saveAsync();
  }
  const needsReload = (savedMempoolUrl() ?? "") !== url;
  mirrorMempoolUrl(url || undefined);
  // The page's connect-src is fixed when it loads: reload so it allows the new instance.
  if (needsReload) location.reload();
}

function start(): void {
  const service = marketService();
  const custom = savedMempoolUrl();
  if (custom && isAllowedMempoolUrl(custom)) {
    service.setMempoolBase(custom);
    $<HTMLInputElement>("mempool-url").value = custom;
    say("mempool-status", `Using ${custom} for network data.`);
  }
  service.subscribe(render);
  service.onProgress(showProgress);
  render(service.current());
  setInterval(() => render(service.current()), 15_000); // keep the ages current

  $("refresh").addEventListener("click", () => void refresh());
  $("insert").addEventListener("click", async () => {
    const snapshot = service.current() ?? (await service.refresh());
    await updateWorkbook(snapshot, true);
  });
  $("insert-model").addEventListener("click", () => void insertModelClicked());
  $("save-mempool").addEventListener("click", saveMempoolUrl);
  const select = $<HTMLSelectElement>("auto-refresh");
  select.value = String(autoRefreshMinutes());
  select.addEventListener("change", () => {
    const minutes = Number(select.value);
    setAutoRefreshMinutes(minutes);
    setAutoRefresh(minutes);
  });
  setAutoRefresh(autoRefreshMinutes());
  window.addEventListener("online", () => render(service.current()));
  window.addEventListener("offline", () => render(service.current()));

  const outside = "Running outside Office: a live dashboard; workbook actions are unavailable.";
  if (typeof Office === "undefined") {
    say("host-status", outside);
  } else {
    Office.onReady((info) => {
      inExcel = info.host === Office.HostType.Excel;
      $<HTMLButtonElement>("insert").disabled = !inExcel;
      $<HTMLButtonElement>("insert-model").disabled = !inExcel;
      say("host-status", inExcel ? "Connected to Excel." : outside);
      if (inExcel) {
        // The workbook's own mempool instance wins over this browser's.
        const fromWorkbook = (Office.context.document.settings.get(DOCUMENT_SETTING) as string | null) ?? "";
        if (
          fromWorkbook !== (savedMempoolUrl() ?? "") &&
          isAllowedMempoolUrl(fromWorkbook || "https://mempool.space")
        ) {
          mirrorMempoolUrl(fromWorkbook || undefined);
          location.reload();
        }
      }
    });
  }
  void service.refresh();
}

if (typeof document !== "undefined") start();
