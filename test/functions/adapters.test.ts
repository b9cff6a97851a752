import * as protocol from "../../src/functions/protocol";
import * as revenue from "../../src/functions/revenue";
import * as costsModule from "../../src/functions/costs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value; the tests do too
const costs = costsModule as unknown as Record<string, (...args: unknown[]) => any>;
import { cashCostPerBtc, costPerBtcBreakdown } from "../../src/calc";

import { CALLS, Fn } from "../support/calls";
import { excelError } from "../support/errors";


describe.each(Object.entries(CALLS))("%s", (name, { fn, required, valid }) => {
  test("returns a finite number (or a table of them) for valid arguments", () => {
    const result = fn(...valid);
    if (Array.isArray(result)) {
      expect(result.length).toBeGreaterThan(1);
      for (const row of result) {
        expect(row).toHaveLength(result[0].length);
        for (const cell of row) expect(typeof cell === "string" || Number.isFinite(cell)).toBe(true);
      }
    } else {
      expect(typeof result).toBe("number");
      expect(Number.isFinite(result)).toBe(true);
    }
  });

  test("a 1×1 range is read as its single value", () => {
    expect(fn(...valid.map((v) => [[v]]))).toEqual(fn(...valid));
  });

  const bad: [string, unknown, RegExp][] = [
    ["text", "abc", /must be a number; got text "abc"/],
    ["a boolean", true, /must be a number; got TRUE/],
    ["NaN", NaN, /must be a finite number; got NaN/],
    ["Infinity", Infinity, /must be a finite number; got Infinity/],
    ["a 2×2 range", [[1, 2], [3, 4]], /must be a single cell or number; got a 2×2 range/],
    ["blank (null)", null, /is required, and the argument is blank/],
    ["an empty string", "", /is required, and the argument is blank/],
  ];
  test.each(bad)("every argument given %s is #VALUE! naming the function and argument (blank only when required)", (_, value, message) => {
    for (let i = 0; i < valid.length; i++) {
      const args = [...valid];
      args[i] = value;
      const blank = value === null || value === "";
      if (blank && i >= required) {
        // an optional argument left blank takes its default: a value, or #NUM! if the default has no answer
        try {
          fn(...args);
        } catch (e) {
          expect([name, i, (e as { code: string }).code]).toEqual([name, i, "#NUM!"]);
        }
        continue;
      }
      const e = excelError(() => fn(...args));
      expect(e.code).toBe("#VALUE!");
      expect(e.message.startsWith(`${name}: `)).toBe(true);
      expect(e.message).toMatch(message);
    }
  });
});

describe("optional arguments", () => {
  test("omitted (null, undefined) or blank optional arguments take their documented defaults", () => {
    const withDefaults = costs.costPerBtc(0.05, 17.5, 1.5e14, 0, 0, 0, 3.125);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14)).toBe(withDefaults);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, null, null, null, null)).toBe(withDefaults);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, "", [[null]], undefined, "")).toBe(withDefaults);
  });

  test("an optional argument given text is #VALUE!, not the default", () => {
    const e = excelError(() => costs.costPerBtc(0.05, 17.5, 1.5e14, 0, "2%"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('COSTPERBTC: pool_fee must be a number; got text "2%"');
  });
});

describe("domain errors and no-answer errors", () => {
  test.each([
    ["SUBSIDY", () => protocol.subsidy(1.5), "SUBSIDY: height must be a whole number of 0 or more; got 1.5"],
    ["SUBSIDY", () => protocol.subsidy(-1), "SUBSIDY: height must be a whole number of 0 or more; got -1"],
    ["NETWORKHASHRATE", () => protocol.networkHashrate(0), "NETWORKHASHRATE: difficulty must be a number of 1 or more (difficulty never falls below the genesis difficulty, 1); got 0"],
    ["COSTPERBTC", () => costs.costPerBtc(0.05, 17.5, 1.5e14, 0, 1.2), "COSTPERBTC: pool_fee must be a fraction from 0 to 1 (0.02 = 2%); got 1.2"],
    ["ALLINCOSTPERBTC", () => costs.allInCost(0.05, 17.5, 1.5e14, 0, 0, 0, 0, 0), "ALLINCOSTPERBTC: machine_life_years must be a number greater than 0; got 0"],
    ["PAYBACKMONTHS", () => costs.paybackMonths(3500, 200, 17.5, 0.05, 91_000, 1.5e14, 0, 0, 0, 1.1), "PAYBACKMONTHS: uptime must be a fraction from 0 to 1 (0.02 = 2%); got 1.1"],
  ])("%s: invalid value is #VALUE! with the message", (_, call, message) => {
    const e = excelError(call);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(message);
  });

  test.each([
    ["COSTPERBTC with a 100% pool fee", () => costs.costPerBtc(0.05, 17.5, 1.5e14, 0, 1)],
    ["BREAKEVENPOWER when opex exceeds revenue", () => costs.breakevenPower(10_000, 20, 3e14, 0, 0, 0.05)],
    ["BREAKEVENHASHPRICE at zero uptime", () => costs.breakevenHashprice(0.05, 17.5, 0, 0, 0, 4, 0, 0, 0, 0)],
    ["PAYBACKMONTHS with a negative margin", () => costs.paybackMonths(3500, 200, 17.5, 0.2, 91_000, 1.5e14)],
    ["BTCPERDAY beyond a double's range", () => revenue.btcPerDay(1e308, 1)],
  ])("%s is #NUM!", (_, call) => {
    expect(excelError(call).code).toBe("#NUM!");
  });
});

describe("results", () => {
  test("COSTPERBTC returns the calc module's value as a double", () => {
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, 0.03, 0.02, 0.001)).toBe(cashCostPerBtc(0.05, 17.5, 1.5e14, 0.03, 0.02, 0.001).toNumber());
  });

  test("COSTBREAKDOWN is a header, seven lines and a total that equals ALLINCOSTPERBTC", () => {
    const args = CALLS.COSTBREAKDOWN.valid;
    const table = costs.costBreakdown(...(args as [unknown, unknown, unknown]));
    expect(table.map((r: unknown[]) => r[0])).toEqual([
      "Component", "Power", "Energy tax", "Other cash opex", "SG&A", "Cash cost (subtotal)", "Depreciation", "Stock-based compensation", "All-in cost (total)",
    ]);
    expect(table[0][1]).toBe("USD per BTC");
    expect(table[8][1]).toBe(costs.allInCost(...(args as [unknown, unknown, unknown])));
    const c = costPerBtcBreakdown({ power_price_kwh: 0.05, efficiency_j_th: 20, difficulty: 1.5e14, fees_btc_per_block: 0.036, pool_fee: 0.02, opex_usd_per_th_day: 0.003, machine_cost_usd_per_th: 20, machine_life_years: 4, sga_usd_per_th_day: 0.004, stock_comp_usd_per_th_day: 0.0093 });
    expect(table[1][1]).toBe(c.power.toNumber());
  });

  test("BREAKEVENPRICE equals ALLINCOSTPERBTC for the same arguments", () => {
    const args = CALLS.ALLINCOSTPERBTC.valid as [unknown, unknown, unknown];
    expect(costs.breakevenPrice(...args)).toBe(costs.allInCost(...args));
  });

  test("never returns -0", () => {
    expect(Object.is(costs.costPerBtc(0, 17.5, 1.5e14), 0)).toBe(true);
    expect(Object.is(costs.costPerBtc(-0, 17.5, 1.5e14), 0)).toBe(true);
  });
});
