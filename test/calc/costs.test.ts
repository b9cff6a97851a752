import {
  allInCostPerBtc,
  breakevenHashprice,
  breakevenPowerPrice,
  btcPerThDay,
  cashCostPerBtc,
  costPerBtcBreakdown,
  hashpriceUsdPerPhDay,
  InvalidArgumentError,
  NoAnswerError,
  paybackMonths,
} from "../../src/calc";
import { between, prng, Q, relErr } from "../support/rational";
import { floatMeanSubsidy } from "../support/float-models";

const TWO_32 = Q.of(4294967296);

/** Independent COSTPERBTC: (eff × 24/1000 × price + opex) / (BTC per TH-day × (1 − pool_fee)). */
function expectedCashCost(power: number, eff: number, d: number, fees: number, pool: number, opex: number, s: number): number {
  const btcPerThDayQ = Q.of("1e12").mul(86400).mul(Q.of(s).add(fees)).div(Q.of(d).mul(TWO_32));
  const costPerThDay = Q.of(eff).mul(24).div(1000).mul(power).add(opex);
  return costPerThDay.div(btcPerThDayQ.mul(Q.of(1).sub(pool))).toNumber();
}

/** The worked example in the README: inputs that rebuild CoinShares' published cost per BTC. */
export const WORKED_EXAMPLE = {
  power_price_kwh: 0.05,
  efficiency_j_th: 20,
  difficulty: 150e12,
  fees_btc_per_block: 0.036,
  pool_fee: 0.02,
  opex_usd_per_th_day: 0.003,
  machine_cost_usd_per_th: 20,
  machine_life_years: 4,
  sga_usd_per_th_day: 0.004,
  stock_comp_usd_per_th_day: 0.0093,
  subsidy: 3.125,
};

describe("cash cost per BTC (COSTPERBTC)", () => {
  test("agrees with the exact formula to 1e-12 on 500 varied inputs", () => {
    const rand = prng(2026);
    for (let i = 0; i < 500; i++) {
      const args = [
        between(rand, 1e-4, 0.5),
        between(rand, 5, 120),
        between(rand, 1e9, 1e16),
        between(rand, 0, 2, false),
        between(rand, 0, 0.1, false),
        between(rand, 0, 0.05, false),
        [3.125, 6.25, 1.5625][i % 3],
      ] as const;
      expect(relErr(cashCostPerBtc(...args).toNumber(), expectedCashCost(...args))).toBeLessThan(1e-12);
    }
  });

  test("$0.05/kWh, 17.5 J/TH, D=150T, no fees: power alone costs about $50.1k per BTC", () => {
    const cost = cashCostPerBtc(0.05, 17.5, 150e12, 0, 0, 0, 3.125).toNumber();
    expect(relErr(cost, expectedCashCost(0.05, 17.5, 150e12, 0, 0, 0, 3.125))).toBeLessThan(1e-15);
    expect(cost).toBeGreaterThan(50_000);
    expect(cost).toBeLessThan(50_200);
  });

  test("rises with power price, efficiency (J/TH) and difficulty; falls with fees", () => {
    const base = cashCostPerBtc(0.05, 20, 1.5e14, 0.03, 0.02, 0.002, 3.125).toNumber();
    expect(cashCostPerBtc(0.06, 20, 1.5e14, 0.03, 0.02, 0.002, 3.125).toNumber()).toBeGreaterThan(base);
    expect(cashCostPerBtc(0.05, 21, 1.5e14, 0.03, 0.02, 0.002, 3.125).toNumber()).toBeGreaterThan(base);
    expect(cashCostPerBtc(0.05, 20, 1.6e14, 0.03, 0.02, 0.002, 3.125).toNumber()).toBeGreaterThan(base);
    expect(cashCostPerBtc(0.05, 20, 1.5e14, 0.05, 0.02, 0.002, 3.125).toNumber()).toBeLessThan(base);
  });

  test("free power and no opex cost nothing", () => {
    expect(cashCostPerBtc(0, 20, 1.5e14, 0, 0, 0, 3.125).toNumber()).toBe(0);
  });

  test("a 100% pool fee earns nothing: no answer", () => {
    expect(() => cashCostPerBtc(0.05, 20, 1.5e14, 0, 1, 0, 3.125)).toThrow(NoAnswerError);
  });

  test.each([
    [[-0.01, 20, 1e14], /power_price_kwh must be a number of 0 or more/],
    [[0.05, 0, 1e14], /efficiency_j_th must be a number greater than 0/],
    [[0.05, 20, -1e14], /difficulty must be a number of 1 or more/],
    [[0.05, 20, 0.5], /difficulty must be a number of 1 or more/],
    [[0.05, 20, 1e14, 0, 1.5], /pool_fee must be a fraction from 0 to 1/],
    [[0.05, 20, 1e14, 0, -0.02], /pool_fee must be a fraction from 0 to 1/],
    [[0.05, 20, 1e14, 0, 0, -1], /opex_usd_per_th_day must be a number of 0 or more/],
  ])("refuses %p", (args, message) => {
    const [power, eff, d, fees = 0, pool = 0, opex = 0] = args as number[];
    expect(() => cashCostPerBtc(power, eff, d, fees, pool, opex, 3.125)).toThrow(InvalidArgumentError);
    expect(() => cashCostPerBtc(power, eff, d, fees, pool, opex, 3.125)).toThrow(message);
  });
});

