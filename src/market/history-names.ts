/**
 * What MINER.HISTORY offers, as its arguments name it: the fields (with their column heading and
 * the endpoints each needs) and the spacings. Apart from history-field.ts so that a cell's
 * arguments are checked before the market chunk is loaded (src/market/lazy.ts).
 */
import type { HistoryKind } from "./history-store";

/** The fields MINER.HISTORY offers, with their column heading and the endpoints each needs. */
export const HISTORY_FIELDS = {
  price: { heading: "BTC price (USD)", needs: ["prices"] },
  difficulty: { heading: "Difficulty", needs: ["adjustments"] },
  // The difficulty adjustments too: each day's hashrate is checked against the difficulty in force (history-series.ts).
  hashrate: { heading: "Network hashrate (EH/s)", needs: ["hashrates", "adjustments"] },
  hashprice: { heading: "Hashprice (USD/PH/day)", needs: ["prices", "adjustments", "rewards"] },
} as const satisfies Record<string, { heading: string; needs: readonly HistoryKind[] }>;
export type HistoryField = keyof typeof HISTORY_FIELDS;

/** How far apart the rows are. */
export const SPACINGS = ["daily", "weekly", "monthly"] as const;
export type Spacing = (typeof SPACINGS)[number];
