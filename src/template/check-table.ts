/**
 * A block of reconciliation checks: a header row, then one row per check with the MINER figure,
 * the same quantity built with plain formulas, their difference, the tolerance and whether the
 * difference is within it. The Reconciliation sheet holds two (the model's and the Treasury's).
 */
import { SheetDraft } from "./draft";
import { Columns } from "./layout";

export const CHECK_COLUMNS = new Columns("A", [
  "quantity",
  "miner",
  "plain",
  "difference",
  "tolerance",
  "matches",
  "how",
]);
export type CheckColumn = (typeof CHECK_COLUMNS.keys)[number];
const HEADERS: Record<CheckColumn, string> = {
  quantity: "Quantity",
  miner: "MINER add-in",
  plain: "Plain Excel",
  difference: "Difference",
  tolerance: "Tolerance",
  matches: "Matches",
  how: "How the plain figure is built",
};

/**
 * How close is close enough: money to a part in 10^9 (at least a millionth of a dollar; a double
 * carries ~16 digits); other quantities to a part in 10^9 of their size, with a floor far below
 * anything shown; rates to 10^-7 (Excel's IRR stops at 0.00001%); whole numbers (counts, months)
 * exactly.
 */
export type Tolerance = "money" | "quantity" | "rate" | "exact";

/** The plain figure of a check, or how to build it from the other checks' plain cells. */
export type Plain = string | ((plainOf: (quantity: string) => string) => string);

/** [quantity, MINER's figure, the plain rebuild, tolerance, how the plain figure is built] */
export type Check = [quantity: string, miner: string, plain: Plain, tolerance: Tolerance, how: string];

export class CheckTable {
  readonly first: number;
  readonly last: number;

  /** @param headerRow the header's row: the checks follow it */
  constructor(
    readonly headerRow: number,
    readonly checks: readonly Check[],
  ) {
    this.first = headerRow + 1;
    this.last = headerRow + checks.length;
  }

  /** The row of the check of `quantity`. */
  row(quantity: string): number {
    const i = this.checks.findIndex(([q]) => q === quantity);
    if (i < 0) throw new Error(`no check of ${quantity}`);
    return this.first + i;
  }

  /** Column `key` of every check, e.g. "F6:F21". */
  column(key: CheckColumn): string {
    const col = CHECK_COLUMNS.col(key);
    return `${col}${this.first}:${col}${this.last}`;
  }

  /** Writes the header and the checks, with their formats (the figures in `numberFormat`). */
  write(d: SheetDraft, numberFormat: string): void {
    const col = (key: CheckColumn) => CHECK_COLUMNS.col(key);
    d.put(`${col("quantity")}${this.headerRow}`, [CHECK_COLUMNS.keys.map((k) => HEADERS[k])], "header");
    const plainOf = (quantity: string) => `${col("plain")}${this.row(quantity)}`;
    d.put(
      `${col("quantity")}${this.first}`,
      this.checks.map(([quantity, miner, plain, tolerance, how], i) => {
        const r = this.first + i;
        const at = (key: CheckColumn) => `${col(key)}${r}`;
        const cells: Record<CheckColumn, string | number> = {
          quantity,
          miner,
          plain: typeof plain === "function" ? plain(plainOf) : plain,
          difference: `=${at("miner")}-${at("plain")}`,
          tolerance: toleranceFormula(tolerance, at("miner")),
          matches: `=ABS(${at("difference")})<=${at("tolerance")}`,
          how,
        };
        return CHECK_COLUMNS.keys.map((k) => cells[k]);
      }),
    );
    d.format(`${col("miner")}${this.first}:${col("plain")}${this.last}`, "result", numberFormat);
    d.format(`${col("difference")}${this.first}:${col("tolerance")}${this.last}`, undefined, "0.00E+00");
    d.format(this.column("matches"), "check");
  }
}

function toleranceFormula(kind: Tolerance, miner: string): string | number {
  switch (kind) {
    case "exact":
      return 0;
    case "rate":
      return "0.0000001";
    case "money":
      return `=MAX(0.000001,0.000000001*ABS(${miner}))`;
    case "quantity":
      return `=MAX(0.000000000000001,0.000000001*ABS(${miner}))`;
  }
}
