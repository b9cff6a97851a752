jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

/*
 * The MINER_History writer against a workbook made of office-addin-mock objects (reading what was
 * not loaded and synced fails, as in Excel), fed with histories built from the recorded mempool
 * responses (test/fixtures/api/mempool) and from a synthetic 60-day series in the same shapes.
 */
import { OfficeMockObject } from "office-addin-mock";
import { buildHistory, History } from "../../src/market/history";
import {
  parseDailyHashrates,
  parseDifficultyAdjustments,
  parsePriceHistory,
  parseRewardBuckets,
} from "../../src/market/history-endpoints";
import { HISTORY_CHART, HISTORY_NAMES, writeHistorySheet } from "../../src/taskpane/history-sheet";
import { fixture } from "../support/fixtures";
import { cellsOf } from "./fake-excel";

const EXCEL = "excel" as never;
const NOW = Date.UTC(2025, 10, 27, 12); // the samples end on 27 Nov 2025
const DAY = 86_400;
const serial = (s: number) => s / DAY + 25569;

/** The recorded 1y sample: five days, a difficulty growth, too few days for a volatility. */
function recorded(): History {
  const hashrates = parseDailyHashrates(fixture("mempool/v1-mining-hashrate-1y.json"), NOW);
  return buildHistory(
    {
      adjustments: parseDifficultyAdjustments(fixture("mempool/v1-mining-difficulty-adjustments-1y.json"), NOW),
      hashrates,
      rewards: parseRewardBuckets(fixture("mempool/v1-mining-blocks-rewards-1y.json"), NOW),
      prices: parsePriceHistory(fixture("mempool/v1-historical-price-usd.json"), NOW, hashrates[0].time - DAY),
    },
    "1y",
    "mempool.space",
    NOW,
  );
}

/** `days` consecutive days ending 27 Nov 2025 with a price every day: both inputs derivable. */
function synthetic(days: number): History {
  const end = 1764201600;
  const t = Array.from({ length: days }, (_, k) => end - (days - 1 - k) * DAY);
  return buildHistory(
    {
      adjustments: [{ time: t[0] - DAY, height: 917280, difficulty: 1.4e14, ratio: 1.01 }, { time: t[days - 10], height: 919296, difficulty: 1.5e14, ratio: 1.07 }],
      hashrates: t.map((time) => ({ time, hashrateEhs: 1050 })),
      rewards: t.map((time, k) => ({ time: time + 3600, height: 917300 + 144 * k, rewardSats: 315_000_000 })),
      prices: t.map((time, k) => ({ time, usd: 90000 * Math.exp(0.03 * Math.sin(k)) })),
    },
    "3m",
    "mempool.space",
    NOW,
  );
}

interface Chart {
  type: string;
  source: string;
  name?: string;
  position?: [string, string];
  series: { name?: string; values?: string; x?: string; axisGroup?: string }[];
}

