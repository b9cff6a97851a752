/*
 * Live market values in cells. Each is a streaming function on the shared MarketService: it shows
 * the latest snapshot at once, asks for a refresh (shared with every other cell and the pane, so
 * 1,000 cells make one request per endpoint), updates whenever the add-in refreshes (its
 * auto-refresh, the ribbon's or the pane's Refresh, another cell), and stops listening when Excel
 * cancels it. With no data it is #N/A saying why, never #BUSY! forever. BTCPRICE may also ask for
 * a refresh on its own schedule (refresh_minutes).
 *
 * A value the add-in could not refresh is kept (marked stale in the pane and MINER_Market), and a
 * cell shows it for up to MAX_STALE_MS past its as-of: a model keeps calculating through a short
 * outage, with a value within ordinary market noise. Past that the cell is #N/A saying since when
 * and why, so an hours-old value is never shown as current. Before the pane has applied the
 * workbook's choice of source (the service is held), a cell is #N/A saying so, and asks once it is.
 */
import { InvalidArgumentError } from "../calc/errors";
import { CURRENCIES, Currency, FieldId, FIELDS, FieldInfo, MarketSnapshot, Sourced } from "../market/fields";
import { loadMarket } from "../market/lazy";
import type { MarketService } from "../market/service";
import { quoteArgument, toExcelError, withoutNegativeZero } from "./excel";
import { LiveId, SIGNATURES } from "./params";
import { read } from "./read";

type Stream = CustomFunctions.StreamingInvocation<number>;

function notAvailable(fn: string, why: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `${fn}: ${why}`);
}

/**
 * How long past its as-of a kept (stale) value is still shown: an hour. BTC's price moves about
 * 0.6% in an hour at 60% a year (σ × √(1 h / 1 year)), within the 2% two providers may differ by;
 * the longest back-off a provider can ask for is an hour too.
 */
export const MAX_STALE_MS = 60 * 60_000;

/** The problem line about `what`, if the snapshot has one. */
function problemAbout(snapshot: MarketSnapshot, what: string): string | undefined {
  return snapshot.problems.find((p) => p.toLowerCase().includes(what.toLowerCase().split(" ")[0]));
}

/** Why a value is missing, in words: offline, the providers' own errors, or not fetched yet. */
function whyMissing(snapshot: MarketSnapshot | undefined, what: string): string {
  if (typeof navigator !== "undefined" && navigator.onLine === false)
    return `${what} unavailable: this computer is offline`;
  if (!snapshot) return `${what} not fetched yet`;
  return `${what} unavailable: ${problemAbout(snapshot, what) ?? snapshot.problems[0] ?? "no provider returned it"}`;
}

const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** Why a kept value is too old to show (past MAX_STALE_MS), in words. */
function tooOld(snapshot: MarketSnapshot, what: string, kept: Sourced): string {
  const why =
    typeof navigator !== "undefined" && navigator.onLine === false
      ? "this computer is offline"
      : problemAbout(snapshot, what);
  return `${what} stale since ${utcMinute(kept.asOf)}: the last good value, ${kept.value.toLocaleString("en-US", { maximumFractionDigits: 2 })}, could not be refreshed for more than an hour${why ? `: ${why}` : ""}`;
}

/** A value the cell shows, and whether it is kept from an earlier refresh (stale). */
interface Picked {
  value: Sourced;
  stale: boolean;
}

/**
 * Streams `pick(snapshot)` into the cell until Excel cancels it, once the market code is loaded
 * (lazy.ts): a cell canceled before then asks nothing; a failed load is #N/A saying so.
 */
function stream(
  fn: string,
  what: string,
  pick: (s: MarketSnapshot) => Picked | undefined,
  invocation: Stream,
  everyMs?: number,
): void {
  let stop: (() => void) | undefined;
  let canceled = false;
  invocation.onCanceled = () => {
    canceled = true;
    stop?.();
  };
  loadMarket()
    .then((m) => {
      if (!canceled) stop = follow(m.marketService(), fn, what, pick, invocation, everyMs);
    })
    .catch((e: unknown) => {
      if (!canceled) invocation.setResult(notAvailable(fn, `${what} unavailable: ${loadFailure(e)}`));
    });
}

