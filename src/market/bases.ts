/**
 * Where the market data comes from: the providers' public https base URLs (a user's own mempool
 * instance is checked by source-url.ts).
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