/** A workbook that keeps its cells between runs (each sync applies what was written). */
function workbook(initial: { names?: Record<string, string> } = {}) {
  const cells = new Map<string, unknown>(); // "MINER_History!A1" -> value or "=formula"
  const formats = new Map<string, unknown>();
  const names = new Map(Object.entries(initial.names ?? {}));
  const sheets = new Set<string>();
  const charts: Chart[] = [];
  let pending: { sheet: string; address: string; range: Record<string, unknown> }[] = [];
  const keys = new Map<object, string>();
  const created: OfficeMockObject[] = [];
  const mock = (data: object) => {
    const m = new OfficeMockObject(data, EXCEL);
    created.push(m);
    return m as unknown as Record<string, unknown>;
  };
  const lastRow = (sheet: string, columns: RegExp) =>
    Math.max(0, ...[...cells.keys()].filter((k) => k.startsWith(sheet + "!")).map((k) => k.split("!")[1]).filter((a) => columns.test(a)).map((a) => Number(/\d+/.exec(a)![0])));
  const range = (sheet: string, address: string): Record<string, unknown> => {
    const r: Record<string, unknown> = mock({
      format: { font: { bold: false }, autofitColumns: () => undefined },
      clear: () => {
        r.cleared = true;
      },
      getUsedRangeOrNullObject: () => {
        const n = lastRow(sheet, /^[A-I]\d+$/);
        return mock({ isNullObject: n === 0, rowIndex: 0, rowCount: n });
      },
    });
    keys.set(r, `${sheet}!${address}`);
    pending.push({ sheet, address, range: r });
    return r;
  };
  const apply = () => {
    for (const { sheet, address, range: r } of pending) {
      const grid = cellsOf(address);
      if (r.cleared) grid.flat().forEach((a) => cells.delete(`${sheet}!${a}`));
      const put = (m: Map<string, unknown>, v: unknown) =>
        grid.forEach((row, i) => row.forEach((a, j) => m.set(`${sheet}!${a}`, (v as unknown[][])[i][j])));
      if (r.values) put(cells, r.values);
      if (r.formulas) put(cells, r.formulas);
      if (r.numberFormat) put(formats, r.numberFormat);
    }
    pending = [];
  };
  const seriesMock = (s: Chart["series"][number]) =>
    mock({
      setValues: (r: object) => (s.values = keys.get(r)),
      setXAxisValues: (r: object) => (s.x = keys.get(r)),
    });
  const liveSeries: [Chart["series"][number], Record<string, unknown>][] = [];
  const sheet = (name: string) =>
    mock({
      isNullObject: !sheets.has(name),
      getRange: (a: string) => range(name, a),
      charts: {
        add: (type: string, source: object) => {
          const record: Chart = { type, source: keys.get(source)!, series: [{ values: keys.get(source) }] };
          charts.push(record);
          const chart = mock({
            title: { text: "" },
            setPosition: (from: string, to: string) => (record.position = [from, to]),
            series: {
              getItemAt: (i: number) => {
                const m = seriesMock(record.series[i]);
                liveSeries.push([record.series[i], m]);
                return m;
              },
              add: (n: string) => {
                const s = { name: n };
                record.series.push(s);
                const m = seriesMock(s);
                liveSeries.push([s, m]);
                return m;
              },
            },
          });
          liveChart.push([record, chart]);
          return chart;
        },
        getItemOrNullObject: (n: string) => {
          const i = charts.findIndex((c) => c.name === n);
          return mock({ isNullObject: i < 0, delete: () => charts.splice(i, 1) });
        },
      },
    });
  const liveChart: [Chart, Record<string, unknown>][] = [];
  const context = mock({
    workbook: {
      worksheets: {
        getItemOrNullObject: (n: string) => sheet(n),
        add: (n: string) => {
          sheets.add(n);
          return sheet(n);
        },
      },
      names: {
        getItemOrNullObject: (n: string) => mock({ isNullObject: !names.has(n), formula: names.get(n) ?? "" }),
        add: (n: string, r: object) => {
          const [s, a] = keys.get(r)!.split("!");
          names.set(n, `=${s}!${a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`);
        },
      },
    },
    sync: async () => {
      for (const m of [...created]) if (m !== (context as unknown)) await m.sync();
      // Properties the code set on charts and series (name, axis group) are read back here.
      for (const [record, chart] of liveChart) record.name = chart.name as string | undefined;
      for (const [s, m] of liveSeries) {
        if (typeof m.name === "string") s.name = m.name;
        if (typeof m.axisGroup === "string") s.axisGroup = m.axisGroup;
      }
      apply();
    },
  }) as unknown as Excel.RequestContext & Record<string, unknown>;
  const at = (a: string) => cells.get(`MINER_History!${a}`);
  return { context, cells, formats, names, sheets, charts, at };
}

