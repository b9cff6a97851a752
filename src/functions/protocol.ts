/* Excel adapters for protocol facts: subsidy, halvings, difficulty <-> hashrate. */
import { difficultyForHashrateEhs, networkHashrateEhs, nextHalvingHeight, subsidyBtc } from "../calc/protocol";
import { Decimal } from "../calc/decimal";
import { readArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

// MINER.SUBSIDY: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Block subsidy in BTC at a block height: 50 BTC halved every 210,000 blocks, in whole satoshis; 0 after 64 halvings.
 * @customfunction SUBSIDY
 * @param height Block height (blocks; a whole number, 0 or more).
 * @returns Subsidy in BTC per block.
 * @helpurl https://localhost:3000/help/SUBSIDY.html
 */
export function subsidy(height: unknown): number;
export function subsidy(...args: unknown[]): number {
  const params = SIGNATURES.SUBSIDY;
  return excelNumber("SUBSIDY", params, () => subsidyBtc(readArgs(params, args).height));
}

// MINER.NEXTHALVING: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Height of the first halving after a block height: the next multiple of 210,000.
 * @customfunction NEXTHALVING
 * @param height Block height (blocks; a whole number, 0 or more).
 * @returns Block height of the next halving.
 * @helpurl https://localhost:3000/help/NEXTHALVING.html
 */
export function nextHalving(height: unknown): number;
export function nextHalving(...args: unknown[]): number {
  const params = SIGNATURES.NEXTHALVING;
  return excelNumber("NEXTHALVING", params, () => new Decimal(nextHalvingHeight(readArgs(params, args).height)));
}

// MINER.NETWORKHASHRATE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Network hashrate in EH/s implied by a difficulty: difficulty × 2^32 / 600 / 1e18.
 * @customfunction NETWORKHASHRATE
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @returns Implied network hashrate in EH/s (1e18 hashes per second).
 * @helpurl https://localhost:3000/help/NETWORKHASHRATE.html
 */
export function networkHashrate(difficulty: unknown): number;
export function networkHashrate(...args: unknown[]): number {
  const params = SIGNATURES.NETWORKHASHRATE;
  return excelNumber("NETWORKHASHRATE", params, () => networkHashrateEhs(readArgs(params, args).difficulty));
}

// MINER.DIFFICULTYFORHASHRATE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Difficulty at which a network hashrate in EH/s finds a block every 600 seconds; the inverse of NETWORKHASHRATE.
 * @customfunction DIFFICULTYFORHASHRATE
 * @param hashrate_ehs Network hashrate (EH/s; greater than 0).
 * @returns Difficulty (dimensionless).
 * @helpurl https://localhost:3000/help/DIFFICULTYFORHASHRATE.html
 */
export function difficultyForHashrate(hashrate_ehs: unknown): number;
export function difficultyForHashrate(...args: unknown[]): number {
  const params = SIGNATURES.DIFFICULTYFORHASHRATE;
  return excelNumber("DIFFICULTYFORHASHRATE", params, () =>
    difficultyForHashrateEhs(readArgs(params, args).hashrate_ehs),
  );
}
