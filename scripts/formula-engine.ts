/**
 * A real spreadsheet formula engine (HyperFormula) loaded with what a test workbook holds, with
 * the MINER functions registered in it: each calls the same adapter Excel calls, which calls the
 * calc module. So a template's formulas are evaluated as Excel would, and compared with calc.
 *
 * It is a build tool: scripts/build-xlsx.js calculates the release's workbook with it, and the
 * template tests evaluate the model with it. HyperFormula is GPL-3.0 (licenseKey "gpl-v3"): a
 * devDependency that runs at build and test time, like the compiler, never bundled (the bundle
 * test and scripts/check-dist.js check that no bundle carries it).
 */
import type * as H from "hyperformula";
import type { Ast, AstNodeType, CellRangeAst, ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import { CALCULATED } from "../src/functions/calculated";
import { fromTable } from "../src/functions/fromtable";
import type { CalculatedId } from "../src/functions/params";
import { RISK_SIZES } from "../src/template/risk-sheet";
import { SCHEDULE_MONTHS } from "../src/template/lease-sheet";
import { AFTER_TAX_SIZES } from "../src/template/after-tax-sheet";
import { hyperformula, oneCell } from "./hyperformula";

const {
  ArraySize,
  CellError,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} = hyperformula;
type HyperFormula = H.HyperFormula;

/**
 * Fixed-size dynamic arrays the template spills (data-dependent sizes cannot be declared to
 * HyperFormula): the simulation tables at the sizes the Risk sheet asks for.
 */
const ARRAY_SIZES: Record<string, [width: number, height: number]> = {
  COSTBREAKDOWN: [2, 10],
  MWECONOMICS: [4, 5],
  // A header and a row for each month 0 … the longest horizon the schedule holds.
  CONVERSIONTIMING: [2, SCHEDULE_MONTHS + 2],
  ...RISK_SIZES,
  // The After tax & financing sheet's: DEPRECIATION at 40 years, the tax, loan and GPU-cloud tables over months 0 … 360.
  ...AFTER_TAX_SIZES,
};
/**
 * Tables whose height follows their inputs (CONVERSIONTIMING's horizon, CONVERSIONOPTION's years):
 * the template leaves room for the most rows, declared above; a shorter result is padded with
 * blanks, as the cells below a shorter spill in Excel are empty. A longer one (a horizon past what
 * the schedule holds, which the Reconciliation sheet's coverage check flags) is cut at the room left.
 */
const UP_TO: readonly string[] = ["CONVERSIONTIMING", "CONVERSIONOPTION", "GPUCLOUDCASHFLOWS"];

/** A table padded with blank rows, or cut, to the height declared for it. */
function padded(id: string, table: unknown[][]): unknown[][] {
  const height = ARRAY_SIZES[id]?.[1];
  if (!UP_TO.includes(id) || height === undefined || table.length === height) return table;
  if (table.length > height) return table.slice(0, height);
  return [...table, ...Array.from({ length: height - table.length }, () => table[0].map(() => ""))];
}

/** FROMTABLE spills what the function it names spills (a number is a 1×1 array), read from its literal first argument. */
function fromTableSize(ast: ProcedureAst): H.ArraySize {
  const first = ast.args[0] as Ast & { value?: unknown };
  const id = typeof first?.value === "string" ? first.value.toUpperCase().replace(/^MINER\./, "") : "";
  const [width, height] = ARRAY_SIZES[id] ?? [1, 1];
  return new ArraySize(width, height);
}

/**
 * TREASURYCASHFLOWS spills a header and one row per month: the months are as many as the rows of
 * the first range given for a by-month argument (the template passes columns of its schedule).
 */
function treasurySize(ast: ProcedureAst): H.ArraySize {
  const isRange = (a: Ast): a is CellRangeAst => a.type === ("CELL_RANGE" as AstNodeType.CELL_RANGE);
  const column = ast.args.slice(3).find(isRange);
  // Both ends absolute or both relative: either way their difference is the range's height.
  if (!column) throw new Error("TREASURYCASHFLOWS in a template must take a column range, so its size is known");
  return new ArraySize(10, column.end.row - column.start.row + 1 + 1); // the months and the header
}

type Fn = (...args: unknown[]) => unknown;
/** The dispatcher that runs any calculated function on named rows of tables. */
const TABLE_FUNCTION = "FROMTABLE";
/** Every function a template may call: the calculated ones (the live ones never are: they read MINER_Market's names) and FROMTABLE. */
const fnOf = (id: string): Fn => (id === TABLE_FUNCTION ? (fromTable as Fn) : CALCULATED[id as CalculatedId]);
const VARIABLE_SIZE = ["LEASECASHFLOWS", "MININGCASHFLOWS"];

const ERROR_TYPES: Record<string, H.ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

/** An Excel argument as the Office runtime hands it to a custom function: blanks are null, ranges 2-D arrays. */
function asExcelArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(asExcelArg));
  if (typeof v === "symbol" || v === undefined) return null; // HyperFormula's EmptyValue
  // A number HyperFormula typed (currency from PMT, a percent, a date) is a RichNumber; Excel passes the plain number.
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number")
    return (v as { val: number }).val;
  return v;
}

