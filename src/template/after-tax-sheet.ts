/**
 * The After tax & financing sheet: the site's three uses (mine throughout, convert now and lease,
 * GPU cloud in the converted hall) after income tax, and the lease and the mining site financed.
 *
 * The pre-tax flows are the other sheets' schedules: mining and the lease from Lease vs Mine's
 * monthly schedule (the conversion's lease, its phases, and the fleet sold at month 0 when it
 * converts), the GPU cloud from MINER.GPUCLOUDCASHFLOWS as MWECONOMICS builds it (its GPUs fill
 * the leased critical IT, in the hall the conversion builds). Each goes through MINER.DEPRECIATION
 * (the equipment's table and the hall's 39 years) and MINER.AFTERTAXCASHFLOWS; the lease's
 * contracted NOI and the mining site's cash through MINER.DEBTCAPACITY at the minimum DSCR; the
 * loan through MINER.LOANSCHEDULE with sculpted service (CFADS / DSCR, scaled down at the
 * loan-to-cost cap) and MINER.EQUITYIRR. The yearly table rebuilds every year's tax in plain
 * formulas, which the Reconciliation sheet sets beside the MINER figures.
 */
import { minerCall, SheetDraft } from "./draft";
import { Columns, offset, sideBySide, Table } from "./layout";
import { SCHEDULE_COLUMN, SCHEDULE_FIRST_ROW, SCHEDULE_MONTHS } from "./lease-sheet";
import { absolute } from "./spec";

const USD = "#,##0";
const PCT = "0.00%";
const L = "{leaseVsMine}!";

/** Tax years the flows span: months 0..360, month 0 in year 1. */
export const TAX_YEARS = SCHEDULE_MONTHS / 12;
/** Rows of the DEPRECIATION tables (both: the equipment's rates and the hall's 39 years): 40 years each. */
export const DEPRECIATION_YEARS = 40;
/** The equipment's table is read for at most this many years (MACRS15's recovery: 16). */
const EQUIPMENT_YEARS = 16;

/** The monthly block: its header row, then months 0..360, month m on row MONTH_FIRST_ROW + m. */
export const MONTH_HEADER_ROW = 92;
export const MONTH_FIRST_ROW = MONTH_HEADER_ROW + 1;
const MONTH_LAST_ROW = MONTH_FIRST_ROW + SCHEDULE_MONTHS;

/** The yearly table: its header row, then years 1..30. */
export const YEAR_HEADER_ROW = 49;
const YEAR_FIRST_ROW = YEAR_HEADER_ROW + 1;
const YEAR_LAST_ROW = YEAR_FIRST_ROW + TAX_YEARS - 1;

/** The three uses after tax, and the lease financed (the convert side with its loan's interest). */
export type Use = "mining" | "convert" | "gpu" | "financed";
const USES: Use[] = ["mining", "convert", "gpu", "financed"];

export const MONTH_COLUMNS = new Columns("A", [
  "month",
  "year",
  "miningPre",
  "miningCapex",
  "convertPre",
  "convertCapex",
  "gpuPre",
  "gpuCapex",
  "leaseCfads",
  "miningCfads",
  "debtPv",
  "service",
  "interest",
  "financedPre",
  "unlevered",
  "equityBefore",
  "equity",
]);
export type MonthKey = (typeof MONTH_COLUMNS.keys)[number];

/**
 * The sizes of the tables this sheet spills, [columns, rows], as a formula engine must be told them:
 * the DEPRECIATION tables at 40 years, the monthly ones over months 0..360 (GPUCLOUDCASHFLOWS' at
 * most: a shorter GPU cloud leaves the rows below it empty).
 */
export const AFTER_TAX_SIZES = {
  DEPRECIATION: [3, DEPRECIATION_YEARS + 1] as [number, number],
  AFTERTAXCASHFLOWS: [5, SCHEDULE_MONTHS + 2] as [number, number],
  LOANSCHEDULE: [6, SCHEDULE_MONTHS + 1] as [number, number],
  GPUCLOUDCASHFLOWS: [11, SCHEDULE_MONTHS + 2] as [number, number],
};

/** The tables MINER spills beside the monthly block, each header on the block's header row (so row m is month m). */
const SPILL_WIDTHS = { mining: 5, convert: 5, gpu: 5, financed: 5, loan: 6, gpuSchedule: 11 };
const SPILLS = sideBySide(offset(MONTH_COLUMNS.to, 2), SPILL_WIDTHS);
/** AFTERTAXCASHFLOWS' columns: month, pre-tax, tax, after-tax, loss carried forward. */
const AT = { tax: 2, afterTax: 3 };
/** LOANSCHEDULE's: month, opening, interest, principal, payment, closing (its month 1 on the block's month-1 row). */
const LOAN = { interest: 2, payment: 4, closing: 5 };
/** GPUCLOUDCASHFLOWS': month, in service, price, revenue, power, opex, capex, salvage, net, discount factor, PV. */
const GPU = { month: 0, capex: 6, net: 8, pv: 10 };

