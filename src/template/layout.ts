/**
 * Where things sit on a sheet, each position declared once: keyed rows down from a top row, keyed
 * columns right from a first column, and labelled tables (label, value, unit) whose lines carry
 * their own number format and workbook name. Formulas, formats, names, charts and the other sheets
 * ask these for addresses by key, so adding a line moves every reference to the lines below it.
 */
import type { SheetDraft } from "./draft";
import { CellStyle, columnIndex, columnLetters, parseCell } from "./spec";

/** Keys one after another from a first index (a row number, or a column number). */
class Sequence<K extends string> {
  private readonly index = new Map<K, number>();

  constructor(
    readonly first: number,
    readonly keys: readonly K[],
  ) {
    keys.forEach((k, i) => {
      if (this.index.has(k)) throw new Error(`${k} laid out twice`);
      this.index.set(k, first + i);
    });
  }

  protected at(key: K): number {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`nothing called ${key} in this layout`);
    return i;
  }

  /** The index of the last key. */
  get last(): number {
    return this.first + this.keys.length - 1;
  }
}

/** Rows by key, from `top` down: "B7" is `rows.cell("B", "price")`. */
export class Rows<K extends string> extends Sequence<K> {
  row(key: K): number {
    return this.at(key);
  }

  cell(col: string, key: K): string {
    return `${col}${this.row(key)}`;
  }

  /** Column `col` from the row of `from` to the row of `to` ("B5:B9"; one cell as "B5"); every row by default. */
  range(col: string, from?: K, to: K | undefined = from): string {
    const [a, b] = [from === undefined ? this.first : this.row(from), to === undefined ? this.last : this.row(to)];
    return a === b ? `${col}${a}` : `${col}${a}:${col}${b}`;
  }
}

/** Columns by key, from `first` rightwards: "K" is `columns.col("price")`. */
export class Columns<K extends string> extends Sequence<K> {
  constructor(first: string, keys: readonly K[]) {
    super(columnIndex(first), keys);
  }

  col(key: K): string {
    return columnLetters(this.at(key));
  }

  /** Column widths by key, as SheetDraft.width takes them (by letter). */
  widths(byKey: Partial<Record<K, number>>): Record<string, number> {
    return Object.fromEntries(Object.entries(byKey).map(([k, w]) => [this.col(k as K), w as number]));
  }

  /** The first and last columns' letters. */
  get from(): string {
    return columnLetters(this.first);
  }
  get to(): string {
    return columnLetters(this.last);
  }
}

/** A block of `count` rows from `top` under keyed columns: e.g. an input table of a fixed size. */
export class Grid<K extends string> {
  constructor(
    readonly top: number,
    readonly count: number,
    readonly columns: Columns<K>,
  ) {}

  get bottom(): number {
    return this.top + this.count - 1;
  }

  /** The cell of column `key` in row `i` (0 = the first), e.g. "B71". */
  cell(key: K, i: number): string {
    if (!(i >= 0 && i < this.count)) throw new Error(`the grid has no row ${i}`);
    return `${this.columns.col(key)}${this.top + i}`;
  }

  /** Every row of the columns from `from` to `to`, e.g. "A70:B73". */
  range(from: K, to: K = from): string {
    return `${this.columns.col(from)}${this.top}:${this.columns.col(to)}${this.bottom}`;
  }
}

/**
 * Blocks of columns left to right from `first`, `gap` blank columns between: each block's first
 * column, by key (the widths in the order given).
 */
export function sideBySide<K extends string>(first: string, widths: Record<K, number>, gap = 1): Record<K, string> {
  let at = columnIndex(first);
  const out = {} as Record<K, string>;
  for (const [key, width] of Object.entries(widths) as [K, number][]) {
    out[key] = columnLetters(at);
    at += width + gap;
  }
  return out;
}

/** The column `by` places right of `col` (left when negative). */
export function offset(col: string, by: number): string {
  return columnLetters(columnIndex(col) + by);
}

export type Value = string | number;

/** One line of a labelled table. */
export interface Line<K extends string> {
  key: K;
  label: string;
  /**
   * The line's value: a constant, or a formula built with `at`, which gives another line's cell in
   * the same value column (a table with several value columns calls it once per column).
   */
  value: Value | ((at: (key: K) => string, column: number) => Value);
  /** The unit, or a note, in the column after the values. */
  unit?: string;
  numberFormat?: string;
  /** A workbook name for the line's value cell (the first, when there are several), with its comment. */
  name?: [name: string, comment: string];
}

export interface TableOptions {
  /** Value columns between the label and the unit (one by default). */
  values?: number;
  /** How every value cell looks (its number format is the line's). */
  style?: CellStyle;
  /** The number format of lines that give none. */
  numberFormat?: string;
}

/**
 * A labelled table written from `topLeft`: one row per line (label, value(s), unit), each value
 * cell with its line's number format, and the workbook names of the lines that have one.
 */
export class Table<K extends string> {
  readonly rows: Rows<K>;
  /** The label column, then the value columns, then the unit's (if any line has one). */
  readonly labelColumn: string;
  private readonly valueColumns: string[];

  constructor(
    topLeft: string,
    readonly lines: readonly Line<K>[],
    private readonly options: TableOptions = {},
  ) {
    const { col, row } = parseCell(topLeft);
    this.rows = new Rows(
      row,
      lines.map((l) => l.key),
    );
    this.labelColumn = columnLetters(col);
    this.valueColumns = Array.from({ length: options.values ?? 1 }, (_, i) => columnLetters(col + 1 + i));
  }

  /** The value cell of line `key` in value column `column` (0 = the first), e.g. "B7". */
  cell(key: K, column = 0): string {
    return this.rows.cell(this.valueColumn(column), key);
  }

  /** The value cells from line `from` to line `to`, across every value column ("B5:C7"). */
  range(from: K, to: K = from): string {
    const [a, b] = [this.cell(from, 0), this.cell(to, this.valueColumns.length - 1)];
    return a === b ? a : `${a}:${b}`;
  }

  get top(): number {
    return this.rows.first;
  }
  get bottom(): number {
    return this.rows.last;
  }

  /** The value column `column` (0 = the first). */
  valueColumn(column = 0): string {
    const letters = this.valueColumns[column];
    if (letters === undefined) throw new Error(`the table has no value column ${column}`);
    return letters;
  }

  /** Writes the lines, their formats (a run of lines that look alike as one range) and their names. */
  write(d: SheetDraft): void {
    const withUnit = this.lines.some((l) => l.unit !== undefined);
    d.put(
      `${this.labelColumn}${this.top}`,
      this.lines.map((l) => {
        const values = this.valueColumns.map((_, c) =>
          typeof l.value === "function" ? l.value((key) => this.cell(key, c), c) : l.value,
        );
        return withUnit ? [l.label, ...values, l.unit ?? ""] : [l.label, ...values];
      }),
    );
    const { style } = this.options;
    const formatOf = (l: Line<K>) => l.numberFormat ?? this.options.numberFormat;
    let start = 0;
    this.lines.forEach((l, i) => {
      const next = this.lines[i + 1];
      if (next && formatOf(next) === formatOf(l)) return; // the run of alike lines goes on
      if (style || formatOf(l)) d.format(this.range(this.lines[start].key, l.key), style, formatOf(l));
      start = i + 1;
    });
    for (const l of this.lines) if (l.name) d.name(l.name[0], this.cell(l.key), l.name[1]);
  }
}
