/**
 * scripts/check-dist.js's check of the built model workbook: every formula carries its cached
 * value (empty text included) and none caches an error; a workbook without formulas is refused.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanModelWorkbook } = require("../../scripts/check-dist.js");

async function distWith(sheet: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miner-dist-"));
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1">${sheet}</row></sheetData></worksheet>`);
  fs.writeFileSync(path.join(dir, "MINER-model.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
  return dir;
}

test("a formula without its cached value, or caching an error, is a finding; empty text and an empty cell before it are not", async () => {
  const dir = await distWith(
    '<c r="A1" s="2"/><c r="B1"><f>1+1</f></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="D1" t="str"><f>""</f><v></v></c><c r="E1"><f>2*2</f><v>4</v></c>',
  );
  expect(await scanModelWorkbook(dir)).toEqual([
    "MINER-model.xlsx/xl/worksheets/sheet1.xml: B1 has no cached value",
    "MINER-model.xlsx/xl/worksheets/sheet1.xml: C1 caches an error",
  ]);
});

test("a model workbook with no formula is refused", async () => {
  expect(await scanModelWorkbook(await distWith('<c r="A1"><v>1</v></c>'))).toEqual([
    "MINER-model.xlsx holds no formula",
  ]);
});
