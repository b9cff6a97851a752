/*
 * Settings when the browser blocks storage (issue 15, finding 1), and which instance a shared
 * workbook gets (finding 4): never adopted silently, asked once per workbook and host.
 */
import { accept, browserSettings, isAccepted, MAX_ACCEPTED, savedMempoolBase, saveMempoolBase, autoRefreshMinutes, setAutoRefreshMinutes, MEMPOOL_KEY, AUTO_REFRESH_KEY } from "../../src/taskpane/settings";
import { workbookSource } from "../../src/taskpane/workbook-source";

const g = globalThis as unknown as { localStorage?: unknown };

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

function blockStorage(): void {
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });
}

afterEach(() => {
  Object.defineProperty(globalThis, "localStorage", { configurable: true, value: undefined, writable: true });
  delete g.localStorage;
});

describe("settings", () => {
  test("with storage, settings persist across pane loads", () => {
    g.localStorage = memoryStorage();
    const first = browserSettings();
    expect(first.persistent).toBe(true);
    setAutoRefreshMinutes(first, 5);
    saveMempoolBase(first, "https://mempool.example.org");
    const again = browserSettings();
    expect(autoRefreshMinutes(again)).toBe(5);
    expect(savedMempoolBase(again)).toBe("https://mempool.example.org");
  });

  test("when storage throws SecurityError, settings work in memory for the session and say they are not persistent", () => {
    blockStorage();
    const s = browserSettings();
    expect(s.persistent).toBe(false);
    expect(autoRefreshMinutes(s)).toBe(5); // the default
    setAutoRefreshMinutes(s, 15);
    saveMempoolBase(s, "https://mempool.example.org");
    expect(autoRefreshMinutes(s)).toBe(15);
    expect(savedMempoolBase(s)).toBe("https://mempool.example.org");
    accept(s, "https://contoso.sharepoint.com/book.xlsx", "https://mempool.example.org");
    expect(isAccepted(s, "https://contoso.sharepoint.com/book.xlsx", "https://mempool.example.org")).toBe(true);
    expect(autoRefreshMinutes(browserSettings())).toBe(5); // a new session remembers nothing: the default again
  });

  test("live data refreshes every 5 minutes unless the user chose another interval or Off; a stored value that is not a choice gives the default", () => {
    g.localStorage = memoryStorage();
    const s = browserSettings();
    expect(autoRefreshMinutes(s)).toBe(5);
    setAutoRefreshMinutes(s, 0);
    expect(autoRefreshMinutes(browserSettings())).toBe(0); // Off is remembered, not mistaken for "unset"
    for (const [stored, read] of [["60", 60], ["1", 1], ["7", 5], ["", 5], ["off", 5], ["-5", 5]] as const) {
      (g.localStorage as Storage).setItem(AUTO_REFRESH_KEY, stored);
      expect([stored, autoRefreshMinutes(browserSettings())]).toEqual([stored, read]);
    }
  });

  test("storage that fails on write (full or revoked) falls back to memory and says so", () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    g.localStorage = storage;
    const s = browserSettings();
    expect(s.persistent).toBe(true);
    setAutoRefreshMinutes(s, 60);
    expect(autoRefreshMinutes(s)).toBe(60);
    expect(s.persistent).toBe(false);
  });

  test("a stored base URL is checked again when read: a tampered one is ignored", () => {
    g.localStorage = memoryStorage();
    (g.localStorage as Storage).setItem(MEMPOOL_KEY, "https://x;script-src");
    expect(savedMempoolBase(browserSettings())).toBeUndefined();
  });

  test("acceptances are per workbook and host, and bounded", () => {
    g.localStorage = memoryStorage();
    const s = browserSettings();
    accept(s, "book-a", "https://one.example.org");
    expect(isAccepted(s, "book-a", "https://one.example.org")).toBe(true);
    expect(isAccepted(s, "book-b", "https://one.example.org")).toBe(false);
    expect(isAccepted(s, "book-a", "https://two.example.org")).toBe(false);
    for (let i = 0; i < MAX_ACCEPTED + 10; i++) accept(s, `book-${i}`, "https://one.example.org");
    expect(JSON.parse(s.get("miner.acceptedWorkbookSources")!)).toHaveLength(MAX_ACCEPTED);
    expect(isAccepted(s, "book-a", "https://one.example.org")).toBe(false); // the oldest went first
  });
});

describe("a workbook's own mempool instance", () => {
  const never = () => false;
  test("none, blank or mempool.space itself: the default", () => {
    expect(workbookSource(null, never)).toEqual({ kind: "default" });
    expect(workbookSource("", never)).toEqual({ kind: "default" });
    expect(workbookSource("https://mempool.space/", never)).toEqual({ kind: "default" });
  });

  test("a valid host not accepted yet: ask, showing the host (punycode for a look-alike)", () => {
    expect(workbookSource("https://mempool.example.org", never)).toEqual({
      kind: "ask",
      base: "https://mempool.example.org",
      host: "mempool.example.org",
      idn: false,
    });
    const lookAlike = workbookSource("https://mеmpool.space", never);
    expect(lookAlike).toMatchObject({ kind: "ask", idn: true });
    expect(lookAlike.kind === "ask" && lookAlike.host).toMatch(/^xn--/);
  });

  test("a host accepted for this workbook: used", () => {
    const accepted = (base: string) => base === "https://mempool.example.org";
    expect(workbookSource("https://mempool.example.org/", accepted)).toEqual({
      kind: "use",
      base: "https://mempool.example.org",
      host: "mempool.example.org",
    });
  });

  test("an intranet host, a CSP injection or a non-text value: refused, and the reason given", () => {
    expect(workbookSource("https://intranet.corp", never)).toMatchObject({ kind: "refuse", reason: expect.stringMatching(/local or intranet/) });
    expect(workbookSource("https://x;script-src", never)).toMatchObject({ kind: "refuse", shown: "https://x;script-src" });
    expect(workbookSource(42, never)).toMatchObject({ kind: "refuse", reason: "it is not text" });
    const long = workbookSource("https://" + "a".repeat(10_000) + ".org", never);
    expect(long.kind === "refuse" && long.shown.length).toBeLessThanOrEqual(61);
  });
});
