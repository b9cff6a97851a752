/*
 * Entry of the custom-functions bundle: binds every MINER function's implementation to its id in
 * functions.json, which the build writes from the same registry (src/functions/metadata.ts). The
 * table is typed so that every FunctionId has exactly one implementation.
 */
import "./outside-office"; // first: see the file
import { CALCULATED } from "./calculated";
import { fromTable } from "./fromtable";
import { history } from "./history";
import { LIVE } from "./live";
import { FunctionId } from "./params";

const BINDINGS: Record<FunctionId, (...args: unknown[]) => unknown> = {
  ...CALCULATED,
  FROMTABLE: fromTable,
  ...LIVE,
  HISTORY: history,
};

for (const [id, implementation] of Object.entries(BINDINGS)) CustomFunctions.associate(id, implementation);
