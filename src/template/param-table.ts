/**
 * An assumptions table for MINER.FROMTABLE: parameter name and the formula that feeds it (the two
 * columns FROMTABLE reads), then the parameter's unit and description from the registry
 * (src/functions/params.ts), so the reader sees what each row means. The table says where each
 * parameter's value sits; positional calls take their arguments from there.
 */
import { Param } from "../functions/params";
import { SheetDraft } from "./draft";
import { Columns, Rows, Value } from "./layout";
import { PARAMETER_LINKS } from "./links";

const COLUMNS = new Columns("A", ["name", "value", "unit", "description"]);
const col = (key: (typeof COLUMNS.keys)[number]) => COLUMNS.col(key);

export interface ParamTableSpec {
  /** The workbook name of the table (its two FROMTABLE columns). */
  name: string;
  /** The table's first row; its section title is the row above. */
  top: number;
  params: readonly Param[];
  /** Rows after the parameters' (a list's further values, in the same four columns). */
  more?: Value[][];
  section: string;
  comment: string;
}

export class ParamTable {
  readonly rows: Rows<string>;
  /** The table's last row. */
  readonly bottom: number;

  constructor(readonly spec: ParamTableSpec) {
    this.rows = new Rows(
      spec.top,
      spec.params.map((p) => p.name),
    );
    this.bottom = spec.top + spec.params.length + (spec.more?.length ?? 0) - 1;
  }

  get name(): string {
    return this.spec.name;
  }
  get params(): readonly Param[] {
    return this.spec.params;
  }
  get top(): number {
    return this.spec.top;
  }

  /** The value cell of `param` (e.g. "B6"), or undefined when the table does not hold it. */
  cell(param: string): string | undefined {
    return this.rows.keys.includes(param) ? this.rows.cell(col("value"), param) : undefined;
  }

  /** The two columns FROMTABLE reads, e.g. "A5:B17". */
  get range(): string {
    return `${col("name")}${this.top}:${col("value")}${this.bottom}`;
  }

  write(d: SheetDraft): void {
    const rows = this.params.map((p) => {
      const link = PARAMETER_LINKS[p.name];
      if (!link) throw new Error(`no model input for parameter ${p.name}`);
      return [p.name, link, p.unit, p.description];
    });
    d.put(`${col("name")}${this.top - 1}`, [[this.spec.section]], "section");
    d.put(`${col("name")}${this.top}`, [...rows, ...(this.spec.more ?? [])]);
    d.format(`${col("unit")}${this.top}:${col("description")}${this.bottom}`, "note");
    d.name(this.name, this.range, this.spec.comment);
  }
}
