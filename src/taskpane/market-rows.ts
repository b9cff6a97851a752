/**
 * The rows of the MINER_Market sheet, from a snapshot: one per field, then the BTC price in each
 * other currency, always in the same order so that a refresh lands on the same cells.
 */
import { CURRENCIES, Currency, FieldId, FIELDS, MarketSnapshot, priceName, Sourced } from "../market/fields";
import { clip } from "../market/clip";

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

/**
 * The groups whose problem lines say why a row is stale (the service starts each line with its
 * group's name): a field's own group, and for a derived field the groups of what it is made from.
 */
const REASON_GROUPS: Record<FieldId | "price", string[]> = {
  btc_price_usd: ["BTC price"],
  price: ["BTC price"],
  difficulty: ["difficulty and hashrate"],
  network_hashrate_ehs: ["difficulty and hashrate"],
  block_height: ["block height"],
  fees_btc_per_block: ["fees per block"],
  hashprice_usd_per_ph_day: ["BTC price", "difficulty and hashrate", "block height", "fees per block"],
  next_retarget_height: ["next difficulty adjustment", "block height"],
  next_retarget_blocks: ["next difficulty adjustment", "block height"],
  next_retarget_change: ["next difficulty adjustment"],
  next_retarget_date: ["next difficulty adjustment", "block height"],
  next_halving_height: ["block height"],
  next_halving_blocks: ["block height"],
  next_halving_date: ["block height"],
};

/** A stale mark's reason is cut to this length: the banner has the whole of it. */
export const MAX_REASON = 300;

/** Why a stale row could not be refreshed, from the snapshot's problem lines (cut to MAX_REASON). */
export function staleReason(row: MarketRow, snapshot: MarketSnapshot): string {
  const groups = REASON_GROUPS[row.field];
  const own = row.field === "price" ? `BTC price in ${row.unit} ` : undefined;
  const lines = snapshot.problems.filter(
    (p) => groups.some((g) => p.startsWith(`${g}:`)) || (own !== undefined && p.startsWith(own)),
  );
  return clip(lines.length ? lines.join("; ") : "no provider answered", MAX_REASON);
}

/** The mark a stale row's source cell gets after its source: the same whichever refresh wrote it. */
export const STALE_MARK = " — STALE: refresh failed ";

/** A source cell's text without an earlier stale mark (a workbook saved while stale, then refreshed). */
export function unmarked(source: string): string {
  const at = source.indexOf(STALE_MARK);
  return at < 0 ? source : source.slice(0, at);
}

/**
 * What a row's source cell says: its source, and when it is stale, since when (the refresh that
 * failed) and why. A stale row's value and as-of are its last good ones, written as they were.
 */
export function sourceText(row: MarketRow, snapshot: MarketSnapshot): string {
  if (!row.value) return `not available (${utcText(snapshot.refreshedAt)})`;
  if (!row.stale) return row.value.source;
  return `${unmarked(row.value.source)}${STALE_MARK}${utcText(snapshot.refreshedAt)}: ${staleReason(row, snapshot)}`;
}