export const YEAR_COLUMNS = new Columns("A", [
  "year",
  "df",
  "leaseDf",
  "hall",
  "miningCapex",
  "miningDed",
  "miningTaxable",
  "miningTax",
  "miningCarried",
  "convertDed",
  "convertTaxable",
  "convertTax",
  "convertCarried",
  "gpuDed",
  "gpuTaxable",
  "gpuTax",
  "gpuCarried",
  "interest",
  "financedTaxable",
  "financedTax",
  "financedCarried",
]);
export type YearKey = (typeof YEAR_COLUMNS.keys)[number];
/** The DEPRECIATION tables beside the yearly table, their headers on its header row (row y is year y). */
const DEPRECIATION_COLUMNS = sideBySide(offset(YEAR_COLUMNS.to, 2), { equipment: 3, hall: 3 });
/** DEPRECIATION's deduction column (year, deduction, remaining basis). */
const deductionCell = (table: "equipment" | "hall", year: number) =>
  `$${offset(DEPRECIATION_COLUMNS[table], 1)}$${YEAR_HEADER_ROW + year}`;
const deductionRange = (table: "equipment" | "hall") =>
  `$${offset(DEPRECIATION_COLUMNS[table], 1)}$${YEAR_FIRST_ROW}:$${offset(DEPRECIATION_COLUMNS[table], 1)}$${YEAR_HEADER_ROW + DEPRECIATION_YEARS}`;

const m = (key: MonthKey, month: number) => `${MONTH_COLUMNS.col(key)}${MONTH_FIRST_ROW + month}`;
/** A monthly column from month `from` (0 or 1) to 360, absolute. */
export const monthRange = (key: MonthKey, from = 0) =>
  `$${MONTH_COLUMNS.col(key)}$${MONTH_FIRST_ROW + from}:$${MONTH_COLUMNS.col(key)}$${MONTH_LAST_ROW}`;
const y = (key: YearKey, year: number) => `${YEAR_COLUMNS.col(key)}${YEAR_HEADER_ROW + year}`;
/** A yearly column, years 1..30, absolute. */
export const yearRange = (key: YearKey) =>
  `$${YEAR_COLUMNS.col(key)}$${YEAR_FIRST_ROW}:$${YEAR_COLUMNS.col(key)}$${YEAR_LAST_ROW}`;
/** Column `offsetBy` of a spill, months `from`..360 (a LOANSCHEDULE starts at month 1). */
const spillRange = (spill: keyof typeof SPILL_WIDTHS, offsetBy: number, from = 0) => {
  const col = offset(SPILLS[spill], offsetBy);
  return `$${col}$${MONTH_FIRST_ROW + from}:$${col}$${MONTH_LAST_ROW}`;
};
const spillCell = (spill: keyof typeof SPILL_WIDTHS, offsetBy: number, month: number) =>
  `${offset(SPILLS[spill], offsetBy)}${MONTH_FIRST_ROW + month}`;
/** Lease vs Mine's schedule, column `key`, month `month` (a cell), or months 0..360. */
const schedule = (key: string, month: number) => `${L}${SCHEDULE_COLUMN[key]}${SCHEDULE_FIRST_ROW + month}`;
const scheduleColumn = (key: string) =>
  `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW}:$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + SCHEDULE_MONTHS}`;

/** Each use's monthly pre-tax flow and capex, its yearly deduction, its discount factors (monthly, at year ends). */
const FLOWS: Record<Use, { pre: MonthKey; capex: MonthKey; ded: YearKey; df: string; yearDf: YearKey }> = {
  mining: { pre: "miningPre", capex: "miningCapex", ded: "miningDed", df: "discountFactor", yearDf: "df" },
  convert: {
    pre: "convertPre",
    capex: "convertCapex",
    ded: "convertDed",
    df: "leaseDiscountFactor",
    yearDf: "leaseDf",
  },
  gpu: { pre: "gpuPre", capex: "gpuCapex", ded: "gpuDed", df: "discountFactor", yearDf: "df" },
  financed: {
    pre: "financedPre",
    capex: "convertCapex",
    ded: "convertDed",
    df: "leaseDiscountFactor",
    yearDf: "leaseDf",
  },
};
const TAXABLE: Record<Use, [YearKey, YearKey, YearKey]> = {
  mining: ["miningTaxable", "miningTax", "miningCarried"],
  convert: ["convertTaxable", "convertTax", "convertCarried"],
  gpu: ["gpuTaxable", "gpuTax", "gpuCarried"],
  financed: ["financedTaxable", "financedTax", "financedCarried"],
};

