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
import { Columns, offset, Table } from "./layout";
import { absolute } from "./spec";

const USD = "#,##0";
const BTC = "#,##0.00";

/** Months the treasury runs: the whole Lease vs Mine schedule, so it covers any horizon that does. */
export const TREASURY_MONTHS = SCHEDULE_MONTHS;
export const MONTH_HEADER_ROW = 55;
export const FIRST_MONTH_ROW = MONTH_HEADER_ROW + 1;
export const LAST_MONTH_ROW = MONTH_HEADER_ROW + TREASURY_MONTHS;

/** A column of the month-by-month blocks: its header and the number format of its months. */
interface MonthColumn<K extends string> {
  key: K;
  /** Its header (MINER's schedule brings its own). */
  header?: string;
  format?: string;
}

/** A block of month-by-month columns, from its first column: where each sits, by key. */
class MonthBlock<K extends string> {
  readonly columns: Columns<K>;

  constructor(
    first: string,
    readonly spec: readonly MonthColumn<K>[],
  ) {
    this.columns = new Columns(
      first,
      spec.map((c) => c.key),
    );
  }

  col(key: K): string {
    return this.columns.col(key);
  }

  /** The block's headers, as one row. */
  get headers(): string[] {
    return this.spec.map((c) => c.header ?? "");
  }

  /** Each column's months formatted as the column says (adjacent columns alike as one range). */
  formatMonths(d: SheetDraft): void {
    let start = 0;
    this.spec.forEach((c, i) => {
      const next = this.spec[i + 1];
      if (next && next.format === c.format) return;
      if (c.format)
        d.format(
          `${this.col(this.spec[start].key)}${FIRST_MONTH_ROW}:${this.col(c.key)}${LAST_MONTH_ROW}`,
          undefined,
          c.format,
        );
      start = i + 1;
    });
  }
}

/** The monthly inputs of both ways (plain formulas on the Lease vs Mine schedule), from column A. */
const INPUTS = new MonthBlock("A", [
  { key: "month", header: "Month", format: "0" },
  { key: "price", header: "BTC price (USD)", format: USD },
  { key: "minedMiningOnly", header: "Mining only: BTC mined", format: "#,##0.000" },
  {
    key: "costsMiningOnly",
    header: "Mining only: cash costs: power, energy tax, opex, refresh (USD)",
    format: USD,
  },
  { key: "debtMiningOnly", header: "Mining only: debt service (USD)", format: USD },
  { key: "minedWithLease", header: "Mining + lease: BTC mined", format: "#,##0.000" },
  { key: "costsWithLease", header: "Mining + lease: cash costs (USD)", format: USD },
  {
    key: "incomeWithLease",
    header:
      "Mining + lease: other income: salvage of the mined share + rent − opex + exit value − capex paid in cash (USD)",
    format: USD,
  },
  {
    key: "debtWithLease",
    header: "Mining + lease: debt service: BTC-backed loan interest + project loan payment (USD)",
    format: USD,
  },
]);
const input = (key: (typeof INPUTS.columns.keys)[number]) => INPUTS.col(key);
/** The column of the month numbers. */
export const MONTH_COLUMN = input("month");

/** MINER.TREASURYCASHFLOWS' columns, in its order (src/functions/treasury.ts). */
const SPILL: MonthColumn<
  "month" | "price" | "mined" | "sold" | "held" | "cashIn" | "cashOut" | "cash" | "forced" | "insolvent"
>[] = [
  { key: "month" },
  { key: "price", format: USD },
  { key: "mined", format: BTC },
  { key: "sold", format: BTC },
  { key: "held", format: BTC },
  { key: "cashIn", format: USD },
  { key: "cashOut", format: USD },
  { key: "cash", format: USD },
  { key: "forced", format: BTC },
  { key: "insolvent" },
];
/** The plain rebuild's columns for one way, in order. */
const PLAIN: MonthColumn<"planned" | "before" | "forced" | "held" | "cash" | "matches">[] = [
  { key: "planned", header: "Policy's sale (BTC)", format: BTC },
  { key: "before", header: "Cash before forced sales (USD)", format: USD },
  { key: "forced", header: "Forced sale (BTC)", format: BTC },
  { key: "held", header: "BTC held", format: BTC },
  { key: "cash", header: "Cash (USD)", format: USD },
  { key: "matches", header: "Matches MINER (1 = yes)" },
];
export type SpillKey = (typeof SPILL)[number]["key"];
export type PlainKey = (typeof PLAIN)[number]["key"];

