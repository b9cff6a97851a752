/**
 * Bitcoin protocol facts: block subsidy and halvings, and the difficulty <-> hashrate relation.
 *
 * Constants are Bitcoin Core's consensus parameters (src/kernel/chainparams.cpp:
 * nSubsidyHalvingInterval = 210000, nPowTargetSpacing = 600 s) and its GetBlockSubsidy rule:
 * subsidy = (50 * COIN) >> (height / 210000), and 0 once 64 halvings have passed.
 * Source: Bitcoin Core (github.com/bitcoin/bitcoin); docs/sources.md#protocol.
 */
import { Decimal, Num } from "./decimal";
import { difficultyAtLeastOne, positive, nonNegative, wholeNonNegative } from "./validate";

/** Blocks between halvings. */
export const HALVING_INTERVAL_BLOCKS = 210_000;
/** Target seconds between blocks. */
export const TARGET_BLOCK_SECONDS = 600;
/** Satoshis per BTC (COIN). */
export const SATS_PER_BTC = 100_000_000;
/** Subsidy of the genesis epoch, in satoshis (50 BTC). */
export const INITIAL_SUBSIDY_SATS = 50 * SATS_PER_BTC;
/** Halvings after which the subsidy is 0 by rule (a right shift by 64 is undefined in C++). */
export const MAX_HALVINGS = 64;
/** Expected hashes per unit of difficulty: 2^32 (the standard approximation of 2^48 / 0xffff). */
export const HASHES_PER_DIFFICULTY = new Decimal(4294967296);
/** Blocks per day at the target spacing. */
export const BLOCKS_PER_DAY = 144;

const SECONDS_PER_BLOCK = new Decimal(TARGET_BLOCK_SECONDS);
const HASHES_PER_EXAHASH = new Decimal("1e18");
const SATS = new Decimal(SATS_PER_BTC);

/** Halving epoch of a block: 0 for heights 0..209,999, 1 for 210,000..419,999, ... */
export function halvingEpoch(height: Num): number {
  return Math.floor(wholeNonNegative("height", height) / HALVING_INTERVAL_BLOCKS);
}

/**
 * Block subsidy at `height`, in satoshis (a whole number).
 * Dividing 5e9 by a power of two is exact in binary floating point, so floor() is the
 * consensus right shift for every epoch; past 32 halvings it is already 0.
 */
export function subsidySats(height: Num): number {
  const epoch = halvingEpoch(height);
  if (epoch >= MAX_HALVINGS) return 0;
  return Math.floor(INITIAL_SUBSIDY_SATS / 2 ** epoch);
}

/** Block subsidy at `height`, in BTC (exact: whole satoshis / 1e8). */
export function subsidyBtc(height: Num): Decimal {
  return new Decimal(subsidySats(height)).div(SATS);
}

/** Height of the first halving strictly after `height` (a multiple of 210,000). */
export function nextHalvingHeight(height: Num): number {
  return (halvingEpoch(height) + 1) * HALVING_INTERVAL_BLOCKS;
}

/** Blocks from `height` to the next halving (1..210,000). */
export function blocksToNextHalving(height: Num): number {
  return nextHalvingHeight(height) - wholeNonNegative("height", height);
}

/**
 * Network hashrate implied by a difficulty, in hashes per second:
 * difficulty × 2^32 / 600 s. Pass the observed mean block time to get the realised rate.
 * @param difficulty network difficulty (dimensionless, >= 1)
 * @param blockSeconds mean seconds per block (> 0), default 600
 * @returns H/s
 */
export function networkHashrateHs(difficulty: Num, blockSeconds: Num = TARGET_BLOCK_SECONDS): Decimal {
  const d = difficultyAtLeastOne("difficulty", difficulty);
  const t = blockSeconds === TARGET_BLOCK_SECONDS ? SECONDS_PER_BLOCK : positive("block_seconds", blockSeconds);
  return d.mul(HASHES_PER_DIFFICULTY).div(t);
}

/** Network hashrate implied by a difficulty, in EH/s (1e18 H/s). */
export function networkHashrateEhs(difficulty: Num): Decimal {
  return networkHashrateHs(difficulty).div(HASHES_PER_EXAHASH);
}

/**
 * Difficulty at which a network hashrate finds blocks every 600 s on average:
 * hashrate [EH/s] × 1e18 × 600 / 2^32. Inverse of `networkHashrateEhs`.
 * @param hashrateEhs network hashrate in EH/s (> 0)
 */
export function difficultyForHashrateEhs(hashrateEhs: Num): Decimal {
  const h = positive("hashrate_ehs", hashrateEhs);
  return h.mul(HASHES_PER_EXAHASH).mul(SECONDS_PER_BLOCK).div(HASHES_PER_DIFFICULTY);
}

/** Total subsidy ever issued from height 0 through `height` inclusive, in satoshis (for checks). */
export function cumulativeSubsidySats(height: Num): Decimal {
  const h = wholeNonNegative("height", height);
  let total = new Decimal(0);
  for (let epoch = 0; epoch < MAX_HALVINGS; epoch++) {
    const start = epoch * HALVING_INTERVAL_BLOCKS;
    if (start > h) break;
    const end = Math.min(h, start + HALVING_INTERVAL_BLOCKS - 1);
    total = total.add(new Decimal(end - start + 1).mul(subsidySats(start)));
  }
  return total;
}

/** Fees are quoted per block in BTC; subsidy + fees is the reward a block pays. */
export function blockRewardBtc(subsidy: Num, feesBtcPerBlock: Num): Decimal {
  return nonNegative("subsidy", subsidy).add(nonNegative("fees_btc_per_block", feesBtcPerBlock));
}