/** A use's AFTERTAXCASHFLOWS column `offsetBy` (AT.tax, AT.afterTax), months from..360. */
export const afterTaxRange = (use: Use, offsetBy: number, from = 0) => spillRange(use, offsetBy, from);
/** Monthly discount factors of a use (Lease vs Mine's, months 0..360). */
export const discountRange = (use: Use) => scheduleColumn(FLOWS[use].df);

/** Cells the tables below name by key: the derived quantities. */
const DERIVED = new Table(
  "A36",
  [
    {
      key: "hallBasis",
      label: "Hall basis: the conversion capex",
      value: () => `=SUM(${monthRange("convertCapex")})`,
      unit: "USD (the GPU shell too)",
      numberFormat: USD,
      name: ["Hall_Basis_USD", "The hall's depreciable basis (USD): MINER model"],
    },
    {
      key: "inServiceYear",
      label: "Tax year the hall and GPUs enter service",
      value: "=MAX(1,ROUNDUP(Hall_In_Service_Month/12,0))",
      unit: "model year",
      numberFormat: "0",
    },
    {
      key: "inServiceMonth",
      label: "Its month of that year (SL39)",
      value: (at) => `=MAX(1,Hall_In_Service_Month-12*(${at("inServiceYear")}-1))`,
      unit: "1–12",
      numberFormat: "0",
    },
    {
      key: "gpuCost",
      label: "GPUs' cost",
      value: "=Leased_Critical_IT_MW*1000/GPU_kW*GPU_Capex_USD",
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "gpuHorizon",
      label: "GPU cloud's last month",
      value: () => `=MAX(${spillRange("gpuSchedule", GPU.month)})`,
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "miningLastYear",
      label: "Mining's last tax year",
      value: "=MAX(1,ROUNDUP(Stop_Month/12,0))",
      unit: "",
      numberFormat: "0",
    },
    {
      key: "leaseLastYear",
      label: "The lease's last tax year",
      value: "=MAX(1,ROUNDUP(Horizon_Months/12,0))",
      unit: "",
      numberFormat: "0",
    },
    {
      key: "gpuLastYear",
      label: "The GPU cloud's last tax year",
      value: (at) => `=MAX(1,ROUNDUP(${at("gpuHorizon")}/12,0))`,
      unit: "",
      numberFormat: "0",
    },
    {
      key: "debtRate",
      label: "Debt rate, annual effective",
      value: "=(1+Project_Loan_Rate/12)^12-1",
      unit: "Project_Loan_Rate compounded monthly",
      numberFormat: "0.0000%",
      name: ["Debt_Rate_Annual_Effective", "Project loan rate, annual effective: MINER model"],
    },
  ],
  { style: "result" },
);
const derived = (key: (typeof DERIVED.rows.keys)[number]) => absolute(DERIVED.cell(key));

/** An IRR, or "none" when the flows have none (e.g. all financed: no equity at month 0). */
const orNone = (irr: string) => `IFERROR(${irr},"none")`;
/** The after-tax flows' IRR, month 0's flow given as capex (paid) or loan (received). */
const irrOf = (flows: string, month0: string) =>
  orNone(`MINER.EQUITYIRR(${flows},MAX(0,-${month0}),MAX(0,${month0}),0)`);

/** The value columns of RESULTS, in order. */
const SIDE: Use[] = ["mining", "convert", "gpu"];

