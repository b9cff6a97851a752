/*
 * The one argument reader (src/functions/read.ts): positional arguments read by a parameter list,
 * each by its kind, checked once against its limits, keyed by the calc module's names; and the
 * cell values Excel passes as objects with data types.
 */
import { read } from "../../src/functions/read";
import { byMonth, isRequired, optional, PARAMS, tooltip, withLimits } from "../../src/functions/params";
import { InvalidArgumentError } from "../../src/calc/errors";
import { NON_NEGATIVE } from "../../src/calc/limits";

const P = PARAMS;
const list = [P.btc_price, P.pool_fee, optional(P.start_height)];

test("arguments are keyed by the calc module's names; an omitted optional one takes its default", () => {
  expect(read(list, [91_000, null])).toEqual({ btc_price: 91_000, pool_fee: 0 });
  expect(read(list, [91_000, 0.02, 925_000])).toEqual({ btc_price: 91_000, pool_fee: 0.02, start_height: 925_000 });
  expect(read([P.wall_efficiency_j_th, P.subsidy_btc_per_block], [17.5, 3.125])).toEqual({
    efficiency_j_th: 17.5,
    subsidy: 3.125,
  });
});

test("a parameter appended optional (required elsewhere) is absent when omitted or blank, and refused when not a number", () => {
  const appended = optional(P.start_height);
  expect(isRequired(P.start_height)).toBe(true);
  expect(isRequired(appended)).toBe(false);
  expect(tooltip(appended)).toBe(tooltip(P.start_height)); // one name, one meaning
  expect("start_height" in read(list, [91_000, 0.02, ""])).toBe(false);
  expect(() => read(list, [91_000, 0.02, "soon"])).toThrow(
    new InvalidArgumentError("start_height", "a number", 'text "soon"'),
  );
});

test("a required argument left blank is refused by its public name", () => {
  expect(() => read(list, [null])).toThrow(
    /^btc_price must be a number \(it is required, and the argument is blank\)$/,
  );
});

describe("limits: each argument checked once, by its public name, with the range it must be in", () => {
  test("an interval's ends, open or closed", () => {
    // pool_fee: 0 to 1 inclusive; btc_price: greater than 0.
    expect(read([P.pool_fee], [0]).pool_fee).toBe(0);
    expect(read([P.pool_fee], [1]).pool_fee).toBe(1);
    expect(() => read([P.pool_fee], [1.0000001])).toThrow(
      new InvalidArgumentError("pool_fee", "a fraction from 0 to 1 (0.02 = 2%)", "1.0000001"),
    );
    expect(() => read([P.pool_fee], [-0.01])).toThrow(/^pool_fee must be a fraction from 0 to 1/);
    expect(() => read([P.btc_price], [0])).toThrow(
      new InvalidArgumentError("btc_price", "a number greater than 0", "0"),
    );
    expect(read([P.btc_price], [5e-324]).btc_price).toBe(5e-324);
    // haircut: 0 up to but not 1.
    expect(read([P.haircut], [0.999]).haircut).toBe(0.999);
    expect(() => read([P.haircut], [1])).toThrow(
      /^haircut must be a fraction from 0 up to but not including 1 \(0.2 = 20%\); got 1$/,
    );
  });

  test("whole numbers, and the largest a double counts exactly", () => {
    expect(read([P.height], [840_000]).height).toBe(840_000);
    expect(() => read([P.height], [840_000.5])).toThrow(
      new InvalidArgumentError("height", "a whole number of 0 or more", "840000.5"),
    );
    expect(() => read([P.height], [2 ** 53])).toThrow(
      /^height must be a whole number of 0 or more up to 9007199254740991; got 9007199254740992$/,
    );
    expect(() => read([P.months], [0])).toThrow(
      new InvalidArgumentError("months", "a whole number from 1 to 1200", "0"),
    );
    expect(() => read([P.rent_timing], [0.5])).toThrow(
      /^rent_timing must be 0 or 1 \(0 = end of month, 1 = beginning of month\); got 0.5$/,
    );
  });

  test("a bound beyond which there is no answer is left to calc (#NUM!), not refused here", () => {
    expect(read([P.paths], [200_000]).paths).toBe(200_000);
    expect(() => read([P.paths], [99])).toThrow(/^paths must be a whole number of 100 or more; got 99$/);
    expect(read([P.monthly_burn], [-5]).monthly_burn).toBe(-5);
  });

  test("a function may widen a parameter's limits where its words name the exception", () => {
    expect(() => read([P.btc_price], [0])).toThrow(/greater than 0/);
    expect(read([withLimits(P.btc_price, NON_NEGATIVE)], [0]).btc_price).toBe(0);
  });

  test("a column's every value is checked, naming the row", () => {
    expect(read([P.btc_mined], [[[1], [2]]]).btc_mined).toEqual([1, 2]);
    expect(() => read([P.btc_mined], [[[1], [-2], [3]]])).toThrow(
      new InvalidArgumentError("btc_mined", "a number of 0 or more in every row", "-2 in row 2"),
    );
    expect(() => read([byMonth(P.btc_price)], [[[1, 0]]])).toThrow(
      /^btc_price must be a number greater than 0 in every column; got 0 in column 2$/,
    );
    expect(() => read([P.btc_mined], [-1])).toThrow(
      new InvalidArgumentError("btc_mined", "a number of 0 or more", "-1"),
    );
  });

  test("defaults are within their limits, so an omitted argument is never refused", () => {
    for (const p of Object.values(PARAMS))
      if (typeof p.default === "number" && p.limits)
        expect(read([p], [null])).toEqual({ [p.field ?? p.name]: p.default });
  });
});