describe("all-in cost and its breakdown", () => {
  test("rebuilds the published ~$74,600 cash and ~$130,000 all-in cost per BTC (README worked example)", () => {
    // CoinShares' mining report (Q2 2025) and Tiger Research: cash ~$74,600, all-in ~$130k–138k per BTC.
    const c = costPerBtcBreakdown(WORKED_EXAMPLE);
    expect(Math.round(c.cash.toNumber())).toBe(74_619);
    expect(Math.round(c.allIn.toNumber())).toBe(129_978);
    expect(relErr(c.cash.toNumber(), 74_600)).toBeLessThan(0.001);
    expect(relErr(c.allIn.toNumber(), 130_000)).toBeLessThan(0.001);
  });

  test("lines sum exactly to the subtotal and the total", () => {
    const c = costPerBtcBreakdown({ ...WORKED_EXAMPLE, energy_tax_usd_per_kwh: 0.05, uptime: 0.93 });
    expect(c.power.add(c.energyTax).add(c.opex).add(c.sga).eq(c.cash)).toBe(true);
    expect(c.cash.add(c.depreciation).add(c.stockComp).eq(c.allIn)).toBe(true);
  });

  test("each line equals its per-TH-day cost over BTC earned per TH-day (exact formula)", () => {
    const u = 0.93;
    const c = costPerBtcBreakdown({ ...WORKED_EXAMPLE, energy_tax_usd_per_kwh: 0.05, uptime: u });
    const earned = Q.of("1e12").mul(86400).mul(Q.of(3.125).add(0.036)).div(Q.of(150e12).mul(TWO_32)).mul(u).mul(Q.of(1).sub(0.02));
    const kwh = Q.of(20).mul(24).div(1000).mul(u);
    expect(relErr(c.power.toNumber(), kwh.mul(0.05).div(earned).toNumber())).toBeLessThan(1e-14);
    expect(relErr(c.energyTax.toNumber(), kwh.mul(0.05).div(earned).toNumber())).toBeLessThan(1e-14);
    expect(relErr(c.depreciation.toNumber(), Q.of(20).div(4 * 365).div(earned).toNumber())).toBeLessThan(1e-14);
    expect(relErr(c.stockComp.toNumber(), Q.of(0.0093).div(earned).toNumber())).toBeLessThan(1e-14);
  });

  test("with no overheads, all-in equals COSTPERBTC (to 30 digits: two paths, one quantity)", () => {
    const allIn = allInCostPerBtc({ power_price_kwh: 0.04, efficiency_j_th: 18, difficulty: 1.4e14, fees_btc_per_block: 0.02, pool_fee: 0.02, opex_usd_per_th_day: 0.001, subsidy: 3.125 });
    const cash = cashCostPerBtc(0.04, 18, 1.4e14, 0.02, 0.02, 0.001, 3.125);
    expect(allIn.sub(cash).abs().div(cash).lt(1e-30)).toBe(true);
    expect(allIn.toNumber()).toBe(cash.toNumber());
  });

  test("New York's proposed 5¢/kWh tax adds 5/price of the power line", () => {
    const c = costPerBtcBreakdown({ ...WORKED_EXAMPLE, energy_tax_usd_per_kwh: 0.05 });
    expect(relErr(c.energyTax.toNumber(), c.power.toNumber())).toBeLessThan(1e-15); // tax = price = 5¢
  });

  test("lower uptime spreads fixed costs over fewer BTC but leaves power per BTC unchanged", () => {
    const full = costPerBtcBreakdown(WORKED_EXAMPLE);
    const curtailed = costPerBtcBreakdown({ ...WORKED_EXAMPLE, uptime: 0.8 });
    expect(relErr(curtailed.power.toNumber(), full.power.toNumber())).toBeLessThan(1e-15);
    expect(relErr(curtailed.depreciation.toNumber(), full.depreciation.toNumber() / 0.8)).toBeLessThan(1e-14);
  });

  test("zero uptime has no cost per BTC", () => {
    expect(() => allInCostPerBtc({ ...WORKED_EXAMPLE, uptime: 0 })).toThrow(NoAnswerError);
  });

  test("refuses a zero machine life", () => {
    expect(() => allInCostPerBtc({ ...WORKED_EXAMPLE, machine_life_years: 0 })).toThrow(/machine_life_years must be a number greater than 0/);
  });
});

