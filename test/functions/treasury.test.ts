/*
 * The treasury functions through their Excel adapters: Strategy's vectors and hand-built
 * mNAV and LTV cases recomputed here in exact rationals; what Excel may pass (a number, a column, a
 * row, a 1×1 range, text options in any case); and the #VALUE!/#NUM! cases the issue names, each
 * naming the argument.
 */
import fc from "fast-check";
import * as treasuryModule from "../../src/functions/treasury";
import { fromTable } from "../../src/functions/fromtable";
import { Q, relErr } from "../support/rational";
import { excelError } from "../support/errors";
import { STRATEGY_Q1_2025 } from "../support/calls";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value; the tests do too
const t = treasuryModule as unknown as Record<string, (...args: unknown[]) => any>;
const column = (xs: unknown[]) => xs.map((x) => [x]);

describe("per-share metrics on Strategy's share table (31 Dec 2024 → 30 Mar 2025)", () => {
  const [b0, s0, b1, s1] = STRATEGY_Q1_2025;
  const yieldQ = Q.of(b1).div(s1).div(Q.of(b0).div(s0)).sub(1);

  test("BTC per share: 447,470 / 281,735,000, 158,826.56 sats a share", () => {
    const bps = t.btcPerShareFn(b0, s0);
    expect(relErr(bps, Q.of(b0).div(s0).toNumber())).toBeLessThan(1e-15);
    expect(Math.round(bps * 1e8 * 100) / 100).toBe(158_826.56);
  });

  test("BTC Yield 10.97% and BTC Gain 49,097 BTC, as the reference derives them", () => {
    const y = t.btcYieldFn(b0, s0, b1, s1);
    const g = t.btcGainFn(b0, s0, b1, s1);
    expect(relErr(y, yieldQ.toNumber())).toBeLessThan(1e-15);
    expect(relErr(g, Q.of(b0).mul(yieldQ).toNumber())).toBeLessThan(1e-15);
    expect([Number(y.toFixed(4)), Math.round(g)]).toEqual([0.1097, 49_097]);
  });

  test("no BTC at the start is #NUM!; shares of 0 or less and negative BTC are #VALUE! naming them", () => {
    expect(excelError(() => t.btcYieldFn(0, s0, b1, s1)).code).toBe("#NUM!");
    expect(excelError(() => t.btcGainFn(0, s0, b1, s1)).message).toMatch(/^BTCGAIN: btc_start is 0/);
    expect(excelError(() => t.btcPerShareFn(b0, 0)).message).toBe("BTCPERSHARE: shares must be a number greater than 0; got 0");
    expect(excelError(() => t.btcYieldFn(b0, s0, b1, -5)).message).toBe("BTCYIELD: shares_end must be a number greater than 0; got -5");
    expect(excelError(() => t.btcPerShareFn(-1, s0)).message).toBe("BTCPERSHARE: btc must be a number of 0 or more; got -1");
    expect(excelError(() => t.btcGainFn(b0, s0, -2, s1)).message).toBe("BTCGAIN: btc_end must be a number of 0 or more; got -2");
  });
});

describe("mNAV and NAV per share, hand-built", () => {
  // 100 shares at $50 (market cap $5,000), $1,000 debt, $500 preferred, $200 cash, 2 BTC at $2,000 (Bitcoin NAV $4,000)
  const company = [50, 100, 2, 2000, 1000, 500, 200];

  test("EV (the default): (5,000 + 1,000 + 500 − 200) / 4,000 = 1.575; MCAP: 5,000 / 4,000 = 1.25", () => {
    expect(t.mnavFn(...company, "EV")).toBe(1.575);
    expect(t.mnavFn(...company)).toBe(1.575);
    expect(t.mnavFn(...company, null)).toBe(1.575);
    expect(t.mnavFn(...company, "MCAP")).toBe(1.25);
  });

  test("the basis in any case, spaces trimmed, and from a 1×1 range", () => {
    expect(t.mnavFn(...company, "mcap")).toBe(1.25);
    expect(t.mnavFn(...company, " Ev ")).toBe(1.575);
    expect(t.mnavFn(...company, [["MCAP"]])).toBe(1.25);
  });

  test("an unknown basis is #VALUE! listing the allowed ones; a number there says it must be text", () => {
    const e = excelError(() => t.mnavFn(...company, "NAV"));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'MNAV: basis must be one of "EV" or "MCAP"; got "NAV"']);
    expect(excelError(() => t.mnavFn(...company, 1)).message).toBe('MNAV: basis must be text: "EV" or "MCAP", any case; got 1');
  });

  test("no BTC is #NUM!; shares of 0 is #VALUE! naming shares", () => {
    expect(excelError(() => t.mnavFn(50, 100, 0, 2000)).code).toBe("#NUM!");
    expect(excelError(() => t.mnavFn(50, 0, 2, 2000)).message).toBe("MNAV: shares must be a number greater than 0; got 0");
  });

  test("NAV per share: (2 × 2,000 + 200 − 1,000 − 500) / 100 = 27; without debt, preferred or cash 40; at a price of 0 negative", () => {
    expect(t.navPerShareFn(2, 2000, 100, 1000, 500, 200)).toBe(27);
    expect(t.navPerShareFn(2, 2000, 100)).toBe(40);
    expect(t.navPerShareFn(2, 0, 100, 1000)).toBe(-10);
  });
});

