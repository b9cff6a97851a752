/**
 * The pane's per-user settings, in this browser's localStorage: the auto-refresh interval (every 5
 * minutes unless chosen otherwise), the
 * mempool instance used outside Office, and which workbooks' own mempool hosts the user accepted.
 * (A workbook's own instance is saved in the workbook itself: taskpane.ts.)
 *
 * Excel on the web runs the pane in a third-party iframe; where the browser blocks third-party
 * storage, localStorage throws (SecurityError). Then settings live in memory for the session,
 * `persistent` is false, and the pane says it cannot remember them. Nothing here ever reloads.
 */
import { parseMempoolBase } from "../market/source-url";

export const MEMPOOL_KEY = "miner.mempoolBaseUrl";
export const AUTO_REFRESH_KEY = "miner.autoRefreshMinutes";
export const ACCEPTED_KEY = "miner.acceptedWorkbookSources";
/** The most workbook/host acceptances remembered (the oldest are forgotten first). */
export const MAX_ACCEPTED = 50;

export interface SettingsStore {
  get(key: string): string | undefined;
  set(key: string, value: string | undefined): void;
  /** False when the browser refuses storage: values last for this session only. */
  readonly persistent: boolean;
}

/** localStorage when the browser allows it, else (and from the first refusal on) memory. */
export function browserSettings(): SettingsStore {
  const memory = new Map<string, string>();
  let storage: Storage | undefined;
  try {
    storage = typeof localStorage === "undefined" ? undefined : localStorage;
    storage?.getItem(MEMPOOL_KEY); // some browsers throw only on use
  } catch {
    storage = undefined;
  }
  const store = {
    persistent: storage !== undefined,
    get(key: string): string | undefined {
      if (memory.has(key) || !storage) return memory.get(key);
      try {
        return storage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key: string, value: string | undefined): void {
      if (value === undefined) memory.delete(key);
      else memory.set(key, value);
      if (!storage) return;
      try {
        if (value === undefined) storage.removeItem(key);
        else storage.setItem(key, value);
        memory.delete(key);
      } catch {
        store.persistent = false; // blocked or full: keep it for the session
      }
    },
  };
  return store;
}

/** The mempool base URL saved in this browser, if it is still a valid one. */
export function savedMempoolBase(s: SettingsStore): string | undefined {
  const raw = s.get(MEMPOOL_KEY);
  if (!raw) return undefined;
  const check = parseMempoolBase(raw);
  return check.ok ? check.base : undefined;
}

export function saveMempoolBase(s: SettingsStore, base: string | undefined): void {
  s.set(MEMPOOL_KEY, base);
}

/**
 * Live data refreshes on its own while the workbook is open: every 5 minutes unless the user chose
 * another interval or Off (0) in Settings. Each refresh is one request per endpoint however many
 * cells show live data, through the providers' own back-off.
 */
export const DEFAULT_AUTO_REFRESH_MINUTES = 5;
/** The intervals Settings offers, in minutes; 0 is Off. */
export const AUTO_REFRESH_CHOICES = [0, 1, 5, 15, 60] as const;

/** The chosen auto-refresh interval in minutes (0: off); the default when none was chosen or the stored one is not a choice. */
export function autoRefreshMinutes(s: SettingsStore): number {
  const raw = s.get(AUTO_REFRESH_KEY);
  const v = Number(raw);
  return raw !== undefined && raw.trim() !== "" && (AUTO_REFRESH_CHOICES as readonly number[]).includes(v)
    ? v
    : DEFAULT_AUTO_REFRESH_MINUTES;
}

export function setAutoRefreshMinutes(s: SettingsStore, minutes: number): void {
  s.set(AUTO_REFRESH_KEY, String(minutes));
}

function acceptedList(s: SettingsStore): string[] {
  try {
    const v: unknown = JSON.parse(s.get(ACCEPTED_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(-MAX_ACCEPTED) : [];
  } catch {
    return [];
  }
}

const acceptance = (workbook: string, base: string) => `${workbook}\n${base}`;

/** Whether the user accepted this workbook's request to use `base`. */
export function isAccepted(s: SettingsStore, workbook: string, base: string): boolean {
  return acceptedList(s).includes(acceptance(workbook, base));
}

/** Remembers that the user accepted this workbook's `base` (for the session only when storage is blocked). */
export function accept(s: SettingsStore, workbook: string, base: string): void {
  const key = acceptance(workbook, base);
  const list = acceptedList(s).filter((x) => x !== key);
  list.push(key);
  s.set(ACCEPTED_KEY, JSON.stringify(list.slice(-MAX_ACCEPTED)));
}
