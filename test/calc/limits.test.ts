/*
 * Limits as data (src/calc/limits.ts): the words the registry and the errors use for each form of
 * interval, which limit a value breaks, and the calc guards built from them (validate.ts).
 */
import {
  allowedWords,
  breaks,
  FRACTION,
  Limits,
  mustBe,
  PATHS,
  SCHEDULE_MONTHS,
  SEED,
  showBound,
} from "../../src/calc/limits";
import { within, positive, wholeNonNegative } from "../../src/calc/validate";
import { Decimal } from "../../src/calc/decimal";
import { MAX_LEASE_MONTHS } from "../../src/calc/lease";
import { MAX_PATHS, MIN_PATHS, MAX_SIM_MONTHS } from "../../src/calc/simulation/model";
import { MAX_SEED } from "../../src/calc/simulation/random";

// Each form of interval with the words a reader sees, written out by hand.
const FORMS: [Limits, string, string][] = [
  [{}, "", "a number"],
  [{ min: 0 }, "0 or more", "a number of 0 or more"],
  [{ min: 0, minOpen: true }, "greater than 0", "a number greater than 0"],
  [{ max: 5 }, "5 or less", "a number of 5 or less"],
  [{ max: 5, maxOpen: true }, "less than 5", "a number less than 5"],
  [{ min: 0, max: 50 }, "0 to 50", "a number from 0 to 50"],
  [
    { min: 0, minOpen: true, max: 1, noun: "fraction" },
    "greater than 0, at most 1",
    "a fraction greater than 0 and at most 1",
  ],
  [{ min: 0, max: 1, maxOpen: true }, "0 up to but not 1", "a number from 0 up to but not including 1"],
  [
    { min: 0, max: 1, minOpen: true, maxOpen: true },
    "greater than 0, less than 1",
    "a number strictly between 0 and 1",
  ],
  [{ min: 0, whole: true }, "a whole number, 0 or more", "a whole number of 0 or more"],
  [{ min: 1, max: 1200, whole: true }, "a whole number from 1 to 1200", "a whole number from 1 to 1200"],
  [{ min: 0, max: 1, whole: true, hint: "0 = no, 1 = yes" }, "0 or 1", "0 or 1 (0 = no, 1 = yes)"],
  [
    { min: -1, minOpen: true, noun: "rate", hint: "0.05 = 5%" },
    "greater than -1",
    "a rate greater than -1 (0.05 = 5%)",
  ],
];

test.each(FORMS)("%j: the tooltip's words and the error's", (limits, words, error) => {
  expect(allowedWords(limits)).toBe(words);
  expect(mustBe(limits)).toBe(error);
});

test("bounds read as a reader writes them: thousands grouped from 10,000, and 2^53 − 1 by name", () => {
  expect([showBound(1200), showBound(10_000), showBound(3_600_000), showBound(-0.5), showBound(2 ** 53 - 1)]).toEqual([
    "1200",
    "10,000",
    "3,600,000",
    "-0.5",
    "2^53 - 1",
  ]);
  expect(allowedWords(SEED)).toBe("a whole number from 0 to 2^53 - 1");
  expect(allowedWords(PATHS)).toBe("a whole number from 100 to 100,000");
});

test("which limit a value breaks: each end, open or closed, whole, and beyond 2^53 − 1", () => {
  expect([0, 1, 0.5, -1e-300, 1 + 2 ** -52].map((x) => breaks(FRACTION, x))).toEqual([
    undefined,
    undefined,
    undefined,
    "min",
    "max",
  ]);
  const open: Limits = { min: 0, minOpen: true, max: 1, maxOpen: true };
  expect([0, 5e-324, 1, 1 - 2 ** -53].map((x) => breaks(open, x))).toEqual(["min", undefined, "max", undefined]);
  expect([1, 1200, 0, 1201, 1.5].map((x) => breaks(SCHEDULE_MONTHS, x))).toEqual([
    undefined,
    undefined,
    "min",
    "max",
    "whole",
  ]);
  expect(breaks({ min: 0, whole: true }, 2 ** 53)).toBe("size");
  // Beyond a no-answer bound is calc's #NUM!, not a bad argument.
  expect([99, 100, 100_001].map((x) => breaks(PATHS, x))).toEqual(["min", undefined, undefined]);
});

test("the calc guards say the same words as the registry's limits, for numbers, decimal strings and Decimals", () => {
  expect(() => within("pool_fee", 1.5, FRACTION)).toThrow(
    /^pool_fee must be a fraction from 0 to 1 \(0.02 = 2%\); got 1.5$/,
  );
  expect(() => within("pool_fee", "1.0000000000000000000001", FRACTION)).toThrow(/must be a fraction from 0 to 1/);
  expect(within("pool_fee", new Decimal("0.5"), FRACTION).toString()).toBe("0.5");
  expect(Object.is(within("pool_fee", -0, FRACTION).toNumber(), 0)).toBe(true); // -0 is 0
  expect(() => positive("site_mw", 0)).toThrow(/^site_mw must be a number greater than 0; got 0$/);
  expect(() => wholeNonNegative("height", 2 ** 53)).toThrow(
    /^height must be a whole number of 0 or more up to 9007199254740991; got 9007199254740992$/,
  );
  expect(() => within("x", NaN, FRACTION)).toThrow(/^x must be a fraction from 0 to 1 \(0.02 = 2%\); got NaN$/);
});

test("the limits that name the calc module's own constants agree with them", () => {
  expect(SCHEDULE_MONTHS.max).toBe(MAX_LEASE_MONTHS);
  expect(SCHEDULE_MONTHS.max).toBe(MAX_SIM_MONTHS);
  expect([PATHS.min, PATHS.max]).toEqual([MIN_PATHS, MAX_PATHS]);
  expect(SEED.max).toBe(MAX_SEED);
});
