/**
 * The spec as a workbook's contents, without Office: each sheet's cells by A1 address (formulas as
 * "=..." text, constants as they are) and each workbook name's reference ("='Lease vs Mine'!$B$5"),
 * as the pane's writer leaves them in Excel. The release's workbook is built from these, and its
 * cached values are computed from them.
 */
import { absolute, blockAddress, cellAt, ModelSpec, Naming, parseCell, SHEETS, SheetKey } from "./spec";

export type CellContent = string | number;

export interface WorkbookContents {
  /** The sheets in the order the pane adds them. */
  sheets: string[];
  /** Workbook name → its reference. */
  names: Map<string, string>;
  /** A sheet's cells by A1 address. */
  contents(sheet: string): Map<string, CellContent>;
}

/** A sheet name as a reference writes it: quoted unless it is one word. */
export const sheetRef = (sheet: string): string => (/^\w+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

export function modelContents(spec: ModelSpec, naming: Naming): WorkbookContents {
  const sheets = (Object.keys(SHEETS) as SheetKey[]).map((k) => naming.sheet(k));
  const cells = new Map<string, Map<string, CellContent>>(sheets.map((s) => [s, new Map()]));
  for (const b of spec.blocks) {
    const sheet = cells.get(naming.sheet(b.sheet)) as Map<string, CellContent>;
    const { col, row } = parseCell(b.at);
    blockAddress(b); // refuses a ragged block
    b.cells.forEach((line, r) => line.forEach((v, c) => sheet.set(cellAt(col + c, row + r), v)));
  }
  const names = new Map(spec.names.map((n) => [n.name, `=${sheetRef(naming.sheet(n.sheet))}!${absolute(n.address)}`]));
  return {
    sheets,
    names,
    contents: (sheet) => new Map(cells.get(sheet) ?? []),
  };
}
