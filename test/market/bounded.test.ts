/*
 * Bounded work against hostile or slow providers (issue 15, findings 6, 7 and 9): fields publish
 * as their sources answer, a refresh ends by its deadline, slow 503s do not hold other fields,
 * bodies are read only up to a cap, provider text is cut short, JSON nesting is bounded,
 * redirects to another host are refused, and a user's instance is labelled by its host.
 */
import { FakeApi, startFakeApi } from "../support/fake-api";
import { POLICY, serviceOn } from "../support/market-service";
import { MarketSnapshot } from "../../src/market/fields";
import { FetchFailure, FetchResponse, MAX_MESSAGE, readCapped } from "../../src/market/http";
import { MAX_PROBLEM } from "../../src/market/service";
import { krakenTicker } from "../../src/market/providers/others";
import { MEMPOOL_ENDPOINTS as M } from "../../src/market/providers/mempool";

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

/** A promise and the function that settles it: answers held by the fake API until the test says so. */
function gate(): { until: Promise<void>; open: () => void } {
  let open = () => {};
  const until = new Promise<void>((r) => (open = r));
  return { until, open };
}

/** Resolves with the first published snapshot that satisfies `test`. */
function published(svc: ReturnType<typeof serviceOn>, test: (s: MarketSnapshot) => boolean): Promise<MarketSnapshot> {
  return new Promise((resolve) => {
    const off = svc.subscribe((s) => {
      if (test(s)) {
        off();
        resolve(s);
      }
    });
  });
}

describe("a refresh is bounded, and fields do not wait on unrelated providers", () => {
  test("each group of fields publishes as soon as its provider answers", async () => {
    const held = gate();
    api.faults.set("/mempool/api/v1/prices", { until: held.until });
    const svc = serviceOn(api);
    const others = ["difficulty", "block_height", "fees_btc_per_block", "next_retarget_change"] as const;
    const early = published(svc, (s) => !!s.partial && others.every((id) => s.fields[id]));
    const done = svc.refresh();
    const partial = await early; // while the price is still held
    expect(partial.fields.btc_price_usd).toBeUndefined();
    expect(partial.fields.fees_btc_per_block?.value).toBeCloseTo(0.025, 12);
    expect(partial.stale).toEqual([]); // pending is not stale
    held.open();
    const s = await done;
    expect(s.partial).toBeUndefined();
    expect(s.fields.btc_price_usd?.value).toBe(91_250);
  });

  test("a refresh ends at its deadline with what answered; a silent provider is reported, not waited for", async () => {
    const never = gate(); // never opened
    api.faults.set("/mempool/api/v1/prices", { until: never.until });
    const svc = serviceOn(api, { policy: { ...POLICY, timeoutMs: 120_000 }, deadlineMs: 1500 });
    const s = await svc.refresh();
    expect(s.fields.btc_price_usd).toBeUndefined();
    expect(s.fields.difficulty?.value).toBe(162010345678901.25);
    // The first reading (Coinbase's, asked at once beside mempool) waited for a confirmation that the limit cut short.
    expect(s.problems.join("\n")).toMatch(
      /^BTC price: Coinbase \/v2\/prices\/BTC-USD\/spot says 91,248\.57, not used: it is the first reading since the add-in started, and no second provider confirmed it \(127\.0\.0\.1:\d+ did not answer before the refresh's time limit; no time left within the refresh's 1\.5 s limit\)$/m,
    );
  });

  test("slow 503s with Retry-After: the other fields publish at once, and the price moves on to the fallback", async () => {
    api.faults.set("/mempool/api/v1/prices", { status: 503, headers: { "Retry-After": "1" }, delayMs: 400 });
    const svc = serviceOn(api, { policy: { ...POLICY, timeoutMs: 1500, maxRetryAfterMs: 5000 } });
    const early = published(svc, (s) => !!s.partial && !!s.fields.difficulty);
    const done = svc.refresh();
    expect((await early).fields.btc_price_usd).toBeUndefined();
    const s = await done;
    expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
    expect(s.problems.join("\n")).toMatch(/BTC price from Coinbase .* because 127\.0\.0\.1:\d+ (did not answer within 1\.5 s|answered HTTP 503, and a retry would not fit in the time left)/);
  });
});

