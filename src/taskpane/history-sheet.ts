/**
 * The MINER_History sheet: one row per UTC day (date, height, difficulty, hashrate, BTC price,
 * fees per block, hashprice, source, as-of) from src/market/history.ts, the two risk inputs
 * derived from it with workbook names, and a chart of price and hashprice over time.
 *
 * Layout (fixed, so that names and formulas always find the same cells):
 *   A1:I1      the table's header; A2:I(n+1) one row per day, oldest first
 *   K1:O1      "Risk input | Value | Unit | Source | As of (UTC)"
 *   K2:O2      realised monthly difficulty growth   name Hist_Difficulty_Growth_Monthly = $L$2
 *   K3:O3      realised annual price volatility     name Hist_Price_Vol_Annual          = $L$3
 *   K5         the chart "MINER_History_Chart": BTC price (left axis) and hashprice (right axis) by date
 *
 * Updated in place like MINER_Market: writing again rewrites the same cells; rows left over from
 * a longer earlier history (columns A:I only) are cleared; the one chart is drawn again over
 * the new rows; a name the user points elsewhere is left alone and reported. An input the
 * history cannot give (too few days) is =NA() with the reason beside it, never a silent 0.
 * The caller writes only a history that was fetched whole: a failed fetch never reaches here.
 */
import { History, HISTORY_COLUMNS, historyTable } from "../market/history-table";
import { excelSerialFromMs } from "../market/excel-serial";

export const HISTORY_SHEET = "MINER_History";
export const HISTORY_CHART = "MINER_History_Chart";

/** The workbook names of the risk inputs, for the model's Risk sheet to link to when present. */
export const HISTORY_NAMES = {
  difficultyGrowthMonthly: "Hist_Difficulty_Growth_Monthly",
  priceVolAnnual: "Hist_Price_Vol_Annual",
} as const;

const LAST_COLUMN = "I"; // HISTORY_COLUMNS: date … as-of
const INPUTS = [
  {
    key: "difficultyGrowthMonthly",
    row: 2,
    label: "Realised difficulty growth (monthly)",
    unit: "fraction per month",
    missing: "no monthly difficulty growth",
  },
  {
    key: "priceVolAnnual",
    row: 3,
    label: "Realised BTC price volatility (annual)",
    unit: "fraction per year",
    missing: "no price volatility",
  },
] as const;

export interface HistoryWriteReport {
  /** Days written. */
  rows: number;
  createdSheet: boolean;
  /** Rows of an earlier, longer history that were cleared. */
  clearedRows: number;
  /** Names that exist but point elsewhere: left as the user set them. */
  nameConflicts: string[];
  chart: "added" | "updated";
}

export interface HistoryWriteOptions {
  /** Put hashprice on a secondary axis (ExcelApi 1.8): price is ~$10⁵, hashprice ~$40. */
  secondaryAxis: boolean;
}

const column = (id: (typeof HISTORY_COLUMNS)[number]["id"]) =>
  String.fromCharCode(65 + HISTORY_COLUMNS.findIndex((c) => c.id === id));

