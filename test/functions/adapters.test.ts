import * as protocolModule from "../../src/functions/protocol";
import * as revenueModule from "../../src/functions/revenue";
import * as costsModule from "../../src/functions/costs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value; the tests do too
const costs = costsModule as unknown as Record<string, (...args: unknown[]) => any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const protocol = protocolModule as unknown as Record<string, (...args: unknown[]) => any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const revenue = revenueModule as unknown as Record<string, (...args: unknown[]) => any>;
import { cashCostPerBtc, costPerBtcBreakdown } from "../../src/calc";

import { ALL_IN_ARGS, CALLS } from "../support/calls";
import { SIGNATURES } from "../../src/functions/params";
import { excelError } from "../support/errors";


describe.each(Object.entries(CALLS))("%s", (name, { fn, required, valid }) => {
  const params = SIGNATURES[name as keyof typeof SIGNATURES];
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

  // What a number argument says; a text option (policy, basis) and a number-or-column argument say it their way.
  const OPTIONS = /must be (one of "[A-Z0-9]+"(, "[A-Z0-9]+")* or "[A-Z0-9]+"; got "abc"|text: "[A-Z0-9]+".*; got )/;
  const COLUMN = "must be a number or a one-column range, one value per (month|year); got ";
  // A code or a column (repayment): text is matched by calc, which lists the codes and the column; anything else is refused by the reader.
  const CODE_OR_COLUMN = /must be (one of "LEVEL" or "STRAIGHT", or a column of tenor_months payments; got "abc"|"LEVEL", "STRAIGHT" or a column; got )/;
  const bad: [string, unknown, RegExp, RegExp, RegExp][] = [
    ["text", "abc", /must be a number; got text "abc"/, OPTIONS, new RegExp(`${COLUMN}text "abc"`)],
    ["a boolean", true, /must be a number; got TRUE/, /must be text: .*; got TRUE/, new RegExp(`${COLUMN}TRUE`)],
    ["NaN", NaN, /must be a finite number; got NaN/, /must be text: .*; got NaN/, new RegExp(`${COLUMN}NaN`)],
    ["Infinity", Infinity, /must be a finite number; got Infinity/, /must be text: .*; got Infinity/, new RegExp(`${COLUMN}Infinity`)],
    ["a 2×2 range", [[1, 2], [3, 4]], /must be a single cell or number; got a 2×2 range/, /must be text: .*; got a 2×2 range/, new RegExp(`${COLUMN}a 2×2 range`)],
    ["blank (null)", null, /is required, and the argument is blank/, /is required, and the argument is blank/, /is required, and the argument is blank/],
    ["an empty string", "", /is required, and the argument is blank/, /is required, and the argument is blank/, /is required, and the argument is blank/],
  ];
  test.each(bad)("every argument given %s is #VALUE! naming the function and argument (blank only when required)", (_, value, number, text, column) => {
    for (let i = 0; i < valid.length; i++) {
      const kind = SIGNATURES[name as keyof typeof SIGNATURES][i].kind;
      const message = kind === "text" ? text : kind === "column" ? column : kind === "textOrColumn" ? CODE_OR_COLUMN : number;
      const args = [...valid];
      args[i] = value;
      const blank = value === null || value === "";
      const p = params[i];
      if (!blank && (p.kind === "boolean" || p.kind === "pairs")) {
        // A switch takes TRUE/FALSE, a table a two-column range: anything else is refused by its name.
        if ((p.kind === "boolean" && typeof value === "boolean") || (p.kind === "pairs" && Array.isArray(value))) continue;
        const what = p.kind === "boolean" ? "TRUE or FALSE" : "a two-column range of numbers";
        expect(excelError(() => fn(...args)).message.startsWith(`${name}: ${p.name} must be ${what}`)).toBe(true);
        continue;
      }
      if (blank && i >= required && !p.afterOptional) {
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
      // A list (quantiles, values) takes a row or a column, so it names a block of cells so.
      const list = params[i].kind === "list" && Array.isArray(value);
      expect(e.message).toMatch(list ? /must be a single row or a single column of numbers; got a 2×2 range/ : message);
    }
  });
});

describe("optional arguments", () => {
  test("omitted (null, undefined) or blank optional arguments take their documented defaults", () => {
    const withDefaults = costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, 0, 0, 0);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125)).toBe(withDefaults);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, null, null, null)).toBe(withDefaults);
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, "", [[null]], undefined)).toBe(withDefaults);
  });

  test("an optional argument given text is #VALUE!, not the default", () => {
    const e = excelError(() => costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, 0, "2%"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('COSTPERBTC: pool_fee must be a number; got text "2%"');
  });
});

