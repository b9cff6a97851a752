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
import { Check, CHECK_COLUMNS, CheckTable } from "./check-table";
import { Line, Table } from "./layout";
import { TREASURY_CHECKS } from "./treasury-reconciliation";

/** The row of the all-checks-pass cell; the checks' header two rows below. */
const ALL_PASS_ROW = 3;

/** Building blocks of the plain figures, below the checks (placed there: HELPERS). */
type HelperKey = "subsidy" | "btcPerThDay" | "earned" | "kwh" | "rate" | "leaseRate" | "gpus";
const HELPER_LINES: Line<HelperKey>[] = [
  {
    key: "subsidy",
    label: "Subsidy at the start height",
    value: "=INT(5000000000/2^INT(Start_Height/210000))/100000000",
    unit: "BTC per block",
  },
  {
    key: "btcPerThDay",
    label: "BTC per TH/s per day",
    value: (at) => `=1000000000000*86400/2^32*(${absolute(at("subsidy"))}+Fees_BTC_per_Block)/Difficulty_Now`,
    unit: "BTC",
  },
  {
    key: "earned",
    label: "BTC earned per installed TH/s per day",
    value: (at) => `=${absolute(at("btcPerThDay"))}*Uptime*(1-Pool_Fee)`,
    unit: "BTC, after uptime and pool fee",
  },
  {
    key: "kwh",
    label: "kWh used per installed TH/s per day",
    value: "=Efficiency_J_TH*Site_PUE*24/1000*Uptime",
    unit: "kWh",
  },
  { key: "rate", label: "Monthly discount rate", value: "=(1+Discount_Rate)^(1/12)-1", unit: "per month" },
  {
    key: "leaseRate",
    label: "Monthly lease discount rate",
    value: "=(1+Lease_Discount_Rate)^(1/12)-1",
    unit: "per month",
  },
  {
    key: "gpus",
    label: "GPUs filling the leased critical IT",
    value: "=Leased_Critical_IT_MW*1000/GPU_kW",
    unit: "GPUs",
  },
];
/** A building block's cell, as the checks read it. */
const h = (key: HelperKey) => absolute(HELPERS.cell(key));

const L = "{leaseVsMine}!";
const M = "{mining}!";
/** A cell of MWECONOMICS' spill: one use's line. */
const economics = (use: "mining" | "lease" | "gpuCloud", line: "ebitda" | "capital") =>
  `=${L}$${MW_ECONOMICS.columns.col(use)}$${MW_ECONOMICS.rows.row(line)}`;

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
    () =>
      `=(${h("kwh")}*(Power_Price_kWh+Energy_Tax_USD_per_kWh)+Opex_USD_per_TH_Day+SGA_USD_per_TH_Day)/${h("earned")}`,
    "money",
    "(power + energy tax + opex + SG&A per TH/s-day) / BTC earned per TH/s-day",
  ],
  [
    "All-in cost per BTC (USD)",
    "=AllIn_Cost_per_BTC",
    () =>
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
    () => `=${h("btcPerThDay")}*1000*BTC_Price_USD`,
    "money",
    "BTC per TH/s-day × 1,000 × BTC price",
  ],
  [
    "Lease NPV (USD)",
    "=Lease_NPV",
    () => `=${month0("leaseNet")}+${npv(h("leaseRate"), "leaseNet")}`,
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
    () => `=${npv(h("rate"), "miningNet")}`,
    "money",
    "Excel's NPV of the mining net cash flows (switch-off, energy tax and salvage included) at the monthly rate",
  ],
  [
    "Conversion value (USD)",
    "=Conversion_Value",
    (row) => `=${row("Lease NPV (USD)")}-${row("Mining NPV (USD)")}`,
    "money",
    "plain lease NPV − plain mining NPV",
  ],
  [
    "Breakeven BTC price (USD)",
    "=Conversion_Breakeven_Price",
    (row) =>
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
    () =>
      `=(${GPU_REVENUE.replace("$gpus", h("gpus"))}*(1-GPU_Opex_Pct_of_Revenue)-${h("gpus")}*GPU_kW*Site_PUE*8760*Power_Price_kWh)/Site_MW`,
    "money",
    "GPUs × $/hour × utilization × 8,760 h less opex and power (at the site's PUE), per site MW",
  ],
  [
    "GPU-cloud capital per site MW (USD)",
    economics("gpuCloud", "capital"),
    () => `=(${h("gpus")}*GPU_Capex_USD+Conversion_Capex_USD_per_MW*Leased_Critical_IT_MW)/Site_MW`,
    "money",
    "GPUs × their price + the hall at the conversion capex, per site MW",
  ],
];

