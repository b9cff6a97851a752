/**
 * The Treasury sheet: the balance sheet of the same site run two ways, month by month, with
 * MINER.TREASURYCASHFLOWS, and the company's treasury (DAT) metrics from visible inputs.
 *
 * - Mining only: the whole site mined as on Lease vs Mine (BTC mined; power, energy tax, opex and
 *   refresh capex paid; the fleet's salvage received at the end of the horizon).
 * - Mining + lease: Lease_Share_of_Site of the same site converted and leased on the Lease vs Mine
 *   terms (its phases, rent timing, capex timing and exit value: the schedule's lease columns scaled
 *   by that share), the rest mined (mining scaled by the rest: every mining flow is proportional to
 *   the MW mined). Lease vs Mine's month 0 falls in the treasury's month 1 (the treasury starts at
 *   month 1; its flows are at month ends).
 * - The leased share's capex is financed as drawn: each month's draw is Project_Loan_to_Cost from a
 *   project loan (Hut 8's River Bend financing went to 85%) and the rest paid in cash that month.
 *   The loan accrues Project_Loan_Rate / 12 a month, capitalised, until the first month with lease
 *   revenue; from then on each month pays PMT over the months left in the repayment window (first
 *   rent month + the lease term), so a level payment that is recast when a later hall draws; after
 *   the window nothing is owed (a draw in or after the window's last month is paid in cash).
 * - Both pay the BTC-backed loan's interest (interest only, rolled over) in every month of the
 *   horizon, and follow the same policy, cash floor and starting balance.
 *
 * The schedules run over the whole Lease vs Mine schedule (months 1 to 360): past the horizon
 * nothing is mined, leased or paid, so totals are the horizon's. A plain-formula rebuild of both
 * schedules sits beside them; the Reconciliation sheet compares it with MINER's, month by month.
 */
import { minerCall, SheetDraft } from "./draft";
import { SCHEDULE_COLUMN, SCHEDULE_FIRST_ROW, SCHEDULE_MONTHS } from "./lease-sheet";
import { absolute, columnIndex, columnLetters } from "./spec";

const USD = "#,##0";
const BTC = "#,##0.00";

/** Months the treasury runs: the whole Lease vs Mine schedule, so it covers any horizon that does. */
export const TREASURY_MONTHS = SCHEDULE_MONTHS;
export const MONTH_HEADER_ROW = 55;
export const FIRST_MONTH_ROW = MONTH_HEADER_ROW + 1;
export const LAST_MONTH_ROW = MONTH_HEADER_ROW + TREASURY_MONTHS;

/** Column of each monthly input (plain formulas on the Lease vs Mine schedule), by key. */
const INPUT_COLUMNS = {
  month: "A",
  price: "B",
  minedMiningOnly: "C",
  costsMiningOnly: "D",
  debtMiningOnly: "E",
  minedWithLease: "F",
  costsWithLease: "G",
  incomeWithLease: "H",
  debtWithLease: "I",
};

/**
 * The by-month flows right of the plain rebuilds, in plain formulas on Lease vs Mine: the mining
 * fleet's salvage, the leased share's lease and its project loan. Keys in order from column AT.
 */
const FLOWS = ["salvage", "leaseRevenue", "leaseOpex", "leaseExit", "capex", "draw", "equity", "payment", "balance"];
const FLOWS_FIRST = "AT";

/** The two ways the site is run: where their inputs and MINER's schedule sit. */
export const WAYS = {
  miningOnly: {
    label: "Mining only",
    mined: INPUT_COLUMNS.minedMiningOnly,
    costs: INPUT_COLUMNS.costsMiningOnly,
    income: FLOWS_FIRST as string | undefined, // the fleet's salvage, the first flow column
    debt: INPUT_COLUMNS.debtMiningOnly,
    /** Top-left of MINER.TREASURYCASHFLOWS' spill (its header row). */
    spill: "K",
    /** First column of the plain rebuild. */
    plain: "AG",
    /** Column of the results block. */
    result: "B",
  },
  withLease: {
    label: "Mining + lease",
    mined: INPUT_COLUMNS.minedWithLease,
    costs: INPUT_COLUMNS.costsWithLease,
    income: INPUT_COLUMNS.incomeWithLease as string | undefined,
    debt: INPUT_COLUMNS.debtWithLease,
    spill: "V",
    plain: "AM",
    result: "C",
  },
};
export type Way = (typeof WAYS)[keyof typeof WAYS];

