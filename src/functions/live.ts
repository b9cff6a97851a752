/*
 * Live market values in cells. Each is a streaming function on the shared MarketService: it shows
 * the latest snapshot at once, asks for a refresh (shared with every other cell and the pane, so
 * 1,000 cells make one request per endpoint), updates whenever the pane refreshes, and stops
 * listening when Excel cancels it. With no data it is #N/A saying why, never #BUSY! forever.
 */
import { InvalidArgumentError } from "../calc/errors";
import { CURRENCIES, Currency, FIELDS, FieldInfo, MarketSnapshot } from "../market/fields";
import { marketService } from "../market/runtime";
import { quoteArgument, toExcelError } from "./excel";

type Stream = CustomFunctions.StreamingInvocation<number>;

function notAvailable(fn: string, why: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `${fn}: ${why}`);
}

/** Why a value is missing, in words: offline, the providers' own errors, or not fetched yet. */
function whyMissing(snapshot: MarketSnapshot | undefined, what: string): string {
  if (typeof navigator !== "undefined" && navigator.onLine === false)
    return `${what} unavailable: this computer is offline`;
  if (!snapshot) return `${what} not fetched yet`;
  const related = snapshot.problems.find((p) => p.toLowerCase().includes(what.toLowerCase().split(" ")[0]));
  return `${what} unavailable: ${related ?? snapshot.problems[0] ?? "no provider returned it"}`;
}

/** Streams `pick(snapshot)` into the cell until Excel cancels it. */
function stream(fn: string, what: string, pick: (s: MarketSnapshot) => number | undefined, invocation: Stream): void {
  const service = marketService();
  const publish = (s: MarketSnapshot | undefined) => {
    const v = s ? pick(s) : undefined;
    if (v === undefined && s?.partial) return; // a refresh under way: its source may still answer
    invocation.setResult(v === undefined ? notAvailable(fn, whyMissing(s, what)) : v);
  };
  const unsubscribe = service.subscribe(publish);
  invocation.onCanceled = () => unsubscribe();
  const current = service.current();
  if (current) publish(current);
  service.refresh().then(
    (s) => publish(s),
    (e) => invocation.setResult(notAvailable(fn, `${what} unavailable: ${String(e)}`)),
  );
}

/** A field by its id (difficulty), workbook name (BTC_Difficulty) or label, case-insensitively. */
function findField(name: string): FieldInfo | undefined {
  const key = name.trim().toLowerCase();
  return FIELDS.find((f) => f.id === key || f.name.toLowerCase() === key || f.label.toLowerCase() === key);
}

/**
 * Live BTC price from the market data the task pane refreshes (mempool.space first, then Coinbase, Kraken, CoinGecko, blockchain.info). #N/A with the reason when there is none. Example: =MINER.PRICE("EUR") returns the live price, e.g. 78931 (live).
 * @customfunction PRICE
 * @param [currency] Currency code: USD, EUR, GBP, CAD, CHF, AUD or JPY. Default USD.
 * @param invocation Streaming invocation.
 * @returns BTC price in the currency, updating live.
 * @helpurl https://localhost:3000/help/PRICE.html
 */
export function price(currency: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  try {
    const raw = Array.isArray(currency) ? currency[0]?.[0] : currency;
    const code = (raw === null || raw === undefined || raw === "" ? "USD" : String(raw)).trim().toUpperCase();
    if (!(CURRENCIES as readonly string[]).includes(code)) {
      throw new InvalidArgumentError("currency", `one of ${CURRENCIES.join(", ")}`, quoteArgument(String(raw)));
    }
    stream("PRICE", `BTC price in ${code}`, (s) => s.prices[code as Currency]?.value, invocation);
  } catch (e) {
    invocation.setResult(toExcelError("PRICE", e));
  }
}

/**
 * Live network difficulty (dimensionless) from the market data. #N/A with the reason when there is none. Example: =MINER.DIFFICULTY() returns the live difficulty, e.g. 1.62E14 (live).
 * @customfunction DIFFICULTY
 * @param invocation Streaming invocation.
 * @returns Network difficulty, updating live.
 * @helpurl https://localhost:3000/help/DIFFICULTY.html
 */
export function difficulty(invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream("DIFFICULTY", "difficulty", (s) => s.fields.difficulty?.value, invocation);
}

/**
 * Live block height (blocks) from the market data. #N/A with the reason when there is none. Example: =MINER.HEIGHT() returns the live height, e.g. 975312 (live).
 * @customfunction HEIGHT
 * @param invocation Streaming invocation.
 * @returns Current block height, updating live.
 * @helpurl https://localhost:3000/help/HEIGHT.html
 */
export function height(invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream("HEIGHT", "block height", (s) => s.fields.block_height?.value, invocation);
}

/**
 * Any live market field by name: difficulty, block_height, network_hashrate_ehs (EH/s), fees_btc_per_block (BTC), hashprice_usd_per_ph_day (USD/PH/day), next_retarget_height, next_retarget_blocks, next_retarget_change (fraction), next_retarget_date, next_halving_height, next_halving_blocks, next_halving_date (dates as Excel serials, UTC), btc_price_usd; or its workbook name (BTC_Hashprice). Example: =MINER.NETWORK("hashprice_usd_per_ph_day") returns the live hashprice, e.g. 35.69 (live).
 * @customfunction NETWORK
 * @param field Field name, as text (e.g. "hashprice_usd_per_ph_day" or "BTC_Hashprice").
 * @param invocation Streaming invocation.
 * @returns The field's value in its unit, updating live.
 * @helpurl https://localhost:3000/help/NETWORK.html
 */
export function network(field: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  try {
    const raw = Array.isArray(field) ? field[0]?.[0] : field;
    const info = typeof raw === "string" ? findField(raw) : undefined;
    if (!info) {
      throw new InvalidArgumentError(
        "field",
        `one of ${FIELDS.map((f) => f.id).join(", ")}`,
        raw === null || raw === undefined ? "null" : quoteArgument(raw),
      );
    }
    stream("NETWORK", info.label, (s) => s.fields[info.id]?.value, invocation);
  } catch (e) {
    invocation.setResult(toExcelError("NETWORK", e));
  }
}
