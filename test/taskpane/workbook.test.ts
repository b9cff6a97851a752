jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { writeMarketSheet } from "../../src/taskpane/workbook";
import { MarketSnapshot } from "../../src/market/fields";
import { excelSerial } from "../../src/taskpane/market-rows";
import { fakeExcel } from "./fake-excel";

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const src = (value: number, source = "mempool.space /api/v1/prices", asOf = T0) => ({ value, source, asOf });

function snapshot(over: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return {
    fields: {
      btc_price_usd: src(91250),
      difficulty: src(162010345678901.25, "mempool.space /api/v1/mining/hashrate/3d"),
      block_height: src(975312, "mempool.space /api/blocks/tip/height"),
      next_halving_date: src(47000.5, "derived: as-of + blocks left × 585 s mean block time"),
    },
    prices: { USD: src(91250), EUR: src(78931) },
    stale: [],
    problems: [],
    refreshedAt: T0,
    ...over,
  };
}

test("creates MINER_Market with a header, one row per field, values, units, sources and as-of times", async () => {
  const xl = fakeExcel();
  const report = (await writeMarketSheet(xl.context, snapshot()))!;
  expect(report.createdSheet).toBe(true);
  expect(xl.sheets.has("MINER_Market")).toBe(true);
  expect(xl.cell("MINER_Market!A1:E1")).toBe("Field");
  expect(xl.cell("MINER_Market!B2")).toBe(91250);
  expect(xl.cell("MINER_Market!D2")).toBe("mempool.space /api/v1/prices");
  expect(xl.cell("MINER_Market!E2")).toBe(excelSerial(T0));
  expect(xl.format("MINER_Market!E2")).toBe("yyyy-mm-dd hh:mm:ss");
  expect(xl.cell("MINER_Market!B3")).toBe(162010345678901.25);
  expect(xl.cell("MINER_Market!B4")).toBe(975312);
  expect(xl.format("MINER_Market!B14")).toBe("yyyy-mm-dd hh:mm"); // next halving date
  expect(xl.cell("MINER_Market!B15")).toBe(78931); // first of the other currencies: EUR
  expect(report.written).toBe(5);
  expect(xl.cell("MINER_Market!D5")).toMatch(/^not available/); // hashrate was not in this snapshot
});

test("defines a workbook name for every value cell, so models work without the add-in", async () => {
  const xl = fakeExcel();
  await writeMarketSheet(xl.context, snapshot());
  expect(xl.names.get("BTC_Price")).toBe("=MINER_Market!$B$2");
  expect(xl.names.get("BTC_Difficulty")).toBe("=MINER_Market!$B$3");
  expect(xl.names.get("BTC_Height")).toBe("=MINER_Market!$B$4");
  expect(xl.names.get("BTC_Hashprice")).toBe("=MINER_Market!$B$7");
  expect(xl.names.get("BTC_Price_EUR")).toBe("=MINER_Market!$B$15");
  expect(xl.names.size).toBe(19);
});

test("running it twice leaves the same layout and names; the refresh updates values in place", async () => {
  const xl = fakeExcel();
  await writeMarketSheet(xl.context, snapshot());
  const namesAfterFirst = new Map(xl.names);
  const report = (await writeMarketSheet(xl.context, snapshot({ fields: { ...snapshot().fields, btc_price_usd: src(95000, "mempool.space /api/v1/prices", T0 + 60_000) } })))!;
  expect(report.createdSheet).toBe(false);
  expect(xl.names).toEqual(namesAfterFirst);
  expect(xl.cell("MINER_Market!B2")).toBe(95000);
  expect(xl.cell("MINER_Market!E2")).toBe(excelSerial(T0 + 60_000));
  expect(xl.cell("MINER_Market!A2:A20")).toBe("BTC price");
});

test("a failed refresh writes no new value: the row keeps the last good value, source and as-of the service kept, marked STALE with the time and the reason", async () => {
  const xl = fakeExcel();
  // An unconfirmed move was written at 12:01; the next refresh is refused, and the service keeps its last confirmed value, from 12:00.
  const moved = src(92000, "mempool.space /api/v1/prices", T0 + 60_000);
  await writeMarketSheet(xl.context, snapshot({ fields: { ...snapshot().fields, btc_price_usd: moved }, prices: { USD: moved }, refreshedAt: T0 + 60_000 }));
  expect(xl.cell("MINER_Market!B2")).toBe(92000);
  const why = "BTC price: mempool.space /api/v1/prices says 912,500, not used: a 10× jump, and no second provider confirmed it";
  const failed = snapshot({ stale: ["btc_price_usd"], refreshedAt: T0 + 120_000, problems: [why, "block height: blockchain.info /q/getblockcount: HTTP 503"] });
  const report = (await writeMarketSheet(xl.context, failed))!;
  expect(report.keptStale).toBe(1);
  expect(xl.cell("MINER_Market!B2")).toBe(91250); // what live cells and the pane show: the last confirmed value
  expect(xl.cell("MINER_Market!E2")).toBe(excelSerial(T0)); // and its time
  expect(xl.cell("MINER_Market!D2")).toBe(`mempool.space /api/v1/prices — STALE: refresh failed 2026-11-24 12:02 UTC: ${why}`); // only the price's own reason
});

