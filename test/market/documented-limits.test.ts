/**
 * docs/market-data.md's table of the live-data checks' numbers ("What you see when a source fails
 * or lies") says what the code does: each row's value is written here from the constant itself,
 * so a changed threshold fails until the page says the new one.
 */
import * as fs from "fs";
import * as path from "path";
import { CONFIRM_EVERY } from "../../src/market/agreement";
import { DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS } from "../../src/market/backoff";
import { MAX_JSON_DEPTH } from "../../src/market/check";
import { FEES_CEILING_BTC, FEES_MOVE_FACTOR, FEES_MOVE_FLOOR_BTC, FEES_WINDOW_MS } from "../../src/market/fees";
import { HEDGE_DELAY_MS } from "../../src/market/group-fetch";
import {
  BLOCKS_PER_DAY,
  DIFFICULTY_AGREEMENT,
  DIFFICULTY_MOVE,
  FX_JUMP,
  HASHRATE_BAND,
  HEIGHT_AGREEMENT,
  HEIGHT_CHECKPOINT,
  HEIGHT_CLOCK_MARGIN,
  HEIGHT_FIXED_SLACK,
  HEIGHT_RATE_SLACK,
  PRICE_AGREEMENT,
  PRICE_MOVE,
} from "../../src/market/guards";
import { MAX_MINING_BODY_BYTES, MAX_PRICE_BODY_BYTES } from "../../src/market/history-endpoints";
import { HISTORY_CACHE_MS } from "../../src/market/history-store";
import { DEFAULT_POLICY, MAX_BODY_BYTES, MAX_MESSAGE } from "../../src/market/http";
import { REFRESH_DEADLINE_MS } from "../../src/market/service";
import { MAX_STALE_MS } from "../../src/functions/live";
import { RIBBON_MIN_INTERVAL_MS } from "../../src/taskpane/commands";
import { clip } from "../../src/market/clip";

const page = fs.readFileSync(path.join(__dirname, "../../docs/market-data.md"), "utf8");

/** The value column of the row whose first column is `what`. */
function documented(what: string): string | undefined {
  const row = page.split("\n").find((line) => line.startsWith(`| ${what} |`));
  return row?.split("|")[2]?.trim();
}

const percent = (x: number) => `${+(x * 100).toFixed(4)}%`;
const hours = (ms: number) => (ms === 3_600_000 ? "1 hour" : `${ms / 3_600_000} hours`);
const MiB = (bytes: number) => `${bytes / 2 ** 20} MiB`;
const checkpoint = new Date(HEIGHT_CHECKPOINT.ms);
const clipLength = clip("x".repeat(1000)).length - 1; // without the ellipsis

test.each([
  ["a price moving more than this from the last confirmed one needs a second provider", percent(PRICE_MOVE)],
  ["two providers confirm a price within", percent(PRICE_AGREEMENT)],
  ["a difficulty moving more than this needs a second provider", percent(DIFFICULTY_MOVE)],
  ["two providers confirm a difficulty within", percent(DIFFICULTY_AGREEMENT)],
  ["two providers confirm a height within", `${HEIGHT_AGREEMENT} blocks`],
  [
    "a height may run ahead of the last confirmed one by",
    `${HEIGHT_RATE_SLACK}× the ${BLOCKS_PER_DAY} blocks a day, plus ${HEIGHT_FIXED_SLACK} blocks`,
  ],
  [
    `a height ahead of the clock (from block ${HEIGHT_CHECKPOINT.height.toLocaleString("en-US")} at ` +
      `${String(checkpoint.getUTCHours()).padStart(2, "0")}:${String(checkpoint.getUTCMinutes()).padStart(2, "0")} UTC ` +
      `on ${checkpoint.getUTCDate()} April ${checkpoint.getUTCFullYear()}) by more than`,
    `${percent(HEIGHT_CLOCK_MARGIN.fraction)} or ${HEIGHT_CLOCK_MARGIN.blocks} blocks`,
  ],
  ["a reading is confirmed by a second provider at least every", `${CONFIRM_EVERY} refreshes`],
  [
    "a network hashrate must lie within its difficulty's",
    `−${percent(1 - HASHRATE_BAND.low)} to +${percent(HASHRATE_BAND.high - 1)}`,
  ],
  ["fees per block at most", `${FEES_CEILING_BTC} BTC`],
  [
    `fees moving more than ×${FEES_MOVE_FACTOR} (and ${FEES_MOVE_FLOOR_BTC} BTC) within`,
    hours(FEES_WINDOW_MS),
  ],
  ["a non-USD price jumping more than this from its last good rate", percent(FX_JUMP)],
  ["the next provider is asked as well after", `${HEDGE_DELAY_MS / 1000} s (twice that for the third)`],
  ["a request's time limit; retries", `${DEFAULT_POLICY.timeoutMs / 1000} s; ${DEFAULT_POLICY.retries}`],
  ["a whole refresh's time limit", `${REFRESH_DEADLINE_MS / 1000} s`],
  [
    "a 429 or 503 without a readable `Retry-After` puts the provider off for",
    `${DEFAULT_BACKOFF_MS / 60_000} minutes, doubling, at most ${hours(MAX_BACKOFF_MS)}`,
  ],
  [
    "a response body at most (history: prices, mining)",
    `${MiB(MAX_BODY_BYTES)} (${MiB(MAX_PRICE_BODY_BYTES)}, ${MiB(MAX_MINING_BODY_BYTES)})`,
  ],
  ["JSON nesting at most", `${MAX_JSON_DEPTH} levels`],
  ["provider text in a message at most", `${clipLength} characters (${MAX_MESSAGE} in the banner's reason)`],
  ["a live cell shows a kept (stale) value for at most", `${hours(MAX_STALE_MS)} past its as-of`],
  ["the ribbon's Refresh at most once every", `${RIBBON_MIN_INTERVAL_MS / 1000} s`],
  ["a history response is kept for", hours(HISTORY_CACHE_MS)],
])("market-data.md states %s: %s", (what, value) => {
  expect(documented(what)).toBe(value);
});
