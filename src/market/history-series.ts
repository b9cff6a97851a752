/**
 * History checked as series, not only value by value (history-endpoints.ts does that): each
 * series increases in time, has no point in the future and none before the requested period
 * (beyond stated slacks), and no implausible step between neighbours; each day's hashrate fits
 * the difficulty in force that day, and each reward per block its subsidy; and the growth and
 * volatility derived from it lie in plausible bands. A history that fails any check is refused
 * whole, so nothing of it is written and the workbook's last good history (and the Assumptions
 * that link to it) stay as they were. Plain float arithmetic: these are plausibility bands.
 *
 * Why these numbers: docs/live-data-checks.md.
 */
import { HistoryInterval } from "./history-endpoints";
import type { DifficultyAdjustment, HashrateDay, PricePoint, RewardBucket } from "./history-endpoints";
import { hashrateMismatch } from "./guards";
import { FEES_CEILING_BTC } from "./fees";
import { subsidyBtc } from "../calc/protocol";

const DAY_S = 86_400;

/**
 * A point may be at most 2 hours after the pane's clock: a block's timestamp may run up to two
 * hours ahead of the network's time (a consensus rule), and nothing in a history is later than
 * its newest block.
 */
export const FUTURE_SLACK_S = 2 * 3600;
/** The longest calendar span of each interval mempool serves, days (3 months ≤ 92 days, 1 year ≤ 366, ...). */
export const PERIOD_DAYS: Record<HistoryInterval, number> = { "3m": 92, "6m": 184, "1y": 366, "2y": 731, "3y": 1096 };
/** A point may start up to 2 days before the period (a bucket's or day's start, clocks). */
export const PERIOD_SLACK_DAYS = 2;
/**
 * Neighbouring prices may differ by at most a factor of 2 a day (for neighbours a day apart or
 * less; 2^days for longer gaps). BTC's steepest day in a decade, 12 March 2020, was −39% (a
 * factor of 1.64) in 24 hours.
 */
export const PRICE_FACTOR_PER_DAY = 2;
/** The protocol clamps one retarget (every 2,016 blocks) to a factor of 4 either way. */
export const RETARGET_FACTOR = 4;
export const RETARGET_BLOCKS = 2016;
/**
 * A reward bucket's blocks lie within a day of its mean height (mempool's widest bucket is a day;
 * at twice the target rate, 288 blocks): the subsidies it can hold are those of its mean height
 * ± 288 blocks, so a bucket that spans a halving is not refused for it.
 */
export const BUCKET_SPAN_BLOCKS = 288;

/**
 * Plausible realised monthly difficulty growth: −50% to +50% a month. The steepest fall on
 * record, the 2021 China ban, took 45% off in two months (−24% a month); 2022–2025 grew ~+2.5%
 * to +4.3% a month.
 */
export const GROWTH_BAND = { min: -0.5, max: 0.5 };
/**
 * Plausible realised annual price volatility: 5% to 300% a year. A frozen feed gives 0; BTC's has
 * mostly run at 40–80% since 2020, and a 30-day window holding a day like 12 March 2020 (−39%)
 * among ordinary ±3% days gives ~180%.
 */
export const VOLATILITY_BAND = { min: 0.05, max: 3 };

const dateTime = (s: number) => new Date(s * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });

interface Series {
  what: string;
  times: number[];
  /** Whether the period applies: the price series is the whole history, cut to the rows' days by the caller. */
  inPeriod: boolean;
}

/** Why a series is not increasing, has a point in the future, or starts before the period; undefined when it is fine. */
function timeProblem(s: Series, interval: HistoryInterval, nowS: number): string | undefined {
  for (let k = 1; k < s.times.length; k++)
    if (!(s.times[k] > s.times[k - 1]))
      return `${s.what}: points ${k} and ${k + 1} (${dateTime(s.times[k - 1])}, ${dateTime(s.times[k])}) do not increase in time`;
  const last = s.times[s.times.length - 1];
  if (last > nowS + FUTURE_SLACK_S)
    return `${s.what}: a point at ${dateTime(last)} is in the future (more than 2 hours after this computer's clock, ${dateTime(nowS)})`;
  const start = nowS - (PERIOD_DAYS[interval] + PERIOD_SLACK_DAYS) * DAY_S;
  if (s.inPeriod && s.times[0] < start)
    return `${s.what}: a point at ${dateTime(s.times[0])} is before the ${interval} asked for (from ${dateTime(nowS - PERIOD_DAYS[interval] * DAY_S)}, with ${PERIOD_SLACK_DAYS} days' slack): ${s.times.length} points answered`;
  return undefined;
}

/** Why neighbouring prices cannot both be true, or undefined. */
export function priceStepProblem(prices: PricePoint[]): string | undefined {
  for (let k = 1; k < prices.length; k++) {
    const a = prices[k - 1];
    const b = prices[k];
    const days = Math.max(1, (b.time - a.time) / DAY_S);
    const allowed = PRICE_FACTOR_PER_DAY ** days;
    const factor = Math.max(b.usd / a.usd, a.usd / b.usd);
    if (factor > allowed)
      return `mempool historical-price: the price goes from ${fmt(a.usd, 2)} (${dateTime(a.time)}) to ${fmt(b.usd, 2)} (${dateTime(b.time)}), a factor of ${fmt(factor, 1)}; at most ${fmt(allowed, 1)} is plausible (a factor of ${PRICE_FACTOR_PER_DAY} a day)`;
  }
  return undefined;
}