// Left to right after the inputs, a blank column between groups: MINER's schedule for each way,
// the plain rebuilds of both side by side, then the by-month flows.
const SPILL_MINING_ONLY = new MonthBlock(offset(INPUTS.columns.to, 2), SPILL);
const SPILL_WITH_LEASE = new MonthBlock(offset(SPILL_MINING_ONLY.columns.to, 2), SPILL);
const PLAIN_MINING_ONLY = new MonthBlock(offset(SPILL_WITH_LEASE.columns.to, 2), PLAIN);
const PLAIN_WITH_LEASE = new MonthBlock(offset(PLAIN_MINING_ONLY.columns.to, 1), PLAIN);

/**
 * The by-month flows right of the plain rebuilds, in plain formulas on Lease vs Mine: the mining
 * fleet's salvage, the leased share's lease and its project loan.
 */
const FLOWS = new MonthBlock(offset(PLAIN_WITH_LEASE.columns.to, 2), [
  { key: "salvage", header: "Fleet salvage, whole site (USD): mining only's other income", format: USD },
  { key: "leaseRevenue", header: "Lease revenue, leased share (USD)", format: USD },
  { key: "leaseOpex", header: "Lease opex, leased share (USD)", format: USD },
  { key: "leaseExit", header: "Lease exit value, leased share (USD)", format: USD },
  { key: "capex", header: "Conversion capex, leased share (USD)", format: USD },
  { key: "draw", header: "Project loan draw (USD)", format: USD },
  { key: "equity", header: "Capex paid in cash (USD)", format: USD },
  { key: "payment", header: "Project loan payment (USD)", format: USD },
  { key: "balance", header: "Project loan balance at the month's end (USD)", format: USD },
]);
export type FlowKey = (typeof FLOWS.columns.keys)[number];

/** The two ways the site is run: where their inputs, MINER's schedule and the plain rebuild sit. */
export const WAYS = {
  miningOnly: {
    label: "Mining only",
    /** The way's value column in the results table (0 = the first). */
    column: 0,
    mined: input("minedMiningOnly"),
    costs: input("costsMiningOnly"),
    income: FLOWS.col("salvage") as string | undefined, // the fleet's salvage
    debt: input("debtMiningOnly"),
    /** MINER.TREASURYCASHFLOWS' spill (its header row on MONTH_HEADER_ROW). */
    spill: SPILL_MINING_ONLY,
    plain: PLAIN_MINING_ONLY,
  },
  withLease: {
    label: "Mining + lease",
    column: 1,
    mined: input("minedWithLease"),
    costs: input("costsWithLease"),
    income: input("incomeWithLease") as string | undefined,
    debt: input("debtWithLease"),
    spill: SPILL_WITH_LEASE,
    plain: PLAIN_WITH_LEASE,
  },
};
export type Way = (typeof WAYS)[keyof typeof WAYS];
/** The ways in the order of the results table's value columns. */
const WAY_LIST: Way[] = [WAYS.miningOnly, WAYS.withLease];

/** Column letter of MINER's schedule column `key` for a way. */
export const spillColumn = (w: Way, key: SpillKey) => w.spill.col(key);
/** Column letter of the plain rebuild's column `key` for a way. */
export const plainColumn = (w: Way, key: PlainKey) => w.plain.col(key);
/** Column letter of the by-month flow `key` (the lease of the leased share, its project loan, salvage). */
export const flowColumn = (key: FlowKey) => FLOWS.col(key);
/** "$O$56:$O$415": a monthly column over months 1 to 360. */
export const monthRange = (col: string) => `$${col}$${FIRST_MONTH_ROW}:$${col}$${LAST_MONTH_ROW}`;