describe("switches and tables of numbers", () => {
  const mixed = [P.btc_price, P.switch_off_below_cost, P.phases];

  test("a switch is TRUE/FALSE or 1/0, blank its default; a 1×1 range its cell", () => {
    expect(read(mixed, [1, false])).toEqual({ btc_price: 1, switch_off_below_cost: false });
    expect(read(mixed, [1, 0]).switch_off_below_cost).toBe(false);
    expect(read(mixed, [1, [[1]]]).switch_off_below_cost).toBe(true);
    expect(read(mixed, [1, null]).switch_off_below_cost).toBe(true);
    expect(read([P.difficulty_includes_fleet], [""]).difficulty_includes_fleet).toBe(true);
    for (const bad of ["TRUE", 2, 0.5, [[true, false]]]) {
      expect(() => read(mixed, [1, bad])).toThrow(/^switch_off_below_cost must be TRUE or FALSE \(or 1 or 0\); got /);
    }
  });

  test("a table is its rows of numbers, trailing blank rows skipped; blank or all-blank is absent", () => {
    expect(
      read(mixed, [
        1,
        true,
        [
          [12, 100],
          [18, 50],
          [null, null],
          ["", ""],
        ],
      ]).phases,
    ).toEqual([
      [12, 100],
      [18, 50],
    ]);
    expect("phases" in read(mixed, [1, true, [[null, null]]])).toBe(false);
    expect("phases" in read(mixed, [1, true, null])).toBe(false);
  });

  test("a bad table names the argument and the row, as Excel counts it", () => {
    const bad: [unknown, RegExp][] = [
      [
        [
          [12, 100],
          [null, null],
          [18, 50],
        ],
        /got row 2: a blank cell$/,
      ],
      [
        [
          [12, 100],
          [18, null],
        ],
        /got row 2: a blank cell$/,
      ],
      [[[12, "100"]], /got row 1: text "100"$/],
      [[[12, true]], /got row 1: TRUE$/],
      [[[12, NaN]], /got row 1: NaN$/],
      [[[1, 2, 3]], /got a 1×3 range$/],
      [7, /got 7$/],
      ["12;100", /got text "12;100"$/],
    ];
    for (const [value, message] of bad) {
      expect(() => read(mixed, [1, true, value])).toThrow(
        /^phases must be a two-column range of numbers, a row each \(range: months, MW\); /,
      );
      expect(() => read(mixed, [1, true, value])).toThrow(message);
    }
  });
});