/** Writes (or rewrites in place) MINER_History from a fetched history. Needs ExcelApi 1.7. */
export async function writeHistorySheet(
  context: Excel.RequestContext,
  history: History,
  options: HistoryWriteOptions,
): Promise<HistoryWriteReport> {
  const workbook = context.workbook;
  let sheet = workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar flag, not a navigation property
  sheet.load("isNullObject");
  await context.sync();
  const createdSheet = sheet.isNullObject;
  if (createdSheet) sheet = workbook.worksheets.add(HISTORY_SHEET);

  // How far the last history reached, to clear what a shorter one leaves over.
  let lastRow = 0;
  if (!createdSheet) {
    const used = sheet.getRange(`A:${LAST_COLUMN}`).getUsedRangeOrNullObject(true);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject, rowIndex and rowCount are scalars
    used.load("isNullObject, rowIndex, rowCount");
    await context.sync();
    if (!used.isNullObject) lastRow = used.rowIndex + used.rowCount;
  }

  const table = historyTable(history);
  const last = table.length; // the header is row 1
  sheet.getRange(`A1:${LAST_COLUMN}${last}`).values = table;
  sheet.getRange(`A1:${LAST_COLUMN}1`).format.font.bold = true;
  if (last > 1) {
    const days = last - 1;
    const dates = (col: string, format: string) =>
      (sheet.getRange(`${col}2:${col}${last}`).numberFormat = Array.from({ length: days }, () => [format]));
    dates(column("date"), "yyyy-mm-dd");
    dates(column("asOf"), "yyyy-mm-dd hh:mm:ss");
  }
  const clearedRows = Math.max(0, lastRow - last);
  if (clearedRows > 0) sheet.getRange(`A${last + 1}:${LAST_COLUMN}${lastRow}`).clear("Contents");

  // The risk inputs, each with its unit, derivation and time.
  const asOf = excelSerialFromMs(history.asOf);
  sheet.getRange("K1:O1").values = [["Risk input", "Value", "Unit", "Source", "As of (UTC)"]];
  sheet.getRange("K1:O1").format.font.bold = true;
  for (const input of INPUTS) {
    const derived = history[input.key];
    const row = input.row;
    sheet.getRange(`K${row}`).values = [[input.label]];
    sheet.getRange(`M${row}`).values = [[input.unit]];
    const value = sheet.getRange(`L${row}`);
    if (derived) {
      value.values = [[derived.value]];
      sheet.getRange(`N${row}`).values = [[derived.source]];
    } else {
      value.formulas = [["=NA()"]];
      const why = history.notes.find((n) => n.startsWith(input.missing)) ?? `${input.missing} in this history`;
      sheet.getRange(`N${row}`).values = [[`not available: ${why}`]];
    }
    value.numberFormat = [["0.00%"]];
    const time = sheet.getRange(`O${row}`);
    time.values = [[asOf]];
    time.numberFormat = [["yyyy-mm-dd hh:mm:ss"]];
  }
  if (createdSheet) sheet.getRange(`A1:O${Math.max(last, 3)}`).format.autofitColumns();

  const chart = drawChart(sheet, last, options);

  // Names: add the missing ones; never move a name the user points elsewhere.
  const names = INPUTS.map((input) => {
    const item = workbook.names.getItemOrNullObject(HISTORY_NAMES[input.key]);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject and formula are scalars
    item.load("isNullObject, formula");
    return item;
  });
  const existing = sheet.charts.getItemOrNullObject(HISTORY_CHART);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar flag
  existing.load("isNullObject");
  await context.sync();
  const nameConflicts: string[] = [];
  INPUTS.forEach((input, i) => {
    const target = `=${HISTORY_SHEET}!$L$${input.row}`;
    if (names[i].isNullObject) {
      workbook.names.add(
        HISTORY_NAMES[input.key],
        sheet.getRange(`L${input.row}`),
        `${input.label} (${input.unit}) from MINER_History, the MINER add-in`,
      );
    } else if (names[i].formula.replace(/'/g, "") !== target) {
      nameConflicts.push(HISTORY_NAMES[input.key]);
    }
  });
  const state = chart(existing);
  await context.sync();
  return { rows: last - 1, createdSheet, clearedRows, nameConflicts, chart: state };
}

/**
 * The chart of BTC price and hashprice by date, over rows 2..last. Returns a step that, given the
 * chart found by name (or a null object), draws it anew over the new rows: one chart, always the
 * same, however often the history is written.
 */
function drawChart(sheet: Excel.Worksheet, last: number, options: HistoryWriteOptions) {
  const dates = sheet.getRange(`${column("date")}2:${column("date")}${last}`);
  const price = sheet.getRange(`${column("btcPriceUsd")}2:${column("btcPriceUsd")}${last}`);
  const hashprice = sheet.getRange(`${column("hashpriceUsdPerPhDay")}2:${column("hashpriceUsdPerPhDay")}${last}`);
  return (existing: Excel.Chart): "added" | "updated" => {
    const state = existing.isNullObject ? "added" : "updated";
    if (!existing.isNullObject) existing.delete();
    const chart = sheet.charts.add("Line" as Excel.ChartType, price, "Columns" as Excel.ChartSeriesBy);
    chart.name = HISTORY_CHART;
    chart.title.text = "BTC price and hashprice";
    const first = chart.series.getItemAt(0);
    first.name = "BTC price (USD)";
    first.setXAxisValues(dates);
    const second = chart.series.add("Hashprice (USD/PH/day)");
    second.setValues(hashprice);
    second.setXAxisValues(dates);
    if (options.secondaryAxis) second.axisGroup = "Secondary" as Excel.ChartAxisGroup;
    chart.setPosition("K5", "R22");
    return state;
  };
}
