/**
 * The history as the MINER_History sheet shows it: its row and history types, its columns (label
 * and unit) and the table. Apart from history.ts (the fetching and checking) so that the pane's
 * sheet writer carries only this, and the fetching stays in the market chunk (lazy.ts).
 */
import { excelSerialFromMs } from "./excel-serial";
import type { HistoryInterval } from "./history-endpoints";

/** One UTC day of history. Blank (null) where the sources do not say (see the module's notes). */
export interface HistoryRow {
  /** Excel date serial of the UTC day. */
  date: number;
  height: number | null;
  difficulty: number | null;
  hashrateEhs: number;
  btcPriceUsd: number | null;
  feesBtcPerBlock: number | null;
  hashpriceUsdPerPhDay: number | null;
}

/** The table's columns, in order, with their units. */
export const HISTORY_COLUMNS = [
  { id: "date", label: "Date", unit: "UTC date" },
  { id: "height", label: "Block height", unit: "block" },
  { id: "difficulty", label: "Difficulty", unit: "dimensionless" },
  { id: "hashrateEhs", label: "Network hashrate", unit: "EH/s" },
  { id: "btcPriceUsd", label: "BTC price", unit: "USD" },
  { id: "feesBtcPerBlock", label: "Fees per block", unit: "BTC/block" },
  { id: "hashpriceUsdPerPhDay", label: "Hashprice", unit: "USD/PH/day" },
  { id: "source", label: "Source", unit: "text" },
  { id: "asOf", label: "As of", unit: "UTC date-time" },
] as const;

/** A value derived from the rows, with how. */
export interface DerivedValue {
  value: number;
  /** "derived: ..." with the formula and the dates it used. */
  source: string;
}

/** A fetched history. */
export interface History {
  interval: HistoryInterval;
  /** Oldest first. */
  rows: HistoryRow[];
  /** The source column's text: the provider and the endpoints. */
  source: string;
  /** When the last response arrived, ms since the epoch. */
  asOf: number;
  /** The realised monthly difficulty growth (0.02 = 2% a month), or null with a note. */
  difficultyGrowthMonthly: DerivedValue | null;
  /** The realised annual price volatility (0.5 = 50%), or null with a note. */
  priceVolAnnual: DerivedValue | null;
  /** What the rows leave blank and why, in words. */
  notes: string[];
}

/** The history as a sheet: header row (label and unit), then one row per day; blanks as "". */
export function historyTable(h: History): (string | number)[][] {
  const header = HISTORY_COLUMNS.map((c) =>
    c.unit === "text" || c.unit === "dimensionless" || c.unit === "block" ? c.label : `${c.label} (${c.unit})`,
  );
  const asOf = excelSerialFromMs(h.asOf);
  return [
    header,
    ...h.rows.map((r) => [
      r.date,
      r.height ?? "",
      r.difficulty ?? "",
      r.hashrateEhs,
      r.btcPriceUsd ?? "",
      r.feesBtcPerBlock ?? "",
      r.hashpriceUsdPerPhDay ?? "",
      h.source,
      asOf,
    ]),
  ];
}
