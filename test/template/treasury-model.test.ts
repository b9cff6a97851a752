/*
 * The template's Treasury sheet evaluated in a real formula engine (HyperFormula) with
 * the MINER functions registered: no error cell, every treasury check on the Reconciliation sheet
 * TRUE, and its results equal to the calc module called directly on the same inputs, built here
 * from the sheet's stated rules (mining only; a share of the site leased, its capex part
 * project-financed), for the defaults and for other policies and markets.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { RECONCILIATION } from "../../src/template/reconciliation-sheet";
import { CHECK_COLUMNS, CheckColumn } from "../../src/template/check-table";
import { FIRST_MONTH_ROW, flowColumn, monthRange, plainColumn, spillColumn, TREASURY_DAT, TREASURY_FINANCING, TREASURY_RESULTS, Way, WAYS } from "../../src/template/treasury-sheet";
import { Decimal, leaseCashFlows, LeaseMonth, miningCashFlows, treasuryCashFlows, treasurySummary, TreasuryMonth } from "../../src/calc";
import { Evaluated } from "../../scripts/formula-engine";
import { FakeExcel } from "../taskpane/fake-excel";
import { cellOf, leaseTermsOf, miningSiteOf, num, phase, QUICK_RISK, templateModel } from "../support/template-model";

const model = templateModel();

/** The treasury rows of the Reconciliation sheet: what each compares, and whether it matches. */
function treasuryChecks(e: Evaluated): { label: unknown; miner: unknown; plain: unknown; tolerance: unknown; matches: unknown }[] {
  const { treasury } = RECONCILIATION;
  return treasury.checks.map((_, i) => {
    const at = (key: CheckColumn) => e.value(`Reconciliation!${CHECK_COLUMNS.col(key)}${treasury.first + i}`);
    return { label: at("quantity"), miner: at("miner"), plain: at("plain"), tolerance: at("tolerance"), matches: at("matches") };
  });
}

const allPass = (e: Evaluated) => e.value(`Reconciliation!${RECONCILIATION.allPass}`);

function expectReconciled(e: Evaluated): void {
  expect(e.errors()).toEqual([]);
  // On failure the row's figures print beside its label.
  for (const row of treasuryChecks(e)) expect(row).toEqual({ ...row, matches: true });
  expect(allPass(e)).toBe(true);
}

/**
 * Both ways from the calc module, built as the sheet says, with plain float loops:
 * - mining from MININGCASHFLOWS over the horizon (the last phase's build + the term): power,
 *   energy tax, opex and refresh capex paid, the fleet's salvage received;
 * - the lease from LEASECASHFLOWS on the phases, rent and capex timing and exit cap rate, scaled by
 *   the leased share, its month 0 in the treasury's month 1;
 * - each month's capex draw lent at Project_Loan_to_Cost (the rest paid in cash), the balance
 *   growing at the project rate / 12 until the first month with rent, then paying each month the
 *   annuity on the balance over the months left in the window (first rent month + the term);
 * - the BTC-backed loan's interest paid every month of the horizon.
 */
