/**
 * Rendering the pane from a snapshot. Every piece of fetched text goes in through textContent:
 * nothing from a provider is ever parsed as HTML.
 */
import { MarketSnapshot } from "../market/fields";
import { marketRows } from "./market-rows";
import { age, formatValue } from "./format";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

export function renderRows(tbody: HTMLElement, snapshot: MarketSnapshot | undefined, now: number): void {
  tbody.replaceChildren(
    ...marketRows(snapshot).map((r) => {
      const tr = el("tr");
      tr.dataset.name = r.name;
      if (r.stale) tr.className = "stale";
      const th = el("th", r.label);
      th.scope = "row";
      const value = r.value ? formatValue(r.field, r.value.value, r.field === "price" ? r.unit : "USD") : "—";
      const source = r.value
        ? `${r.value.source} · ${age(r.value.asOf, now)}`
        : snapshot?.partial
          ? "waiting for its source"
          : "not fetched";
      tr.append(th, el("td", value, "value"), el("td", source, "source"));
      return tr;
    }),
  );
}

/** The most problem lines the banner shows, and the most characters of each (the service bounds them too). */
export const MAX_BANNER_LINES = 8;
export const MAX_BANNER_LINE = 600;

/** The banner: hidden when all is well; a warning when some data is stale or a source failed. */
export function renderBanner(banner: HTMLElement, snapshot: MarketSnapshot | undefined, offline: boolean): void {
  const lines: string[] = [];
  if (offline) lines.push("You are offline: showing the last values fetched.");
  if (snapshot?.stale.length) lines.push(`Stale (last good value kept): ${snapshot.stale.join(", ")}.`);
  const problems = snapshot?.problems ?? [];
  for (const p of problems.slice(0, MAX_BANNER_LINES))
    lines.push(p.length > MAX_BANNER_LINE ? p.slice(0, MAX_BANNER_LINE) + "…" : p);
  if (problems.length > MAX_BANNER_LINES) lines.push(`(and ${problems.length - MAX_BANNER_LINES} more)`);
  banner.hidden = lines.length === 0;
  const nothing = !!snapshot && !snapshot.partial && Object.keys(snapshot.fields).length === 0;
  banner.className = nothing ? "banner error" : "banner";
  banner.textContent = lines.join("\n");
}
