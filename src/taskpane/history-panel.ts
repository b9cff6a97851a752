/**
 * The History tab: fetches mempool's history (one request per endpoint, src/market/history.ts,
 * through the runtime's history store, whose responses MINER.HISTORY cells then share),
 * shows the realised monthly difficulty growth and annual price volatility with the dates they
 * come from, and in Excel writes MINER_History (history-sheet.ts). A failed fetch writes nothing:
 * the last good sheet stays, and the tab says why.
 */
import { clip } from "../market/clip";
import type { HistoryInterval } from "../market/history-endpoints";
import { DerivedValue, History } from "../market/history-table";
import { loadMarket } from "../market/lazy";
import { utcDate } from "./format";
import { HISTORY_NAMES, HISTORY_SHEET, writeHistorySheet } from "./history-sheet";
import { setText } from "./view";

/** Charts' extra series (series.add, setValues) arrived in ExcelApi 1.7; a secondary axis in 1.8. */
const SHEET_REQUIREMENT = "1.7";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const day = (serial: number) => utcDate(serial).slice(0, 10);
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

function showInput(valueId: string, sourceId: string, d: DerivedValue | null, unit: string, why: string): void {
  setText(
    $(valueId),
    d ? `${d.value >= 0 && unit === "a month" ? "+" : ""}${percent(d.value)} ${unit}` : "not available",
  );
  setText($(sourceId), d ? d.source : why);
}

function show(h: History): void {
  const missing = (prefix: string) => h.notes.find((n) => n.startsWith(prefix)) ?? "not available";
  showInput(
    "hist-growth",
    "hist-growth-source",
    h.difficultyGrowthMonthly,
    "a month",
    missing("no monthly difficulty growth"),
  );
  showInput("hist-vol", "hist-vol-source", h.priceVolAnnual, "a year", missing("no price volatility"));
  setText($("history-notes"), h.notes.length ? `Notes: ${h.notes.join("; ")}.` : "");
}

/** "365 days, 2024-11-28 to 2025-11-27" */
function span(h: History): string {
  const first = h.rows[0];
  const last = h.rows[h.rows.length - 1];
  return `${h.rows.length} day${h.rows.length === 1 ? "" : "s"}, ${day(first.date)} to ${day(last.date)}`;
}

async function fetchClicked(inExcel: boolean): Promise<void> {
  const button = $<HTMLButtonElement>("history-fetch");
  const status = $("history-status");
  const interval = $<HTMLSelectElement>("history-interval").value as HistoryInterval;
  const { browserHttpDeps, fetchHistory, HISTORY_INTERVALS, historyStore, marketService } = await loadMarket();
  if (!HISTORY_INTERVALS.includes(interval)) return;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  setText(status, "Fetching history (4 requests)…");
  try {
    // Fetch asks again (fresh), and what it gets is what cells asking for history read next; not
    // while the pane is still asking which instance this workbook uses.
    await marketService().released();
    const result = await fetchHistory({
      base: marketService().mempoolBase,
      interval,
      deps: browserHttpDeps(),
      store: historyStore(),
      fresh: true,
    });
    if (!result.ok) {
      const kept = inExcel ? ` Nothing was written: ${HISTORY_SHEET} keeps its last good data.` : "";
      setText(status, `History not fetched: ${clip(result.reason, 600)}.${kept}`);
      return;
    }
    const h = result.history;
    show(h);
    if (!inExcel) {
      setText(status, `Fetched ${span(h)}. In Excel this writes the ${HISTORY_SHEET} sheet.`);
      return;
    }
    if (!Office.context.requirements.isSetSupported("ExcelApi", SHEET_REQUIREMENT)) {
      setText(status, `Fetched ${span(h)}. Writing ${HISTORY_SHEET} needs ExcelApi ${SHEET_REQUIREMENT} or later.`);
      return;
    }
    const secondaryAxis = Office.context.requirements.isSetSupported("ExcelApi", "1.8");
    const report = await Excel.run((context) => writeHistorySheet(context, h, { secondaryAxis }));
    const conflicts = report.nameConflicts.length
      ? ` Names left as you set them: ${report.nameConflicts.join(", ")}.`
      : "";
    setText(
      status,
      `Wrote ${span(h)} to ${HISTORY_SHEET}, with its chart and the names ${HISTORY_NAMES.difficultyGrowthMonthly} and ${HISTORY_NAMES.priceVolAnnual}.${conflicts}`,
    );
  } catch (e) {
    setText(status, `Could not write ${HISTORY_SHEET}: ${clip(e instanceof Error ? e.message : String(e), 200)}`);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/** Wires the History tab; `inExcel` says whether the workbook can be written. */
export function setUpHistory(inExcel: () => boolean): void {
  $("history-fetch").addEventListener("click", () => void fetchClicked(inExcel()));
}
