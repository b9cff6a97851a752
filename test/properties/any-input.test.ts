/*
 * Whatever Excel passes, every public function returns a finite number, a table of finite numbers
 * and text, or throws an Excel error of its own (#VALUE! or #NUM!, naming the function): never
 * another exception, a crash caught at the boundary ("unexpected error"), NaN or Infinity. The
 * property is test/support/any-input.ts; any-input-mutant.test.ts proves it fails on a crash.
 */
import fc from "fast-check";
import { CALLS, Fn } from "../support/calls";
import { arbitraryArguments, holds, oneReplaced, range, scalar, thrownProblem } from "../support/any-input";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { SIGNATURES } from "../../src/functions/params";

const fromTable = fromTableFn as Fn;

describe.each(Object.entries(CALLS))("%s", (id, { fn, valid }) => {
  // Functions that build a monthly schedule or simulate take milliseconds a call: fewer runs each,
  // as for every schedule (the GPU cloud's, the treasury's and the price fan's included).
  const heavy = /LEASE|MINING|CONVERSION|MWECONOMICS|PAYBACK|GPUCLOUD|TREASURYCASHFLOWS|QUANTILES/.test(id);

  test("arbitrary arguments: a finite result or an Excel error of its own, nothing else", () => {
    fc.assert(arbitraryArguments(id, fn, valid.length), { numRuns: heavy ? 150 : 1500 });
  });

  test("random numbers in every argument (no text): the same, deep in the calculations", () => {
    const num = fc.oneof(
      fc.double({ min: -1e6, max: 1e16, noNaN: true }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.integer({ min: 0, max: 1_500_000 }),
    );
    fc.assert(
      fc.property(fc.array(num, { minLength: valid.length, maxLength: valid.length }), (args) => holds(id, fn, args)),
      { numRuns: heavy ? 100 : 1000 },
    );
  });

  test("valid arguments scaled at random (whole numbers kept whole): mostly results or #NUM!, finite, deep in the calculations", () => {
    // Arbitrary numbers mostly stop at the argument checks; these get past them, to the arithmetic.
    let results = 0;
    const scaled = fc.array(fc.option(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { freq: 2 }), {
      minLength: valid.length,
      maxLength: valid.length,
    });
    fc.assert(
      fc.property(scaled, (factors) => {
        const args = valid.map((v, i) => {
          const k = factors[i];
          if (k === null || typeof v !== "number") return v;
          if (Number.isInteger(v) && v > 1) return Math.round(v * k); // heights, months, years: whole
          return v > 0 && v <= 1 ? Math.min(1, v * k) : v * k; // fractions stay fractions
        });
        const ok = holds(id, fn, args, (fid, e) => {
          // #NUM! comes only after every argument passed its checks: the arithmetic was reached
          // (near the example, half of CONVERSIONBREAKEVEN's leases lose more than idle mining costs).
          if ((e as { code?: string }).code === "#NUM!") results++;
          return thrownProblem(fid, e);
        });
        if (ok) results++;
        return ok;
      }),
      { numRuns: heavy ? 100 : 1000 },
    );
    expect(results).toBeGreaterThan((heavy ? 100 : 1000) * 0.4);
  });

  test("valid arguments with one replaced by anything: the same", () => {
    fc.assert(oneReplaced(id, fn, valid), { numRuns: heavy ? 200 : 1500 });
  });
});

describe("FROMTABLE", () => {
  const ids = fc.constantFrom(...Object.keys(CALLS), "BTCPRICE", "FROMTABLE", "miner.costperbtc", "", "NPV");
  /** Tables of names (the function's, other text, or not text) and any values, sometimes not two columns. */
  const names = fc.oneof(
    fc.constantFrom(
      ...Object.values(SIGNATURES)
        .flat()
        .map((p) => p.name),
    ),
    fc.string({ maxLength: 8 }),
    scalar,
  );
  const table = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.array(fc.tuple(names, scalar), { maxLength: 25 }).map((rows) => rows.map(([k, v]) => [k, v])),
    },
    { weight: 1, arbitrary: range },
    { weight: 1, arbitrary: scalar },
  );

  test("arbitrary function names and tables: a finite result or an Excel error, nothing else", () => {
    fc.assert(
      // A function FROMTABLE runs passes its own errors through, named for it ("LEASENPV: ...").
      fc.property(ids, table, fc.option(table), (id, t, extra) =>
        holds(["FROMTABLE", ...Object.keys(CALLS)], fromTable, [id, t, extra]),
      ),
      { numRuns: 1500 },
    );
  });
});
