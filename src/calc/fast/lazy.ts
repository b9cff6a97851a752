/**
 * The certified fast paths (chunk.ts), loaded apart from functions.js: undefined until they arrive,
 * and meanwhile every caller runs the decimal path, which gives the same double (the fast paths
 * return the decimal path's double, or run it). So when they arrive changes speed, never a result.
 *
 * webpack splits the chunk at the dynamic import below: functions.js stays within its budget with
 * what every function needs to answer, and asks for the chunk at once as it starts, so that it is
 * there before a sheet recalculates in practice (a recalculation that comes sooner runs on the
 * decimal path). A failed load is asked for again at the next call. CONTRIBUTING.md, "The bundle".
 */
type FastPaths = typeof import("./chunk");
let loaded: FastPaths | undefined;
let loading: Promise<void> | undefined;

/** Loads the fast paths (once; again after a failure); resolves when they are in place. */
export function loadFastPaths(): Promise<void> {
  loading ??= import(/* webpackChunkName: "fast" */ "./chunk").then(
    (m) => {
      loaded = m;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/** The fast paths when loaded, else undefined (and a load under way). */
export function fastPaths(): FastPaths | undefined {
  if (!loaded) void loadFastPaths();
  return loaded;
}

void loadFastPaths();