describe("breakevens", () => {
  test("at the breakeven power price the cash cost equals the BTC price", () => {
    const rand = prng(99);
    for (let i = 0; i < 200; i++) {
      const price = between(rand, 20_000, 300_000);
      const eff = between(rand, 9, 40);
      const d = between(rand, 5e13, 5e14);
      const fees = between(rand, 0, 0.5, false);
      const pool = between(rand, 0, 0.04, false);
      const opex = between(rand, 0, 0.004, false);
      let p;
      try {
        p = breakevenPowerPrice(price, eff, d, fees, pool, opex, 3.125);
      } catch (e) {
        expect(e).toBeInstanceOf(NoAnswerError);
        continue;
      }
      expect(relErr(cashCostPerBtc(p, eff, d, fees, pool, opex, 3.125).toNumber(), price)).toBeLessThan(1e-12);
    }
  });

  test("breakeven power matches the reference formula: hashprice per TH × (1 − pool fee) / (J/TH × 24 / 1000)", () => {
    const hpPerTh = hashpriceUsdPerPhDay(91_000, 152e12, 0.036, 3.125).div(1000);
    const expected = hpPerTh.mul(0.98).div(17.5 * 0.024).toNumber();
    expect(relErr(breakevenPowerPrice(91_000, 17.5, 152e12, 0.036, 0.02, 0, 3.125).toNumber(), expected)).toBeLessThan(1e-14);
  });

  test("no power price breaks even when opex alone exceeds revenue", () => {
    expect(() => breakevenPowerPrice(10_000, 20, 3e14, 0, 0, 0.05, 3.125)).toThrow(NoAnswerError);
  });

  test("at the breakeven hashprice, margin on all costs is zero for any difficulty", () => {
    const costs = { ...WORKED_EXAMPLE, energy_tax_usd_per_kwh: 0.02, uptime: 0.95 };
    const be = breakevenHashprice(costs); // USD per PH/day
    for (const d of [1e14, 1.5e14, 3e14]) {
      // price at which hashprice (fees included) equals the breakeven
      const price = be.div(hashpriceUsdPerPhDay(1, d, costs.fees_btc_per_block, 3.125));
      expect(relErr(allInCostPerBtc({ ...costs, difficulty: d }).toNumber(), price.toNumber())).toBeLessThan(1e-12);
    }
  });

  test("breakeven hashprice of power alone is J/TH × 24 × $/kWh per PH (×1000/1000)", () => {
    expect(breakevenHashprice({ power_price_kwh: 0.05, efficiency_j_th: 17.5 }).toNumber()).toBeCloseTo(17.5 * 24 * 0.05, 12);
  });

  test("a 100% pool fee has no breakeven hashprice", () => {
    expect(() => breakevenHashprice({ power_price_kwh: 0.05, efficiency_j_th: 17.5, pool_fee: 1 })).toThrow(NoAnswerError);
  });
});

