/**
 * The template model as an .xlsx file (MINER-model.xlsx, built by scripts/build-xlsx.js for each
 * release): the spec's sheets, cells, number formats, styles, column widths and workbook names,
 * written with ExcelJS, every formula with the value the formula engine calculated for it, so the
 * file shows numbers in any Excel, with or without the add-in.
 *
 * What ExcelJS cannot write is added to its output afterwards, each edit checked (an ExcelJS whose
 * output no longer matches stops the build rather than ship a file Excel would read otherwise):
 * - dynamic-array formulas: a MINER call (and any formula whose result spills) is written as Excel
 *   writes one, an array formula over its spill range with the cell's `cm` attribute pointing at the
 *   dynamic-array cell metadata (xl/metadata.xml), and its spill cells hold their values;
 * - the calculation properties: calcId 191029, the id the calculation engine of Excel 2019, 2021,
 *   2024 and Microsoft 365 writes, and no fullCalcOnLoad. Excel recalculates every formula on
 *   open only when the file says it was calculated by an older engine (or asks for it), which
 *   would turn every MINER cell into #NAME? where the add-in is not loaded;
 * - the comments of the workbook names.
 * Charts are not written (ExcelJS has no charts): their data ranges are in the file.
 *
 * Formulas are stored in the file's own spelling: a MINER function as Excel saves an add-in's
 * custom function (`_xldudf_MINER_COSTPERBTC(...)`, which it shows as MINER.COSTPERBTC where the
 * add-in is loaded), and functions newer than Excel 2007 with their `_xlfn.` prefix (MINIFS).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ModelSpec, Naming } from "../src/template/spec";
import { absolute, cellAt, parseCell } from "../src/template/spec";
import { CELL_STYLES, StyleLook } from "../src/template/styles";
import { CellContent, modelContents, sheetRef } from "../src/template/contents";

/** What the formula engine calculated: the value at "Sheet!A1" ("'Lease vs Mine'!B5"), and the size of an array formula's result. */
export interface Calculated {
  value(address: string): unknown;
  spill(address: string): { rows: number; cols: number } | undefined;
}

/**
 * The date the file says it was created and modified, and its zip entries' dates: fixed, so two
 * builds of the same model give the same bytes. SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when it is set, else 1.0's release date.
 */
export function writtenDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date(Date.UTC(2026, 10, 25));
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

/** The calculation engine id the file claims (see the header): Excel 2019 and later write it. */
export const CALC_ID = 191029;

/**
 * Functions added to Excel after 2007, which a file must name with the `_xlfn.` prefix (Excel
 * reads an unprefixed one as an unknown name: #NAME? once it recalculates). [MS-XLSX] lists them;
 * these are the ones a model of this kind might use.
 */
const FUTURE_FUNCTIONS = new Set(
  (
    "AGGREGATE ARRAYTOTEXT BETA.DIST BETA.INV BINOM.DIST BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW " +
    "CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS " +
    "COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COVARIANCE.P COVARIANCE.S DAYS DROP EXPAND EXPON.DIST F.DIST F.DIST.RT " +
    "F.INV F.INV.RT F.TEST FLOOR.MATH FLOOR.PRECISE FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAUSS HSTACK " +
    "IFNA IFS ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS MINIFS MODE.MULT " +
    "MODE.SNGL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC " +
    "PERCENTRANK.EXC PERCENTRANK.INC PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ REDUCE RRI " +
    "SCAN SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST " +
    "TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WRAPCOLS WRAPROWS " +
    "XLOOKUP XMATCH XOR"
  ).split(" "),
);
/** Two that Excel writes with a second prefix. */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/** Applies `edit` to the parts of a formula outside its text literals ("..."). */
const outsideText = (formula: string, edit: (part: string) => string) =>
  formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");

