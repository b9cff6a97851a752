/*
 * MINER.HISTORY: one field of mempool's history over a period, spilled as a header row and
 * (date, value) rows (src/market/history-field.ts says how each value is made).
 *
 * An async function, not a streaming one: a day's history does not change, so Excel asks once and
 * keeps the answer until the cell is recalculated; a streaming function would stay open and be
 * re-run by every full recalculation for nothing. Every cell asking for the same endpoint and
 * interval shares one request, and a response is kept an hour (history-store.ts), so a sheet of
 * many HISTORY cells, or one recalculated often, asks once.
 */
import { InvalidArgumentError } from "../calc/errors";
import { FIELDS, FieldId } from "../market/fields";
import { HISTORY_FIELDS, HistoryField, SPACINGS, Spacing } from "../market/history-names";
import { loadMarket } from "../market/lazy";
import { quoteArgument, toExcelError } from "./excel";
import { SIGNATURES } from "./params";
import { read } from "./read";

/** The market fields (live.ts's names for them) that have a history. */
const MARKET_FIELD: Partial<Record<FieldId, HistoryField>> = {
  btc_price_usd: "price",
  difficulty: "difficulty",
  network_hashrate_ehs: "hashrate",
  hashprice_usd_per_ph_day: "hashprice",
};

/** "price", or a market field's id, workbook name or label (BTC_Hashprice), case-insensitively. */
function historyField(raw: string): HistoryField {
  const key = raw.trim().toLowerCase();
  if (key in HISTORY_FIELDS) return key as HistoryField;
  const info = FIELDS.find((f) => f.id === key || f.name.toLowerCase() === key || f.label.toLowerCase() === key);
  const field = info && MARKET_FIELD[info.id];
  if (!field)
    throw new InvalidArgumentError(
      "field",
      `one of ${Object.keys(HISTORY_FIELDS).join(", ")} (or a market name of one, e.g. BTC_Hashprice)`,
      quoteArgument(raw),
    );
  return field;
}

function spacing(raw: string): Spacing {
  const key = raw.trim().toLowerCase();
  if (!(SPACINGS as readonly string[]).includes(key))
    throw new InvalidArgumentError(
      "interval",
      `one of ${SPACINGS.map((s) => `"${s}"`).join(", ")}`,
      quoteArgument(raw),
    );
  return key as Spacing;
}

export async function history(...args: unknown[]): Promise<(string | number)[][]> {
  const params = SIGNATURES.HISTORY;
  let a;
  let field: HistoryField;
  let interval: Spacing;
  try {
    a = read(params, args.slice(0, params.length));
    field = historyField(a.field);
    interval = spacing(a.interval);
  } catch (e) {
    throw toExcelError("HISTORY", e, params);
  }
  const m = await loadMarket().catch(() => {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      "HISTORY: MINER's market code could not be loaded",
    );
  });
  const store = m.historyStore();
  let request;
  try {
    request = m.historyRequest(field, a.start_date, a.end_date, interval, store.now);
  } catch (e) {
    throw toExcelError("HISTORY", e, params);
  }
  // Not before the workbook's choice of mempool instance is applied (the pane holds the service until then).
  const service = m.marketService();
  await service.released();
  const result = await m.fieldHistory(store, service.mempoolBase, request);
  if (!result.ok) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `HISTORY: ${result.reason}`);
  return result.table;
}