describe("payback months", () => {
  const s21 = { machine_cost_usd: 3500, hashrate_ths: 200, efficiency_j_th: 17.5, power_price_kwh: 0.05, btc_price: 91_000, difficulty: 152e12, fees_btc_per_block: 0.036, subsidy: 3.125 };

  test("flat difficulty: machine price / monthly cash margin (365/12-day months)", () => {
    const daily = btcPerThDay(152e12, 0.036, 3.125).mul(200).mul(91_000).sub(200 * 17.5 * 0.024 * 0.05);
    const expected = Q.of(3500).div(Q.of(daily.toString()).mul(365).div(12)).toNumber();
    expect(relErr(paybackMonths(s21).toNumber(), expected)).toBeLessThan(1e-14);
  });

  test("rising difficulty lengthens payback; the month-by-month sum matches a direct simulation", () => {
    const cheap = { ...s21, power_price_kwh: 0.035 };
    const flat = paybackMonths(cheap).toNumber();
    const growing = paybackMonths({ ...cheap, difficulty_growth_monthly: 0.01 }).toNumber();
    expect(growing).toBeGreaterThan(flat);
    // direct float simulation
    const rev0 = btcPerThDay(152e12, 0.036, 3.125).toNumber() * 200 * 91_000 * 365 / 12;
    const cost = 200 * 17.5 * 0.024 * 0.035 * 365 / 12;
    let remaining = 3500;
    let months = 0;
    for (let k = 1; k < 1000; k++) {
      const m = rev0 / 1.01 ** (k - 1) - cost;
      if (m >= remaining) { months = k - 1 + remaining / m; break; }
      remaining -= m;
    }
    expect(relErr(growing, months)).toBeLessThan(1e-9);
  });

  test("never pays back when the margin is negative, or turns negative first", () => {
    expect(() => paybackMonths({ ...s21, power_price_kwh: 0.2 })).toThrow(NoAnswerError);
    expect(() => paybackMonths({ ...s21, machine_cost_usd: 1e6, difficulty_growth_monthly: 0.03 })).toThrow(/turns non-positive/);
  });

  test("a free machine that earns a margin pays back at once; one that loses money never does; a 100-year payback is no answer", () => {
    expect(paybackMonths({ ...s21, machine_cost_usd: 0 }).toNumber()).toBe(0);
    expect(paybackMonths({ ...s21, machine_cost_usd: 0, difficulty_growth_monthly: 0.01 }).toNumber()).toBe(0);
    // a free machine that loses money "paid back" in 0 months
    expect(() => paybackMonths({ ...s21, machine_cost_usd: 0, power_price_kwh: 0.2 })).toThrow(/never pays back/);
    expect(() => paybackMonths({ ...s21, machine_cost_usd: 0, power_price_kwh: 0.2, difficulty_growth_monthly: 0.01 })).toThrow(/never pays back/);
    expect(() => paybackMonths({ ...s21, machine_cost_usd: 1e9 })).toThrow(/100 years/);
  });

  test("a free machine losing money while difficulty falls pays back once the cumulative margin recovers", () => {
    // margin −$X in month 1, rising as difficulty falls 5% a month: payback when the cumulative sum returns to 0
    const plan = { ...s21, machine_cost_usd: 0, power_price_kwh: 0.1, difficulty_growth_monthly: -0.05 };
    const rev0 = (btcPerThDay(152e12, 0.036, 3.125).toNumber() * 200 * 91_000 * 365) / 12;
    const cost = (200 * 17.5 * 0.024 * 0.1 * 365) / 12;
    expect(rev0).toBeLessThan(cost);
    let owed = 0;
    let months = 0;
    for (let k = 1; k < 1000; k++) {
      const m = rev0 / 0.95 ** (k - 1) - cost;
      if (m > 0 && m >= owed) { months = k - 1 + owed / m; break; }
      owed -= m;
    }
    expect(months).toBeGreaterThan(1);
    expect(relErr(paybackMonths(plan).toNumber(), months)).toBeLessThan(1e-9);
  });

  test("refuses a growth rate of -100% or less", () => {
    expect(() => paybackMonths({ ...s21, difficulty_growth_monthly: -1 })).toThrow(/difficulty_growth_monthly must be a rate greater than -1/);
  });
});

