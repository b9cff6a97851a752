/*
 * A message quotes at most 60 characters of any text it echoes (MAX_QUOTED), whatever a cell
 * holds (up to 32,767 characters): a 32,767-character text in every parameter of every function,
 * as a name and as a value in FROMTABLE's tables, and in the live functions' text arguments. One
 * helper cuts it (src/calc/errors.ts: quoted, clipped), calc's own messages included (MNAV's
 * basis, TREASURYCASHFLOWS' policy).
 */
import { CALLS, Fn, tableOf } from "../support/calls";
import { excelErrorOrNone } from "../support/errors";
import { labelled } from "../support/labelled";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { btcPrice, network } from "../../src/functions/live";
import { SIGNATURES } from "../../src/functions/params";
import { clipped, MAX_QUOTED, quoted } from "../../src/calc/errors";
import { oneOf } from "../../src/calc/choice";

const fromTable = fromTableFn as Fn;
/** The longest text an Excel cell holds, of a letter no message uses in a run. */
const LONG = "Q".repeat(32_767);

/** What is wrong with a message that may echo LONG: a run longer than MAX_QUOTED, or a message too long to read. */
function echoProblem(message: string): string | undefined {
  const run = Math.max(0, ...(message.match(/Q+/g) ?? []).map((q) => q.length));
  if (run > MAX_QUOTED) return `quotes ${run} characters of the text`;
  if (message.length > 1_500) return `is ${message.length} characters long`;
  return undefined;
}

const check = (label: string, call: () => unknown) =>
  labelled(label, () => expect(echoProblem(excelErrorOrNone(call)?.message ?? "")).toBeUndefined());

test("the helper: at most 60 characters, in quotes, with the length said; a surrogate pair is never split", () => {
  expect(quoted("EV")).toBe('"EV"');
  expect(quoted(LONG)).toBe(`"${"Q".repeat(60)}"… (32,767 characters)`);
  expect(clipped(LONG)).toBe(`${"Q".repeat(60)}… (32,767 characters)`);
  const emoji = `${"a".repeat(59)}😀b`; // the pair at 59..60: cut before it
  expect(quoted(emoji)).toBe(`"${"a".repeat(59)}"… (62 characters)`);
  expect(() => oneOf("policy", LONG, ["HOLD", "SELLALL"])).toThrow(
    `policy must be one of "HOLD" or "SELLALL"; got ${quoted(LONG)}`,
  );
});

test("a 32,767-character text in every parameter of every function is quoted in at most 60 characters", () => {
  let calls = 0;
  for (const [id, { fn, valid }] of Object.entries(CALLS)) {
    SIGNATURES[id as keyof typeof SIGNATURES].forEach((p, i) => {
      const args = [...valid];
      args[i] = LONG;
      check(`${id} ${p.name}`, () => fn(...args));
      args[i] = [[LONG]]; // a one-cell range holding it
      check(`${id} ${p.name} as a cell`, () => fn(...args));
      calls += 2;
    });
  }
  expect(calls).toBeGreaterThan(600);
});

test("the text options calc matches (MNAV basis, TREASURYCASHFLOWS policy) quote at most 60 characters of it", () => {
  for (const [id, name] of [
    ["MNAV", "basis"],
    ["TREASURYCASHFLOWS", "policy"],
  ]) {
    const args = [...CALLS[id].valid];
    args[SIGNATURES[id as keyof typeof SIGNATURES].findIndex((p) => p.name === name)] = LONG;
    const message = excelErrorOrNone(() => CALLS[id].fn(...args))?.message;
    expect(message).toMatch(new RegExp(`^${id}: ${name} must be one of .*; got "Q{60}"… \\(32,767 characters\\)$`));
  }
});

test("FROMTABLE: a long function name, a long name in a table and a long value in it", () => {
  const lease = tableOf("LEASENPV", CALLS.LEASENPV.valid);
  check("function_name", () => fromTable(LONG, lease));
  check("a name", () => fromTable("LEASENPV", [...lease, [LONG, 1]]));
  check("a value", () => fromTable("LEASENPV", [...lease.slice(1), ["critical_it_mw", LONG]]));
  check("a table", () => fromTable("LEASENPV", LONG));
  check("an extra table", () => fromTable("LEASENPV", lease, LONG));
  expect(excelErrorOrNone(() => fromTable(LONG, lease))?.message).toMatch(/; got "Q{60}"… \(32,767 characters\)$/);
});

test("the live functions' text arguments (currency, field)", () => {
  for (const [name, fn] of [
    ["BTCPRICE", btcPrice],
    ["NETWORK", network],
  ] as const) {
    let message = "";
    fn(LONG, { setResult: (e: { message?: string }) => (message = e.message ?? "") } as never);
    labelled(name, () => {
      expect(message).toMatch(new RegExp(`^${name}: `));
      expect(echoProblem(message)).toBeUndefined();
    });
  }
});
