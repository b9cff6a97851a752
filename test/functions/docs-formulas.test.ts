/*
 * The guides (README.md, docs/*.md, CONTRIBUTING.md) and `npm start`'s hint cannot drift from the
 * interface: every signature they show is the registered one, every formula they print runs, and
 * every result they state beside a formula is what the function gives, to the digits shown (tables
 * line by line, #NUM! messages word for word), here in Node. test/bundle/bundle.test.ts runs the
 * same formulas, and the reference's examples, through the shipped bundle.
 */
import * as fs from "fs";
import * as path from "path";
import { isRequired, showDefault, SIGNATURES } from "../../src/functions/params";
import { CALLS, Fn, TABLE_FUNCTION } from "../support/calls";
import { fromTable } from "../../src/functions/fromtable";
import {
  Ast,
  byName,
  computedNames,
  formulaOfNpmStart,
  formulasInGuide,
  guideFiles,
  judge,
  Outcome,
  Printed,
  resolve,
  stated,
} from "../support/printed-formulas";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const GUIDES = guideFiles();
const TEXT = GUIDES.map(read).join("\n");
/** Inline code spans (fenced blocks removed first, so their backticks do not pair with others). */
const codeSpans = (text: string) => [...text.replace(/```[\s\S]*?```/g, "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const fnOf = (id: string): Fn => (id === TABLE_FUNCTION ? (fromTable as Fn) : CALLS[id].fn);

const EXTRA = computedNames();

function evaluate(ast: Ast): unknown {
  if ("value" in ast) return ast.value;
  return fnOf(ast.call)(...ast.args.map(evaluate));
}
function outcome(p: Printed): Outcome {
  try {
    return { value: evaluate(resolve(p.ast!, EXTRA)) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return err.code ? { code: err.code, message: err.message } : { crash: String(e) };
  }
}

const PRINTED = [...GUIDES.flatMap((f) => formulasInGuide(f)), formulaOfNpmStart()];
const RUNNABLE = PRINTED.filter((p) => p.ast);

/** "MINER.X(a, b, [c=0])" as the registry would write it. */
function registered(id: keyof typeof SIGNATURES): string {
  const params = SIGNATURES[id].map((p) =>
    isRequired(p) ? p.name : `[${p.name}${p.default === undefined ? "" : `=${showDefault(p.default)}`}]`,
  );
  return `MINER.${id}(${params.join(", ")})`;
}

test("every signature in the guides is the registered one: names, order, brackets and defaults", () => {
  // One parameter, then ", parameter" repeats: a mandatory separator keeps the match linear (an
  // optional one lets [a-z_]+ split a name every way, and a non-matching span takes minutes).
  const param = String.raw`\[?[a-z_]+(?:=[^\],]+)?\]?`;
  const signature = new RegExp(String.raw`^=?MINER\.[A-Z]+\((?:${param}(?:, ${param})*)?\)$`);
  // A call with no arguments (=MINER.BTCPRICE()) is a formula, not a signature, unless the function takes none.
  const signatures = codeSpans(TEXT).filter(
    (c) =>
      signature.test(c) &&
      !(c.endsWith("()") && SIGNATURES[/MINER\.([A-Z]+)/.exec(c)![1] as keyof typeof SIGNATURES]?.length),
  );
  expect(signatures.length).toBeGreaterThanOrEqual(20);
  for (const s of signatures) {
    const id = /MINER\.([A-Z]+)/.exec(s)![1] as keyof typeof SIGNATURES;
    expect(id in SIGNATURES).toBe(true);
    expect(s.replace(/^=/, "")).toBe(registered(id));
  }
  // The ones a reader needs most are there.
  for (const id of ["COSTPERBTC", "HASHPRICE", "PAYBACKMONTHS", "LEASENPV", "CONVERSIONVALUE"] as const) {
    expect(signatures.map((s) => s.replace(/^=/, ""))).toContain(registered(id));
  }
});

test("every formula the guides and npm start print runs, and gives the result stated beside it", () => {
  const problems = RUNNABLE.map((p) => [p.where, p.formula, judge(p, outcome(p))]).filter(([, , problem]) => problem);
  expect(problems).toEqual([]);
  // What is pinned: results in tables and prose, code-block results, #NUM! messages, the tables.
  const expected = RUNNABLE.filter((p) => p.expect);
  expect(RUNNABLE.length).toBeGreaterThanOrEqual(110);
  expect(expected.filter((p) => p.expect!.kind === "number").length).toBeGreaterThanOrEqual(85);
  const kinds = (kind: string) =>
    expected.filter((p) => p.expect!.kind === kind).map((p) => /MINER\.([A-Z]+)/.exec(p.formula)![1]);
  expect(kinds("error")).toEqual(["PAYBACKMONTHS", "FROMTABLE"]); // the payback that never comes, by position and by name
  expect(kinds("rows")).toEqual([
    "COSTBREAKDOWN",
    "FROMTABLE",
    "MININGNPVDIST",
    "FROMTABLE",
    "CONVERSIONDIST",
    "FROMTABLE",
    "CONVERSIONOPTION",
    "FROMTABLE",
  ]);
  expect(kinds("grid")).toEqual(["DEPRECIATION", "MWECONOMICS", "FROMTABLE"]);
});

test("npm start's hint carries the subsidy it needs and returns what it says (not #VALUE!)", () => {
  const hint = formulaOfNpmStart();
  expect(hint.formula).toBe("=MINER.COSTPERBTC(0.05, 17.5, 1.5E14, 3.125)");
  const o = outcome(hint);
  expect(judge(hint, o)).toBeUndefined();
  // power per TH-day / BTC per TH-day, in floats: 17.5 J/TH × 24 h / 1000 × 5¢ over 1e12 × 86,400 × 3.125 / (1.5E14 × 2^32)
  expect(o.value).toBeNear((17.5 * 0.024 * 0.05) / ((1e12 * 86400 * 3.125) / (1.5e14 * 2 ** 32)), { rel: 1e-12 });
  // The README and the guides show the same formula with the same result.
  for (const file of ["README.md", "docs/deployment.md", "CONTRIBUTING.md"]) {
    expect({ file, text: read(file) }).toEqual({ file, text: expect.stringContaining(hint.formula) });
    expect({ file, text: read(file) }).toEqual({ file, text: expect.stringContaining(hint.expect!.kind === "number" ? hint.expect!.text : "?") });
  }
});

test("every long example (more than eight arguments) shows its inline FROMTABLE form beside it: the same arguments by name, the same stated result", () => {
  const long = RUNNABLE.filter((p) => {
    const ast = p.ast! as { call: string; args: Ast[] };
    // a table of numbers (phases, tiers) or a range cannot be a value of an inline table
    return (
      ast.call !== TABLE_FUNCTION &&
      ast.args.length > 8 &&
      ast.args.every((a) => "value" in a && !Array.isArray(a.value) && !(a.value && typeof a.value === "object"))
    );
  });
  expect(long.length).toBeGreaterThanOrEqual(25);
  const statedText = (p: Printed) => (p.expect?.kind === "number" ? p.expect.value : JSON.stringify(p.expect));
  for (const p of long) {
    const file = p.where.split(":")[0];
    const want = byName(p.ast!);
    const twin = RUNNABLE.find(
      (q) =>
        q.where.split(":")[0] === file &&
        (q.ast as { call: string }).call === TABLE_FUNCTION &&
        JSON.stringify(byName(q.ast!)) === JSON.stringify(want) &&
        statedText(q) === statedText(p),
    );
    expect([p.where, p.formula, twin?.where ?? "no inline FROMTABLE form with the same arguments and result"]).toEqual([
      p.where,
      p.formula,
      expect.stringMatching(new RegExp(`^${file}:`)),
    ]);
  }
});

test("the risk prose states what PRICEQUANTILES and VOLATILITY give", () => {
  const risk = read("docs/risk.md");
  // The fan's month 120: P50 and P90 as the guide states them.
  const fan = CALLS.PRICEQUANTILES.fn(91000, 0.01, 0.5, 120, [[0.1, 0.5, 0.9]], 10000, 1) as number[][];
  const [month, , p50, p90] = fan[fan.length - 1];
  expect(month).toBe(120);
  const said = /P50 \$([\d,]+) and P90 \$([\d,]+) at month 120/.exec(risk)!;
  expect([Math.abs(p50 - stated(said[1])!.value) <= 0.5, Math.abs(p90 - stated(said[2])!.value) <= 0.5]).toEqual([
    true,
    true,
  ]);
  const volatility =
    /`=MINER\.VOLATILITY\(B2:B6, 365\)` of daily prices 90,000,\s+91,800, 90,882, 92,700, 91,773 is ([\d.]+)/.exec(
      risk,
    )!;
  const printed = formulasInGuide("docs/risk.md").find((p) => p.formula === "=MINER.VOLATILITY(B2:B6, 365)")!;
  expect(printed.expect).toMatchObject({ kind: "number", text: volatility[1] });
});

test("a wrong stated result is caught: the judge is not lenient", () => {
  const [p] = formulasInGuide("x.md", "`=MINER.SUBSIDY(840000)` is 3.126");
  expect(judge(p, outcome(p))).toBe("gave 3.125, not 3.126");
  const [q] = formulasInGuide(
    "x.md",
    "```\n=MINER.PAYBACKMONTHS(3500, 200, 17.5, 0.2, 91000, 1.5E14, 3.125)\n\n#NUM!  PAYBACKMONTHS: something else\n```",
  );
  expect(judge(q, outcome(q))).toMatch(/^gave #NUM! PAYBACKMONTHS: .*, not #NUM! PAYBACKMONTHS: something else$/);
});
