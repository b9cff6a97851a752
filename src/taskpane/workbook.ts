/**
 * "Insert into workbook" and "Refresh": the MINER_Market sheet (field, value, unit, source, as-of)
 * and a workbook name for each value, so a model can say
 * =MINER.HASHPRICE(BTC_Price, BTC_Difficulty, MINER.SUBSIDY(BTC_Height)) and still calculate
 * without the add-in. Writing is idempotent and touches only that sheet's table cells. A value that
 * failed to refresh, or whose reading was refused, keeps its last good value, source and as-of (the
 * ones the service kept, which live cells and the pane show too), its source cell marked STALE
 * with the time and the reason, the same whichever path wrote it (market-writer.ts serializes
 * them); names a user already defined are left alone and reported.
 */
import { HEADER, MARKET_SHEET, MarketRow, excelSerial, marketRows, sourceText } from "./market-rows";
import { MarketSnapshot, Sourced } from "../market/fields";

/** A value standing in for one an earlier session wrote: only its source is used (sourceText). */
const PLACEHOLDER: Sourced = { value: 0, source: "", asOf: 0 };

export interface WriteReport {
  written: number;
  keptStale: number;
  notAvailable: number;
  /** Names that exist but point elsewhere: left as the user set them. */
  nameConflicts: string[];
  createdSheet: boolean;
}

const FIRST_ROW = 2; // row 1 is the header

function a1(col: string, row: number): string {
  return `${col}${row}`;
}

/**
 * Writes the snapshot into MINER_Market. With `create` false (a refresh), a workbook without the
 * sheet is left untouched and undefined is returned.
 */
export async function writeMarketSheet(
  context: Excel.RequestContext,
  snapshot: MarketSnapshot,
  create = true,
): Promise<WriteReport | undefined> {
  const rows = marketRows(snapshot);
  const lastRow = FIRST_ROW + rows.length - 1;
  const workbook = context.workbook;
  let sheet = workbook.worksheets.getItemOrNullObject(MARKET_SHEET);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar flag, not a navigation property
  sheet.load("isNullObject");
  await context.sync();
  const createdSheet = sheet.isNullObject;
  if (createdSheet && !create) return undefined;
  if (createdSheet) sheet = workbook.worksheets.add(MARKET_SHEET);

  // Layout (header, labels, units): rewritten each time, so it is the same however often it runs.
  sheet.getRange(`A1:E1`).values = [HEADER];
  sheet.getRange(`A1:E1`).format.font.bold = true;
  sheet.getRange(`A${FIRST_ROW}:A${lastRow}`).values = rows.map((r) => [r.label]);
  sheet.getRange(`C${FIRST_ROW}:C${lastRow}`).values = rows.map((r) => [r.unit]);

  const report: WriteReport = { written: 0, keptStale: 0, notAvailable: 0, nameConflicts: [], createdSheet };
  // A row never fetched in this session keeps what an earlier one left (value, as-of, source),
  // marked stale: its source cells are read first.
  const missing = createdSheet ? [] : rows.flatMap((r, i) => (r.value ? [] : [FIRST_ROW + i]));
  const earlier = missing.map((row) => {
    const cell = sheet.getRange(a1("D", row));
    cell.load("values");
    return cell;
  });
  if (missing.length) await context.sync();
  const earlierSource = new Map(missing.map((row, k) => [row, earlier[k].values?.[0]?.[0]]));

  rows.forEach((r, i) => {
    const row = FIRST_ROW + i;
    const source = sheet.getRange(a1("D", row));
    if (!r.value) {
      // Never fetched: the value cell is left alone (empty in a new sheet).
      if (createdSheet) sheet.getRange(a1("B", row)).values = [[""]];
      const before = earlierSource.get(row);
      const kept = typeof before === "string" && before !== "" && !before.startsWith("not available");
      source.values = [
        [
          kept
            ? sourceText({ ...r, value: { ...PLACEHOLDER, source: before }, stale: true }, snapshot)
            : sourceText(r, snapshot),
        ],
      ];
      report.notAvailable++;
      return;
    }
    // Fresh or stale, the row holds the snapshot's value, its source and its as-of: for a stale row
    // the last good ones (what live cells and the pane show), the source cell marked with why.
    writeValue(sheet, row, r);
    source.values = [[sourceText(r, snapshot)]];
    if (r.stale) report.keptStale++;
    else report.written++;
  });
  if (createdSheet) sheet.getRange(`A1:E${lastRow}`).format.autofitColumns();

  // Names: add the missing ones; never move a name the user points elsewhere.
  const names = rows.map((r) => {
    const item = workbook.names.getItemOrNullObject(r.name);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject and formula are scalars
    item.load("isNullObject, formula");
    return item;
  });
  await context.sync();
  rows.forEach((r, i) => {
    const target = `=${MARKET_SHEET}!$B$${FIRST_ROW + i}`;
    if (names[i].isNullObject) {
      workbook.names.add(
        r.name,
        sheet.getRange(a1("B", FIRST_ROW + i)),
        `${r.label} (${r.unit}), from the MINER add-in`,
      );
    } else if (names[i].formula.replace(/'/g, "") !== target) {
      report.nameConflicts.push(r.name);
    }
  });
  await context.sync();
  return report;
}

function writeValue(sheet: Excel.Worksheet, row: number, r: MarketRow): void {
  if (!r.value) return;
  const value = sheet.getRange(a1("B", row));
  value.values = [[r.value.value]];
  value.numberFormat = [[r.kind === "date" ? "yyyy-mm-dd hh:mm" : "General"]];
  const asOf = sheet.getRange(a1("E", row));
  asOf.values = [[excelSerial(r.value.asOf)]];
  asOf.numberFormat = [["yyyy-mm-dd hh:mm:ss"]];
}
