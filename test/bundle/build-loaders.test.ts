/**
 * The two build-time splits that keep functions.js to what the custom functions need
 * (CONTRIBUTING.md, "The bundle"): the registry's words given to the pane exactly as params.ts
 * writes them, and decimal.js without what MINER never calls, refusing to build when anything left
 * still names a removed function.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as ts from "typescript";
import { PARAMS } from "../../src/functions/params";
import { repoRoot } from "../support/paths";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { split } = require("../../scripts/registry-words-loader.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { subset } = require("../../scripts/decimal-subset-loader.js");

const read = (p: string) => fs.readFileSync(path.join(repoRoot(), p), "utf8");

test("the registry's words: functions.js's params.ts has none but the reader's; words.js has every entry's, as params.ts writes them", () => {
  const { stripped, words } = split(read("src/functions/params.ts"));
  expect(stripped).not.toMatch(/\b(description|example): ["'`\d-]/); // (the Param interface still declares them)
  // the words module's table, evaluated: each entry's description, unit and example are the registry's
  const table = ts.transpileModule(`({${words.join(",")}})`, { compilerOptions: { target: ts.ScriptTarget.ES2020 } });
  const given = vm.runInNewContext(table.outputText) as Record<string, Record<string, unknown>>;
  expect(Object.keys(given).sort()).toEqual(Object.keys(PARAMS).sort());
  for (const [name, p] of Object.entries(PARAMS)) {
    expect([name, given[name].description, given[name].example]).toEqual([name, p.description, p.example]);
    if (p.kind !== "pairs") expect([name, given[name].unit]).toEqual([name, p.unit]);
    else expect(stripped).toContain(`unit: ${JSON.stringify(p.unit)}`); // the reader quotes it
  }
});

test("decimal.js's subset parses, keeps what calc calls, and the build refuses a removed name still in use", () => {
  const source = read("node_modules/decimal.js/decimal.mjs");
  const out: string = subset(source);
  expect(out.length).toBeLessThan(source.length * 0.8);
  for (const kept of [
    "P.plus = P.add",
    "P.times = P.mul",
    "P.toPower = P.pow",
    "P.naturalLogarithm = P.ln",
    "P.squareRoot = P.sqrt",
  ])
    expect(out).toContain(kept);
  expect(out).not.toMatch(/P\.sine = P\.sin|function taylorSeries/);
  // a method still calling a removed one: the loader fails rather than ship a broken library
  expect(() =>
    subset(
      source.replace("P.absoluteValue = P.abs = function () {", "P.absoluteValue = P.abs = function () { this.sin();"),
    ),
  ).toThrow(/removed names still used: .*\.sin/);
  expect(() => subset(source.replace("function taylorSeries(", "function taylorSeriesRenamed("))).toThrow(
    /not found in decimal\.js/,
  );
});
