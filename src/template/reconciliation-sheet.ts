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
  TIMING,
  PHASE_TABLE,
  qTo,
  survivalMonths,
} from "./lease-sheet";
import { BREAKDOWN, BREAKDOWN_VALUE, MINING_RESULTS } from "./mining-sheet";
import { absolute } from "./spec";
import { Check, CHECK_COLUMNS, CheckTable } from "./check-table";
import { Line, Table } from "./layout";
import { TREASURY_CHECKS } from "./treasury-reconciliation";
import { AFTER_TAX_CHECKS } from "./after-tax-reconciliation";

/** The row of the all-checks-pass cell; the checks' header two rows below. */
const ALL_PASS_ROW = 3;

/** Building blocks of the plain figures, below the checks (placed there: HELPERS). */
type HelperKey =
  | "subsidy"
  | "btcPerThDay"
  | "earned"
  | "kwh"
  | "rate"
  | "leaseRate"
  | "gpus"
  | "fleetSale"
  | "stopAtBreakeven"
  | "miningAtBreakeven"
  | "slopeAtBreakeven"
  | "bestLimit"
  | "bestCapex"
  | "bestMining";
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
  {
    key: "fleetSale",
    label: "The fleet's resale value, R",
    value: "=Fleet_Resale_USD_per_TH*Site_MW*1000000/(Efficiency_J_TH*Site_PUE)",
    unit: "USD: resale per TH/s × the TH/s the site powers",
  },
  {
    key: "stopAtBreakeven",
    label: "At the breakeven price: the month mining stops (the horizon if it never stops)",
    value: () =>
      `=IF(Stop_For_Good,MAXIFS(${col("month", 1)},${col("valueAtBreakeven", 1)},MAX(${col("valueAtBreakeven", 1)})),Horizon_Months)`,
    unit: "month: the schedule's at the breakeven price (its last columns)",
  },
  {
    key: "miningAtBreakeven",
    label: "At the breakeven price: mining's value",
    value: () =>
      `=IF(Stop_For_Good,MAX(${col("valueAtBreakeven", 1)}),INDEX(${col("valueAtBreakeven")},${WITHIN_SCHEDULE}+1))`,
    unit: "USD at month 0: the best stop, or the horizon's end",
  },
  {
    key: "slopeAtBreakeven",
    label: "At the breakeven price: mining's value per USD of BTC price",
    value: () =>
      `=SUMIFS(${col("revenuePvAtBreakeven", 1)},${col("month", 1)},"<="&${h("stopAtBreakeven")})/Conversion_Breakeven_Price`,
    unit: "USD per USD: the revenue of the months it runs, over the price",
  },
  {
    key: "bestLimit",
    label: "CONVERSIONTIMING's best month k less a fleet's life: the last month a refresh may be bought",
    value: `=IF(Refresh_Every_Months>0,Best_Conversion_Month-Refresh_Every_Months,0)`,
    unit: "month",
  },
  {
    key: "bestCapex",
    label: "Fleets bought up to it, at month 0",
    value: () =>
      `=IF(${h("bestLimit")}>=1,INDEX(${col("valueIfConverted")},${h("bestLimit")}+1)-INDEX(${col("valueIfStopped")},${h("bestLimit")}+1),0)`,
    unit: "USD: the schedule's value if converted less its value if stopped, that month",
  },
  {
    key: "bestMining",
    label: "Mining k months as a horizon of its own, the fleet sold at k",
    value: () => {
      const k = "Best_Conversion_Month";
      const early = `MAXIFS(${col("valueIfStopped", 1)},${col("month", 1)},"<="&${h("bestLimit")})`;
      const late = `MAXIFS(${col("valueIfConverted", 1)},${col("month", 1)},">"&${h("bestLimit")},${col("month", 1)},"<="&${k})-${h("bestCapex")}`;
      // No stop before the last refresh when there is none: the late stops alone (no sentinel minimum).
      const best = `IF(${h("bestLimit")}>=1,MAX(${early},${late}),${late})`;
      return `=IF(${k}=0,${h("fleetSale")},IF(Stop_For_Good,${best},INDEX(${col("valueIfConverted")},${k}+1)-${h("bestCapex")}))`;
    },
    unit: "USD at month 0: with a stop, the best stop in those k months",
  },
];
/** A building block's cell, as the checks read it. */
const h = (key: HelperKey) => absolute(HELPERS.cell(key));