/** The last month of the horizon the schedules show (a longer horizon is flagged by the Reconciliation's coverage check). */
export const HORIZON = `MIN(Horizon_Months,${TREASURY_MONTHS})`;

const sum = (key: SpillKey) => (w: Way) => `=SUM(${monthRange(spillColumn(w, key))})`;
const firstMonth = (key: SpillKey, test: string) => (w: Way) => {
  const col = monthRange(spillColumn(w, key));
  return `=IF(COUNTIF(${col},"${test}")=0,"never",MINIFS(${monthRange(spillColumn(w, "month"))},${col},"${test}"))`;
};
/** The first month whose closing cash is under the floor: the policy could not keep it (nothing left to sell). */
const firstMonthBelowFloor = (w: Way) => {
  const col = monthRange(spillColumn(w, "cash"));
  const test = `"<"&Treasury_Min_Cash`;
  return `=IF(COUNTIF(${col},${test})=0,"never",MINIFS(${monthRange(spillColumn(w, "month"))},${col},${test}))`;
};
const atMonth = (key: SpillKey, month: string) => (w: Way) => `=INDEX(${monthRange(spillColumn(w, key))},${month})`;
/** A value per way: the results table calls it once for each value column. */
const each = (f: (w: Way) => string) => (_: unknown, column: number) => f(WAY_LIST[column]);

/** The results of both ways, from A5: label, mining only, mining + lease, unit. */
export const TREASURY_RESULTS = new Table(
  "A5",
  [
    { key: "btcStart", label: "BTC held at the start", value: "=Treasury_BTC_Start", unit: "BTC", numberFormat: BTC },
    {
      key: "heldAfter12",
      label: "BTC held after 12 months",
      value: each(atMonth("held", "12")),
      unit: "BTC",
      numberFormat: BTC,
    },
    {
      key: "heldAtEnd",
      label: "BTC held at the end of the horizon",
      value: each(atMonth("held", HORIZON)),
      unit: "BTC",
      numberFormat: BTC,
    },
    {
      key: "cashAtEnd",
      label: "Cash at the end of the horizon",
      value: each(atMonth("cash", HORIZON)),
      unit: "USD",
      numberFormat: USD,
    },
    { key: "mined", label: "BTC mined", value: each(sum("mined")), unit: "BTC", numberFormat: BTC },
    { key: "sold", label: "BTC sold", value: each(sum("sold")), unit: "BTC", numberFormat: BTC },
    {
      key: "forced",
      label: "  of which beyond the policy, to keep the cash floor (forced)",
      value: each(sum("forced")),
      unit: "BTC",
      numberFormat: BTC,
    },
    {
      key: "soldToMined",
      label: "Sold / mined (the liquidation-to-production ratio)",
      value: (at) => `=IF(${at("mined")}=0,"n/a",${at("sold")}/${at("mined")})`,
      unit: "ratio",
      numberFormat: "0.00",
    },
    {
      key: "cashRunsOut",
      label: "Cash runs out: first month BTC is sold to keep the cash floor",
      value: each(firstMonth("forced", ">0")),
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "belowFloor",
      label: "Below the cash floor: first month cash ends under it (no BTC left to sell)",
      value: each(firstMonthBelowFloor),
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "insolvent",
      label: "Insolvent: first month with no BTC left and cash below 0",
      value: each(firstMonth("insolvent", "=1")),
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "btcYield",
      label: "BTC Yield over the first 12 months (MINER.BTCYIELD)",
      value: (at) => yieldCall("BTCYIELD", at("heldAfter12")),
      unit: "rate",
      numberFormat: "0.00%",
    },
    {
      key: "btcGain",
      label: "BTC Gain over the first 12 months (MINER.BTCGAIN)",
      value: (at) => yieldCall("BTCGAIN", at("heldAfter12")),
      unit: "BTC",
      numberFormat: BTC,
    },
  ],
  { values: 2, style: "result" },
);

function yieldCall(id: "BTCYIELD" | "BTCGAIN", btcEnd: string): string {
  const args: Record<string, string> = {
    btc_start: "Treasury_BTC_Start",
    shares_start: "Shares_Diluted",
    btc_end: btcEnd,
    shares_end: "Shares_Diluted_in_12_Months",
  };
  return `=${minerCall(id, (p) => args[p])}`;
}