/** A formula (without "=") as the file stores it: MINER calls as Excel saves custom functions, newer functions prefixed. */
export function fileFormula(formula: string): string {
  return outsideText(formula, (part) =>
    part.replace(/(?<![\w.])([A-Za-z][\w.]*)(?=\()/g, (name: string) => {
      const upper = name.toUpperCase();
      if (upper.startsWith("MINER.")) return `_xldudf_MINER_${upper.slice(6).replace(/\./g, "_")}`;
      if (WORKSHEET_FUNCTIONS.has(upper)) return `_xlfn._xlws.${upper}`;
      if (FUTURE_FUNCTIONS.has(upper)) return `_xlfn.${upper}`;
      return name;
    }),
  );
}

/** Does the formula call a MINER function? */
const callsMiner = (formula: string) => {
  let found = false;
  outsideText(formula, (part) => {
    if (/(?<![\w.])MINER\.\w+\(/i.test(part)) found = true;
    return part;
  });
  return found;
};

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/**
 * Excel's column width is in characters of the default font's widest digit (Calibri 11: 7 pixels
 * at 96 dpi); the spec's, as Office.js sets it, in points (4/3 pixel each).
 */
export const widthInCharacters = (points: number) => Math.round(((points * 4) / 3 / 7) * 256) / 256;

/** Every cell of "A5:C9" (or "A5"). */
function* cellsOf(address: string): Generator<string> {
  const [from, to = from] = address.split(":").map(parseCell);
  for (let row = from.row; row <= to.row; row++) for (let col = from.col; col <= to.col; col++) yield cellAt(col, row);
}

/** A calculated value as a cell caches it, or why it cannot be. */
function cached(address: string, v: unknown): number | string | boolean {
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const why =
    v === null || v === undefined
      ? "no value"
      : `${String((v as { value?: unknown }).value ?? v)} ${String((v as { message?: unknown }).message ?? "")}`;
  throw new Error(`${address}: ${why.trim()} (the shipped workbook holds no error and no formula without a value)`);
}

interface Look extends StyleLook {
  numberFormat?: string;
}

/** Each cell's look after every format of its sheet, in order: a later one overrides what it sets. */
function looksOf(spec: ModelSpec, naming: Naming): Map<string, Map<string, Look>> {
  const out = new Map<string, Map<string, Look>>();
  for (const f of spec.formats) {
    const sheet = naming.sheet(f.sheet);
    if (!out.has(sheet)) out.set(sheet, new Map());
    const looks = out.get(sheet) as Map<string, Look>;
    const add: Look = {
      ...(f.style ? CELL_STYLES[f.style] : {}),
      ...(f.numberFormat ? { numberFormat: f.numberFormat } : {}),
    };
    for (const a1 of cellsOf(f.address)) looks.set(a1, { ...looks.get(a1), ...add });
  }
  return out;
}

function applyLook(cell: ExcelJS.Cell, look: Look): void {
  if (look.numberFormat) cell.numFmt = look.numberFormat;
  if (look.bold || look.italic || look.size || look.color) {
    cell.font = {
      name: "Calibri",
      size: look.size ?? 11,
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.color ? { color: { argb: argb(look.color) } } : {}),
    };
  }
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
}

/** Writes one sheet's cells; returns the anchors of its dynamic-array formulas. */
function writeCells(
  ws: ExcelJS.Worksheet,
  sheet: string,
  cells: Map<string, CellContent>,
  calculated: Calculated,
): Set<string> {
  const anchors = new Set<string>();
  for (const [a1, content] of cells) {
    const address = `${sheetRef(sheet)}!${a1}`;
    if (typeof content === "number") {
      ws.getCell(a1).value = content;
      continue;
    }
    if (!content.startsWith("=")) {
      if (content !== "") ws.getCell(a1).value = content; // "" is a blank cell, as the pane writes it
      continue;
    }
    const formula = content.slice(1);
    const result = cached(address, calculated.value(address));
    const size = calculated.spill(address) ?? { rows: 1, cols: 1 };
    if (!callsMiner(formula) && size.rows * size.cols === 1) {
      ws.getCell(a1).value = { formula: fileFormula(formula), result };
      continue;
    }
    const { col, row } = parseCell(a1);
    const ref = size.rows * size.cols === 1 ? a1 : `${a1}:${cellAt(col + size.cols - 1, row + size.rows - 1)}`;
    ws.getCell(a1).value = {
      formula: fileFormula(formula),
      result,
      shareType: "array",
      ref,
    } as ExcelJS.CellFormulaValue;
    anchors.add(a1);
    const spill = [...cellsOf(ref)].filter((c) => c !== a1);
    // A cell written "" is blank (as the pane writes it), so it does not block the spill.
    const blocking = spill.find((c) => (cells.get(c) ?? "") !== "");
    if (blocking)
      throw new Error(
        `${sheetRef(sheet)}!${blocking} holds a cell of its own inside ${a1}'s spill (${ref}): Excel would show #SPILL!`,
      );
    for (const c of spill)
      ws.getCell(c).value = cached(`${sheetRef(sheet)}!${c}`, calculated.value(`${sheetRef(sheet)}!${c}`));
  }
  return anchors;
}

/** The model as a workbook in memory, before the edits ExcelJS cannot make. */
function workbookOf(
  spec: ModelSpec,
  naming: Naming,
  calculated: Calculated,
  written: Date,
): { wb: ExcelJS.Workbook; anchors: Map<string, Set<string>> } {
  const contents = modelContents(spec, naming);
  const looks = looksOf(spec, naming);
  const wb = new ExcelJS.Workbook();
  wb.creator = "MINER";
  wb.created = written;
  wb.modified = written;
  const anchors = new Map<string, Set<string>>();
  for (const sheet of contents.sheets) {
    const ws = wb.addWorksheet(sheet);
    anchors.set(sheet, writeCells(ws, sheet, contents.contents(sheet), calculated));
    for (const [a1, look] of looks.get(sheet) ?? []) applyLook(ws.getCell(a1), look);
  }
  for (const c of spec.columns) {
    const ws = wb.getWorksheet(naming.sheet(c.sheet)) as ExcelJS.Worksheet;
    for (const [col, points] of Object.entries(c.widths)) ws.getColumn(col).width = widthInCharacters(points);
  }
  for (const n of spec.names) wb.definedNames.add(`${sheetRef(naming.sheet(n.sheet))}!${absolute(n.address)}`, n.name);
  // The pane leaves the Assumptions sheet active.
  const activeTab = contents.sheets.indexOf(naming.sheet("assumptions"));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" }];
  return { wb, anchors };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Replaces `pattern` in `text`, and stops when it does not match exactly `times` times. */
function replaceCounted(
  part: string,
  text: string,
  pattern: RegExp,
  replace: (...m: string[]) => string,
  times: number,
): string {
  let n = 0;
  const out = text.replace(pattern, (...m: string[]) => {
    n++;
    return replace(...m);
  });
  if (n !== times)
    throw new Error(`${part}: expected ${times} match(es) of ${pattern}, found ${n} (has ExcelJS's output changed?)`);
  return out;
}

/**
 * Excel's cell metadata for dynamic arrays ([MS-XLSX] 2.6.x, the XLDAPR future metadata): one
 * record, "this formula is a dynamic array", that every anchor's `cm="1"` points at.
 */
const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

/** The edits ExcelJS cannot make (see the header), on its zip. */
async function finish(
  xlsx: Buffer,
  spec: ModelSpec,
  naming: Naming,
  anchors: Map<string, Set<string>>,
  written: Date,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`${part} is missing from ExcelJS's output`);
    return file.async("string");
  };
  // The sheets are sheet1.xml … in the order they were added.
  const sheets = [...anchors.keys()];
  for (const [i, sheet] of sheets.entries()) {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const cells = anchors.get(sheet) as Set<string>;
    const xml = replaceCounted(
      part,
      await read(part),
      /<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g,
      (whole, a1, attrs) => {
        if (!cells.has(a1)) throw new Error(`${part}: ${a1} is an array formula the model did not write`);
        return `<c r="${a1}"${attrs} cm="1"><f t="array"`;
      },
      cells.size,
    );
    zip.file(part, xml);
  }
  zip.file("xl/metadata.xml", DYNAMIC_ARRAY_METADATA);
  const types = "[Content_Types].xml";
  zip.file(
    types,
    replaceCounted(
      types,
      await read(types),
      /<\/Types>$/,
      () =>
        '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>',
      1,
    ),
  );
  const rels = "xl/_rels/workbook.xml.rels";
  zip.file(
    rels,
    replaceCounted(
      rels,
      await read(rels),
      /<\/Relationships>$/,
      () =>
        '<Relationship Id="rIdMinerMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>',
      1,
    ),
  );

  const book = "xl/workbook.xml";
  let workbook = replaceCounted(
    book,
    await read(book),
    /<calcPr [^>]*\/>/g,
    () => `<calcPr calcId="${CALC_ID}" fullCalcOnLoad="0"/>`,
    1,
  );
  const comments = new Map(spec.names.map((n) => [n.name, n.comment]));
  workbook = replaceCounted(
    book,
    workbook,
    /<definedName name="([^"]+)">/g,
    (whole, name) => {
      const comment = comments.get(name);
      if (comment === undefined) throw new Error(`${book}: a name the model did not write: ${name}`);
      return `<definedName name="${name}" comment="${escapeXml(comment)}">`;
    },
    comments.size,
  );
  zip.file(book, workbook);
  // Each part's date in the zip, too: ExcelJS and the edits above stamp the time of writing.
  zip.forEach((_, file) => {
    file.date = written;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/**
 * The model `spec` (one copy's, with its naming) as .xlsx bytes, each formula caching what
 * `calculated` holds for it, dated `written` (writtenDate(): the same bytes every build).
 */
export async function modelXlsx(
  spec: ModelSpec,
  naming: Naming,
  calculated: Calculated,
  written: Date = writtenDate(),
): Promise<Buffer> {
  const { wb, anchors } = workbookOf(spec, naming, calculated, written);
  // Stored uncompressed here: the zip is compressed once, after the edits.
  const bytes = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions));
  return finish(bytes, spec, naming, anchors, written);
}
