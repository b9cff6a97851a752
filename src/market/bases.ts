/**
 * Where the market data comes from: the providers' public https base URLs, and the rules for a
 * user's own mempool instance. Kept apart from the service so the CSP script stays small.
 */
/** Base URL of each provider. mempool may be the user's own instance. */
export interface ProviderBases {
  mempool: string;
  "blockchain.info": string;
  coinbase: string;
  kraken: string;
  coingecko: string;
}

export const PUBLIC_BASES: ProviderBases = {
  mempool: "https://mempool.space",
  "blockchain.info": "https://blockchain.info",
  coinbase: "https://api.coinbase.com",
  kraken: "https://api.kraken.com",
  coingecko: "https://api.coingecko.com",
};

declare const __MINER_TEST_HOOKS__: boolean | undefined;

/**
 * Provider base URLs. Production: the public https APIs, fixed at build time. Test builds only
 * (webpack's MINER_TEST_HOOKS, dead code in production) may point them at a fake server through
 * `window.MINER_TEST_BASES`, set before the bundles load.
 */
export function providerBases(): ProviderBases {
  if (typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__) {
    const injected = (globalThis as { MINER_TEST_BASES?: ProviderBases }).MINER_TEST_BASES;
    if (injected) return injected;
  }
  return PUBLIC_BASES;
}

/** Whether a user-supplied mempool base URL is acceptable: https (http only to 127.0.0.1 in test builds). */
export function isAllowedMempoolUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  if (u.protocol === "https:") return true;
  const testBuild = typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__;
  return testBuild && u.protocol === "http:" && u.hostname === "127.0.0.1";
}
