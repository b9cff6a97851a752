/*
 * The README's function reference cannot drift from the interface: every signature it shows is the
 * registered one, every formula it shows with literal arguments runs, and every result it states
 * beside a formula is what the function gives, to the digits shown.
 */
import * as fs from "fs";
import * as path from "path";
import { isRequired, showDefault, SIGNATURES } from "../../src/functions/params";
import { CALLS, Fn, TABLE_FUNCTION } from "../support/calls";
import { fromTable } from "../../src/functions/fromtable";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
/** Inline code spans (fenced blocks removed first, so their backticks do not pair with others). */
const codeSpans = (text: string) => [...text.replace(/```[\s\S]*?```/g, "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const fnOf = (id: string): Fn => (id === TABLE_FUNCTION ? (fromTable as Fn) : CALLS[id].fn);

/** "MINER.X(a, b, [c=0])" as the registry would write it. */
function registered(id: keyof typeof SIGNATURES): string {
  const params = SIGNATURES[id].map((p) => (isRequired(p) ? p.name : `[${p.name}${p.default === undefined ? "" : `=${showDefault(p.default)}`}]`));
  return `MINER.${id}(${params.join(", ")})`;
}

test("every signature in the README is the registered one: names, order, brackets and defaults", () => {
  // One parameter, then ", parameter" repeats: a mandatory separator keeps the match linear (an
  // optional one lets [a-z_]+ split a name every way, and a non-matching span takes minutes).
  const param = String.raw`\[?[a-z_]+(?:=[^\],]+)?\]?`;
  const signature = new RegExp(String.raw`^=?MINER\.[A-Z]+\((?:${param}(?:, ${param})*)?\)$`);
  const signatures = codeSpans(README).filter((c) => signature.test(c));
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

/**
 * Ranges the README's formulas name, with what its text says they hold: Hut 8's four halls (the
 * lease example) and a flat 5¢ tax band.
 */
const README_RANGES: Record<string, unknown[][]> = {
  "H2:I5": [
    [17, 61.25],
    [19, 61.25],
    [21, 61.25],
    [23, 61.25],
  ],
  "E2:F2": [[0, 0.05]],
  "B2:B6": [[90_000], [91_800], [90_882], [92_700], [91_773]],
};

/**
 * Evaluates "=MINER.X(1.5E14, 3.125, MINER.SUBSIDY(1050000))": numbers, text, TRUE/FALSE, empty
 * arguments (blank), the README's named ranges and nested MINER calls only.
 */
function evaluate(formula: string): unknown {
  let pos = 0;
  const src = formula.replace(/^=/, "");
  const skip = () => {
    while (src[pos] === " ") pos++;
  };
  const value = (): unknown => {
    skip();
    const call = /^MINER\.([A-Z]+)\(/.exec(src.slice(pos));
    if (call) {
      pos += call[0].length;
      const args: unknown[] = [];
      skip();
      while (src[pos] !== ")") {
        skip();
        if (src[pos] === ",") {
          args.push(null); // an empty argument: blank
          pos++;
          continue;
        }
        args.push(value());
        skip();
        if (src[pos] === ",") {
          pos++;
          skip();
          if (src[pos] === ")") args.push(null); // a trailing empty argument
        }
      }
      pos++;
      return fnOf(call[1])(...args);
    }
    const bool = /^(TRUE|FALSE)\b/.exec(src.slice(pos));
    if (bool) {
      pos += bool[0].length;
      return bool[1] === "TRUE";
    }
    const range = /^[A-Z]+\d+:[A-Z]+\d+/.exec(src.slice(pos));
    if (range) {
      pos += range[0].length;
      if (!(range[0] in README_RANGES)) throw new Error(`the README's ${range[0]} is not described here`);
      return README_RANGES[range[0]];
    }
    const text = /^"([^"]*)"/.exec(src.slice(pos));
    if (text) {
      pos += text[0].length;
      return text[1];
    }
    const number = /^-?\d+(\.\d+)?(E[+-]?\d+)?/i.exec(src.slice(pos));
    if (!number) throw new Error(`cannot read ${src.slice(pos)}`);
    pos += number[0].length;
    return Number(number[0]);
  };
  return value();
}
/** A formula with literal arguments only, of a function that takes numbers (the live ones are tested with a fake API). */
const literal = (c: string) =>
  /^=MINER\.[A-Z]+\((-?\d[\d.]*(E[+-]?\d+)?|"[^"]*"|TRUE|FALSE|, ?|MINER\.[A-Z]+\(|\))*\)$/.test(c) &&
  [...c.matchAll(/MINER\.([A-Z]+)/g)].every(([, id]) => id in CALLS || id === TABLE_FUNCTION);

/** A stated result ("50,548", "$804.1M", "16.08%", "−$98.7M …", "1.5367E14") and the half-unit of its last digit. */
function stated(text: string): { value: number; tolerance: number } | undefined {
  const m = /^([−+-]?)\$?([\d,]+(?:\.(\d+))?)(E\d+)?(M|%)?/.exec(text.trim());
  if (!m) return undefined;
  const digits = (m[3] ?? "").length;
  const scale = (m[4] ? 10 ** Number(m[4].slice(1)) : 1) * (m[5] === "M" ? 1e6 : m[5] === "%" ? 0.01 : 1);
  const sign = m[1] === "−" || m[1] === "-" ? -1 : 1;
  return { value: sign * Number(m[2].replace(/,/g, "")) * scale, tolerance: 0.5 * 10 ** -digits * scale * (1 + 1e-12) };
}

test("every README formula with literal arguments runs, and gives the result stated beside it", () => {
  let ran = 0;
  let compared = 0;
  for (const c of codeSpans(README).filter(literal)) {
    expect([c, typeof evaluate(c)]).not.toEqual([c, "undefined"]);
    ran++;
  }
  for (const row of README.split("\n").filter((l) => l.startsWith("|") && l.includes("`=MINER."))) {
    const cells = row.split(" | ").map((x) => x.replace(/^\| ?| ?\|$/g, ""));
    const formula = codeSpans(cells.find((x) => x.includes("`=MINER.")) ?? "")[0];
    const result = stated(cells[cells.length - 1]);
    if (!formula || !literal(formula) || !result) continue;
    const got = evaluate(formula) as number;
    expect(got).toBeNear(result.value, { abs: result.tolerance, label: formula });
    compared++;
  }
  expect(ran).toBeGreaterThanOrEqual(20);
  expect(compared).toBeGreaterThanOrEqual(18);
});

test("every formula in a README code block gives the result or the #NUM! message written beside it", () => {
  // Fenced blocks, line by line: a fence opens (``` or ```sh) and the next one closes it.
  const blocks: string[] = [];
  let open: string[] | undefined;
  for (const line of README.split("\n")) {
    if (line.startsWith("```")) {
      if (open) blocks.push(open.join("\n"));
      open = open ? undefined : [];
    } else open?.push(line);
  }
  let compared = 0;
  for (const block of blocks) {
    const lines = block.split("\n");
    lines.forEach((line, i) => {
      const m = /^(=MINER\.[A-Z]+\(.*?\))(?:\s{2,}(\S.*))?$/.exec(line);
      // Tables are compared line by line by the tests below.
      if (!m || /^=MINER\.(COSTBREAKDOWN|MININGNPVDIST|CONVERSIONDIST)\(/.test(m[1])) return;
      // The result on the same line, or a "#NUM!  message" line after a blank line.
      const said = m[2] ?? (lines[i + 1] === "" ? lines[i + 2] : undefined);
      if (!said) return;
      if (said.startsWith("#NUM!")) {
        let error: { code?: string; message?: string } = {};
        try {
          evaluate(m[1]);
        } catch (e) {
          error = e as { code: string; message: string };
        }
        expect([m[1], error.code, error.message]).toEqual([m[1], "#NUM!", said.replace(/^#NUM!\s+/, "")]);
      } else {
        const result = stated(said)!;
        const got = evaluate(m[1]) as number;
        expect(got).toBeNear(result.value, { abs: result.tolerance, label: `${m[1]} (stated: ${said})` });
      }
      compared++;
    });
  }
  expect(compared).toBeGreaterThanOrEqual(4); // PAYBACKMONTHS' #NUM!, and Hut 8's IRRs and NPV
});

test("the worked example's breakdown is what COSTBREAKDOWN gives, line by line", () => {
  const block = /```\n(=MINER\.COSTBREAKDOWN\([^)]*\))\n\n([\s\S]*?)```/.exec(README);
  expect(block).not.toBeNull();
  const table = evaluate(block![1]) as (string | number)[][];
  const lines = block![2].trim().split("\n").slice(1);
  expect(lines).toHaveLength(table.length - 1);
  lines.forEach((line, i) => {
    const [, label, number] = /^(.*?)\s{2,}([\d,.]+)/.exec(line)!;
    const [rowLabel, value] = table[i + 1];
    const s = stated(number)!;
    expect(label).toBe(rowLabel);
    expect(value).toBeNear(s.value, { abs: s.tolerance, label });
  });
});

test("the risk example's tables are what MININGNPVDIST and CONVERSIONDIST give, line by line, to the digits shown", () => {
  const blocks = [...README.matchAll(/```\n(=MINER\.(?:MININGNPVDIST|CONVERSIONDIST)\([^)]*\))\n\n([\s\S]*?)```/g)];
  expect(blocks.map((b) => /MINER\.([A-Z]+)/.exec(b[1])![1])).toEqual(["MININGNPVDIST", "CONVERSIONDIST"]);
  for (const [, formula, body] of blocks) {
    const table = evaluate(formula) as (string | number)[][];
    const lines = body.trim().split("\n").slice(1);
    expect([formula, lines.length]).toEqual([formula, table.length - 1]);
    lines.forEach((line, i) => {
      const [, label, number] = /^(.*?)\s{2,}(-?[\d,.]+)$/.exec(line)!;
      const [rowLabel, value] = table[i + 1];
      const s = stated(number)!;
      expect(label).toBe(rowLabel);
      expect(value).toBeNear(s.value, { abs: s.tolerance, label: `${formula}: ${label}` });
    });
  }
});

test("the risk prose states what PRICEQUANTILES and VOLATILITY give", () => {
  // The fan's month 120: P50 and P90 as the README states them.
  const fan = CALLS.PRICEQUANTILES.fn(91000, 0.01, 0.5, 120, [[0.1, 0.5, 0.9]], 10000, 1) as number[][];
  const [month, , p50, p90] = fan[fan.length - 1];
  expect(month).toBe(120);
  const said = /P50 \$([\d,]+) and P90 \$([\d,]+) at month 120/.exec(README)!;
  expect(p50).toBeNear(stated(said[1])!.value, { abs: 0.5, label: "P50 at month 120" });
  expect(p90).toBeNear(stated(said[2])!.value, { abs: 0.5, label: "P90 at month 120" });
  const volatility = /`=MINER\.VOLATILITY\(B2:B6, 365\)` of daily prices 90,000,\s+91,800, 90,882, 92,700, 91,773 is ([\d.]+)/.exec(README)!;
  const s = stated(volatility[1])!;
  expect(Math.abs((evaluate("=MINER.VOLATILITY(B2:B6, 365)") as number) - s.value) <= s.tolerance).toBe(true);
});