/** MINER.TREASURYCASHFLOWS' columns, in its order (src/functions/treasury.ts). */
const SPILL = ["month", "price", "mined", "sold", "held", "cashIn", "cashOut", "cash", "forced", "insolvent"];
/** The plain rebuild's columns for one way, in order. */
const PLAIN = ["planned", "before", "forced", "held", "cash", "matches"];

const offset = (col: string, by: number) => columnLetters(columnIndex(col) + by);
/** Column letter of MINER's schedule column `key` for a way. */
export const spillColumn = (w: Way, key: string) => offset(w.spill, SPILL.indexOf(key));
/** Column letter of the plain rebuild's column `key` for a way. */
export const plainColumn = (w: Way, key: string) => offset(w.plain, PLAIN.indexOf(key));
/** Column letter of the by-month flow `key` (the lease of the leased share, its project loan, salvage). */
export const flowColumn = (key: string) => offset(FLOWS_FIRST, FLOWS.indexOf(key));
/** "$O$56:$O$415": a monthly column over months 1 to 360. */
export const monthRange = (col: string) => `$${col}$${FIRST_MONTH_ROW}:$${col}$${LAST_MONTH_ROW}`;

/** The last month of the horizon the schedules show (a longer horizon is flagged by the Reconciliation's coverage check). */
export const HORIZON = `MIN(Horizon_Months,${TREASURY_MONTHS})`;

/** Cells other sheets (and the tests) read. */
export const TREASURY_CELLS = {
  results: "A4:D16",
  heldAfter12: 6,
  heldAtEnd: 7,
  cashAtEnd: 8,
  mined: 9,
  sold: 10,
  forced: 11,
  soldToMined: 12,
  cashRunsOut: 13,
  insolvent: 14,
  btcYield: 15,
  btcGain: 16,
  leasedCapex: "B22",
  equity: "B23",
  loanDrawn: "B24",
  firstRentMonth: "B25",
  windowEnd: "B26",
  loanAtFirstRent: "B27",
  loanPayment: "B28",
  loanPaid: "B29",
  btcLoanInterest: "B30",
  btcPerShare: "G5",
  mnavEv: "G7",
  mnavMcap: "G8",
  navPerShare: "G9",
  ltv: "G10",
  marginCallPrice: "G11",
  liquidationPrice: "G12",
  runway: "G13",
};

const L = "{leaseVsMine}!";
/** The Lease vs Mine schedule's cell of column `key` in month m. */
const schedule = (key: string, m: number) => `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + m}`;
/** A lease column in treasury month m: month 1 also takes Lease vs Mine's month 0 (capex at month 0, rent in advance). */
const leaseFlow = (key: string, m: number) =>
  m === 1 ? `SUM(${schedule(key, 0)}:$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + 1})` : schedule(key, m);
const FIRST_RENT = absolute(TREASURY_CELLS.firstRentMonth);
const WINDOW_END = absolute(TREASURY_CELLS.windowEnd);

