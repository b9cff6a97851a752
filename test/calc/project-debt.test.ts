import {
  debtCapacity,
  equityIrr,
  InvalidArgumentError,
  leaseCashFlows,
  leaseIrr,
  LeaseTerms,
  loanSchedule,
  NoAnswerError,
} from "../../src/calc";
import { between, prng, relErr } from "../support/rational";
import { floatEquityIrr } from "../support/float-models";

const num = (x: { toNumber(): number }) => x.toNumber();
/** The monthly rate of an annual effective rate, in floats. */
const monthly = (annual: number) => (1 + annual) ** (1 / 12) - 1;

function argumentOf(f: () => unknown): InvalidArgumentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return e as InvalidArgumentError;
  }
  throw new Error("no error");
}

describe("DEBTCAPACITY", () => {
  test("repays exactly a loan whose debt service keeps every month's DSCR at min_dscr (float schedule, 40 random cases)", () => {
    const rand = prng(1301);
    for (let c = 0; c < 40; c++) {
      const months = 24 + Math.floor(rand() * 200);
      const build = Math.floor(rand() * 18); // no CFADS while the hall is built: interest accrues
      const cfads = Array.from({ length: months }, (_, k) => (k < build ? 0 : between(rand, 1e5, 1e7)));
      const tenor = build + 1 + Math.floor(rand() * (months - build - 1));
      const rate = between(rand, 0.01, 0.15);
      const dscr = between(rand, 1.05, 2, false);
      const loan = num(debtCapacity({ cfads, annual_rate: rate, tenor_months: tenor, min_dscr: dscr }));
      // the schedule: each month accrues interest and pays CFADS / DSCR (so its DSCR is exactly min_dscr)
      let balance = loan;
      const i = monthly(rate);
      for (let m = 1; m <= tenor; m++) {
        const payment = cfads[m - 1] / dscr;
        expect(payment === 0 || Math.abs(cfads[m - 1] / payment - dscr) < 1e-12).toBe(true);
        balance = balance * (1 + i) - payment;
      }
      expect(Math.abs(balance)).toBeLessThan(1e-9 * loan);
    }
  });

  test("LOANSCHEDULE with the sculpted payments (CFADS / min_dscr) closes at zero", () => {
    const cfads = Array.from({ length: 84 }, (_, k) => 1e6 * (1 + 0.03) ** Math.floor(k / 12));
    const loan = debtCapacity({ cfads, annual_rate: 0.08, tenor_months: 84, min_dscr: 1.3 });
    const rows = loanSchedule({ principal_usd: loan, annual_rate: 0.08, tenor_months: 84, repayment: cfads.map((c) => c / 1.3) });
    expect(Math.abs(num(rows[83].closingBalance))).toBeLessThan(1e-14 * num(loan)); // the payments are doubles
    rows.forEach((r, k) => expect(relErr(cfads[k] / num(r.payment), 1.3)).toBeLessThan(1e-15));
  });

  test("only the tenor's months count, months with no CFADS pay nothing, and max_loan_usd caps the loan", () => {
    const cfads = [0, 0, 100, 100, 100, 1e9];
    const pv = (100 / 1.25) * (1.05 ** (-3 / 12) + 1.05 ** (-4 / 12) + 1.05 ** (-5 / 12));
    expect(relErr(num(debtCapacity({ cfads, annual_rate: 0.05, tenor_months: 5, min_dscr: 1.25 })), pv)).toBeLessThan(1e-14);
    expect(num(debtCapacity({ cfads, annual_rate: 0.05, tenor_months: 5, min_dscr: 1.25, max_loan_usd: 200 }))).toBe(200);
    expect(relErr(num(debtCapacity({ cfads: [-50, ...cfads.slice(1)], annual_rate: 0.05, tenor_months: 5, min_dscr: 1.25 })), pv)).toBeLessThan(1e-14);
  });

  test("bad inputs: a negative rate, a DSCR of 0 or less, a tenor longer than the CFADS (both lengths)", () => {
    const ok = { cfads: [1, 2, 3], annual_rate: 0.08, tenor_months: 3, min_dscr: 1.3 };
    expect(argumentOf(() => debtCapacity({ ...ok, annual_rate: -0.01 })).argument).toBe("annual_rate");
    expect(argumentOf(() => debtCapacity({ ...ok, min_dscr: 0 })).argument).toBe("min_dscr");
    expect(argumentOf(() => debtCapacity({ ...ok, min_dscr: -1.2 })).argument).toBe("min_dscr");
    const short = argumentOf(() => debtCapacity({ ...ok, tenor_months: 4 }));
    expect(short.argument).toBe("cfads");
    expect(short.message).toMatch(/tenor_months = 4.*got a column of 3 values/);
  });
});

