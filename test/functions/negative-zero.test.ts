/*
 * No MINER function returns −0, as a number or in a table cell: every number leaves through one
 * place at the boundary (src/functions/excel.ts: excelValue), whichever column of whichever table
 * it comes from. −0 is what IEEE arithmetic gives for a zero with a negative sign (−0 × 5, 0 / −1,
 * a −0 argument passed through), and Excel's arithmetic downstream keeps it (1/−0 is −∞).
 */
import { CALLS, GOOD_CALLS } from "../support/calls";
import { labelled } from "../support/labelled";
import { excelMatrix } from "../../src/functions/excel";
import { SIGNATURES } from "../../src/functions/params";

/** The cells of a result (a number is one cell) that are −0, by their place ("row 9, column 2"). */
function negativeZeros(result: unknown): string[] {
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  return rows.flatMap((row, r) =>
    row.flatMap((cell, c) => (Object.is(cell, -0) ? [`row ${r + 1}, column ${c + 1}`] : [])),
  );
}

const outcome = (call: () => unknown): unknown => {
  try {
    return call();
  } catch {
    return undefined; // an Excel error has no cells
  }
};

test("COSTBREAKDOWN with a −0 subsidy (as a sheet's =-0 or -A1 of a blank cell passes it) shows 0, not −0", () => {
  const args = [...CALLS.COSTBREAKDOWN.valid];
  args[3] = -0;
  const table = CALLS.COSTBREAKDOWN.fn(...args) as (string | number)[][];
  expect(table[9][0]).toBe("Subsidy assumed (BTC per block)");
  expect(Object.is(table[9][1], 0)).toBe(true);
});

test("a table's cells leave through the boundary: −0 in any column becomes 0, text and other numbers as they are", () => {
  const table = excelMatrix("TEST", [], () => [
    ["a", -0],
    [0, -1.5],
  ]);
  expect(negativeZeros(table)).toEqual([]);
  expect(table).toEqual([
    ["a", 0],
    [0, -1.5],
  ]);
});

test("every function, with −0 in each argument in turn, and −0 or 0 in all its numbers at once: no cell is −0", () => {
  const lists: [string, unknown[]][] = [
    ...Object.entries(CALLS).map(([id, c]) => [id, c.valid] as [string, unknown[]]),
    ...GOOD_CALLS,
  ];
  let results = 0;
  for (const [id, valid] of lists) {
    const n = SIGNATURES[id as keyof typeof SIGNATURES].length;
    const padded = [...valid, ...Array(Math.max(0, n - valid.length)).fill(null)];
    const variants: [string, unknown[]][] = [
      ["every number −0", padded.map((v) => (typeof v === "number" ? -0 : v))],
      ["every number 0", padded.map((v) => (typeof v === "number" ? 0 : v))],
    ];
    // A distribution's deterministic arguments are swept in its deterministic function (MININGNPV,
    // CONVERSIONVALUE); here its risk arguments, at 27 ms a call.
    const first = /DIST$/.test(id) ? SIGNATURES[id === "MININGNPVDIST" ? "MININGNPV" : "CONVERSIONVALUE"].length : 0;
    padded.forEach((v, i) => {
      if (i < first) return;
      const args = [...padded];
      args[i] = -0;
      variants.push([`${SIGNATURES[id as keyof typeof SIGNATURES][i].name} = −0`, args]);
    });
    for (const [label, args] of variants) {
      const result = outcome(() => CALLS[id].fn(...args));
      if (result !== undefined) results++;
      labelled(`${id}, ${label}`, () => expect(negativeZeros(result)).toEqual([]));
    }
  }
  expect(results).toBeGreaterThan(250); // most variants are answered: the outputs were really looked at
});