class MinerPlugin extends FunctionPlugin {
  static implementedFunctions: H.ImplementedFunctions = {};

  call(id: string, ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata(`MINER.${id}`), (...args: unknown[]) => {
      try {
        const result = fnOf(id)(...args.map(asExcelArg));
        return (Array.isArray(result) ? SimpleRangeValue.onlyValues(padded(id, result) as never) : result) as never;
      } catch (e) {
        const code = (e as { code?: string }).code ?? "#VALUE!";
        return new CellError(ERROR_TYPES[code] ?? ErrorType.VALUE, (e as Error).message);
      }
    });
  }
}

for (const id of [...Object.keys(CALCULATED), TABLE_FUNCTION].filter((x) => !VARIABLE_SIZE.includes(x))) {
  const fixed = ARRAY_SIZES[id] as [number, number] | undefined;
  const size: ((ast: ProcedureAst) => H.ArraySize) | undefined =
    id === TABLE_FUNCTION
      ? fromTableSize
      : id === "TREASURYCASHFLOWS"
        ? treasurySize
        : fixed
          ? () => new ArraySize(fixed[0], fixed[1])
          : undefined;
  (MinerPlugin.prototype as unknown as Record<string, unknown>)[id] = function (
    this: MinerPlugin,
    ast: ProcedureAst,
    state: InterpreterState,
  ) {
    return this.call(id, ast, state);
  };
  if (size) {
    (MinerPlugin.prototype as unknown as Record<string, unknown>)[`${id}_size`] = size;
  }
  MinerPlugin.implementedFunctions[`MINER.${id}`] = {
    method: id,
    parameters: [{ argumentType: FunctionArgumentType.ANY }],
    repeatLastArgs: 1,
    ...(size ? { sizeOfResultArrayMethod: `${id}_size` } : {}),
  };
}
HyperFormula.registerFunctionPlugin(MinerPlugin as never, {
  enGB: Object.fromEntries(Object.keys(MinerPlugin.implementedFunctions).map((k) => [k, k])),
});

/**
 * What the engine loads: the sheets, the workbook names and each sheet's cells. The fake Excel
 * after an insert has them, and so has the spec itself (src/template/contents.ts).
 */
export interface Workbook {
  sheets: Iterable<string>;
  names: Map<string, string>;
  contents(sheet: string): Map<string, unknown>;
}

export interface Evaluated {
  hf: HyperFormula;
  /** The value of "Sheet!B5" (or "'Lease vs Mine'!B5"); errors come back as DetailedCellError. */
  value(address: string): unknown;
  /** Sets a cell as a user would, and recalculates. */
  set(address: string, content: unknown): void;
  /** Every cell of every sheet whose value is an error, as "Sheet!A1: message". */
  errors(): string[];
  /** The size of the array a formula at `address` spills (1×1 for a one-cell array), or undefined when it is no array formula. */
  spill(address: string): { rows: number; cols: number } | undefined;
}

function locate(hf: HyperFormula, address: string) {
  const at = address.lastIndexOf("!");
  const sheetName = address.slice(0, at).replace(/^'|'$/g, "");
  const sheet = hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const cell = hf.simpleCellAddressFromString(address.slice(at + 1), sheet);
  if (!cell) throw new Error(`bad address ${address}`);
  return cell;
}

/**
 * Loads every sheet and name the fake workbook holds into a formula engine. `inputs` ("Sheet!B5" →
 * content) are typed over the workbook before the first calculation, as a user's edits would be:
 * one calculation instead of one per edit (each recalculation of the whole model takes ~0.5 s).
 */
export function evaluate(xl: Workbook, inputs: Record<string, unknown> = {}): Evaluated {
  const hf = load(xl, inputs);
  return evaluated(hf, xl, (address, content) => hf.setCellContents(locate(hf, address), oneCell(content)));
}

/** A sheet's cells, as the workbook holds them, into the engine's sheet of that name. */
function loadCells(hf: HyperFormula, xl: Workbook, name: string): void {
  const sheet = hf.getSheetId(name) as number;
  for (const [a1, content] of xl.contents(name)) {
    const cell = hf.simpleCellAddressFromString(a1, sheet);
    if (cell) hf.setCellContents(cell, oneCell(content));
  }
}

/** The workbook, with `inputs` typed over it, in a new engine, calculated once. */
function load(xl: Workbook, inputs: Record<string, unknown>): HyperFormula {
  // Full doubles out (no display rounding), so differences are what they are.
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, maxRows: 2000 });
  for (const name of xl.sheets) hf.addSheet(name);
  hf.suspendEvaluation();
  for (const [name, formula] of xl.names) hf.addNamedExpression(name, formula);
  for (const name of xl.sheets) loadCells(hf, xl, name);
  for (const [address, content] of Object.entries(inputs)) hf.setCellContents(locate(hf, address), oneCell(content));
  hf.resumeEvaluation();
  return hf;
}