/** Why neighbouring difficulty adjustments break the protocol's limits, or undefined. */
export function difficultyStepProblem(adjustments: DifficultyAdjustment[]): string | undefined {
  for (let k = 1; k < adjustments.length; k++) {
    const a = adjustments[k - 1];
    const b = adjustments[k];
    const days = (b.time - a.time) / DAY_S;
    // Blocks come at most twice the target rate over a span, plus one retarget period of slack.
    const maxBlocks = 2 * 144 * days + RETARGET_BLOCKS;
    if (b.height - a.height > maxBlocks)
      return `mempool difficulty-adjustments: ${fmt(b.height - a.height)} blocks between ${dateTime(a.time)} and ${dateTime(b.time)} is more than the time allows (at most ${fmt(maxBlocks)})`;
    const retargets = Math.max(1, Math.ceil((b.height - a.height) / RETARGET_BLOCKS));
    const allowed = RETARGET_FACTOR ** retargets;
    const factor = Math.max(b.difficulty / a.difficulty, a.difficulty / b.difficulty);
    if (factor > allowed)
      return `mempool difficulty-adjustments: the difficulty goes from ${a.difficulty.toExponential(3)} (${dateTime(a.time)}) to ${b.difficulty.toExponential(3)} (${dateTime(b.time)}), a factor of ${fmt(factor, 1)} in ${retargets} retarget(s); the protocol allows at most ${RETARGET_FACTOR}× a retarget`;
  }
  return undefined;
}

/**
 * Why a day's hashrate does not fit the difficulty in force on it, or undefined: each day's mean
 * hashrate must be within the live check's band (guards.ts HASHRATE_BAND, ±30%) of the rate the
 * difficulty in force at its time implies. Days before the first adjustment of the response have
 * no difficulty to check against (MINER.HISTORY asks for its period with 20 days' lead, so each of
 * its dates has one).
 */
export function hashrateSeriesProblem(
  hashrates: readonly HashrateDay[],
  adjustments: readonly DifficultyAdjustment[],
): string | undefined {
  let k = -1; // the latest adjustment at or before the day (both series oldest first)
  for (const h of hashrates) {
    while (k + 1 < adjustments.length && adjustments[k + 1].time <= h.time) k++;
    if (k < 0) continue;
    const mismatch = hashrateMismatch(h.hashrateEhs, adjustments[k].difficulty);
    if (mismatch)
      return `mempool hashrate: on ${dateTime(h.time).slice(0, 10)} the ${mismatch.replace("its difficulty implies", `the difficulty in force then (${adjustments[k].difficulty.toExponential(3)}) implies`)}`;
  }
  return undefined;
}

/**
 * Why a reward bucket's mean reward per block cannot be, or undefined: at least half the smallest
 * subsidy its blocks can have (BUCKET_SPAN_BLOCKS), at most the largest plus the live fees'
 * ceiling (fees.ts FEES_CEILING_BTC, 12.5 BTC).
 */
export function rewardSeriesProblem(rewards: readonly RewardBucket[]): string | undefined {
  for (const b of rewards) {
    const btc = b.rewardSats / 1e8;
    const least = subsidyBtc(b.height + BUCKET_SPAN_BLOCKS).toNumber() / 2;
    const most = subsidyBtc(Math.max(0, b.height - BUCKET_SPAN_BLOCKS)).toNumber() + FEES_CEILING_BTC;
    if (btc < least || btc > most)
      return `mempool blocks/rewards: the mean reward ${fmt(btc, 4)} BTC a block at height ${fmt(b.height)} (${dateTime(b.time)}) is outside the plausible ${fmt(least, 4)}–${fmt(most, 4)} BTC (half the subsidy, to the subsidy and ${FEES_CEILING_BTC} BTC of fees)`;
  }
  return undefined;
}

/** The four series, parsed (oldest first); why they cannot be one history, or undefined. */
export function seriesProblem(
  r: { adjustments: DifficultyAdjustment[]; hashrates: HashrateDay[]; rewards: RewardBucket[]; prices: PricePoint[] },
  interval: HistoryInterval,
  nowMs: number,
): string | undefined {
  const nowS = Math.floor(nowMs / 1000);
  const series: Series[] = [
    { what: "mempool hashrate", times: r.hashrates.map((x) => x.time), inPeriod: true },
    { what: "mempool difficulty-adjustments", times: r.adjustments.map((x) => x.time), inPeriod: true },
    { what: "mempool blocks/rewards", times: r.rewards.map((x) => x.time), inPeriod: true },
    { what: "mempool historical-price", times: r.prices.map((x) => x.time), inPeriod: false },
  ];
  for (const s of series.filter((x) => x.times.length > 0)) {
    const problem = timeProblem(s, interval, nowS);
    if (problem) return problem;
  }
  return (
    difficultyStepProblem(r.adjustments) ??
    priceStepProblem(r.prices) ??
    hashrateSeriesProblem(r.hashrates, r.adjustments) ??
    rewardSeriesProblem(r.rewards)
  );
}

/** Why a derived growth or volatility is not plausible, or undefined. */
export function derivedProblem(growthMonthly: number | undefined, volAnnual: number | undefined): string | undefined {
  const pct = (x: number) => `${fmt(x * 100, 1)}%`;
  if (growthMonthly !== undefined && !(growthMonthly >= GROWTH_BAND.min && growthMonthly <= GROWTH_BAND.max))
    return `the realised difficulty growth ${pct(growthMonthly)} a month is outside the plausible ${pct(GROWTH_BAND.min)} to +${pct(GROWTH_BAND.max)} a month`;
  if (volAnnual !== undefined && !(volAnnual >= VOLATILITY_BAND.min && volAnnual <= VOLATILITY_BAND.max))
    return `the realised price volatility ${pct(volAnnual)} a year is outside the plausible ${pct(VOLATILITY_BAND.min)} to ${pct(VOLATILITY_BAND.max)} a year`;
  return undefined;
}
