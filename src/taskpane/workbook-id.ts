/**
 * Which workbook a user's acceptance of a host belongs to. A workbook is known by an id of its own,
 * random, kept in its document settings (saved with it), made the first time the user accepts a
 * host for it: not by its URL, which every unsaved workbook shares (empty) and which changes when
 * a file is moved. A workbook without an id has never been accepted for anything, so it is asked
 * about. Its sender can copy an id only from a workbook they have, and an acceptance is for one id
 * and one host together (settings.ts).
 */

/** The document setting that holds the workbook's id. */
export const WORKBOOK_ID_SETTING = "minerWorkbookId";
/** An id as randomId makes them (a version-4 UUID); anything else in the setting is ignored. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The part of Office's document settings used here. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

/** A random version-4 UUID (crypto.randomUUID where the webview has it). */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The workbook's id, or undefined when it has none (or something that is not one). */
export function workbookId(settings: DocumentSettings): string | undefined {
  const v = settings.get(WORKBOOK_ID_SETTING);
  return typeof v === "string" && ID.test(v) ? v : undefined;
}

/**
 * The workbook's id, made and set when it has none; `created` says the caller must save the
 * document settings (saveAsync) for it to last.
 */
export function ensureWorkbookId(
  settings: DocumentSettings,
  make: () => string = randomId,
): { id: string; created: boolean } {
  const id = workbookId(settings);
  if (id) return { id, created: false };
  const made = make();
  settings.set(WORKBOOK_ID_SETTING, made);
  return { id: made, created: true };
}

/** The key the user's acceptances are kept under for a workbook with this id. */
export const acceptanceKey = (id: string) => `workbook ${id}`;
