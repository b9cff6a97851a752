import { InvalidArgumentError, TREASURY_COLUMNS, treasuryCashFlows, TreasuryPlan, treasurySummary } from "../../src/calc";
import { relErr } from "../support/rational";

const num = (x: { toNumber(): number }) => x.toNumber();
const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));

/*
 * A price collapse, worked by hand. 10 BTC mined a month, $500,000 of cash costs a month (a cash
 * cost of $50,000 per BTC), $1M of cash and 100 BTC at the start, min_cash 0. The price holds at
 * $100,000 for three months, then falls to $80,000, $60,000 and $40,000, below the cost.
 */
const COLLAPSE = [100_000, 100_000, 100_000, 80_000, 60_000, 40_000, 40_000, 40_000];
const collapse = (policy: string, extra: Partial<TreasuryPlan> = {}) =>
  treasuryCashFlows({ cash: 1e6, btc: 100, months: 8, btc_mined: 10, btc_price: COLLAPSE, cash_costs: 500_000, policy, ...extra });

describe("the policies on a price collapse", () => {
  test("HOLD runs out of cash in month 3 and is forced to sell every month after, two thirds of it at the bottom", () => {
    const rows = collapse("HOLD");
    // months 1–2 spend the $1M; from month 3 each month's $500,000 is raised by selling at that month's price
    const forced = [0, 0, 5, 6.25, 500_000 / 60_000, 12.5, 12.5, 12.5];
    rows.forEach((r, i) => close(num(r.btcForced), forced[i]));
    expect(rows.map((r) => num(r.cash))).toEqual([500_000, 0, 0, 0, 0, 0, 0, 0]);
    const s = treasurySummary(rows);
    expect(s.firstForcedMonth).toBe(3);
    const total = 5 + 6.25 + 500_000 / 60_000 + 37.5; // 57.083 BTC
    close(num(s.btcForced), total);
    close(num(rows[7].btcHeld), 100 + 80 - total);
    expect(37.5 / total).toBeGreaterThan(0.65); // sold at $40,000
    expect(rows.every((r) => !r.insolvent)).toBe(true);
  });

  test("SELLALL is never forced: it sold at the top, and the cash it banked carries the months below cost", () => {
    const rows = collapse("SELLALL");
    expect(rows.every((r) => r.btcForced.isZero())).toBe(true);
    expect(rows.every((r) => r.btcSold.eq(10) && r.btcHeld.eq(100))).toBe(true);
    // 1M + 10 × (3 × 100k + 80k + 60k + 3 × 40k) − 8 × 500k
    expect(num(rows[7].cash)).toBe(2_600_000);
    expect(num(rows[5].cash)).toBe(2_800_000); // the first month below cost draws on the bank
  });

  test("SELLPCT (half the output) lies between: forced only in the last month, 5 BTC", () => {
    const rows = collapse("SELLPCT", { sell_fraction: 0.5 });
    // cash: 1M for months 1–3 (5 × 100k = costs), then −100k, −200k, −300k, −300k: 0.9M, 0.7M, 0.4M, 0.1M, short 0.2M
    expect(rows.map((r) => num(r.cash))).toEqual([1e6, 1e6, 1e6, 900_000, 700_000, 400_000, 100_000, 0]);
    expect(rows.map((r) => num(r.btcForced))).toEqual([0, 0, 0, 0, 0, 0, 0, 5]);
    expect(num(rows[7].btcSold)).toBe(10);
    expect(num(treasurySummary(rows).btcForced)).toBe(5);
  });

  test("forced sales order: HOLD > SELLPCT > SELLALL = 0", () => {
    const f = (p: string, x = {}) => num(treasurySummary(collapse(p, x)).btcForced);
    expect(f("HOLD")).toBeGreaterThan(f("SELLPCT", { sell_fraction: 0.5 }));
    expect(f("SELLPCT", { sell_fraction: 0.5 })).toBeGreaterThan(f("SELLALL"));
    expect(f("SELLALL")).toBe(0);
  });

  test("SELLPCT with sell_fraction 0 is HOLD, and with 1 is SELLALL", () => {
    const same = (a: ReturnType<typeof collapse>, b: ReturnType<typeof collapse>) =>
      a.every((r, i) => TREASURY_COLUMNS.every((k) => (typeof r[k] === "object" ? (r[k] as { eq(x: unknown): boolean }).eq(b[i][k]) : r[k] === b[i][k])));
    expect(same(collapse("SELLPCT", { sell_fraction: 0 }), collapse("HOLD"))).toBe(true);
    expect(same(collapse("SELLPCT", { sell_fraction: 1 }), collapse("SELLALL"))).toBe(true);
  });
});

