/*
 * DEPRECIATION, AFTERTAXCASHFLOWS, DEBTCAPACITY, LOANSCHEDULE and EQUITYIRR through their Excel
 * adapters, against independent arithmetic written here: Publication 946's printed percentages,
 * float re-derivations of the after-tax flows (both loss treatments), of a sculpted loan whose DSCR
 * is min_dscr every month and of the annuity payment, a float bisection for the equity IRR, and the
 * financed lease's DSCR 1.27× and equity IRR 27.0% as the audit reported them. The bad inputs the
 * issue names are #VALUE! naming the argument.
 */
import * as adapters from "../../src/functions/tax-and-debt";
import { leaseCashFlowsFn, leaseIrrFn } from "../../src/functions/lease";
import { excelError } from "../support/errors";
import { between, prng } from "../support/rational";
import { floatEquityIrr } from "../support/float-models";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value; the tests do too
const fn = adapters as unknown as Record<string, (...args: unknown[]) => any>;
const column = (xs: unknown[]) => xs.map((x) => [x]);
/** A table's column by its heading, the header row dropped. */
const col = (table: (string | number)[][], heading: string) =>
  table.slice(1).map((r) => r[table[0].indexOf(heading)] as number);
/** The monthly rate of an annual effective rate, in floats. */
const monthly = (annual: number) => (1 + annual) ** (1 / 12) - 1;