test("writes the table (header with units, one row per day), the risk inputs with names, and the chart of price and hashprice", async () => {
  const xl = workbook();
  const h = recorded();
  const report = await writeHistorySheet(xl.context, h, { secondaryAxis: true });
  expect(report).toEqual({ rows: 5, createdSheet: true, clearedRows: 0, nameConflicts: [], chart: "added" });
  expect(xl.sheets).toEqual(new Set(["MINER_History"]));
  expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1"].map(xl.at)).toEqual([
    "Date (UTC date)",
    "Block height",
    "Difficulty",
    "Network hashrate (EH/s)",
    "BTC price (USD)",
    "Fees per block (BTC/block)",
    "Hashprice (USD/PH/day)",
    "Source",
    "As of (UTC date-time)",
  ]);
  // the recorded days, as the responses give them (test/market/history.test.ts derives each field)
  expect(["A2", "A6"].map(xl.at)).toEqual([serial(1735689600), serial(1764201600)]);
  expect(["B2", "C2", "D2", "E2"].map(xl.at)).toEqual([876980, 109782075598905.3, 781, 93429]);
  expect(["B5", "E5", "F5", "G5"].map(xl.at)).toEqual(["", "", "", ""]); // 30 Oct: no bucket, no price
  const g6 = xl.at("G6") as number;
  const f6 = 315998765 / 1e8 - 3.125;
  expect(Math.abs(g6 / ((91250 * 86400 * 1e15 * (3.125 + f6)) / (149301205959845.3 * 2 ** 32)) - 1)).toBeLessThan(1e-12);
  expect(xl.at("H6")).toMatch(/^mempool\.space \/api\/v1\/mining\/hashrate\/1y, /);
  expect(xl.at("I6")).toBe(NOW / 86_400_000 + 25569);
  expect(xl.formats.get("MINER_History!A2")).toBe("yyyy-mm-dd");
  expect(xl.formats.get("MINER_History!I6")).toBe("yyyy-mm-dd hh:mm:ss");

  // the inputs: growth from the first and last difficulty over 330 days; no volatility from 5 days, and why
  const growth = (149301205959845.3 / 109782075598905.3) ** (365 / 12 / 330) - 1;
  expect(Math.abs((xl.at("L2") as number) / growth - 1)).toBeLessThan(1e-12);
  expect(xl.at("K2")).toBe("Realised difficulty growth (monthly)");
  expect(xl.at("M2")).toBe("fraction per month");
  expect(xl.at("N2")).toBe("derived: (difficulty on 2025-11-27 / difficulty on 2025-01-01)^((365/12) / 330 days) − 1");
  expect(xl.at("L3")).toBe("=NA()"); // never a silent 0 for a risk input
  expect(xl.at("N3")).toBe("not available: no price volatility: fewer than 30 consecutive daily returns");
  expect(xl.formats.get("MINER_History!L2")).toBe("0.00%");
  expect(xl.names.get(HISTORY_NAMES.difficultyGrowthMonthly)).toBe("=MINER_History!$L$2");
  expect(xl.names.get(HISTORY_NAMES.priceVolAnnual)).toBe("=MINER_History!$L$3");

  expect(xl.charts).toEqual([
    {
      type: "Line",
      source: "MINER_History!E2:E6",
      name: HISTORY_CHART,
      position: ["K5", "R22"],
      series: [
        { name: "BTC price (USD)", values: "MINER_History!E2:E6", x: "MINER_History!A2:A6" },
        { name: "Hashprice (USD/PH/day)", values: "MINER_History!G2:G6", x: "MINER_History!A2:A6", axisGroup: "Secondary" },
      ],
    },
  ]);
});

test("written again, it is updated in place: same cells and names, rows a shorter history leaves over cleared, one chart over the new rows", async () => {
  const xl = workbook();
  await writeHistorySheet(xl.context, synthetic(60), { secondaryAxis: false });
  expect(xl.at("A61")).toBe(serial(1764201600));
  const names = new Map(xl.names);
  expect(typeof xl.at("L3")).toBe("number"); // 60 days: a volatility

  const report = await writeHistorySheet(xl.context, recorded(), { secondaryAxis: false });
  expect(report).toMatchObject({ rows: 5, createdSheet: false, clearedRows: 55, chart: "updated" });
  expect(xl.at("A6")).toBe(serial(1764201600));
  for (const a of ["A7", "E30", "I61"]) expect(xl.cells.has(`MINER_History!${a}`)).toBe(false);
  expect(xl.names).toEqual(names);
  expect(xl.charts).toHaveLength(1);
  expect(xl.charts[0].series.map((s) => [s.values, s.x, s.axisGroup])).toEqual([
    ["MINER_History!E2:E6", "MINER_History!A2:A6", undefined],
    ["MINER_History!G2:G6", "MINER_History!A2:A6", undefined],
  ]);
  expect(xl.at("L3")).toBe("=NA()"); // the new history has no volatility: the old one is not kept beside it
});

test("a name the user already points elsewhere is left alone and reported", async () => {
  const xl = workbook({ names: { [HISTORY_NAMES.priceVolAnnual]: "=Inputs!$B$9" } });
  const report = await writeHistorySheet(xl.context, synthetic(40), { secondaryAxis: true });
  expect(report.nameConflicts).toEqual([HISTORY_NAMES.priceVolAnnual]);
  expect(xl.names.get(HISTORY_NAMES.priceVolAnnual)).toBe("=Inputs!$B$9");
  expect(xl.names.get(HISTORY_NAMES.difficultyGrowthMonthly)).toBe("=MINER_History!$L$2");
});
