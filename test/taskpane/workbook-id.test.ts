/*
 * A workbook's own id, which the user's acceptance of its host belongs to (src/taskpane/workbook-id.ts):
 * made once, kept in the document settings, never shared by two workbooks that have no URL.
 */
import { acceptanceKey, ensureWorkbookId, randomId, workbookId, WORKBOOK_ID_SETTING } from "../../src/taskpane/workbook-id";
import { accept, isAccepted, SettingsStore } from "../../src/taskpane/settings";

/** Office's document settings for one workbook, in memory. */
const documentSettings = (initial: Record<string, unknown> = {}) => {
  const values = new Map(Object.entries(initial));
  return { get: (k: string) => (values.has(k) ? values.get(k) : null), set: (k: string, v: unknown) => void values.set(k, v), values };
};
const memoryStore = (): SettingsStore => {
  const m = new Map<string, string>();
  return { persistent: true, get: (k) => m.get(k), set: (k, v) => (v === undefined ? m.delete(k) : m.set(k, v)) && undefined };
};
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("ids are random version-4 UUIDs, with or without crypto.randomUUID", () => {
  const ids = new Set(Array.from({ length: 200 }, randomId));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(UUID4);
  const saved = crypto.randomUUID;
  try {
    (crypto as { randomUUID?: unknown }).randomUUID = undefined; // an older webview
    expect(randomId()).toMatch(UUID4);
  } finally {
    (crypto as { randomUUID?: unknown }).randomUUID = saved;
  }
});

test("a workbook gets its id once, in its own settings; anything else in the setting is not an id", () => {
  const doc = documentSettings();
  expect(workbookId(doc)).toBeUndefined();
  const first = ensureWorkbookId(doc);
  expect(first.created).toBe(true);
  expect(doc.values.get(WORKBOOK_ID_SETTING)).toBe(first.id);
  expect(ensureWorkbookId(doc)).toEqual({ id: first.id, created: false });
  for (const junk of ["", "x", 42, "00000000-0000-0000-0000-000000000000", `${first.id} `])
    expect(workbookId(documentSettings({ [WORKBOOK_ID_SETTING]: junk }))).toBeUndefined();
});

test("two unsaved workbooks (no URL) asking for the same host do not share an acceptance", () => {
  const browser = memoryStore();
  const a = documentSettings({ mempoolBaseUrl: "https://mempool.example.org" });
  const b = documentSettings({ mempoolBaseUrl: "https://mempool.example.org" });
  accept(browser, acceptanceKey(ensureWorkbookId(a).id), "https://mempool.example.org");
  expect(isAccepted(browser, acceptanceKey(workbookId(a)!), "https://mempool.example.org")).toBe(true);
  expect(workbookId(b)).toBeUndefined(); // never accepted: asked
  expect(isAccepted(browser, acceptanceKey(ensureWorkbookId(b).id), "https://mempool.example.org")).toBe(false);
});