describe("a BTC-backed loan", () => {
  test("$30M on 500 BTC at $100,000: LTV 60%; margin call at 75% LTV $80,000, liquidation at 85% $70,588.24", () => {
    expect(t.ltvFn(30e6, 500, 100_000)).toBe(0.6);
    expect(t.ltvPriceFn(30e6, 500, 0.75)).toBe(80_000);
    const liquidation = t.ltvPriceFn(30e6, 500, 0.85);
    expect(relErr(liquidation, Q.of(30e6).div(Q.of(500).mul(Q.of(0.85))).toNumber())).toBeLessThan(1e-15);
    expect(Math.round(liquidation * 100) / 100).toBe(70_588.24);
  });

  test.each([0, -0.1, 1.01, 75])("ltv %p, outside (0, 1], is #VALUE! naming ltv", (ltv) => {
    const e = excelError(() => t.ltvPriceFn(30e6, 500, ltv));
    expect([e.code, e.message]).toEqual(["#VALUE!", `LTVPRICE: ltv must be a fraction greater than 0 and at most 1 (0.75 = 75%); got ${ltv}`]);
  });

  test("no loan is #NUM! (no price reaches the threshold); an LTV of 1 is the price at which the loan equals the collateral", () => {
    expect(excelError(() => t.ltvPriceFn(0, 500, 0.75)).code).toBe("#NUM!");
    expect(t.ltvPriceFn(30e6, 500, 1)).toBe(60_000);
  });
});

describe("runway", () => {
  test("$10M and 100 BTC at $100,000 less 20%, burning $2M a month: 9 months; cash alone with the defaults", () => {
    expect(t.runwayMonthsFn(10e6, 2e6, 100, 100_000, 0.2)).toBe(9);
    expect(t.runwayMonthsFn(10e6, 4e6)).toBe(2.5);
  });

  test("a burn of 0 or less is #NUM! saying cash is not running down; a haircut of 1 is #VALUE!", () => {
    for (const burn of [0, -1e6]) {
      const e = excelError(() => t.runwayMonthsFn(10e6, burn));
      expect([e.code, e.message]).toEqual(["#NUM!", `RUNWAYMONTHS: monthly_burn is ${burn}: cash is not running down, so it never runs out`]);
    }
    expect(excelError(() => t.runwayMonthsFn(10e6, 1e6, 1, 1, 1)).message).toMatch(/^RUNWAYMONTHS: haircut must be /);
  });
});

