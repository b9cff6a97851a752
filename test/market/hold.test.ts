/*
 * A held MarketService (the pane holds it until the workbook's own choice of source is applied):
 * nothing is asked of any provider, by a live cell or anyone, while it is held; a live cell says
 * why it has no value yet instead of #BUSY!; on release the refreshes asked for meanwhile run once,
 * against the source chosen meanwhile, and the default instance is never asked.
 */
import { btcPrice } from "../../src/functions/live";
import { MarketService } from "../../src/market/service";
import { DEFAULT_POLICY } from "../../src/market/http";
import { BASES, FakeProviders, fakeProviders } from "../support/fake-providers";

const START = Date.UTC(2026, 11, 7, 12, 0);
/** The public instance the workbook opted out of: the fake providers know no such host (counted as "unknown"). */
const PUBLIC = "https://public-mempool.test";

let p: FakeProviders;
let service: MarketService;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
  service = new MarketService({ bases: { ...BASES, mempool: PUBLIC }, policy: DEFAULT_POLICY, deps: p.deps });
  (globalThis as Record<string, unknown>).__MINER_MARKET_SERVICE_V1__ = service;
});
afterEach(() => jest.useRealTimers());

function invocation() {
  const results: unknown[] = [];
  return { setResult: (v: unknown) => results.push(v), onCanceled: undefined as undefined | (() => void), results };
}
const total = () => Object.values(p.byProvider()).reduce((a, b) => a + b, 0);

test("held, nothing is asked by cells or the pane; released after the workbook's instance is applied, only that instance is asked, once per endpoint", async () => {
  service.hold("waiting for the workbook's choice of data source");
  const cells = Array.from({ length: 50 }, () => invocation());
  for (const c of cells) btcPrice(null, 1, c as never);
  const pane = service.refresh(true);
  await jest.advanceTimersByTimeAsync(10 * 60_000);
  expect(total()).toBe(0);
  expect(cells[0].results).toEqual([
    expect.objectContaining({
      code: "#N/A",
      message: "BTCPRICE: BTC price in USD not fetched yet: waiting for the workbook's choice of data source",
    }),
  ]);

  service.setMempoolBase(BASES.mempool); // the workbook's own instance
  service.release();
  await jest.advanceTimersByTimeAsync(20_000);
  await pane;
  expect(p.byProvider().unknown).toBeUndefined(); // the public instance: never
  expect(p.hits.get("mempool /api/v1/prices")).toBe(1); // one refresh for the pane and 50 cells
  expect(cells.every((c) => c.results[c.results.length - 1] === 91250)).toBe(true);
});

test("holding again only changes the reason; a service never held refreshes at once", async () => {
  service.hold("first");
  service.hold("this workbook asks for network data from mempool.example.org");
  expect(service.heldBecause).toBe("this workbook asks for network data from mempool.example.org");
  service.release();
  expect(service.heldBecause).toBeUndefined();
  const done = service.refresh();
  await jest.advanceTimersByTimeAsync(20_000);
  await done;
  expect(total()).toBeGreaterThan(0);
});
