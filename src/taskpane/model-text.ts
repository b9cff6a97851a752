/**
 * The Model tab's description of "Insert model", built from the template's own list of sheets
 * (src/template/spec.ts), so the pane names and counts what the button writes.
 */
import { SHEETS } from "../template/spec";

const COUNTS = "no one two three four five six seven eight nine ten eleven twelve".split(" ");

export function insertModelDescription(): string {
  const names = Object.values(SHEETS);
  const count = COUNTS[names.length] ?? String(names.length);
  return (
    `Inserts ${count} sheets (${names.join(", ")}): cost per BTC, mine or lease, after tax and financed, the treasury both ways ` +
    "and the risk under a simulated market, for your inputs; every number a visible formula, reconciled with plain Excel. " +
    "Inserting again adds a new copy and changes nothing that is there."
  );
}