/** The three uses side by side, from A6: B mining, C converting, D GPU cloud. */
export const RESULTS = new Table(
  "A6",
  [
    {
      key: "preTaxNpv",
      label: "Pre-tax NPV (the schedules' flows)",
      value: (_, c) => `=SUMPRODUCT(${monthRange(FLOWS[SIDE[c]].pre)},${discountRange(SIDE[c])})`,
      unit: "USD at month 0; the lease at Lease_Discount_Rate; mining without T",
      numberFormat: USD,
    },
    {
      key: "taxPv",
      label: "Income tax, present value",
      value: (at) => `=${at("preTaxNpv")}-${at("afterTaxNpv")}`,
      unit: "USD (negative: a saving)",
      numberFormat: USD,
    },
    {
      key: "afterTaxNpv",
      label: "After-tax NPV (MINER.AFTERTAXCASHFLOWS)",
      value: (_, c) => `=SUMPRODUCT(${afterTaxRange(SIDE[c], AT.afterTax)},${discountRange(SIDE[c])})`,
      unit: "USD at month 0",
      numberFormat: USD,
      name: ["After_Tax_NPV_Mining", "Mining after tax (USD): MINER model"],
    },
    {
      key: "afterTaxIrr",
      label: "After-tax IRR (EQUITYIRR, no loan)",
      value: (_, c) =>
        c === 0 ? "n/a" : `=${irrOf(afterTaxRange(SIDE[c], AT.afterTax, 1), spillCell(SIDE[c], AT.afterTax, 0))}`,
      unit: "per year; mining invests nothing at month 0",
      numberFormat: PCT,
    },
    {
      key: "deductions",
      label: "Tax deductions, undiscounted",
      value: (_, c) => `=SUM(${yearRange(FLOWS[SIDE[c]].ded)})`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "lastYear",
      label: "Last tax year (basis left deducted)",
      value: (_, c) => `=${derived((["miningLastYear", "leaseLastYear", "gpuLastYear"] as const)[c])}`,
      unit: "model year",
      numberFormat: "0",
    },
  ],
  { values: 3, style: "result" },
);

/** The debt, from A17: B the lease (converting now), C the mining site. */
export const FINANCING = new Table(
  "A17",
  [
    {
      key: "capacity",
      label: "Debt capacity at Min_DSCR (DEBTCAPACITY)",
      value: (_, c) => `=${minerCall("DEBTCAPACITY", (p) => debtArg(p, c === 0 ? "leaseCfads" : "miningCfads"))}`,
      unit: "USD: PV of CFADS ÷ Min_DSCR over the tenor",
      numberFormat: USD,
      name: ["Lease_Debt_Capacity", "Lease debt capacity (USD): MINER model"],
    },
    {
      key: "loan",
      label: "Loan, at most Project_Loan_to_Cost",
      value: (_, c) =>
        c === 0
          ? `=${minerCall("DEBTCAPACITY", (p) => (p === "max_loan_usd" ? `Project_Loan_to_Cost*${derived("hallBasis")}` : debtArg(p, "leaseCfads")))}`
          : "",
      unit: "USD at month 0",
      numberFormat: USD,
      name: ["Lease_Loan_USD", "Lease loan (USD): MINER model"],
    },
    {
      key: "ltc",
      label: "Loan-to-cost",
      value: (at, c) => (c === 0 ? `=IF(${derived("hallBasis")}>0,${at("loan")}/${derived("hallBasis")},0)` : ""),
      unit: "",
      numberFormat: PCT,
    },
    {
      key: "binding",
      label: "Limited by",
      value: (at, c) => (c === 0 ? `=IF(${at("loan")}<${at("capacity")},"loan-to-cost","DSCR")` : ""),
      unit: "",
    },
    {
      key: "equityIrr",
      label: "Equity IRR, after tax (EQUITYIRR)",
      value: (at, c) =>
        c === 0
          ? `=${orNone(`MINER.EQUITYIRR(${monthRange("equityBefore", 1)},MAX(0,-${m("equityBefore", 0)}),${at("loan")}+MAX(0,${m("equityBefore", 0)}),${spillRange("loan", LOAN.payment, 1)})`)}`
          : "",
      unit: "per year: capex at month 0, sculpted service, interest deducted",
      numberFormat: PCT,
      name: ["Lease_Equity_IRR", "The financed lease's equity IRR after tax (annual): MINER model result"],
    },
    {
      key: "unleveredIrr",
      label: "The same without the loan",
      value: (_, c) => (c === 0 ? `=${irrOf(monthRange("unlevered", 1), m("unlevered", 0))}` : ""),
      unit: "per year",
      numberFormat: PCT,
    },
    {
      key: "balanceLeft",
      label: "Loan balance after the tenor",
      value: (_, c) =>
        c === 0 ? `=INDEX(${spillRange("loan", LOAN.closing, 1)},MIN(Debt_Tenor_Months,${SCHEDULE_MONTHS}))` : "",
      unit: "USD (0 up to rounding)",
      numberFormat: "#,##0.00",
    },
  ],
  { values: 2, style: "result" },
);

/** DEBTCAPACITY's arguments: a CFADS column (months 1..360), the debt rate, the tenor, the DSCR; no cap. */
function debtArg(param: string, cfads: MonthKey): string | undefined {
  const args: Record<string, string> = {
    cfads: monthRange(cfads, 1),
    annual_rate: "Debt_Rate_Annual_Effective",
    tenor_months: "Debt_Tenor_Months",
    min_dscr: "Min_DSCR",
  };
  return args[param];
}

