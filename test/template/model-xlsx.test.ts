/*
 * The release's workbook writer (scripts/model-xlsx.ts) on small specs with a stand-in calculation:
 * how a formula is spelled in the file, a spilled table's anchor and cells, the calculation
 * properties, styles, widths and names, read back with ExcelJS and from the file's XML. The whole
 * model, against the formula engine, is checked in model-engine.test.ts (its calculation is reused).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ModelSpec, Naming, SHEETS } from "../../src/template/spec";
import { createHash } from "crypto";
import { Calculated, fileFormula, modelXlsx, writtenDate } from "../../scripts/model-xlsx";

/** A stand-in calculation: the values and spill sizes a test gives, by "Sheet!A1". */
function stub(values: Record<string, unknown>, spills: Record<string, [rows: number, cols: number]> = {}): Calculated {
  return {
    value: (address) => (address in values ? values[address] : null),
    spill: (address) => (spills[address] ? { rows: spills[address][0], cols: spills[address][1] } : undefined),
  };
}

const spec = (over: Partial<ModelSpec>): ModelSpec => ({
  blocks: [],
  formats: [],
  names: [],
  charts: [],
  columns: [],
  ...over,
});

async function readBack(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; xml: (part: string) => Promise<string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const zip = await JSZip.loadAsync(bytes);
  return { wb, xml: (part) => (zip.file(part) as JSZip.JSZipObject).async("string") };
}

test("a file spells a MINER call as Excel saves an add-in's function, and newer Excel functions with their prefix; text is left alone", () => {
  expect(fileFormula('MINER.FROMTABLE("COSTBREAKDOWN",Cost_Inputs)')).toBe(
    '_xldudf_MINER_FROMTABLE("COSTBREAKDOWN",Cost_Inputs)',
  );
  expect(fileFormula('IF(A1>0,"MINER.SUBSIDY(1) MINIFS(",miner.subsidy(B2))')).toBe(
    'IF(A1>0,"MINER.SUBSIDY(1) MINIFS(",_xldudf_MINER_SUBSIDY(B2))',
  );
  expect(fileFormula('MINIFS($A$1:$A$9,$B$1:$B$9,">0")+SUM(C1)+MINIFS_Total')).toBe(
    '_xlfn.MINIFS($A$1:$A$9,$B$1:$B$9,">0")+SUM(C1)+MINIFS_Total',
  );
  expect(fileFormula("FILTER(A1:A9,B1:B9)+xlookup(1,A1:A9,B1:B9)+STDEV.S(A1:A9)")).toBe(
    "_xlfn._xlws.FILTER(A1:A9,B1:B9)+_xlfn.XLOOKUP(1,A1:A9,B1:B9)+_xlfn.STDEV.S(A1:A9)",
  );
  expect(fileFormula("'Lease vs Mine'!$H$91+NPV($B$32,'Lease vs Mine'!$H$92:$H$451)")).toBe(
    "'Lease vs Mine'!$H$91+NPV($B$32,'Lease vs Mine'!$H$92:$H$451)",
  );
});

