/**
 * The pane's settings. The mempool base URL is saved with the workbook (Office document
 * settings) when in Office, and mirrored in localStorage so that the page's Content-Security-
 * Policy, built before Office loads (csp.ts), can allow it. The auto-refresh interval is a
 * per-user preference (localStorage), off by default.
 */
export const MEMPOOL_KEY = "miner.mempoolBaseUrl";
export const AUTO_REFRESH_KEY = "miner.autoRefreshMinutes";

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked: settings simply do not persist
  }
}

export function savedMempoolUrl(): string | undefined {
  return storage()?.getItem(MEMPOOL_KEY) ?? undefined;
}

export function mirrorMempoolUrl(url: string | undefined): void {
  const s = storage();
  if (!s) return;
  if (url) s.setItem(MEMPOOL_KEY, url);
  else s.removeItem(MEMPOOL_KEY);
}

export function autoRefreshMinutes(): number {
  const v = Number(storage()?.getItem(AUTO_REFRESH_KEY) ?? 0);
  return [1, 5, 15, 60].includes(v) ? v : 0;
}

export function setAutoRefreshMinutes(minutes: number): void {
  storage()?.setItem(AUTO_REFRESH_KEY, String(minutes));
}