describe("hostile bodies and error text", () => {
  test("a 50 MB body is refused after the first 1 MiB, and the next provider is used", async () => {
    api.faults.set("/mempool/api/v1/prices", { body: '{"USD": 91250, "error": ["' + "x".repeat(50_000_000) + '"]}' });
    const s = await serviceOn(api).refresh();
    expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
    expect(s.problems[0]).toMatch(/127\.0\.0\.1:\d+ sent more than 1024 KB: refused/);
  });

  test("a body is read only up to the cap: an endless stream is cancelled after it", async () => {
    let reads = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024);
    const response: FetchResponse = {
      ok: true,
      status: 200,
      headers: { get: () => null },
      text: () => Promise.reject(new Error("never read whole")),
      body: {
        getReader: () => ({
          read: async () => {
            reads++;
            return { done: false, value: chunk };
          },
          cancel: async () => {
            cancelled = true;
          },
        }),
      },
    };
    await expect(readCapped(response, 1 << 20, "endless.example")).rejects.toThrow(/endless\.example sent more than 1024 KB/);
    expect(reads).toBe(17); // 16 chunks fill 1 MiB; the 17th is one too many
    expect(cancelled).toBe(true);
  });

  test("a 400-character error token and a 5,000-deep error list are cut short, never a stack overflow", async () => {
    const long = `{"error":["E${"x".repeat(400)}"],"result":{}}`;
    expect(() => krakenTicker.parse(long)).toThrow(/^kraken ticker: Ex{59}…$/);
    const deep = `{"error":${"[".repeat(5000)}${"]".repeat(5000)},"result":{}}`;
    expect(() => krakenTicker.parse(deep)).toThrow(/kraken ticker: the response nests deeper than 16 levels/);
    const many = JSON.stringify({ error: Array.from({ length: 10_000 }, (_, i) => `E${i}`), result: {} });
    expect(() => krakenTicker.parse(many)).toThrow(/^kraken ticker: E0; E1; E2 \(and 9997 more\)$/);
    expect(() => M.prices.parse(`{"USD": "${"9".repeat(100_000)}"}`)).toThrow(/expected a number, got "9{40}…"$/);

    for (const p of ["/mempool/api/v1/prices", "/coinbase", "/coingecko", "/blockchain/ticker"]) api.faults.set(p, { status: 503 });
    api.faults.set("/kraken", { body: long });
    let s = await serviceOn(api, { policy: { ...POLICY, retries: 0 } }).refresh();
    expect(s.problems[0]).toMatch(/kraken ticker: Ex{59}…/);
    expect(s.problems[0].length).toBeLessThanOrEqual(MAX_PROBLEM + 1);
    api.faults.set("/kraken", { body: deep });
    s = await serviceOn(api, { policy: { ...POLICY, retries: 0 } }).refresh();
    expect(s.problems[0]).not.toMatch(/call stack/);
    expect(s.problems[0]).toMatch(/nests deeper than 16 levels/);
  });

  test("every failure message is bounded, whatever the provider sends", () => {
    expect(new FetchFailure("invalid", "y".repeat(10_000)).message.length).toBe(MAX_MESSAGE + 1);
  });
});

describe("where data comes from", () => {
  test("a redirect to another host is refused, so nothing is labelled with the wrong provider", async () => {
    const other = await startFakeApi();
    try {
      api.faults.set("/mempool/api/v1/prices", { status: 302, headers: { Location: `${other.url}/coinbase/v2/prices/BTC-USD/spot` } });
      const s = await serviceOn(api).refresh();
      expect(s.fields.btc_price_usd?.source).toBe("Coinbase /v2/prices/BTC-USD/spot, confirmed by Kraken /0/public/Ticker");
      expect(s.problems[0]).toMatch(/127\.0\.0\.1:\d+ redirected to 127\.0\.0\.1:\d+: refused \(data must come from the host it is labelled with\)/);
    } finally {
      await other.close();
    }
  });

  test("a user's own instance is labelled by its host, not as mempool.space", async () => {
    const own = await startFakeApi();
    try {
      const svc = serviceOn(api);
      expect(svc.setMempoolBase(`${own.url}/mempool`)).toBe(true);
      const s = await svc.refresh();
      const host = own.url.replace("http://", "");
      expect(s.fields.btc_price_usd?.source).toBe(`${host} /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot`);
      expect(s.fields.block_height?.source).toBe(`${host} /api/blocks/tip/height, confirmed by blockchain.info /q/getblockcount`);
      expect(s.fields.btc_price_usd?.source).not.toMatch(/mempool\.space/);
      expect(svc.setMempoolBase(undefined)).toBe(true);
      // Back at mempool.space: a new source, so its first reading is confirmed again.
      expect((await svc.refresh(true)).fields.btc_price_usd?.source).toBe("mempool.space /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot");
    } finally {
      await own.close();
    }
  });

  test("a new instance set during a refresh is used by the refresh asked for next, not lost in the one under way", async () => {
    const own = await startFakeApi();
    try {
      const held = gate();
      api.faults.set("/mempool/api/v1/prices", { until: held.until });
      const svc = serviceOn(api);
      const first = svc.refresh();
      svc.setMempoolBase(`${own.url}/mempool`);
      const second = svc.refresh(true);
      expect(second).not.toBe(first);
      held.open();
      await first;
      const s = await second;
      expect(s.fields.btc_price_usd?.source).toBe(`${own.url.replace("http://", "")} /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot`);
      expect(own.hits.get("/mempool/api/v1/prices")).toBe(1);
    } finally {
      await own.close();
    }
  });
});