test("a MINER table is a dynamic-array formula over its spill, whose cells cache their values; plain formulas stay plain; Excel is not asked to recalculate on open", async () => {
  const naming = new Naming(1, ["Site_MW"]);
  const small = spec({
    blocks: [
      { sheet: "mining", at: "A1", cells: [["=MINER.COSTBREAKDOWN(Site_MW)", "", "note"]] },
      { sheet: "mining", at: "A4", cells: [["=B2*2", "=MINER.SUBSIDY(840000)", 7, ""]] },
      { sheet: "leaseVsMine", at: "B2", cells: [[100]] },
    ],
    names: [{ name: "Site_MW", sheet: "leaseVsMine", address: "B2", comment: "Site <gross> MW & more" }],
    formats: [
      { sheet: "mining", address: "A1:B2", style: "header" },
      { sheet: "mining", address: "A1", numberFormat: "#,##0" },
      { sheet: "mining", address: "B4", style: "input", numberFormat: "0.000" },
    ],
    columns: [{ sheet: "mining", widths: { A: 105, C: 21 } }],
  });
  const values = stub(
    {
      "Mining!A1": "Power",
      "Mining!B1": 1.5,
      "Mining!A2": "Total",
      "Mining!B2": 2.25,
      "Mining!A4": 4.5,
      "Mining!B4": 3.125,
    },
    { "Mining!A1": [2, 2] },
  );
  const { wb, xml } = await readBack(await modelXlsx(small, naming, values));

  expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
  const mining = wb.getWorksheet("Mining") as ExcelJS.Worksheet;
  expect(mining.getCell("A1").value).toEqual({
    formula: "_xldudf_MINER_COSTBREAKDOWN(Site_MW)",
    result: "Power",
    shareType: "array",
    ref: "A1:B2",
  });
  expect([mining.getCell("B1").value, mining.getCell("A2").value, mining.getCell("B2").value]).toEqual([
    1.5,
    "Total",
    2.25,
  ]);
  expect(mining.getCell("C1").value).toBe("note");
  expect(mining.getCell("A4").value).toEqual({ formula: "B2*2", result: 4.5 });
  // A MINER call that returns one value is a one-cell dynamic array, as Excel saves it.
  expect(mining.getCell("B4").value).toEqual({
    formula: "_xldudf_MINER_SUBSIDY(840000)",
    result: 3.125,
    shareType: "array",
    ref: "B4",
  });
  expect([mining.getCell("C4").value, mining.getCell("D4").value]).toEqual([7, null]);

  const sheet = await xml("xl/worksheets/sheet2.xml");
  // Only the anchors are array formulas, each pointing at the dynamic-array metadata (cm="1").
  const arrays = [...sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g)].map(([, a1, attrs]) => [
    a1,
    / cm="1"/.test(attrs),
  ]);
  expect(arrays).toEqual([
    ["A1", true],
    ["B4", true],
  ]);
  expect(await xml("xl/metadata.xml")).toMatch(
    /<metadataType name="XLDAPR".*<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"\/>.*<cellMetadata count="1"><bk><rc t="1" v="0"\/><\/bk><\/cellMetadata>/,
  );
  expect(await xml("[Content_Types].xml")).toContain(
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
  );
  expect(await xml("xl/_rels/workbook.xml.rels")).toMatch(
    /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"/,
  );
  const book = await xml("xl/workbook.xml");
  expect(book.match(/<calcPr[^>]*>/g)).toEqual(['<calcPr calcId="191029" fullCalcOnLoad="0"/>']);
  expect(book).toContain(
    '<definedName name="Site_MW" comment="Site &lt;gross&gt; MW &amp; more">&apos;Lease vs Mine&apos;!$B$2</definedName>',
  );

  // Styles: a later format adds to an earlier one; widths from points (4/3 px each, 7 px a character).
  expect([mining.getCell("A1").numFmt, mining.getCell("A1").font.bold, mining.getCell("B2").fill]).toEqual([
    "#,##0",
    true,
    { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
  ]);
  expect([
    mining.getCell("B4").numFmt,
    mining.getCell("B4").font.color,
    (mining.getCell("B4").fill as ExcelJS.FillPattern).fgColor,
  ]).toEqual(["0.000", { argb: "FF0000FF" }, { argb: "FFFFF2CC" }]);
  expect(mining.getColumn("A").width).toBeNear(20, { abs: 1 / 256 });
  expect(mining.getColumn("C").width).toBeNear(4, { abs: 1 / 256 });
});

test("no file is written with an error, a formula without a value, or a cell in a table's spill", async () => {
  const naming = new Naming(1, []);
  const one = spec({ blocks: [{ sheet: "risk", at: "B3", cells: [["=1/0", "=B3"]] }] });
  await expect(
    modelXlsx(one, naming, stub({ "Risk!B3": { value: "#DIV/0!", message: "Division by zero." }, "Risk!C3": 1 })),
  ).rejects.toThrow(
    "Risk!B3: #DIV/0! Division by zero. (the shipped workbook holds no error and no formula without a value)",
  );
  await expect(modelXlsx(one, naming, stub({ "Risk!B3": 1 }))).rejects.toThrow("Risk!C3: no value");
  const blocked = spec({ blocks: [{ sheet: "leaseVsMine", at: "A1", cells: [["=MINER.MWECONOMICS(1)"], [5]] }] });
  await expect(
    modelXlsx(
      blocked,
      naming,
      stub({ "'Lease vs Mine'!A1": 1, "'Lease vs Mine'!A2": 2 }, { "'Lease vs Mine'!A1": [5, 4] }),
    ),
  ).rejects.toThrow("'Lease vs Mine'!A2 holds a cell of its own inside A1's spill (A1:D5): Excel would show #SPILL!");
});