/** The monthly block's formula for column `key` in month `k`. */
function monthFormula(key: MonthKey, k: number): string | number {
  const T = "Debt_Tenor_Months";
  switch (key) {
    case "month":
      return k;
    case "year":
      return k === 0 ? 1 : Math.ceil(k / 12);
    case "miningPre":
      return `=${schedule("miningNet", k)}`;
    case "miningCapex":
      return `=${schedule("refreshCapex", k)}`;
    case "convertPre":
      // Converting sells the fleet at month 0 (CONVERSIONVALUE's R).
      return k === 0 ? `=${schedule("leaseNet", k)}+Fleet_Sale_USD` : `=${schedule("leaseNet", k)}`;
    case "convertCapex":
      return `=${schedule("leaseCapex", k)}`;
    case "gpuPre":
      return `=N(${spillCell("gpuSchedule", GPU.net, k)})`;
    case "gpuCapex":
      return `=N(${spillCell("gpuSchedule", GPU.capex, k)})`;
    case "leaseCfads":
      // The lease's NOI: its (expected) rent less opex; no capex, no exit value.
      return k === 0 ? 0 : `=${schedule("leaseRevenue", k)}-${schedule("leaseOpex", k)}`;
    case "miningCfads":
      // What the fleet earns over its costs and its refreshes in a month with cash to spare (0 otherwise).
      return k === 0 ? 0 : `=MAX(0,${schedule("miningNet", k)}-${schedule("salvage", k)})`;
    case "debtPv":
      return k === 0 ? 0 : `=IF(${k}<=${T},1/(1+Debt_Rate_Annual_Effective)^(${k}/12),0)`;
    case "service": {
      const [capacity, loan] = [FINANCING.cell("capacity"), FINANCING.cell("loan")].map(absolute);
      return k === 0 ? 0 : `=IF(AND(${k}<=${T},${capacity}>0),${m("leaseCfads", k)}/Min_DSCR*${loan}/${capacity},0)`;
    }
    case "interest":
      return k === 0 ? 0 : `=N(${spillCell("loan", LOAN.interest, k)})`;
    case "financedPre":
      return `=${m("convertPre", k)}-${m("interest", k)}`;
    case "unlevered":
      // The lease's after-tax flow with its capex paid at month 0 (the equity's view), before any loan.
      return k === 0
        ? `=${m("convertPre", 0)}+${m("convertCapex", 0)}-${derived("hallBasis")}`
        : `=${m("convertPre", k)}+${m("convertCapex", k)}-${spillCell("convert", AT.tax, k)}`;
    case "equityBefore":
      // The same with the interest deducted for tax (the financed lease's tax), before debt service.
      return k === 0
        ? `=${m("unlevered", 0)}`
        : `=${m("convertPre", k)}+${m("convertCapex", k)}-${spillCell("financed", AT.tax, k)}`;
    case "equity":
      return k === 0
        ? `=${absolute(FINANCING.cell("loan"))}+${m("equityBefore", 0)}`
        : `=${m("equityBefore", k)}-${m("service", k)}`;
  }
}

const MONTH_HEADERS: Record<MonthKey, string> = {
  month: "Month",
  year: "Tax year",
  miningPre: "Mining: net",
  miningCapex: "Mining: capex",
  convertPre: "Convert: lease net + fleet sale",
  convertCapex: "Convert: capex",
  gpuPre: "GPU cloud: net",
  gpuCapex: "GPU cloud: capex",
  leaseCfads: "Lease CFADS (NOI)",
  miningCfads: "Mining CFADS (> 0)",
  debtPv: "Debt discount factor",
  service: "Sculpted debt service",
  interest: "Interest (LOANSCHEDULE)",
  financedPre: "Financed: net less interest",
  unlevered: "Lease after tax, capex at 0",
  equityBefore: "Same, interest deducted",
  equity: "Equity flow",
};
const MONTH_FORMATS: Partial<Record<MonthKey, string>> = { month: "0", year: "0", debtPv: "0.000000" };

