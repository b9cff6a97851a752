/**
 * The Treasury sheet's checks on the Reconciliation sheet: each MINER treasury result beside the
 * same quantity built with plain formulas (the Treasury sheet's month-by-month rebuild, and the
 * DAT metrics' definitions written out), the difference, its tolerance and TRUE/FALSE.
 */
import { SheetDraft } from "./draft";
import { absolute } from "./spec";
import {
  FIRST_MONTH_ROW,
  HORIZON,
  monthRange,
  plainColumn,
  TREASURY_CELLS,
  TREASURY_MONTHS,
  Way,
  WAYS,
} from "./treasury-sheet";

const T = "{treasury}!";
const cell = (address: string) => T + absolute(address);
const result = (w: Way, row: number) => `${T}$${w.result}$${row}`;
const plain = (w: Way, key: string) => `${T}${monthRange(plainColumn(w, key))}`;

/**
 * How close is close enough: money to a part in 10^9 (at least a millionth of a dollar); other
 * quantities to a part in 10^9 of their size, with a floor far below anything shown; whole
 * numbers (counts, months) exactly.
 */
export type Tolerance = "money" | "quantity" | "exact";

/** [quantity, MINER result, plain rebuild, tolerance, how the plain figure is built] */
type Check = [string, string, string, Tolerance, string];

function wayChecks(w: Way): Check[] {
  const name = w.label.toLowerCase();
  const firstForced = `IF(COUNTIF(${plain(w, "forced")},">0")=0,0,MINIFS(${T}${monthRange("A")},${plain(w, "forced")},">0"))`;
  return [
    [
      `Treasury, ${name}: BTC held at the end of the horizon`,
      `=${result(w, TREASURY_CELLS.heldAtEnd)}`,
      `=INDEX(${plain(w, "held")},${HORIZON})`,
      "quantity",
      "start + BTC mined − the policy's sales − forced sales, month by month",
    ],
    [
      `Treasury, ${name}: cash at the end of the horizon (USD)`,
      `=${result(w, TREASURY_CELLS.cashAtEnd)}`,
      `=INDEX(${plain(w, "cash")},${HORIZON})`,
      "money",
      "start + sales × price + other income − costs − debt service; held at the floor by forced sales while BTC lasts",
    ],
    [
      `Treasury, ${name}: BTC sold`,
      `=${result(w, TREASURY_CELLS.sold)}`,
      `=SUM(${plain(w, "planned")})+SUM(${plain(w, "forced")})`,
      "quantity",
      "the policy's sales + forced sales, summed",
    ],
    [
      `Treasury, ${name}: first month cash runs out (0 = never)`,
      `=IF(ISNUMBER(${result(w, TREASURY_CELLS.cashRunsOut)}),${result(w, TREASURY_CELLS.cashRunsOut)},0)`,
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
    `=${cell(TREASURY_CELLS.btcPerShare)}`,
    "=Treasury_BTC_Start/Shares_Diluted",
    "quantity",
    "BTC held / assumed diluted shares",
  ],
  [
    "mNAV, enterprise value basis",
    `=${cell(TREASURY_CELLS.mnavEv)}`,
    `=(Shares_Diluted*Share_Price+Debt_USD+Preferred_USD-Treasury_Cash_Start)/${BITCOIN_NAV}`,
    "quantity",
    "(market cap + debt + preferred − cash) / (BTC × BTC price)",
  ],
  [
    "mNAV, market cap basis",
    `=${cell(TREASURY_CELLS.mnavMcap)}`,
    `=Shares_Diluted*Share_Price/${BITCOIN_NAV}`,
    "quantity",
    "market cap / (BTC × BTC price)",
  ],
  [
    "NAV per share (USD)",
    `=${cell(TREASURY_CELLS.navPerShare)}`,
    `=(${BITCOIN_NAV}+Treasury_Cash_Start-Debt_USD-Preferred_USD)/Shares_Diluted`,
    "quantity",
    "(BTC × BTC price + cash − debt − preferred) / shares",
  ],
  [
    "BTC-backed loan LTV",
    `=${cell(TREASURY_CELLS.ltv)}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*BTC_Price_USD)",
    "quantity",
    "loan / (BTC pledged × BTC price)",
  ],
  [
    "Margin-call price (USD)",
    `=${cell(TREASURY_CELLS.marginCallPrice)}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*Margin_Call_LTV)",
    "money",
    "loan / (BTC pledged × margin-call LTV)",
  ],
  [
    "Liquidation price (USD)",
    `=${cell(TREASURY_CELLS.liquidationPrice)}`,
    "=BTC_Loan_USD/(BTC_Loan_Collateral_BTC*Liquidation_LTV)",
    "money",
    "loan / (BTC pledged × liquidation LTV)",
  ],
  [
    "BTC Yield, first 12 months, mining only",
    `=${result(WAYS.miningOnly, TREASURY_CELLS.btcYield)}`,
    yieldPlain(WAYS.miningOnly),
    "quantity",
    "(rebuilt BTC held at month 12 / shares then) / (BTC / shares at the start) − 1",
  ],
  [
    "BTC Yield, first 12 months, mining + lease",
    `=${result(WAYS.withLease, TREASURY_CELLS.btcYield)}`,
    yieldPlain(WAYS.withLease),
    "quantity",
    "the same, mining + lease",
  ],
  [
    "Runway, mining only (months)",
    `=${cell(TREASURY_CELLS.runway)}`,
    `=(Treasury_Cash_Start+${BITCOIN_NAV})/(${T}$${WAYS.miningOnly.costs}$${FIRST_MONTH_ROW}+${T}$${WAYS.miningOnly.debt}$${FIRST_MONTH_ROW})`,
    "quantity",
    "(cash + BTC × BTC price) / (month 1's cash costs + interest)",
  ],
];

/** Every treasury check, in the order written. */
export const TREASURY_CHECKS: Check[] = [...wayChecks(WAYS.miningOnly), ...wayChecks(WAYS.withLease), ...DAT_CHECKS];

function tolerance(kind: Tolerance, row: number): string | number {
  if (kind === "exact") return 0;
  return kind === "money"
    ? `=MAX(0.000001,0.000000001*ABS(B${row}))`
    : `=MAX(0.000000000000001,0.000000001*ABS(B${row}))`;
}

/** Writes the checks from row `top` (a section title, a header, then one row each); returns the check rows. */
export function treasuryChecks(d: SheetDraft, top: number): { first: number; last: number } {
  d.put(`A${top}`, [["The Treasury sheet: MINER's treasury functions against plain formulas"]], "section");
  const first = top + 2;
  const last = first + TREASURY_CHECKS.length - 1;
  d.put(
    `A${top + 1}`,
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
    `A${first}`,
    TREASURY_CHECKS.map(([label, miner, plainFigure, kind, how], i) => {
      const r = first + i;
      return [label, miner, plainFigure, `=B${r}-C${r}`, tolerance(kind, r), `=ABS(D${r})<=E${r}`, how];
    }),
  );
  d.format(`B${first}:C${last}`, "result", "#,##0.00######");
  d.format(`D${first}:E${last}`, undefined, "0.00E+00");
  d.format(`F${first}:F${last}`, "check");
  return { first, last };
}
