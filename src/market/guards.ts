/**
 * Readings checked against each other and against the last good values, so that no single
 * reading is trusted against a wrong reference. Bounds are deliberately generous: a reading
 * outside them is not thrown away at once, it needs a second provider that agrees (service.ts);
 * only an unconfirmed one is refused, and a refused reading never becomes the reference.
 *
 * Plain float arithmetic: these are plausibility bands, not results anyone reads.
 */
import { Currency, MarketSnapshot } from "./fields";
import { Reading } from "./providers/types";

/** A USD price more than 10% from the last good one needs a second provider's confirmation. */
export const PRICE_JUMP = 0.1;
/** Two providers confirm a price when they agree within 2% (the recorded quotes agree within 0.01%). */
export const PRICE_AGREEMENT = 0.02;
/**
 * A price in another currency is refused when its implied exchange rate (price in it / price in
 * USD, from the same response) is more than 10% from the last good rate: currencies move far less
 * than BTC, so this catches a wrong currency or unit without a second provider.
 */
export const FX_JUMP = 0.1;
/**
 * A difficulty more than 30% from the last good one needs a second provider. Retargets are
 * clamped to ×¼..×4 by the protocol, but the largest since 2021 was −11.16% (~7 Feb 2026,
 * docs/sources.md#market-data).
 */
export const DIFFICULTY_JUMP = 0.3;
/** Two providers confirm a difficulty when they agree within 1% (it is one number on the chain). */
export const DIFFICULTY_AGREEMENT = 0.01;

/** Blocks come every 600 s on average: 144 a day. */
export const BLOCKS_PER_DAY = 144;
/** A height may advance at up to twice the target rate... */
export const HEIGHT_RATE_SLACK = 2;
/** ...plus 12 blocks (about two hours) for providers' lag and clocks. */
export const HEIGHT_FIXED_SLACK = 12;
/** Two providers confirm a height when they are within 3 blocks of each other. */
export const HEIGHT_AGREEMENT = 3;
/** The reference before any height is known: block 840,000, the fourth halving, at 00:09 UTC on 20 April 2024. */
export const HEIGHT_CHECKPOINT = { height: 840_000, ms: Date.UTC(2024, 3, 20, 0, 9) };

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

/** How a group of fields is checked against the last good values and confirmed by a second provider. */
export interface Guard {
  /** Why the reading needs confirmation, or undefined when it is consistent with the reference. */
  check(r: Reading, reference: MarketSnapshot | undefined, now: number): string | undefined;
  /** Whether a second provider's reading confirms the first. */
  agree(a: Reading, b: Reading): boolean;
}

const within = (a: number | undefined, b: number | undefined, fraction: number) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= fraction * Math.min(a, b);

function jump(what: string, x: number | undefined, last: number | undefined, bound: number, digits = 0) {
  if (x === undefined || last === undefined) return undefined;
  const move = x / last - 1;
  if (Math.abs(move) <= bound) return undefined;
  return `${what} ${fmt(x, digits)} is ${pct(move)} from the last good ${fmt(last, digits)} (more than ±${bound * 100}% needs a second provider)`;
}

export const PRICE_GUARD: Guard = {
  check: (r, ref) => jump("BTC price", r.prices.USD, ref?.prices.USD?.value, PRICE_JUMP, 2),
  agree: (a, b) => within(a.prices.USD, b.prices.USD, PRICE_AGREEMENT),
};

export const DIFFICULTY_GUARD: Guard = {
  check: (r, ref) => {
    const d = r.fields.difficulty;
    const last = ref?.fields.difficulty?.value;
    if (d === undefined || last === undefined) return undefined;
    const move = d / last - 1;
    if (Math.abs(move) <= DIFFICULTY_JUMP) return undefined;
    return `difficulty ${d.toExponential(3)} is ${pct(move)} from the last good ${last.toExponential(3)} (more than ±30% needs a second provider)`;
  },
  agree: (a, b) => within(a.fields.difficulty, b.fields.difficulty, DIFFICULTY_AGREEMENT),
};

/** The heights a reading may have at `now`: from the last good one, or from the checkpoint when there is none. */
export function heightWindow(
  reference: MarketSnapshot | undefined,
  now: number,
): { min: number; max: number; from: string } {
  const last = reference?.fields.block_height;
  const base = last ? { height: last.value, ms: last.asOf } : HEIGHT_CHECKPOINT;
  const days = Math.max(0, now - base.ms) / 86_400_000;
  const max = Math.floor(base.height + HEIGHT_FIXED_SLACK + HEIGHT_RATE_SLACK * BLOCKS_PER_DAY * days);
  return last
    ? { min: last.value, max, from: `the last good ${fmt(last.value)}` }
    : { min: 0, max, from: `block 840,000 (20 April 2024)` };
}

export const HEIGHT_GUARD: Guard = {
  check: (r, ref, now) => {
    const h = r.fields.block_height;
    if (h === undefined) return undefined;
    const w = heightWindow(ref, now);
    if (h < w.min) return `block height ${fmt(h)} is below ${w.from}`;
    if (h > w.max)
      return `block height ${fmt(h)} is more than the time since ${w.from} allows (at most ${fmt(w.max)}: 2 × 144 blocks a day + 12)`;
    return undefined;
  },
  agree: (a, b) => {
    const x = a.fields.block_height;
    const y = b.fields.block_height;
    return x !== undefined && y !== undefined && Math.abs(x - y) <= HEIGHT_AGREEMENT;
  },
};

/**
 * Drops, from an accepted price reading, each other currency whose implied exchange rate moved
 * more than FX_JUMP from the last good one; returns why, for the banner.
 */
export function screenCurrencies(r: Reading, reference: MarketSnapshot | undefined): string[] {
  const usd = r.prices.USD;
  const lastUsd = reference?.prices.USD?.value;
  if (usd === undefined || lastUsd === undefined) return [];
  const problems: string[] = [];
  for (const [c, v] of Object.entries(r.prices) as [Currency, number][]) {
    const last = reference?.prices[c]?.value;
    if (c === "USD" || last === undefined) continue;
    const move = v / usd / (last / lastUsd) - 1;
    if (Math.abs(move) > FX_JUMP) {
      delete r.prices[c];
      problems.push(
        `BTC price in ${c} ${fmt(v, 2)} implies a ${c}/USD rate ${pct(move)} from the last good one (more than ±10%): refused`,
      );
    }
  }
  return problems;
}