function fromCalc(xl: FakeExcel, e: Evaluated) {
  const v = (name: string) => num(e, cellOf(xl, name));
  const terms = leaseTermsOf(xl, e);
  const termMonths = Math.round(v("Lease_Term_Years") * 12);
  const horizon = Math.max(...terms.phases.map(([b]) => b)) + termMonths;
  const mining = miningCashFlows({ ...miningSiteOf(xl, e), months: horizon }, v("Discount_Rate"));
  const lease = leaseCashFlows(terms);
  const share = v("Lease_Share_of_Site");
  const months = Array.from({ length: 360 }, (_, k) => k + 1);
  // The leased share of a lease column in treasury month t; month 1 also takes the lease's month 0.
  const leased = (f: (l: LeaseMonth) => Decimal) => (t: number) =>
    share * (t === 1 ? [0, 1] : [t]).reduce((sum, k) => sum + (lease[k] ? f(lease[k]).toNumber() : 0), 0);
  const revenue = months.map(leased((l) => l.revenue));
  const opex = months.map(leased((l) => l.opex));
  const exit = months.map(leased((l) => l.terminalValue));
  const capex = months.map(leased((l) => l.capex));

  // The project loan, month by month.
  const firstRent = Math.max(
    1,
    lease.findIndex((l) => l.revenue.gt(0)),
  );
  const windowEnd = firstRent + termMonths - 1;
  const i = v("Project_Loan_Rate") / 12;
  const draw: number[] = [];
  const payment: number[] = [];
  const balance: number[] = [];
  let owed = 0;
  let leftAtWindowEnd = 0; // what the payments leave unpaid at the window's end, before it is set to 0
  for (const t of months) {
    const lent = t < windowEnd ? v("Project_Loan_to_Cost") * capex[t - 1] : 0;
    const n = windowEnd - t + 1;
    const paid = t >= firstRent && t <= windowEnd ? (i === 0 ? owed / n : (owed * i) / (1 - (1 + i) ** -n)) : 0;
    if (t === windowEnd) leftAtWindowEnd = owed * (1 + i) - paid + lent;
    owed = t >= windowEnd ? 0 : owed * (1 + i) - paid + lent;
    draw.push(lent);
    payment.push(paid);
    balance.push(owed);
  }
  const loan = { capex, draw, payment, balance, firstRent, windowEnd, leftAtWindowEnd };

  const interest = (v("BTC_Loan_USD") * v("BTC_Loan_Rate")) / 12;
  const m = (t: number) => mining[t - 1];
  const inHorizon = (t: number, f: () => number) => (t <= horizon ? f() : 0);
  const minedAll = months.map((t) => inHorizon(t, () => m(t).btcMined.toNumber()));
  const costsAll = months.map((t) =>
    inHorizon(t, () => m(t).powerCost.add(m(t).energyTax).add(m(t).opex).add(m(t).capex).toNumber()),
  );
  const salvage = months.map((t) => inHorizon(t, () => m(t).salvage.toNumber()));
  const interestAll = months.map((t) => (t <= horizon ? interest : 0));
  const common = {
    cash: v("Treasury_Cash_Start"),
    btc: v("Treasury_BTC_Start"),
    months: 360,
    btc_price: months.map((t) => v("BTC_Price_USD") * (1 + v("BTC_Price_Growth_Monthly")) ** (t - 1)),
    policy: e.value(cellOf(xl, "Treasury_Policy")) as string,
    sell_fraction: v("Treasury_Sell_Fraction"),
    min_cash: v("Treasury_Min_Cash"),
  };
  const miningOnly = treasuryCashFlows({
    ...common,
    btc_mined: minedAll,
    cash_costs: costsAll,
    other_income: salvage,
    debt_service: interestAll,
  });
  const withLease = treasuryCashFlows({
    ...common,
    btc_mined: minedAll.map((x) => x * (1 - share)),
    cash_costs: costsAll.map((x) => x * (1 - share)),
    other_income: months.map(
      (t, k) => salvage[k] * (1 - share) + revenue[k] - opex[k] + exit[k] - (capex[k] - draw[k]),
    ),
    debt_service: months.map((t, k) => interestAll[k] + payment[k]),
  });
  return { horizon, miningOnly, withLease, loan, minCash: common.min_cash };
}

/** The leased share's capex and its project loan, month by month and in the financing block, against the float loop. */
function expectLoanEqualToCalc(e: Evaluated, loan: ReturnType<typeof fromCalc>["loan"]): void {
  // To a part in 10^9 (at least 1e-9 absolute).
  const close = (what: string, got: unknown, want: number) => expect(got).toBeNear(want, { rel: 1e-9, abs: 1e-9, label: what });
  for (const key of ["capex", "draw", "payment", "balance"] as const) {
    loan[key].forEach((want, k) =>
      close(`${key} in month ${k + 1}`, e.value(`Treasury!${flowColumn(key)}${FIRST_MONTH_ROW + k}`), want),
    );
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const at = (key: (typeof TREASURY_FINANCING.rows.keys)[number]) => e.value(`Treasury!${TREASURY_FINANCING.cell(key)}`);
  close("leased capex", at("leasedCapex"), sum(loan.capex));
  close("equity", at("equity"), sum(loan.capex) - sum(loan.draw));
  close("loan drawn", at("loanDrawn"), sum(loan.draw));
  expect(at("firstRentMonth")).toBe(loan.firstRent);
  expect(at("windowEnd")).toBe(loan.windowEnd);
  const f = loan.firstRent - 1;
  close("loan at first rent", at("loanAtFirstRent"), loan.balance[f] + loan.payment[f]);
  close("first payment", at("loanPayment"), loan.payment[f]);
  close("paid on the loan", at("loanPaid"), sum(loan.payment));
  // The level payments amortise the loan: what they leave at the window's end (computed, not set
  // to 0) is nothing, and every draw was paid back with interest.
  expect(Math.abs(loan.leftAtWindowEnd)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum(loan.draw)));
  if (sum(loan.draw) > 0) expect(sum(loan.payment)).toBeGreaterThanOrEqual(sum(loan.draw) * (1 - 1e-12));
}

