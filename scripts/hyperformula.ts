/**
 * HyperFormula as the formula engine (formula-engine.ts) loads it: under Jest, the copy
 * test/setup/environment.js loaded once per worker outside the test's sandbox (several times
 * faster to evaluate a whole model); in the build (scripts/build-xlsx.js), this file's own.
 */
import type * as HyperFormulaModule from "hyperformula";

interface OutsideSandbox {
  hyperformula: typeof HyperFormulaModule;
  /** [[value]] built on HyperFormula's side of the sandbox (it checks `instanceof Array`). */
  oneCell(value: unknown): unknown[][];
}

const shared = (globalThis as { __MINER_OUTSIDE_SANDBOX__?: OutsideSandbox }).__MINER_OUTSIDE_SANDBOX__;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const hyperformula: typeof HyperFormulaModule = shared?.hyperformula ?? require("hyperformula");

/** One cell's content as setCellContents takes it. */
export function oneCell(value: unknown): never {
  if (typeof value === "object" && value !== null)
    throw new Error(`a cell holds a number, text, a boolean or nothing, not ${String(value)}`);
  return (shared ? shared.oneCell(value) : [[value]]) as never;
}