/** IRS Publication 946, Appendix A: Table A-1 (half-year) and Table A-7a (39-year, mid-month), percent. */
const TABLE_A1: Record<string, number[]> = {
  MACRS5: [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
  MACRS7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  MACRS15: [5.0, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95],
};
const A7A_YEAR_1 = [2.461, 2.247, 2.033, 1.819, 1.605, 1.391, 1.177, 0.963, 0.749, 0.535, 0.321, 0.107];
const A7A_YEAR_40 = [0.107, 0.321, 0.535, 0.749, 0.963, 1.177, 1.391, 1.605, 1.819, 2.033, 2.247, 2.461];

describe("DEPRECIATION", () => {
  test("the MACRS tables' percentages, year by year, under a header row; the remaining basis reaches 0", () => {
    for (const [method, percent] of Object.entries(TABLE_A1)) {
      const table = fn.depreciationFn(1e6, method);
      expect(table[0]).toEqual(["Year", "Deduction (USD)", "Remaining basis (USD)"]);
      expect(col(table, "Year")).toEqual(percent.map((_, k) => k + 1));
      col(table, "Deduction (USD)").forEach((d, k) =>
        expect(d).toBeNear(1e4 * percent[k], { rel: 1e-14, label: `${method} year ${k + 1}` }),
      );
      expect(col(table, "Remaining basis (USD)").at(-1)).toBe(0);
    }
  });

  test("SL39 by every month placed in service: Table A-7a's first and last years, 2.564% between, summing to the cost", () => {
    for (let month = 1; month <= 12; month++) {
      const d = col(fn.depreciationFn(1e6, "SL39", 0, month), "Deduction (USD)");
      expect(d).toHaveLength(40);
      expect(d[0]).toBeNear(1e4 * A7A_YEAR_1[month - 1], { rel: 1e-14, label: `month ${month}, year 1` });
      expect(d[39]).toBeNear(1e4 * A7A_YEAR_40[month - 1], { rel: 1e-14, label: `month ${month}, year 40` });
      for (let y = 1; y < 39; y++) expect(d[y]).toBeNear(25_640, { rel: 1e-14 });
      expect(d.reduce((s, x) => s + x, 0)).toBeNear(1e6, { rel: 1e-12, label: `month ${month}, the sum` });
    }
  });

  test("bonus in year 1 and the table on the rest; SL over years; fewer rows stop early, more add years of 0", () => {
    const bonus = col(fn.depreciationFn(1000, "macrs7", 0.4), "Deduction (USD)");
    expect(bonus[0]).toBeNear(400 + 6 * 14.29, { rel: 1e-14 });
    expect(bonus[1]).toBeNear(6 * 24.49, { rel: 1e-14 });
    expect(col(fn.depreciationFn(1e6, "SL", 0, 1, 8), "Deduction (USD)")).toEqual(new Array(8).fill(125_000));
    const short = fn.depreciationFn(1000, "MACRS5", 0, 1, 2);
    expect(short.slice(1)).toEqual([
      [1, 200, 800],
      [2, 320, 480],
    ]);
    expect(col(fn.depreciationFn(1000, "MACRS5", 1, 1, 8), "Deduction (USD)")).toEqual([1000, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("an unknown method, a month of 13, a bonus on SL39, SL without years: #VALUE! naming the argument", () => {
    expect(excelError(() => fn.depreciationFn(1000, "MACRS3")).message).toBe(
      'DEPRECIATION: method must be one of "MACRS5", "MACRS7", "MACRS15", "SL39" or "SL"; got "MACRS3"',
    );
    expect(excelError(() => fn.depreciationFn(1000, "SL39", 0, 13)).message).toBe(
      "DEPRECIATION: placed_in_service_month must be a whole number from 1 to 12 (1 = January, 12 = December); got 13",
    );
    expect(excelError(() => fn.depreciationFn(1000, "SL39", 0.5)).message).toMatch(
      /^DEPRECIATION: bonus_pct must be 0 with SL39/,
    );
    expect(excelError(() => fn.depreciationFn(1000, "SL")).message).toMatch(/^DEPRECIATION: years must be .* with SL/);
    expect(excelError(() => fn.depreciationFn(1000, "MACRS5", 0, 1, 101)).message).toMatch(
      /^DEPRECIATION: years must be a whole number from 1 to 100/,
    );
    expect(excelError(() => fn.depreciationFn(-1, "MACRS5")).message).toMatch(
      /^DEPRECIATION: cost_usd must be a number of 0 or more/,
    );
  });
});

/**
 * The after-tax flows as the function's reference defines them, in floats: model year y holds months
 * 12y − 11 .. 12y (month 0 in year 1), taxable income = flows + capex − the year's deduction, tax
 * in the year's last month (or the flows' last); GROUP taxes losses negatively, NOL carries them and
 * offsets at most 80% of a later year's income.
 */
function floatAfterTax(
  flows: number[],
  deductions: number[],
  rate: number,
  nol: boolean,
  capex: number[],
  first: number,
) {
  const last = first + flows.length - 1;
  const rows: number[][] = [];
  let income = 0;
  let carried = 0;
  flows.forEach((cf, k) => {
    const month = first + k;
    income += cf + capex[k];
    let tax = 0;
    if (month === last || (month > 0 && month % 12 === 0)) {
      const year = Math.max(1, Math.ceil(month / 12));
      const taxable = income - (deductions[year - 1] ?? 0);
      if (!nol) tax = rate * taxable;
      else if (taxable < 0) carried -= taxable;
      else {
        const used = Math.min(carried, 0.8 * taxable);
        carried -= used;
        tax = rate * (taxable - used);
      }
      income = 0;
    }
    rows.push([month, cf, tax, cf - tax, carried]);
  });
  return rows;
}

describe("AFTERTAXCASHFLOWS", () => {
  test("agrees with a float re-derivation under GROUP and NOL, from month 1 and from month 0 with capex, on 60 random projects", () => {
    const rand = prng(2301);
    for (let c = 0; c < 60; c++) {
      const months = 6 + Math.floor(rand() * 90);
      const first = c % 2;
      const flows = Array.from({ length: months }, () => (rand() < 0.3 ? -1 : 1) * between(rand, 1e3, 1e6));
      const capex = flows.map((_, k) => (k === 0 || rand() < 0.05 ? between(rand, 1e4, 1e7) : 0));
      const years = Math.max(1, Math.ceil((first + months - 1) / 12));
      const deductions = Array.from({ length: 1 + Math.floor(rand() * years) }, () => between(rand, 1e3, 1e7));
      const rate = between(rand, 0.05, 0.4, false);
      const nol = c % 4 < 2;
      const got = fn.afterTaxCashFlowsFn(
        column(flows),
        column(deductions),
        rate,
        nol ? "NOL" : "group",
        column(capex),
        first,
      );
      expect(got[0]).toEqual([
        "Month",
        "Pre-tax cash flow (USD)",
        "Tax (USD)",
        "After-tax cash flow (USD)",
        "Loss carried forward (USD)",
      ]);
      const want = floatAfterTax(flows, deductions, rate, nol, capex, first);
      expect(got).toHaveLength(want.length + 1);
      want.forEach((row, k) =>
        row.forEach((x, j) =>
          expect(got[k + 1][j]).toBeNear(x, {
            rel: 1e-9,
            abs: 1e-6,
            label: `case ${c}, row ${k + 1}, column ${j + 1}`,
          }),
        ),
      );
    }
  });

  test("the reference's examples: a 1,680 saving under GROUP, 840 under NOL after 8,000 carried", () => {
    const months = column(new Array(24).fill(1000));
    const group = fn.afterTaxCashFlowsFn(months, [[20000, 0]], 0.21);
    expect([group[12][2], group[24][2], group[12][4]]).toEqual([-1680, 2520, 0]);
    const nol = fn.afterTaxCashFlowsFn(months, [[20000, 0]], 0.21, "NOL");
    expect([nol[12][2], nol[12][4], nol[24][2], nol[24][4]]).toEqual([0, 8000, 840, 0]);
    // a number for capex is every month's (added back each month); a number for cash_flows is one month
    expect(fn.afterTaxCashFlowsFn(column([100, 100]), 0, 0.5, "GROUP", 10)[2][2]).toBe(110);
    expect(fn.afterTaxCashFlowsFn(500, 100, 0.5)).toEqual([expect.any(Array), [1, 500, 200, 300, 0]]);
  });

  test("columns of different lengths, more deduction years than the flows, a negative rate, an unknown treatment: #VALUE! naming the argument", () => {
    const flows = column(new Array(24).fill(1000));
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, [[1, 2, 3]], 0.21)).message).toMatch(
      /^AFTERTAXCASHFLOWS: depreciation must be at most one deduction per model year of cash_flows \(24 months from month 1 make 2 years.*; got 3 years$/,
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, 0, 0.21, "GROUP", column([1, 2]))).message).toBe(
      "AFTERTAXCASHFLOWS: capex_usd_in_cash_flows must be a number or a column as long as cash_flows (24 values); got a column of 2 values",
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, 0, -0.21)).message).toBe(
      "AFTERTAXCASHFLOWS: tax_rate must be a fraction from 0 to 1 (0.02 = 2%); got -0.21",
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, 0, 0.21, "CARRYBACK")).message).toBe(
      'AFTERTAXCASHFLOWS: loss_treatment must be one of "GROUP" or "NOL"; got "CARRYBACK"',
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, [[5], [-1]], 0.21)).message).toBe(
      "AFTERTAXCASHFLOWS: depreciation must be a number of 0 or more in every row; got -1 in row 2",
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(flows, 0, 0.21, "GROUP", 0, 2)).message).toMatch(
      /^AFTERTAXCASHFLOWS: first_month must be 0 or 1/,
    );
    expect(excelError(() => fn.afterTaxCashFlowsFn(column([1, "x"]), 0, 0.21)).message).toBe(
      'AFTERTAXCASHFLOWS: cash_flows must be a finite number in every row of the range; got text "x" in row 2',
    );
  });
});

