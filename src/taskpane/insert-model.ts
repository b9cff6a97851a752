/**
 * "Insert model": writes the template into the open workbook. It never overwrites anything: when
 * the workbook already has the model's sheets or names (an earlier insert, perhaps edited), it
 * writes a new copy with its own sheet names ("Mining (2)") and workbook names (Site_MW_2).
 *
 * Order matters to Excel: sheets first, then the names (so no formula ever shows #NAME?), then
 * the cells, their formats and the charts, in a handful of syncs.
 */
import { buildModel, MARKET_LINKS, modelNames } from "../template/build";
import { blockAddress, CellStyle, ModelSpec, Naming, parseCell, SHEETS, SheetKey } from "../template/spec";
import { CELL_STYLES } from "../template/styles";

/** Copies tried before giving up: a workbook with this many models has a problem we should not add to. */
export const MAX_COPIES = 50;

export interface ModelReport {
  copy: number;
  /** The sheets written, in order. */
  sheets: string[];
  /** MINER_Market names the inputs link to; the others hold sourced defaults. */
  linkedMarket: string[];
}

/** Applies a style's look (src/template/styles.ts) to a range; properties it does not set are left alone. */
function applyStyle(r: Excel.Range, style: CellStyle): void {
  const look = CELL_STYLES[style];
  if (look.bold !== undefined) r.format.font.bold = look.bold;
  if (look.italic !== undefined) r.format.font.italic = look.italic;
  if (look.size !== undefined) r.format.font.size = look.size;
  if (look.color !== undefined) r.format.font.color = look.color;
  if (look.fill !== undefined) r.format.fill.color = look.fill;
}

function size(address: string): { rows: number; cols: number } {
  const [from, to = from] = address.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  return { rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/** Which MINER_Market names exist, so the inputs can link to the live values. */
async function existingMarketNames(context: Excel.RequestContext): Promise<string[]> {
  const items = MARKET_LINKS.map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is a scalar flag
    item.load("isNullObject");
    return item;
  });
  await context.sync();
  return MARKET_LINKS.filter((_, i) => !items[i].isNullObject);
}

/** The first copy number whose sheets and names are all free. */
async function freeCopy(context: Excel.RequestContext): Promise<number> {
  const names = modelNames();
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const naming = new Naming(copy, names);
    const sheets = (Object.keys(SHEETS) as SheetKey[]).map((k) =>
      context.workbook.worksheets.getItemOrNullObject(naming.sheet(k)),
    );
    const items = names.map((n) => context.workbook.names.getItemOrNullObject(naming.name(n)));
    [...sheets, ...items].forEach((x) => x.load("isNullObject"));
    // One sync per copy tried: almost always one or two, at most MAX_COPIES.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    if ([...sheets, ...items].every((x) => x.isNullObject)) return copy;
  }
  throw new Error(`the workbook already holds ${MAX_COPIES} copies of the model; delete some first`);
}

function write(context: Excel.RequestContext, spec: ModelSpec, naming: Naming): Map<SheetKey, Excel.Worksheet> {
  const sheets = new Map<SheetKey, Excel.Worksheet>();
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    sheets.set(key, context.workbook.worksheets.add(naming.sheet(key)));
  }
  const sheet = (k: SheetKey) => sheets.get(k) as Excel.Worksheet;
  for (const n of spec.names) {
    context.workbook.names.add(n.name, sheet(n.sheet).getRange(n.address), n.comment);
  }
  for (const b of spec.blocks) sheet(b.sheet).getRange(blockAddress(b)).formulas = b.cells;
  for (const f of spec.formats) {
    const range = sheet(f.sheet).getRange(f.address);
    if (f.numberFormat) {
      const { rows, cols } = size(f.address);
      range.numberFormat = Array.from({ length: rows }, () => Array(cols).fill(f.numberFormat));
    }
    if (f.style) applyStyle(range, f.style);
  }
  for (const c of spec.columns) {
    for (const [col, width] of Object.entries(c.widths))
      sheet(c.sheet).getRange(`${col}:${col}`).format.columnWidth = width;
  }
  for (const c of spec.charts) {
    const s = sheet(c.sheet);
    const chart = s.charts.add(c.type as Excel.ChartType, s.getRange(c.source), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    chart.axes.categoryAxis.setCategoryNames(s.getRange(c.categories));
    chart.setPosition(c.from, c.to);
  }
  sheet("assumptions").activate();
  return sheets;
}

/** Inserts a new copy of the model and reports where it went. */
export async function insertModel(context: Excel.RequestContext): Promise<ModelReport> {
  const linkedMarket = await existingMarketNames(context);
  const copy = await freeCopy(context);
  const { spec, naming } = buildModel(copy, new Set(linkedMarket));
  write(context, spec, naming);
  await context.sync();
  return { copy, sheets: (Object.keys(SHEETS) as SheetKey[]).map((k) => naming.sheet(k)), linkedMarket };
}