/** The yearly table's formula for column `key` in year `yr`. */
function yearFormula(key: YearKey, yr: number): string | number {
  const byYear = (col: MonthKey) => `SUMIFS(${monthRange(col)},${monthRange("year")},${y("year", yr)})`;
  const before = (col: YearKey) =>
    yr === 1 ? "0" : `SUM(${YEAR_COLUMNS.col(col)}$${YEAR_FIRST_ROW}:${y(col, yr - 1)})`;
  const s = derived("inServiceYear");
  /** The basis left goes in the last year (never below 0: the rounding of a basis already deducted); nothing after it. */
  const lastYear = (base: string, basis: string, last: string, col: YearKey) =>
    `=IF(${yr}<${last},${base},IF(${yr}=${last},MAX(0,${basis}-${before(col)}),0))`;
  /** Year yr's deduction of equipment costing `cost` placed in service in year `from`: cost × the table's rate. */
  const equipment = (cost: string, from: string) =>
    `IF(AND(${yr}>=${from},${yr}-${from}+1<=${EQUIPMENT_YEARS}),${cost}*INDEX(${deductionRange("equipment")},${yr}-${from}+1),0)`;
  switch (key) {
    case "year":
      return yr;
    case "df":
      return `=1/(1+Discount_Rate)^${y("year", yr)}`;
    case "leaseDf":
      return `=1/(1+Lease_Discount_Rate)^${y("year", yr)}`;
    case "hall":
      // The conversion capex: its bonus share at once, the rest 39-year real property, from the year in service.
      return `=IF(${yr}=${s},Conversion_Bonus_Share*${derived("hallBasis")},0)+IF(AND(${yr}>=${s},${yr}-${s}+1<=${DEPRECIATION_YEARS}),INDEX(${deductionRange("hall")},${yr}-${s}+1),0)`;
    case "miningCapex":
      return `=${byYear("miningCapex")}`;
    case "miningDed": {
      // Each year's refreshes through the equipment's table (bought and placed in service that year).
      const terms = Array.from(
        { length: Math.min(yr, EQUIPMENT_YEARS) },
        (_, a) => `${y("miningCapex", yr - a)}*${deductionCell("equipment", a + 1)}`,
      );
      const total = `SUM(${YEAR_COLUMNS.col("miningCapex")}$${YEAR_FIRST_ROW}:${y("miningCapex", yr)})`;
      return lastYear(terms.join("+"), total, derived("miningLastYear"), "miningDed");
    }
    case "convertDed":
      return lastYear(y("hall", yr), derived("hallBasis"), derived("leaseLastYear"), "convertDed");
    case "gpuDed":
      return lastYear(
        `${y("hall", yr)}+${equipment(derived("gpuCost"), s)}`,
        `${derived("hallBasis")}+${derived("gpuCost")}`,
        derived("gpuLastYear"),
        "gpuDed",
      );
    case "interest":
      return `=${byYear("interest")}`;
    default:
      break;
  }
  // Taxable income, tax and the loss carried, for each use: the plain rebuild of AFTERTAXCASHFLOWS.
  for (const use of USES) {
    const [ti, tx, cf] = TAXABLE[use];
    const f = FLOWS[use];
    const prior = yr === 1 ? "0" : y(cf, yr - 1);
    if (key === ti) return `=${byYear(f.pre)}+${byYear(f.capex)}-${y(f.ded, yr)}`;
    if (key === tx)
      return `=IF(Loss_Treatment="NOL",IF(${y(ti, yr)}<0,0,Tax_Rate*(${y(ti, yr)}-MIN(${prior},0.8*${y(ti, yr)}))),Tax_Rate*${y(ti, yr)})`;
    if (key === cf)
      return `=IF(Loss_Treatment="NOL",IF(${y(ti, yr)}<0,${prior}-${y(ti, yr)},${prior}-MIN(${prior},0.8*${y(ti, yr)})),0)`;
  }
  throw new Error(`no formula for ${key}`);
}

const YEAR_HEADERS: Record<YearKey, string> = {
  year: "Tax year",
  df: "Discount factor",
  leaseDf: "Lease discount factor",
  hall: "Hall: bonus, then SL39",
  miningCapex: "Mining: refreshes",
  miningDed: "Mining: deduction",
  miningTaxable: "Mining: taxable income",
  miningTax: "Mining: tax",
  miningCarried: "Mining: loss carried",
  convertDed: "Convert: deduction",
  convertTaxable: "Convert: taxable income",
  convertTax: "Convert: tax",
  convertCarried: "Convert: loss carried",
  gpuDed: "GPU cloud: deduction",
  gpuTaxable: "GPU cloud: taxable income",
  gpuTax: "GPU cloud: tax",
  gpuCarried: "GPU cloud: loss carried",
  interest: "Financed: interest",
  financedTaxable: "Financed: taxable income",
  financedTax: "Financed: tax",
  financedCarried: "Financed: loss carried",
};