const L = "{leaseVsMine}!";
/** The Lease vs Mine schedule's cell of column `key` in month m. */
const schedule = (key: string, m: number) => `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + m}`;
/** A lease column in treasury month m: month 1 also takes Lease vs Mine's month 0 (capex at month 0, rent in advance). */
const leaseFlow = (key: string, m: number) =>
  m === 1 ? `SUM(${schedule(key, 0)}:$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + 1})` : schedule(key, m);

const total = (key: FlowKey) => `=SUM(${monthRange(flowColumn(key))})`;
/** Lease vs Mine's column `key` over the months the treasury runs, month 0 included. */
const scheduleMonths = (key: string) =>
  `${L}$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW}:$${SCHEDULE_COLUMN[key]}$${SCHEDULE_FIRST_ROW + TREASURY_MONTHS}`;

/** The leased share and its financing, from A21: label, value, unit. */
export const TREASURY_FINANCING = new Table(
  "A21",
  [
    {
      key: "leasedMw",
      label: "Critical IT MW leased (the share of the phases on Lease vs Mine)",
      value: "=Lease_Share_of_Site*Leased_Critical_IT_MW",
      unit: "MW",
      numberFormat: "#,##0.0",
    },
    {
      key: "leasedCapex",
      label: "Conversion capex of the leased share, all halls (Lease vs Mine's month 0 paid in month 1)",
      value: () => total("capex"),
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "equity",
      label: "  paid from the treasury as it is drawn (equity)",
      value: () => total("equity"),
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "loanDrawn",
      label: "  drawn on the project loan (Project_Loan_to_Cost of each month's draw)",
      value: () => total("draw"),
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "firstRentMonth",
      label: "First rent month (the first month with lease revenue)",
      value: () => {
        const revenue = scheduleMonths("leaseRevenue");
        return `=IF(COUNTIF(${revenue},">0")=0,${TREASURY_MONTHS + 1},MAX(1,MINIFS(${scheduleMonths("month")},${revenue},">0")))`;
      },
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "windowEnd",
      label: "Last month of the repayment window (first rent month + lease term − 1)",
      value: (at) => `=${absolute(at("firstRentMonth"))}+Lease_Term_Months-1`,
      unit: "month",
      numberFormat: "0",
    },
    {
      key: "loanAtFirstRent",
      label: "Project loan in the first rent month: with that month's interest and draw, before its payment",
      value: (at) => {
        const first = absolute(at("firstRentMonth"));
        const atFirstRent = (key: FlowKey) => `INDEX(${monthRange(flowColumn(key))},${first})`;
        return `=IF(${first}>${TREASURY_MONTHS},"no rent",${atFirstRent("balance")}+${atFirstRent("payment")})`;
      },
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "loanPayment",
      label: "Project loan payment in the first rent month (level; recast when a later hall draws)",
      value: (at) => {
        const first = absolute(at("firstRentMonth"));
        return `=IF(${first}>${TREASURY_MONTHS},"no rent",INDEX(${monthRange(flowColumn("payment"))},${first}))`;
      },
      unit: "USD per month",
      numberFormat: USD,
    },
    {
      key: "loanPaid",
      label: "Paid on the project loan over the window (drawn + interest)",
      value: () => total("payment"),
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "btcLoanInterest",
      label: "BTC-backed loan interest, each month of the horizon (both ways)",
      value: "=BTC_Loan_USD*BTC_Loan_Rate/12",
      unit: "USD per month",
      numberFormat: USD,
    },
  ],
  { style: "result" },
);
const FIRST_RENT = absolute(TREASURY_FINANCING.cell("firstRentMonth"));
const WINDOW_END = absolute(TREASURY_FINANCING.cell("windowEnd"));

