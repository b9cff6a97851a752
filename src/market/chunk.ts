/**
 * What the market chunk carries (lazy.ts): the runtime's one MarketService and HistoryStore, and
 * the history requests and their checks. Everything the live cells, MINER.HISTORY and the pane ask
 * the providers through.
 */
export { browserHttpDeps, historyStore, marketService } from "./runtime";
export { fieldHistory, historyRequest } from "./history-field";
export { fetchHistory, HISTORY_INTERVALS } from "./history";
