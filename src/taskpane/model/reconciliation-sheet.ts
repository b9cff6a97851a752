/**
 * The Reconciliation sheet: the auditor's proof. Each key MINER result beside the same quantity
 * rebuilt with plain Excel formulas (and Excel's own NPV and IRR) from the Assumptions and the
 * monthly schedule, with the difference and whether it is within floating-point rounding.
 */
import { SheetDraft } from "./draft";
import { LEASE_CELLS, SCHEDULE_FIRST_ROW, SCHEDULE_COLUMN, SCHEDULE_MONTHS, scheduleRange } from "./lease-sheet";
import { MINING_CELLS } from "./mining-sheet";
import { absolute } from "./spec";
import { treasuryChecks } from "./treasury-reconciliation";

const FIRST_CHECK_ROW = 6;
const HELPER_TOP = 19;

/** Building blocks of the plain figures, in B19:B23. */
const HELPERS: [string, string, string][] = [
  ["Subsidy at the start height", "=INT(5000000000/2^INT(Start_Height/210000))/100000000", "BTC per block"],
  ["BTC per TH/s per day", "=1000000000000*86400/2^32*(B19+Fees_BTC_per_Block)/Difficulty_Now", "BTC"],
  ["BTC earned per installed TH/s per day", "=B20*Uptime*(1-Pool_Fee)", "BTC, after uptime and pool fee"],
  ["kWh used per installed TH/s per day", "=Efficiency_J_TH*Site_PUE*24/1000*Uptime", "kWh"],
  ["Monthly discount rate", "=(1+Discount_Rate)^(1/12)-1", "per month"],
];

const L = "{leaseVsMine}!";
const M = "{mining}!";
const npv = (key: string) => `NPV($B$23,${L}${scheduleRange(key, 1)})`;
const month0 = (key: string) => `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW}`;
/** PV of the power bought, and of the revenue at today's price, in the months that run at the breakeven price. */
const atBreakeven = (...keys: string[]) =>
  `SUMPRODUCT(${["runsAtBreakeven", ...keys, "discountFactor"].map((k) => L + scheduleRange(k, 1)).join(",")})`;
const POWER_AT_BREAKEVEN = `Site_MW*1000*24*365/12*Uptime*Power_Price_kWh*${atBreakeven()}`;
const REVENUE_AT_BREAKEVEN = atBreakeven("btcRun", "price");

/** [quantity, MINER result, plain rebuild, tolerance, how the plain figure is built] */
const CHECKS: [string, string, string, string, string][] = [
  [
    "Cash cost per BTC (USD)",
    "=Cash_Cost_per_BTC",
    "=($B$22*(Power_Price_kWh+Energy_Tax_USD_per_kWh)+Opex_USD_per_TH_Day+SGA_USD_per_TH_Day)/$B$21",
    "money",
    "(power + energy tax + opex + SG&A per TH/s-day) / BTC earned per TH/s-day",
  ],
  [
    "All-in cost per BTC (USD)",
    "=AllIn_Cost_per_BTC",
    "=($B$22*(Power_Price_kWh+Energy_Tax_USD_per_kWh)+Opex_USD_per_TH_Day+SGA_USD_per_TH_Day+Machine_Cost_USD_per_TH/(Machine_Life_Years*365)+Stock_Comp_USD_per_TH_Day)/$B$21",
    "money",
    "cash cost + straight-line depreciation + stock pay, per BTC earned",
  ],
  [
    "Breakdown lines add up to the all-in total (USD)",
    `=${M}${absolute(MINING_CELLS.breakdownAllIn)}`,
    `=SUM(${M}${absolute(MINING_CELLS.breakdownCashLines)})+SUM(${M}${absolute(MINING_CELLS.breakdownOtherLines)})`,
    "money",
    "power + energy tax + opex + SG&A + depreciation + stock pay",
  ],
  [
    "Hashprice (USD per PH/s per day)",
    `=${M}${absolute(MINING_CELLS.hashprice)}`,
    "=$B$20*1000*BTC_Price_USD",
    "money",
    "BTC per TH/s-day × 1,000 × BTC price",
  ],
  [
    "Lease NPV (USD)",
    "=Lease_NPV",
    `=${month0("leaseNet")}+${npv("leaseNet")}`,
    "money",
    "month-0 capex + Excel's NPV of the lease net cash flows at the monthly rate",
  ],
  [
    "Lease IRR (per year)",
    "=Lease_IRR",
    `=(1+IRR(${L}${scheduleRange("leaseNet")},0.01))^12-1`,
    "rate",
    "Excel's IRR of the monthly lease flows, annualised: (1 + IRR)^12 − 1",
  ],
  [
    "Mining NPV (USD)",
    "=Mining_NPV",
    `=${npv("miningNet")}`,
    "money",
    "Excel's NPV of the mining net cash flows at the monthly rate",
  ],
  [
    "Conversion value (USD)",
    "=Conversion_Value",
    `=C${FIRST_CHECK_ROW + 4}-C${FIRST_CHECK_ROW + 6}`,
    "money",
    "plain lease NPV − plain mining NPV",
  ],
  [
    "Breakeven BTC price (USD)",
    `=${L}${absolute(LEASE_CELLS.breakevenPrice)}`,
    `=BTC_Price_USD*(C${FIRST_CHECK_ROW + 4}+${npv("miningOpex")}+${npv("refreshCapex")}+${POWER_AT_BREAKEVEN})/${REVENUE_AT_BREAKEVEN}`,
    "money",
    "price × (lease NPV + PV of opex and capex + PV of power in the months that run at the breakeven) / PV of those months' revenue: revenue scales with the price",
  ],
];

const LAST_CHECK_ROW = FIRST_CHECK_ROW + CHECKS.length - 1;
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
  d.put(
    `A${FIRST_CHECK_ROW}`,
    CHECKS.map(([label, miner, plain, kind, how], i) => {
      const r = FIRST_CHECK_ROW + i;
      return [label, miner, plain, `=B${r}-C${r}`, tolerance(kind, r), `=ABS(D${r})<=E${r}`, how];
    }),
  );
  d.format(`B${FIRST_CHECK_ROW}:C${LAST_CHECK_ROW}`, "result", "#,##0.00");
  d.format(`B${FIRST_CHECK_ROW + 5}:C${FIRST_CHECK_ROW + 5}`, "result", "0.000000%");
  d.format(`D${FIRST_CHECK_ROW}:E${LAST_CHECK_ROW}`, undefined, "0.00E+00");
  d.format(`F${FIRST_CHECK_ROW}:F${LAST_CHECK_ROW}`, "check");
  d.put(
    `A${LAST_CHECK_ROW + 2}`,
    [
      [
        `The monthly schedule covers the horizon (${SCHEDULE_MONTHS} months at most)`,
        `=Horizon_Months<=${SCHEDULE_MONTHS}`,
      ],
    ],
    "check",
  );

  d.put(`A${HELPER_TOP - 1}`, [["Building blocks of the plain figures"]], "section");
  d.put(`A${HELPER_TOP}`, HELPERS);
  d.format(`B${HELPER_TOP}:B${HELPER_TOP + HELPERS.length - 1}`, undefined, "0.000000000000");
  d.width({ A: 290, B: 130, C: 130, D: 90, E: 90, F: 70, G: 480 });
  return d;
}
