/**
 * Readings checked against each other, against the last confirmed values and against the clock,
 * so that no single reading is trusted against a wrong reference. A reading that moved beyond its
 * threshold since the last confirmed value is not thrown away at once: it needs a second provider
 * that agrees within the field's tolerance (service.ts, agreement.ts); only an unconfirmed one is
 * refused, and a refused reading never becomes the reference. A height ahead of the wall clock is
 * refused outright: no agreement makes a block exist before its time.
 *
 * Plain float arithmetic: these are plausibility bands, not results anyone reads. Why these
 * numbers: docs/live-data-checks.md.
 */
import { MarketSnapshot } from "./fields";
import { Reading } from "./providers/types";
import { Confirmed } from "./agreement";

/**
 * A USD price that moved more than 3% from the last confirmed one needs a second provider. BTC's
 * hourly standard deviation is ~0.4–0.9% at 40–80% a year, so at a refresh every 1–5 minutes
 * this asks rarely, yet a provider drifting 1% a refresh is checked by its fourth reading.
 */
export const PRICE_MOVE = 0.03;
/** Two providers confirm a price when they agree within 2% (the recorded quotes agree within 0.01%). */
export const PRICE_AGREEMENT = 0.02;
/**
 * A price in another currency is refused when its implied exchange rate (price in it / price in
 * USD, from the same response) is more than 10% from the last good rate: currencies move far less
 * than BTC. Its other checks (a fixed band, the confirming provider's quote): currencies.ts.
 */
export const FX_JUMP = 0.1;
/**
 * A difficulty that moved more than 0.1% from the last confirmed one needs a second provider: it
 * changes only at a retarget, so this is (nearly) every retarget, once, and a drift of any size.
 */
export const DIFFICULTY_MOVE = 0.001;
/** Two providers confirm a difficulty when they agree within 1% (it is one number on the chain). */
export const DIFFICULTY_AGREEMENT = 0.01;

/** Blocks come every 600 s on average: 144 a day. */
export const BLOCKS_PER_DAY = 144;
/** Since the last confirmed height, a height may advance at up to twice the target rate... */
export const HEIGHT_RATE_SLACK = 2;
/** ...plus 12 blocks (about two hours) for providers' lag and clocks, before it needs a second provider. */
export const HEIGHT_FIXED_SLACK = 12;
/** Two providers confirm a height when they are within 3 blocks of each other. */
export const HEIGHT_AGREEMENT = 3;
/** The wall clock's anchor: block 840,000, the fourth halving, mined at 00:09 UTC on 20 April 2024. */
export const HEIGHT_CHECKPOINT = { height: 840_000, ms: Date.UTC(2024, 3, 20, 0, 9) };
/**
 * A height is never ahead of the wall clock by more than 10% of the blocks expected since the
 * anchor (one every 600 s) plus 288 blocks (two days, for a clock a little behind). Blocks came
 * 10.6% faster than every 10 minutes from the 2012 halving to the 2016 one, the fastest of the
 * halving eras; 4% in 2016–2020 and 1.3% in 2020–2024.
 */
export const HEIGHT_CLOCK_MARGIN = { fraction: 0.1, blocks: 288 };

/**
 * mempool's currentHashrate (a 3-day average, EH/s) must be within ±30% of the rate the
 * difficulty implies (difficulty × 2^32 / 600 / 1e18). It differs because blocks come faster
 * or slower than 600 s. In the recorded responses (test/fixtures/api/mempool) it is +1.2%
 * (hashrate/3d) and +0.3% (hashrate/1y), the daily points are within ±2%, and the 2025 retargets
 * (each the mean of that ratio over an epoch) range from −2.7% to +6.3%. ±30% is ~5× the largest
 * of those and ~3× the largest retarget since 2021 (−11.16%, network-history.md), and still
 * catches a wrong unit or a broken node (10 EH/s at 162 T is −99%).
 */
export const HASHRATE_BAND = { low: 0.7, high: 1.3 };

const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

/** The implied network hashrate of a difficulty, EH/s (float twin of MINER.NETWORKHASHRATE). */
export function impliedHashrateEhs(difficulty: number): number {
  return (difficulty * 2 ** 32) / 600 / 1e18;
}

/** Why a hashrate does not fit its difficulty, or undefined when it does. */
export function hashrateMismatch(hashrateEhs: number, difficulty: number): string | undefined {
  const implied = impliedHashrateEhs(difficulty);
  const ratio = hashrateEhs / implied;
  if (ratio >= HASHRATE_BAND.low && ratio <= HASHRATE_BAND.high) return undefined;
  return `hashrate ${fmt(hashrateEhs, 1)} EH/s is ${pct(ratio - 1)} from the ${fmt(implied, 1)} EH/s its difficulty implies (allowed ±30%)`;
}

/** Why a next retarget cannot follow the tip (above it, within 2016 blocks, blocks left matching), or undefined. */
export function retargetMismatch(next: number, remaining: number | undefined, tip: number): string | undefined {
  if (next % 2016 !== 0) return `next retarget ${fmt(next)} is not a multiple of 2016`;
  if (next <= tip || next - tip > 2016)
    return `next retarget ${fmt(next)} is not within 2016 blocks above the tip ${fmt(tip)}`;
  if (remaining !== undefined && Math.abs(remaining - (next - tip)) > HEIGHT_AGREEMENT)
    return `${fmt(remaining)} blocks left does not match ${fmt(next)} − ${fmt(tip)}`;
  return undefined;
}

