/**
 * Where the fast paths must decline, they do, and the double entry points then return the
 * decimal path's own answer (or throw its own error): an exact halfway case between two doubles,
 * a breakeven where revenue and opex cancel, inputs outside the exact reader's range, arguments
 * given as decimal strings or Decimals, and every refused argument. A spy on the decimal
 * functions shows that the fallback really runs for these, and does not for a certified call.
 */
import * as costs from "../../../src/calc/costs";
import * as revenue from "../../../src/calc/revenue";
import { Decimal } from "../../../src/calc";
import {
  breakevenPowerPriceDouble,
  btcPerDayDouble,
  cashCostPerBtcDouble,
  allInCostPerBtcDouble,
} from "../../../src/calc/fast";
import { breakevenPowerFast, btcPerDayFast, cashCostFast } from "../../../src/calc/fast/mining-formulas";
import { outcome } from "../../support/fast-paths";
import { loadFastPaths } from "../../../src/calc/fast/lazy";

// the fast paths are a chunk of their own (lazy.ts): here, as in a sheet, in place before the calls
beforeAll(() => loadFastPaths());

const TH_DAY = (1e12 * 86400) / 2 ** 32;

afterEach(() => jest.restoreAllMocks());

describe("the fast path declines, and the decimal path answers", () => {
  test("BTCPERDAY exactly halfway between two doubles: 5,000,000,001 TH/s at difficulty 1e9 is N / 2^25 with N odd and 54 bits", () => {
    // reward 3.125 BTC: TH_DAY × 3.125 / 1e9 = 2,109,375 / 2^25 exactly, so the result needs 54 bits
    expect(btcPerDayFast(5_000_000_001, 1e9, 0, 3.125)).toBeNaN();
    const exact = revenue.btcPerDay(5_000_000_001, 1e9, 0, 3.125);
    expect(exact.toString()).toBe("314321368.9955882728099822998046875");
    const spy = jest.spyOn(revenue, "btcPerDay");
    expect(btcPerDayDouble(5_000_000_001, 1e9, 0, 3.125)).toBe(exact.toNumber());
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test("BREAKEVENPOWER where opex equals the revenue per TH-day to the last bit: the decimal path's tiny breakeven", () => {
    const revenuePerThDay = ((TH_DAY * 3.155) / 1.5e14) * 0.98 * 91_000;
    const args = [91_000, 17.5, 1.5e14, 0.03, 0.02, revenuePerThDay, 3.125] as const;
    expect(breakevenPowerFast(...args)).toBeNaN();
    const spy = jest.spyOn(costs, "breakevenPowerPrice");
    expect(breakevenPowerPriceDouble(...args)).toBe(costs.breakevenPowerPrice(...args).toNumber());
    expect(spy).toHaveBeenCalled();
  });

  test("BREAKEVENPOWER where opex exceeds revenue by one ulp: the decimal path's #NUM! error, message and all", () => {
    const revenuePerThDay = ((TH_DAY * 3.155) / 1.5e14) * 0.98 * 91_000;
    const args = [91_000, 17.5, 1.5e14, 0.03, 0.02, revenuePerThDay * (1 + 2 ** -50), 3.125] as const;
    expect(breakevenPowerFast(...args)).toBeNaN();
    expect(outcome(() => breakevenPowerPriceDouble(...args))).toBe(outcome(() => costs.breakevenPowerPrice(...args)));
    expect(outcome(() => breakevenPowerPriceDouble(...args))).toMatch(
      /^NoAnswerError: opex alone exceeds mining revenue/,
    );
  });

  test.each([
    ["a difficulty of 1e20 (beyond the exact reader)", [0.05, 17.5, 1e20, 0, 0, 0, 3.125]],
    ["a power price of 1e-9 $/kWh", [1e-9, 17.5, 1.5e14, 0, 0, 0, 3.125]],
  ])("COSTPERBTC with %s", (_, args) => {
    const a = args as [number, number, number, number, number, number, number];
    expect(cashCostFast(...a)).toBeNaN();
    const spy = jest.spyOn(costs, "cashCostPerBtc");
    expect(cashCostPerBtcDouble(...a)).toBe(costs.cashCostPerBtc(...a).toNumber());
    expect(spy).toHaveBeenCalled();
  });

  test("arguments given as decimal strings or Decimals go to the decimal path, with its result", () => {
    const spy = jest.spyOn(costs, "cashCostPerBtc");
    expect(cashCostPerBtcDouble("0.05", 17.5, new Decimal("1.5e14"), 0, 0, 0, "3.125")).toBe(
      costs.cashCostPerBtc(0.05, 17.5, 1.5e14, 0, 0, 0, 3.125).toNumber(),
    );
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test("a certified call does not run the decimal path", () => {
    const spy = jest.spyOn(costs, "cashCostPerBtc");
    expect(cashCostFast(0.05, 17.5, 1.5e14, 0.03, 0.02, 0.001, 3.125)).not.toBeNaN();
    cashCostPerBtcDouble(0.05, 17.5, 1.5e14, 0.03, 0.02, 0.001, 3.125);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("errors are the decimal path's, message and all", () => {
  test.each([
    ["power_price_kwh", [-0.01, 20, 1e14, 0, 0, 0, 3.125]],
    ["efficiency_j_th", [0.05, 0, 1e14, 0, 0, 0, 3.125]],
    ["difficulty", [0.05, 20, 0.5, 0, 0, 0, 3.125]],
    ["pool_fee", [0.05, 20, 1e14, 0, 1.5, 0, 3.125]],
    ["pool_fee of 1 (nothing earned)", [0.05, 20, 1e14, 0, 1, 0, 3.125]],
    ["opex_usd_per_th_day", [0.05, 20, 1e14, 0, 0, -1, 3.125]],
    ["subsidy", [0.05, 20, 1e14, 0, 0, 0, 51]],
    ["subsidy and fees 0 (nothing earned)", [0.05, 20, 1e14, 0, 0, 0, 0]],
    ["a non-finite power price", [Infinity, 20, 1e14, 0, 0, 0, 3.125]],
  ])("COSTPERBTC with a bad %s", (_, args) => {
    const a = args as [number, number, number, number, number, number, number];
    const want = outcome(() => costs.cashCostPerBtc(...a));
    expect(want).toMatch(/Error: /);
    expect(outcome(() => cashCostPerBtcDouble(...a))).toBe(want);
  });

  test("ALLINCOSTPERBTC with no uptime, and without a difficulty", () => {
    const base = { power_price_kwh: 0.05, efficiency_j_th: 20, difficulty: 1e14, subsidy: 3.125 };
    for (const i of [
      { ...base, uptime: 0 },
      { ...base, difficulty: undefined as unknown as number },
      { ...base, machine_life_years: 0 },
    ]) {
      const want = outcome(() => costs.allInCostPerBtc(i));
      expect(want).toMatch(/Error: /);
      expect(outcome(() => allInCostPerBtcDouble(i))).toBe(want);
    }
  });
});