/** The company's treasury metrics, from F5: label, value, unit. */
const COMPANY: Record<string, string> = {
  share_price: "Share_Price",
  shares: "Shares_Diluted",
  btc: "Treasury_BTC_Start",
  btc_price: "BTC_Price_USD",
  debt: "Debt_USD",
  preferred: "Preferred_USD",
  cash: "Treasury_Cash_Start",
  loan: "BTC_Loan_USD",
  collateral_btc: "BTC_Loan_Collateral_BTC",
};
const company =
  (id: Parameters<typeof minerCall>[0], extra: Record<string, string> = {}) =>
  () =>
    `=${minerCall(id, (p) => extra[p] ?? COMPANY[p])}`;

export const TREASURY_DAT = new Table(
  "F5",
  [
    {
      key: "btcPerShare",
      label: "BTC per share (assumed diluted shares)",
      value: company("BTCPERSHARE"),
      unit: "BTC per share",
      numberFormat: "0.00000000",
    },
    {
      key: "satsPerShare",
      label: "Sats per share",
      value: (at) => `=${at("btcPerShare")}*100000000`,
      unit: "sats per share",
      numberFormat: "#,##0",
    },
    {
      key: "mnavEv",
      label: "mNAV, enterprise value basis (Strategy since mid-2025)",
      value: company("MNAV", { basis: '"EV"' }),
      unit: "× Bitcoin NAV",
      numberFormat: "0.00",
    },
    {
      key: "mnavMcap",
      label: "mNAV, market cap basis",
      value: company("MNAV", { basis: '"MCAP"' }),
      unit: "× Bitcoin NAV",
      numberFormat: "0.00",
    },
    {
      key: "navPerShare",
      label: "NAV per share",
      value: company("NAVPERSHARE"),
      unit: "USD per share",
      numberFormat: "#,##0.00",
    },
    {
      key: "ltv",
      label: "BTC-backed loan: loan-to-value",
      value: company("LTV"),
      unit: "fraction",
      numberFormat: "0.0%",
    },
    {
      key: "marginCallPrice",
      label: "Margin-call price, at Margin_Call_LTV (75%: market convention, not contract terms)",
      value: company("LTVPRICE", { ltv: "Margin_Call_LTV" }),
      unit: "USD per BTC",
      numberFormat: USD,
    },
    {
      key: "liquidationPrice",
      label: "Liquidation price, at Liquidation_LTV (85%: market convention, not contract terms)",
      value: company("LTVPRICE", { ltv: "Liquidation_LTV" }),
      unit: "USD per BTC",
      numberFormat: USD,
    },
    {
      key: "runway",
      label:
        "Runway, mining only: cash and BTC held at today's price (no haircut) over month 1's cash costs and interest",
      value: company("RUNWAYMONTHS", {
        monthly_burn: `${WAYS.miningOnly.costs}${FIRST_MONTH_ROW}+${WAYS.miningOnly.debt}${FIRST_MONTH_ROW}`,
        haircut: "0",
      }),
      unit: "months",
      numberFormat: "0.0",
    },
  ],
  { style: "result" },
);

/** The monthly inputs of both ways, row for month m. */
function inputRow(m: number): (string | number)[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const c = (key: (typeof INPUTS.columns.keys)[number]) => `${input(key)}${r}`;
  const f = (key: FlowKey) => `${flowColumn(key)}${r}`;
  const share = "Lease_Share_of_Site";
  const cells: Record<(typeof INPUTS.columns.keys)[number], string> = {
    month: `=${schedule("month", m)}`,
    price: `=${schedule("price", m)}`,
    minedMiningOnly: `=${schedule("btcMined", m)}`,
    // every cash cost of mining: power, energy tax, site opex, refresh capex (salvage is income)
    costsMiningOnly: `=${["powerCost", "energyTax", "miningOpex", "refreshCapex"].map((k) => schedule(k, m)).join("+")}`,
    debtMiningOnly: `=IF(${c("month")}<=Horizon_Months,${absolute(TREASURY_FINANCING.cell("btcLoanInterest"))},0)`,
    minedWithLease: `=${c("minedMiningOnly")}*(1-${share})`,
    costsWithLease: `=${c("costsMiningOnly")}*(1-${share})`,
    incomeWithLease: `=${f("salvage")}*(1-${share})+${f("leaseRevenue")}-${f("leaseOpex")}+${f("leaseExit")}-${f("equity")}`,
    debtWithLease: `=${c("debtMiningOnly")}+${f("payment")}`,
  };
  return INPUTS.columns.keys.map((k) => cells[k]);
}

