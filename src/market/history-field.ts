/**
 * One field of mempool's history over a period, as MINER.HISTORY spills it: a header row, then
 * (date, value) rows, the date an Excel serial of a UTC day (1900 date system: 25569 = 1970-01-01).
 * The data are the History tab's: the same endpoints through the same store (history-store.ts,
 * so a request is shared and kept), the same checks as series (history-series.ts) and the same
 * definitions of each day's value (history.ts), all at 00:00 UTC of the date:
 *   price       the last USD price at or before 00:00 UTC and less than a day older
 *   difficulty  the difficulty in force at 00:00 UTC: the latest adjustment at or before it
 *   hashrate    mempool's daily mean network hashrate for the date, EH/s
 *   hashprice   HASHPRICE(price, difficulty, SUBSIDY(h), R − SUBSIDY(h)), USD/PH/day: the date's
 *               price and difficulty as above; R the mean reward per block (subsidy + fees as
 *               mined) of the date's blocks, h their mean height (history.ts `dayHashprice`)
 * Every date asked for must have its value: a value missing anywhere, a failed request or a
 * series refused gives no table, only the reason (never a partial series).
 */
import { InvalidArgumentError } from "../calc/errors";
import { HistoryInterval, historyPaths } from "./history-endpoints";
import {
  bucketsByDay,
  dateText,
  dayHashprice,
  dayReward,
  difficultyAt,
  difficultyGrowth,
  EPOCH_SERIAL,
  priceAt,
  priceVolatility,
} from "./history";
import { derivedProblem, seriesProblem } from "./history-series";
import { HistoryData, HistoryKind, HistoryStore, providerName } from "./history-store";

const DAY_S = 86_400;
const DAY_MS = DAY_S * 1000;

import { HISTORY_FIELDS, HistoryField, Spacing } from "./history-names";

export { HISTORY_FIELDS, SPACINGS } from "./history-names";
export type { HistoryField, Spacing } from "./history-names";

/**
 * The fewest days each mempool interval covers back from today (3 months from 1 February to
 * 1 May are 89 days, 6 months 181, 1 to 3 years 365, 730 and 1,095).
 */
export const COVERED_DAYS: Record<HistoryInterval, number> = { "3m": 89, "6m": 181, "1y": 365, "2y": 730, "3y": 1095 };
/**
 * Days of the interval kept before the period, so that the difficulty in force on its first day
 * (set by the last adjustment before it) is in the response: an adjustment comes every 2,016
 * blocks, 14 days at the target rate and up to about 19 in the slowest epochs since 2021.
 */
export const LEAD_DAYS = 20;
/** The earliest start: 1,075 days before today (mempool's longest interval, 3 years, less the lead). */
export const MAX_DAYS_BACK = COVERED_DAYS["3y"] - LEAD_DAYS;
/** An end date may be tomorrow (UTC): in a time zone ahead of UTC the computer's date already is. */
export const END_SLACK_DAYS = 1;

/** A request, its dates checked: whole Excel serials of UTC days. */
export interface HistoryRequest {
  field: HistoryField;
  start: number;
  /** Undefined: through the latest date the provider has, up to today. */
  end?: number;
  spacing: Spacing;
  /** The mempool interval that covers the period with its lead. */
  interval: HistoryInterval;
}

/** Today's UTC date as an Excel serial. */
export function todaySerial(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS) + EPOCH_SERIAL;
}

/** Excel's serials of 1 March 1900 (before it, Excel counts a 29 February 1900 that never was) and of 9999-12-31. */
const DATE_SERIALS = { min: 61, max: 2_958_465 };

/** "2025-11-27 (45988)", or the bare number when it is no date Excel shows. */
const shown = (serial: number) =>
  serial >= DATE_SERIALS.min && serial <= DATE_SERIALS.max ? `${dateText(serial)} (${serial})` : String(serial);

/**
 * Checks the period against today (`nowMs`) and chooses the interval to ask for. The dates are
 * Excel serials whose whole part is read as a UTC day. Throws InvalidArgumentError naming the
 * argument: a start after today or more than MAX_DAYS_BACK days before it, an end after tomorrow
 * or before the start.
 */
