/**
 * A small Excel workbook model built from office-addin-mock objects: every object handed to the
 * code under test is an OfficeMockObject, so reading a property that was not loaded and synced
 * fails as it does in Excel. Ranges are kept per address so the final cell contents can be read,
 * cell by cell, and handed to a formula engine.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock's host list comes from office-addin-manifest (see the jest.mock in the tests).
const EXCEL = "excel" as never;

/** A chart as the code under test left it. */
export interface FakeChart {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  categories?: string;
  from?: string;
  to?: string;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  /** Final value written at "Sheet!A1", or undefined. */
  cell(address: string): unknown;
  format(address: string): unknown;
  /** Every cell written on a sheet, by A1 address: formulas as "=..." strings, constants as they are. */
  contents(sheet: string): Map<string, unknown>;
  /** The last format object written for exactly this range ("Sheet!A1:B2"). */
  rangeFormat(address: string): { font: Record<string, unknown>; fill: Record<string, unknown>; columnWidth?: number } | undefined;
  /** Sets a cell as a user typing into it would (outside any add-in code). */
  edit(address: string, value: unknown): void;
  names: Map<string, string>;
  nameComments: Map<string, string>;
  sheets: Set<string>;
  charts: FakeChart[];
  activeSheet?: string;
  syncs: number;
}

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
function colLetters(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cells of "A1:C3" (or "A1"), row by row. */
export function cellsOf(address: string): string[][] {
  const [from, to = from] = address.split(":");
  const a = /^([A-Z]+)(\d+)$/.exec(from);
  const b = /^([A-Z]+)(\d+)$/.exec(to);
  if (!a || !b) return [];
  const rows: string[][] = [];
  for (let r = Number(a[2]); r <= Number(b[2]); r++) {
    const row: string[] = [];
    for (let c = colIndex(a[1]); c <= colIndex(b[1]); c++) row.push(`${colLetters(c)}${r}`);
    rows.push(row);
  }
  return rows;
}

const quoted = (sheet: string) => (/^\w+$/.test(sheet) ? sheet : `'${sheet}'`);

export function fakeExcel(initial: { sheets?: string[]; names?: Record<string, string> } = {}): FakeExcel {
  const created: OfficeMockObject[] = [];
  const ranges = new Map<string, Record<string, unknown>>();
  const order: string[] = []; // range keys in the order they were first touched
  const edits = new Map<string, unknown>(); // cells set by "the user" after the code ran
  const rangeKeys = new Map<object, string>(); // the fake's own bookkeeping, not a loaded property
  const sheets = new Set(initial.sheets ?? []);
  const names = new Map(Object.entries(initial.names ?? {}));
  const nameComments = new Map<string, string>();
  const chartMocks: { chart: Record<string, unknown>; record: FakeChart }[] = [];
  const mock = (data: object) => {
    const m = new OfficeMockObject(data, EXCEL);
    created.push(m);
    return m;
  };
  const range = (sheet: string, address: string) => {
    const key = `${sheet}!${address}`;
    let r = ranges.get(key);
    if (!r) {
      r = mock({
        address: key,
        format: {
          font: { bold: false, italic: false, color: "#000000", size: 11 },
          fill: { color: "#FFFFFF" },
          columnWidth: 48,
          autofitColumns: () => undefined,
        },
      }) as unknown as Record<string, unknown>;
      ranges.set(key, r);
      order.push(key);
      rangeKeys.set(r, key);
      // A range's values, once written, may be loaded and read back after a sync (and only then), as in Excel.
      const mockLoad = r.load as (p: unknown) => unknown;
      const self = r as unknown as { _properties: Map<string, unknown>; setValue(n: string, v: unknown): void; values?: unknown };
      r.load = (p: unknown) => {
        if (p === "values" && !self._properties.has("values")) self.setValue("values", self.values ?? [[""]]);
        return mockLoad.call(r, p);
      };
    }
    return r;
  };
  const worksheet = (name: string, exists: boolean) =>
    mock({
      name,
      isNullObject: !exists,
      getRange: (address: string) => range(name, address),
      activate: () => {
        fake.activeSheet = name;
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) => {
          const record: FakeChart = { sheet: name, type, source: (rangeKeys.get(source) ?? "?!?").split("!")[1], seriesBy, title: "" };
          const chart = mock({
            title: { text: "" },
            legend: { visible: true },
            axes: {
              categoryAxis: {
                setCategoryNames: (r: object) => {
                  record.categories = (rangeKeys.get(r) ?? "?!?").split("!")[1];
                },
              },
            },
            setPosition: (from: string, to: string) => {
              record.from = from;
              record.to = to;
            },
          }) as unknown as Record<string, unknown>;
          chartMocks.push({ chart, record });
          return chart;
        },
      },
    });
  const contents = (sheet: string) => {
    const cells = new Map<string, unknown>();
    for (const key of order) {
      const [s, address] = key.split("!");
      if (s !== sheet) continue;
      const r = ranges.get(key) as Record<string, unknown>;
      const grid = (r.formulas ?? r.values) as unknown[][] | undefined;
      if (!grid) continue;
      cellsOf(address).forEach((row, i) => row.forEach((a, j) => cells.set(a, grid[i]?.[j])));
    }
    for (const [key, v] of edits) {
      const [s, a] = key.split("!");
      if (s === sheet) cells.set(a, v);
    }
    return cells;
  };
  const fake: FakeExcel = {
    context: undefined as unknown as Excel.RequestContext,
    cell: (a) => {
      if (edits.has(a)) return edits.get(a);
      const [sheet, address] = a.split("!");
      const at = /^([A-Z]+)(\d+)$/.exec(address);
      if (at) {
        // What contents(sheet) holds there: the last range written over the cell, without listing the sheet's every cell.
        const [col, row] = [colIndex(at[1]), Number(at[2])];
        for (let k = order.length - 1; k >= 0; k--) {
          const [s, range] = order[k].split("!");
          if (s !== sheet) continue;
          const [from, to = from] = range.split(":");
          const p = /^([A-Z]+)(\d+)$/.exec(from);
          const q = /^([A-Z]+)(\d+)$/.exec(to);
          if (!p || !q) continue;
          const [top, left] = [Number(p[2]), colIndex(p[1])];
          if (row < top || row > Number(q[2]) || col < left || col > colIndex(q[1])) continue;
          const r = ranges.get(order[k]) as Record<string, unknown>;
          const grid = (r.formulas ?? r.values) as unknown[][] | undefined;
          if (grid) return grid[row - top]?.[col - left];
        }
      }
      return (ranges.get(a)?.values as unknown[][] | undefined)?.[0]?.[0];
    },
    format: (a) => (ranges.get(a)?.numberFormat as unknown[][] | undefined)?.[0]?.[0],
    contents,
    rangeFormat: (a) => ranges.get(a)?.format as ReturnType<FakeExcel["rangeFormat"]>,
    edit: (a, v) => {
      edits.set(a, v);
    },
    names,
    nameComments,
    sheets,
    get charts() {
      return chartMocks.map(({ chart, record }) => ({ ...record, title: (chart.title as { text: string }).text }));
    },
    syncs: 0,
  };
  const context = mock({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => worksheet(name, sheets.has(name)),
        add: (name: string) => {
          if (sheets.has(name)) throw new Error(`A sheet named ${name} already exists`);
          sheets.add(name);
          return worksheet(name, true);
        },
      },
      names: {
        getItemOrNullObject: (name: string) => mock({ name, isNullObject: !names.has(name), formula: names.get(name) ?? "" }),
        add: (name: string, reference: object, comment?: string) => {
          if (names.has(name)) throw new Error(`The name ${name} already exists`);
          const [sheet, address] = (rangeKeys.get(reference) ?? "?!?").split("!");
          names.set(name, `=${quoted(sheet)}!${address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`);
          if (comment) nameComments.set(name, comment);
        },
      },
    },
    sync: async () => {
      fake.syncs++;
      for (const m of [...created]) if (m !== (context as unknown)) await m.sync();
    },
  });
  fake.context = context as unknown as Excel.RequestContext;
  return fake;
}
