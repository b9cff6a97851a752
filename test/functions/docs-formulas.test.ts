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
  afterTaxExample,
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

test("the after-tax worked example: its table and prose (and decision.md's summary) are what the functions give", () => {
  const guide = read("docs/after-tax-and-financing.md");
  const section = guide.slice(guide.indexOf("## Mine or lease, after tax and financed"), guide.indexOf("## The template sheet"));
  const decision = read("docs/decision.md");
  const summary = decision.slice(decision.indexOf("## After tax and financed"), decision.indexOf("## When to convert"));
  const x = afterTaxExample();
  const npv = (flows: number[], first: number) => flows.reduce((s, v, k) => s + v / 1.12 ** ((k + first) / 12), 0);
  const irr = (flows: number[]) => CALLS.EQUITYIRR.fn(flows.slice(1).map((v) => [v]), -flows[0], 0, 0) as number;
  /** A stated figure, and what it should be: within half a unit of its last digit. */
  const says = (text: string, value: number, label: string) => {
    const s = stated(text);
    expect([label, text, s === undefined ? "no figure read" : "read"]).toEqual([label, text, "read"]);
    expect(s!.value).toBeNear(value, { abs: s!.tolerance, label: `${label}: "${text}"` });
  };
  const mining = npv(x.miningAfterTax("GROUP"), 1);
  const lease = (share: number, loss = "GROUP") => npv(x.leaseAfterTax(share, loss), 0);
  const rows = section.split("\n").filter((l) => /^\| (none|\d+%)/.test(l));
  expect(rows).toHaveLength(3);
  [0, 0.5, 0.8].forEach((share, i) => {
    const [, a, b, c, d] = rows[i].split(" | ").map((t) => t.replace(/\|/g, "").trim());
    says(a, lease(share), `converting at ${share}`);
    says(b, mining, "mining");
    says(c, lease(share) - mining, `the conversion value at ${share}`);
    says(d, irr(x.leaseAfterTax(share, "GROUP")), `the IRR at ${share}`);
  });
  const preLease = npv((CALLS.LEASECASHFLOWS.fn(100 / 1.4, 150, 10, 0.12, 0.03, 9e6, 0.15, 12) as number[][]).slice(1).map((r) => r[5]), 0);
  const preMining = npv((x.names.Mining_Net as number[][]).map(([v]) => v), 1);
  const pre = /Before tax they are (\S+), (\S+) and (\S+)\./.exec(section)!;
  says(pre[1], preLease, "the lease before tax");
  says(pre[2], preMining, "mining before tax");
  says(pre[3], preLease - preMining, "the conversion value before tax");
  const cost = /Tax costs the lease (\S+) to (\S+), because/.exec(section)!;
  says(cost[1], preLease - lease(0.8), "the tax at 80%");
  says(cost[2], preLease - lease(0), "the tax at none");
  says(/\*saves\* mining (\S+),/.exec(section)![1], mining - preMining, "mining's saving");
  // The conversion value is linear in the share under GROUP: it crosses 0 where the text says.
  const crossing = (0 - (lease(0) - mining)) / (lease(0.5) - lease(0)) * 0.5;
  says(/converting wins from about (\d+%)/.exec(section)![1], crossing, "the share at which converting wins");
  const nol = /\(mining (\S+)\) and converting wins by (\S+) at 50%/.exec(section)!;
  says(nol[1], npv(x.miningAfterTax("NOL"), 1), "mining under NOL");
  says(nol[2], lease(0.5, "NOL") - npv(x.miningAfterTax("NOL"), 1), "the conversion value under NOL");
  const debt = /it carries (\S+) of\s+debt, (\S+) of its cost/.exec(section)!;
  says(debt[1], x.capacity, "the lease's debt capacity");
  says(debt[2], x.capacity / x.capex, "its loan-to-cost");
  const equity = CALLS.EQUITYIRR.fn(x.names.Equity_Cash, x.capex, x.loan, x.names.Sculpted_Service) as number;
  const levered = /after-tax IRR is (\S+) against (\S+) unlevered/.exec(section)!;
  says(levered[1], equity, "the equity IRR");
  says(levered[2], irr(x.leaseAfterTax(0.5, "GROUP")), "the unlevered IRR");
  says(/supports (\S+):/.exec(section)![1], CALLS.DEBTCAPACITY.fn(x.names.Mining_CFADS, x.rate, 120, 1.3) as number, "mining's debt capacity");
  // decision.md's summary states the same figures.
  const sum = /mining is worth more, (\S+); with half of it cost-segregated converting wins by\s+(\S+), with 80% by (\S+)\./.exec(summary)!;
  [0, 0.5, 0.8].forEach((share, i) => says(sum[i + 1], lease(share) - mining, `decision.md at ${share}`));
  const fin = /carries (\S+) of debt at a 1\.30× DSCR \((\S+) of its\s+cost\) and its equity earns (\S+) after tax; the mining site supports (\S+) on/.exec(summary)!;
  says(fin[1], x.capacity, "decision.md's capacity");
  says(fin[2], x.capacity / x.capex, "decision.md's loan-to-cost");
  says(fin[3], equity, "decision.md's equity IRR");
  says(fin[4], CALLS.DEBTCAPACITY.fn(x.names.Mining_CFADS, x.rate, 120, 1.3) as number, "decision.md's mining capacity");
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