/** The monthly inputs of both ways, row for month m. */
function inputRow(m: number): (string | number)[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const c = INPUT_COLUMNS;
  const f = (key: string) => `${flowColumn(key)}${r}`;
  const share = "Lease_Share_of_Site";
  return [
    `=${schedule("month", m)}`,
    `=${schedule("price", m)}`,
    `=${schedule("btcMined", m)}`,
    // every cash cost of mining: power, energy tax, site opex, refresh capex (salvage is income)
    `=${["powerCost", "energyTax", "miningOpex", "refreshCapex"].map((k) => schedule(k, m)).join("+")}`,
    `=IF(${c.month}${r}<=Horizon_Months,${absolute(TREASURY_CELLS.btcLoanInterest)},0)`,
    `=${c.minedMiningOnly}${r}*(1-${share})`,
    `=${c.costsMiningOnly}${r}*(1-${share})`,
    `=${f("salvage")}*(1-${share})+${f("leaseRevenue")}-${f("leaseOpex")}+${f("leaseExit")}-${f("equity")}`,
    `=${c.debtMiningOnly}${r}+${f("payment")}`,
  ];
}

/**
 * The by-month flows of month m: the fleet's salvage, the leased share's lease, and its project
 * loan (draw, cash part, payment, balance at the month's end).
 */
function flowRow(m: number): string[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const month = `${INPUT_COLUMNS.month}${r}`;
  const f = (key: string) => `${flowColumn(key)}${r}`;
  const lease = (key: string) => `=Lease_Share_of_Site*${leaseFlow(key, m)}`;
  const before = `${flowColumn("balance")}${r - 1}`;
  return [
    `=${schedule("salvage", m)}`,
    lease("leaseRevenue"),
    lease("leaseOpex"),
    lease("leaseExit"),
    lease("leaseCapex"),
    // Lent Project_Loan_to_Cost of the draw, unless the repayment window ends this month or has ended.
    `=IF(${month}<${WINDOW_END},Project_Loan_to_Cost*${f("capex")},0)`,
    `=${f("capex")}-${f("draw")}`,
    // From the first rent month: the level payment over the months left in the window, recast each month.
    m === 1
      ? "=0" // nothing owed yet
      : `=IF(AND(${month}>=${FIRST_RENT},${month}<=${WINDOW_END}),PMT(Project_Loan_Rate/12,${WINDOW_END}-${month}+1,-${before}),0)`,
    m === 1
      ? `=${f("draw")}`
      : `=IF(${month}>=${WINDOW_END},0,${before}*(1+Project_Loan_Rate/12)-${f("payment")}+${f("draw")})`,
  ];
}

/** MINER.TREASURYCASHFLOWS for one way, its arguments in the registered order. */
function treasuryCall(w: Way): string {
  const args: Record<string, string> = {
    cash: "Treasury_Cash_Start",
    btc: "Treasury_BTC_Start",
    months: `ROWS(${monthRange(INPUT_COLUMNS.month)})`,
    btc_mined: monthRange(w.mined),
    btc_price: monthRange(INPUT_COLUMNS.price),
    cash_costs: monthRange(w.costs),
    policy: "Treasury_Policy",
    btc_price_growth_monthly: "0", // the price column already grows
    other_income: w.income ? monthRange(w.income) : "0",
    debt_service: monthRange(w.debt),
    sell_fraction: "Treasury_Sell_Fraction",
    min_cash: "Treasury_Min_Cash",
  };
  return `=${minerCall("TREASURYCASHFLOWS", (p) => args[p])}`;
}

/**
 * The plain rebuild of one way's month m, from the issue's rules: the policy's sale, then BTC sold
 * beyond it only to bring cash back to the floor (all of it when that is not enough).
 */
