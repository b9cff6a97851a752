/*
 * Bounded work per call: every range argument has a longest length (limits.ts: a parameter's
 * maxLength, or its kind's LONGEST), the tooltip says it, and the reader refuses a longer range
 * with #VALUE! naming the argument, the limit and the length, from the range's dimensions alone:
 * a whole column (1,048,576 rows) is refused without a cell being read. Terms, builds and months
 * have a maximum too, and every simulation keeps its paths × months cap. Calc refuses the same
 * lengths for direct callers. (Speed itself is measured in npm run bench, never asserted here.)
 */
import { CALLS, CONVERSION_ARGS, Fn, tableOf } from "../support/calls";
import { excelError, excelErrorOrNone } from "../support/errors";
import { labelled } from "../support/labelled";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { isRangeKind, lengthUnit, longestRange, Param, SIGNATURES, tooltip } from "../../src/functions/params";
import { LONGEST, PHASES, SCHEDULE_MONTHS, TAX_BANDS, VOLATILITY_VALUES } from "../../src/calc/limits";
import { volatility } from "../../src/calc/volatility";
import { energyTaxUsdPerYear } from "../../src/calc/energy-tax";
import { leaseNpv } from "../../src/calc/lease";
import { InvalidArgumentError } from "../../src/calc/errors";

const fromTable = fromTableFn as Fn;
const grouped = (n: number) => n.toLocaleString("en-US");

/** Every function with a valid argument list: the calculated ones, and FROMTABLE running LEASENPV. */
const FUNCTIONS: [id: string, fn: Fn, valid: unknown[]][] = [
  ...Object.entries(CALLS).map(([id, c]) => [id, c.fn, c.valid] as [string, Fn, unknown[]]),
  ["FROMTABLE", fromTable, ["LEASENPV", tableOf("LEASENPV", CALLS.LEASENPV.valid), null, null]],
];

/** Each range parameter of each function, with its index. */
const RANGE_PARAMS = FUNCTIONS.flatMap(([id, fn, valid]) =>
  (SIGNATURES[id as keyof typeof SIGNATURES] as readonly Param[])
    .map((p, i) => ({ id, fn, valid, p, i }))
    .filter(({ p }) => isRangeKind(p.kind)),
);

/** A range of `length` as the parameter's kind takes it: a column of numbers, or rows of two cells. */
function rangeOf(p: Param, length: number, cell: unknown = 1): unknown[][] {
  const twoColumns = lengthUnit(p.kind as never) === "rows";
  return Array.from({ length }, () => (twoColumns ? [cell, cell] : [cell]));
}

const withArgument = (valid: unknown[], i: number, value: unknown) => {
  const args = [...valid];
  while (args.length <= i) args.push(null);
  args[i] = value;
  return args;
};

test("every range argument of every function has a longest length, and the tooltip says it", () => {
  expect(RANGE_PARAMS.length).toBeGreaterThanOrEqual(20);
  for (const { id, p } of RANGE_PARAMS) {
    const most = longestRange(p)!;
    labelled(`${id} ${p.name}`, () => {
      expect(most).toBeGreaterThan(0);
      // A column's tooltip gives its months; a list's or a table's allowed words give its values or rows.
      const said =
        p.kind === "column" ? `≤ ${grouped(most)} ${p.series ?? "month"}s` : `at most ${grouped(most)} ${lengthUnit(p.kind as never)}`;
      expect(tooltip(p)).toContain(said);
    });
  }
  // The lengths chosen (docs/conventions.md#limits): a schedule's months 0..1200, BTC's daily history, P1..P99.
  expect(LONGEST.column).toBe(SCHEDULE_MONTHS.max + 1);
  const longest = (id: keyof typeof SIGNATURES, name: string) =>
    longestRange(SIGNATURES[id].find((p) => p.name === name)!);
  expect([longest("VOLATILITY", "values"), longest("PRICEQUANTILES", "quantiles")]).toEqual([10_000, 99]);
  expect([longest("ENERGYTAX", "tiers"), longest("LEASENPV", "phases"), longest("FROMTABLE", "assumptions")]).toEqual([
    100, 120, 11_000,
  ]);
});

test("one past the longest is #VALUE! naming the argument, its limit and the length given; the longest itself is read", () => {
  for (const { id, fn, valid, p, i } of RANGE_PARAMS) {
    const most = longestRange(p)!;
    const unit = lengthUnit(p.kind as never);
    const shape = unit === "rows" ? "a range" : "a row or column";
    const cols = unit === "rows" ? 2 : 1;
    labelled(`${id} ${p.name}`, () => {
      const e = excelError(() => fn(...withArgument(valid, i, rangeOf(p, most + 1))));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toBe(
        `${id}: ${p.name} must be ${shape} of at most ${grouped(most)} ${unit}; got a ${grouped(most + 1)}×${cols} range (${grouped(most + 1)} ${unit})`,
      );
      // At the limit the reader reads the cells: text in the first is refused by its row, not by the length.
      const atLimit = excelErrorOrNone(() => fn(...withArgument(valid, i, rangeOf(p, most, "x"))));
      expect(atLimit?.message ?? "").not.toMatch(/at most .* (rows|values); got/);
    });
  }
});

/** An empty 1,048,576-row array, shared by the whole-column proxies (8 MB each would be allocated otherwise). */
const WHOLE_COLUMN = new Array<unknown[]>(1_048_576);