describe("cash and BTC running out", () => {
  test("with too little BTC everything is sold, cash goes negative and the month is insolvent; the schedule runs on", () => {
    // no cash, no stack, 1 BTC a month at $100,000 against $500,000 of costs
    const rows = treasuryCashFlows({ cash: 0, btc: 0, months: 3, btc_mined: 1, btc_price: 100_000, cash_costs: 500_000, policy: "HOLD" });
    expect(rows.map((r) => num(r.btcForced))).toEqual([1, 1, 1]);
    expect(rows.map((r) => num(r.btcHeld))).toEqual([0, 0, 0]);
    expect(rows.map((r) => num(r.cash))).toEqual([-400_000, -800_000, -1_200_000]);
    expect(rows.map((r) => r.insolvent)).toEqual([true, true, true]);
    expect(treasurySummary(rows).firstInsolventMonth).toBe(1);
  });

  test("the flag is each month's state: income that restores cash clears it", () => {
    const rows = treasuryCashFlows({
      cash: 0,
      btc: 0,
      months: 3,
      btc_mined: 0,
      btc_price: 100_000,
      cash_costs: 500_000,
      policy: "HOLD",
      other_income: [0, 0, 2_000_000],
    });
    expect(rows.map((r) => num(r.cash))).toEqual([-500_000, -1_000_000, 500_000]);
    expect(rows.map((r) => r.insolvent)).toEqual([true, true, false]);
  });

  test("below min_cash with no BTC left is not insolvent: the floor is a policy; cash shows the months below it", () => {
    const rows = treasuryCashFlows({ cash: 1e6, btc: 2, months: 3, btc_mined: 0, btc_price: 100_000, cash_costs: 500_000, policy: "HOLD", min_cash: 600_000 });
    // month 1: 500k before sales, 1 BTC restores 600k; month 2: 100k before sales, the last BTC raises 100k → 200k,
    // below the 600k floor but solvent; month 3: −300k, bills unpaid
    expect(rows.map((r) => num(r.btcForced))).toEqual([1, 1, 0]);
    expect(rows.map((r) => num(r.cash))).toEqual([600_000, 200_000, -300_000]);
    expect(rows.map((r) => r.insolvent)).toEqual([false, false, true]);
    expect(treasurySummary(rows).firstInsolventMonth).toBe(3);
  });

  test("a company with $5M of cash, no BTC and no costs is solvent under a $10M floor", () => {
    const rows = treasuryCashFlows({ cash: 5e6, btc: 0, months: 2, btc_mined: 0, btc_price: 100_000, cash_costs: 0, policy: "HOLD", min_cash: 10e6 });
    expect(rows.map((r) => num(r.cash))).toEqual([5e6, 5e6]);
    expect(rows.every((r) => !r.insolvent)).toBe(true);
  });

  test("selling exactly the last BTC to reach min_cash is not insolvency", () => {
    const rows = treasuryCashFlows({ cash: 0, btc: 10, months: 1, btc_mined: 0, btc_price: 100, cash_costs: 1000, policy: "HOLD" });
    expect(num(rows[0].btcHeld)).toBe(0);
    expect(num(rows[0].cash)).toBe(0);
    expect(rows[0].insolvent).toBe(false);
  });
});

describe("conventions", () => {
  test("BTC mined in a month can be sold that month", () => {
    // no stack, no cash: the month's costs are met from its own output
    const [m1] = treasuryCashFlows({ cash: 0, btc: 0, months: 1, btc_mined: 10, btc_price: 100_000, cash_costs: 250_000, policy: "HOLD" });
    expect(num(m1.btcForced)).toBe(2.5);
    expect(num(m1.btcHeld)).toBe(7.5);
    expect(num(m1.cash)).toBe(0);
  });

  test("starting cash below min_cash is restored at the end of month 1, at month 1's price", () => {
    const [m1] = treasuryCashFlows({ cash: 0, btc: 100, months: 1, btc_mined: 0, btc_price: 90_000, cash_costs: 0, policy: "HOLD", min_cash: 1_800_000 });
    expect(num(m1.btcForced)).toBe(20);
    expect(num(m1.cash)).toBe(1_800_000);
  });

  test("forced sales are exact decimals, not whole satoshis: cash lands exactly on min_cash", () => {
    const [m1] = treasuryCashFlows({ cash: 0, btc: 1, months: 1, btc_mined: 0, btc_price: 3, cash_costs: 1, policy: "HOLD" });
    expect(m1.btcForced.toString()).toBe("0.3333333333333333333333333333333333333333"); // 1/3 to 40 digits
    expect(m1.cash.isZero()).toBe(true);
  });

  test("cash in and cash out: sales and positive income in; costs, debt service and negative income out", () => {
    const rows = treasuryCashFlows({
      cash: 1e6,
      btc: 0,
      months: 2,
      btc_mined: 2,
      btc_price: 50_000,
      cash_costs: 300_000,
      policy: "SELLALL",
      other_income: [400_000, -250_000],
      debt_service: 50_000,
    });
    expect(rows.map((r) => num(r.cashIn))).toEqual([500_000, 100_000]);
    expect(rows.map((r) => num(r.cashOut))).toEqual([350_000, 600_000]);
    expect(rows.map((r) => num(r.cash))).toEqual([1_150_000, 650_000]);
  });

  test("a start price grows monthly from month 1, as MININGCASHFLOWS prices its months", () => {
    const rows = treasuryCashFlows({ cash: 0, btc: 0, months: 13, btc_mined: 0, btc_price: 91_000, cash_costs: 0, policy: "HOLD", btc_price_growth_monthly: 0.01 });
    expect(num(rows[0].price)).toBe(91_000);
    expect(relErr(num(rows[12].price), 91_000 * 1.01 ** 12)).toBeLessThan(1e-14);
  });

  test("a price column is used as given", () => {
    const rows = treasuryCashFlows({ cash: 0, btc: 0, months: 3, btc_mined: 0, btc_price: [1, 2, 3], cash_costs: 0, policy: "HOLD" });
    expect(rows.map((r) => num(r.price))).toEqual([1, 2, 3]);
  });

  test("sell_fraction is ignored by HOLD and SELLALL", () => {
    const a = collapse("HOLD", { sell_fraction: 0.7 });
    const b = collapse("HOLD");
    expect(a.map((r) => num(r.btcSold))).toEqual(b.map((r) => num(r.btcSold)));
    expect(collapse("SELLALL", { sell_fraction: 0.2 }).every((r) => r.btcSold.eq(10))).toBe(true);
  });

  test("the policy is case-insensitive", () => {
    expect(num(collapse("sellpct", { sell_fraction: 0.5 })[7].btcForced)).toBe(5);
    expect(num(collapse(" Hold ")[2].btcForced)).toBe(5);
  });
});