function plainRow(w: Way, m: number): string[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const at = (key: string) => `${plainColumn(w, key)}${r}`;
  const heldBefore = m === 1 ? "Treasury_BTC_Start" : `${plainColumn(w, "held")}${r - 1}`;
  const cashBefore = m === 1 ? "Treasury_Cash_Start" : `${plainColumn(w, "cash")}${r - 1}`;
  const mined = `${w.mined}${r}`;
  const price = `${INPUT_COLUMNS.price}${r}`;
  const income = w.income ? `${w.income}${r}` : undefined;
  const flows = `${income ? `+${income}` : ""}-${w.costs}${r}-${w.debt}${r}`;
  const available = `(${heldBefore}+${mined}-${at("planned")})`;
  const policy = "UPPER(TRIM(Treasury_Policy))";
  const miner = (key: string) => `${spillColumn(w, key)}${r}`;
  // Tolerances: a part in 10^9 of what the month adds up (doubles carry ~16 digits).
  const btcScale = `(0.000000001*(${heldBefore}+${mined})+0.000000000001)`;
  const cashScale = `(0.000000001*(ABS(${cashBefore})${income ? `+ABS(${income})` : ""}+${w.costs}${r}+${w.debt}${r}+(${at("planned")}+${at("forced")})*${price})+0.000001)`;
  return [
    `=IF(${policy}="SELLALL",${mined},IF(${policy}="SELLPCT",${mined}*Treasury_Sell_Fraction,0))`,
    `=${cashBefore}+${at("planned")}*${price}${flows}`,
    `=IF(AND(${at("before")}<Treasury_Min_Cash,${available}>0),MIN(${available},(Treasury_Min_Cash-${at("before")})/${price}),0)`,
    `=${heldBefore}+${mined}-${at("planned")}-${at("forced")}`,
    `=IF(${at("forced")}=0,${at("before")},IF((Treasury_Min_Cash-${at("before")})/${price}<=${available},Treasury_Min_Cash,${at("before")}+${at("forced")}*${price}))`,
    `=IF(AND(ABS(${miner("held")}-${at("held")})<=${btcScale},ABS(${miner("sold")}-${at("planned")}-${at("forced")})<=${btcScale},ABS(${miner("cash")}-${at("cash")})<=${cashScale},${miner("insolvent")}=IF(AND(${at("held")}<=0,${at("cash")}<Treasury_Min_Cash),1,0)),1,0)`,
  ];
}

export function treasurySheet(): SheetDraft {
  const d = new SheetDraft("treasury");
  d.heading(
    "Treasury: the balance sheet of the same site, mined or partly leased",
    "Cash and BTC month by month under the selling policy on the Assumptions (MINER.TREASURYCASHFLOWS), for the site of Lease vs Mine run two ways, and the company's treasury (DAT) metrics today. Flows at month ends; BTC at each month's price.",
  );
  results(d);
  financing(d);
  datMetrics(d);
  charts(d);
  months(d);
  d.width({ A: 330, B: 120, C: 120, D: 110, F: 380, G: 120, H: 130 });
  return d;
}

