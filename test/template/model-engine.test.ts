/*
 * The template model evaluated by a real formula engine (HyperFormula) with the MINER functions
 * registered from the same calc module: no cell is an error, the reconciliation block is zero,
 * and the model's results equal the calc module called directly on the same inputs.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { insertModel } from "../../src/taskpane/insert-model";
import { RECONCILIATION } from "../../src/template/reconciliation-sheet";
import { CHECK_COLUMNS, CheckColumn } from "../../src/template/check-table";
import { ENERGY_TAX, LEASE_RESULTS, MW_ECONOMICS, SCHEDULE_COLUMN, SCHEDULE_FIRST_ROW, STRATEGIES, TERMINALS, TIERS_RANGE, TIMING } from "../../src/template/lease-sheet";
import { RISK_RESULTS } from "../../src/template/risk-sheet";
import { writeMarketSheet } from "../../src/taskpane/workbook";
import { allInCostPerBtc, costPerBtcBreakdown } from "../../src/calc/costs";
import { leaseIrr, leaseNpv } from "../../src/calc/lease";
import { miningNpv } from "../../src/calc/mining-schedule";
import { conversionBreakevenPrice, conversionValue, mwEconomics } from "../../src/calc/conversion";
import { conversionTiming } from "../../src/calc/conversion-timing";
import { energyTaxUsdPerYear } from "../../src/calc/energy-tax";
import { subsidyBtc } from "../../src/calc/protocol";
import { addNewSheets, Evaluated } from "../../scripts/formula-engine";
import { FakeExcel, fakeExcel } from "../taskpane/fake-excel";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildModel } from "../../src/template/build";
import { modelContents, sheetRef } from "../../src/template/contents";
import { MODEL_INPUTS } from "../../src/template/inputs";
import { absolute, cellAt, Naming, parseCell, SHEETS, SheetKey } from "../../src/template/spec";
import { modelXlsx } from "../../scripts/model-xlsx";
import { cellOf, LEASE, leaseTableRows, leaseTermsOf, MINING, miningSiteOf, num, phase, QUICK_RISK, templateModel, tier } from "../support/template-model";
import { afterTaxFigures } from "../support/after-tax-calc";
import { FINANCING, MONTH_COLUMNS, MONTH_FIRST_ROW, RESULTS, YEAR_COLUMNS, YEAR_HEADER_ROW } from "../../src/template/after-tax-sheet";

const model = templateModel();

/** Each reconciliation row of the model's and the After tax sheet's checks: [label, difference, tolerance, matches]. */
function checks(e: Evaluated): [unknown, number, number, unknown][] {
  return [RECONCILIATION.checks, RECONCILIATION.afterTax].flatMap((table) =>
    table.checks.map((_, i) => {
      const at = (key: CheckColumn) => `Reconciliation!${CHECK_COLUMNS.col(key)}${table.first + i}`;
      return [e.value(at("quantity")), num(e, at("difference")), num(e, at("tolerance")), e.value(at("matches"))] as [unknown, number, number, unknown];
    }),
  );
}

/** The sheet's all-checks-pass cell, in copy `copy`'s Reconciliation sheet. */
const allPass = (e: Evaluated, sheet = "Reconciliation") => e.value(`'${sheet}'!${RECONCILIATION.allPass}`);

function expectReconciled(e: Evaluated): void {
  expect(e.errors()).toEqual([]);
  for (const [label, diff, tol, ok] of checks(e)) {
    expect(diff).toBeNear(0, { abs: tol, label: `${label}: MINER − plain` });
    expect({ label, matches: ok }).toEqual({ label, matches: true });
  }
  expect(allPass(e)).toBe(true);
}

/** The site, the horizon and CONVERSIONVALUE's plan, as the calc module takes them, from the inputs the workbook's names point at. */
function conversionPlanOf(xl: FakeExcel, e: Evaluated) {
  const v = (name: string) => num(e, cellOf(xl, name));
  const terms = leaseTermsOf(xl, e);
  const site = miningSiteOf(xl, e);
  const months = Math.max(...terms.phases.map(([b]) => b)) + Math.round(v("Lease_Term_Years") * 12);
  const plan = {
    ...site,
    discount_rate: v("Discount_Rate"),
    rate_usd_per_kw_month: v("Lease_Rate_USD_per_kW_Month"),
    term_years: v("Lease_Term_Years"),
    escalator: v("Lease_Escalator"),
    conversion_capex_usd_per_mw: v("Conversion_Capex_USD_per_MW"),
    opex_pct_of_revenue: v("Lease_Opex_Pct_of_Revenue"),
    exit_cap_rate: v("Exit_Cap_Rate"),
    rent_timing: v("Rent_Timing"),
    capex_timing: v("Capex_Timing"),
    phases: terms.phases,
    lease_discount_rate: v("Lease_Discount_Rate"),
    tenant_default_annual: terms.tenant_default_annual,
    default_recovery_pct: terms.default_recovery_pct,
  };
  return { site, months, plan };
}