export function historyRequest(
  field: HistoryField,
  startDate: number,
  endDate: number | undefined,
  spacing: Spacing,
  nowMs: number,
): HistoryRequest {
  const today = todaySerial(nowMs);
  const start = Math.floor(startDate);
  const earliest = today - MAX_DAYS_BACK;
  if (start > today) throw new InvalidArgumentError("start_date", `on or before today, ${shown(today)}`, shown(start));
  if (start < earliest)
    throw new InvalidArgumentError(
      "start_date",
      `on or after ${shown(earliest)}, ${MAX_DAYS_BACK.toLocaleString("en-US")} days before today: mempool's longest history is 3 years, and the difficulty on the first day may come from an adjustment up to ${LEAD_DAYS} days earlier`,
      shown(start),
    );
  let end: number | undefined;
  if (endDate !== undefined) {
    end = Math.floor(endDate);
    if (end > today + END_SLACK_DAYS)
      throw new InvalidArgumentError(
        "end_date",
        `on or before today, ${shown(today)} (or tomorrow, for a time zone ahead of UTC)`,
        shown(end),
      );
    if (end < start) throw new InvalidArgumentError("end_date", `on or after start_date, ${shown(start)}`, shown(end));
    end = Math.min(end, today);
  }
  const back = today - start + LEAD_DAYS;
  const interval = (Object.keys(COVERED_DAYS) as HistoryInterval[]).find((i) => COVERED_DAYS[i] >= back) ?? "3y";
  return { field, start, end, spacing, interval };
}