function results(d: SheetDraft): void {
  d.put("A3", [["Results over the horizon (Lease vs Mine: the last phase's build + the lease term)"]], "section");
  d.put("A4", [["", WAYS.miningOnly.label, WAYS.withLease.label, "Unit"]], "header");
  const each = (f: (w: Way) => string) => [f(WAYS.miningOnly), f(WAYS.withLease)];
  const sum = (key: string) => (w: Way) => `=SUM(${monthRange(spillColumn(w, key))})`;
  const firstMonth = (key: string, test: string) => (w: Way) => {
    const col = monthRange(spillColumn(w, key));
    return `=IF(COUNTIF(${col},"${test}")=0,"never",MINIFS(${monthRange(spillColumn(w, "month"))},${col},"${test}"))`;
  };
  const atMonth = (key: string, month: string) => (w: Way) => `=INDEX(${monthRange(spillColumn(w, key))},${month})`;
  const yieldCall = (id: "BTCYIELD" | "BTCGAIN") => (w: Way) =>
    `=${minerCall(id, (p) => ({ btc_start: "Treasury_BTC_Start", shares_start: "Shares_Diluted", btc_end: `${w.result}6`, shares_end: "Shares_Diluted_in_12_Months" })[p])}`;
  const rows: [string, string[], string][] = [
    ["BTC held at the start", each(() => "=Treasury_BTC_Start"), "BTC"],
    ["BTC held after 12 months", each(atMonth("held", "12")), "BTC"],
    ["BTC held at the end of the horizon", each(atMonth("held", HORIZON)), "BTC"],
    ["Cash at the end of the horizon", each(atMonth("cash", HORIZON)), "USD"],
    ["BTC mined", each(sum("mined")), "BTC"],
    ["BTC sold", each(sum("sold")), "BTC"],
    ["  of which beyond the policy, to keep the cash floor (forced)", each(sum("forced")), "BTC"],
    [
      "Sold / mined (the liquidation-to-production ratio)",
      each((w) => `=IF(${w.result}9=0,"n/a",${w.result}10/${w.result}9)`),
      "ratio",
    ],
    ["Cash runs out: first month BTC is sold to keep the cash floor", each(firstMonth("forced", ">0")), "month"],
    ["Insolvent: first month with no BTC left and cash below the floor", each(firstMonth("insolvent", "=1")), "month"],
    ["BTC Yield over the first 12 months (MINER.BTCYIELD)", each(yieldCall("BTCYIELD")), "rate"],
    ["BTC Gain over the first 12 months (MINER.BTCGAIN)", each(yieldCall("BTCGAIN")), "BTC"],
  ];
  d.put(
    "A5",
    rows.map(([label, cells, unit]) => [label, ...cells, unit]),
  );
  d.format("B5:C7", "result", BTC);
  d.format("B8:C8", "result", USD);
  d.format("B9:C11", "result", BTC);
  d.format("B12:C12", "result", "0.00");
  d.format("B13:C14", "result", "0");
  d.format("B15:C15", "result", "0.00%");
  d.format("B16:C16", "result", BTC);
  d.put(
    "A17",
    [
      [
        "Mining only: the whole site mined as on Lease vs Mine. Mining + lease: Lease_Share_of_Site of the same site converted and leased on the Lease vs Mine terms, the rest mined. Both pay the BTC-backed loan's interest; pledged BTC is part of the BTC held and is not ring-fenced.",
      ],
    ],
    "note",
  );
}

function financing(d: SheetDraft): void {
  d.put(
    "A19",
    [
      [
        `Mining + lease: the leased share and its financing (month by month from column ${FLOWS_FIRST}, row ${MONTH_HEADER_ROW})`,
      ],
    ],
    "section",
  );
  const total = (key: string) => `=SUM(${monthRange(flowColumn(key))})`;
  const months = TREASURY_MONTHS;
  const revenue = `${L}$${SCHEDULE_COLUMN.leaseRevenue}$${SCHEDULE_FIRST_ROW}:$${SCHEDULE_COLUMN.leaseRevenue}$${SCHEDULE_FIRST_ROW + months}`;
  const scheduleMonth = `${L}$${SCHEDULE_COLUMN.month}$${SCHEDULE_FIRST_ROW}:$${SCHEDULE_COLUMN.month}$${SCHEDULE_FIRST_ROW + months}`;
  const atFirstRent = (key: string) => `INDEX(${monthRange(flowColumn(key))},${FIRST_RENT})`;
  const noRent = `${FIRST_RENT}>${months}`;
  d.put("A21", [
    [
      "Critical IT MW leased (the share of the phases on Lease vs Mine)",
      "=Lease_Share_of_Site*Leased_Critical_IT_MW",
      "MW",
    ],
    [
      "Conversion capex of the leased share, all halls (Lease vs Mine's month 0 paid in month 1)",
      total("capex"),
      "USD",
    ],
    ["  paid from the treasury as it is drawn (equity)", total("equity"), "USD"],
    ["  drawn on the project loan (Project_Loan_to_Cost of each month's draw)", total("draw"), "USD"],
    [
      "First rent month (the first month with lease revenue)",
      `=IF(COUNTIF(${revenue},">0")=0,${months + 1},MAX(1,MINIFS(${scheduleMonth},${revenue},">0")))`,
      "month",
    ],
    [
      "Last month of the repayment window (first rent month + lease term − 1)",
      `=${FIRST_RENT}+Lease_Term_Months-1`,
      "month",
    ],
    [
      "Project loan in the first rent month: with that month's interest and draw, before its payment",
      `=IF(${noRent},"no rent",${atFirstRent("balance")}+${atFirstRent("payment")})`,
      "USD",
    ],
    [
      "Project loan payment in the first rent month (level; recast when a later hall draws)",
      `=IF(${noRent},"no rent",${atFirstRent("payment")})`,
      "USD per month",
    ],
    ["Paid on the project loan over the window (drawn + interest)", total("payment"), "USD"],
    [
      "BTC-backed loan interest, each month of the horizon (both ways)",
      "=BTC_Loan_USD*BTC_Loan_Rate/12",
      "USD per month",
    ],
  ]);
  d.format("B21", "result", "#,##0.0");
  d.format("B22:B24", "result", USD);
  d.format("B25:B26", "result", "0");
  d.format("B27:B30", "result", USD);
  d.put(
    "A31",
    [
      [
        "Project loan: each month's capex draw of the leased share is Project_Loan_to_Cost lent and the rest paid in cash that month. The balance accrues Project_Loan_Rate/12 a month (capitalised) until the first rent month; from then each month pays PMT over the months left in the window (first rent month + the lease term), so a level payment, recast when a later hall draws; after the window nothing is owed (capex drawn in or after its last month is paid in cash).",
      ],
    ],
    "note",
  );
}