/** The calc module called directly on the inputs the workbook holds. */
function expectEqualToCalc(xl: FakeExcel, e: Evaluated): void {
  const v = (name: string) => num(e, cellOf(xl, name));
  const costs = {
    power_price_kwh: v("Power_Price_kWh"),
    efficiency_j_th: v("Efficiency_J_TH") * v("Site_PUE"),
    difficulty: v("Difficulty_Now"),
    fees_btc_per_block: v("Fees_BTC_per_Block"),
    pool_fee: v("Pool_Fee"),
    opex_usd_per_th_day: v("Opex_USD_per_TH_Day"),
    machine_cost_usd_per_th: v("Machine_Cost_USD_per_TH"),
    machine_life_years: v("Machine_Life_Years"),
    sga_usd_per_th_day: v("SGA_USD_per_TH_Day"),
    stock_comp_usd_per_th_day: v("Stock_Comp_USD_per_TH_Day"),
    energy_tax_usd_per_kwh: v("Energy_Tax_USD_per_kWh"),
    uptime: v("Uptime"),
    subsidy: subsidyBtc(v("Start_Height")).toNumber(),
  };
  expect(num(e, MINING("cashCost"))).toBe(costPerBtcBreakdown(costs).cash.toNumber());
  expect(num(e, MINING("allInCost"))).toBe(allInCostPerBtc(costs).toNumber());

  const terms = leaseTermsOf(xl, e);
  const { phases } = terms;
  expect(num(e, LEASE(LEASE_RESULTS.cell("leaseNpv")))).toBe(leaseNpv(terms, v("Lease_Discount_Rate")).toNumber());
  expect(num(e, LEASE(LEASE_RESULTS.cell("leaseIrr")))).toBe(leaseIrr(terms).toNumber());

  const { site, months, plan } = conversionPlanOf(xl, e);
  expect(num(e, LEASE(LEASE_RESULTS.cell("horizon")))).toBe(months);
  expect(num(e, LEASE(LEASE_RESULTS.cell("miningNpv")))).toBe(miningNpv({ ...site, months }, v("Discount_Rate")).toNumber());
  const conversion = conversionValue(plan);
  expect(num(e, LEASE(LEASE_RESULTS.cell("conversionValue")))).toBe(conversion.conversionValue.toNumber());
  expect(num(e, LEASE(LEASE_RESULTS.cell("breakevenPrice")))).toBe(conversionBreakevenPrice(plan).toNumber());
  expect(num(e, LEASE(LEASE_RESULTS.cell("monthsOff")))).toBe(conversion.monthsSwitchedOff);
  expect(num(e, LEASE(LEASE_RESULTS.cell("stopMonth")))).toBe(conversion.stopMonth ?? months);

  // The three strategies and both sides' ends: CONVERSIONTIMING's table and its best row, the fleet's sale, T.
  const timing = conversionTiming(plan);
  const spilled = Array.from({ length: months + 1 }, (_, k) => [num(e, LEASE(`${TIMING.col("month")}${SCHEDULE_FIRST_ROW + k}`)), num(e, LEASE(`${TIMING.col("value")}${SCHEDULE_FIRST_ROW + k}`))]);
  expect(spilled).toEqual(timing.rows.map((r) => [r.month, r.value.toNumber()]));
  expect([num(e, LEASE(STRATEGIES.cell("bestMonth"))), num(e, LEASE(STRATEGIES.cell("best", 1)))]).toEqual([timing.best.month, timing.best.value.toNumber()]);
  // Mining throughout is MININGNPV + T, CONVERSIONVALUE's own mining value; converting now, its lease and the fleet's sale.
  expect(num(e, LEASE(STRATEGIES.cell("mine")))).toBeNear(conversion.miningValue.toNumber(), { rel: 1e-12, abs: 1e-3, label: "mine throughout" });
  expect(num(e, LEASE(STRATEGIES.cell("now")))).toBeNear(conversion.leaseValue.add(conversion.fleetSaleValue).toNumber(), { rel: 1e-12, abs: 1e-3, label: "convert now" });
  // The verdict names the best of the three: mining throughout unless a conversion month beats it, now (k = 0) or after k months.
  const k = timing.best.month;
  const verdict = timing.best.value.lte(0) ? "Mine throughout:" : k === 0 ? "Convert now:" : `Mine ${k} months, then convert:`;
  expect(e.value(LEASE(LEASE_RESULTS.cell("verdict")))).toBe(`${verdict} worth the most of the three strategies at these inputs`);
  expect(num(e, LEASE(TERMINALS.cell("fleet")))).toBeNear(conversion.fleetSaleValue.toNumber(), { rel: 1e-12 });
  expect(num(e, LEASE(TERMINALS.cell("site", 1)))).toBeNear(conversion.miningTerminalValuePv.toNumber(), { rel: 1e-9, abs: 1e-3 });
  // CONVERSIONOPTION on the Risk sheet values the same lease: its convert now is the lease leg and the fleet's sale.
  expect(num(e, `Risk!${RISK_RESULTS.cell("optionConvertNow")}`)).toBe(conversion.leaseValue.add(conversion.fleetSaleValue).toNumber());

  expectAfterTaxEqualToCalc(xl, e, site, terms, months, conversion.stopMonth ?? months);

  // The energy tax of the site's year under the workbook's bands.
  const kwh = v("Site_MW") * 1000 * 8760 * v("Uptime");
  expect(num(e, LEASE(ENERGY_TAX.cell("taxPerYear")))).toBe(energyTaxUsdPerYear(kwh, leaseTableRows(e, TIERS_RANGE)).toNumber());

  // The three uses of a site MW: the spill's cells are the calc module's.
  const gpu = { usd_per_gpu_hour: v("GPU_USD_per_Hour"), utilization: v("GPU_Utilization"), gpu_capex_usd: v("GPU_Capex_USD"), kw_per_gpu: v("GPU_kW"), pue: v("Site_PUE"), opex_pct_of_revenue: v("GPU_Opex_Pct_of_Revenue") };
  const m = mwEconomics(plan, gpu);
  const uses = [m.mining, m.lease, m.gpuCloud!];
  (["mining", "lease", "gpuCloud"] as const).forEach((use, j) => {
    const u = uses[j];
    const at = (line: "revenue" | "ebitda" | "margin" | "capital") => LEASE(`${MW_ECONOMICS.columns.col(use)}${MW_ECONOMICS.rows.row(line)}`);
    // A use with no revenue (a fleet switched off all year) has no margin: "n/a".
    expect([num(e, at("revenue")), num(e, at("ebitda")), e.value(at("margin")), num(e, at("capital"))]).toEqual([
      u.revenuePerMwYear.toNumber(), u.ebitdaPerMwYear.toNumber(), u.ebitdaMargin?.toNumber() ?? "n/a", u.capitalPerMw.toNumber(),
    ]);
  });
}