/** The visible note: which tax rules the sheet assumes, and that it is not tax advice. */
const TAX_NOTES = [
  "Not tax advice. One federal rate (Tax_Rate); no state tax, credits or minimum tax; no recapture rules (§1245, §1250): a sale is taxed in full at the one rate; the IRS tables as printed (Publication 946).",
  "Tax years are model years (year 1: months 0–12), the tax paid in each one's last month, on its flows with capex added back, less its deductions.",
  "Losses: GROUP, used at once against the group's other income; NOL, carried forward against at most 80% of a later year's income (IRC §172).",
  "Refreshes and GPUs: Equipment_Method (5-year, Table A-1) with Equipment_Bonus_Pct in year 1 (100% after 19 Jan 2025, P.L. 119-21). The fleet on site is fully deducted: its sale is taxed in full.",
  "The hall (and the GPU shell): Conversion_Bonus_Share at once (cost segregation), the rest 39-year (Table A-7a) from Hall_In_Service_Month. The basis left is deducted in each use's last year.",
  "Debt: DEBTCAPACITY on the lease's NOI and mining's positive cash at Min_DSCR, Debt_Tenor_Months, Project_Loan_Rate (monthly); the lease's loan at most Project_Loan_to_Cost; sculpted service.",
];

export function afterTaxSheet(): SheetDraft {
  const d = new SheetDraft("afterTax");
  d.heading(
    "After tax & financing",
    "Mine, convert or GPU cloud after income tax (DEPRECIATION, AFTERTAXCASHFLOWS); the lease and the site financed (DEBTCAPACITY, LOANSCHEDULE, EQUITYIRR). Not tax advice: the assumptions are below.",
  );
  d.put(`A${RESULTS.top - 2}`, [["After tax, side by side"]], "section");
  d.put(`A${RESULTS.top - 1}`, [["", "Mine throughout", "Convert now (lease)", "GPU cloud", ""]], "header");
  RESULTS.write(d);
  d.name("After_Tax_NPV_Convert", RESULTS.cell("afterTaxNpv", 1), "Converting after tax (USD): MINER model");
  d.name("After_Tax_NPV_GPU", RESULTS.cell("afterTaxNpv", 2), "GPU cloud after tax (USD): MINER model");

  d.put(`A${FINANCING.top - 2}`, [["Project debt, sized on CFADS at Min_DSCR"]], "section");
  d.put(`A${FINANCING.top - 1}`, [["", "Lease (convert now)", "Mining (throughout)", ""]], "header");
  FINANCING.write(d);
  d.name("Mining_Debt_Capacity", FINANCING.cell("capacity", 1), "Mining debt capacity (USD): MINER model");

  d.put(`A${FINANCING.bottom + 2}`, [["The tax assumptions (not tax advice)"]], "section");
  d.put(
    `A${FINANCING.bottom + 3}`,
    TAX_NOTES.map((n) => [n]),
    "note",
  );
  d.put(`A${DERIVED.top - 1}`, [["Derived"]], "section");
  DERIVED.write(d);

  yearTable(d);
  monthBlock(d);
  d.width({ A: 330, B: 130, C: 130, D: 130, E: 330 });
  return d;
}

/** The yearly deductions and the plain rebuild of each year's tax, with the DEPRECIATION tables beside them. */
function yearTable(d: SheetDraft): void {
  d.put(`A${YEAR_HEADER_ROW - 1}`, [["Deductions and tax by model year (plain formulas)"]], "section");
  d.put(`A${YEAR_HEADER_ROW}`, [YEAR_COLUMNS.keys.map((k) => YEAR_HEADERS[k])], "header");
  const rows = Array.from({ length: TAX_YEARS }, (_, i) => YEAR_COLUMNS.keys.map((k) => yearFormula(k, i + 1)));
  d.put(`A${YEAR_FIRST_ROW}`, rows);
  d.format(
    `${YEAR_COLUMNS.col("df")}${YEAR_FIRST_ROW}:${YEAR_COLUMNS.col("leaseDf")}${YEAR_LAST_ROW}`,
    undefined,
    "0.000000",
  );
  d.format(`${YEAR_COLUMNS.col("hall")}${YEAR_FIRST_ROW}:${YEAR_COLUMNS.to}${YEAR_LAST_ROW}`, undefined, USD);

  const equipment = DEPRECIATION_COLUMNS.equipment;
  const hall = DEPRECIATION_COLUMNS.hall;
  d.put(`${equipment}${YEAR_HEADER_ROW - 1}`, [["Equipment, per USD of cost"]], "section");
  d.put(`${equipment}${YEAR_HEADER_ROW}`, [
    [`=MINER.DEPRECIATION(1,Equipment_Method,Equipment_Bonus_Pct,1,${DEPRECIATION_YEARS})`],
  ]);
  d.put(`${hall}${YEAR_HEADER_ROW - 1}`, [["The hall's 39-year part"]], "section");
  d.put(`${hall}${YEAR_HEADER_ROW}`, [
    [
      `=MINER.DEPRECIATION(${derived("hallBasis")}*(1-Conversion_Bonus_Share),"SL39",0,${derived("inServiceMonth")},${DEPRECIATION_YEARS})`,
    ],
  ]);
  d.format(deductionRange("hall").replace(/\$/g, ""), undefined, USD);
}

