/** Collects one sheet's cells, formats, names and charts while a builder lays the sheet out. */
import { FunctionId, isRequired, SIGNATURES } from "../functions/params";
import { blockAddress, CellBlock, CellStyle, ChartSpec, FormatSpec, NameSpec, parseCell, SheetKey } from "./spec";

/** The rows and columns a block covers, inclusive. */
interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function areaOf(address: string): Area {
  const [from, to = from] = address.split(":").map(parseCell);
  return { top: from.row, bottom: to.row, left: from.col, right: to.col };
}

const overlap = (a: Area, b: Area) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export class SheetDraft {
  readonly blocks: CellBlock[] = [];
  readonly formats: FormatSpec[] = [];
  readonly names: NameSpec[] = [];
  readonly charts: ChartSpec[] = [];
  readonly widths: Record<string, number> = {};
  private readonly areas: { address: string; area: Area }[] = [];

  constructor(readonly key: SheetKey) {}

  /** The sheet's title in A1 and a line saying how to read it in A2. */
  heading(title: string, note: string): void {
    this.put("A1", [[title]], "title");
    this.put("A2", [[note]], "note");
  }

  /**
   * Writes `cells` from `at`; a style or number format, if given, covers the whole block. A block
   * that would overwrite an earlier one is refused: a table that grows must move what is below it.
   */
  put(at: string, cells: (string | number)[][], style?: CellStyle, numberFormat?: string): string {
    const block = { sheet: this.key, at, cells };
    const address = blockAddress(block);
    const area = areaOf(address);
    const hit = this.areas.find((b) => overlap(b.area, area));
    if (hit) throw new Error(`${this.key}: ${address} would overwrite ${hit.address}`);
    this.areas.push({ address, area });
    this.blocks.push(block);
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

/**
 * A positional MINER call whose arguments follow the function's registered order: `argOf` gives
 * each parameter's formula (a cell, a name or an expression). Built, not typed, so the template
 * cannot drift from the interface. Optional parameters after the last one given are left out
 * (an appended parameter the sheet does not set: its default is the result before it).
 */
export function minerCall(id: FunctionId, argOf: (param: string) => string | undefined): string {
  const params = SIGNATURES[id];
  const given = params.map((p) => argOf(p.name));
  let end = params.length;
  while (end > 0 && given[end - 1] === undefined && !isRequired(params[end - 1])) end--;
  const args = given.slice(0, end).map((a, i) => {
    if (a === undefined) throw new Error(`no argument for ${id}'s ${params[i].name}`);
    return a;
  });
  return `MINER.${id}(${args.join(",")})`;
}
