/**
 * The Assumptions sheet: every input of the model, labelled, with its unit, its source and the
 * workbook name the rest of the model uses. The only constants in the model live here.
 */
import { SheetDraft } from "./draft";
import { INPUT_SECTIONS, ModelInput } from "./inputs";
import { Columns } from "./layout";

const HEADER_ROW = 4;
const COLUMNS = new Columns("A", ["label", "value", "unit", "source", "name"]);
const cell = (key: (typeof COLUMNS.keys)[number], row: number) => `${COLUMNS.col(key)}${row}`;

/** Where each section's title and each input sit: the sections one after another, a blank row between. */
const SECTIONS = (() => {
  let row = HEADER_ROW + 1;
  return INPUT_SECTIONS.map((section) => {
    const titleRow = row++;
    const inputs = section.inputs.map((input) => ({ input, row: row++ }));
    row++;
    return { title: section.title, titleRow, inputs };
  });
})();

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
    `Blue cells on yellow are the inputs: change them. Every other number in the model is a formula on these cells, by the names in column ${COLUMNS.col("name")}.`,
  );
  d.put(cell("label", HEADER_ROW), [["Input", "Value", "Unit", "Source / notes", "Workbook name"]], "header");
  for (const section of SECTIONS) {
    d.put(cell("label", section.titleRow), [[section.title]], "section");
    for (const { input, row } of section.inputs) {
      d.put(cell("label", row), [[input.label]]);
      d.put(cell("value", row), [[valueOf(input, linkMarket)]], "input", input.numberFormat);
      d.put(cell("unit", row), [[input.unit, sourceOf(input, linkMarket), input.name]]);
      d.name(input.name, cell("value", row), `${input.label} (${input.unit}): MINER model input`);
    }
  }
  d.width(COLUMNS.widths({ label: 220, value: 110, unit: 170, source: 420, name: 190 }));
  return d;
}
