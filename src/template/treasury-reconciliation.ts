/**
 * The Treasury sheet's checks, for the Reconciliation sheet: each MINER treasury result beside the
 * same quantity built with plain formulas (the Treasury sheet's month-by-month rebuild, and the
 * DAT metrics' definitions written out).
 */
import { Check } from "./check-table";
import { absolute } from "./spec";
import {
  FIRST_MONTH_ROW,
  HORIZON,
  MONTH_COLUMN,
  monthRange,
  plainColumn,
  PlainKey,
  TREASURY_DAT,
  TREASURY_MONTHS,
  TREASURY_RESULTS,
  Way,
  WAYS,
} from "./treasury-sheet";

const T = "{treasury}!";
/** A DAT metric of the Treasury sheet. */
const dat = (key: (typeof TREASURY_DAT.rows.keys)[number]) => T + absolute(TREASURY_DAT.cell(key));
/** A result of the Treasury sheet for one way. */
const result = (w: Way, key: (typeof TREASURY_RESULTS.rows.keys)[number]) =>
  T + absolute(TREASURY_RESULTS.cell(key, w.column));
const plain = (w: Way, key: PlainKey) => `${T}${monthRange(plainColumn(w, key))}`;

function wayChecks(w: Way): Check[] {
  const name = w.label.toLowerCase();
  const firstForced = `IF(COUNTIF(${plain(w, "forced")},">0")=0,0,MINIFS(${T}${monthRange(MONTH_COLUMN)},${plain(w, "forced")},">0"))`;
  return [
    [
      `Treasury, ${name}: BTC held at the end of the horizon`,
      `=${result(w, "heldAtEnd")}`,
      `=INDEX(${plain(w, "held")},${HORIZON})`,
      "quantity",
      "start + BTC mined − the policy's sales − forced sales, month by month",
    ],
    [
      `Treasury, ${name}: cash at the end of the horizon (USD)`,
      `=${result(w, "cashAtEnd")}`,
      `=INDEX(${plain(w, "cash")},${HORIZON})`,
      "money",
      "start + sales × price + other income − costs − debt service; held at the floor by forced sales while BTC lasts",
    ],
    [
      `Treasury, ${name}: BTC sold`,
      `=${result(w, "sold")}`,
      `=SUM(${plain(w, "planned")})+SUM(${plain(w, "forced")})`,
      "quantity",
      "the policy's sales + forced sales, summed",
    ],
    [
      `Treasury, ${name}: first month cash runs out (0 = never)`,
      `=IF(ISNUMBER(${result(w, "cashRunsOut")}),${result(w, "cashRunsOut")},0)`,
      `=${firstForced}`,
      "exact",
      "the first month of the rebuild with a forced sale",
    ],
    [
      `Treasury, ${name}: months whose BTC held, sold, cash and insolvency match`,
      `=SUM(${plain(w, "matches")})`,
      `=ROWS(${plain(w, "matches")})`,
      "exact",
      `every one of the ${TREASURY_MONTHS} months of MINER.TREASURYCASHFLOWS against the rebuild beside it`,
    ],
  ];
}

const BITCOIN_NAV = "(Treasury_BTC_Start*BTC_Price_USD)";
const yieldPlain = (w: Way) =>
  `=(INDEX(${plain(w, "held")},12)/Shares_Diluted_in_12_Months)/(Treasury_BTC_Start/Shares_Diluted)-1`;

const DAT_CHECKS: Check[] = [
  [
    "BTC per share",
    `=${dat("btcPerShare")}`,
    "=Treasury_BTC_Start/Shares_Diluted",
    "quantity",
    "BTC held / assumed diluted shares",
  ],
  [
    "mNAV, enterprise value basis",
    `=${dat("mnavEv")}`,
    `=(Shares_Diluted*Share_Price+Debt_USD+Preferred_USD-Treasury_Cash_Start)/${BITCOIN_NAV}`,
    "quantity",
    "(market cap + debt + preferred − cash) / (BTC × BTC price)",
  ],
  [
    "mNAV, market cap basis",
    `=${dat("mnavMcap")}`,
    `=Shares_Diluted*Share_Price/${BITCOIN_NAV}`,
    "quantity",
    "market cap / (BTC × BTC price)",
  ],
  [
    "NAV per share (USD)",
    `=${dat("navPerShare")}`,
    `=(${BITCOIN_NAV}+Treasury_Cash_Start-Debt_USD-Preferred_USD)/Shares_Diluted`,
    "quantity",
    "(BTC × BTC price + cash − debt − preferred) / shares",
  ],
  [
    "BTC-backed loan LTV",
    `=${dat("ltv")}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*BTC_Price_USD)",
    "quantity",
    "loan / (BTC pledged × BTC price)",
  ],
  [
    "Margin-call price (USD)",
    `=${dat("marginCallPrice")}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*Margin_Call_LTV)",
    "money",
    "loan / (BTC pledged × margin-call LTV)",
  ],
  [
    "Liquidation price (USD)",
    `=${dat("liquidationPrice")}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*Liquidation_LTV)",
    "money",
    "loan / (BTC pledged × liquidation LTV)",
  ],
  [
    "BTC Yield, first 12 months, mining only",
    `=${result(WAYS.miningOnly, "btcYield")}`,
    yieldPlain(WAYS.miningOnly),
    "quantity",
    "(rebuilt BTC held at month 12 / shares then) / (BTC / shares at the start) − 1",
  ],
  [
    "BTC Yield, first 12 months, mining + lease",
    `=${result(WAYS.withLease, "btcYield")}`,
    yieldPlain(WAYS.withLease),
    "quantity",
    "the same, mining + lease",
  ],
  [
    "Runway, mining only (months)",
    `=${dat("runway")}`,
    `=(Treasury_Cash_Start+${BITCOIN_NAV})/(${T}$${WAYS.miningOnly.costs}$${FIRST_MONTH_ROW}+${T}$${WAYS.miningOnly.debt}$${FIRST_MONTH_ROW})`,
    "quantity",
    "(cash + BTC × BTC price) / (month 1's cash costs + interest)",
  ],
];

/** Every treasury check, in the order written. */
export const TREASURY_CHECKS: Check[] = [...wayChecks(WAYS.miningOnly), ...wayChecks(WAYS.withLease), ...DAT_CHECKS];