function datMetrics(d: SheetDraft): void {
  d.put("F3", [["Treasury (DAT) metrics today, at the BTC price on the Assumptions"]], "section");
  d.put("F4", [["Metric", "Value", "Unit"]], "header");
  const company = {
    share_price: "Share_Price",
    shares: "Shares_Diluted",
    btc: "Treasury_BTC_Start",
    btc_price: "BTC_Price_USD",
    debt: "Debt_USD",
    preferred: "Preferred_USD",
    cash: "Treasury_Cash_Start",
    loan: "BTC_Loan_USD",
    collateral_btc: "BTC_Loan_Collateral_BTC",
  } as Record<string, string>;
  const call = (id: Parameters<typeof minerCall>[0], extra: Record<string, string> = {}) =>
    `=${minerCall(id, (p) => extra[p] ?? company[p])}`;
  const firstMonthBurn = `${WAYS.miningOnly.costs}${FIRST_MONTH_ROW}+${WAYS.miningOnly.debt}${FIRST_MONTH_ROW}`;
  d.put("F5", [
    ["BTC per share (assumed diluted shares)", call("BTCPERSHARE"), "BTC per share"],
    ["Sats per share", "=G5*100000000", "sats per share"],
    ["mNAV, enterprise value basis (Strategy since mid-2025)", call("MNAV", { basis: '"EV"' }), "× Bitcoin NAV"],
    ["mNAV, market cap basis", call("MNAV", { basis: '"MCAP"' }), "× Bitcoin NAV"],
    ["NAV per share", call("NAVPERSHARE"), "USD per share"],
    ["BTC-backed loan: loan-to-value", call("LTV"), "fraction"],
    [
      "Margin-call price, at Margin_Call_LTV (75%: market convention, not contract terms)",
      call("LTVPRICE", { ltv: "Margin_Call_LTV" }),
      "USD per BTC",
    ],
    [
      "Liquidation price, at Liquidation_LTV (85%: market convention, not contract terms)",
      call("LTVPRICE", { ltv: "Liquidation_LTV" }),
      "USD per BTC",
    ],
    [
      "Runway, mining only: cash and BTC held at today's price (no haircut) over month 1's cash costs and interest",
      call("RUNWAYMONTHS", { monthly_burn: firstMonthBurn, haircut: "0" }),
      "months",
    ],
  ]);
  d.format("G5", "result", "0.00000000");
  d.format("G6", "result", "#,##0");
  d.format("G7:G8", "result", "0.00");
  d.format("G9", "result", "#,##0.00");
  d.format("G10", "result", "0.0%");
  d.format("G11:G12", "result", USD);
  d.format("G13", "result", "0.0");
}

const YEARS = TREASURY_MONTHS / 12;
const CHART_TOP = 19;

