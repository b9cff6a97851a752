/*
 * BTCPRICE's refresh_minutes on a fake clock, with the providers in-process
 * (test/support/fake-providers.ts) and production's MarketService (15 s cache, back-off, hedges):
 * the cell asks for a refresh whenever the latest one is that old, any other refresh puts its
 * next request off, cells on one schedule share one refresh, a provider's back-off holds, and a
 * cancelled cell asks no more. Omitted, the cell asks only when it starts (the auto-refresh is the
 * pane's). Outside 1 minute to a day is #VALUE!.
 */
import { btcPrice } from "../../src/functions/live";
import { MarketService } from "../../src/market/service";
import { DEFAULT_POLICY } from "../../src/market/http";
import { BASES, FakeProviders, fakeProviders } from "../support/fake-providers";

const START = Date.UTC(2026, 11, 7, 12, 0);
const MINUTE = 60_000;
const PRICES = "mempool /api/v1/prices";

let p: FakeProviders;
let service: MarketService;
beforeEach(() => {
  jest.useFakeTimers({ now: START });
  p = fakeProviders();
  service = new MarketService({ bases: BASES, policy: DEFAULT_POLICY, deps: p.deps });
  (globalThis as Record<string, unknown>).__MINER_MARKET_SERVICE_V1__ = service;
});
afterEach(() => jest.useRealTimers());

function invocation() {
  const results: unknown[] = [];
  return { setResult: (v: unknown) => results.push(v), onCanceled: undefined as undefined | (() => void), results };
}
/** The minutes (since START, rounded down) at which mempool's price endpoint was asked. */
function asked(): number[] {
  return times.map((t) => Math.floor((t - START) / MINUTE));
}
let times: number[] = [];
beforeEach(() => {
  times = [];
  const script = () => (times.push(Date.now()), {});
  p.scripts.set(PRICES, script);
});

test("every 2 minutes: the cell asks at 0, 2, 4 and 6 minutes, shows each price, and stops when cancelled", async () => {
  const cell = invocation();
  btcPrice("USD", 2, cell as never);
  await jest.advanceTimersByTimeAsync(7 * MINUTE);
  expect(asked()).toEqual([0, 2, 4, 6]);
  expect(cell.results.filter((v) => v === 91250).length).toBeGreaterThanOrEqual(4);
  cell.onCanceled!();
  await jest.advanceTimersByTimeAsync(30 * MINUTE);
  expect(asked()).toEqual([0, 2, 4, 6]);
});

test("omitted, the cell asks once when it starts: later refreshes are the auto-refresh's, the ribbon's or the pane's", async () => {
  const cell = invocation();
  btcPrice(null, null, cell as never);
  await jest.advanceTimersByTimeAsync(30 * MINUTE);
  expect(asked()).toEqual([0]);
  expect(cell.results[cell.results.length - 1]).toBe(91250);
});

test("a refresh from elsewhere (the pane at minute 3) puts the cell's next request off to minute 8", async () => {
  btcPrice("USD", 5, invocation() as never);
  await jest.advanceTimersByTimeAsync(3 * MINUTE);
  void service.refresh(true);
  await jest.advanceTimersByTimeAsync(6 * MINUTE);
  expect(asked()).toEqual([0, 3, 8]);
});

test("200 cells on one schedule share one refresh a minute", async () => {
  const cells = Array.from({ length: 200 }, () => invocation());
  for (const c of cells) btcPrice("EUR", 1, c as never);
  await jest.advanceTimersByTimeAsync(5 * MINUTE + 30_000);
  expect(asked()).toEqual([0, 1, 2, 3, 4, 5]);
  expect(cells.every((c) => c.results[c.results.length - 1] === 78931)).toBe(true);
});

test("through the per-provider back-off: mempool answering 429 is not asked again for its 5 minutes, though the cell asks every minute", async () => {
  p.scripts.set("mempool", { status: 429 });
  p.scripts.set(PRICES, () => (times.push(Date.now()), { status: 429 }));
  const cell = invocation();
  btcPrice("USD", 1, cell as never);
  await jest.advanceTimersByTimeAsync(9 * MINUTE);
  expect(asked()).toEqual([0, 5]); // then 10 minutes: the default back-off doubles
  expect(p.byProvider().coinbase).toBeGreaterThanOrEqual(9); // the price came from the next provider every minute
  expect(typeof cell.results[cell.results.length - 1]).toBe("number");
});

test.each([
  [0.5, "refresh_minutes must be a number of minutes from 1 to 1440 (1 minute to a day); got 0.5"],
  [1441, "refresh_minutes must be a number of minutes from 1 to 1440 (1 minute to a day); got 1441"],
  ["often", 'refresh_minutes must be a number; got text "often"'],
])("refresh_minutes %p is #VALUE!, and nothing is asked", async (minutes, message) => {
  const cell = invocation();
  btcPrice("USD", minutes, cell as never);
  expect(cell.results).toEqual([expect.objectContaining({ code: "#VALUE!", message: `BTCPRICE: ${message}` })]);
  await jest.advanceTimersByTimeAsync(5 * MINUTE);
  expect(asked()).toEqual([]);
});

test("1 minute and a day are accepted", async () => {
  for (const minutes of [1, 1440]) {
    const cell = invocation();
    btcPrice("USD", minutes, cell as never);
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(cell.results.some((v) => v === 91250)).toBe(true);
    cell.onCanceled!();
  }
});