const L = "{leaseVsMine}!";
const M = "{mining}!";
/** The horizon, or the schedule's last month when the horizon is longer (the coverage check then says so). */
const WITHIN_SCHEDULE = `MIN(Horizon_Months,${SCHEDULE_MONTHS})`;
/** A schedule column on Lease vs Mine, from month `fromMonth`. */
const col = (key: string, fromMonth = 0) => `${L}${scheduleRange(key, fromMonth)}`;
/** The schedule's rows of months 1–12 of a column: the first year MWECONOMICS reads. */
const firstYearRows = (key: string) =>
  `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + 1}:$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + 12}`;
/** A cell of MWECONOMICS' spill: one use's line. */
const economics = (use: "mining" | "lease" | "gpuCloud", line: "ebitda" | "capital") =>
  `=${L}$${MW_ECONOMICS.columns.col(use)}$${MW_ECONOMICS.rows.row(line)}`;

/** Excel's NPV of a schedule column from month 1 at a monthly rate. */
const npv = (rate: string, key: string) => `NPV(${rate},${L}${scheduleRange(key, 1)})`;
const month0 = (key: string) => `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW}`;
const KWH_RUN = "Site_MW*1000*24*365/12*Uptime";
/** The first year's running months that pay the energy tax (from Energy_Tax_Start_Month). */
const TAXED_RUNNING = `COUNTIFS(${firstYearRows("wouldRun")},1,${firstYearRows("month")},">="&Energy_Tax_Start_Month)`;
/** The first year as MWECONOMICS takes it: the months that would run (no stop for good), idle opex in the others. */
const FIRST_YEAR_EBITDA = `SUMPRODUCT(${firstYearRows("wouldRun")},${firstYearRows("btcRun")},${firstYearRows("price")})-SUM(${firstYearRows("wouldRun")})*(${KWH_RUN}*Power_Price_kWh+Site_Opex_USD_per_MW_Month*Site_MW)-${TAXED_RUNNING}*${KWH_RUN}*Energy_Tax_USD_per_kWh-(12-SUM(${firstYearRows("wouldRun")}))*Idle_Opex_Pct*Site_Opex_USD_per_MW_Month*Site_MW`;
/** The lease months of a first lease year: 12, or the whole term when shorter (annualised × 12 / that). */
const FIRST_LEASE_MONTHS = "MIN(12,Lease_Term_Months)";
const PHASE_ROWS = Array.from({ length: PHASE_TABLE.count }, (_, p) => p);
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
    "Mining's site after its horizon, T (USD)",
    // CONVERSIONVALUE's own T: what its result leaves after the lease, the fleet's sale and mining's NPV.
    "=Lease_NPV+Fleet_Sale_USD-Conversion_Value-Mining_NPV",
    (row) => `=IF(Exit_Cap_Rate>0,MAX(0,${row("Lease NPV (USD)")})*(1+Discount_Rate)^(-Horizon_Months/12),0)`,
    "money",
    "with an exit cap rate, the lease signed at the horizon's end, never below 0, at month 0 (MINER's: lease + fleet sale − conversion value − mining NPV)",
  ],
  [
    "Mine throughout, keeping the site (USD)",
    "=Mining_Value",
    (row) => `=${row("Mining NPV (USD)")}+${row("Mining's site after its horizon, T (USD)")}`,
    "money",
    "the three strategies' first row: plain mining NPV + T",
  ],
  [
    "Conversion value (USD)",
    "=Conversion_Value",
    (row) =>
      `=${row("Lease NPV (USD)")}+${h("fleetSale")}-(${row("Mining NPV (USD)")}+${row("Mining's site after its horizon, T (USD)")})`,
    "money",
    "plain lease NPV + the fleet's sale − (plain mining NPV + T)",
  ],
  [
    "Breakeven BTC price (USD)",
    "=Conversion_Breakeven_Price",
    (row) =>
      `=Conversion_Breakeven_Price-(${h("miningAtBreakeven")}+${row("Mining's site after its horizon, T (USD)")}-${row("Lease NPV (USD)")}-${h("fleetSale")})/${h("slopeAtBreakeven")}`,
    "money",
    "MINER's price less the plain gap there, (mining at that price + T − lease − fleet sale) / its slope in the price: MINER's price when the plain schedule at it (its last columns: which months run, the refreshes, the stop) values mining as the lease",
  ],
  [
    "CONVERSIONTIMING at month 0 (USD)",
    `=${L}$${TIMING.col("value")}$${SCHEDULE_FIRST_ROW}`,
    (row) => `=${row("Conversion value (USD)")}`,
    "money",
    "converting now: the plain conversion value",
  ],
  [
    "CONVERSIONTIMING at its best month (USD)",
    "=Best_Conversion_Gain",
    (row) =>
      `=${h("bestMining")}+${row("Lease NPV (USD)")}*INDEX(${col("discountFactor")},Best_Conversion_Month+1)-(${row("Mining NPV (USD)")}+${row("Mining's site after its horizon, T (USD)")})`,
    "money",
    "mining to that month as a horizon of its own, the fleet sold then (building blocks below), + the lease from then, discounted − (plain mining NPV + T)",
  ],
  [
    "CONVERSIONOPTION's convert now (USD)",
    "=Option_Convert_Now",
    (row) => `=${row("Lease NPV (USD)")}+${h("fleetSale")}`,
    "money",
    "plain lease NPV + the fleet's sale, on the Risk sheet's run of the same lease",
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
    () => `=(${FIRST_YEAR_EBITDA})/Site_MW`,
    "money",
    "months 1–12 of the schedule, before any stop: revenue − power − energy tax − opex in the months that run, idle opex in the others, per site MW",
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
    () =>
      `=1000*Lease_Rate_USD_per_kW_Month*(1-Lease_Opex_Pct_of_Revenue)*12/${FIRST_LEASE_MONTHS}*(${PHASE_ROWS.map(
        (p) => {
          const [b, mw] = [absolute(PHASE_TABLE.cell("buildMonths", p)), absolute(PHASE_TABLE.cell("mw", p))];
          return `N(${L}${mw})*(Default_Recovery_Pct*${FIRST_LEASE_MONTHS}+(1-Default_Recovery_Pct)*${qTo(`N(${L}${b})-Rent_Timing+1`)}*${survivalMonths("0", `${FIRST_LEASE_MONTHS}-1`)})`;
        },
      ).join("+")})/Site_MW`,
    "money",
    "every phase's first lease year: MW × 1,000 × rent × 12 × (1 − opex), per site MW; with the tenant's credit each month at its expected share, survival from month 0",
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
const AFTER_TAX = new CheckTable(TREASURY.last + 4, AFTER_TAX_CHECKS);

/** Where the Reconciliation sheet's checks sit. */
export const RECONCILIATION = {
  /** TRUE when every check passes (the name Model_Checks_Pass). */
  allPass: `${CHECK_COLUMNS.col("miner")}${ALL_PASS_ROW}`,
  checks: MODEL_CHECKS,
  /** TRUE when the monthly schedule covers the horizon. */
  coverage: `${CHECK_COLUMNS.col("miner")}${COVERAGE_ROW}`,
  treasury: TREASURY,
  afterTax: AFTER_TAX,
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
    left(AFTER_TAX.headerRow - 1),
    [["The After tax & financing sheet: after-tax values and debt against plain formulas"]],
    "section",
  );
  AFTER_TAX.write(d, "#,##0.00");
  for (const row of AFTER_TAX.checks.flatMap(([, , , kind], i) => (kind === "rate" ? [AFTER_TAX.first + i] : [])))
    d.format(`${CHECK_COLUMNS.col("miner")}${row}:${CHECK_COLUMNS.col("plain")}${row}`, "result", "0.000000%");
  d.put(
    left(ALL_PASS_ROW),
    [
      [
        "All checks pass",
        `=AND(${MODEL_CHECKS.column("matches")},${RECONCILIATION.coverage},${TREASURY.column("matches")},${AFTER_TAX.column("matches")})`,
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