/**
 * The by-month flows of month m: the fleet's salvage, the leased share's lease, and its project
 * loan (draw, cash part, payment, balance at the month's end).
 */
function flowRow(m: number): string[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const month = `${input("month")}${r}`;
  const f = (key: FlowKey) => `${flowColumn(key)}${r}`;
  const lease = (key: string) => `=Lease_Share_of_Site*${leaseFlow(key, m)}`;
  const before = `${flowColumn("balance")}${r - 1}`;
  const cells: Record<FlowKey, string> = {
    salvage: `=${schedule("salvage", m)}`,
    leaseRevenue: lease("leaseRevenue"),
    leaseOpex: lease("leaseOpex"),
    leaseExit: lease("leaseExit"),
    capex: lease("leaseCapex"),
    // Lent Project_Loan_to_Cost of the draw, unless the repayment window ends this month or has ended.
    draw: `=IF(${month}<${WINDOW_END},Project_Loan_to_Cost*${f("capex")},0)`,
    equity: `=${f("capex")}-${f("draw")}`,
    // From the first rent month: the level payment over the months left in the window, recast each month.
    payment:
      m === 1
        ? "=0" // nothing owed yet
        : `=IF(AND(${month}>=${FIRST_RENT},${month}<=${WINDOW_END}),PMT(Project_Loan_Rate/12,${WINDOW_END}-${month}+1,-${before}),0)`,
    balance:
      m === 1
        ? `=${f("draw")}`
        : `=IF(${month}>=${WINDOW_END},0,${before}*(1+Project_Loan_Rate/12)-${f("payment")}+${f("draw")})`,
  };
  return FLOWS.columns.keys.map((k) => cells[k]);
}