/** Year-end BTC held and cash of both ways, from MINER's schedules: the charts' data. */
function charts(d: SheetDraft): void {
  d.put(`F${CHART_TOP - 1}`, [["At each year end, for the charts (year 0 = the start)"]], "section");
  d.put(
    `F${CHART_TOP}`,
    [["Year", "BTC held, mining only", "BTC held, mining + lease", "Cash, mining only", "Cash, mining + lease"]],
    "header",
  );
  const rows = Array.from({ length: YEARS + 1 }, (_, y) => {
    const r = CHART_TOP + 1 + y;
    const end = (w: Way, key: string) => `=INDEX(${monthRange(spillColumn(w, key))},F${r}*12)`;
    return y === 0
      ? [0, "=Treasury_BTC_Start", "=Treasury_BTC_Start", "=Treasury_Cash_Start", "=Treasury_Cash_Start"]
      : [
          `=F${r - 1}+1`,
          end(WAYS.miningOnly, "held"),
          end(WAYS.withLease, "held"),
          end(WAYS.miningOnly, "cash"),
          end(WAYS.withLease, "cash"),
        ];
  });
  const last = CHART_TOP + 1 + YEARS;
  d.put(`F${CHART_TOP + 1}`, rows);
  d.format(`G${CHART_TOP + 1}:H${last}`, undefined, BTC);
  d.format(`I${CHART_TOP + 1}:J${last}`, undefined, USD);
  const chart = (from: string, to: string, cols: string, what: string) =>
    d.chart({
      type: "Line",
      source: `${cols[0]}${CHART_TOP}:${cols[1]}${last}`,
      categories: `F${CHART_TOP + 1}:F${last}`,
      title: `${what}: mining only vs mining + lease`,
      from,
      to,
    });
  chart("L3", "T22", "GH", "BTC held at each year end");
  chart("L24", "T43", "IJ", "Cash at each year end (USD)");
}