function evaluated(hf: HyperFormula, xl: Workbook, set: (address: string, content: unknown) => void): Evaluated {
  return {
    hf,
    value: (address) => hf.getCellValue(locate(hf, address)),
    set,
    spill: (address) => {
      const array = hf.arrayMapping.getArrayByCorner(locate(hf, address));
      return array && { rows: array.height, cols: array.width };
    },
    errors: () => {
      const out: string[] = [];
      for (const name of xl.sheets) {
        const values = hf.getSheetValues(hf.getSheetId(name) as number);
        values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v instanceof DetailedCellError)
              out.push(
                `${name}!${hf.simpleCellAddressToString({ sheet: 0, row: r, col: c }, 0)}: ${v.value} ${v.message}`,
              );
          }),
        );
      }
      return out;
    },
  };
}

/**
 * Loads the sheets a workbook gained since its engine loaded it (the MINER_Market sheet, another
 * copy of the model) into the same engine, with the workbook names it lacks and `inputs` typed
 * over them, calculated once: an engine of its own would load and calculate the first copy again.
 */
export function addNewSheets(e: Evaluated, xl: Workbook, inputs: Record<string, unknown> = {}): string[] {
  const hf = e.hf;
  const added = [...xl.sheets].filter((name) => hf.getSheetId(name) === undefined);
  hf.suspendEvaluation();
  for (const name of added) hf.addSheet(name);
  for (const [name, formula] of xl.names) if (!hf.getNamedExpression(name)) hf.addNamedExpression(name, formula);
  for (const name of added) loadCells(hf, xl, name);
  for (const [address, content] of Object.entries(inputs)) hf.setCellContents(locate(hf, address), oneCell(content));
  hf.resumeEvaluation();
  return added;
}

/** The cell holds `content` (a formula as the engine writes it): the scenario is the one asked for, not the last one's cells. */
function expectHolds(hf: HyperFormula, address: string, content: unknown): void {
  const now = hf.getCellSerialized(locate(hf, address)) ?? "";
  const want = typeof content === "string" && content.startsWith("=") ? hf.normalizeFormula(content) : (content ?? "");
  if (now !== want) throw new Error(`${address} holds ${String(now)}, not ${String(want)}`);
}

/**
 * Many scenarios of one workbook in one engine: the workbook is loaded and calculated once (with
 * the first scenario's inputs typed over it), and each later scenario is typed in one batch, one
 * recalculation of what depends on the cells it changes. Every cell an earlier scenario or test
 * typed over (through `set` too) is first put back as the workbook holds it, in the same batch, so
 * each scenario sees exactly the workbook plus its own inputs, as a fresh engine would. A whole
 * model's first calculation costs seconds; typing a few inputs again, a fraction of that.
 */
export function scenarios(xl: Workbook): (inputs?: Record<string, unknown>) => Evaluated {
  let hf: HyperFormula | undefined;
  let e: Evaluated | undefined;
  const sheets = new Map<string, Map<string, unknown>>();
  const typed = new Map<string, string>(); // cell key -> the address it was typed at
  const key = (engine: HyperFormula, address: string) => {
    const c = locate(engine, address);
    return `${c.sheet}:${c.row}:${c.col}`;
  };
  /** What the workbook holds at an address (null where it holds nothing). */
  const original = (address: string) => {
    const at = address.lastIndexOf("!");
    const sheet = address.slice(0, at).replace(/^'|'$/g, "");
    if (!sheets.has(sheet)) sheets.set(sheet, xl.contents(sheet));
    return sheets.get(sheet)?.get(address.slice(at + 1)) ?? null;
  };
  return (inputs = {}) => {
    if (!hf || !e) {
      const engine = (hf = load(xl, inputs));
      e = evaluated(engine, xl, (address, content) => {
        typed.set(key(engine, address), address);
        engine.setCellContents(locate(engine, address), oneCell(content));
      });
    } else {
      const engine = hf;
      const wanted = new Map(
        Object.entries(inputs).map(([address, content]) => [key(engine, address), [address, content] as const]),
      );
      const restored = [...typed].filter(([k]) => !wanted.has(k)).map(([, address]) => address);
      engine.batch(() => {
        for (const address of restored) engine.setCellContents(locate(engine, address), oneCell(original(address)));
        for (const [address, content] of wanted.values())
          engine.setCellContents(locate(engine, address), oneCell(content));
      });
      for (const address of restored) expectHolds(engine, address, original(address));
      typed.clear();
    }
    const engine = hf;
    for (const [address, content] of Object.entries(inputs)) {
      typed.set(key(engine, address), address);
      expectHolds(engine, address, content);
    }
    return e;
  };
}