/** The After tax & financing sheet against the calc module called directly (test/support/after-tax-calc.ts). */
function expectAfterTaxEqualToCalc(xl: FakeExcel, e: Evaluated, site: ReturnType<typeof miningSiteOf>, terms: ReturnType<typeof leaseTermsOf>, horizon: number, stopMonth: number): void {
  const v = (name: string) => num(e, cellOf(xl, name));
  const text = (name: string) => String(e.value(cellOf(xl, name)));
  const want = afterTaxFigures({
    site,
    terms,
    horizon,
    stopMonth,
    discountRate: v("Discount_Rate"),
    leaseDiscountRate: v("Lease_Discount_Rate"),
    fleetSale: num(e, LEASE(TERMINALS.cell("fleet"))),
    taxRate: v("Tax_Rate"),
    lossTreatment: text("Loss_Treatment"),
    equipmentMethod: text("Equipment_Method"),
    equipmentBonus: v("Equipment_Bonus_Pct"),
    conversionBonusShare: v("Conversion_Bonus_Share"),
    hallInServiceMonth: v("Hall_In_Service_Month"),
    minDscr: v("Min_DSCR"),
    tenor: v("Debt_Tenor_Months"),
    loanRate: v("Project_Loan_Rate"),
    loanToCost: v("Project_Loan_to_Cost"),
    gpu: { usdPerHour: v("GPU_USD_per_Hour"), utilization: v("GPU_Utilization"), capex: v("GPU_Capex_USD"), kw: v("GPU_kW"), opexPct: v("GPU_Opex_Pct_of_Revenue") },
  });
  const at = (cell: string) => `'After tax & financing'!${cell}`;
  const A = (cell: string) => num(e, at(cell));
  const near = (got: number, wanted: number, label: string) => expect(got).toBeNear(wanted, { rel: 1e-9, abs: 1e-3, label });
  const irr = (cell: string, wanted: number | "none", label: string) =>
    wanted === "none" ? expect([label, e.value(at(cell))]).toEqual([label, "none"]) : near(A(cell), wanted, label);
  [0, 1, 2].forEach((c) => {
    near(A(RESULTS.cell("preTaxNpv", c)), want.preTaxNpv[c], `pre-tax NPV ${c}`);
    near(A(RESULTS.cell("afterTaxNpv", c)), want.afterTaxNpv[c], `after-tax NPV ${c}`);
  });
  irr(RESULTS.cell("afterTaxIrr", 1), want.afterTaxIrr[0], "converting's after-tax IRR");
  irr(RESULTS.cell("afterTaxIrr", 2), want.afterTaxIrr[1], "GPU cloud's after-tax IRR");
  near(A(FINANCING.cell("capacity", 0)), want.capacity[0], "the lease's debt capacity");
  near(A(FINANCING.cell("capacity", 1)), want.capacity[1], "mining's debt capacity");
  near(A(FINANCING.cell("loan")), want.loan, "the loan");
  irr(FINANCING.cell("equityIrr"), want.equityIrr, "the equity IRR");
  irr(FINANCING.cell("unleveredIrr"), want.unleveredIrr, "the unlevered IRR, capex at month 0");
}

