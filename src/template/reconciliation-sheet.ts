/**
 * The Reconciliation sheet: the auditor's proof. Each key MINER result beside the same quantity
 * rebuilt with plain Excel formulas (and Excel's own NPV and IRR) from the Assumptions and the
 * monthly schedule, with the difference and whether it is within floating-point rounding.
 */
import { SheetDraft } from "./draft";
import {
  MW_ECONOMICS,
  SCHEDULE_COLUMN,
  SCHEDULE_FIRST_ROW,
  SCHEDULE_MONTHS,
  scheduleRange,
  TIER_TAX_RANGE,
} from "./lease-sheet";
import { BREAKDOWN, BREAKDOWN_VALUE, MINING_RESULTS } from "./mining-sheet";
import { absolute } from "./spec";
import { treasuryChecks } from "./treasury-reconciliation";

const FIRST_CHECK_ROW = 6;

/** Building blocks of the plain figures, below the checks. */
const HELPERS: [key: string, label: string, formula: (cell: (key: string) => string) => string, unit: string][] = [
  [
    "subsidy",
    "Subsidy at the start height",
    () => "=INT(5000000000/2^INT(Start_Height/210000))/100000000",
    "BTC per block",
  ],
  [
    "btcPerThDay",
    "BTC per TH/s per day",
    (c) => `=1000000000000*86400/2^32*(${c("subsidy")}+Fees_BTC_per_Block)/Difficulty_Now`,
    "BTC",
  ],
  [
    "earned",
    "BTC earned per installed TH/s per day",
    (c) => `=${c("btcPerThDay")}*Uptime*(1-Pool_Fee)`,
    "BTC, after uptime and pool fee",
  ],
  ["kwh", "kWh used per installed TH/s per day", () => "=Efficiency_J_TH*Site_PUE*24/1000*Uptime", "kWh"],
  ["rate", "Monthly discount rate", () => "=(1+Discount_Rate)^(1/12)-1", "per month"],
  ["leaseRate", "Monthly lease discount rate", () => "=(1+Lease_Discount_Rate)^(1/12)-1", "per month"],
  ["gpus", "GPUs filling the leased critical IT", () => "=Leased_Critical_IT_MW*1000/GPU_kW", "GPUs"],
];

const L = "{leaseVsMine}!";
const M = "{mining}!";
/** A cell of MWECONOMICS' spill: one use's line. */
const economics = (use: "mining" | "lease" | "gpuCloud", line: "ebitda" | "capital") =>
  `=${L}$${MW_ECONOMICS.columns.col(use)}$${MW_ECONOMICS.rows.row(line)}`;

/** [quantity, MINER result, plain rebuild (given the helper cells), tolerance, how the plain figure is built] */
type Check = [string, string, (h: (key: string) => string, row: (label: string) => string) => string, string, string];

/** Excel's NPV of a schedule column from month 1 at a monthly rate. */
const npv = (rate: string, key: string) => `NPV(${rate},${L}${scheduleRange(key, 1)})`;
const month0 = (key: string) => `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW}`;
/** Σ over months 1..12 of a schedule column: the first year MWECONOMICS reads. */
const firstYear = (key: string) =>
  `SUMIFS(${L}${scheduleRange(key)},${L}${scheduleRange("month")},">=1",${L}${scheduleRange("month")},"<=12")`;
/** Σ of the months that run at the breakeven price, of the columns given, discounted. */
const atBreakeven = (...keys: string[]) =>
  `SUMPRODUCT(${["runsAtBreakeven", ...keys, "discountFactor"].map((k) => L + scheduleRange(k, 1)).join(",")})`;
const VARIABLE_COST = "Site_MW*1000*24*365/12*Uptime*(Power_Price_kWh+Energy_Tax_USD_per_kWh)";
const GPU_REVENUE = "$gpus*GPU_USD_per_Hour*GPU_Utilization*8760";

