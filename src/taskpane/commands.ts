/**
 * The ribbon's commands. Home → MINER → Refresh is an ExecuteFunction button: Office runs the
 * function associated with the manifest's <FunctionName> in the shared runtime (this page, loaded
 * with no pane shown when it is not open), so live cells and MINER_Market refresh without the pane.
 */

/**
 * The ribbon's Refresh fetches at most once in this long (30 s): a second press within it is not
 * run, and the pane says so, so a user pressing it again and again does not press on the
 * providers. A press while a refresh is under way joins that one.
 */
export const RIBBON_MIN_INTERVAL_MS = 30_000;

/** The manifest's <FunctionName> for the Refresh button. */
export const REFRESH_COMMAND = "refreshMarketData";

/**
 * Associates the Refresh button with `refresh`. Office waits for event.completed(), which is
 * called when the refresh ends, failed or not (a failure is shown in the pane and in the cells).
 * Outside Office there is nothing to associate: false.
 */
export function registerCommands(refresh: () => Promise<unknown>): boolean {
  const actions = typeof Office === "undefined" ? undefined : (Office as { actions?: typeof Office.actions }).actions;
  if (typeof actions?.associate !== "function") return false;
  actions.associate(REFRESH_COMMAND, (event: Office.AddinCommands.Event) => {
    const done = () => event.completed();
    refresh().then(done, done);
  });
  return true;
}
