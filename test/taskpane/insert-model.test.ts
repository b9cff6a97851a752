/*
 * "Insert model": what the writer puts into a workbook (sheets, cells, names, formats, charts),
 * tested against office-addin-mock objects, and that inserting again never touches what is there.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { insertModel } from "../../src/taskpane/insert-model";
import { buildModel, modelNames } from "../../src/template/build";
import { MODEL_INPUTS } from "../../src/template/inputs";
import { blockAddress, SHEETS as SPEC_SHEETS } from "../../src/template/spec";
import { insertModelDescription } from "../../src/taskpane/model-text";
import { cellsOf, fakeExcel } from "./fake-excel";

const SHEETS = ["Assumptions", "Mining", "Lease vs Mine", "After tax & financing", "Treasury", "Reconciliation", "Risk"];
const cellOfName = (formula: string) => formula.slice(1).replace(/\$/g, "").replace(/'/g, "");

/** The spec's sheet count in words, for the title: it follows the spec, and the test pins the names. */
const SHEET_COUNT = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][Object.keys(SPEC_SHEETS).length];

test(`writes the spec's ${SHEET_COUNT} sheets, every cell of the spec, and leaves the Assumptions sheet active`, async () => {
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
  // tables' value cells, with conversion_months and site_mw_per_critical_it_mw blank (the phases give them),
  // and difficulty_path blank (a column, which no table cell holds).
  expect(xl.cell("Lease vs Mine!B12")).toBe(
    '=MINER.CONVERSIONVALUE(B20,B21,B22,B23,B24,B25,B26,B50,B51,B52,B27,B28,B29,B30,B31,B32,B33,B34,B53,B54,"",B55,"",B35,B36,B37,B38,B56,B57,B58,Lease_Phases,B59,B39,B40,B41,"",B42,B43,B60,B61)',
  );
  expect(xl.cell("Lease vs Mine!B9")).toBe(
    '=MINER.LEASENPV(Leased_Critical_IT_MW,Lease_Rate_USD_per_kW_Month,Lease_Term_Years,Lease_Discount_Rate,Lease_Escalator,Conversion_Capex_USD_per_MW,Lease_Opex_Pct_of_Revenue,"",Exit_Cap_Rate,Rent_Timing,Capex_Timing,Lease_Phases,Tenant_Default_Annual,Default_Recovery_Pct)',
  );
  expect(xl.cell("Lease vs Mine!F13")).toBe("=MINER.ENERGYTAX(Annual_kWh,Energy_Tax_Tiers)");
  // Positional calls follow the registered order: the subsidy right after difficulty.
  expect(xl.cell("Mining!J10")).toBe("=MINER.HASHPRICE(BTC_Price_USD,B7,B8,B9)");
  expect(xl.cell("Reconciliation!C10")).toBe("='Lease vs Mine'!$H$95+NPV($B$37,'Lease vs Mine'!$H$96:$H$455)");
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
  expect(xl.names.get("Site_Inputs")).toBe("='Lease vs Mine'!$A$20:$B$43");
  expect(xl.names.get("Mining_Horizon")).toBe("='Lease vs Mine'!$A$46:$B$47");
  expect(xl.names.get("Lease_Inputs")).toBe("='Lease vs Mine'!$A$50:$B$61");
  expect(xl.names.get("GPU_Inputs")).toBe("='Lease vs Mine'!$A$64:$B$68");
  expect(xl.names.get("Lease_Phases")).toBe("='Lease vs Mine'!$A$73:$B$76");
  expect(xl.names.get("Energy_Tax_Tiers")).toBe("='Lease vs Mine'!$A$84:$B$89");
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

test("draws the five charts: cost per BTC against price, converting after k months, mining against leasing by year, and the treasury's BTC and cash both ways (the Risk sheet's in risk-sheet.test.ts)", async () => {
  const xl = fakeExcel();
  await insertModel(xl.context);
  expect(xl.charts.filter((c) => c.sheet !== "Risk")).toEqual([
    { sheet: "Mining", type: "ColumnClustered", source: "N5:N8", seriesBy: "Columns", categories: "M6:M8", title: "Cost per BTC vs BTC price (USD)", from: "P4", to: "W19" },
    // CONVERSIONTIMING's value column, its header on the schedule's header row, k = 0 … 360 below it.
    { sheet: "Lease vs Mine", type: "Line", source: "AN94:AN455", seriesBy: "Columns", categories: "AM95:AM455", title: "Converting after k months, against mining throughout (USD): CONVERSIONTIMING", from: "N37", to: "W57" },
    { sheet: "Lease vs Mine", type: "ColumnClustered", source: "K16:L47", seriesBy: "Columns", categories: "J17:J47", title: "Net cash flow by year (USD): mining vs leasing the site", from: "N15", to: "W35" },
    { sheet: "Treasury", type: "Line", source: "G19:H50", seriesBy: "Columns", categories: "F20:F50", title: "BTC held at each year end: mining only vs mining + lease", from: "L3", to: "T22" },
    { sheet: "Treasury", type: "Line", source: "I19:J50", seriesBy: "Columns", categories: "F20:F50", title: "Cash at each year end (USD): mining only vs mining + lease", from: "L24", to: "T43" },
  ]);
  // Year 1's point is month 12 of MINER.TREASURYCASHFLOWS' BTC held (its 5th column, from K55).
  expect(xl.cell("Treasury!G21")).toBe("=INDEX($O$56:$O$415,F21*12)");
  // The chart data are formulas on the model, not pasted numbers.
  expect([xl.cell("Mining!N6"), xl.cell("Mining!N7"), xl.cell("Mining!N8")]).toEqual(["=J5", "=J6", "=J7"]);
  expect(xl.cell("Lease vs Mine!K17")).toBe("=SUMIFS($Z$95:$Z$455,$B$95:$B$455,J17)");
  expect(xl.cell("Lease vs Mine!AM94")).toMatch(/^=MINER\.CONVERSIONTIMING\(B20,/);
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
  expect(xl.cell("Reconciliation (2)!C10")).toBe("='Lease vs Mine (2)'!$H$95+NPV($B$37,'Lease vs Mine (2)'!$H$96:$H$455)");
  expect(xl.names.get("Power_Price_kWh")).toBe("=Assumptions!$B$19");
  expect(xl.names.get("Power_Price_kWh_2")).toBe("='Assumptions (2)'!$B$19");
  expect(xl.activeSheet).toBe("Assumptions (2)");

  expect((await insertModel(xl.context)).copy).toBe(3);
});

test("a workbook that already uses one of the model's names gets a copy that leaves that name alone", async () => {
  const xl = fakeExcel({ names: { Discount_Rate: "=Inputs!$C$3" } });
  const report = await insertModel(xl.context);
  expect(report.copy).toBe(2);
  expect(xl.names.get("Discount_Rate")).toBe("=Inputs!$C$3");
  expect(xl.names.get("Discount_Rate_2")).toBe("='Assumptions (2)'!$B$54");
});

test("the Model tab's description names and counts the sheets Insert model writes", async () => {
  const { sheets } = await insertModel(fakeExcel().context);
  expect(insertModelDescription()).toMatch(/^Inserts seven sheets \(Assumptions, Mining, Lease vs Mine, After tax & financing, Treasury, Reconciliation, Risk\): cost per BTC, mine or lease, after tax and financed, /);
  expect(insertModelDescription()).toContain(`${["no", "one", "two", "three", "four", "five", "six", "seven"][sheets.length]} sheets (${sheets.join(", ")})`);
});