describe("DEBTCAPACITY", () => {
  test("the loan that payments of CFADS / min_dscr repay exactly: every month's DSCR is min_dscr (float schedule, 30 random cases)", () => {
    const rand = prng(2302);
    for (let c = 0; c < 30; c++) {
      const months = 24 + Math.floor(rand() * 150);
      const build = Math.floor(rand() * 12);
      const cfads = Array.from({ length: months }, (_, k) => (k < build ? 0 : between(rand, 1e5, 1e7)));
      const tenor = build + 1 + Math.floor(rand() * (months - build - 1));
      const rate = between(rand, 0.01, 0.15);
      const dscr = between(rand, 1.05, 2, false);
      const loan = fn.debtCapacityFn(column(cfads), rate, tenor, dscr);
      let balance = loan;
      for (let m = 1; m <= tenor; m++) balance = balance * (1 + monthly(rate)) - cfads[m - 1] / dscr;
      expect(Math.abs(balance)).toBeLessThan(1e-9 * loan);
      // LOANSCHEDULE with the sculpted payments closes at zero, each payment CFADS / min_dscr
      const schedule = fn.loanScheduleFn(loan, rate, tenor, 0, column(cfads.slice(0, tenor).map((x) => x / dscr)));
      expect(Math.abs(col(schedule, "Closing balance (USD)")[tenor - 1])).toBeLessThan(1e-8 * loan);
    }
  });

  test("a number is every month's CFADS: an annuity's present value; max_loan_usd caps it", () => {
    const i = monthly(0.08);
    const annuity = (1e6 / 1.3) * ((1 - (1 + i) ** -120) / i);
    expect(fn.debtCapacityFn(1e6, 0.08, 120, 1.3)).toBeNear(annuity, { rel: 1e-13 });
    expect(fn.debtCapacityFn(column(new Array(120).fill(1e6)), 0.08, 120, 1.3)).toBe(
      fn.debtCapacityFn(1e6, 0.08, 120, 1.3),
    );
    expect(fn.debtCapacityFn(1e6, 0.08, 120, 1.3, 50e6)).toBe(50e6);
    expect(fn.debtCapacityFn(1e6, 0, 12, 2)).toBe(6e6);
  });

  test("a negative rate, a DSCR of 0 or less, CFADS shorter than the tenor: #VALUE! naming the argument", () => {
    expect(excelError(() => fn.debtCapacityFn(1e6, -0.08, 120, 1.3)).message).toBe(
      "DEBTCAPACITY: annual_rate must be a number of 0 or more; got -0.08",
    );
    expect(excelError(() => fn.debtCapacityFn(1e6, 0.08, 120, 0)).message).toBe(
      "DEBTCAPACITY: min_dscr must be a number greater than 0; got 0",
    );
    expect(excelError(() => fn.debtCapacityFn(1e6, 0.08, 120, -1.3)).message).toBe(
      "DEBTCAPACITY: min_dscr must be a number greater than 0; got -1.3",
    );
    expect(excelError(() => fn.debtCapacityFn(column([1, 2, 3]), 0.08, 4, 1.3)).message).toBe(
      "DEBTCAPACITY: cfads must be a column of at least tenor_months values, one per month from month 1 (tenor_months = 4); got a column of 3 values",
    );
    expect(excelError(() => fn.debtCapacityFn(1e6, 0.08, 1201, 1.3)).message).toBe(
      "DEBTCAPACITY: tenor_months must be a whole number from 1 to 1200; got 1201",
    );
  });
});