const CHECKS: Check[] = [
  [
    "Cash cost per BTC (USD)",
    "=Cash_Cost_per_BTC",
    (h) =>
      `=(${h("kwh")}*(Power_Price_kWh+Energy_Tax_USD_per_kWh)+Opex_USD_per_TH_Day+SGA_USD_per_TH_Day)/${h("earned")}`,
    "money",
    "(power + energy tax + opex + SG&A per TH/s-day) / BTC earned per TH/s-day",
  ],
  [
    "All-in cost per BTC (USD)",
    "=AllIn_Cost_per_BTC",
    (h) =>
      `=(${h("kwh")}*(Power_Price_kWh+Energy_Tax_USD_per_kWh)+Opex_USD_per_TH_Day+SGA_USD_per_TH_Day+Machine_Cost_USD_per_TH/(Machine_Life_Years*365)+Stock_Comp_USD_per_TH_Day)/${h("earned")}`,
    "money",
    "cash cost + straight-line depreciation + stock pay, per BTC earned",
  ],
  [
    "Breakdown lines add up to the all-in total (USD)",
    `=${M}${absolute(BREAKDOWN.cell(BREAKDOWN_VALUE, "allIn"))}`,
    () =>
      `=SUM(${M}${absolute(BREAKDOWN.range(BREAKDOWN_VALUE, "power", "sga"))})+SUM(${M}${absolute(BREAKDOWN.range(BREAKDOWN_VALUE, "depreciation", "stockComp"))})`,
    "money",
    "power + energy tax + opex + SG&A + depreciation + stock pay",
  ],
  [
    "Hashprice (USD per PH/s per day)",
    `=${M}${absolute(MINING_RESULTS.cell("hashprice"))}`,
    (h) => `=${h("btcPerThDay")}*1000*BTC_Price_USD`,
    "money",
    "BTC per TH/s-day × 1,000 × BTC price",
  ],
  [
    "Lease NPV (USD)",
    "=Lease_NPV",
    (h) => `=${month0("leaseNet")}+${npv(h("leaseRate"), "leaseNet")}`,
    "money",
    "month-0 flow + Excel's NPV of the lease net cash flows (every phase, exit value included) at the monthly lease rate",
  ],
  [
    "Lease IRR (per year)",
    "=Lease_IRR",
    () => `=(1+IRR(${L}${scheduleRange("leaseNet")},0.01))^12-1`,
    "rate",
    "Excel's IRR of the monthly lease flows, annualised: (1 + IRR)^12 − 1",
  ],
  [
    "Mining NPV (USD)",
    "=Mining_NPV",
    (h) => `=${npv(h("rate"), "miningNet")}`,
    "money",
    "Excel's NPV of the mining net cash flows (switch-off, energy tax and salvage included) at the monthly rate",
  ],
  [
    "Conversion value (USD)",
    "=Conversion_Value",
    (h, row) => `=${row("Lease NPV (USD)")}-${row("Mining NPV (USD)")}`,
    "money",
    "plain lease NPV − plain mining NPV",
  ],
  [
    "Breakeven BTC price (USD)",
    "=Conversion_Breakeven_Price",
    (h, row) =>
      `=BTC_Price_USD*(${row("Lease NPV (USD)")}+${npv(h("rate"), "miningOpex")}+${npv(h("rate"), "refreshCapex")}-${npv(h("rate"), "salvage")}+${VARIABLE_COST}*${atBreakeven()})/${atBreakeven("btcRun", "price")}`,
    "money",
    "price × (lease NPV + PV of opex and capex − salvage + PV of power and tax in the months that run at the breakeven) / PV of those months' revenue at today's price",
  ],
  [
    "Energy tax a year (USD)",
    "=Energy_Tax_per_Year",
    () => `=SUM(${L}${absolute(TIER_TAX_RANGE)})`,
    "money",
    "Σ over the bands of rate × the kWh inside the band (the tier table's last column)",
  ],
  [
    "Mining EBITDA per site MW-year (USD)",
    economics("mining", "ebitda"),
    () =>
      `=(${firstYear("miningRevenue")}-${firstYear("powerCost")}-${firstYear("energyTax")}-${firstYear("miningOpex")})/Site_MW`,
    "money",
    "months 1–12 of the schedule: revenue − power − energy tax − opex, per site MW",
  ],
  [
    "Mining capital per site MW (USD)",
    economics("mining", "capital"),
    () => "=Refresh_Capex_USD_per_TH*Site_MW*1000000/(Efficiency_J_TH*Site_PUE)/Site_MW",
    "money",
    "one fleet: refresh capex per TH/s × the TH/s the site powers, per site MW",
  ],
  [
    "Lease EBITDA per site MW-year (USD)",
    economics("lease", "ebitda"),
    () => "=Leased_Critical_IT_MW*1000*Lease_Rate_USD_per_kW_Month*12*(1-Lease_Opex_Pct_of_Revenue)/Site_MW",
    "money",
    "every phase's first lease year: MW × 1,000 × rent × 12 × (1 − opex), per site MW",
  ],
  [
    "Lease capital per site MW (USD)",
    economics("lease", "capital"),
    () => "=Conversion_Capex_USD_per_MW*Leased_Critical_IT_MW/Site_MW",
    "money",
    "conversion capex × leased critical IT MW, per site MW",
  ],
  [
    "GPU-cloud EBITDA per site MW-year (USD)",
    economics("gpuCloud", "ebitda"),
    (h) =>
      `=(${GPU_REVENUE.replace("$gpus", h("gpus"))}*(1-GPU_Opex_Pct_of_Revenue)-${h("gpus")}*GPU_kW*Site_PUE*8760*Power_Price_kWh)/Site_MW`,
    "money",
    "GPUs × $/hour × utilization × 8,760 h less opex and power (at the site's PUE), per site MW",
  ],
  [
    "GPU-cloud capital per site MW (USD)",
    economics("gpuCloud", "capital"),
    (h) => `=(${h("gpus")}*GPU_Capex_USD+Conversion_Capex_USD_per_MW*Leased_Critical_IT_MW)/Site_MW`,
    "money",
    "GPUs × their price + the hall at the conversion capex, per site MW",
  ],
];

