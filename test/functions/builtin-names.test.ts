/*
 * No MINER function shares its name with one of Excel's worksheet functions (Microsoft's naming
 * guidance for custom functions): MINER.PRICE became MINER.BTCPRICE because PRICE is Excel's bond price.
 */
import * as fs from "fs";
import * as path from "path";
import { SIGNATURES } from "../../src/functions/params";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkMetadata, DEFAULT_FILES } = require("../../scripts/check-metadata.js");

const LIST = path.resolve(__dirname, "fixtures/excel-builtin-functions.txt");
const builtins = fs
  .readFileSync(LIST, "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

test("the list of Excel's functions is the complete, cited one: ~500 names, old and new", () => {
  const header = fs.readFileSync(LIST, "utf8");
  expect(header).toContain("https://support.microsoft.com/en-us/office/excel-functions-alphabetical-b3944572-255d-4efb-bb96-c6d90033e188");
  expect(builtins.length).toBeGreaterThanOrEqual(500);
  expect(new Set(builtins).size).toBe(builtins.length);
  for (const name of ["ABS", "PRICE", "NPV", "XIRR", "BETADIST", "T.DIST.2T", "XLOOKUP", "LET", "LAMBDA", "VSTACK", "GROUPBY", "REGEXTEST", "TRIMRANGE"]) {
    expect(builtins).toContain(name);
  }
  expect(builtins.every((n) => /^[A-Z][A-Z0-9.]*$/.test(n))).toBe(true);
});

test("no MINER function is named like an Excel function", async () => {
  const { metadata } = await checkMetadata(DEFAULT_FILES);
  const names: string[] = metadata.functions.map((f: { name: string }) => f.name.toUpperCase());
  expect(names.sort()).toEqual(Object.keys(SIGNATURES).sort());
  expect(names.filter((n) => builtins.includes(n))).toEqual([]);
});

test("the check would catch a built-in name (PRICE, the old live price function)", () => {
  expect(["PRICE", "BTCPRICE"].filter((n) => builtins.includes(n))).toEqual(["PRICE"]);
});
