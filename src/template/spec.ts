/**
 * The template model as data: which cells hold which formulas, which workbook names point where,
 * and which charts to draw. Building it is pure (no Office), so the tests can check it, evaluate it
 * in a formula engine, and compare the writer's output with it.
 *
 * Formulas are written with the model's own names (Site_MW) and sheet placeholders ({Mining});
 * `Naming` turns them into the names and sheets of one inserted copy, so a second insert gets
 * "Mining (2)" and Site_MW_2 and never touches the first.
 */

/** How a block of cells looks: inputs are blue on yellow (the modelling convention), checks green. */
export type CellStyle = "title" | "note" | "header" | "section" | "input" | "result" | "check" | "plain";

/** A rectangle of cells, each a formula ("=...") or a constant, written in one go. */
export interface CellBlock {
  sheet: SheetKey;
  /** Top-left cell, e.g. "A5"; the block's size comes from `cells`. */
  at: string;
  cells: (string | number)[][];
}

/** How a range looks: a style and/or one number format for all its cells. */
export interface FormatSpec {
  sheet: SheetKey;
  address: string;
  style?: CellStyle;
  numberFormat?: string;
}

export interface NameSpec {
  name: string;
  sheet: SheetKey;
  /** "B5" or "A5:B17" */
  address: string;
  comment: string;
}

export interface ChartSpec {
  sheet: SheetKey;
  type: "ColumnClustered" | "Line";
  /** The series' data with their header row, e.g. "H16:I47"; series are columns. */
  source: string;
  /** Category labels (x axis), e.g. "G17:G47". */
  categories: string;
  title: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export const SHEETS = {
  assumptions: "Assumptions",
  mining: "Mining",
  leaseVsMine: "Lease vs Mine",
  afterTax: "After tax & financing",
  treasury: "Treasury",
  reconciliation: "Reconciliation",
  risk: "Risk",
} as const;
export type SheetKey = keyof typeof SHEETS;

export interface ColumnWidths {
  sheet: SheetKey;
  /** Column letter to width in points. */
  widths: Record<string, number>;
}

export interface ModelSpec {
  blocks: CellBlock[];
  formats: FormatSpec[];
  names: NameSpec[];
  charts: ChartSpec[];
  columns: ColumnWidths[];
}

/** Column letters to a 1-based index and back (A = 1, Z = 26, AA = 27). */
export function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B5" → { col: 2, row: 5 } */
export function parseCell(a1: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

export function cellAt(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

/** The address of a block: "A5:E9", or "A5" for one cell. */
export function blockAddress(b: Pick<CellBlock, "at" | "cells">): string {
  const { col, row } = parseCell(b.at);
  const rows = b.cells.length;
  const cols = Math.max(...b.cells.map((r) => r.length));
  if (b.cells.some((r) => r.length !== cols)) throw new Error(`ragged block at ${b.at}`);
  return rows === 1 && cols === 1 ? b.at : `${b.at}:${cellAt(col + cols - 1, row + rows - 1)}`;
}

/** "$B$5" or "$A$5:$B$17" */
export function absolute(address: string): string {
  return address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/**
 * The sheet names and workbook names of one inserted copy: copy 1 uses the plain names, copy k
 * ("Mining (k)", Site_MW_k) leaves every earlier copy and the user's edits in it alone.
 */
export class Naming {
  private readonly pattern: RegExp;

  constructor(
    readonly copy: number,
    modelNames: readonly string[],
  ) {
    // Longest first, so Lease_NPV is not read as a prefix of a longer name.
    const sorted = [...modelNames].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(`(?<![\\w.!'])(${sorted.join("|")})(?![\\w(])`, "g");
  }

  sheet(key: SheetKey): string {
    return this.copy === 1 ? SHEETS[key] : `${SHEETS[key]} (${this.copy})`;
  }

  name(base: string): string {
    return this.copy === 1 ? base : `${base}_${this.copy}`;
  }

  /** A formula with this copy's names and quoted sheet references; text in quotes is left alone. */
  formula(f: string): string {
    return f
      .split(/("[^"]*")/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part
              .replace(/\{(\w+)\}/g, (_, key: SheetKey) => `'${this.sheet(key)}'`)
              .replace(this.pattern, (n) => this.name(n)),
      )
      .join("");
  }
}