describe("TREASURYCASHFLOWS", () => {
  /** The price collapse of the reference page: 1M cash, 10 BTC, 3 months of 12, 11, 10 mined at $100k, $80k, $60k, $2M paid a month. */
  const mined = [12, 11, 10];
  const prices = [100_000, 80_000, 60_000];

  /** HOLD from the rules, in floats: sell only what keeps cash at 0 or above. */
  function hold(cash: number, held: number, minedBy: number[], priceBy: number[], costs: number) {
    return minedBy.map((m, i) => {
      const before = cash - costs;
      const forced = before < 0 ? Math.min(held + m, -before / priceBy[i]) : 0;
      held += m - forced;
      cash = before + forced * priceBy[i];
      return [i + 1, priceBy[i], m, forced, held, forced * priceBy[i], costs, cash, forced, held === 0 && cash < 0 ? 1 : 0];
    });
  }

  test("a header row, then one row per month; the insolvent flag is 1 or 0", () => {
    const table = t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 2e6, "HOLD");
    expect(table[0]).toEqual(treasuryModule.TREASURY_SCHEDULE_HEADER);
    expect(table.slice(1)).toEqual(hold(1e6, 10, mined, prices, 2e6));
    expect(table.slice(1).map((r: number[]) => r[9])).toEqual([0, 1, 1]);
    expect(table[2][7]).toBe(-160_000); // month 2 sells all 23 BTC and is still $160,000 short
  });

  test("a column, a row, a number and a 1×1 range all give the same months", () => {
    const byColumn = t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), column([2e6, 2e6, 2e6]), "hold");
    expect(t.treasuryCashFlowsFn(1e6, 10, 3, [mined], [prices], [[2e6]], "HOLD")).toEqual(byColumn);
    expect(t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 2e6, [["Hold"]])).toEqual(byColumn);
    const flat = t.treasuryCashFlowsFn(1e6, 10, 3, [[11]], 80_000, 2e6, "HOLD");
    expect(flat).toEqual(t.treasuryCashFlowsFn(1e6, 10, 3, column([11, 11, 11]), column([80_000, 80_000, 80_000]), 2e6, "HOLD"));
  });

  test("omitted or blank optional columns are 0; other income as a column pays the costs, so nothing is sold", () => {
    const base = t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 2e6, "HOLD");
    expect(t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 2e6, "HOLD", null, null, [[null]], "", null)).toEqual(base);
    const leased = t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 2e6, "HOLD", 0, column([2e6, 2e6, 2e6]));
    expect(leased.slice(1).map((r: number[]) => [r[3], r[4], r[7]])).toEqual([[0, 22, 1e6], [0, 33, 1e6], [0, 43, 1e6]]);
  });

  test("the reference page's example: $20M, 45 BTC and $4,620,750 a month, BTC $91,000 +1%/month: forced from month 5, 1,327.94 BTC", () => {
    const table = t.treasuryCashFlowsFn(20e6, 0, 36, 45, 91_000, 4_620_750, "HOLD", 0.01).slice(1);
    expect(table).toHaveLength(36);
    expect(table.findIndex((r: number[]) => r[8] > 0) + 1).toBe(5);
    // What 36 months of costs less the $20M need, sold at each month's price (cash pinned at 0 from month 5).
    let forced = 0;
    for (let m = 5; m <= 36; m++) forced += (m === 5 ? 5 * 4_620_750 - 20e6 : 4_620_750) / (91_000 * 1.01 ** (m - 1));
    const total = table.reduce((s: number, r: number[]) => s + r[8], 0);
    expect(relErr(total, forced)).toBeLessThan(1e-12);
    expect(Math.round(total * 100) / 100).toBe(1327.94);
  });

  test("SELLALL and SELLPCT from the issue's rules: policy's sale first, then only what keeps min_cash", () => {
    const all = t.treasuryCashFlowsFn(1e6, 10, 3, column(mined), column(prices), 0, "SELLALL");
    expect(all.slice(1).map((r: number[]) => [r[3], r[4], r[7], r[8]])).toEqual([
      [12, 10, 1e6 + 12 * 100_000, 0],
      [11, 10, 1e6 + 12 * 100_000 + 11 * 80_000, 0],
      [10, 10, 1e6 + 12 * 100_000 + 11 * 80_000 + 10 * 60_000, 0],
    ]);
    // Half of month 1's 12 BTC sold at $100,000 = $600,000, then $0.5M below the $1M floor: 5 BTC more, forced.
    const pct = t.treasuryCashFlowsFn(1e6, 10, 1, 12, 100_000, 1.1e6, "sellpct", 0, 0, 0, 0.5, 1e6);
    expect(pct[1].slice(3, 9)).toEqual([11, 11, 1.1e6, 1.1e6, 1e6, 5]);
  });

  test("a column whose length is not months is #VALUE! naming the argument and both lengths", () => {
    const e = excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, column([12, 11]), column(prices), 2e6, "HOLD"));
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "TREASURYCASHFLOWS: btc_mined must be a number or a column of exactly 3 values, one per month (months = 3); got a column of 2 values",
    ]);
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 2, 1, 80_000, 2e6, "HOLD", 0, [[1, 2, 3]])).message).toBe(
      "TREASURYCASHFLOWS: other_income must be a number or a column of exactly 2 values, one per month (months = 2); got a column of 3 values",
    );
  });

  test("a blank, text or negative cell in a column is #VALUE! naming the argument and its row; so is a range of two columns", () => {
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, column([12, null, 10]), 80_000, 2e6, "HOLD")).message).toBe(
      "TREASURYCASHFLOWS: btc_mined must be a finite number in every row of the range; got a blank cell in row 2",
    );
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, 1, [[1, 2, "x"]], 2e6, "HOLD")).message).toBe(
      'TREASURYCASHFLOWS: btc_price must be a finite number in every column of the range; got text "x" in column 3',
    );
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, 1, 80_000, column([1, -5, 1]), "HOLD")).message).toBe(
      "TREASURYCASHFLOWS: cash_costs must be a number of 0 or more in every row; got -5 in row 2",
    );
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 2, [[1, 2], [3, 4]], 80_000, 2e6, "HOLD")).message).toBe(
      "TREASURYCASHFLOWS: btc_mined must be a number or a one-column range, one value per month; got a 2×2 range",
    );
  });

  test("an unknown policy is #VALUE! listing the allowed ones; a price column with a growth rate is #VALUE! on the growth", () => {
    const e = excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, 1, 80_000, 2e6, "SELLSOME"));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'TREASURYCASHFLOWS: policy must be one of "HOLD", "SELLALL" or "SELLPCT"; got "SELLSOME"']);
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, 10, 3, 1, column(prices), 2e6, "HOLD", 0.01)).message).toMatch(
      /^TREASURYCASHFLOWS: btc_price_growth_monthly must be 0 or blank when btc_price is a column/,
    );
    expect(excelError(() => t.treasuryCashFlowsFn(1e6, -1, 3, 1, 80_000, 2e6, "HOLD")).message).toBe(
      "TREASURYCASHFLOWS: btc must be a number of 0 or more; got -1",
    );
  });

  test("through FROMTABLE: the same table from named rows, the policy as text, the by-month inputs as one number each", () => {
    const rows = [
      ["cash", 20e6],
      ["btc", 0],
      ["months", 36],
      ["btc_mined", 45],
      ["btc_price", 91_000],
      ["cash_costs", 4_620_750],
      ["policy", "hold"],
      ["btc_price_growth_monthly", 0.01],
    ];
    expect(fromTable("TREASURYCASHFLOWS", rows)).toEqual(t.treasuryCashFlowsFn(20e6, 0, 36, 45, 91_000, 4_620_750, "HOLD", 0.01));
    expect(fromTable("MNAV", [["share_price", 50], ["shares", 100], ["btc", 2], ["btc_price", 2000], ["basis", "MCAP"]])).toEqual([[1.25]]);
  });
});

