jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

/*
 * MINER_Market's one writer (market-writer.ts): refreshes that overlap (the pane's Refresh, the
 * auto-refresh, the ribbon's, a live cell's schedule) never interleave their writes; a later one
 * waits, several waiting become one write of the newest snapshot, and an older snapshot is never
 * written over a newer one.
 */
import { MarketWriter } from "../../src/taskpane/market-writer";
import { writeMarketSheet } from "../../src/taskpane/workbook";
import { MarketSnapshot } from "../../src/market/fields";
import { fakeExcel } from "./fake-excel";

const T0 = Date.UTC(2026, 11, 7, 12, 0);
function snapshot(price: number, at: number): MarketSnapshot {
  const v = { value: price, source: "mempool.space /api/v1/prices", asOf: at };
  return { fields: { btc_price_usd: v }, prices: { USD: v }, stale: [], problems: [], refreshedAt: at };
}

/** A write function that records when each write starts and ends, and ends only when the test lets it. */
function recorder() {
  const events: string[] = [];
  const pending: (() => void)[] = [];
  const write = async (s: MarketSnapshot, create: boolean) => {
    events.push(`start ${s.prices.USD!.value}${create ? " create" : ""}`);
    await new Promise<void>((r) => pending.push(r));
    events.push(`end ${s.prices.USD!.value}`);
    return s.prices.USD!.value;
  };
  const finishOne = async () => {
    pending.shift()?.();
    for (let k = 0; k < 10; k++) await Promise.resolve();
  };
  return { events, write, finishOne, pending };
}

test("two refreshes at once into a new sheet: unserialized, the second one's Excel.run fails (the sheet already exists); through the writer both land, one after the other", async () => {
  const raw = fakeExcel();
  const both = Promise.all([
    writeMarketSheet(raw.context, snapshot(91250, T0)),
    writeMarketSheet(raw.context, snapshot(91300, T0 + 1)),
  ]);
  await expect(both).rejects.toThrow(/already exists/);

  const xl = fakeExcel();
  const writer = new MarketWriter((s, create) => writeMarketSheet(xl.context, s, create));
  const [a, b] = await Promise.all([
    writer.submit(snapshot(91250, T0), true),
    writer.submit(snapshot(91300, T0 + 1), true),
  ]);
  expect(a!.createdSheet).toBe(true);
  expect(b!.createdSheet).toBe(false);
  expect(xl.cell("MINER_Market!B2")).toBe(91300);
});

test("a write asked for during another waits for it; three waiting become one write of the newest", async () => {
  const r = recorder();
  const writer = new MarketWriter(r.write);
  const first = writer.submit(snapshot(1, T0));
  const second = writer.submit(snapshot(2, T0 + 1));
  const third = writer.submit(snapshot(3, T0 + 2), true);
  const fourth = writer.submit(snapshot(4, T0 + 3));
  await r.finishOne();
  await r.finishOne();
  expect(r.events).toEqual(["start 1", "end 1", "start 4 create", "end 4"]);
  expect(await Promise.all([first, second, third, fourth])).toEqual([1, 4, 4, 4]);
});

test("the same snapshot asked for twice (the refresh's caller and the service's listener) is written once", async () => {
  const r = recorder();
  const writer = new MarketWriter(r.write);
  const s = snapshot(1, T0);
  const a = writer.submit(s);
  const b = writer.submit(s);
  await r.finishOne();
  expect(await a).toBe(1);
  expect(await b).toBe(1);
  expect(await writer.submit(s)).toBe(1); // already written
  expect(r.events).toEqual(["start 1", "end 1"]);
  const created = writer.submit(s, true); // but Insert still creates the sheet
  await r.finishOne();
  expect(await created).toBe(1);
  expect(r.events).toEqual(["start 1", "end 1", "start 1 create", "end 1"]);
});

test("an older snapshot arriving after a newer one was written is not written over it", async () => {
  const r = recorder();
  const writer = new MarketWriter(r.write);
  const newer = writer.submit(snapshot(2, T0 + 60_000));
  await r.finishOne();
  await newer;
  const older = writer.submit(snapshot(1, T0));
  for (let k = 0; k < 10; k++) await Promise.resolve();
  expect(await older).toBe(2);
  expect(r.events).toEqual(["start 2", "end 2"]);
});

test("a write that fails is reported to its callers and does not stop the next", async () => {
  let fail = true;
  const writer = new MarketWriter(async (s: MarketSnapshot) => {
    if (fail) throw new Error("the workbook is busy");
    return s.refreshedAt;
  });
  const a = writer.submit(snapshot(1, T0));
  fail = false;
  const b = writer.submit(snapshot(2, T0 + 1));
  await expect(a).rejects.toThrow("the workbook is busy");
  expect(await b).toBe(T0 + 1);
  expect(writer.busy).toBe(false);
});

test("among writes waiting, an older snapshot arriving after a newer one does not take its place", async () => {
  const r = recorder();
  const writer = new MarketWriter(r.write);
  const first = writer.submit(snapshot(1, T0));
  const newer = writer.submit(snapshot(3, T0 + 2));
  const older = writer.submit(snapshot(2, T0 + 1)); // a slower refresh that finished later
  await r.finishOne();
  await r.finishOne();
  expect(r.events).toEqual(["start 1", "end 1", "start 3", "end 3"]);
  expect(await Promise.all([first, newer, older])).toEqual([1, 3, 3]);
});
