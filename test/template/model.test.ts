/*
 * The template model as data (src/template): the inputs and their sources, the links to the
 * market names, the assumptions tables the functions read, a copy's names, and A1 addresses.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { insertModel } from "../../src/taskpane/insert-model";
import { buildModel } from "../../src/template/build";
import { INPUT_SECTIONS, MODEL_INPUTS } from "../../src/template/inputs";
import { absolute, blockAddress, columnIndex, columnLetters, Naming } from "../../src/template/spec";
import { PARAMS, SIGNATURES } from "../../src/functions/params";
import { SheetDraft } from "../../src/template/draft";
import { cellsOf, fakeExcel } from "../taskpane/fake-excel";

const cellOfName = (formula: string) => formula.slice(1).replace(/\$/g, "").replace(/'/g, "");

test("network inputs link to MINER_Market's names when the workbook has them, and hold sourced values otherwise", async () => {
  const linked = buildModel(1, new Set(["BTC_Price", "BTC_Height"]));
  const plain = buildModel(1, new Set());
  const valueOf = (m: typeof linked, name: string) => {
    const n = m.spec.names.find((x) => x.name === name)!;
    return m.spec.blocks.find((b) => b.sheet === "assumptions" && b.at === n.address)!.cells[0][0];
  };
  expect([valueOf(linked, "BTC_Price_USD"), valueOf(linked, "Start_Height"), valueOf(linked, "Difficulty_Now")]).toEqual(["=BTC_Price", "=BTC_Height", 149_300_000_000_000]);
  expect([valueOf(plain, "BTC_Price_USD"), valueOf(plain, "Start_Height")]).toEqual([91_000, 925_344]);
});

test("the assumptions tables give FROMTABLE exactly its function's parameters, with the registry's units and descriptions beside them", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  /** The named range's rows, with the unit and description cells to their right. */
  const table = (name: string) => {
    const [sheet, range] = cellOfName(xl.names.get(name) as string).split("!");
    return cellsOf(range).map(([a]) => {
      const row = a.slice(1);
      return ["A", "B", "C", "D"].map((col) => xl.cell(`${sheet}!${col}${row}`));
    });
  };
  const names = (...tables: string[]) => tables.flatMap((t) => table(t).map(([param]) => param));
  expect(names("Cost_Inputs")).toEqual(SIGNATURES.ALLINCOSTPERBTC.map((p) => p.name));
  // The tables of each call: each name once, together exactly the function's parameters (the
  // conversion functions' phases table, and the two inputs it replaces, passed beside them).
  // A difficulty path is a column, which no cell of a table holds: left out (blank).
  const byPhases = ["conversion_months", "site_mw_per_critical_it_mw", "phases", "difficulty_path"];
  for (const [id, tables, extra] of [
    ["MININGNPV", ["Site_Inputs", "Mining_Horizon"], ["difficulty_path"]],
    ["CONVERSIONVALUE", ["Site_Inputs", "Lease_Inputs"], byPhases],
    ["MWECONOMICS", ["Site_Inputs", "Lease_Inputs", "GPU_Inputs"], byPhases],
  ] as const) {
    const given = [...names(...tables), ...extra];
    expect([id, given.length, new Set(given)]).toEqual([id, SIGNATURES[id].length, new Set(SIGNATURES[id].map((p) => p.name))]);
  }
  for (const name of ["Cost_Inputs", "Site_Inputs", "Mining_Horizon", "Lease_Inputs", "GPU_Inputs"]) {
    for (const [param, value, unit, description] of table(name)) {
      const p = PARAMS[param as keyof typeof PARAMS];
      expect({ name, param, value, unit, description }).toEqual({ name, param, value: expect.stringMatching(/^=/), unit: p.unit, description: p.description });
    }
  }
  // The cost functions take efficiency at the wall (the machines' J/TH times the site's PUE); the site functions the machines'.
  expect(table("Cost_Inputs")[1].slice(0, 2)).toEqual(["wall_efficiency_j_th", "=Efficiency_J_TH*Site_PUE"]);
  expect(table("Site_Inputs")[1].slice(0, 2)).toEqual(["machine_efficiency_j_th", "=Efficiency_J_TH"]);
  expect(table("Cost_Inputs")[3].slice(0, 2)).toEqual(["subsidy_btc_per_block", "=MINER.SUBSIDY(Start_Height)"]);
});

test("every input has a label, a unit and a source: a section of docs/sources.md, or marked illustrative or derived", () => {
  expect(INPUT_SECTIONS.map((s) => s.title)).toEqual(["Network and market", "Fleet and mining costs", "Site, lease and capital", "GPU cloud on the converted site (MWECONOMICS)", "Treasury, loans and shares", "Tax and project debt (the After tax & financing sheet; not tax advice)", "Risk: the simulated market (the Risk sheet)"]);
  for (const i of MODEL_INPUTS) {
    const said = expect.stringMatching(/\S/);
    expect({ name: i.name, label: i.label, unit: i.unit }).toEqual({ name: i.name, label: said, unit: said });
    expect({ name: i.name, source: i.source }).toEqual({ name: i.name, source: expect.stringMatching(/docs\/sources\.md#[a-z-]+|^illustrative|^derived|^flat|default|^0 today/) });
  }
  expect(new Set(MODEL_INPUTS.map((i) => i.name)).size).toBe(MODEL_INPUTS.length);
});

test("a copy's formulas use that copy's names and quoted sheets, and leave text, longer names and parameters alone", () => {
  const n = new Naming(3, ["Site_MW", "Site_MW_per_Critical_IT_MW", "Uptime"]);
  expect(n.formula("=Site_MW/Site_MW_per_Critical_IT_MW*Uptime")).toBe("=Site_MW_3/Site_MW_per_Critical_IT_MW_3*Uptime_3");
  expect(n.formula('=IF({mining}!$H$5>0,"Uptime and Site_MW",Uptime)')).toBe("=IF('Mining (3)'!$H$5>0,\"Uptime and Site_MW\",Uptime_3)");
  expect(n.formula("=MINER.SUBSIDY(Start_Height)+Uptime_Hours")).toBe("=MINER.SUBSIDY(Start_Height)+Uptime_Hours");
  expect(new Naming(1, ["Site_MW"]).formula("={leaseVsMine}!A1+Site_MW")).toBe("='Lease vs Mine'!A1+Site_MW");
});

test("column letters and A1 addresses follow Excel: Z, AA, AZ, BA, ZZ, AAA, and absolute references", () => {
  const cases: [number, string][] = [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [53, "BA"], [702, "ZZ"], [703, "AAA"], [16384, "XFD"]];
  for (const [index, letters] of cases) expect([columnLetters(index), columnIndex(letters)]).toEqual([letters, index]);
  expect(blockAddress({ at: "Y5", cells: [[1, 2, 3]] })).toBe("Y5:AA5");
  expect(absolute("A5:AB17")).toBe("$A$5:$AB$17");
});

test("a sheet refuses a block that would overwrite one already laid out, so a table that grows cannot silently cover the next", () => {
  const d = new SheetDraft("mining");
  d.put("A5", [["a", "b"], ["c", "d"]]);
  d.put("C5", [["beside"]]);
  d.put("A7", [["below"]]);
  expect(() => d.put("B6", [["x"]])).toThrow("mining: B6 would overwrite A5:B6");
  expect(() => d.put("A1", [[1], [2], [3], [4], [5]])).toThrow("A1:A5 would overwrite A5:B6");
});