describe("LOANSCHEDULE", () => {
  test("LEVEL: the annuity payment at the monthly equivalent of the annual effective rate (Excel's PMT), repaid to 0", () => {
    const rows = loanSchedule({ principal_usd: 1e6, annual_rate: 0.08, tenor_months: 120 });
    const i = monthly(0.08);
    const pmt = (1e6 * i) / (1 - (1 + i) ** -120);
    expect(rows).toHaveLength(120);
    rows.forEach((r) => expect(relErr(num(r.payment), pmt)).toBeLessThan(1e-12));
    expect(relErr(num(rows[0].interest), 1e6 * i)).toBeLessThan(1e-14);
    expect(rows[119].closingBalance.isZero()).toBe(true);
    expect(relErr(rows.reduce((s, r) => s + num(r.principal), 0), 1e6)).toBeLessThan(1e-13);
    // twelve months of interest compound to the annual rate: a year's interest on an unpaid balance is 8%
    const io = loanSchedule({ principal_usd: 1e6, annual_rate: 0.08, tenor_months: 24, grace_months: 12 });
    expect(relErr(1e6 * (1 + num(io[0].interest) / 1e6) ** 12, 1.08e6)).toBeLessThan(1e-14);
  });

  test("grace months pay interest only; STRAIGHT then repays equal principal with interest on the balance", () => {
    const rows = loanSchedule({ principal_usd: 1200, annual_rate: 0.1, tenor_months: 6, grace_months: 2, repayment: "straight" });
    const i = monthly(0.1);
    expect(rows.slice(0, 2).map((r) => [num(r.principal), num(r.closingBalance)])).toEqual([
      [0, 1200],
      [0, 1200],
    ]);
    expect(relErr(num(rows[1].payment), 1200 * i)).toBeLessThan(1e-14);
    [1200, 900, 600, 300].forEach((opening, k) => {
      const r = rows[2 + k];
      expect(relErr(num(r.openingBalance), opening)).toBeLessThan(1e-14);
      expect(relErr(num(r.principal), 300)).toBeLessThan(1e-14);
      expect(relErr(num(r.payment), 300 + opening * i)).toBeLessThan(1e-14);
    });
    expect(rows[5].closingBalance.isZero()).toBe(true);
  });

  test("a 0% loan repays principal / n; a payment column that leaves a balance shows it (a balloon)", () => {
    expect(loanSchedule({ principal_usd: 100, annual_rate: 0, tenor_months: 4 }).map((r) => num(r.payment))).toEqual([25, 25, 25, 25]);
    const balloon = loanSchedule({ principal_usd: 100, annual_rate: 0, tenor_months: 3, repayment: [10, 10, 10] });
    expect(num(balloon[2].closingBalance)).toBe(70);
  });

  test("bad inputs name the argument", () => {
    const ok = { principal_usd: 100, annual_rate: 0.08, tenor_months: 12 };
    expect(argumentOf(() => loanSchedule({ ...ok, annual_rate: -0.08 })).argument).toBe("annual_rate");
    expect(argumentOf(() => loanSchedule({ ...ok, grace_months: 12 })).argument).toBe("grace_months");
    expect(argumentOf(() => loanSchedule({ ...ok, repayment: "BULLET" })).message).toMatch(/"LEVEL" or "STRAIGHT"/);
    const column = argumentOf(() => loanSchedule({ ...ok, repayment: [1, 2] }));
    expect(column.argument).toBe("repayment");
    expect(column.message).toMatch(/tenor_months = 12.*got a column of 2 values/);
    expect(argumentOf(() => loanSchedule({ ...ok, grace_months: 1, repayment: new Array(12).fill(1) })).argument).toBe("grace_months");
    expect(argumentOf(() => loanSchedule({ ...ok, tenor_months: 0 })).argument).toBe("tenor_months");
  });
});


