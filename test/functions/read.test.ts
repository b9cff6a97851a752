/* Reading positional arguments by a parameter list: required, defaulted, and optional without a default. */
import { readArgs, readMixedArgs } from "../../src/functions/args";
import { isRequired, optional, PARAMS, tooltip } from "../../src/functions/params";
import { InvalidArgumentError } from "../../src/calc/errors";

const P = PARAMS;
const list = [P.btc_price, P.pool_fee, optional(P.start_height)];

test("arguments are keyed by the calc module's names; an omitted optional one takes its default", () => {
  expect(readArgs(list, [91_000, null])).toEqual({ btc_price: 91_000, pool_fee: 0 });
  expect(readArgs(list, [91_000, 0.02, 925_000])).toEqual({ btc_price: 91_000, pool_fee: 0.02, start_height: 925_000 });
});

test("a parameter appended optional (required elsewhere) is absent when omitted or blank, and refused when not a number", () => {
  const appended = optional(P.start_height);
  expect([isRequired(P.start_height), isRequired(appended)]).toEqual([true, false]);
  expect(tooltip(appended)).toBe(tooltip(P.start_height)); // one name, one meaning
  expect("start_height" in readArgs(list, [91_000, 0.02, ""])).toBe(false);
  expect(() => readArgs(list, [91_000, 0.02, "soon"])).toThrow(new InvalidArgumentError("start_height", "a number", 'text "soon"'));
});

test("a required argument left blank is refused by its public name", () => {
  expect(() => readArgs(list, [null])).toThrow(/^btc_price must be a number \(it is required, and the argument is blank\)$/);
});

describe("switches and tables of numbers (issue 12's argument kinds)", () => {
  const mixed = [P.btc_price, P.switch_off_below_cost, P.phases];

  test("a switch is TRUE/FALSE or 1/0, blank its default; a 1×1 range its cell", () => {
    expect(readMixedArgs(mixed, [1, false])).toEqual({ btc_price: 1, switch_off_below_cost: false });
    expect(readMixedArgs(mixed, [1, 0]).switch_off_below_cost).toBe(false);
    expect(readMixedArgs(mixed, [1, [[1]]]).switch_off_below_cost).toBe(true);
    expect(readMixedArgs(mixed, [1, null]).switch_off_below_cost).toBe(true);
    expect(readMixedArgs([P.difficulty_includes_fleet], [""]).difficulty_includes_fleet).toBe(true);
    for (const bad of ["TRUE", 2, 0.5, [[true, false]]]) {
      expect(() => readMixedArgs(mixed, [1, bad])).toThrow(/^switch_off_below_cost must be TRUE or FALSE \(or 1 or 0\); got /);
    }
  });

  test("a table is its rows of numbers, trailing blank rows skipped; blank or all-blank is absent", () => {
    expect(readMixedArgs(mixed, [1, true, [[12, 100], [18, 50], [null, null], ["", ""]]]).phases).toEqual([[12, 100], [18, 50]]);
    expect("phases" in readMixedArgs(mixed, [1, true, [[null, null]]])).toBe(false);
    expect("phases" in readMixedArgs(mixed, [1, true, null])).toBe(false);
  });

  test("a bad table names the argument and the row, as Excel counts it", () => {
    const bad: [unknown, RegExp][] = [
      [[[12, 100], [null, null], [18, 50]], /got row 2: a blank cell$/],
      [[[12, 100], [18, null]], /got row 2: a blank cell$/],
      [[[12, "100"]], /got row 1: text "100"$/],
      [[[12, true]], /got row 1: TRUE$/],
      [[[12, NaN]], /got row 1: NaN$/],
      [[[1, 2, 3]], /got a 1×3 range$/],
      [7, /got 7$/],
      ["12;100", /got text "12;100"$/],
    ];
    for (const [value, message] of bad) {
      expect(() => readMixedArgs(mixed, [1, true, value])).toThrow(/^phases must be a two-column range of numbers, a row each \(range: months, MW\); /);
      expect(() => readMixedArgs(mixed, [1, true, value])).toThrow(message);
    }
  });

  test("readArgs is for numbers only: a list with a switch or a table must use readMixedArgs", () => {
    expect(() => readArgs(mixed, [1, true])).toThrow(/use readMixedArgs/);
  });
});
