/**
 * The Assumptions sheet: every input of the model, labelled, with its unit, its source and the
 * workbook name the rest of the model uses. The only constants in the model live here.
 */
import { SheetDraft } from "./draft";
import { INPUT_SECTIONS, ModelInput } from "./inputs";

const HEADER_ROW = 4;

/** The row of each input's value cell (column B), in the order of INPUT_SECTIONS. */
export function inputRows(): Map<string, number> {
  const rows = new Map<string, number>();
  let row = HEADER_ROW + 1;
  for (const section of INPUT_SECTIONS) {
    row++; // the section's title row
    for (const input of section.inputs) rows.set(input.name, row++);
    row++; // a blank row between sections
  }
  return rows;
}

function valueOf(input: ModelInput, linkMarket: ReadonlySet<string>): string | number {
  return input.market && linkMarket.has(input.market) ? `=${input.market}` : input.value;
}

function sourceOf(input: ModelInput, linkMarket: ReadonlySet<string>): string {
  if (!input.market || !linkMarket.has(input.market)) return input.source;
  return input.market.startsWith("Hist_")
    ? `history: MINER_History (${input.market}); update it in the task pane. Without it: ${input.source}`
    : `live: MINER_Market (${input.market}); refresh it in the task pane. Without it: ${input.source}`;
}

/** @param linkMarket the MINER_Market and MINER_History names present in the workbook: those inputs link to them. */
export function assumptionsSheet(linkMarket: ReadonlySet<string>): SheetDraft {
  const d = new SheetDraft("assumptions");
  d.heading(
    "MINER model: assumptions",
    "Blue cells on yellow are the inputs: change them. Every other number in the model is a formula on these cells, by the names in column E.",
  );
  d.put(`A${HEADER_ROW}`, [["Input", "Value", "Unit", "Source / notes", "Workbook name"]], "header");
  const rows = inputRows();
  let row = HEADER_ROW + 1;
  for (const section of INPUT_SECTIONS) {
    d.put(`A${row++}`, [[section.title]], "section");
    for (const input of section.inputs) {
      d.put(`A${row}`, [[input.label]]);
      d.put(`B${row}`, [[valueOf(input, linkMarket)]], "input", input.numberFormat);
      d.put(`C${row}`, [[input.unit, sourceOf(input, linkMarket), input.name]]);
      d.name(input.name, `B${rows.get(input.name)}`, `${input.label} (${input.unit}): MINER model input`);
      row++;
    }
    row++;
  }
  d.width({ A: 220, B: 110, C: 170, D: 420, E: 190 });
  return d;
}