/**
 * Streams `pick(snapshot)` from the service into the cell; returns what stops it. With `everyMs`,
 * the cell also asks for a refresh whenever the latest finished one is that old: through the
 * service's cache and its per-provider back-off, like any other request, so cells on one schedule
 * share one refresh, and a refresh from anywhere else puts the cell's next request off.
 */
function follow(
  service: MarketService,
  fn: string,
  what: string,
  pick: (s: MarketSnapshot) => Picked | undefined,
  invocation: Stream,
  everyMs?: number,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the kept value shown becomes too old. */
  let expiry: ReturnType<typeof setTimeout> | undefined;
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
    clearTimeout(expiry);
    if (!s || !v) return invocation.setResult(notAvailable(fn, whyMissing(s, what)));
    if (v.stale) {
      const left = v.value.asOf + MAX_STALE_MS - Date.now();
      if (left <= 0) return invocation.setResult(notAvailable(fn, tooOld(s, what, v.value)));
      if (!canceled) expiry = setTimeout(() => publish(service.current()), left);
    }
    invocation.setResult(withoutNegativeZero(v.value.value));
  };
  const unsubscribe = service.subscribe(publish);
  const stop = () => {
    canceled = true;
    clearTimeout(timer);
    clearTimeout(expiry);
    unsubscribe();
  };
  const current = service.current();
  if (current) publish(current);
  // Held until the workbook's source is applied (or the user answers about it): said, not #BUSY!.
  else if (service.heldBecause)
    invocation.setResult(notAvailable(fn, `${what} not fetched yet: ${service.heldBecause}`));
  service.refresh().then(
    (s) => publish(s),
    (e) => {
      schedule(undefined);
      invocation.setResult(notAvailable(fn, `${what} unavailable: ${String(e)}`));
    },
  );
  return stop;
}

/** Why a cell could not follow the market: the chunk did not load, or (never expected) following threw. */
const loadFailure = (e: unknown) =>
  e instanceof Error && /chunk/i.test(e.name + e.message)
    ? "MINER's market code could not be loaded"
    : `MINER's market code failed: ${String(e)}`;

/** A value and whether the snapshot marks it stale (`staleId`: a field's id, or btc_price_eur …). */
function picked(value: Sourced | undefined, s: MarketSnapshot, staleId: string): Picked | undefined {
  return value && { value, stale: s.stale.includes(staleId) };
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
    const staleId = `btc_price_${code.toLowerCase()}`;
    const pick = (s: MarketSnapshot) => picked(s.prices[code as Currency], s, staleId);
    stream("BTCPRICE", `BTC price in ${code}`, pick, invocation, everyMs);
  } catch (e) {
    invocation.setResult(toExcelError("BTCPRICE", e));
  }
}

/** The field `id` of a snapshot, as a cell shows it. */
const field = (id: FieldId) => (s: MarketSnapshot) => picked(s.fields[id], s, id);

export function difficulty(...args: unknown[]): void {
  stream("DIFFICULTY", "difficulty", field("difficulty"), args[0] as Stream);
}

export function height(...args: unknown[]): void {
  stream("HEIGHT", "block height", field("block_height"), args[0] as Stream);
}

export function network(...args: unknown[]): void {
  const invocation = args[1] as Stream;
  try {
    const raw = read(SIGNATURES.NETWORK, args.slice(0, 1)).field;
    const info = findField(raw);
    if (!info) {
      throw new InvalidArgumentError("field", `one of ${FIELDS.map((f) => f.id).join(", ")}`, quoteArgument(raw));
    }
    stream("NETWORK", info.label, field(info.id), invocation);
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