test("a stale row is written the same by Insert (a new sheet) and by a refresh (the sheet there), and a second failure does not mark it twice", async () => {
  const failed = (at: number) =>
    snapshot({ stale: ["btc_price_usd", "btc_price_eur"], refreshedAt: at, problems: ["BTC price: every provider: HTTP 503", "BTC price in EUR 7,893,100 implies 0.0116 EUR per USD: refused"] });
  const inserted = fakeExcel();
  await writeMarketSheet(inserted.context, failed(T0 + 120_000), true);
  const refreshed = fakeExcel();
  await writeMarketSheet(refreshed.context, snapshot(), true);
  await writeMarketSheet(refreshed.context, failed(T0 + 60_000), false);
  await writeMarketSheet(refreshed.context, failed(T0 + 120_000), false);
  for (const a of ["B2", "D2", "E2", "B15", "D15", "E15"]) expect(refreshed.cell(`MINER_Market!${a}`)).toEqual(inserted.cell(`MINER_Market!${a}`));
  expect(inserted.cell("MINER_Market!D2")).toBe("mempool.space /api/v1/prices — STALE: refresh failed 2026-11-24 12:02 UTC: BTC price: every provider: HTTP 503");
  expect(inserted.cell("MINER_Market!D15")).toBe(
    "mempool.space /api/v1/prices — STALE: refresh failed 2026-11-24 12:02 UTC: BTC price: every provider: HTTP 503; BTC price in EUR 7,893,100 implies 0.0116 EUR per USD: refused",
  );
});

test("a row this session never fetched keeps what an earlier session wrote, its source marked STALE; in a new sheet it is 'not available'", async () => {
  const xl = fakeExcel();
  await writeMarketSheet(xl.context, snapshot());
  const nothing = snapshot({ fields: {}, prices: {}, refreshedAt: T0 + 3_600_000, problems: ["BTC price: every provider: HTTP 503"] });
  const report = (await writeMarketSheet(xl.context, nothing, false))!;
  expect(report.written).toBe(0);
  expect(xl.cell("MINER_Market!B2")).toBe(91250);
  expect(xl.cell("MINER_Market!E2")).toBe(excelSerial(T0));
  expect(xl.cell("MINER_Market!D2")).toBe("mempool.space /api/v1/prices — STALE: refresh failed 2026-11-24 13:00 UTC: BTC price: every provider: HTTP 503");
  expect(xl.cell("MINER_Market!D5")).toBe("not available (2026-11-24 13:00 UTC)"); // never had a value
  const fresh = fakeExcel();
  await writeMarketSheet(fresh.context, nothing, true);
  expect(fresh.cell("MINER_Market!D2")).toBe("not available (2026-11-24 13:00 UTC)");
  expect(fresh.cell("MINER_Market!B2")).toBe("");
});

test("a name the user already points elsewhere is left alone and reported", async () => {
  const xl = fakeExcel({ names: { BTC_Price: "=Inputs!$C$3" } });
  const report = (await writeMarketSheet(xl.context, snapshot()))!;
  expect(xl.names.get("BTC_Price")).toBe("=Inputs!$C$3");
  expect(report.nameConflicts).toEqual(["BTC_Price"]);
});

test("values are only read after they are loaded and synced (the mock enforces it)", async () => {
  const xl = fakeExcel();
  await writeMarketSheet(xl.context, snapshot());
  expect(xl.syncs).toBe(3); // a new sheet: nothing to read back
});

test("the fake enforces Excel's load-then-sync rule, so the tests above would catch a missing load", async () => {
  const xl = fakeExcel({ sheets: ["MINER_Market"] });
  const sheet = xl.context.workbook.worksheets.getItemOrNullObject("MINER_Market");
  expect(sheet.isNullObject).not.toBe(false); // not loaded yet: an error marker, not the value
  sheet.load("isNullObject");
  await xl.context.sync();
  expect(sheet.isNullObject).toBe(false);
});

test("a refresh in a workbook that never inserted the sheet writes nothing at all", async () => {
  const xl = fakeExcel();
  expect(await writeMarketSheet(xl.context, snapshot(), false)).toBeUndefined();
  expect(xl.sheets.size).toBe(0);
  expect(xl.names.size).toBe(0);
});

describe("from the fake API through the service into the workbook", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startFakeApi } = require("../support/fake-api");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MarketService } = require("../../src/market/service");

  test("a refresh where every provider fails writes no value into the sheet", async () => {
    const api = await startFakeApi();
    try {
      let clock = Date.now();
      const service = new MarketService({
        bases: api.bases,
        policy: { timeoutMs: 5000, retries: 0, backoffMs: 1, maxRetryAfterMs: 10 },
        deps: { fetch, sleep: (ms: number) => new Promise((r) => setTimeout(r, ms)), now: () => clock },
      });
      const xl = fakeExcel();
      await writeMarketSheet(xl.context, await service.refresh());
      const before = [2, 3, 4, 5, 6, 7].map((r) => xl.cell(`MINER_Market!B${r}`));
      expect(before.every((v) => typeof v === "number")).toBe(true); // the good refresh wrote them
      api.faults.set("/", { status: 500 });
      clock += 60_000;
      const failed = await service.refresh(true);
      const report = (await writeMarketSheet(xl.context, failed, false))!;
      expect(report.written).toBe(0);
      expect([2, 3, 4, 5, 6, 7].map((r) => xl.cell(`MINER_Market!B${r}`))).toEqual(before);
      expect(xl.cell("MINER_Market!D2")).toMatch(/STALE: refresh failed/);
    } finally {
      await api.close();
    }
  });
});