describe("domain errors and no-answer errors", () => {
  test.each([
    ["SUBSIDY", () => protocol.subsidy(1.5), "SUBSIDY: height must be a whole number of 0 or more; got 1.5"],
    ["SUBSIDY", () => protocol.subsidy(-1), "SUBSIDY: height must be a whole number of 0 or more; got -1"],
    ["NETWORKHASHRATE", () => protocol.networkHashrate(0), "NETWORKHASHRATE: difficulty must be a number of 1 or more (difficulty never falls below the genesis difficulty, 1); got 0"],
    ["COSTPERBTC", () => costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, 0, 1.2), "COSTPERBTC: pool_fee must be a fraction from 0 to 1 (0.02 = 2%); got 1.2"],
    ["ALLINCOSTPERBTC", () => costs.allInCost(0.05, 17.5, 1.5e14, 3.125, 0, 0, 0, 0, 0), "ALLINCOSTPERBTC: machine_life_years must be a number greater than 0; got 0"],
    ["PAYBACKMONTHS", () => costs.paybackMonths(3500, 200, 17.5, 0.05, 91_000, 1.5e14, 3.125, 0, 0, 0, 1.1), "PAYBACKMONTHS: uptime must be a fraction from 0 to 1 (0.02 = 2%); got 1.1"],
    // The calc module calls it efficiency_j_th; the message names the argument the user typed.
    ["COSTPERBTC", () => costs.costPerBtc(0.05, 0, 1.5e14, 3.125), "COSTPERBTC: wall_efficiency_j_th must be a number greater than 0; got 0"],
    ["MININGNPV", () => CALLS.MININGNPV.fn(...[100, 0, ...CALLS.MININGNPV.valid.slice(2)]), "MININGNPV: machine_efficiency_j_th must be a number greater than 0; got 0"],
    ["HASHPRICE", () => revenue.hashprice(91_000, 1.5e14, 51), "HASHPRICE: subsidy_btc_per_block must be a number from 0 to 50 (BTC per block); got 51"],
  ])("%s: invalid value is #VALUE! with the message", (_, call, message) => {
    const e = excelError(call);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(message);
  });

  test.each([
    ["COSTPERBTC with a 100% pool fee", () => costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, 0, 1)],
    ["BREAKEVENPOWER when opex exceeds revenue", () => costs.breakevenPower(10_000, 20, 3e14, 3.125, 0, 0, 0.05)],
    ["BREAKEVENHASHPRICE at zero uptime", () => costs.breakevenHashprice(0.05, 17.5, 0, 0, 0, 4, 0, 0, 0, 0)],
    ["PAYBACKMONTHS with a negative margin", () => costs.paybackMonths(3500, 200, 17.5, 0.2, 91_000, 1.5e14, 3.125)],
    ["BTCPERDAY beyond a double's range", () => revenue.btcPerDay(1e308, 1, 3.125)],
  ])("%s is #NUM!", (_, call) => {
    expect(excelError(call).code).toBe("#NUM!");
  });
});

describe("results", () => {
  test("COSTPERBTC returns the calc module's value as a double", () => {
    expect(costs.costPerBtc(0.05, 17.5, 1.5e14, 3.125, 0.03, 0.02, 0.001)).toBe(cashCostPerBtc(0.05, 17.5, 1.5e14, 0.03, 0.02, 0.001, 3.125).toNumber());
  });

  test("COSTBREAKDOWN is a header, seven lines, a total that equals ALLINCOSTPERBTC, and the subsidy it assumed", () => {
    const table = costs.costBreakdown(...ALL_IN_ARGS);
    expect(table.map((r: unknown[]) => r[0])).toEqual([
      "Component", "Power", "Energy tax", "Other cash opex", "SG&A", "Cash cost (subtotal)", "Depreciation", "Stock-based compensation", "All-in cost (total)", "Subsidy assumed (BTC per block)",
    ]);
    expect(table[0][1]).toBe("USD per BTC");
    expect(table[8][1]).toBe(costs.allInCost(...ALL_IN_ARGS));
    // The table says which subsidy it assumed: the one given, so a model after the 2028 halving shows 1.5625.
    expect(table[9][1]).toBe(3.125);
    expect(costs.costBreakdown(...ALL_IN_ARGS.map((v, i) => (i === 3 ? 1.5625 : v)))[9][1]).toBe(1.5625);
    const c = costPerBtcBreakdown({ power_price_kwh: 0.05, efficiency_j_th: 20, difficulty: 1.5e14, fees_btc_per_block: 0.036, pool_fee: 0.02, opex_usd_per_th_day: 0.003, machine_cost_usd_per_th: 20, machine_life_years: 4, sga_usd_per_th_day: 0.004, stock_comp_usd_per_th_day: 0.0093, subsidy: 3.125 });
    expect(table[1][1]).toBe(c.power.toNumber());
  });

  test("BREAKEVENPRICE equals ALLINCOSTPERBTC for the same arguments", () => {
    expect(costs.breakevenPrice(...ALL_IN_ARGS)).toBe(costs.allInCost(...ALL_IN_ARGS));
  });

  test("never returns -0", () => {
    expect(Object.is(costs.costPerBtc(0, 17.5, 1.5e14, 3.125), 0)).toBe(true);
    expect(Object.is(costs.costPerBtc(-0, 17.5, 1.5e14, 3.125), 0)).toBe(true);
  });
});
