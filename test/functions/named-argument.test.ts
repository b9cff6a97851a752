/*
 * An error names the argument that is really out of range. For every function and each of its
 * arguments, a 1e-300 and a 1e300 in it (the others the catalog's valid examples) give a result,
 * a #VALUE! whose subject (what comes before "must be") names that argument (alone, or with the
 * others a joint condition is about: "site_mw, machine_efficiency_j_th and pue must be such that
 * ..."), or a #NUM! that names no other argument without naming it too (it names the quantity
 * that has no answer or overflowed). Never another argument alone.
 */
import { CALLS, Fn, GOOD_CALLS, tableOf } from "../support/calls";
import { excelErrorOrNone } from "../support/errors";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { Param, SIGNATURES } from "../../src/functions/params";

/** Every function with valid arguments: MWECONOMICS with its GPU-cloud inputs given (all or none), and FROMTABLE. */
const FUNCTIONS: [id: string, fn: Fn, valid: unknown[]][] = [
  ...Object.entries(CALLS).map(([id, c]): [string, Fn, unknown[]] => [
    id,
    c.fn,
    id === "MWECONOMICS" ? GOOD_CALLS.find(([g]) => g === id)![1] : c.valid,
  ]),
  ["FROMTABLE", fromTableFn as Fn, ["LEASENPV", tableOf("LEASENPV", CALLS.LEASENPV.valid), null, null]],
];

/** Whether a message names `name` as a word of its own (difficulty is not difficulty_growth_monthly). */
const names = (message: string, name: string) => new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(message);

/** What is wrong with the outcome of `x` in parameter `p` of function `id`, or undefined. */
function blameProblem(id: string, params: readonly Param[], p: Param, call: () => unknown): string | undefined {
  const e = excelErrorOrNone(call);
  if (e === undefined) return undefined;
  const message = e.message.startsWith(`${id}: `) ? e.message.slice(id.length + 2) : "";
  if (message === "") return `${e.code} not naming ${id}: ${e.message}`;
  if (e.code === "#VALUE!") {
    const at = message.indexOf(" must be ");
    const subject = at < 0 ? [] : message.slice(0, at).split(/, | and /);
    return subject.includes(p.name) ? undefined : `#VALUE! blaming ${subject.join(", ") || "nothing"}: ${e.message}`;
  }
  if (e.code === "#NUM!") {
    const others = params.filter((q) => q.name !== p.name && names(message, q.name)).map((q) => q.name);
    return others.length === 0 || names(message, p.name)
      ? undefined
      : `#NUM! naming ${others.join(", ")}: ${e.message}`;
  }
  return `${e.code}: ${e.message}`;
}

test("a 1e-300 or a 1e300 in any argument of any function is blamed on that argument, never on another", () => {
  const problems: string[] = [];
  let calls = 0;
  for (const [id, fn, valid] of FUNCTIONS) {
    const params = SIGNATURES[id as keyof typeof SIGNATURES] as readonly Param[];
    params.forEach((p, i) => {
      for (const x of [1e-300, 1e300]) {
        const args = [...valid, ...Array(Math.max(0, params.length - valid.length)).fill(null)];
        args[i] = x;
        calls++;
        const problem = blameProblem(id, params, p, () => fn(...args));
        if (problem) problems.push(`${id} ${p.name} = ${x}: ${problem}`);
      }
    });
  }
  expect(problems).toEqual([]);
  expect(calls).toBeGreaterThan(800);
});

test("a tiny machine efficiency is named, not blamed on site_mw, in every site function", () => {
  const site = FUNCTIONS.filter(([id]) =>
    SIGNATURES[id as keyof typeof SIGNATURES].some((p) => p.name === "machine_efficiency_j_th"),
  );
  expect(site.map(([id]) => id).sort()).toEqual(
    [
      "CONVERSIONBREAKEVEN",
      "CONVERSIONDIST",
      "CONVERSIONOPTION",
      "CONVERSIONTIMING",
      "CONVERSIONVALUE",
      "MININGCASHFLOWS",
      "MININGNPV",
      "MININGNPVDIST",
      "MWECONOMICS",
    ].sort(),
  );
  for (const [id, fn, valid] of site) {
    const args = [...valid];
    args[1] = 1e-300; // machine_efficiency_j_th: 100 MW of it out-hashes the network 1e299 times
    expect(excelErrorOrNone(() => fn(...args))?.message).toMatch(
      new RegExp(
        `^${id}: site_mw, machine_efficiency_j_th and pue must be such that the fleet they give .*; got a fleet of 9\\.091e\\+301 EH/s against a network of 1088 EH/s in month 1$`,
      ),
    );
  }
});