const LAST_CHECK_ROW = FIRST_CHECK_ROW + CHECKS.length - 1;
const HELPER_TOP = LAST_CHECK_ROW + 6;
/** The Treasury sheet's checks, below the building blocks. */
const TREASURY_TOP = HELPER_TOP + HELPERS.length + 2;
export const RECONCILIATION_CELLS = {
  allPass: "B3",
  checks: `A${FIRST_CHECK_ROW}:G${LAST_CHECK_ROW}`,
  firstCheckRow: FIRST_CHECK_ROW,
  lastCheckRow: LAST_CHECK_ROW,
  coverage: `B${LAST_CHECK_ROW + 2}`,
  treasuryTop: TREASURY_TOP,
};

/** Money is compared to a part in 10^9 (a double carries ~16 digits); Excel's IRR stops at 0.00001%. */
function tolerance(kind: string, row: number): string {
  return kind === "rate" ? "0.0000001" : `=MAX(0.000001,0.000000001*ABS(B${row}))`;
}

export function reconciliationSheet(): SheetDraft {
  const d = new SheetDraft("reconciliation");
  d.heading(
    "Reconciliation: MINER results rebuilt with plain Excel formulas",
    "Each row sets a MINER function's result beside the same quantity built from the Assumptions with ordinary formulas (and Excel's own NPV and IRR). The difference is zero up to floating-point rounding.",
  );
  const treasury = treasuryChecks(d, TREASURY_TOP);
  d.put(
    "A3",
    [
      [
        "All checks pass",
        `=AND(F${FIRST_CHECK_ROW}:F${LAST_CHECK_ROW},${RECONCILIATION_CELLS.coverage},F${treasury.first}:F${treasury.last})`,
      ],
    ],
    "check",
  );
  d.name("Model_Checks_Pass", RECONCILIATION_CELLS.allPass, "TRUE when every reconciliation check passes: MINER model");
  d.put(
    `A${FIRST_CHECK_ROW - 1}`,
    [
      [
        "Quantity",
        "MINER add-in",
        "Plain Excel",
        "Difference",
        "Tolerance",
        "Matches",
        "How the plain figure is built",
      ],
    ],
    "header",
  );
  const helper = (key: string) => `$B$${HELPER_TOP + HELPERS.findIndex(([k]) => k === key)}`;
  const row = (label: string) => `C${FIRST_CHECK_ROW + CHECKS.findIndex(([l]) => l === label)}`;
  d.put(
    `A${FIRST_CHECK_ROW}`,
    CHECKS.map(([label, miner, plain, kind, how], i) => {
      const r = FIRST_CHECK_ROW + i;
      return [label, miner, plain(helper, row), `=B${r}-C${r}`, tolerance(kind, r), `=ABS(D${r})<=E${r}`, how];
    }),
  );
  d.format(`B${FIRST_CHECK_ROW}:C${LAST_CHECK_ROW}`, "result", "#,##0.00");
  const irrRow = FIRST_CHECK_ROW + CHECKS.findIndex(([, , , kind]) => kind === "rate");
  d.format(`B${irrRow}:C${irrRow}`, "result", "0.000000%");
  d.format(`D${FIRST_CHECK_ROW}:E${LAST_CHECK_ROW}`, undefined, "0.00E+00");
  d.format(`F${FIRST_CHECK_ROW}:F${LAST_CHECK_ROW}`, "check");
  d.put(
    `A${LAST_CHECK_ROW + 2}`,
    [
      [
        `The monthly schedule covers the horizon (${SCHEDULE_MONTHS} months at most), and the horizon the first year MWECONOMICS reads (12 months at least)`,
        `=AND(Horizon_Months<=${SCHEDULE_MONTHS},Horizon_Months>=12)`,
      ],
    ],
    "check",
  );

  d.put(`A${HELPER_TOP - 1}`, [["Building blocks of the plain figures"]], "section");
  d.put(
    `A${HELPER_TOP}`,
    HELPERS.map(([, label, formula, unit]) => [label, formula(helper), unit]),
  );
  d.format(`B${HELPER_TOP}:B${HELPER_TOP + HELPERS.length - 1}`, undefined, "0.000000000000");
  d.width({ A: 290, B: 130, C: 130, D: 90, E: 90, F: 70, G: 480 });
  return d;
}
