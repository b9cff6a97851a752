/**
 * The providers in-process, for tests on a fake clock (jest's modern fake timers): a FetchFn that
 * answers each provider's paths with the recorded responses (test/fixtures/api), or with what the
 * test scripts for a path, after a delay measured on the fake clock, or never. Abort signals are
 * honoured as a browser's fetch does. It counts requests per provider and per path, and the
 * requests still open.
 */
import { FetchFn, FetchResponse, HttpDeps } from "../../src/market/http";
import { ProviderBases } from "../../src/market/bases";
import { fixture } from "./fixtures";

export const BASES: ProviderBases = {
  mempool: "https://mempool.test",
  "blockchain.info": "https://blockchain.test",
  coinbase: "https://coinbase.test",
  kraken: "https://kraken.test",
  coingecko: "https://coingecko.test",
};

/** Path keys are "provider path": "mempool /api/v1/prices", "coinbase /v2/prices/BTC-USD/spot". */
const FIXTURES: Record<string, string> = {
  "mempool /api/v1/prices": "mempool/v1-prices.json",
  "mempool /api/blocks/tip/height": "mempool/blocks-tip-height.txt",
  "mempool /api/v1/mining/hashrate/3d": "mempool/v1-mining-hashrate-3d.json",
  "mempool /api/v1/mining/reward-stats/144": "mempool/v1-mining-reward-stats-144.json",
  "mempool /api/v1/difficulty-adjustment": "mempool/v1-difficulty-adjustment.json",
  "blockchain.info /q/getdifficulty": "blockchain-info/q-getdifficulty.txt",
  "blockchain.info /q/getblockcount": "blockchain-info/q-getblockcount.txt",
  "blockchain.info /ticker": "blockchain-info/ticker.json",
  "coinbase /v2/prices/BTC-USD/spot": "coinbase/v2-prices-btc-usd-spot.json",
  "kraken /0/public/Ticker": "kraken/0-public-ticker-xbtusd.json",
  "coingecko /api/v3/simple/price": "coingecko/simple-price-bitcoin-usd.json",
};

export interface Answer {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer after this long on the fake clock, ms (default 50). */
  delayMs?: number;
  /** Never answer (until aborted). */
  never?: boolean;
}

/** What a path answers: a fixed answer, or one computed per request (n = this path's request number, from 1). */
export type Script = Answer | ((n: number) => Answer);

export interface FakeProviders {
  deps: HttpDeps;
  /** Scripts by path key ("mempool /api/v1/prices") or by provider ("coinbase"): the longer key wins. */
  scripts: Map<string, Script>;
  hits: Map<string, number>;
  /** Requests per provider (mempool, blockchain.info, coinbase, kraken, coingecko). */
  byProvider(): Record<string, number>;
  open: number;
}

const PROVIDER_OF: [string, keyof ProviderBases][] = Object.entries(BASES).map(([p, b]) => [
  b,
  p as keyof ProviderBases,
]);

export function fakeProviders(): FakeProviders {
  const scripts = new Map<string, Script>();
  const hits = new Map<string, number>();
  const state = { open: 0 };
  const fetch: FetchFn = (url, init) => {
    const [base, provider] = PROVIDER_OF.find(([b]) => url.startsWith(b + "/")) ?? ["", "unknown"];
    const path = url.slice(base.length).split("?")[0];
    const key = `${provider} ${path}`;
    const n = (hits.get(key) ?? 0) + 1;
    hits.set(key, n);
    const script = scripts.get(key) ?? scripts.get(provider);
    const answer: Answer = typeof script === "function" ? script(n) : (script ?? {});
    state.open++;
    return new Promise<FetchResponse>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        state.open--;
        init.signal.removeEventListener("abort", abort);
      };
      const abort = () => {
        clearTimeout(timer);
        done();
        reject(new DOMException("The operation was aborted.", "AbortError"));
      };
      if (init.signal.aborted) return abort();
      init.signal.addEventListener("abort", abort);
      if (answer.never) return;
      timer = setTimeout(() => {
        done();
        const status = answer.status ?? (FIXTURES[key] ? 200 : 404);
        const body = answer.body ?? (FIXTURES[key] ? fixture(FIXTURES[key]) : "not found");
        const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        resolve({
          ok: status >= 200 && status < 300,
          status,
          url,
          headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
          text: async () => body,
        });
      }, answer.delayMs ?? 50);
    });
  };
  return {
    deps: { fetch, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() },
    scripts,
    hits,
    byProvider() {
      const out: Record<string, number> = {};
      for (const [key, n] of hits) {
        const provider = key.split(" ")[0];
        out[provider] = (out[provider] ?? 0) + n;
      }
      return out;
    },
    get open() {
      return state.open;
    },
  };
}

/** Bodies in each provider's shape, for a price the test chooses. */
export const priceBodies = {
  mempool: (usd: number) => JSON.stringify({ time: 0, USD: usd }),
  coinbase: (usd: number) => JSON.stringify({ data: { amount: usd.toFixed(2), base: "BTC", currency: "USD" } }),
  kraken: (usd: number) => JSON.stringify({ error: [], result: { XXBTZUSD: { c: [usd.toFixed(1), "0.1"] } } }),
  coingecko: (usd: number) => JSON.stringify({ bitcoin: { usd } }),
  blockchain: (usd: number) => JSON.stringify({ USD: { last: usd } }),
};
