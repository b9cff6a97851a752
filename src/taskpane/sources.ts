/**
 * Friendly names for the sources the market service records ("mempool.space /api/v1/prices",
 * "Coinbase /v2/prices/BTC-USD/spot, confirmed by …", "127.0.0.1:8080 /api/v1/prices",
 * "derived: MINER.HASHPRICE(…)"): the pane shows the provider's name, or the host of the user's
 * own instance, and keeps the full address (or the formula) for hover and focus. Pure; tested in Node.
 */
import { ProviderBases } from "../market/bases";

/** The names the service gives providers at their usual address, and which base each is. */
const PROVIDERS: Record<string, keyof ProviderBases> = {
  "mempool.space": "mempool",
  "blockchain.info": "blockchain.info",
  Coinbase: "coinbase",
  Kraken: "kraken",
  CoinGecko: "coingecko",
};

export interface SourceText {
  /** What the pane shows: "mempool.space", "Coinbase, confirmed by Kraken", "mempool.example.org", "derived". */
  name: string;
  /** The full address of each request (or the derivation), for the title and the accessible description. */
  detail: string;
}

/** One "name /path" part: its friendly name and full URL. */
function part(text: string, bases: ProviderBases): SourceText {
  const space = text.indexOf(" ");
  if (space < 0) return { name: text, detail: text };
  const name = text.slice(0, space);
  const path = text.slice(space + 1);
  const provider = PROVIDERS[name];
  if (provider) return { name, detail: bases[provider].replace(/\/+$/, "") + path };
  // A user's or a workbook's own instance is labelled by its host: its base may carry a path.
  let base = "";
  try {
    const mempool = new URL(bases.mempool);
    if (mempool.host === name) base = bases.mempool.replace(/\/+$/, "");
  } catch {
    // not a URL: shown as it is
  }
  return { name, detail: base ? base + path : text };
}

/** The friendly name and the full detail of a source label; `bases` are the addresses in use. */
export function describeSource(source: string, bases: ProviderBases): SourceText {
  if (source.startsWith("derived:")) return { name: "derived", detail: source };
  const parts = source.split(", confirmed by ").map((p) => part(p, bases));
  return {
    name: parts.map((p) => p.name).join(", confirmed by "),
    detail: parts.map((p) => p.detail).join(", confirmed by "),
  };
}
