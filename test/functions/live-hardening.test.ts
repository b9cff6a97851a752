/*
 * Live functions against hostile input and slow providers: an
 * argument is quoted at most 60 characters deep, and a cell whose source is still answering is
 * not shown #N/A in the meantime, while cells whose sources answered update at once.
 */
import { btcPrice, difficulty, network } from "../../src/functions/live";
import { MarketService } from "../../src/market/service";
import { FakeApi, startFakeApi } from "../support/fake-api";
import { serviceOn } from "../support/market-service";

let api: FakeApi;
let service: MarketService;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  service = serviceOn(api, { cacheMs: 60_000 });
  (globalThis as Record<string, unknown>).__MINER_MARKET_SERVICE_V1__ = service;
});

function invocation() {
  const results: unknown[] = [];
  return { setResult: (v: unknown) => results.push(v), onCanceled: undefined as undefined | (() => void), results };
}

test("a 32,767-character argument is quoted only 60 characters deep", () => {
  const huge = "A".repeat(32_767);
  for (const [call, fn] of [
    [(inv: never) => btcPrice(huge, inv), "BTCPRICE"],
    [(inv: never) => network(huge, inv), "NETWORK"],
    [(inv: never) => network([[huge]], inv), "NETWORK"],
  ] as const) {
    const inv = invocation();
    call(inv as never);
    const e = inv.results[0] as { code: string; message: string };
    expect(e.code).toBe("#VALUE!");
    expect(e.message.startsWith(`${fn}: `)).toBe(true);
    expect(e.message).toContain(`got "${"A".repeat(60)}"… (32,767 characters)`);
    expect(e.message).not.toContain("A".repeat(61));
  }
});

test("while a refresh is under way, a cell waits for its own source and others update at once", async () => {
  let open = () => {};
  api.faults.set("/mempool/api/v1/prices", { until: new Promise<void>((r) => (open = r)) });
  const p = invocation();
  const d = invocation();
  btcPrice(null, p as never);
  difficulty(d as never);
  for (let k = 0; k < 200 && d.results.length === 0; k++) await new Promise((r) => setTimeout(r, 25));
  expect(d.results[0]).toBe(162010345678901.25); // published before the price answered
  expect(p.results).toEqual([]); // no #N/A meanwhile
  open();
  await service.refresh();
  expect(p.results[p.results.length - 1]).toBe(91250);
  expect(p.results.every((v) => typeof v === "number")).toBe(true);
});