/** How a group of fields is checked against the clock and the last confirmed values, and confirmed by a second provider. */
export interface Guard {
  /** Why the reading can never be used, whoever agrees with it, or undefined. */
  refuse?(r: Reading, now: number): string | undefined;
  /** Why the reading needs a second provider's confirmation, or undefined when it is consistent with what is known. */
  check(
    r: Reading,
    confirmed: Confirmed | undefined,
    reference: MarketSnapshot | undefined,
    now: number,
  ): string | undefined;
  /** Whether a second provider's reading confirms the first. */
  agree(a: Reading, b: Reading): boolean;
  /** The reading's value as the banner shows it. */
  shown(r: Reading): string;
  /** The agreement tolerance in words, e.g. "±2%". */
  tolerance: string;
}

const within = (a: number | undefined, b: number | undefined, fraction: number) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= fraction * Math.min(a, b);

/**
 * Why `x` needs a second provider: it moved more than `bound` from the last confirmed value, or
 * from the confirming provider's value. Checking both keeps a written value within `bound` of an
 * independent provider's, even when the two agreed only within their tolerance.
 */
function moved(
  what: string,
  x: number | undefined,
  confirmed: Confirmed | undefined,
  pick: (r: Reading) => number | undefined,
  bound: number,
  show: (v: number) => string,
) {
  if (x === undefined || !confirmed) return undefined;
  const from = [confirmed.reading, confirmed.witness].map((r) => (r ? pick(r) : undefined));
  for (const [k, y] of from.entries()) {
    if (y === undefined) continue;
    const move = x / y - 1;
    if (Math.abs(move) > bound)
      return `${what} ${show(x)} is ${pct(move)} from the last confirmed ${show(y)}${k === 1 ? " (the confirming provider's)" : ""} (more than ±${+(bound * 100).toFixed(1)}% needs a second provider)`;
  }
  return undefined;
}

const money = (x: number) => fmt(x, 2);
const sci = (x: number) => x.toExponential(3);

export const PRICE_GUARD: Guard = {
  check: (r, confirmed) => moved("BTC price", r.prices.USD, confirmed, (x) => x.prices.USD, PRICE_MOVE, money),
  agree: (a, b) => within(a.prices.USD, b.prices.USD, PRICE_AGREEMENT),
  shown: (r) => (r.prices.USD === undefined ? "no USD price" : money(r.prices.USD)),
  tolerance: `±${PRICE_AGREEMENT * 100}%`,
};

export const DIFFICULTY_GUARD: Guard = {
  check: (r, confirmed) =>
    moved("difficulty", r.fields.difficulty, confirmed, (x) => x.fields.difficulty, DIFFICULTY_MOVE, sci),
  agree: (a, b) => within(a.fields.difficulty, b.fields.difficulty, DIFFICULTY_AGREEMENT),
  shown: (r) => (r.fields.difficulty === undefined ? "no difficulty" : sci(r.fields.difficulty)),
  tolerance: `±${DIFFICULTY_AGREEMENT * 100}%`,
};

/** The highest height the wall clock allows at `now` (see HEIGHT_CLOCK_MARGIN). */
export function heightCeiling(now: number): number {
  const expected = Math.max(0, now - HEIGHT_CHECKPOINT.ms) / 600_000;
  return Math.floor(
    HEIGHT_CHECKPOINT.height + expected * (1 + HEIGHT_CLOCK_MARGIN.fraction) + HEIGHT_CLOCK_MARGIN.blocks,
  );
}

/** The heights a reading may have at `now` without confirmation, from the last confirmed one. */
export function heightWindow(confirmed: Confirmed, now: number): { min: number; max: number } {
  const last = confirmed.reading.fields.block_height ?? 0;
  const days = Math.max(0, now - confirmed.asOf) / 86_400_000;
  return { min: last, max: Math.floor(last + HEIGHT_FIXED_SLACK + HEIGHT_RATE_SLACK * BLOCKS_PER_DAY * days) };
}

const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

export const HEIGHT_GUARD: Guard = {
  refuse: (r, now) => {
    const h = r.fields.block_height;
    const ceiling = heightCeiling(now);
    if (h === undefined || h <= ceiling) return undefined;
    return `block height ${fmt(h)} is ahead of the clock: at most ${fmt(ceiling)} can exist by ${utcMinute(now)} (block 840,000 on 20 April 2024, one block per 10 minutes, +10% and 288 blocks; is this computer's clock right?)`;
  },
  check: (r, confirmed, reference, now) => {
    const h = r.fields.block_height;
    if (h === undefined) return undefined;
    const last = reference?.fields.block_height?.value;
    if (last !== undefined && h < last) return `block height ${fmt(h)} is below the last good ${fmt(last)}`;
    if (!confirmed) return undefined;
    const w = heightWindow(confirmed, now);
    if (h < w.min) return `block height ${fmt(h)} is below the last confirmed ${fmt(w.min)}`;
    if (h > w.max)
      return `block height ${fmt(h)} is more than the time since the last confirmed ${fmt(w.min)} allows (at most ${fmt(w.max)}: 2 × 144 blocks a day + 12)`;
    return undefined;
  },
  agree: (a, b) => {
    const x = a.fields.block_height;
    const y = b.fields.block_height;
    return x !== undefined && y !== undefined && Math.abs(x - y) <= HEIGHT_AGREEMENT;
  },
  shown: (r) => (r.fields.block_height === undefined ? "no height" : fmt(r.fields.block_height)),
  tolerance: `±${HEIGHT_AGREEMENT} blocks`,
};
