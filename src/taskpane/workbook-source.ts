/**
 * Which mempool instance a workbook gets. A workbook may carry its own instance in its document
 * settings, and a workbook can come from anyone: its host is never adopted silently. The user
 * is asked once per workbook and host, and the answer is kept in this browser (settings.ts),
 * never in the workbook, which its sender controls.
 */
import { clip } from "../market/clip";
import { PUBLIC_BASES } from "../market/bases";
import { parseMempoolBase } from "../market/source-url";

export type SourceDecision =
  /** No instance of its own (or mempool.space itself): the default. */
  | { kind: "default" }
  /** An instance the user accepted for this workbook. */
  | { kind: "use"; base: string; host: string }
  /** An instance the user has not accepted yet: ask before any request goes there. */
  | { kind: "ask"; base: string; host: string; idn: boolean }
  /** A setting that is not an acceptable base URL: never used, and said. */
  | { kind: "refuse"; shown: string; reason: string };

/**
 * What to do with a workbook's own mempool setting (whatever its document settings hold), given
 * whether the user accepted a base for this workbook before.
 */
export function workbookSource(setting: unknown, accepted: (base: string) => boolean): SourceDecision {
  if (setting === null || setting === undefined || setting === "") return { kind: "default" };
  if (typeof setting !== "string") return { kind: "refuse", shown: "(not text)", reason: "it is not text" };
  const check = parseMempoolBase(setting);
  if (!check.ok) return { kind: "refuse", shown: clip(setting.trim()), reason: check.reason };
  if (check.base === PUBLIC_BASES.mempool) return { kind: "default" };
  if (accepted(check.base)) return { kind: "use", base: check.base, host: check.host };
  return { kind: "ask", base: check.base, host: check.host, idn: check.idn };
}
