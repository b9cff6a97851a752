/*
 * "Insert model": what the writer puts into a workbook (sheets, cells, names, formats, charts),
 * tested against office-addin-mock objects, and that inserting again never touches what is there.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { insertModel } from "../../src/taskpane/model/writer";
import { buildModel, modelNames } from "../../src/taskpane/model/build";
import { INPUT_SECTIONS, MODEL_INPUTS } from "../../src/taskpane/model/inputs";
import { absolute, blockAddress, columnIndex, columnLetters, Naming } from "../../src/taskpane/model/spec";
import { PARAMS, SIGNATURES } from "../../src/functions/params";
import { cellsOf, fakeExcel } from "./fake-excel";

const SHEETS = ["Assumptions", "Mining", "Lease vs Mine", "Treasury", "Reconciliation", "Risk"];
const cellOfName = (formula: string) => formula.slice(1).replace(/\$/g, "").replace(/'/g, "");

test("writes the five sheets, every cell of the spec, and leaves the Assumptions sheet active", async () => {
  const xl = fakeExcel();
  const report = await insertModel(xl.context);
  expect(report).toEqual({ copy: 1, sheets: SHEETS, linkedMarket: [] });
  expect([...xl.sheets]).toEqual(SHEETS);
  expect(xl.activeSheet).toBe("Assumptions");

  const { spec, naming } = buildModel(1, new Set());
  let cells = 0;
  const sheets = new Map<string, Map<string, unknown>>();
  for (const b of spec.blocks) {
    const sheet = naming.sheet(b.sheet);
    if (!sheets.has(sheet)) sheets.set(sheet, xl.contents(sheet)); // each sheet listed once, not once per block
    const written = sheets.get(sheet) as Map<string, unknown>;
    // One comparison per block (each cell labelled with its address), not one expect per cell.
    const grid = cellsOf(blockAddress(b));
    const got = grid.map((row) => row.map((a) => [a, written.get(a)]));
    const want = grid.map((row, i) => row.map((a, j) => [a, b.cells[i][j]]));
    expect([sheet, got]).toEqual([sheet, want]);
    cells += grid.flat().length;
  }
  expect(cells).toBeGreaterThan(7000); // the 361-month schedule is most of it
  expect(xl.cell("Mining!J6")).toBe('=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)');
  expect(xl.cell("Mining!F5")).toBe('=MINER.FROMTABLE("COSTBREAKDOWN",Cost_Inputs)');
  expect(xl.cell("Lease vs Mine!B11")).toBe('=MINER.FROMTABLE("MININGNPV",Site_Inputs,Mining_Horizon)');
  // The conversion functions take the phases table, which FROMTABLE cannot pass: by position, from the
  // tables' value cells, with conversion_months and site_mw_per_critical_it_mw blank (the phases give them).
  expect(xl.cell("Lease vs Mine!B12")).toBe(
    '=MINER.CONVERSIONVALUE(B20,B21,B22,B23,B24,B25,B26,B45,B46,B47,B27,B28,B29,B30,B31,B32,B33,B34,B48,B49,"",B50,"",B35,B36,B37,B38,B51,B52,B53,Lease_Phases,B54)',
  );
  expect(xl.cell("Lease vs Mine!B9")).toBe(
    '=MINER.LEASENPV(Leased_Critical_IT_MW,Lease_Rate_USD_per_kW_Month,Lease_Term_Years,Lease_Discount_Rate,Lease_Escalator,Conversion_Capex_USD_per_MW,Lease_Opex_Pct_of_Revenue,"",Exit_Cap_Rate,Rent_Timing,Capex_Timing,Lease_Phases)',
  );
  expect(xl.cell("Lease vs Mine!F13")).toBe("=MINER.ENERGYTAX(Annual_kWh,Energy_Tax_Tiers)");
  // Positional calls follow the registered order: the subsidy right after difficulty.
  expect(xl.cell("Mining!J10")).toBe("=MINER.HASHPRICE(BTC_Price_USD,B7,B8,B9)");
  expect(xl.cell("Reconciliation!C10")).toBe("='Lease vs Mine'!$H$91+NPV($B$32,'Lease vs Mine'!$H$92:$H$451)");
});

test("names every input on the Assumptions sheet, with its unit, and every table and result the sheets share", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  for (const input of MODEL_INPUTS) {
    const target = cellOfName(xl.names.get(input.name) as string);
    expect(target).toMatch(/^Assumptions!B\d+$/);
    const row = target.split("!B")[1];
    // The row shows what the cell is: label, unit, source and the name itself.
    expect([xl.cell(`Assumptions!A${row}`), xl.cell(`Assumptions!C${row}`), xl.cell(`Assumptions!E${row}`)]).toEqual([input.label, input.unit, input.name]);
    expect(xl.cell(`Assumptions!D${row}`)).toBe(input.source);
    expect(xl.nameComments.get(input.name)).toContain(input.unit);
  }
  expect(xl.names.get("Cost_Inputs")).toBe("=Mining!$A$5:$B$17");
  expect(xl.names.get("Site_Inputs")).toBe("='Lease vs Mine'!$A$20:$B$38");
  expect(xl.names.get("Mining_Horizon")).toBe("='Lease vs Mine'!$A$41:$B$42");
  expect(xl.names.get("Lease_Inputs")).toBe("='Lease vs Mine'!$A$45:$B$54");
  expect(xl.names.get("GPU_Inputs")).toBe("='Lease vs Mine'!$A$57:$B$61");
  expect(xl.names.get("Lease_Phases")).toBe("='Lease vs Mine'!$A$70:$B$73");
  expect(xl.names.get("Energy_Tax_Tiers")).toBe("='Lease vs Mine'!$A$80:$B$85");
  expect(xl.names.get("Model_Checks_Pass")).toBe("=Reconciliation!$B$3");
  expect([...xl.names.keys()].sort()).toEqual(modelNames().sort());
});

test("input cells look like inputs (blue on yellow) and carry their number formats", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  for (const input of MODEL_INPUTS) {
    const cell = cellOfName(xl.names.get(input.name) as string);
    const format = xl.rangeFormat(cell);
    expect([input.name, format?.font.color, format?.fill.color, xl.format(cell)]).toEqual([input.name, "#0000FF", "#FFF2CC", input.numberFormat]);
  }
  expect(xl.rangeFormat("Reconciliation!A3:B3")?.fill.color).toBe("#E2EFDA");
  expect(xl.rangeFormat("Mining!A:A")?.columnWidth).toBeGreaterThan(100);
});

test("draws the four charts: cost per BTC against price, mining against leasing by year, and the treasury's BTC and cash both ways (the Risk sheet's in risk-sheet.test.ts)", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  expect(xl.charts.filter((c) => c.sheet !== "Risk")).toEqual([
    { sheet: "Mining", type: "ColumnClustered", source: "N5:N8", seriesBy: "Columns", categories: "M6:M8", title: "Cost per BTC vs BTC price (USD)", from: "P4", to: "W19" },
    { sheet: "Lease vs Mine", type: "ColumnClustered", source: "K16:L47", seriesBy: "Columns", categories: "J17:J47", title: "Net cash flow by year (USD): mining vs leasing the site", from: "N15", to: "W35" },
    { sheet: "Treasury", type: "Line", source: "G19:H50", seriesBy: "Columns", categories: "F20:F50", title: "BTC held at each year end: mining only vs mining + lease", from: "L3", to: "T22" },
    { sheet: "Treasury", type: "Line", source: "I19:J50", seriesBy: "Columns", categories: "F20:F50", title: "Cash at each year end (USD): mining only vs mining + lease", from: "L24", to: "T43" },
  ]);
  // Year 1's point is month 12 of MINER.TREASURYCASHFLOWS' BTC held (its 5th column, from K55).
  expect(xl.cell("Treasury!G21")).toBe("=INDEX($O$56:$O$415,F21*12)");
  // The chart data are formulas on the model, not pasted numbers.
  expect([xl.cell("Mining!N6"), xl.cell("Mining!N7"), xl.cell("Mining!N8")]).toEqual(["=J5", "=J6", "=J7"]);
  expect(xl.cell("Lease vs Mine!K17")).toBe("=SUMIFS($X$91:$X$451,$B$91:$B$451,J17)");
});

test("inserting again keeps the user's edits and writes a second copy with its own sheets and names", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  const powerCell = cellOfName(xl.names.get("Power_Price_kWh") as string);
  xl.edit(powerCell, 0.031);
  xl.edit("Mining!K2", "my note");

  const second = await insertModel(xl.context);
  expect(second.copy).toBe(2);
  expect(second.sheets).toEqual(SHEETS.map((s) => `${s} (2)`));
  expect(xl.cell(powerCell)).toBe(0.031);
  expect(xl.cell("Mining!K2")).toBe("my note");
  expect(xl.cell("Mining!J6")).toBe('=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)');
  expect(xl.cell("Mining (2)!J6")).toBe('=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs_2)');
  expect(xl.cell("Reconciliation (2)!C10")).toBe("='Lease vs Mine (2)'!$H$91+NPV($B$32,'Lease vs Mine (2)'!$H$92:$H$451)");
  expect(xl.names.get("Power_Price_kWh")).toBe("=Assumptions!$B$18");
  expect(xl.names.get("Power_Price_kWh_2")).toBe("='Assumptions (2)'!$B$18");
  expect(xl.activeSheet).toBe("Assumptions (2)");

  expect((await insertModel(xl.context)).copy).toBe(3);
});

test("a workbook that already uses one of the model's names gets a copy that leaves that name alone", async () => {
  const xl = fakeExcel({ names: { Discount_Rate: "=Inputs!$C$3" } });
  const report = await insertModel(xl.context);
  expect(report.copy).toBe(2);
  expect(xl.names.get("Discount_Rate")).toBe("=Inputs!$C$3");
  expect(xl.names.get("Discount_Rate_2")).toBe("='Assumptions (2)'!$B$47");
});

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
  const byPhases = ["conversion_months", "site_mw_per_critical_it_mw", "phases"];
  for (const [id, tables, extra] of [
    ["MININGNPV", ["Site_Inputs", "Mining_Horizon"], []],
    ["CONVERSIONVALUE", ["Site_Inputs", "Lease_Inputs"], byPhases],
    ["MWECONOMICS", ["Site_Inputs", "Lease_Inputs", "GPU_Inputs"], byPhases],
  ] as const) {
    const given = [...names(...tables), ...extra];
    expect([id, given.length, new Set(given)]).toEqual([id, SIGNATURES[id].length, new Set(SIGNATURES[id].map((p) => p.name))]);
  }
  for (const name of ["Cost_Inputs", "Site_Inputs", "Mining_Horizon", "Lease_Inputs", "GPU_Inputs"]) {
    for (const [param, value, unit, description] of table(name)) {
      const p = PARAMS[param as keyof typeof PARAMS];
      expect([name, param, typeof value === "string" && value.startsWith("="), unit, description]).toEqual([name, param, true, p.unit, p.description]);
    }
  }
  // The cost functions take efficiency at the wall (the machines' J/TH times the site's PUE); the site functions the machines'.
  expect(table("Cost_Inputs")[1].slice(0, 2)).toEqual(["wall_efficiency_j_th", "=Efficiency_J_TH*Site_PUE"]);
  expect(table("Site_Inputs")[1].slice(0, 2)).toEqual(["machine_efficiency_j_th", "=Efficiency_J_TH"]);
  expect(table("Cost_Inputs")[3].slice(0, 2)).toEqual(["subsidy_btc_per_block", "=MINER.SUBSIDY(Start_Height)"]);
});

test("every input has a label, a unit and a source: a cited reference, or marked illustrative or derived", () => {
  expect(INPUT_SECTIONS.map((s) => s.title)).toEqual(["Network and market", "Fleet and mining costs", "Site, lease and capital", "GPU cloud on the converted site (MWECONOMICS)", "Treasury, loans and shares", "Risk: the simulated market (the Risk sheet)"]);
  for (const i of MODEL_INPUTS) {
    expect([i.name, i.label.length > 0, i.unit.length > 0]).toEqual([i.name, true, true]);
    expect([i.name, /reference\/|^illustrative|^derived|^flat|default|^0 today/.test(i.source)]).toEqual([i.name, true]);
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