describe("lists and text options", () => {
  test("a list skips blanks or refuses a gap, as its parameter says, and keeps where each value was", () => {
    expect(read([P.quantiles], [[[0.1, null, 0.9]]]).quantiles).toEqual({
      values: [0.1, 0.9],
      positions: ["column 1", "column 3"],
    });
    expect(read([P.values], [[[null], [1], [2], [null]]]).values).toEqual({
      values: [1, 2],
      positions: ["row 2", "row 3"],
    });
    expect(() => read([P.values], [[[1], [null], [2]]])).toThrow(
      /^values must be a number in every cell between the first and the last value; got a blank in row 2$/,
    );
    expect(() => read([P.values], [null])).toThrow(
      /^values must be a row or column of numbers \(it is required, and the argument is blank\)$/,
    );
  });

  test("a text option is text, its default when blank; anything else is refused with the options", () => {
    expect(read([P.basis], [null]).basis).toBe("EV");
    expect(read([P.basis], ["mcap"]).basis).toBe("mcap"); // matched by calc, in any case
    expect(() => read([P.basis], [5])).toThrow(/^basis must be text: "EV" or "MCAP", any case; got 5$/);
  });

  test("a code or a column (repayment): text is the code, blank its default, a number or a range a column", () => {
    const repayment = (raw: unknown) => read([P.repayment], [raw]).repayment;
    expect([repayment(null), repayment(""), repayment("straight"), repayment([["LEVEL"]])]).toEqual([
      "LEVEL",
      "LEVEL",
      "straight",
      "LEVEL",
    ]);
    expect(repayment(5)).toEqual([5]); // a column of one payment
    expect(repayment([[1], [2], [3]])).toEqual([1, 2, 3]);
    expect(repayment([[1, 2, 3]])).toEqual([1, 2, 3]); // a row, left to right
    expect(repayment([[{ type: "FormattedNumber", basicValue: 7, numberFormat: "0" }], [8]])).toEqual([7, 8]);
    expect(() => repayment(true)).toThrow(/^repayment must be "LEVEL", "STRAIGHT" or a column; got TRUE$/);
    expect(() => repayment([[1], ["LEVEL"]])).toThrow(
      /^repayment must be a finite number in every row of the range; got text "LEVEL" in row 2$/,
    );
    expect(() =>
      repayment([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/^repayment must be "LEVEL", "STRAIGHT" or a column; got a 2×2 range$/);
  });

  test("a series column says what each value is: a month's or a year's", () => {
    expect(read([P.depreciation], [[[1], [2]]]).depreciation).toEqual([1, 2]);
    expect(() => read([P.depreciation], ["x"])).toThrow(
      /^depreciation must be a number or a one-column range, one value per year; got text "x"$/,
    );
    expect(tooltip(P.depreciation)).toMatch(/ A column \(≤ 101 years\)\.$/);
    expect(tooltip(P.cash_flows)).toMatch(/ A column \(≤ 1,201 months\)\.$/);
    expect(tooltip(P.cfads)).toMatch(/ Or a column \(≤ 1,200 months\)\.$/);
  });
});

describe("cell values Excel passes as objects (data types: formatted numbers, entities)", () => {
  // The shapes of Office.js's CellValue types (Excel.DoubleCellValue, FormattedNumberCellValue,
  // StringCellValue, BooleanCellValue, EntityCellValue, LinkedEntityCellValue, ErrorCellValue).
  const double = { type: "Double", basicType: "Double", basicValue: 0.02, numberFormat: "0.00%" };
  const formatted = { type: "FormattedNumber", basicValue: 91_000, numberFormat: "$#,##0" };
  const entity = {
    type: "Entity",
    text: "Antminer S21",
    basicType: "Error",
    basicValue: "#VALUE!",
    properties: { hashrate: { type: "Double", basicValue: 200 } },
  };
  const linked = {
    type: "LinkedEntity",
    text: "Seattle",
    basicValue: "#VALUE!",
    id: { culture: "en-US", domainId: "geo", entityId: "1", serviceId: 268 },
  };
  const text = { type: "String", basicValue: "abc" };
  const flag = { type: "Boolean", basicValue: true };
  const error = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };

  test("a formatted number reads as its basic value, wherever a number goes", () => {
    expect(read([P.btc_price, P.pool_fee], [formatted, double])).toEqual({ btc_price: 91_000, pool_fee: 0.02 });
    expect(read([P.btc_mined], [[[formatted], [double]]]).btc_mined).toEqual([91_000, 0.02]);
    expect(read([P.phases], [[[{ type: "Double", basicValue: 12 }, formatted]]]).phases).toEqual([[12, 91_000]]);
    expect(read([P.switch_off_below_cost], [flag]).switch_off_below_cost).toBe(true);
    expect(read([P.basis], [{ type: "String", basicValue: "MCAP" }]).basis).toBe("MCAP");
  });

  test("its limits still hold: a formatted 150% is not a pool fee", () => {
    expect(() => read([P.pool_fee], [{ ...double, basicValue: 1.5 }])).toThrow(
      /^pool_fee must be a fraction from 0 to 1 \(0.02 = 2%\); got 1.5$/,
    );
  });

  test("text inside, an entity (by the text its cell shows) or an error value is #VALUE! naming the argument", () => {
    expect(() => read([P.btc_price], [text])).toThrow(new InvalidArgumentError("btc_price", "a number", 'text "abc"'));
    expect(() => read([P.btc_price], [entity])).toThrow(
      new InvalidArgumentError("btc_price", "a number", 'text "Antminer S21"'),
    );
    expect(() => read([P.btc_price], [linked])).toThrow(
      new InvalidArgumentError("btc_price", "a number", 'text "Seattle"'),
    );
    expect(() => read([P.btc_price], [error])).toThrow(
      new InvalidArgumentError("btc_price", "a number", "an error (#DIV/0!)"),
    );
    expect(() => read([P.btc_mined], [[[1], [entity]]])).toThrow(
      /^btc_mined must be a finite number in every row of the range; got text "Antminer S21" in row 2$/,
    );
    expect(() => read([P.switch_off_below_cost], [entity])).toThrow(
      /^switch_off_below_cost must be TRUE or FALSE \(or 1 or 0\); got text "Antminer S21"$/,
    );
  });
});