/** MINER.TREASURYCASHFLOWS for one way, its arguments in the registered order. */
function treasuryCall(w: Way): string {
  const args: Record<string, string> = {
    cash: "Treasury_Cash_Start",
    btc: "Treasury_BTC_Start",
    months: `ROWS(${monthRange(input("month"))})`,
    btc_mined: monthRange(w.mined),
    btc_price: monthRange(input("price")),
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
 * The plain rebuild of one way's month m, from the policy's rules: the policy's sale, then BTC sold
 * beyond it only to bring cash back to the floor (all of it when that is not enough).
 */
function plainRow(w: Way, m: number): string[] {
  const r = FIRST_MONTH_ROW + m - 1;
  const at = (key: PlainKey) => `${plainColumn(w, key)}${r}`;
  const heldBefore = m === 1 ? "Treasury_BTC_Start" : `${plainColumn(w, "held")}${r - 1}`;
  const cashBefore = m === 1 ? "Treasury_Cash_Start" : `${plainColumn(w, "cash")}${r - 1}`;
  const mined = `${w.mined}${r}`;
  const price = `${input("price")}${r}`;
  const income = w.income ? `${w.income}${r}` : undefined;
  const flows = `${income ? `+${income}` : ""}-${w.costs}${r}-${w.debt}${r}`;
  const available = `(${heldBefore}+${mined}-${at("planned")})`;
  const policy = "UPPER(TRIM(Treasury_Policy))";
  const miner = (key: SpillKey) => `${spillColumn(w, key)}${r}`;
  // Tolerances: a part in 10^9 of what the month adds up (doubles carry ~16 digits).
  const btcScale = `(0.000000001*(${heldBefore}+${mined})+0.000000000001)`;
  const cashScale = `(0.000000001*(ABS(${cashBefore})${income ? `+ABS(${income})` : ""}+${w.costs}${r}+${w.debt}${r}+(${at("planned")}+${at("forced")})*${price})+0.000001)`;
  const cells: Record<PlainKey, string> = {
    planned: `=IF(${policy}="SELLALL",${mined},IF(${policy}="SELLPCT",${mined}*Treasury_Sell_Fraction,0))`,
    before: `=${cashBefore}+${at("planned")}*${price}${flows}`,
    forced: `=IF(AND(${at("before")}<Treasury_Min_Cash,${available}>0),MIN(${available},(Treasury_Min_Cash-${at("before")})/${price}),0)`,
    held: `=${heldBefore}+${mined}-${at("planned")}-${at("forced")}`,
    cash: `=IF(${at("forced")}=0,${at("before")},IF((Treasury_Min_Cash-${at("before")})/${price}<=${available},Treasury_Min_Cash,${at("before")}+${at("forced")}*${price}))`,
    matches: `=IF(AND(ABS(${miner("held")}-${at("held")})<=${btcScale},ABS(${miner("sold")}-${at("planned")}-${at("forced")})<=${btcScale},ABS(${miner("cash")}-${at("cash")})<=${cashScale},${miner("insolvent")}=IF(AND(${at("held")}<=0,${at("cash")}<0),1,0)),1,0)`,
  };
  return w.plain.columns.keys.map((k) => cells[k]);
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

/** The cell of column `col` in the row `by` rows below (above, when negative) row `row`. */
const beside = (col: string, row: number, by = 0) => `${col}${row + by}`;

/** A table under its section title (a blank row or its header row between), with a note below it. */
function titled(d: SheetDraft, t: Table<string>, section: string, more: { header?: string[]; note?: string }): void {
  d.put(beside(t.labelColumn, t.top, -2), [[section]], "section");
  if (more.header) d.put(beside(t.labelColumn, t.top, -1), [more.header], "header");
  t.write(d);
  if (more.note) d.put(beside(t.labelColumn, t.bottom, 1), [[more.note]], "note");
}

function results(d: SheetDraft): void {
  titled(d, TREASURY_RESULTS, "Results over the horizon (Lease vs Mine: the last phase's build + the lease term)", {
    header: ["", WAYS.miningOnly.label, WAYS.withLease.label, "Unit"],
    note: "Mining only: the whole site mined as on Lease vs Mine. Mining + lease: Lease_Share_of_Site of the same site converted and leased on the Lease vs Mine terms, the rest mined. Both pay the BTC-backed loan's interest; pledged BTC is part of the BTC held and is not ring-fenced.",
  });
}

function financing(d: SheetDraft): void {
  titled(
    d,
    TREASURY_FINANCING,
    `Mining + lease: the leased share and its financing (month by month from column ${FLOWS.columns.from}, row ${MONTH_HEADER_ROW})`,
    {
      note: "Project loan: each month's capex draw of the leased share is Project_Loan_to_Cost lent and the rest paid in cash that month. The balance accrues Project_Loan_Rate/12 a month (capitalised) until the first rent month; from then each month pays PMT over the months left in the window (first rent month + the lease term), so a level payment, recast when a later hall draws; after the window nothing is owed (capex drawn in or after its last month is paid in cash).",
    },
  );
}

function datMetrics(d: SheetDraft): void {
  titled(d, TREASURY_DAT, "Treasury (DAT) metrics today, at the BTC price on the Assumptions", {
    header: ["Metric", "Value", "Unit"],
  });
}

const YEARS = TREASURY_MONTHS / 12;
/** The year-end table's header row (year 0 below it), and its columns. */
const CHART_TOP = 19;
const YEAR_ENDS = new Columns("F", ["year", "heldMiningOnly", "heldWithLease", "cashMiningOnly", "cashWithLease"]);

/** Year-end BTC held and cash of both ways, from MINER's schedules: the charts' data. */
function charts(d: SheetDraft): void {
  const col = (key: (typeof YEAR_ENDS.keys)[number]) => YEAR_ENDS.col(key);
  const [first, last] = [CHART_TOP + 1, CHART_TOP + 1 + YEARS];
  d.put(beside(YEAR_ENDS.from, CHART_TOP, -1), [["At each year end, for the charts (year 0 = the start)"]], "section");
  d.put(
    beside(YEAR_ENDS.from, CHART_TOP),
    [["Year", "BTC held, mining only", "BTC held, mining + lease", "Cash, mining only", "Cash, mining + lease"]],
    "header",
  );
  const rows = Array.from({ length: YEARS + 1 }, (_, y) => {
    const r = first + y;
    const end = (w: Way, key: SpillKey) => `=INDEX(${monthRange(spillColumn(w, key))},${col("year")}${r}*12)`;
    return y === 0
      ? [0, "=Treasury_BTC_Start", "=Treasury_BTC_Start", "=Treasury_Cash_Start", "=Treasury_Cash_Start"]
      : [
          `=${col("year")}${r - 1}+1`,
          end(WAYS.miningOnly, "held"),
          end(WAYS.withLease, "held"),
          end(WAYS.miningOnly, "cash"),
          end(WAYS.withLease, "cash"),
        ];
  });
  d.put(beside(YEAR_ENDS.from, first), rows);
  d.format(`${col("heldMiningOnly")}${first}:${col("heldWithLease")}${last}`, undefined, BTC);
  d.format(`${col("cashMiningOnly")}${first}:${col("cashWithLease")}${last}`, undefined, USD);
  const chart = (from: string, to: string, series: [string, string], what: string) =>
    d.chart({
      type: "Line",
      source: `${series[0]}${CHART_TOP}:${series[1]}${last}`,
      categories: `${col("year")}${first}:${col("year")}${last}`,
      title: `${what}: mining only vs mining + lease`,
      from,
      to,
    });
  chart("L3", "T22", [col("heldMiningOnly"), col("heldWithLease")], "BTC held at each year end");
  chart("L24", "T43", [col("cashMiningOnly"), col("cashWithLease")], "Cash at each year end (USD)");
}

function months(d: SheetDraft): void {
  d.put(
    beside(INPUTS.columns.from, MONTH_HEADER_ROW, -1),
    [
      [
        `Month by month (1 to ${TREASURY_MONTHS}; past the horizon nothing is mined, leased or paid): the inputs in plain formulas on Lease vs Mine, MINER.TREASURYCASHFLOWS for each way, and a plain rebuild of it`,
      ],
    ],
    "section",
  );
  d.put(beside(INPUTS.columns.from, MONTH_HEADER_ROW), [INPUTS.headers], "header");
  d.put(
    beside(INPUTS.columns.from, FIRST_MONTH_ROW),
    Array.from({ length: TREASURY_MONTHS }, (_, i) => inputRow(i + 1)),
  );
  INPUTS.formatMonths(d);

  flows(d);

  for (const w of WAY_LIST) {
    const spill = w.spill.columns;
    d.put(beside(spill.from, MONTH_HEADER_ROW, -1), [[`${w.label}: MINER.TREASURYCASHFLOWS`]], "section");
    d.put(beside(spill.from, MONTH_HEADER_ROW), [[treasuryCall(w)]]);
    d.format(`${spill.from}${MONTH_HEADER_ROW}:${spill.to}${MONTH_HEADER_ROW}`, "header");
    w.spill.formatMonths(d);

    const plain = w.plain.columns;
    d.put(
      beside(plain.from, MONTH_HEADER_ROW, -1),
      [[`${w.label}: plain rebuild, for the Reconciliation sheet`]],
      "section",
    );
    d.put(beside(plain.from, MONTH_HEADER_ROW), [w.plain.headers], "header");
    d.put(
      beside(plain.from, FIRST_MONTH_ROW),
      Array.from({ length: TREASURY_MONTHS }, (_, i) => plainRow(w, i + 1)),
    );
    w.plain.formatMonths(d);
  }
}

/** The by-month flows: the fleet's salvage (mining only's other income), the leased share's lease and its project loan. */
function flows(d: SheetDraft): void {
  const first = FLOWS.columns.from;
  d.put(
    beside(first, MONTH_HEADER_ROW, -1),
    [
      [
        "Fleet salvage, and the leased share's lease and project loan, in plain formulas on Lease vs Mine (its month 0 in month 1)",
      ],
    ],
    "section",
  );
  d.put(beside(first, MONTH_HEADER_ROW), [FLOWS.headers], "header");
  d.put(
    beside(first, FIRST_MONTH_ROW),
    Array.from({ length: TREASURY_MONTHS }, (_, i) => flowRow(i + 1)),
  );
  FLOWS.formatMonths(d);
}
