/*
 * Whatever Excel passes, every public function returns a finite number, a table of finite numbers
 * and text, or throws a CustomFunctions.Error: never another exception, NaN or Infinity.
 */
import fc from "fast-check";
import { CALLS, Fn } from "../support/calls";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { SIGNATURES } from "../../src/functions/params";

const fromTable = fromTableFn as Fn;

/** Every kind of value Excel can hand a parameter declared as any. */
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "1", "abc", "1e3", "TRUE"),
  fc.boolean(),
  fc.constant(null),
);
const range = fc.oneof(
  scalar.map((v) => [[v]]),
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).filter((rows) => rows.every((r) => r.length === rows[0].length)),
  fc.array(fc.tuple(fc.string({ maxLength: 20 }), scalar), { minLength: 1, maxLength: 6 }).map((rows) => rows.map(([k, v]) => [k, v])),
);
const arg = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: range });

/** An Excel error the adapters may give: #VALUE! for a bad argument, #NUM! for no answer. */
const isExcelError = (e: unknown) => e instanceof CustomFunctions.Error && ["#VALUE!", "#NUM!"].includes((e as { code: string }).code);

function isAcceptable(result: unknown): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  if (!Array.isArray(result)) return false;
  return result.every((row) => Array.isArray(row) && row.every((c) => typeof c === "string" || (typeof c === "number" && Number.isFinite(c))));
}

describe.each(Object.entries(CALLS))("%s", (id, { fn, valid }) => {
  // Functions that build a monthly schedule or simulate take milliseconds a call: fewer runs each,
  // as for every schedule (the GPU cloud's, the treasury's and the price fan's included).
  const heavy = /LEASE|MINING|CONVERSION|MWECONOMICS|PAYBACK|GPUCLOUD|TREASURYCASHFLOWS|QUANTILES/.test(id);

  test("arbitrary arguments: a finite result or a CustomFunctions error, nothing else", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: valid.length, maxLength: valid.length }), (args) => {
        try {
          return isAcceptable(fn(...args));
        } catch (e) {
          return isExcelError(e);
        }
      }),
      { numRuns: heavy ? 150 : 1500 },
    );
  });

  test("random numbers in every argument (no text): the same, deep in the calculations", () => {
    const num = fc.oneof(fc.double({ min: -1e6, max: 1e16, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.integer({ min: 0, max: 1_500_000 }));
    fc.assert(
      fc.property(fc.array(num, { minLength: valid.length, maxLength: valid.length }), (args) => {
        try {
          return isAcceptable(fn(...args));
        } catch (e) {
          return isExcelError(e);
        }
      }),
      { numRuns: heavy ? 100 : 1000 },
    );
  });

  test("valid arguments scaled at random (whole numbers kept whole): mostly results or #NUM!, finite, deep in the calculations", () => {
    // Arbitrary numbers mostly stop at the argument checks; these get past them, to the arithmetic.
    let results = 0;
    const scaled = fc.array(fc.option(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { freq: 2 }), { minLength: valid.length, maxLength: valid.length });
    fc.assert(
      fc.property(scaled, (factors) => {
        const args = valid.map((v, i) => {
          const k = factors[i];
          if (k === null || typeof v !== "number") return v;
          if (Number.isInteger(v) && v > 1) return Math.round(v * k); // heights, months, years: whole
          return v > 0 && v <= 1 ? Math.min(1, v * k) : v * k; // fractions stay fractions
        });
        try {
          const ok = isAcceptable(fn(...args));
          results++;
          return ok;
        } catch (e) {
          // #NUM! comes only after every argument passed its checks: the arithmetic was reached
          // (near the example, half of CONVERSIONBREAKEVEN's leases lose more than idle mining costs).
          if (isExcelError(e) && (e as { code: string }).code === "#NUM!") results++;
          return isExcelError(e);
        }
      }),
      { numRuns: heavy ? 100 : 1000 },
    );
    expect(results).toBeGreaterThan((heavy ? 100 : 1000) * 0.4);
  });

  test("valid arguments with one replaced by anything: the same", () => {
    fc.assert(
      fc.property(fc.nat({ max: valid.length - 1 }), arg, (i, value) => {
        const args = [...valid];
        args[i] = value;
        try {
          return isAcceptable(fn(...args));
        } catch (e) {
          return isExcelError(e);
        }
      }),
      { numRuns: heavy ? 200 : 1500 },
    );
  });
});

describe("FROMTABLE", () => {
  const ids = fc.constantFrom(...Object.keys(CALLS), "BTCPRICE", "FROMTABLE", "miner.costperbtc", "", "NPV");
  /** Tables of names (the function's, other text, or not text) and any values, sometimes not two columns. */
  const names = fc.oneof(fc.constantFrom(...Object.values(SIGNATURES).flat().map((p) => p.name)), fc.string({ maxLength: 8 }), scalar);
  const table = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(names, scalar), { maxLength: 25 }).map((rows) => rows.map(([k, v]) => [k, v])) },
    { weight: 1, arbitrary: range },
    { weight: 1, arbitrary: scalar },
  );

  test("arbitrary function names and tables: a finite result or a CustomFunctions error, nothing else", () => {
    fc.assert(
      fc.property(ids, table, fc.option(table), (id, t, extra) => {
        try {
          return isAcceptable(fromTable(id, t, extra));
        } catch (e) {
          return isExcelError(e);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
