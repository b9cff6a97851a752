/*
 * Loaded first, before any other script: narrows the page's connect-src to the market-data
 * providers and, if the user set one, their own mempool instance. The static policy in the HTML
 * already forbids inline script, eval and plain http (production); this adds a second policy,
 * and a request must satisfy both.
 */
import { isAllowedMempoolUrl, providerBases } from "../market/bases";
import { savedMempoolUrl } from "./settings";

/** True only in `npm start` builds (webpack DefinePlugin): production carries no localhost at all. */
declare const __MINER_DEV_SERVER__: boolean | undefined;

export function connectSources(): string[] {
  const origins = new Set<string>(["'self'", "https://appsforoffice.microsoft.com"]);
  for (const base of Object.values(providerBases())) origins.add(new URL(base).origin);
  // webpack-dev-server's live-reload socket, in development only
  if (
    typeof __MINER_DEV_SERVER__ !== "undefined" &&
    __MINER_DEV_SERVER__ &&
    typeof location !== "undefined" &&
    location.host === "localhost:3000"
  ) {
    origins.add("wss://localhost:3000");
  }
  const custom = savedMempoolUrl();
  if (custom && isAllowedMempoolUrl(custom)) origins.add(new URL(custom).origin);
  return [...origins];
}

if (typeof document !== "undefined") {
  const meta = document.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = `connect-src ${connectSources().join(" ")}`;
  document.head.appendChild(meta);
}