describe("EQUITYIRR", () => {
  test("agrees with a float bisection on 30 random levered projects", () => {
    const rand = prng(77);
    for (let c = 0; c < 30; c++) {
      const months = 60 + Math.floor(rand() * 120);
      const capex = between(rand, 1e7, 1e9);
      const flows = Array.from({ length: months }, () => (capex / months) * between(rand, 1.6, 2.4, false));
      const loan = capex * between(rand, 0.3, 0.8, false);
      const service = loanSchedule({ principal_usd: loan, annual_rate: 0.07, tenor_months: months - 12 }).map((r) => num(r.payment));
      const got = num(equityIrr({ cash_flows: flows, capex_usd: capex, loan_usd: loan, debt_service: service }));
      expect(Math.abs(got - floatEquityIrr(flows, capex, loan, service))).toBeLessThan(1e-9);
    }
  });

  /*
   * The financed lease: the README's 100 MW site leased (100 / 1.4 MW of critical IT at
   * $150/kW-month, 3% escalator, 15% opex, 10 years after a 12-month build at $9M per MW), 85%
   * loan-to-cost at 8% compounded monthly, interest capitalised over the build, then level over the
   * 10-year term. The issue reports a year-1 DSCR of 1.27× and an equity IRR of 27.0% against 12.2%
   * unlevered.
   */
  test("the issue's financed lease: year-1 DSCR 1.27×, equity IRR 27.0% against LEASEIRR 12.2%", () => {
    const lease: LeaseTerms = { critical_it_mw: 100 / 1.4, rate_usd_per_kw_month: 150, term_years: 10, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.15, build_months: 12 };
    const rows = leaseCashFlows(lease);
    const capex = num(rows[0].capex);
    const loan = 0.85 * capex;
    const effective = (1 + 0.08 / 12) ** 12 - 1; // 8% compounded monthly as an annual effective rate
    const atRentStart = loan * (1 + 0.08 / 12) ** 12; // the build's interest capitalised
    const level = loanSchedule({ principal_usd: atRentStart, annual_rate: effective, tenor_months: 120 });
    const service = [...new Array(12).fill(0), ...level.map((r) => num(r.payment))];
    // the same loan as one sculpted schedule from month 0: no payments in the build, then level
    const whole = loanSchedule({ principal_usd: loan, annual_rate: effective, tenor_months: 132, repayment: service });
    expect(Math.abs(num(whole[131].closingBalance))).toBeLessThan(1e-6);
    const firstYearNoi = rows.slice(13, 25).reduce((s, r) => s + num(r.net), 0);
    expect(firstYearNoi / (12 * service[12])).toBeCloseTo(1.27, 2);
    const irr = num(equityIrr({ cash_flows: rows.slice(1).map((r) => num(r.net)), capex_usd: capex, loan_usd: loan, debt_service: service }));
    expect(irr).toBeCloseTo(0.27, 3);
    expect(num(leaseIrr(lease))).toBeCloseTo(0.122, 3);
  });

  test("debt service may end before the cash flows (0 after), not after them; no sign change is #NUM!", () => {
    const a = num(equityIrr({ cash_flows: [60, 60, 60], capex_usd: 150, loan_usd: 50, debt_service: [20, 20] }));
    const b = num(equityIrr({ cash_flows: [60, 60, 60], capex_usd: 150, loan_usd: 50, debt_service: [20, 20, 0] }));
    expect(a).toBe(b);
    const long = argumentOf(() => equityIrr({ cash_flows: [60, 60], capex_usd: 150, loan_usd: 50, debt_service: [20, 20, 20] }));
    expect(long.argument).toBe("debt_service");
    expect(long.message).toMatch(/2 months.*got a column of 3 values/);
    expect(() => equityIrr({ cash_flows: [60], capex_usd: 0, loan_usd: 0, debt_service: [0] })).toThrow(NoAnswerError);
  });

  test("a loan above the capex is #VALUE! naming loan_usd (the equity would receive cash at month 0); equal to it is allowed", () => {
    const over = argumentOf(() => equityIrr({ cash_flows: [60, 60, 60], capex_usd: 150, loan_usd: 150.01, debt_service: [20, 20, 20] }));
    expect(over.argument).toBe("loan_usd");
    expect(over.names).toEqual(["loan_usd", "capex_usd"]);
    expect(over.message).toBe(
      "loan_usd and capex_usd must be such that loan_usd ≤ capex_usd; got 150.01 > 150",
    );
    // all debt: the equity pays 0 at month 0 and receives 40 a month; no sign change, no IRR (#NUM!), not #VALUE!
    expect(() => equityIrr({ cash_flows: [60, 60, 60], capex_usd: 150, loan_usd: 150, debt_service: [20, 20, 20] })).toThrow(NoAnswerError);
  });
});
