/**
 * The After tax & financing sheet's checks, for the Reconciliation sheet: each after-tax value and
 * each debt figure beside the same quantity built with plain formulas (the sheet's yearly rebuild of
 * the tax, the debt's present value, Excel's own IRR).
 */
import {
  afterTaxRange,
  discountRange,
  FINANCING,
  monthRange,
  MonthKey,
  RESULTS,
  Use,
  YearKey,
  yearRange,
} from "./after-tax-sheet";
import { Check } from "./check-table";
import { absolute } from "./spec";

const A = "{afterTax}!";
const result = (key: (typeof RESULTS.rows.keys)[number], column: number) =>
  `=${A}${absolute(RESULTS.cell(key, column))}`;
const financing = (key: (typeof FINANCING.rows.keys)[number]) => `${A}${absolute(FINANCING.cell(key))}`;
/** AFTERTAXCASHFLOWS' after-tax column (offset 3). */
const AFTER_TAX = 3;

/** A use's pre-tax flows, its yearly plain tax, and their discount factors. */
const PLAIN: Record<Use, { pre: MonthKey; tax: YearKey; yearDf: YearKey }> = {
  mining: { pre: "miningPre", tax: "miningTax", yearDf: "df" },
  convert: { pre: "convertPre", tax: "convertTax", yearDf: "leaseDf" },
  gpu: { pre: "gpuPre", tax: "gpuTax", yearDf: "df" },
  financed: { pre: "financedPre", tax: "financedTax", yearDf: "leaseDf" },
};

/** The after-tax NPV from the plain yearly tax: the pre-tax flows' PV less each year's tax at the year's end. */
function npvCheck(label: string, use: Use, miner: string): Check {
  const p = PLAIN[use];
  return [
    `After tax, ${label}: NPV (USD)`,
    miner,
    `=SUMPRODUCT(${A}${monthRange(p.pre)},${discountRange(use)})-SUMPRODUCT(${A}${yearRange(p.tax)},${A}${yearRange(p.yearDf)})`,
    "money",
    "the pre-tax flows' PV less each year's tax (plain: Tax_Rate × the year's flows, capex added back, less its deductions; NOL carried) at the year's last month",
  ];
}

/** Excel's IRR of a monthly column, annualised; 0 when it has none (as the MINER figure then reads). */
const irr = (range: string) => `=IFERROR((1+IRR(${A}${range},0.01))^12-1,0)`;
/** A MINER IRR the sheet shows, or 0 when it shows "none". */
const minerIrr = (cell: string) => `=IF(ISNUMBER(${cell}),${cell},0)`;

export const AFTER_TAX_CHECKS: Check[] = [
  npvCheck("mining", "mining", result("afterTaxNpv", 0)),
  npvCheck("converting", "convert", result("afterTaxNpv", 1)),
  npvCheck("GPU cloud", "gpu", result("afterTaxNpv", 2)),
  npvCheck(
    "the lease financed (interest deducted)",
    "financed",
    `=SUMPRODUCT(${A}${afterTaxRange("financed", AFTER_TAX)},${discountRange("financed")})`,
  ),
  [
    "After tax, converting: IRR (per year)",
    minerIrr(`${A}${absolute(RESULTS.cell("afterTaxIrr", 1))}`),
    irr(afterTaxRange("convert", AFTER_TAX)),
    "rate",
    "Excel's IRR of the after-tax flows, months 0–360, as (1 + monthly)^12 − 1 (0 on both sides when there is none)",
  ],
  [
    "After tax, GPU cloud: IRR (per year)",
    minerIrr(`${A}${absolute(RESULTS.cell("afterTaxIrr", 2))}`),
    irr(afterTaxRange("gpu", AFTER_TAX)),
    "rate",
    "Excel's IRR of the after-tax flows, months 0–360",
  ],
  [
    "The lease's debt capacity at Min_DSCR (USD)",
    `=${financing("capacity")}`,
    `=SUMPRODUCT(${A}${monthRange("leaseCfads", 1)},${A}${monthRange("debtPv", 1)})/Min_DSCR`,
    "money",
    "Σ NOI ÷ Min_DSCR × (1 + debt rate)^(−m/12) over months 1 to Debt_Tenor_Months",
  ],
  [
    "Mining's debt capacity at Min_DSCR (USD)",
    `=${A}${absolute(FINANCING.cell("capacity", 1))}`,
    `=SUMPRODUCT(${A}${monthRange("miningCfads", 1)},${A}${monthRange("debtPv", 1)})/Min_DSCR`,
    "money",
    "Σ positive monthly cash ÷ Min_DSCR × (1 + debt rate)^(−m/12) over the tenor",
  ],
  [
    "The lease's loan (USD)",
    `=${financing("loan")}`,
    (plainOf) =>
      `=MIN(${plainOf("The lease's debt capacity at Min_DSCR (USD)")},Project_Loan_to_Cost*SUM(${A}${monthRange("convertCapex")}))`,
    "money",
    "the capacity, at most Project_Loan_to_Cost × the conversion capex",
  ],
  [
    "The financed lease's equity IRR (per year)",
    minerIrr(financing("equityIrr")),
    irr(monthRange("equity")),
    "rate",
    "Excel's IRR of the equity's flows: the loan less the capex at month 0, then after-tax cash less LOANSCHEDULE's payments",
  ],
  [
    "The lease unlevered, capex at month 0: IRR (per year)",
    minerIrr(financing("unleveredIrr")),
    irr(monthRange("unlevered")),
    "rate",
    "Excel's IRR of the same flows without the loan",
  ],
];