test("an empty text result is cached as empty text, in a formula cell and in a spilled cell", async () => {
  const naming = new Naming(1, []);
  const small = spec({
    blocks: [{ sheet: "mining", at: "A1", cells: [['=IF(1,"","x")', "=MINER.COSTBREAKDOWN(1)"]] }],
  });
  const values = stub(
    { "Mining!A1": "", "Mining!B1": "Power", "Mining!B2": "", "Mining!C1": 1.5, "Mining!C2": "" },
    { "Mining!B1": [2, 2] },
  );
  const { xml } = await readBack(await modelXlsx(small, naming, values));
  const sheet = await xml("xl/worksheets/sheet2.xml");
  // The formula cell: a string result, empty.
  expect(sheet).toMatch(/<c r="A1"[^>]*t="str"[^>]*><f>IF\(1,&quot;&quot;,&quot;x&quot;\)<\/f><v><\/v><\/c>/);
  // The spilled cells: the shared string "" (not left out, which would read as a blank that is not the table's).
  const strings = await xml("xl/sharedStrings.xml");
  const shared = [...strings.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
  for (const a1 of ["B2", "C2"]) {
    const m = new RegExp(`<c r="${a1}"[^>]*t="s"[^>]*><v>(\\d+)</v></c>`).exec(sheet);
    expect({ a1, cached: m ? shared[Number(m[1])] : "missing" }).toEqual({ a1, cached: "" });
  }
});

test("two builds of the same model give the same bytes: the file's dates are fixed (SOURCE_DATE_EPOCH, else 1.0's release date), not the time of writing", async () => {
  const naming = new Naming(1, []);
  const small = spec({ blocks: [{ sheet: "mining", at: "A1", cells: [["=1+1", "text"]] }] });
  const values = stub({ "Mining!A1": 2 });
  const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  /** docProps/core.xml's created and modified, and every zip entry's date. */
  async function dates(bytes: Buffer) {
    const zip = await JSZip.loadAsync(bytes);
    const core = await (zip.file("docProps/core.xml") as JSZip.JSZipObject).async("string");
    const stamp = (tag: string) => new RegExp(`<dcterms:${tag}[^>]*>([^<]+)<`).exec(core)?.[1];
    const entries = new Set(Object.values(zip.files).map((f) => f.date.getTime()));
    return { created: stamp("created"), modified: stamp("modified"), entries: [...entries] };
  }

  const first = await modelXlsx(small, naming, values);
  await new Promise((r) => setTimeout(r, 2100)); // past a zip timestamp's 2-second step
  const second = await modelXlsx(small, naming, values);
  expect(sha(second)).toBe(sha(first));
  // The default: 25 November 2026, 00:00 UTC (JSZip writes and reads a zip entry's DOS time in UTC).
  const release = Date.UTC(2026, 10, 25);
  expect(await dates(first)).toEqual({ created: "2026-11-25T00:00:00Z", modified: "2026-11-25T00:00:00Z", entries: [release] });

  // SOURCE_DATE_EPOCH: 1,700,000,000 s is 2023-11-14T22:13:20Z.
  expect(writtenDate({ SOURCE_DATE_EPOCH: "1700000000" }).toISOString()).toBe("2023-11-14T22:13:20.000Z");
  const dated = await modelXlsx(small, naming, values, writtenDate({ SOURCE_DATE_EPOCH: "1700000000" }));
  expect((await dates(dated)).created).toBe("2023-11-14T22:13:20Z");
  expect(() => writtenDate({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
});
