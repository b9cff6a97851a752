/*
 * The task pane, which is also the shared runtime page (so custom functions and the pane share
 * one JavaScript context). It lists the functions from the same functions.json Excel reads.
 */

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
}

function setStatus(text: string): void {
  const el = document.getElementById("host-status");
  if (el) el.textContent = text;
}

/** Builds the list with DOM nodes and textContent only: nothing fetched is parsed as HTML. */
export function renderFunctionList(list: HTMLElement, functions: FunctionMetadata[]): void {
  list.replaceChildren();
  for (const f of functions) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `help/${encodeURIComponent(f.id)}.html`;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = `MINER.${f.name}`;
    item.append(link);
    if (f.description) {
      const d = document.createElement("div");
      d.className = "muted";
      d.textContent = f.description;
      item.append(d);
    }
    list.append(item);
  }
}

async function loadFunctionList(): Promise<void> {
  const list = document.getElementById("function-list");
  if (!list) return;
  try {
    const response = await fetch("functions.json");
    const metadata = (await response.json()) as { functions: FunctionMetadata[] };
    renderFunctionList(list, metadata.functions);
  } catch {
    list.textContent = "The function list could not be loaded.";
  }
}

function start(): void {
  void loadFunctionList();
  if (typeof Office === "undefined") {
    setStatus("Running outside Office: workbook actions are unavailable.");
    return;
  }
  Office.onReady((info) => {
    setStatus(info.host ? `Connected to ${info.host}.` : "Running outside Office: workbook actions are unavailable.");
  });
}

if (typeof document !== "undefined") start();
