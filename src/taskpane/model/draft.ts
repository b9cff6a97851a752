/** Collects one sheet's cells, formats, names and charts while a builder lays the sheet out. */
import type { ParamSpec } from "../../functions/assumptions";
import { blockAddress, CellBlock, CellStyle, ChartSpec, FormatSpec, NameSpec, SheetKey } from "./spec";

export class SheetDraft {
  readonly blocks: CellBlock[] = [];
  readonly formats: FormatSpec[] = [];
  readonly names: NameSpec[] = [];
  readonly charts: ChartSpec[] = [];
  readonly widths: Record<string, number> = {};

  constructor(readonly key: SheetKey) {}

  /** The sheet's title in A1 and a line saying how to read it in A2. */
  heading(title: string, note: string): void {
    this.put("A1", [[title]], "title");
    this.put("A2", [[note]], "note");
  }

  /** Writes `cells` from `at`; a style or number format, if given, covers the whole block. */
  put(at: string, cells: (string | number)[][], style?: CellStyle, numberFormat?: string): string {
    const block = { sheet: this.key, at, cells };
    this.blocks.push(block);
    const address = blockAddress(block);
    if (style || numberFormat) this.format(address, style, numberFormat);
    return address;
  }

  format(address: string, style?: CellStyle, numberFormat?: string): void {
    this.formats.push({ sheet: this.key, address, style, numberFormat });
  }

  name(name: string, address: string, comment: string): void {
    this.names.push({ name, sheet: this.key, address, comment });
  }

  chart(c: Omit<ChartSpec, "sheet">): void {
    this.charts.push({ sheet: this.key, ...c });
  }

  width(columns: Record<string, number>): void {
    Object.assign(this.widths, columns);
  }
}

/** A two-column assumptions table (parameter name, formula) for a MINER function, from links by name. */
export function assumptionsTable(params: readonly ParamSpec[], links: Record<string, string>): string[][] {
  return params.map(({ name }) => {
    const link = links[name];
    if (!link) throw new Error(`no model input for parameter ${name}`);
    return [name, link];
  });
}