test("with its sourced defaults the model has no error cell, reconciles to zero and equals the calc module", async () => {
  const { xl, e } = await model();
  expectReconciled(e);
  expectEqualToCalc(xl, e);
  // The defaults land where the published averages are (CoinShares Q2 2025: cash ~$74.6k, all-in ~$137.8k).
  expect(num(e, MINING("cashCost"))).toBeGreaterThan(60_000);
  expect(num(e, MINING("cashCost"))).toBeLessThan(90_000);
  expect(num(e, MINING("allInCost"))).toBeGreaterThan(110_000);
  expect(num(e, MINING("allInCost"))).toBeLessThan(150_000);
});

/** A formula as the file stores it (scripts/model-xlsx.ts), back in the spelling typed in Excel: MINER calls and newer functions without their file prefixes. */
const typed = (stored: string) => stored.replace(/_xldudf_MINER_(\w+)\(/g, "MINER.$1(").replace(/_xlfn\.(_xlws\.)?/g, "");

/** Excel recalculates volatile functions whenever it calculates, on open too, and every MINER cell after one. */
const VOLATILE = /(?<![\w.])(OFFSET|INDIRECT|NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\(/i;

test("the release's workbook holds every cell, name and format of the model, each formula with the engine's value, so it shows numbers without the add-in", async () => {
  // The defaults' calculation of the first test, reused (a scenario below may have typed over it: put back).
  const { xl, e } = await model();
  const { spec, naming } = buildModel(1, new Set());
  // The file is built from the spec's contents: exactly what Insert model wrote into this workbook.
  const contents = modelContents(spec, naming);
  expect(contents.sheets).toEqual([...xl.sheets]);
  expect(contents.names).toEqual(xl.names);
  for (const sheet of contents.sheets) expect([sheet, contents.contents(sheet)]).toEqual([sheet, xl.contents(sheet)]);

  const bytes = await modelXlsx(spec, naming, e);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  // The spec's sheets, in the pane's order (insert-model.test.ts pins which they are).
  expect(wb.worksheets.map((w) => w.name)).toEqual((Object.keys(SHEETS) as SheetKey[]).map((k) => naming.sheet(k)));

  const mismatches: string[] = [];
  let formulas = 0;
  let spilled = 0;
  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    const at = (a1: string) => `${sheetRef(sheet)}!${a1}`;
    const cells = contents.contents(sheet);
    const written = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row) => row.eachCell((cell) => written.set(cell.address, cell)));
    /** The value a cell caches against the engine's: numbers within 1e-12 relative, the rest exactly. */
    const same = (a1: string, got: unknown) => {
      const want = e.value(at(a1));
      // ExcelJS reads an empty text result back as no result, though the file holds it
      // (<v></v>, or the shared string ""): model-xlsx.test.ts checks that in the file's XML.
      const ok =
        typeof want === "number" && typeof got === "number"
          ? Math.abs(got - want) <= 1e-12 * Math.abs(want)
          : got === want || (want === "" && got === undefined);
      if (!ok) mismatches.push(`${at(a1)}: the file caches ${String(got)}, the engine says ${String(want)}`);
    };
    for (const [a1, content] of cells) {
      const cell = written.get(a1);
      if (typeof content === "string" && content.startsWith("=")) {
        formulas++;
        // The cell's model, not its value: ExcelJS's value leaves out a result of 0.
        const v = cell?.model as { formula?: string; result?: unknown; shareType?: string; ref?: string } | undefined;
        if (typeof v?.formula !== "string" || `=${typed(v.formula)}` !== content) mismatches.push(`${at(a1)}: the file holds ${String(v?.formula)}, the spec ${content}`);
        // Excel binds a saved custom function only in its own spelling, never as typed.
        if (v?.formula?.replace(/"[^"]*"/g, "").includes("MINER.")) mismatches.push(`${at(a1)}: a MINER call as typed, not as Excel saves it: ${v.formula}`);
        same(a1, v?.result);
        if (VOLATILE.test(content)) mismatches.push(`${at(a1)}: a volatile function recalculates on open: ${content}`);
        // A MINER call, or a formula that spills, is a dynamic array over exactly the engine's spill.
        const size = e.spill(at(a1)) ?? { rows: 1, cols: 1 };
        if (/MINER\./.test(content) || size.rows * size.cols > 1) {
          const { col, row } = parseCell(a1);
          const ref = size.rows * size.cols > 1 ? `${a1}:${cellAt(col + size.cols - 1, row + size.rows - 1)}` : a1;
          if (v?.shareType !== "array" || v.ref !== ref) mismatches.push(`${at(a1)}: ${v?.shareType} over ${v?.ref}, not a dynamic array over ${ref}`);
        }
      } else if (content !== "" && cell?.value !== content) mismatches.push(`${at(a1)}: the file holds ${String(cell?.value)}, the spec ${content}`);
    }
    // Every other cell the engine has a value for (a table's spill) caches it; the file has nothing the engine has not.
    const id = e.hf.getSheetId(sheet) as number;
    e.hf.getSheetValues(id).forEach((line, r) =>
      line.forEach((value, c) => {
        const a1 = cellAt(c + 1, r + 1);
        // Cells of the spec were checked above, and one the pane leaves blank ("") is blank unless a table spills over it.
        if (value === null || (cells.has(a1) && (cells.get(a1) !== "" || value === ""))) return;
        spilled++;
        same(a1, written.get(a1)?.value);
      }),
    );
    for (const a1 of written.keys()) if (!cells.has(a1) && e.value(at(a1)) === null) mismatches.push(`${at(a1)}: in the file, not in the model`);
  }
  expect(mismatches.slice(0, 20)).toEqual([]);
  expect(formulas).toBeGreaterThan(20_000);
  expect(spilled).toBeGreaterThan(7_000); // the treasury's two 361-month tables, the Risk sheet's fans

  // Workbook-level names, each where the spec says, with its comment.
  const names = new Map(wb.definedNames.model.map((n) => [n.name, n]));
  expect([...names.keys()].sort()).toEqual(spec.names.map((n) => n.name).sort());
  for (const n of spec.names) {
    expect(names.get(n.name)).toEqual({ name: n.name, ranges: [`${sheetRef(naming.sheet(n.sheet))}!${absolute(n.address)}`] });
  }
  const book = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
  for (const n of spec.names) expect(book).toContain(`<definedName name="${n.name}" comment="${n.comment.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}">`);
  expect(book).toMatch(/<calcPr calcId="191029" fullCalcOnLoad="0"\/>/);

  // Inputs look like inputs (blue on yellow) and carry their number formats; widths are the spec's.
  for (const input of MODEL_INPUTS) {
    const [sheet, a1] = [naming.sheet("assumptions"), names.get(input.name)!.ranges[0].split("!$")[1].replace("$", "")];
    const cell = wb.getWorksheet(sheet)!.getCell(a1);
    expect([input.name, cell.font?.color, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor, cell.numFmt ?? "General"]).toEqual([input.name, { argb: "FF0000FF" }, { argb: "FFFFF2CC" }, input.numberFormat]);
  }
  for (const c of spec.columns) {
    for (const [col, points] of Object.entries(c.widths)) {
      expect(wb.getWorksheet(naming.sheet(c.sheet))!.getColumn(col).width).toBeNear((points * 96) / 72 / 7, { abs: 1 / 256, label: `${c.sheet} ${col}` });
    }
  }
});

const SCENARIOS: [string, Record<string, number | string | boolean>][] = [
  [
    "a halving inside a month, a longer lease after a longer conversion, rising price, 3-year refresh",
    { Start_Height: 1_049_000, Lease_Term_Years: 15, Conversion_Months: 18, Lease_Escalator: 0, BTC_Price_Growth_Monthly: 0.01, Refresh_Every_Months: 36 },
  ],
  [
    "no refresh, no discounting, an energy tax, curtailment and no pool fee",
    { Refresh_Every_Months: 0, Discount_Rate: 0, Energy_Tax_USD_per_kWh: 0.05, Uptime: 0.8, Pool_Fee: 0 },
  ],
  [
    "a 25-year lease after two years of conversion (the longest the schedule holds, nearly)",
    { Lease_Term_Years: 25, Conversion_Months: 24, Difficulty_Growth_Monthly: 0, Lease_Escalator: 0.025 },
  ],
  [
    "a start after the 2028 halving (1.5625 BTC subsidy in the cost tables)",
    { Start_Height: 1_100_000 },
  ],
  [
    "a half-year lease term and a cheap, efficient fleet under the suggested $35 floor (a breakeven so low the floor-capped network would be smaller than the fleet)",
    { Lease_Term_Years: 12.5, Efficiency_J_TH: 9.5, Site_PUE: 1.03, Power_Price_kWh: 0.02, Machine_Cost_USD_per_TH: 15, Hashprice_Floor_USD_per_PH_Day: 35 },
  ],
  [
    "three halls (one in service at once), an exit cap rate, rent at month end, capex at month 0 and a lower lease discount rate",
    { Rent_Timing: 0, Capex_Timing: 0, Exit_Cap_Rate: 0.07, Lease_Discount_Rate: 0.08, [phase(0, "buildMonths")]: 0, [phase(2, "buildMonths")]: 30, [phase(2, "mw")]: 12.5 },
  ],
  [
    "New York's tiered tax applied, 10% salvage, a new fleet that adds its hashrate, and forced running",
    { Energy_Tax_Applies: 1, Salvage_Pct: 0.1, Difficulty_Includes_Fleet: 0, Switch_Off_Below_Cost: 0 },
  ],
  [
    "New York's tax from month 30 (months before it run untaxed), a tenant that defaults at 3% a year with 40% recovered, an exit cap rate and a 10.5-year lease",
    { Energy_Tax_Applies: 1, Energy_Tax_Start_Month: 30, Tenant_Default_Annual: 0.03, Default_Recovery_Pct: 0.4, Exit_Cap_Rate: 0.08, Lease_Term_Years: 10.5 },
  ],
  [
    "the After tax sheet with NOL losses, 7-year equipment at 40% bonus, no cost segregation, the hall in service in month 7, a 5-year loan at 1.20× without a loan-to-cost cap, cheap power with 2-year refreshes, and a $3/TH resale",
    { Loss_Treatment: "NOL", Equipment_Method: "MACRS7", Equipment_Bonus_Pct: 0.4, Conversion_Bonus_Share: 0, Hall_In_Service_Month: 7, Debt_Tenor_Months: 60, Min_DSCR: 1.2, Project_Loan_to_Cost: 1, Power_Price_kWh: 0.02, Refresh_Every_Months: 24, Fleet_Resale_USD_per_TH: 3 },
  ],
  [
    "idle sites at 25% of opex, a stop for good (before the horizon's end), a $3/TH resale, 10% salvage, 24-month refreshes and an exit cap rate",
    { Idle_Opex_Pct: 0.25, Stop_For_Good: 1, Fleet_Resale_USD_per_TH: 3, Salvage_Pct: 0.1, Refresh_Every_Months: 24, Exit_Cap_Rate: 0.07 },
  ],
  [
    "a stop for good alone, typed as 1 (every other input at its default: full idle opex, no resale, no salvage, no exit value)",
    { Stop_For_Good: 1 },
  ],
  [
    "a stop for good alone, typed as TRUE (Excel's TRUE=1 is FALSE: the sheet must read the flag as a truth value)",
    { Stop_For_Good: true },
  ],
  [
    "a lease at $140 per kW-month (its NPV below 0), BTC at $150,000 rising 1% a month, flat difficulty and no refresh: mining throughout is the best of the three",
    { Lease_Rate_USD_per_kW_Month: 140, BTC_Price_USD: 150_000, BTC_Price_Growth_Monthly: 0.01, Difficulty_Growth_Monthly: 0, Refresh_Every_Months: 0 },
  ],
  [
    "an edited tax table (3¢ above 100 GWh), an 11-month lease with an exit value, and one hall",
    { Energy_Tax_Applies: 1, [tier(1, "start")]: 1e8, [tier(1, "rate")]: 0.03, [tier(2, "start")]: "", [tier(2, "rate")]: "", [tier(3, "start")]: "", [tier(3, "rate")]: "", [tier(4, "start")]: "", [tier(4, "rate")]: "", Lease_Term_Years: 11 / 12, Exit_Cap_Rate: 0.09, [phase(1, "buildMonths")]: "", [phase(1, "mw")]: "", [phase(0, "mw")]: 40 },
  ],
];

test.each(SCENARIOS)("still reconciles and equals the calc module with %s", async (_, inputs) => {
  // An input by its workbook name, or a cell of the phases or tax tables by its address.
  const { xl, e } = await model({ ...QUICK_RISK, ...inputs });
  expectReconciled(e);
  expectEqualToCalc(xl, e);
});

test("mining throughout is MININGNPV + T on its own: a conversion value or lease NPV typed over leaves it alone (converting now follows the lease)", async () => {
  const { e } = await model(QUICK_RISK);
  const [mine, now] = [LEASE(STRATEGIES.cell("mine")), LEASE(STRATEGIES.cell("now"))];
  const before = [num(e, mine), num(e, now)];
  e.set(LEASE(LEASE_RESULTS.cell("conversionValue")), 123);
  e.set(LEASE(LEASE_RESULTS.cell("leaseNpv")), 1e9);
  expect([num(e, mine), num(e, now)]).toEqual([before[0], 1e9 + num(e, LEASE(TERMINALS.cell("fleet")))]);
});

test("the checks fail when the plain schedule is tampered with or too short for the horizon", async () => {
  const { e } = await model(QUICK_RISK);
  // One month's lease revenue typed over: the lease NPV, IRR and conversion rows disagree.
  e.set(`'Lease vs Mine'!${SCHEDULE_COLUMN.leaseRevenue}${SCHEDULE_FIRST_ROW + 20}`, 1);
  expect(allPass(e)).toBe(false);
  expect(checks(e).filter(([, , , ok]) => ok === false).map(([label]) => label)).toEqual([
    "Lease NPV (USD)",
    "Lease IRR (per year)",
    "Conversion value (USD)",
    "Breakeven BTC price (USD)",
    "CONVERSIONTIMING at month 0 (USD)",
    "CONVERSIONTIMING at its best month (USD)",
    "CONVERSIONOPTION's convert now (USD)",
  ]);

  // The fleet is switched off in some months with the defaults; forcing one of them on breaks the mining checks.
  const on = await model(QUICK_RISK);
  const running = (m: number) => on.e.value(`'Lease vs Mine'!${SCHEDULE_COLUMN.running}${SCHEDULE_FIRST_ROW + m}`);
  const off = Array.from({ length: 132 }, (_, i) => i + 1).filter((m) => running(m) === 0);
  expect(off.length).toBeGreaterThan(0);
  on.e.set(`'Lease vs Mine'!${SCHEDULE_COLUMN.running}${SCHEDULE_FIRST_ROW + off[0]}`, 1);
  expect(checks(on.e).filter(([, , , ok]) => ok === false).map(([label]) => label)).toEqual([
    "Mining NPV (USD)",
    "Mine throughout, keeping the site (USD)",
    "Conversion value (USD)",
    "CONVERSIONTIMING at month 0 (USD)",
    "CONVERSIONTIMING at its best month (USD)",
  ]);
  // The breakeven's rebuild reads which months would run at the breakeven price.
  on.e.set(`'Lease vs Mine'!${SCHEDULE_COLUMN.runsAtBreakeven}${SCHEDULE_FIRST_ROW + 60}`, 1 - (on.e.value(`'Lease vs Mine'!${SCHEDULE_COLUMN.runsAtBreakeven}${SCHEDULE_FIRST_ROW + 60}`) as number));
  expect(checks(on.e).find(([label]) => label === "Breakeven BTC price (USD)")![3]).toBe(false);

  // The After tax sheet: year 2's plain tax on the lease typed over breaks converting's after-tax NPV;
  // a month of the equity's flows, its IRR.
  const taxed = await model(QUICK_RISK);
  taxed.e.set(`'After tax & financing'!${YEAR_COLUMNS.col("convertTax")}${YEAR_HEADER_ROW + 2}`, 0);
  taxed.e.set(`'After tax & financing'!${MONTH_COLUMNS.col("equity")}${MONTH_FIRST_ROW + 40}`, 0);
  expect(checks(taxed.e).filter(([, , , ok]) => ok === false).map(([label]) => label)).toEqual([
    "After tax, converting: NPV (USD)",
    "The financed lease's equity IRR (per year)",
  ]);

  const fresh = await model(QUICK_RISK);
  fresh.e.set(cellOf(fresh.xl, "Lease_Term_Years"), 30); // 12 + 360 months: past the schedule
  expect(fresh.e.value(`Reconciliation!${RECONCILIATION.coverage}`)).toBe(false);
  expect(allPass(fresh.e)).toBe(false);
});

/**
 * The suite's workbook and engine, for the last two tests: MINER_Market written after the first
 * copy (on its defaults), then the model inserted again, this copy linked to it; the new sheets are
 * loaded into the suite's engine, which has calculated the first copy already. The second copy's
 * Risk sheet runs at QUICK_RISK's paths, since these tests check the links and the copies, not the
 * simulations.
 */
const MARKET = { btc: 88_000, difficulty: 1.6e14, height: 975_000, fees: 0.02 };
const withLinkedCopy = (() => {
  let built: Promise<{ xl: FakeExcel; e: Evaluated; linkedMarket: string[]; added: string[] }> | undefined;
  return () =>
    (built ??= (async () => {
      const { xl, e } = await model(QUICK_RISK);
      const at = Date.UTC(2026, 10, 24, 12);
      const src = (value: number) => ({ value, source: "mempool.space", asOf: at });
      await writeMarketSheet(xl.context, {
        fields: { btc_price_usd: src(MARKET.btc), difficulty: src(MARKET.difficulty), block_height: src(MARKET.height), fees_btc_per_block: src(MARKET.fees) },
        prices: { USD: src(MARKET.btc) },
        stale: [],
        problems: [],
        refreshedAt: at,
      });
      const report = await insertModel(xl.context);
      const added = addNewSheets(e, xl, { [cellOf(xl, "Sim_Paths_2")]: QUICK_RISK.Sim_Paths });
      return { xl, e, linkedMarket: report.linkedMarket, added };
    })());
})();

/** Copy 2 as the readers see copy 1: its names without their "_2" (the readers find inputs by name). */
const copyTwo = (xl: FakeExcel) =>
  ({ names: new Map([...xl.names].filter(([n]) => n.endsWith("_2")).map(([n, ref]) => [n.slice(0, -2), ref])) }) as unknown as FakeExcel;

/** A cell of copy 2's sheet `sheet` ("Lease vs Mine" → "'Lease vs Mine (2)'!B12"). */
const second = (sheet: string, cell: string) => `'${sheet} (2)'!${cell}`;

test("linked to MINER_Market, the network inputs are the live values and the model still reconciles", async () => {
  const { xl, e, linkedMarket, added } = await withLinkedCopy();
  expect(added).toEqual(["MINER_Market", ...Object.keys(SHEETS).map((k) => `${new Naming(2, []).sheet(k as SheetKey)}`)]);
  expect(linkedMarket).toEqual(["BTC_Price", "BTC_Difficulty", "BTC_FeesPerBlock", "BTC_Height"]);
  const linked = (name: string) => num(e, cellOf(xl, `${name}_2`));
  expect([linked("BTC_Price_USD"), linked("Difficulty_Now"), linked("Start_Height"), linked("Fees_BTC_per_Block")]).toEqual([MARKET.btc, MARKET.difficulty, MARKET.height, MARKET.fees]);
  expect(e.errors()).toEqual([]);
  expect(allPass(e, "Reconciliation (2)")).toBe(true);
  // The linked copy's results are the calc module's on the inputs its names point at (its phases
  // table is read from the first copy's sheet: both hold the defaults).
  const { site, months, plan } = conversionPlanOf(copyTwo(xl), e);
  const result = (key: (typeof LEASE_RESULTS.rows.keys)[number]) => num(e, second("Lease vs Mine", LEASE_RESULTS.cell(key)));
  expect([site.btc_price, site.difficulty, site.start_height, site.fees_btc_per_block]).toEqual([MARKET.btc, MARKET.difficulty, MARKET.height, MARKET.fees]);
  const conversion = conversionValue(plan);
  expect([result("miningNpv"), result("conversionValue"), result("breakevenPrice"), result("stopMonth")]).toEqual([
    miningNpv({ ...site, months }, plan.discount_rate).toNumber(),
    conversion.conversionValue.toNumber(),
    conversionBreakevenPrice(plan).toNumber(),
    conversion.stopMonth ?? months,
  ]);
});

test("a second copy evaluates beside the first, and each follows only its own inputs", async () => {
  const { xl, e } = await withLinkedCopy();
  const before = num(e, LEASE(LEASE_RESULTS.cell("conversionValue")));
  const siteMw2 = cellOf(xl, "Site_MW_2");
  const original = e.value(siteMw2);
  e.set(siteMw2, 250);
  try {
    expect(num(e, LEASE(LEASE_RESULTS.cell("conversionValue")))).toBe(before);
    expect(num(e, second("Lease vs Mine", LEASE_RESULTS.cell("conversionValue")))).not.toBe(before);
    expect(e.errors()).toEqual([]);
    expect([allPass(e), allPass(e, "Reconciliation (2)")]).toEqual([true, true]);
  } finally {
    e.set(siteMw2, original);
  }
});
