/**
 * The inserted template model, as the formula-engine suites use it: one workbook and one engine per
 * suite, each scenario typed over the defaults (see `scenarios`), and the small readers they share.
 * A test file using it must still mock office-addin-manifest itself (jest.mock is per file).
 */
import { DetailedCellError } from "hyperformula";
import { insertModel } from "../../src/taskpane/model/writer";
import { Evaluated, scenarios } from "./formula-engine";
import { FakeExcel, fakeExcel } from "../taskpane/fake-excel";

/**
 * The Risk sheet at the fewest paths it takes, for suites that check the deterministic sheets: each
 * recalculation would otherwise wait on 10,000-path simulations (risk-sheet.test.ts checks the Risk
 * sheet at its defaults).
 */
export const QUICK_RISK = { Sim_Paths: 100 };

/** The cell a workbook name points at, as "Sheet!B5" for the engine. */
export function cellOf(xl: FakeExcel, name: string): string {
  return (xl.names.get(name) as string).slice(1).replace(/\$/g, "");
}

/** A cell's number, or an error saying what the cell holds instead. */
export function num(e: Evaluated, address: string): number {
  const v = e.value(address);
  if (typeof v !== "number") throw new Error(`${address} is ${v instanceof DetailedCellError ? `${v.value} ${v.message}` : String(v)}`);
  return v;
}

/**
 * A suite's `model(inputs)`: the inserted model with `inputs` (a workbook name, or a cell such as
 * "'Lease vs Mine'!A72" of the phases table) typed over its defaults. The workbook is inserted and
 * loaded once; each call puts back whatever an earlier one typed, so every scenario starts from the
 * defaults, as a freshly inserted model would.
 */
export function templateModel(): (inputs?: Record<string, number | string>) => Promise<{ xl: FakeExcel; e: Evaluated }> {
  let inserted: Promise<{ xl: FakeExcel; scenario: ReturnType<typeof scenarios> }> | undefined;
  return async (inputs = {}) => {
    inserted ??= (async () => {
      const xl = fakeExcel();
      await insertModel(xl.context);
      return { xl, scenario: scenarios(xl) };
    })();
    const { xl, scenario } = await inserted;
    const typed = Object.entries(inputs).map(([name, value]) => [name.includes("!") ? name : cellOf(xl, name), value]);
    return { xl, e: scenario(Object.fromEntries(typed)) };
  };
}