/** A 1,048,576-row range whose cells are made up when read, recording which rows were read. */
function wholeColumn(columns: number): { range: unknown[][]; read: Set<string> } {
  const read = new Set<string>();
  const range = new Proxy(WHOLE_COLUMN, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) {
        read.add(key);
        return Array(columns).fill(1);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { range, read };
}

test("a whole column (1,048,576 rows) is refused without reading its cells", () => {
  for (const { id, fn, valid, p, i } of RANGE_PARAMS) {
    const { range, read } = wholeColumn(lengthUnit(p.kind as never) === "rows" ? 2 : 1);
    labelled(`${id} ${p.name}`, () => {
      const e = excelError(() => fn(...withArgument(valid, i, range)));
      expect(e.message).toContain(`got a 1,048,576×`);
      expect([...read]).toEqual(["0"]); // only its first row, for the shape
    });
  }
});

test("a whole column where one value goes is refused as a range, reading at most its first row", () => {
  let checked = 0;
  for (const [id, fn, valid] of FUNCTIONS) {
    (SIGNATURES[id as keyof typeof SIGNATURES] as readonly Param[]).forEach((p, i) => {
      if (isRangeKind(p.kind)) return;
      const { range, read } = wholeColumn(1);
      labelled(`${id} ${p.name}`, () => {
        expect(excelError(() => fn(...withArgument(valid, i, range))).code).toBe("#VALUE!");
        expect([...read].filter((k) => k !== "0")).toEqual([]);
      });
      checked++;
    });
  }
  expect(checked).toBeGreaterThan(300);
});

test("terms, lives and builds have a maximum: 100 years, and 1,199 months of building", () => {
  const lease = CALLS.LEASENPV;
  // 100 years with no build: the schedule's 1,200 months.
  expect(Number.isFinite(lease.fn(200, 150, 100, 0.1, 0.03, 9e6, 0.15, 0) as number)).toBe(true);
  expect(excelError(() => lease.fn(200, 150, 100.5, 0.1)).message).toBe(
    "LEASENPV: term_years must be a number greater than 0 and at most 100 (with the build before it, at most 1200 months); got 100.5",
  );
  expect(excelError(() => lease.fn(200, 150, 15, 0.1, 0, 0, 0, 1200)).message).toMatch(
    /^LEASENPV: build_months must be a whole number from 0 to 1199 .*; got 1200$/,
  );
  const gpu = SIGNATURES.GPUCLOUDNPV.findIndex((p) => p.name === "life_years");
  expect(excelError(() => CALLS.GPUCLOUDNPV.fn(...withArgument(CALLS.GPUCLOUDNPV.valid, gpu, 101))).message).toMatch(
    /^GPUCLOUDNPV: life_years must be a number greater than 0 and at most 100 /,
  );
  const conversion = SIGNATURES.CONVERSIONVALUE.findIndex((p) => p.name === "conversion_months");
  expect(
    excelError(() => CALLS.CONVERSIONVALUE.fn(...withArgument(CONVERSION_ARGS, conversion, 1200))).message,
  ).toMatch(/^CONVERSIONVALUE: conversion_months must be a whole number from 0 to 1199 /);
});

test("every simulation keeps its paths × months cap: beyond it is #NUM! before a path is drawn", () => {
  const simulations = Object.keys(CALLS).filter((id) =>
    SIGNATURES[id as keyof typeof SIGNATURES].some((p) => p.name === "paths"),
  );
  expect(simulations).toEqual(expect.arrayContaining(["CONVERSIONDIST", "MININGNPVDIST", "PRICEQUANTILES"]));
  for (const id of simulations) {
    const params = SIGNATURES[id as keyof typeof SIGNATURES] as readonly Param[];
    let args = withArgument(
      CALLS[id].valid,
      params.findIndex((p) => p.name === "paths"),
      100_000,
    );
    const months = params.findIndex((p) => p.name === "months");
    if (months >= 0) args = withArgument(args, months, 60); // CONVERSIONDIST's horizon is its 132 months
    labelled(id, () => {
      const e = excelError(() => CALLS[id].fn(...args));
      expect(e.code).toBe("#NUM!");
      // Each simulation's own cap (3,600,000 unless it documents a smaller one), said in the message.
      expect(e.message).toMatch(/at most [\d,]+ paths × months in one cell/);
    });
  }
});

test("calc refuses the same lengths for direct callers, before reading the values", () => {
  const long = (n: number, row: number[]) => Array.from({ length: n }, () => row);
  const refused = (call: () => unknown) => {
    try {
      call();
    } catch (e) {
      return e instanceof InvalidArgumentError ? e.message : String(e);
    }
    return "a value";
  };
  expect(refused(() => volatility(new Array(VOLATILITY_VALUES.maxLength + 1).fill("not read"), 365))).toBe(
    "values must be a range of at most 10,000 values; got 10,001 values",
  );
  expect(refused(() => energyTaxUsdPerYear(1e9, long(TAX_BANDS.maxLength + 1, [0, 0])))).toBe(
    "tiers must be a range of at most 100 rows; got 101 rows",
  );
  const terms = { rate_usd_per_kw_month: 150, term_years: 15, phases: long(PHASES.maxLength + 1, [0, 1]) };
  expect(refused(() => leaseNpv(terms, 0.1))).toBe("phases must be a range of at most 120 rows; got 121 rows");
});