/** The model's checks under the all-pass row, the coverage check, the building blocks, then the Treasury's checks. */
const MODEL_CHECKS = new CheckTable(ALL_PASS_ROW + 2, CHECKS);
const COVERAGE_ROW = MODEL_CHECKS.last + 2;
const HELPERS = new Table(`${CHECK_COLUMNS.from}${COVERAGE_ROW + 4}`, HELPER_LINES, { numberFormat: "0.000000000000" });
const TREASURY = new CheckTable(HELPERS.bottom + 4, TREASURY_CHECKS);

/** Where the Reconciliation sheet's checks sit. */
export const RECONCILIATION = {
  /** TRUE when every check passes (the name Model_Checks_Pass). */
  allPass: `${CHECK_COLUMNS.col("miner")}${ALL_PASS_ROW}`,
  checks: MODEL_CHECKS,
  /** TRUE when the monthly schedule covers the horizon. */
  coverage: `${CHECK_COLUMNS.col("miner")}${COVERAGE_ROW}`,
  treasury: TREASURY,
};

export function reconciliationSheet(): SheetDraft {
  const d = new SheetDraft("reconciliation");
  d.heading(
    "Reconciliation: MINER results rebuilt with plain Excel formulas",
    "Each row sets a MINER function's result beside the same quantity built from the Assumptions with ordinary formulas (and Excel's own NPV and IRR). The difference is zero up to floating-point rounding.",
  );
  const left = (row: number) => `${CHECK_COLUMNS.from}${row}`;
  d.put(
    left(TREASURY.headerRow - 1),
    [["The Treasury sheet: MINER's treasury functions against plain formulas"]],
    "section",
  );
  TREASURY.write(d, "#,##0.00######");
  d.put(
    left(ALL_PASS_ROW),
    [
      [
        "All checks pass",
        `=AND(${MODEL_CHECKS.column("matches")},${RECONCILIATION.coverage},${TREASURY.column("matches")})`,
      ],
    ],
    "check",
  );
  d.name("Model_Checks_Pass", RECONCILIATION.allPass, "TRUE when every reconciliation check passes: MINER model");
  MODEL_CHECKS.write(d, "#,##0.00");
  const irrRow = MODEL_CHECKS.checks.findIndex(([, , , kind]) => kind === "rate") + MODEL_CHECKS.first;
  d.format(`${CHECK_COLUMNS.col("miner")}${irrRow}:${CHECK_COLUMNS.col("plain")}${irrRow}`, "result", "0.000000%");
  d.put(
    left(COVERAGE_ROW),
    [
      [
        `The monthly schedule covers the horizon (${SCHEDULE_MONTHS} months at most), and the horizon the first year MWECONOMICS reads (12 months at least)`,
        `=AND(Horizon_Months<=${SCHEDULE_MONTHS},Horizon_Months>=12)`,
      ],
    ],
    "check",
  );

  d.put(left(HELPERS.top - 1), [["Building blocks of the plain figures"]], "section");
  HELPERS.write(d);
  d.width(
    CHECK_COLUMNS.widths({
      quantity: 290,
      miner: 130,
      plain: 130,
      difference: 90,
      tolerance: 90,
      matches: 70,
      how: 480,
    }),
  );
  return d;
}