describe("LOANSCHEDULE", () => {
  test("LEVEL pays the annuity (Excel's PMT at the monthly equivalent rate) after interest-only months, and closes at 0", () => {
    const i = monthly(0.08);
    const table = fn.loanScheduleFn(1e6, 0.08, 132, 12);
    expect(table[0]).toEqual([
      "Month",
      "Opening balance (USD)",
      "Interest (USD)",
      "Principal (USD)",
      "Payment (USD)",
      "Closing balance (USD)",
    ]);
    expect(table).toHaveLength(133);
    const payment = col(table, "Payment (USD)");
    payment.slice(0, 12).forEach((p) => expect(p).toBeNear(1e6 * i, { rel: 1e-13 }));
    const pmt = (1e6 * i) / (1 - (1 + i) ** -120);
    payment.slice(12).forEach((p, k) => expect(p).toBeNear(pmt, { rel: 1e-12, label: `month ${13 + k}` }));
    expect(col(table, "Closing balance (USD)")[131]).toBe(0);
    expect(col(table, "Principal (USD)").reduce((s, x) => s + x, 0)).toBeNear(1e6, { rel: 1e-12 });
  });

  test("STRAIGHT repays equal principal; a column of payments (a column or a row) is followed, its balloon shown", () => {
    const straight = fn.loanScheduleFn(1200, 0.1, 6, 2, "straight");
    expect(col(straight, "Principal (USD)")).toEqual([0, 0, 300, 300, 300, 300]);
    expect(col(straight, "Opening balance (USD)")).toEqual([1200, 1200, 1200, 900, 600, 300]);
    const balloon = fn.loanScheduleFn(1000, 0, 3, 0, column([300, 300, 300]));
    expect(col(balloon, "Closing balance (USD)")).toEqual([700, 400, 100]);
    expect(fn.loanScheduleFn(1000, 0, 3, 0, [[300, 300, 300]])).toEqual(balloon);
    expect(fn.loanScheduleFn(1000, 0, 1, 0, 1000)[1]).toEqual([1, 1000, 0, 1000, 1000, 0]); // a number: a column of one payment
    expect(fn.loanScheduleFn(1000, 0.05, 12, 0, [["LEVEL"]])).toEqual(fn.loanScheduleFn(1000, 0.05, 12));
  });

  test("a negative rate, an unknown repayment, a column of another length, grace with a column, a bad cell: #VALUE! naming the argument", () => {
    expect(excelError(() => fn.loanScheduleFn(1000, -0.05, 12)).message).toBe(
      "LOANSCHEDULE: annual_rate must be a number of 0 or more; got -0.05",
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 12, 0, "BULLET")).message).toBe(
      'LOANSCHEDULE: repayment must be one of "LEVEL" or "STRAIGHT", or a column of tenor_months payments; got "BULLET"',
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 12, 0, column([1, 2]))).message).toBe(
      'LOANSCHEDULE: repayment must be "LEVEL", "STRAIGHT" or a column of exactly tenor_months payments (tenor_months = 12); got a column of 2 values',
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 2, 1, column([1, 2]))).message).toMatch(
      /^LOANSCHEDULE: grace_months must be 0 or blank when repayment is a column/,
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 12, 12)).message).toMatch(
      /^LOANSCHEDULE: grace_months must be a whole number of months below tenor_months \(12\)/,
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 2, 0, column([1, "two"]))).message).toBe(
      'LOANSCHEDULE: repayment must be a finite number in every row of the range; got text "two" in row 2',
    );
    expect(excelError(() => fn.loanScheduleFn(1000, 0.05, 2, 0, true)).message).toBe(
      'LOANSCHEDULE: repayment must be "LEVEL", "STRAIGHT" or a column; got TRUE',
    );
    expect(
      excelError(() =>
        fn.loanScheduleFn(1000, 0.05, 4, 0, [
          [1, 2],
          [3, 4],
        ]),
      ).message,
    ).toBe('LOANSCHEDULE: repayment must be "LEVEL", "STRAIGHT" or a column; got a 2×2 range');
  });
});


