/**
 * A fake of every provider the add-in reads, on 127.0.0.1, serving the recorded responses with
 * CORS headers as the real APIs do, and faults on demand: delays past the timeout, 429 with
 * Retry-After, 500s, truncated or wrong bodies, missing CORS headers, answers held until a test
 * releases them. It counts requests per path, and the requests it is holding.
 *
 * What it answers is decided by `fakeAnswers` alone, without the server: the shipped pane's tests
 * (test/support/shipped-pane.ts) answer the providers' real addresses from it in the browser.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { fixture } from "./fixtures";

/** Path (without query) -> fixture file, per provider prefix. */
const ROUTES: Record<string, string> = {
  "/mempool/api/v1/prices": "mempool/v1-prices.json",
  "/mempool/api/blocks/tip/height": "mempool/blocks-tip-height.txt",
  "/mempool/api/v1/mining/hashrate/3d": "mempool/v1-mining-hashrate-3d.json",
  "/mempool/api/v1/mining/reward-stats/144": "mempool/v1-mining-reward-stats-144.json",
  "/mempool/api/v1/difficulty-adjustment": "mempool/v1-difficulty-adjustment.json",
  "/mempool/api/v1/mining/difficulty-adjustments/1y": "mempool/v1-mining-difficulty-adjustments-1y.json",
  "/mempool/api/v1/mining/hashrate/1y": "mempool/v1-mining-hashrate-1y.json",
  "/mempool/api/v1/mining/blocks/rewards/1y": "mempool/v1-mining-blocks-rewards-1y.json",
  "/mempool/api/v1/historical-price": "mempool/v1-historical-price-usd.json",
  "/blockchain/q/getdifficulty": "blockchain-info/q-getdifficulty.txt",
  "/blockchain/q/getblockcount": "blockchain-info/q-getblockcount.txt",
  "/blockchain/ticker": "blockchain-info/ticker.json",
  "/coinbase/v2/prices/BTC-USD/spot": "coinbase/v2-prices-btc-usd-spot.json",
  "/kraken/0/public/Ticker": "kraken/0-public-ticker-xbtusd.json",
  "/coingecko/api/v3/simple/price": "coingecko/simple-price-bitcoin-usd.json",
};

export interface Fault {
  status?: number;
  body?: string;
  delayMs?: number;
  headers?: Record<string, string>;
  noCors?: boolean;
  /** Apply only to the first n requests, then serve normally. */
  times?: number;
  /** Answer only once this settles: a test releases it when it is ready (no real waiting). */
  until?: Promise<unknown>;
}

/** How to answer one request: send this, after `delayMs` (real time) or once `until` settles. */
export interface FakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs?: number;
  until?: Promise<unknown>;
}

/** The fake providers' faults and counts, and the answer to each request (see `fakeAnswers`). */
export interface FakeAnswers {
  /** Faults by path prefix (e.g. "/mempool" for the whole provider, or a full path). */
  faults: Map<string, Fault>;
  /** Requests served, by path. */
  hits: Map<string, number>;
  totalHits(): number;
  /** Counts a request for `path` (no query) and says how to answer it. */
  answer(path: string): FakeAnswer;
  /** Whether `path` is one the real providers answer (a recorded response exists for it). */
  isRecorded(path: string): boolean;
  reset(): void;
}

export interface FakeApi extends FakeAnswers {
  url: string;
  bases: { mempool: string; "blockchain.info": string; coinbase: string; kraken: string; coingecko: string };
  /** Requests held (a fault's `until` not settled yet) whose connection is still open. */
  held(): number;
  close(): Promise<void>;
}

/**
 * The answers alone: the recorded response of a path, or what the longest fault prefix of it
 * says (a fault with `times` applies to that many requests only).
 */
export function fakeAnswers(): FakeAnswers {
  const faults = new Map<string, Fault>();
  const hits = new Map<string, number>();
  return {
    faults,
    hits,
    totalHits: () => [...hits.values()].reduce((a, b) => a + b, 0),
    isRecorded: (path) => path in ROUTES,
    answer(path) {
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const faultKey = [...faults.keys()].filter((k) => path.startsWith(k)).sort((a, b) => b.length - a.length)[0];
      let fault = faultKey ? faults.get(faultKey) : undefined;
      if (fault?.times !== undefined) {
        if (fault.times <= 0) fault = undefined;
        else fault.times--;
      }
      const headers: Record<string, string> = {
        "Content-Type": path.endsWith("height") || path.includes("/q/") ? "text/plain" : "application/json",
      };
      if (!fault?.noCors) headers["Access-Control-Allow-Origin"] = "*";
      Object.assign(headers, fault?.headers ?? {});
      const route = ROUTES[path];
      return {
        status: fault?.status ?? (route ? 200 : 404),
        headers,
        body: fault?.body ?? (route ? fixture(route) : "not found"),
        delayMs: fault?.delayMs,
        until: fault?.until,
      };
    },
    reset() {
      faults.clear();
      hits.clear();
    },
  };
}

export async function startFakeApi(): Promise<FakeApi> {
  const answers = fakeAnswers();
  const sockets = new Set<import("net").Socket>();
  let held = 0;
  const server = http.createServer((req, res) => {
    const a = answers.answer((req.url ?? "/").split("?")[0]);
    const send = () => {
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    };
    const answer = () => {
      if (a.delayMs)
        setTimeout(send, a.delayMs).unref(); // never keeps the test process alive
      else send();
    };
    if (a.until) {
      held++;
      let released = false;
      const release = () => {
        if (!released) held--;
        released = true;
      };
      res.on("close", release); // the client gave up (a timeout, a cancelled hedge)
      a.until.then(
        () => (release(), answer()),
        () => (release(), answer()),
      );
    } else answer();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...answers,
    url,
    bases: {
      mempool: `${url}/mempool`,
      "blockchain.info": `${url}/blockchain`,
      coinbase: `${url}/coinbase`,
      kraken: `${url}/kraken`,
      coingecko: `${url}/coingecko`,
    },
    held: () => held,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