/** The sheet's results for one way, and its schedule month by month, against the calc module's. */
function expectWayEqualToCalc(e: Evaluated, w: Way, rows: TreasuryMonth[], horizon: number, minCash: number): void {
  type Result = (typeof TREASURY_RESULTS.rows.keys)[number];
  const sheet = (key: Result) => e.value(`Treasury!${TREASURY_RESULTS.cell(key, w.column)}`);
  rows.forEach((r, k) => {
    const at = (key: "held" | "cash") => num(e, `Treasury!${spillColumn(w, key)}${FIRST_MONTH_ROW + k}`);
    expect(at("held")).toBeNear(r.btcHeld.toNumber(), { rel: 1e-9, abs: 1e-9, label: `${w.label}: BTC held in month ${r.month}` });
    expect(at("cash")).toBeNear(r.cash.toNumber(), { rel: 1e-9, abs: 1e-3, label: `${w.label}: cash in month ${r.month}` });
  });
  const s = treasurySummary(rows);
  /** To a part in 10^9 of the larger of the wanted value and `scale`. */
  const close = (key: Result, want: number, scale = 1) => expect(sheet(key)).toBeNear(want, { rel: 1e-9, abs: 1e-9 * scale, label: `${w.label}: ${key}` });
  close("heldAfter12", rows[11].btcHeld.toNumber());
  close("heldAtEnd", rows[horizon - 1].btcHeld.toNumber());
  close("cashAtEnd", rows[horizon - 1].cash.toNumber(), 1e6);
  close("mined", s.btcMined.toNumber());
  close("sold", s.btcSold.toNumber());
  close("forced", s.btcForced.toNumber());
  expect(sheet("cashRunsOut")).toBe(s.firstForcedMonth ?? "never");
  expect(sheet("insolvent")).toBe(s.firstInsolventMonth ?? "never");
  // Below the floor is not insolvent: the sheet flags it separately, from the cash column.
  const belowFloor = rows.find((r) => r.cash.toNumber() < minCash)?.month;
  expect(sheet("belowFloor")).toBe(belowFloor ?? "never");
  if (s.soldToMined === null) expect(sheet("soldToMined")).toBe("n/a");
  else close("soldToMined", s.soldToMined.toNumber());
}

function expectEqualToCalc(xl: FakeExcel, e: Evaluated) {
  const calc = fromCalc(xl, e);
  expectWayEqualToCalc(e, WAYS.miningOnly, calc.miningOnly, calc.horizon, calc.minCash);
  expectWayEqualToCalc(e, WAYS.withLease, calc.withLease, calc.horizon, calc.minCash);
  expectLoanEqualToCalc(e, calc.loan);
  return calc;
}

test("with the defaults: no error cell, every treasury check TRUE, and the calc module's numbers", async () => {
  // The Risk sheet at QUICK_RISK's paths, as in every test here (risk-sheet.test.ts checks it at its defaults).
  const { xl, e } = await model(QUICK_RISK);
  expectReconciled(e);
  const calc = expectEqualToCalc(xl, e);
  // The story the defaults tell: mining alone runs out of cash and becomes a forced seller, selling more BTC than it
  // mines, and ends with a fraction of the stack leasing half the site keeps. (It no longer goes insolvent: the
  // fleets it bought in months it was switched off, which drained it, were a wrong answer.)
  const mo = treasurySummary(calc.miningOnly);
  const wl = treasurySummary(calc.withLease);
  expect(mo.firstForcedMonth).not.toBeNull();
  expect(mo.soldToMined!.toNumber()).toBeGreaterThan(1);
  expect([mo.firstInsolventMonth, wl.firstInsolventMonth]).toEqual([null, null]);
  expect(calc.miningOnly[calc.horizon - 1].btcHeld.toNumber()).toBeLessThan(0.2 * calc.withLease[calc.horizon - 1].btcHeld.toNumber());
});

test("the DAT block equals the market's definitions on the illustrative company, worked by hand", async () => {
  const { e } = await model(QUICK_RISK);
  const g = (key: (typeof TREASURY_DAT.rows.keys)[number]) => num(e, `Treasury!${TREASURY_DAT.cell(key)}`);
  // 1,000 BTC, 100M shares at $2.50, $30M debt (the BTC-backed loan), $100M cash, BTC at $91,000.
  expect(g("btcPerShare")).toBe(1_000 / 100e6);
  expect(g("satsPerShare")).toBeNear(1_000, { rel: 1e-15 }); // 1e-5 BTC × 1e8 sats
  expect(g("mnavEv")).toBeNear((250e6 + 30e6 - 100e6) / 91e6, { rel: 1e-15 });
  expect(g("mnavMcap")).toBeNear(250e6 / 91e6, { rel: 1e-15 });
  expect(g("navPerShare")).toBe(1.61); // (91M + 100M − 30M) / 100M
  expect(g("ltv")).toBeNear(30e6 / (500 * 91_000), { rel: 1e-15 });
  expect(g("marginCallPrice")).toBe(80_000); // 30M / (500 × 0.75)
  expect(Math.round(g("liquidationPrice") * 100) / 100).toBe(70_588.24); // 30M / (500 × 0.85)
  // The thresholds are labelled as what they are.
  for (const key of ["marginCallPrice", "liquidationPrice"] as const) {
    expect(e.value(`Treasury!${TREASURY_DAT.labelColumn}${TREASURY_DAT.rows.row(key)}`)).toMatch(/market convention, not contract terms/);
  }
});

