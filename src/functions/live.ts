/*
 * Live market values in cells. Each is a streaming function on the shared MarketService: it shows
 * the latest snapshot at once, asks for a refresh (shared with every other cell and the pane, so
 * 1,000 cells make one request per endpoint), updates whenever the add-in refreshes (its
 * auto-refresh, the ribbon's or the pane's Refresh, another cell), and stops listening when Excel
 * cancels it. With no data it is #N/A saying why, never #BUSY! forever. BTCPRICE may also ask for
 * a refresh on its own schedule (refresh_minutes).
 */
import { InvalidArgumentError } from "../calc/errors";
import { CURRENCIES, Currency, FIELDS, FieldInfo, MarketSnapshot } from "../market/fields";
import { marketService } from "../market/runtime";
import { quoteArgument, toExcelError, withoutNegativeZero } from "./excel";
import { LiveId, SIGNATURES } from "./params";
import { read } from "./read";

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

/**
 * Streams `pick(snapshot)` into the cell until Excel cancels it. With `everyMs`, the cell also
 * asks for a refresh whenever the latest finished one is that old: through the service's cache and
 * its per-provider back-off, like any other request, so cells on one schedule share one refresh,
 * and a refresh from anywhere else puts the cell's next request off.
 */
function stream(
  fn: string,
  what: string,
  pick: (s: MarketSnapshot) => number | undefined,
  invocation: Stream,
  everyMs?: number,
): void {
  const service = marketService();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let canceled = false;
  const schedule = (s: MarketSnapshot | undefined) => {
    if (everyMs === undefined || canceled || s?.partial) return;
    clearTimeout(timer);
    const wait = s ? Math.max(0, s.refreshedAt + everyMs - Date.now()) : everyMs;
    timer = setTimeout(() => service.refresh().then(schedule, () => schedule(undefined)), wait);
  };
  const publish = (s: MarketSnapshot | undefined) => {
    schedule(s);
    const v = s ? pick(s) : undefined;
    if (v === undefined && s?.partial) return; // a refresh under way: its source may still answer
    invocation.setResult(v === undefined ? notAvailable(fn, whyMissing(s, what)) : withoutNegativeZero(v));
  };
  const unsubscribe = service.subscribe(publish);
  invocation.onCanceled = () => {
    canceled = true;
    clearTimeout(timer);
    unsubscribe();
  };
  const current = service.current();
  if (current) publish(current);
  service.refresh().then(
    (s) => publish(s),
    (e) => {
      schedule(undefined);
      invocation.setResult(notAvailable(fn, `${what} unavailable: ${String(e)}`));
    },
  );
}

/** A field by its id (difficulty), workbook name (BTC_Difficulty) or label, case-insensitively. */
function findField(name: string): FieldInfo | undefined {
  const key = name.trim().toLowerCase();
  return FIELDS.find((f) => f.id === key || f.name.toLowerCase() === key || f.label.toLowerCase() === key);
}

/** Milliseconds in a minute: refresh_minutes' unit. */
const MINUTE_MS = 60_000;

export function btcPrice(...args: unknown[]): void {
  // The invocation comes last, after the arguments (Excel passes an omitted one as null).
  const params = SIGNATURES.BTCPRICE;
  const invocation = args[args.length - 1] as Stream;
  try {
    const given = args.slice(0, Math.min(args.length - 1, params.length));
    const { currency: raw, refresh_minutes: minutes } = read(params, given);
    const code = raw.trim().toUpperCase();
    if (!(CURRENCIES as readonly string[]).includes(code)) {
      throw new InvalidArgumentError("currency", `one of ${CURRENCIES.join(", ")}`, quoteArgument(raw));
    }
    const everyMs = minutes === undefined ? undefined : minutes * MINUTE_MS;
    stream("BTCPRICE", `BTC price in ${code}`, (s) => s.prices[code as Currency]?.value, invocation, everyMs);
  } catch (e) {
    invocation.setResult(toExcelError("BTCPRICE", e));
  }
}

export function difficulty(...args: unknown[]): void {
  stream("DIFFICULTY", "difficulty", (s) => s.fields.difficulty?.value, args[0] as Stream);
}

export function height(...args: unknown[]): void {
  stream("HEIGHT", "block height", (s) => s.fields.block_height?.value, args[0] as Stream);
}

export function network(...args: unknown[]): void {
  const invocation = args[1] as Stream;
  try {
    const raw = read(SIGNATURES.NETWORK, args.slice(0, 1)).field;
    const info = findField(raw);
    if (!info) {
      throw new InvalidArgumentError("field", `one of ${FIELDS.map((f) => f.id).join(", ")}`, quoteArgument(raw));
    }
    stream("NETWORK", info.label, (s) => s.fields[info.id]?.value, invocation);
  } catch (e) {
    invocation.setResult(toExcelError("NETWORK", e));
  }
}

/** The live functions by id: each takes its arguments, then Excel's streaming invocation. */
export const LIVE: Record<LiveId, (...args: unknown[]) => void> = {
  BTCPRICE: btcPrice,
  DIFFICULTY: difficulty,
  HEIGHT: height,
  NETWORK: network,
};