/** The monthly flows (plain), and MINER's tables beside them, row m for month m. */
function monthBlock(d: SheetDraft): void {
  d.put(
    `A${MONTH_HEADER_ROW - 1}`,
    [[`Month by month (0 to ${SCHEDULE_MONTHS}; after each use's horizon its flows are 0)`]],
    "section",
  );
  d.put(`A${MONTH_HEADER_ROW}`, [MONTH_COLUMNS.keys.map((k) => MONTH_HEADERS[k])], "header");
  const rows = Array.from({ length: SCHEDULE_MONTHS + 1 }, (_, k) =>
    MONTH_COLUMNS.keys.map((key) => monthFormula(key, k)),
  );
  d.put(`A${MONTH_FIRST_ROW}`, rows);
  for (const key of MONTH_COLUMNS.keys)
    d.format(monthRange(key).replace(/\$/g, ""), undefined, MONTH_FORMATS[key] ?? USD);

  const titles: Record<keyof typeof SPILL_WIDTHS, string> = {
    mining: "Mining: AFTERTAXCASHFLOWS",
    convert: "Convert: AFTERTAXCASHFLOWS",
    gpu: "GPU cloud: AFTERTAXCASHFLOWS",
    financed: "Financed: AFTERTAXCASHFLOWS",
    loan: "Loan: LOANSCHEDULE",
    gpuSchedule: "GPUCLOUDCASHFLOWS",
  };
  for (const spill of Object.keys(SPILL_WIDTHS) as (keyof typeof SPILL_WIDTHS)[]) {
    d.put(`${SPILLS[spill]}${MONTH_HEADER_ROW - 1}`, [[titles[spill]]], "section");
  }
  for (const use of USES) {
    const f = FLOWS[use];
    const args: Record<string, string> = {
      cash_flows: monthRange(f.pre),
      depreciation: yearRange(f.ded),
      tax_rate: "Tax_Rate",
      loss_treatment: "Loss_Treatment",
      capex_usd_in_cash_flows: monthRange(f.capex),
      first_month: "0",
    };
    d.put(`${SPILLS[use]}${MONTH_HEADER_ROW}`, [[`=${minerCall("AFTERTAXCASHFLOWS", (p) => args[p])}`]]);
    d.format(`${offset(SPILLS[use], 1)}${MONTH_FIRST_ROW}:${offset(SPILLS[use], 4)}${MONTH_LAST_ROW}`, undefined, USD);
  }
  // The loan over the schedule's months: the sculpted service stops at the tenor, the balance then 0.
  const loanArgs: Record<string, string> = {
    principal_usd: absolute(FINANCING.cell("loan")),
    annual_rate: "Debt_Rate_Annual_Effective",
    tenor_months: String(SCHEDULE_MONTHS),
    grace_months: "0",
    repayment: monthRange("service", 1),
  };
  d.put(`${SPILLS.loan}${MONTH_FIRST_ROW}`, [[`=${minerCall("LOANSCHEDULE", (p) => loanArgs[p])}`]]);
  // GPU cloud as MWECONOMICS builds it: its GPUs fill the leased critical IT, at the site's PUE and
  // power price, built over the longest phase's build in a shell at the conversion capex per MW.
  const gpuArgs: Record<string, string> = {
    gpus: "Leased_Critical_IT_MW*1000/GPU_kW",
    usd_per_gpu_hour: "GPU_USD_per_Hour",
    utilization: "GPU_Utilization",
    gpu_capex_usd: "GPU_Capex_USD",
    kw_per_gpu: "GPU_kW",
    pue: "Site_PUE",
    power_price_kwh: "Power_Price_kWh",
    discount_rate: "Discount_Rate",
    opex_pct_of_revenue: "GPU_Opex_Pct_of_Revenue",
    price_decline_annual: '""',
    life_years: '""',
    salvage_pct: '""',
    build_months: "MAX(Lease_Phase_Build_Months)",
    shell_capex_usd_per_mw: "Conversion_Capex_USD_per_MW",
  };
  d.put(`${SPILLS.gpuSchedule}${MONTH_HEADER_ROW}`, [[`=${minerCall("GPUCLOUDCASHFLOWS", (p) => gpuArgs[p])}`]]);
}