describe("TREASURYCASHFLOWS through the adapter on random inputs", () => {
  const money = fc.double({ min: 0, max: 5e7, noNaN: true });
  const amount = fc.double({ min: 0, max: 100, noNaN: true });
  /** A number, or a column or row of `months` values. */
  const byMonth = (months: number, value: fc.Arbitrary<number>) =>
    fc.oneof(
      value,
      fc.array(value, { minLength: months, maxLength: months }).map((xs) => xs.map((x) => [x])),
      fc.array(value, { minLength: months, maxLength: months }).map((xs) => [xs]),
    );
  const at = (v: unknown, t: number) => (typeof v === "number" ? v : ((v as number[][]).length === 1 ? (v as number[][])[0][t] : (v as number[][])[t][0]));
  const plan = fc.integer({ min: 1, max: 24 }).chain((months) =>
    fc.record({
      cash: money,
      btc: amount,
      months: fc.constant(months),
      mined: byMonth(months, amount),
      price: byMonth(months, fc.double({ min: 1000, max: 200_000, noNaN: true })),
      costs: byMonth(months, money),
      policy: fc.constantFrom("HOLD", "sellall", " SellPct "),
      income: byMonth(months, fc.double({ min: -1e7, max: 1e7, noNaN: true })),
      debt: byMonth(months, fc.double({ min: 0, max: 1e6, noNaN: true })),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      floor: money,
    }),
  );

  test("the identities hold on the table Excel gets, and cash stays at or above the floor while BTC remains", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const table = t.treasuryCashFlowsFn(p.cash, p.btc, p.months, p.mined, p.price, p.costs, p.policy, 0, p.income, p.debt, p.fraction, p.floor);
        expect(table).toHaveLength(p.months + 1);
        let held = p.btc;
        let cash = p.cash;
        table.slice(1).forEach((r: number[], k: number) => {
          const [month, price, mined, sold, heldNow, cashIn, cashOut, cashNow, forced, insolvent] = r;
          expect([month, price, mined]).toEqual([k + 1, at(p.price, k), at(p.mined, k)]);
          expect(Math.abs(heldNow - (held + mined - sold))).toBeLessThanOrEqual(1e-9 * (held + mined + 1));
          const flows = sold * price + at(p.income, k) - at(p.costs, k) - at(p.debt, k);
          expect(Math.abs(cashNow - (cash + flows))).toBeLessThanOrEqual(1e-6 * (Math.abs(cash) + Math.abs(flows) + 1));
          expect(Math.abs(cashNow - (cash + cashIn - cashOut))).toBeLessThanOrEqual(1e-6 * (Math.abs(cash) + cashIn + cashOut + 1));
          expect(forced).toBeGreaterThanOrEqual(0);
          if (heldNow > 0) expect(cashNow).toBeGreaterThanOrEqual(p.floor * (1 - 1e-12) - 1e-6);
          expect(insolvent).toBe(heldNow === 0 && cashNow < 0 ? 1 : 0);
          held = heldNow;
          cash = cashNow;
        });
      }),
      { numRuns: 200 },
    );
  });
});