describe("bad inputs are invalid arguments naming the argument", () => {
  const base: TreasuryPlan = { cash: 1e6, btc: 10, months: 12, btc_mined: 5, btc_price: 90_000, cash_costs: 400_000, policy: "HOLD" };

  test.each([
    [{ policy: "SELL" }, 'policy must be one of "HOLD", "SELLALL" or "SELLPCT"; got "SELL"'],
    [{ policy: "" }, 'policy must be one of "HOLD", "SELLALL" or "SELLPCT"; got ""'],
    [{ btc_mined: new Array(11).fill(5) }, "btc_mined must be a number or a column of exactly 12 values, one per month (months = 12); got a column of 11 values"],
    [{ btc_price: new Array(13).fill(9e4) }, "btc_price must be a number or a column of exactly 12 values, one per month (months = 12); got a column of 13 values"],
    [{ cash_costs: [1] }, "cash_costs must be a number or a column of exactly 12 values, one per month (months = 12); got a column of 1 value"],
    [{ other_income: [] }, "other_income must be a number or a column of exactly 12 values, one per month (months = 12); got a column of 0 values"],
    [{ debt_service: new Array(24).fill(0) }, "debt_service must be a number or a column of exactly 12 values, one per month (months = 12); got a column of 24 values"],
    [{ btc: -1 }, "btc must be a number of 0 or more; got -1"],
    [{ cash: -1 }, "cash must be a number of 0 or more; got -1"],
    [{ btc_mined: -0.5 }, "btc_mined must be a number of 0 or more; got -0.5"],
    [{ btc_mined: [5, 5, -1, 5, 5, 5, 5, 5, 5, 5, 5, 5] }, "btc_mined must be a number of 0 or more in every row; got -1 in row 3"],
    [{ btc_price: 0 }, "btc_price must be a number greater than 0; got 0"],
    [{ btc_price: [9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 9e4, 0] }, "btc_price must be a number greater than 0 in every row; got 0 in row 12"],
    [{ btc_price: new Array(12).fill(9e4), btc_price_growth_monthly: 0.01 }, "btc_price_growth_monthly must be 0 or blank when btc_price is a column"],
    [{ btc_price_growth_monthly: -1 }, "btc_price_growth_monthly must be a rate greater than -1"],
    [{ cash_costs: -1 }, "cash_costs must be a number of 0 or more; got -1"],
    [{ debt_service: -1 }, "debt_service must be a number of 0 or more; got -1"],
    [{ other_income: Infinity }, "other_income must be a finite number; got Infinity"],
    [{ sell_fraction: 1.5 }, "sell_fraction must be a fraction from 0 to 1"],
    [{ min_cash: -1 }, "min_cash must be a number of 0 or more; got -1"],
    [{ months: 0 }, "months must be a whole number from 1 to 1200; got 0"],
    [{ months: 1201 }, "months must be a whole number from 1 to 1200; got 1201"],
    [{ months: 2.5 }, "months must be a whole number of 0 or more; got 2.5"],
  ])("%p", (change, message) => {
    const call = () => treasuryCashFlows({ ...base, ...change } as TreasuryPlan);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });

  test("a column of the right length is accepted for every per-month argument", () => {
    const col = (x: number) => new Array(12).fill(x);
    const rows = treasuryCashFlows({ ...base, btc_mined: col(5), btc_price: col(9e4), cash_costs: col(4e5), other_income: col(1e5), debt_service: col(1e4) });
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
