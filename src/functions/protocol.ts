/* Excel adapters for protocol facts: subsidy, halvings, difficulty <-> hashrate. */
import { difficultyForHashrateEhs, networkHashrateEhs, nextHalvingHeight, subsidyBtc } from "../calc/protocol";
import { Decimal } from "../calc/decimal";
import { excelNumber, requiredNumber } from "./excel";

/**
 * Block subsidy in BTC at a block height: 50 BTC, halved every 210,000 blocks, in whole satoshis; 0 after 64 halvings. Example: =MINER.SUBSIDY(840000) returns 3.125.
 * @customfunction SUBSIDY
 * @param height Block height (a whole number, 0 or more). Example: 840000.
 * @returns Subsidy in BTC per block. Example: 3.125 at height 840000.
 * @helpurl https://localhost:3000/help/SUBSIDY.html
 */
export function subsidy(height: unknown): number {
  return excelNumber("SUBSIDY", () => subsidyBtc(requiredNumber("height", height)));
}

/**
 * Height of the first halving strictly after a block height (a multiple of 210,000). Example: =MINER.NEXTHALVING(925000) returns 1050000.
 * @customfunction NEXTHALVING
 * @param height Block height (a whole number, 0 or more). Example: 925000.
 * @returns Block height of the next halving. Example: 1050000.
 * @helpurl https://localhost:3000/help/NEXTHALVING.html
 */
export function nextHalving(height: unknown): number {
  return excelNumber("NEXTHALVING", () => new Decimal(nextHalvingHeight(requiredNumber("height", height))));
}

/**
 * Network hashrate implied by a difficulty, in EH/s: difficulty × 2^32 / 600 / 1e18. Example: =MINER.NETWORKHASHRATE(1.5E14) returns 1073.741824.
 * @customfunction NETWORKHASHRATE
 * @param difficulty Network difficulty (dimensionless, greater than 0). Example: 1.5e14.
 * @returns Implied network hashrate in EH/s (1e18 hashes per second).
 * @helpurl https://localhost:3000/help/NETWORKHASHRATE.html
 */
export function networkHashrate(difficulty: unknown): number {
  return excelNumber("NETWORKHASHRATE", () => networkHashrateEhs(requiredNumber("difficulty", difficulty)));
}

/**
 * Difficulty at which a network hashrate finds a block every 600 seconds: hashrate × 1e18 × 600 / 2^32. The inverse of NETWORKHASHRATE. Example: =MINER.DIFFICULTYFORHASHRATE(1100) returns 153668224811554.
 * @customfunction DIFFICULTYFORHASHRATE
 * @param hashrate_ehs Network hashrate in EH/s (greater than 0). Example: 1100.
 * @returns Difficulty (dimensionless).
 * @helpurl https://localhost:3000/help/DIFFICULTYFORHASHRATE.html
 */
export function difficultyForHashrate(hashrate_ehs: unknown): number {
  return excelNumber("DIFFICULTYFORHASHRATE", () =>
    difficultyForHashrateEhs(requiredNumber("hashrate_ehs", hashrate_ehs)),
  );
}
