/* Reading positional arguments by a parameter list: required, defaulted, and optional without a default. */
import { readArgs } from "../../src/functions/args";
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
