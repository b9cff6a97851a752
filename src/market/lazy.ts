/**
 * The live-data code (the providers, their checks, the refresh service, history; chunk.ts), loaded
 * apart from functions.js: a workbook that only calculates never needs it, so functions.js stays
 * within its budget (CONTRIBUTING.md, "The bundle"). A live cell, a MINER.HISTORY cell and the pane
 * each ask for it before their first request; webpack loads the chunk once for all of them (one
 * runtime, one module instance), and the service itself is one per page (runtime.ts). A failed
 * load is asked for again by the next caller.
 */
export type MarketChunk = typeof import("./chunk");

let loaded: MarketChunk | undefined;
let loading: Promise<MarketChunk> | undefined;

/** The market chunk (loaded once; again after a failure). */
export function loadMarket(): Promise<MarketChunk> {
  loading ??= import(/* webpackChunkName: "market" */ "./chunk").then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The market chunk, for code that runs only after awaiting loadMarket() (the pane, once started). */
export function market(): MarketChunk {
  if (!loaded) throw new Error("MINER's market code is not loaded yet");
  return loaded;
}