/** The serial of EDATE(serial, −k): the same day k months earlier, or that month's last day. */
function monthsBefore(serial: number, k: number): number {
  const d = new Date((serial - EPOCH_SERIAL) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - k;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / DAY_MS + EPOCH_SERIAL;
}

/**
 * The rows' dates, oldest first: every day from start to end (daily); or the end and every 7th
 * day before it (weekly), or the end and the same day of each earlier month, as EDATE(end, −k)
 * (monthly), back to the start.
 */
export function rowDates(start: number, end: number, spacing: Spacing): number[] {
  const dates: number[] = [];
  for (let k = 0; ; k++) {
    const d = spacing === "daily" ? end - k : spacing === "weekly" ? end - 7 * k : monthsBefore(end, k);
    if (d < start) break;
    dates.push(d);
  }
  return dates.reverse();
}

const dayOf = (timeS: number) => Math.floor(timeS / DAY_S) + EPOCH_SERIAL;
const lastDayOf = (xs: readonly { time: number }[]) => (xs.length ? dayOf(xs[xs.length - 1].time) : -Infinity);

/** The latest date the field has a value for, up to today: the end of an omitted end_date. */
function latestDate(field: HistoryField, d: Partial<HistoryData>, today: number): number {
  const prices = lastDayOf(d.prices ?? []);
  if (field === "price") return Math.min(prices, today);
  if (field === "hashrate") return Math.min(lastDayOf(d.hashrates ?? []), today);
  if (field === "hashprice") return Math.min(prices, lastDayOf(d.rewards ?? []), today);
  return today; // the difficulty in force today
}

type Value = { value: number } | { missing: string };

/** Each date's value from the responses (the module's definitions), or why there is none. */
function valuesOn(field: HistoryField, dates: number[], d: Partial<HistoryData>, source: Record<HistoryKind, string>) {
  const byDay = field === "hashprice" ? bucketsByDay(d.rewards ?? []) : undefined;
  const hashrates = new Map((d.hashrates ?? []).map((h) => [dayOf(h.time), h.hashrateEhs]));
  const price = (date: number, t: number): Value => {
    const usd = priceAt(d.prices ?? [], t);
    return usd === null
      ? { missing: `${source.prices} has no price within a day before 00:00 UTC on ${dateText(date)}` }
      : { value: usd };
  };
  const difficulty = (date: number, t: number): Value => {
    const x = difficultyAt(d.adjustments ?? [], t);
    return x === null
      ? { missing: `${source.adjustments} has no difficulty adjustment at or before ${dateText(date)}` }
      : { value: x };
  };
  return dates.map((date): Value => {
    const t = (date - EPOCH_SERIAL) * DAY_S;
    if (field === "price") return price(date, t);
    if (field === "difficulty") return difficulty(date, t);
    if (field === "hashrate") {
      const ehs = hashrates.get(date);
      return ehs === undefined
        ? { missing: `${source.hashrates} has no daily hashrate for ${dateText(date)}` }
        : { value: ehs };
    }
    const p = price(date, t);
    const diff = difficulty(date, t);
    if ("missing" in p) return p;
    if ("missing" in diff) return diff;
    const buckets = byDay?.get(date - EPOCH_SERIAL);
    if (!buckets) return { missing: `${source.rewards} has no block-reward bucket on ${dateText(date)}` };
    const hp = dayHashprice(p.value, diff.value, dayReward(buckets));
    return hp === null
      ? { missing: `${source.rewards}: the mean reward on ${dateText(date)} is below the block subsidy` }
      : { value: hp };
  });
}

/**
 * Why the realised growth or volatility of the period's daily difficulty and prices is outside
 * its plausible band (the History tab's check), or undefined: over every day from start to end,
 * for the fields made from them.
 */
function periodProblem(field: HistoryField, start: number, end: number, d: Partial<HistoryData>): string | undefined {
  const needs: readonly HistoryKind[] = HISTORY_FIELDS[field].needs;
  if (!needs.includes("prices") && !needs.includes("adjustments")) return undefined;
  const days = rowDates(start, end, "daily").map((date) => {
    const t = (date - EPOCH_SERIAL) * DAY_S;
    return {
      date,
      difficulty: d.adjustments ? difficultyAt(d.adjustments, t) : null,
      btcPriceUsd: d.prices ? priceAt(d.prices, t) : null,
    };
  });
  const notes: string[] = [];
  return derivedProblem(difficultyGrowth(days, notes)?.value, priceVolatility(days, notes)?.value);
}

export type FieldHistory = { ok: true; table: (string | number)[][] } | { ok: false; reason: string };

/**
 * The field's table for the request, from the mempool instance at `base` through `store` (one
 * request per endpoint needed, shared and kept); or the reason there is none.
 */
export async function fieldHistory(store: HistoryStore, base: string, r: HistoryRequest): Promise<FieldHistory> {
  const needs: readonly HistoryKind[] = HISTORY_FIELDS[r.field].needs;
  const results = await Promise.allSettled(needs.map((kind) => store.load(base, kind, r.interval)));
  const failed = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
  if (failed.length > 0)
    return {
      ok: false,
      reason: failed.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join("; "),
    };
  const d: Partial<HistoryData> = {};
  needs.forEach((kind, k) => {
    (d as Record<HistoryKind, unknown>)[kind] = (results[k] as PromiseFulfilledResult<{ data: unknown }>).value.data;
  });
  const provider = providerName(base);
  const nowMs = store.now;
  const series = seriesProblem(
    {
      adjustments: d.adjustments ?? [],
      hashrates: d.hashrates ?? [],
      rewards: d.rewards ?? [],
      prices: d.prices ?? [],
    },
    r.interval,
    nowMs,
  );
  if (series) return { ok: false, reason: `${provider}: ${series}: refused` };

  const paths = historyPaths(r.interval);
  const source = Object.fromEntries(
    Object.entries(paths).map(([kind, path]) => [kind, `${provider} ${path}`]),
  ) as Record<HistoryKind, string>;
  const end = r.end ?? latestDate(r.field, d, todaySerial(nowMs));
  if (end < r.start) {
    const last = Number.isFinite(end) ? `ends on ${dateText(end)}` : "has nothing in the last 3 years";
    return {
      ok: false,
      reason: `the history (${needs.map((k) => source[k]).join(", ")}) ${last}, before start_date ${dateText(r.start)}`,
    };
  }
  const dates = rowDates(r.start, end, r.spacing);
  const values = valuesOn(r.field, dates, d, source);
  const missing = values.find((v): v is { missing: string } => "missing" in v);
  if (missing) return { ok: false, reason: missing.missing };
  const derived = periodProblem(r.field, r.start, end, d);
  if (derived)
    return { ok: false, reason: `${provider}: ${derived} from ${dateText(r.start)} to ${dateText(end)}: refused` };
  return {
    ok: true,
    table: [
      ["Date (UTC)", HISTORY_FIELDS[r.field].heading],
      ...dates.map((date, k) => [date, (values[k] as { value: number }).value]),
    ],
  };
}