const SCENARIOS: [string, Record<string, number | string>][] = [
  ["SELLALL: every mined BTC sold as it comes", { Treasury_Policy: "SELLALL" }],
  ["SELLPCT (any case) in a price collapse of 5% a month", { Treasury_Policy: "sellpct", Treasury_Sell_Fraction: 0.3, BTC_Price_Growth_Monthly: -0.05 }],
  ["the whole site leased: nothing mined that way", { Lease_Share_of_Site: 1 }],
  ["nothing leased: both ways the same", { Lease_Share_of_Site: 0 }],
  ["a rising price, no cash floor, no BTC-backed loan interest", { BTC_Price_Growth_Monthly: 0.02, Treasury_Min_Cash: 0, BTC_Loan_Rate: 0 }],
  ["a project loan at 0%, all equity-free, and a 15-year lease", { Project_Loan_Rate: 0, Project_Loan_to_Cost: 1, Lease_Term_Years: 15 }],
  [
    "three halls, capex drawn over each build (the last hall's draws after rent starts), rent at month end, an exit cap rate, salvage",
    { Rent_Timing: 0, Capex_Timing: 1, Exit_Cap_Rate: 0.07, Salvage_Pct: 0.3, [phase(0, "buildMonths")]: 6, [phase(2, "buildMonths")]: 30, [phase(2, "mw")]: 12.5 },
  ],
  [
    "a hall in service at once with rent in advance and capex at month 0 (Lease vs Mine's month 0 in month 1)",
    { Rent_Timing: 1, Capex_Timing: 0, [phase(0, "buildMonths")]: 0 },
  ],
];

test.each(SCENARIOS)("still no error cell, every check TRUE and the calc module's numbers with %s", async (_, inputs) => {
  const { xl, e } = await model({ ...QUICK_RISK, ...inputs });
  expectReconciled(e);
  expectEqualToCalc(xl, e);
});

test("with nothing leased the two ways agree; with all of it leased the sold-to-mined ratio is n/a", async () => {
  const none = await model({ ...QUICK_RISK, Lease_Share_of_Site: 0 });
  const way = (e: Evaluated, w: Way, key: (typeof TREASURY_RESULTS.rows.keys)[number]) => e.value(`Treasury!${TREASURY_RESULTS.cell(key, w.column)}`);
  for (const key of TREASURY_RESULTS.rows.keys) expect([key, way(none.e, WAYS.withLease, key)]).toEqual([key, way(none.e, WAYS.miningOnly, key)]);
  const all = await model({ ...QUICK_RISK, Lease_Share_of_Site: 1 });
  expect(way(all.e, WAYS.withLease, "mined")).toBe(0);
  expect(way(all.e, WAYS.withLease, "soldToMined")).toBe("n/a");
});

test("the checks fail when the plain rebuild is typed over, or MINER's schedule is fed another input", async () => {
  const { e } = await model(QUICK_RISK);
  const failing = () => treasuryChecks(e).filter((c) => c.matches !== true).map((c) => c.label);
  // One month of the plain rebuild's cash typed over: that month stops matching.
  const cash = `Treasury!${plainColumn(WAYS.withLease, "cash")}${FIRST_MONTH_ROW + 200}`;
  const before = e.value(cash);
  e.set(cash, 123);
  expect(failing()).toContain("Treasury, mining + lease: months whose BTC held, sold, cash and insolvency match");
  expect(allPass(e)).toBe(false);
  e.set(cash, before as number);
  expect(failing()).toEqual([]);
  // MINER's mining-only schedule fed a different month-1 cost than the rebuild reads.
  const spill = `Treasury!${spillColumn(WAYS.miningOnly, "month")}${FIRST_MONTH_ROW - 1}`;
  const formula = e.hf.getCellFormula(e.hf.simpleCellAddressFromString(spill.split("!")[1], e.hf.getSheetId("Treasury")!)!) as string;
  const [costs, otherCosts] = [monthRange(WAYS.miningOnly.costs), monthRange(WAYS.withLease.costs)];
  expect(formula).toContain(costs);
  e.set(spill, formula.replace(costs, otherCosts));
  expect(failing()).toEqual(expect.arrayContaining(["Treasury, mining only: months whose BTC held, sold, cash and insolvency match"]));
  expect(spillColumn(WAYS.miningOnly, "insolvent")).toBe("T");
});