describe("EQUITYIRR", () => {
  test("agrees with a float bisection on 20 random levered projects, the debt service from LOANSCHEDULE", () => {
    const rand = prng(2303);
    for (let c = 0; c < 20; c++) {
      const months = 60 + Math.floor(rand() * 120);
      const capex = between(rand, 1e7, 1e9);
      const flows = Array.from({ length: months }, () => (capex / months) * between(rand, 1.6, 2.4, false));
      const loan = capex * between(rand, 0.3, 0.8, false);
      const service = col(fn.loanScheduleFn(loan, 0.07, months - 12), "Payment (USD)");
      const got = fn.equityIrrFn(column(flows), capex, loan, column(service));
      expect(got).toBeNear(floatEquityIrr(flows, capex, loan, service), { abs: 1e-9, label: `case ${c}` });
    }
  });

  /*
   * The audit's financed lease: the README's 100 MW lease leg (100 / 1.4 MW of critical IT at
   * $150/kW-month, 3% escalator, 15% opex, 10 years after a 12-month build at $9M per MW), 85%
   * loan-to-cost at 8% compounded monthly, the build's interest capitalised, then level over the
   * 10-year term. The audit reports a year-1 DSCR of 1.27× and an equity IRR of 27.0% against 12.2%
   * unlevered; a lender sizing at 1.30× over 10 years lends about the 85% the deals report.
   */
  test("the audit's financed lease: year-1 DSCR 1.27×, equity IRR 27.0% against 12.2% unlevered", () => {
    const lease = [100 / 1.4, 150, 10, 0.12, 0.03, 9e6, 0.15, 12];
    const schedule = leaseCashFlowsFn(...lease);
    const capex = col(schedule, "Capex (USD)")[0];
    const noi = col(schedule, "Net cash flow (USD)").slice(1); // months 1..132
    const loan = 0.85 * capex;
    const rate = (1 + 0.08 / 12) ** 12 - 1;
    const level = col(fn.loanScheduleFn(loan * (1 + 0.08 / 12) ** 12, rate, 120), "Payment (USD)");
    const service = [...new Array(12).fill(0), ...level];
    const firstYear = noi.slice(12, 24).reduce((s, x) => s + x, 0);
    expect((firstYear / (12 * service[12])).toFixed(2)).toBe("1.27");
    expect(fn.equityIrrFn(column(noi), capex, loan, column(service)).toFixed(3)).toBe("0.270");
    const unlevered = fn.equityIrrFn(column(noi), capex, 0, 0);
    expect(unlevered.toFixed(3)).toBe("0.122");
    expect(unlevered).toBeNear(leaseIrrFn(100 / 1.4, 150, 10, 0.03, 9e6, 0.15, 12), { rel: 1e-12 });
    expect((fn.debtCapacityFn(column(noi), rate, 120, 1.3) / capex).toFixed(3)).toBe("0.859");
  });

  test("a number is every month's debt service; a shorter column owes nothing after it; a longer one is #VALUE! with both lengths", () => {
    const flows = column([60, 60, 60]);
    expect(fn.equityIrrFn(flows, 150, 50, 20)).toBe(fn.equityIrrFn(flows, 150, 50, column([20, 20, 20])));
    expect(fn.equityIrrFn(flows, 150, 50, column([20, 20]))).toBe(fn.equityIrrFn(flows, 150, 50, column([20, 20, 0])));
    expect(excelError(() => fn.equityIrrFn(column([60, 60]), 150, 50, column([20, 20, 20]))).message).toBe(
      "EQUITYIRR: debt_service must be a column no longer than cash_flows (2 months); shorter means no debt service after it ends; got a column of 3 values",
    );
    expect(excelError(() => fn.equityIrrFn(flows, 150, 50, -20)).message).toBe(
      "EQUITYIRR: debt_service must be a number of 0 or more; got -20",
    );
    expect(excelError(() => fn.equityIrrFn(flows, 150, 50, null)).message).toBe(
      "EQUITYIRR: debt_service must be a number or a column (it is required, and the argument is blank)",
    );
  });

  test("no sign change, or no rate, is #NUM!", () => {
    expect(excelError(() => fn.equityIrrFn(column([60, 60, 60]), 100, 100, 0)).code).toBe("#NUM!");
    expect(excelError(() => fn.equityIrrFn(column([300, -250]), 100, 0, 0)).code).toBe("#NUM!");
  });
});
