/**
 * Rendering the pane from a snapshot. Every piece of fetched text goes in through textContent or
 * an attribute: nothing from a provider is ever parsed as HTML.
 *
 * The key figures (BTC price, difficulty, hashprice, height) are tiles at the top of Market; every
 * other field is a row of the table below. Both are built once and then updated in place, so a
 * refresh (or the 15 s age tick) never moves the keyboard focus, and text that did not change is
 * not touched. Live regions (the banner, the status lines) are written only when their text
 * changes: a screen reader hears a change, never the same words every 15 s.
 */
import { ProviderBases } from "../market/bases";
import { MarketSnapshot } from "../market/fields";
import { MarketRow, marketRows } from "./market-rows";
import { age, formatValue } from "./format";
import { describeSource } from "./sources";

/** The figures the pane shows first, in this order (workbook names). */
export const KEY_FIGURES = ["BTC_Price", "BTC_Difficulty", "BTC_Hashprice", "BTC_Height"] as const;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Sets an element's text only when it differs (a live region then speaks only on a change). */
export function setText(e: HTMLElement, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

function setAttr(e: HTMLElement, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/** The parts of one figure that change: value, stale flag, source name, its full address, age. */
interface Slots {
  holder: HTMLElement;
  num: HTMLElement;
  flag: HTMLElement;
  source: HTMLElement;
  detail: HTMLElement;
  age: HTMLElement;
}

/** A value cell's content and a source cell's content for the figure named `name`. */
function slots(holder: HTMLElement, value: HTMLElement, sourceCell: HTMLElement, name: string): Slots {
  const num = el("span", "num", "—");
  const flag = el("span", "flag", "stale");
  flag.hidden = true;
  value.append(num, " ", flag);
  // The source's friendly name is focusable: on hover or focus it shows its full address.
  const source = el("span", "src");
  source.tabIndex = 0;
  const detail = el("span", "src-detail");
  detail.id = `src-${name}`;
  detail.hidden = true;
  source.setAttribute("aria-describedby", detail.id);
  source.hidden = true;
  const ageText = el("span", "age", "not fetched");
  sourceCell.append(source, detail, ageText);
  return { holder, num, flag, source, detail, age: ageText };
}

function fill(s: Slots, r: MarketRow, snapshot: MarketSnapshot | undefined, now: number, bases: ProviderBases): void {
  s.holder.classList.toggle("stale", r.stale);
  s.flag.hidden = !r.stale;
  if (!r.value) {
    setText(s.num, "—");
    s.source.hidden = true;
    setText(s.age, snapshot?.partial ? "waiting for its source" : "not fetched");
    return;
  }
  setText(s.num, formatValue(r.field, r.value.value, r.field === "price" ? r.unit : "USD"));
  const { name, detail } = describeSource(r.value.source, bases);
  s.source.hidden = false;
  setText(s.source, name);
  setAttr(s.source, "title", detail);
  setText(s.detail, detail);
  setText(s.age, ` · ${age(r.value.asOf, now)}`);
}

const built = new WeakMap<HTMLElement, Map<string, Slots>>();

/** Builds the tiles (in `tiles`, a <dl>) and the table rows (in `tbody`) once. */
function build(tiles: HTMLElement, tbody: HTMLElement): Map<string, Slots> {
  const all = new Map<string, Slots>();
  const rows = marketRows(undefined);
  for (const name of KEY_FIGURES) {
    const r = rows.find((x) => x.name === name)!;
    const tile = el("div", "tile");
    tile.dataset.name = name;
    const value = el("dd", "value");
    const source = el("dd", "source");
    tile.append(el("dt", "label", r.label), value, source);
    all.set(name, slots(tile, value, source, name));
    tiles.append(tile);
  }
  for (const r of rows.filter((x) => !(KEY_FIGURES as readonly string[]).includes(x.name))) {
    const tr = el("tr");
    tr.dataset.name = r.name;
    const th = el("th", undefined, r.label);
    th.scope = "row";
    const value = el("td", "value");
    const source = el("td", "source");
    tr.append(th, value, source);
    all.set(r.name, slots(tr, value, source, r.name));
    tbody.append(tr);
  }
  return all;
}

/** Shows a snapshot in the key tiles and the table, updating in place. */
export function renderMarket(
  tiles: HTMLElement,
  tbody: HTMLElement,
  snapshot: MarketSnapshot | undefined,
  now: number,
  bases: ProviderBases,
): void {
  let all = built.get(tbody);
  if (!all) {
    all = build(tiles, tbody);
    built.set(tbody, all);
  }
  for (const r of marketRows(snapshot)) {
    const s = all.get(r.name);
    if (s) fill(s, r, snapshot, now, bases);
  }
}

/** The most problem lines the banner shows, and the most characters of each (the service bounds them too). */
export const MAX_BANNER_LINES = 8;
export const MAX_BANNER_LINE = 600;

/** The banner's lines for a snapshot: none when all is well. */
export function bannerLines(snapshot: MarketSnapshot | undefined, offline: boolean): string[] {
  const lines: string[] = [];
  if (offline) lines.push("You are offline: showing the last values fetched.");
  if (snapshot?.stale.length) lines.push(`Stale (last good value kept): ${snapshot.stale.join(", ")}.`);
  const problems = snapshot?.problems ?? [];
  for (const p of problems.slice(0, MAX_BANNER_LINES))
    lines.push(p.length > MAX_BANNER_LINE ? p.slice(0, MAX_BANNER_LINE) + "…" : p);
  if (problems.length > MAX_BANNER_LINES) lines.push(`(and ${problems.length - MAX_BANNER_LINES} more)`);
  return lines;
}

/**
 * The banner: hidden when all is well; a warning when some data is stale or a source failed; an
 * error when nothing could be fetched. An alert region, so it is rewritten only when its words
 * change, and only from a finished refresh: the partial snapshots published while a refresh runs
 * would shrink it and grow it back each time, with the same problems.
 */
export function renderBanner(banner: HTMLElement, snapshot: MarketSnapshot | undefined, offline: boolean): void {
  if (snapshot?.partial) return;
  const lines = bannerLines(snapshot, offline);
  const nothing = !!snapshot && !snapshot.partial && Object.keys(snapshot.fields).length === 0;
  const className = nothing ? "banner error" : "banner";
  if (banner.className !== className) banner.className = className;
  setText(banner, lines.join("\n"));
  if (banner.hidden !== (lines.length === 0)) banner.hidden = lines.length === 0;
}
