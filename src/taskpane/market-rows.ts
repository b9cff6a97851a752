/**
 * The rows of the MINER_Market sheet, from a snapshot: one per field, then the BTC price in each
 * other currency, always in the same order so that a refresh lands on the same cells.
 */
import { CURRENCIES, Currency, FieldId, FIELDS, MarketSnapshot, priceName, Sourced } from "../market/fields";

export const MARKET_SHEET = "MINER_Market";
export const HEADER = ["Field", "Value", "Unit", "Source", "As of (UTC)"];

export interface MarketRow {
  /** The field, or "price" for the BTC price in another currency (the unit names it). */
  field: FieldId | "price";
  label: string;
  unit: string;
  /** Workbook name of the value cell. */
  name: string;
  kind: "number" | "date";
  /** Absent when never fetched: the cell is then left as it is. */
  value?: Sourced;
  stale: boolean;
}

export function marketRows(s: MarketSnapshot | undefined): MarketRow[] {
  const rows: MarketRow[] = FIELDS.map((f) => ({
    field: f.id,
    label: f.label,
    unit: f.unit,
    name: f.name,
    kind: f.kind,
    value: s?.fields[f.id],
    stale: !!s?.stale.includes(f.id),
  }));
  for (const c of CURRENCIES.filter((x) => x !== "USD") as Currency[]) {
    rows.push({
      field: "price",
      label: `BTC price (${c})`,
      unit: c,
      name: priceName(c),
      kind: "number",
      value: s?.prices[c],
      stale: !!s?.stale.includes(`btc_price_${c.toLowerCase()}`),
    });
  }
  return rows;
}

/** Excel's date serial (days since 1899-12-30) of a time in ms since the epoch (UTC). */
export function excelSerial(ms: number): number {
  return ms / 86_400_000 + 25_569;
}

/** ISO-like UTC text of a time, for the pane and for stale marks. */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
