/* Excel adapters for protocol facts: subsidy, halvings, difficulty <-> hashrate. */
import { difficultyForHashrateEhs, networkHashrateEhs, nextHalvingHeight, subsidyBtc } from "../calc/protocol";
import { Decimal } from "../calc/decimal";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

export function subsidy(...args: unknown[]): number {
  const params = SIGNATURES.SUBSIDY;
  return excelNumber("SUBSIDY", params, () => subsidyBtc(read(params, args).height));
}

export function nextHalving(...args: unknown[]): number {
  const params = SIGNATURES.NEXTHALVING;
  return excelNumber("NEXTHALVING", params, () => new Decimal(nextHalvingHeight(read(params, args).height)));
}

export function networkHashrate(...args: unknown[]): number {
  const params = SIGNATURES.NETWORKHASHRATE;
  return excelNumber("NETWORKHASHRATE", params, () => networkHashrateEhs(read(params, args).difficulty));
}

export function difficultyForHashrate(...args: unknown[]): number {
  const params = SIGNATURES.DIFFICULTYFORHASHRATE;
  return excelNumber("DIFFICULTYFORHASHRATE", params, () => difficultyForHashrateEhs(read(params, args).hashrate_ehs));
}
