/**
 * The market fields the add-in reads, with their units and the workbook names they get. The
 * order here is the order of the rows in the MINER_Market table: it must only ever be appended
 * to, since workbooks refer to the names (not the rows), and the names never change.
 */

export type FieldId =
  | "btc_price_usd"
  | "difficulty"
  | "block_height"
  | "network_hashrate_ehs"
  | "fees_btc_per_block"
  | "hashprice_usd_per_ph_day"
  | "next_retarget_height"
  | "next_retarget_blocks"
  | "next_retarget_change"
  | "next_retarget_date"
  | "next_halving_height"
  | "next_halving_blocks"
  | "next_halving_date";

export interface FieldInfo {
  id: FieldId;
  label: string;
  unit: string;
  /** Workbook name (defined name) of the value cell. */
  name: string;
  /** Dates are written as Excel date serials and shown as UTC date-times. */
  kind: "number" | "date";
}

export const FIELDS: readonly FieldInfo[] = [
  { id: "btc_price_usd", label: "BTC price", unit: "USD", name: "BTC_Price", kind: "number" },
  { id: "difficulty", label: "Difficulty", unit: "dimensionless", name: "BTC_Difficulty", kind: "number" },
  { id: "block_height", label: "Block height", unit: "blocks", name: "BTC_Height", kind: "number" },
  { id: "network_hashrate_ehs", label: "Network hashrate", unit: "EH/s", name: "BTC_Hashrate", kind: "number" },
  {
    id: "fees_btc_per_block",
    label: "Fees per block (last 144 blocks)",
    unit: "BTC/block",
    name: "BTC_FeesPerBlock",
    kind: "number",
  },
  { id: "hashprice_usd_per_ph_day", label: "Hashprice", unit: "USD/PH/day", name: "BTC_Hashprice", kind: "number" },
  {
    id: "next_retarget_height",
    label: "Next difficulty adjustment: height",
    unit: "block",
    name: "BTC_NextRetargetHeight",
    kind: "number",
  },
  {
    id: "next_retarget_blocks",
    label: "Next difficulty adjustment: blocks left",
    unit: "blocks",
    name: "BTC_NextRetargetBlocks",
    kind: "number",
  },
  {
    id: "next_retarget_change",
    label: "Next difficulty adjustment: estimated change",
    unit: "fraction",
    name: "BTC_NextRetargetChange",
    kind: "number",
  },
  {
    id: "next_retarget_date",
    label: "Next difficulty adjustment: estimated date",
    unit: "UTC date",
    name: "BTC_NextRetargetDate",
    kind: "date",
  },
  {
    id: "next_halving_height",
    label: "Next halving: height",
    unit: "block",
    name: "BTC_NextHalvingHeight",
    kind: "number",
  },
  {
    id: "next_halving_blocks",
    label: "Next halving: blocks left",
    unit: "blocks",
    name: "BTC_NextHalvingBlocks",
    kind: "number",
  },
  {
    id: "next_halving_date",
    label: "Next halving: estimated date",
    unit: "UTC date",
    name: "BTC_NextHalvingDate",
    kind: "date",
  },
];

/** Currencies whose BTC price is read (beside USD) when a source offers them. */
export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "CHF", "AUD", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Workbook name of a price in a currency: BTC_Price for USD, BTC_Price_EUR, ... */
export function priceName(currency: Currency): string {
  return currency === "USD" ? "BTC_Price" : `BTC_Price_${currency}`;
}

/** One value with where and when it came from. */
export interface Sourced {
  value: number;
  /** Provider and endpoint, e.g. "mempool.space /api/v1/prices", or "derived: ..." */
  source: string;
  /** When it was fetched (ms since epoch, UTC). */
  asOf: number;
}

/** What one refresh knows. A field missing here has never been fetched successfully. */
export interface MarketSnapshot {
  fields: Partial<Record<FieldId, Sourced>>;
  prices: Partial<Record<Currency, Sourced>>;
  /** Fields (and prices) kept from an earlier refresh because this one failed for them. */
  stale: string[];
  /** What went wrong, for the banner: one line per provider or field. */
  problems: string[];
  /** When this refresh finished (or, for a partial snapshot, when it was assembled). */
  refreshedAt: number;
  /**
   * Published while a refresh is still under way: some groups have answered, the others still
   * show their last good values (not yet marked stale). A missing value here may still come.
   */
  partial?: boolean;
}
