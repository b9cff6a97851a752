/**
 * The pane's views as tabs, after the WAI-ARIA Authoring Practices' tabs pattern with automatic
 * activation: one tab stop for the tab list (the selected tab), Left/Right arrows move between
 * tabs and show each at once, Home/End go to the first/last; each tab controls its tabpanel.
 */

/** Wires a tablist whose tabs name their panels with aria-controls. Returns a function that selects a tab by id. */
export function setUpTabs(tablist: HTMLElement, onSelect?: (tabId: string) => void): (tabId: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
  const panel = (tab: HTMLElement) => document.getElementById(tab.getAttribute("aria-controls") ?? "");

  const select = (id: string, focus = false) => {
    for (const tab of tabs) {
      const selected = tab.id === id;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const p = panel(tab);
      if (p) p.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    onSelect?.(id);
  };

  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener("click", () => select(tab.id));
    tab.addEventListener("keydown", (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length].id, true);
    });
  }
  const initial = tabs.find((t) => t.getAttribute("aria-selected") === "true") ?? tabs[0];
  if (initial) select(initial.id);
  return (id) => select(id);
}