function months(d: SheetDraft): void {
  d.put(
    `A${MONTH_HEADER_ROW - 1}`,
    [
      [
        `Month by month (1 to ${TREASURY_MONTHS}; past the horizon nothing is mined, leased or paid): the inputs in plain formulas on Lease vs Mine, MINER.TREASURYCASHFLOWS for each way, and a plain rebuild of it`,
      ],
    ],
    "section",
  );
  d.put(
    `A${MONTH_HEADER_ROW}`,
    [
      [
        "Month",
        "BTC price (USD)",
        "Mining only: BTC mined",
        "Mining only: cash costs: power, energy tax, opex, refresh (USD)",
        "Mining only: debt service (USD)",
        "Mining + lease: BTC mined",
        "Mining + lease: cash costs (USD)",
        "Mining + lease: other income: salvage of the mined share + rent − opex + exit value − capex paid in cash (USD)",
        "Mining + lease: debt service: BTC-backed loan interest + project loan payment (USD)",
      ],
    ],
    "header",
  );
  const rows = Array.from({ length: TREASURY_MONTHS }, (_, i) => inputRow(i + 1));
  d.put(`A${FIRST_MONTH_ROW}`, rows);
  d.format(`A${FIRST_MONTH_ROW}:A${LAST_MONTH_ROW}`, undefined, "0");
  d.format(`B${FIRST_MONTH_ROW}:B${LAST_MONTH_ROW}`, undefined, USD);
  d.format(`C${FIRST_MONTH_ROW}:C${LAST_MONTH_ROW}`, undefined, "#,##0.000");
  d.format(`D${FIRST_MONTH_ROW}:E${LAST_MONTH_ROW}`, undefined, USD);
  d.format(`F${FIRST_MONTH_ROW}:F${LAST_MONTH_ROW}`, undefined, "#,##0.000");
  d.format(`G${FIRST_MONTH_ROW}:I${LAST_MONTH_ROW}`, undefined, USD);

  flows(d);

  for (const w of Object.values(WAYS)) {
    d.put(`${w.spill}${MONTH_HEADER_ROW - 1}`, [[`${w.label}: MINER.TREASURYCASHFLOWS`]], "section");
    d.put(`${w.spill}${MONTH_HEADER_ROW}`, [[treasuryCall(w)]]);
    d.format(`${w.spill}${MONTH_HEADER_ROW}:${spillColumn(w, "insolvent")}${MONTH_HEADER_ROW}`, "header");
    d.format(
      `${spillColumn(w, "price")}${FIRST_MONTH_ROW}:${spillColumn(w, "price")}${LAST_MONTH_ROW}`,
      undefined,
      USD,
    );
    d.format(`${spillColumn(w, "mined")}${FIRST_MONTH_ROW}:${spillColumn(w, "held")}${LAST_MONTH_ROW}`, undefined, BTC);
    d.format(
      `${spillColumn(w, "cashIn")}${FIRST_MONTH_ROW}:${spillColumn(w, "cash")}${LAST_MONTH_ROW}`,
      undefined,
      USD,
    );
    d.format(
      `${spillColumn(w, "forced")}${FIRST_MONTH_ROW}:${spillColumn(w, "forced")}${LAST_MONTH_ROW}`,
      undefined,
      BTC,
    );

    d.put(
      `${w.plain}${MONTH_HEADER_ROW - 1}`,
      [[`${w.label}: plain rebuild, for the Reconciliation sheet`]],
      "section",
    );
    d.put(
      `${w.plain}${MONTH_HEADER_ROW}`,
      [
        [
          "Policy's sale (BTC)",
          "Cash before forced sales (USD)",
          "Forced sale (BTC)",
          "BTC held",
          "Cash (USD)",
          "Matches MINER (1 = yes)",
        ],
      ],
      "header",
    );
    d.put(
      `${w.plain}${FIRST_MONTH_ROW}`,
      Array.from({ length: TREASURY_MONTHS }, (_, i) => plainRow(w, i + 1)),
    );
    const col = (key: string) => plainColumn(w, key);
    d.format(`${col("planned")}${FIRST_MONTH_ROW}:${col("planned")}${LAST_MONTH_ROW}`, undefined, BTC);
    d.format(`${col("before")}${FIRST_MONTH_ROW}:${col("before")}${LAST_MONTH_ROW}`, undefined, USD);
    d.format(`${col("forced")}${FIRST_MONTH_ROW}:${col("held")}${LAST_MONTH_ROW}`, undefined, BTC);
    d.format(`${col("cash")}${FIRST_MONTH_ROW}:${col("cash")}${LAST_MONTH_ROW}`, undefined, USD);
  }
}

/** The by-month flows: the fleet's salvage (mining only's other income), the leased share's lease and its project loan. */
function flows(d: SheetDraft): void {
  const last = flowColumn(FLOWS[FLOWS.length - 1]);
  d.put(
    `${FLOWS_FIRST}${MONTH_HEADER_ROW - 1}`,
    [
      [
        "Fleet salvage, and the leased share's lease and project loan, in plain formulas on Lease vs Mine (its month 0 in month 1)",
      ],
    ],
    "section",
  );
  d.put(
    `${FLOWS_FIRST}${MONTH_HEADER_ROW}`,
    [
      [
        "Fleet salvage, whole site (USD): mining only's other income",
        "Lease revenue, leased share (USD)",
        "Lease opex, leased share (USD)",
        "Lease exit value, leased share (USD)",
        "Conversion capex, leased share (USD)",
        "Project loan draw (USD)",
        "Capex paid in cash (USD)",
        "Project loan payment (USD)",
        "Project loan balance at the month's end (USD)",
      ],
    ],
    "header",
  );
  d.put(
    `${FLOWS_FIRST}${FIRST_MONTH_ROW}`,
    Array.from({ length: TREASURY_MONTHS }, (_, i) => flowRow(i + 1)),
  );
  d.format(`${FLOWS_FIRST}${FIRST_MONTH_ROW}:${last}${LAST_MONTH_ROW}`, undefined, USD);
}
