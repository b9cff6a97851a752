/** How the pane shows market values and their age. Pure functions, so they are tested in Node. */
import { FieldId } from "../market/fields";
import { utcText } from "./market-rows";

const group = (x: number, digits: number) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A field's value in its unit, as a person reads it. */
export function formatValue(id: FieldId | "price", value: number, currency = "USD"): string {
  switch (id) {
    case "price":
    case "btc_price_usd":
      return `${group(value, currency === "JPY" ? 0 : 2)} ${currency}`;
    case "difficulty":
      return `${group(value / 1e12, 2)} T`;
    case "network_hashrate_ehs":
      return `${group(value, 1)} EH/s`;
    case "fees_btc_per_block":
      return `${value.toFixed(4)} BTC`;
    case "hashprice_usd_per_ph_day":
      return `$${group(value, 2)} /PH/day`;
    case "next_retarget_change":
      return `${value >= 0 ? "+" : ""}${(value * 100).toFixed(2)}%`;
    case "next_retarget_date":
    case "next_halving_date":
      return utcDate(value);
    default:
      return group(value, 0);
  }
}

/** An Excel date serial as "YYYY-MM-DD HH:MM UTC". */
export function utcDate(serial: number): string {
  return utcText(Math.round((serial - 25_569) * 86_400_000));
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function age(asOf: number, now: number): string {
  const s = Math.max(0, Math.round((now - asOf) / 1000));
  if (s < 5) return "just now";
  if (s < 90) return `${s} s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
