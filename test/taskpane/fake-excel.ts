/**
 * A small Excel workbook model built from office-addin-mock objects: every object handed to the
 * code under test is an OfficeMockObject, so reading a property that was not loaded and synced
 * fails as it does in Excel. Ranges are kept per address so the final cell contents can be read.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock's host list comes from office-addin-manifest (see the jest.mock in the tests).
const EXCEL = "excel" as never;

export interface FakeExcel {
  context: Excel.RequestContext;
  /** Final value written at "Sheet!A1", or undefined. */
  cell(address: string): unknown;
  format(address: string): unknown;
  names: Map<string, string>;
  sheets: Set<string>;
  syncs: number;
}

export function fakeExcel(initial: { sheets?: string[]; names?: Record<string, string> } = {}): FakeExcel {
  const created: OfficeMockObject[] = [];
  const ranges = new Map<string, Record<string, unknown>>();
  const rangeKeys = new Map<object, string>(); // the fake's own bookkeeping, not a loaded property
  const sheets = new Set(initial.sheets ?? []);
  const names = new Map(Object.entries(initial.names ?? {}));
  const mock = (data: object) => {
    const m = new OfficeMockObject(data, EXCEL);
    created.push(m);
    return m;
  };
  const range = (sheet: string, address: string) => {
    const key = `${sheet}!${address}`;
    let r = ranges.get(key);
    if (!r) {
      r = mock({ address: key, format: { font: { bold: false }, autofitColumns: () => undefined } }) as unknown as Record<string, unknown>;
      ranges.set(key, r);
      rangeKeys.set(r, key);
    }
    return r;
  };
  const worksheet = (name: string, exists: boolean) =>
    mock({ name, isNullObject: !exists, getRange: (address: string) => range(name, address) });
  const fake: FakeExcel = {
    context: undefined as unknown as Excel.RequestContext,
    cell: (a) => (ranges.get(a)?.values as unknown[][] | undefined)?.[0]?.[0],
    format: (a) => (ranges.get(a)?.numberFormat as unknown[][] | undefined)?.[0]?.[0],
    names,
    sheets,
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
        add: (name: string, reference: object) => {
          if (names.has(name)) throw new Error(`The name ${name} already exists`);
          const [sheet, cell] = (rangeKeys.get(reference) ?? "?!?").split("!");
          names.set(name, `=${sheet}!$${cell.replace(/(\d+)/, "$$$1")}`);
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