describe("payback across a halving (PAYBACKMONTHS start_height)", () => {
  // The README's example: an S21-class machine, 3.5¢ power, difficulty +1% a month.
  const readme = { machine_cost_usd: 3500, hashrate_ths: 200, efficiency_j_th: 17.5, power_price_kwh: 0.035, btc_price: 91_000, difficulty: 1.52e14, fees_btc_per_block: 0.036, pool_fee: 0.02, difficulty_growth_monthly: 0.01, subsidy: 3.125 };
  /** Month by month in doubles, subsidy blended by block count from start_height (4,380 blocks a month). */
  function floatPayback(p: typeof readme, startHeight: number): { months?: number; neverIn?: number; owed?: number } {
    const perReward = (p.hashrate_ths * 1e12 * 86400 * (365 / 12) * (1 - p.pool_fee) * p.btc_price) / (p.difficulty * 2 ** 32);
    const cost = (p.hashrate_ths * p.efficiency_j_th * 0.024 * p.power_price_kwh * 365) / 12;
    let owed = p.machine_cost_usd;
    for (let k = 1; k <= 1200; k++) {
      const s = floatMeanSubsidy(startHeight + 4380 * (k - 1), 4380);
      const m = (perReward * (s + p.fees_btc_per_block)) / (1 + p.difficulty_growth_monthly) ** (k - 1) - cost;
      if (m > 0 && m >= owed) return { months: k - 1 + owed / m };
      if (m <= 0) return { neverIn: k, owed };
      owed -= m;
    }
    return {};
  }

  test("without start_height: the README's 33.5 months (flat subsidy)", () => {
    expect(paybackMonths(readme).toNumber()).toBeCloseTo(33.47, 2);
  });

  test("from height 925,000 (the README's late-2025 height) the April 2028 halving lands in month 29: it never pays back, ~$387 still owed", () => {
    const expected = floatPayback(readme, 925_000);
    expect(expected.neverIn).toBe(30);
    expect(expected.owed).toBeCloseTo(386.73, 1);
    expect(() => paybackMonths({ ...readme, start_height: 925_000 })).toThrow(NoAnswerError);
    expect(() => paybackMonths({ ...readme, start_height: 925_000 })).toThrow(/^the cash margin turns non-positive in month 30 \(-3.42228 USD\) with 386.735 USD still owed: the machine never pays back$/);
  });

  test("a payback across the halving that still completes matches the month-by-month float model", () => {
    const cheap = { ...readme, power_price_kwh: 0.015, difficulty_growth_monthly: 0.003 };
    const expected = floatPayback(cheap, 1_030_000);
    expect(expected.months).toBeGreaterThan(5); // crosses block 1,050,000 (month 5)
    expect(relErr(paybackMonths({ ...cheap, start_height: 1_030_000 }).toNumber(), expected.months!)).toBeLessThan(1e-9);
    expect(paybackMonths({ ...cheap, start_height: 1_030_000 }).gt(paybackMonths(cheap))).toBe(true);
    // flat difficulty too: the halving alone lengthens it
    const flat = { ...cheap, difficulty_growth_monthly: 0 };
    expect(relErr(paybackMonths({ ...flat, start_height: 1_030_000 }).toNumber(), floatPayback(flat, 1_030_000).months!)).toBeLessThan(1e-9);
  });

  test("a payback that ends before the halving is the same with or without start_height", () => {
    const quick = { ...readme, machine_cost_usd: 500 };
    expect(relErr(paybackMonths({ ...quick, start_height: 925_000 }).toNumber(), paybackMonths(quick).toNumber())).toBeLessThan(1e-30);
  });

  test("no silent subsidy: a direct caller gives the subsidy or start_height (whose subsidy follows the halvings)", () => {
    const { subsidy: _, ...withoutSubsidy } = readme;
    expect(() => paybackMonths(withoutSubsidy as typeof readme)).toThrow(/^subsidy must be a number \(BTC per block\), or start_height to take it from$/);
    const quick = { machine_cost_usd: 500, start_height: 925_000 };
    expect(paybackMonths({ ...withoutSubsidy, ...quick }).toString()).toBe(paybackMonths({ ...readme, ...quick }).toString());
  });

  test("subsidy must be the subsidy at start_height (or be left out), with both numbers in the message", () => {
    expect(paybackMonths({ ...readme, machine_cost_usd: 500, start_height: 925_000, subsidy: 3.125 }).toNumber()).toBeGreaterThan(0);
    expect(() => paybackMonths({ ...readme, start_height: 1_060_000, subsidy: 3.125 })).toThrow(InvalidArgumentError);
    expect(() => paybackMonths({ ...readme, start_height: 1_060_000, subsidy: 3.125 })).toThrow(
      /^subsidy must be the subsidy at start_height 1060000, 1.5625 BTC \(or left blank\) when start_height is given; got 3.125$/,
    );
    expect(() => paybackMonths({ ...readme, start_height: 1.5 })).toThrow(/^start_height must be a whole number/);
  });
});
