/**
 * Every MINER formula the project prints, with what it says the formula gives: the README, the
 * guides (docs/*.md), CONTRIBUTING.md, the function reference (the catalog's examples and #NUM!
 * cases, its notes, and the conventions every help page lists) and `npm start`'s hint. The docs
 * test evaluates them in Node and the bundle test in the shipped functions.js in Chromium; both
 * judge the outcome here, the same way.
 *
 * A formula is parsed into a call tree (numbers, text, TRUE/FALSE, blanks, array constants,
 * nested MINER calls, and the ranges and names NAMES describes). What is stated beside it:
 *   - a number, to the digits shown ("50,548", "$804.1M", "16.08%", "−$73.0M …", "1.5367E14");
 *   - "#NUM!  message", word for word, or just #NUM! (the reference's "#NUM! when …, e.g. …");
 *   - a label/value table in a code block (COSTBREAKDOWN, the distributions), line by line;
 *   - a Markdown table right after a code block (MWECONOMICS), row by row;
 *   - "a R×C table" (the reference's examples).
 * A formula printed with nothing stated must at least not be an error. Signatures written with
 * parameter names (=MINER.SUBSIDY(height)) are not formulas; live functions (BTCPRICE, …) and
 * HISTORY, whose results come from the network, are run against a fake API by the market,
 * function and pane suites, not here: a formula that calls one is marked live, whatever else it
 * calls (INDEX, TODAY).
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG, ExampleArg } from "../../src/functions/catalog";
import { SIGNATURES } from "../../src/functions/params";
import { miningCashFlowsFn } from "../../src/functions/mining";
import { leaseCashFlowsFn } from "../../src/functions/lease";
import { afterTaxCashFlowsFn, debtCapacityFn, depreciationFn, loanScheduleFn } from "../../src/functions/tax-and-debt";
import { repoRoot } from "./paths";

/** A call tree: a MINER call, or a value as Excel passes it (a range or array constant is a matrix). */
export type Ast = { call: string; args: Ast[] } | { value: unknown };

export type Expectation =
  | { kind: "number"; text: string; value: number; tolerance: number }
  | { kind: "error"; code: "#NUM!"; message?: string }
  | { kind: "rows"; rows: { label: string; text: string; value: number; tolerance: number }[] }
  | { kind: "grid"; rows: { label: string; cells: { text: string; value: number; tolerance: number }[] }[] }
  | { kind: "shape"; rows: number; cols: number };

export interface Printed {
  /** File and line ("docs/costs.md:42"), or the reference entry ("reference COSTPERBTC example 1"). */
  where: string;
  formula: string;
  /** Undefined for a signature or a live function (see `skip`). */
  ast?: Ast;
  skip?: "signature" | "live";
  expect?: Expectation;
  /** The ranges and names it reads (NAMES' keys). */
  refs: string[];
}

export type Outcome = { value?: unknown; code?: string; message?: string; crash?: string };

const LIVE = new Set(["BTCPRICE", "DIFFICULTY", "HEIGHT", "NETWORK", "HISTORY"]);

const column = (xs: number[]) => xs.map((x) => [x]);
const table = (rows: [string, number][], size: number): unknown[][] => [
  ...rows,
  ...Array(size - rows.length).fill([null, null]),
];

/** The 100 MW site of the guides, as a name/value table (FROMTABLE's "Site"), 19 rows with room to grow. */
const SITE = table(
  [
    ["site_mw", 100],
    ["machine_efficiency_j_th", 17.5],
    ["pue", 1.1],
    ["power_price_kwh", 0.045],
    ["btc_price", 91000],
    ["difficulty", 1.52e14],
    ["start_height", 925000],
    ["fees_btc_per_block", 0.036],
    ["pool_fee", 0.02],
    ["uptime", 0.95],
    ["difficulty_growth_monthly", 0.02],
    ["btc_price_growth_monthly", 0.01],
    ["opex_usd_per_site_mw_month", 15000],
    ["refresh_capex_usd_per_th", 15],
    ["refresh_every_months", 48],
  ],
  19,
);
const HORIZON = table(
  [
    ["months", 60],
    ["discount_rate", 0.12],
  ],
  2,
);
const LEASE = table(
  [
    ["discount_rate", 0.12],
    ["rate_usd_per_kw_month", 150],
    ["term_years", 10],
    ["escalator", 0.03],
    ["conversion_capex_usd_per_critical_it_mw", 9e6],
    ["conversion_months", 12],
    ["lease_opex_pct_of_revenue", 0.15],
    ["site_mw_per_critical_it_mw", 1.4],
  ],
  11,
);
/** The worked example's average miner (docs/examples.md), as the Inputs sheet of the conventions' examples. */
const MINER_INPUTS: [string, number][] = [
  ["power_price_kwh", 0.05],
  ["wall_efficiency_j_th", 20],
  ["difficulty", 1.5e14],
  ["subsidy_btc_per_block", 3.125],
  ["fees_btc_per_block", 0.036],
  ["pool_fee", 0.02],
  ["opex_usd_per_th_day", 0.003],
];

/**
 * What the ranges and names in printed formulas hold: those the text describes (Hut 8's four
 * halls, a flat 5¢ tax band, five daily prices, the LEASENPV table), the guides' site, horizon,
 * lease and risk tables, and the MINER_Market names with sample values. The forced-seller
 * example's BTC_Mined and Cash_Costs are columns of MININGCASHFLOWS' output: computedNames().
 */
export const NAMES: Record<string, unknown> = {
  "H2:I5": [
    [17, 61.25],
    [19, 61.25],
    [21, 61.25],
    [23, 61.25],
  ],
  "E2:F2": [[0, 0.05]],
  "B2:B6": column([90_000, 91_800, 90_882, 92_700, 91_773]),
  "B2:B25": column(new Array(24).fill(1000)), // after-tax-and-financing.md: $1,000 a month for two years
  "A2:B9": table(
    [
      ["critical_it_mw", 200],
      ["rate_usd_per_kw_month", 150],
      ["term_years", 15],
      ["discount_rate", 0.1],
    ],
    8,
  ),
  "Inputs!A2:B8": table(MINER_INPUTS, 7),
  "Inputs!A2:B14": table(
    [
      ...MINER_INPUTS,
      ["machine_cost_usd_per_th", 20],
      ["machine_life_years", 4],
      ["sga_usd_per_th_day", 0.004],
      ["stock_comp_usd_per_th_day", 0.0093],
    ],
    13,
  ),
  Site: SITE,
  "Site!A2:B20": SITE,
  Horizon: HORIZON,
  "Site!D2:E3": HORIZON,
  Lease: LEASE,
  "Lease!A2:B12": LEASE,
  Risk: table(
    [
      ["price_vol_annual", 0.5],
      ["difficulty_vol_annual", 0.2],
      ["price_difficulty_corr", 0.3],
      ["paths", 1000],
      ["seed", 1],
    ],
    5,
  ),
  A1: 91_250, // the guides' live price cell
  Start_Height: 925_000, // the template's Assumptions name
  BTC_Price: 91_250,
  BTC_Difficulty: 1.62e14,
  BTC_Height: 925_344,
  BTC_FeesPerBlock: 0.036,
};

/**
 * The financed lease's names (docs/after-tax-and-financing.md), as the guide describes them in
 * words: Lease_NOI, LEASECASHFLOWS' net column for months 1–132 of the README's 100 MW lease leg;
 * Debt_Service, 0 for the 12 build months, then LOANSCHEDULE's level payments on 85% of the capex
 * with a year's interest at 8% compounded monthly capitalised.
 */
function financedLease(): Record<string, unknown> {
  const table = (leaseCashFlowsFn as (...a: unknown[]) => (string | number)[][])(
    100 / 1.4,
    150,
    10,
    0.12,
    0.03,
    9e6,
    0.15,
    12,
  );
  const net = table.slice(1).map((r) => r[table[0].indexOf("Net cash flow (USD)")] as number);
  const capex = table[1][table[0].indexOf("Capex (USD)")] as number;
  const loan = (loanScheduleFn as (...a: unknown[]) => (string | number)[][])(
    0.85 * capex * (1 + 0.08 / 12) ** 12,
    (1 + 0.08 / 12) ** 12 - 1,
    120,
  );
  const payments = loan.slice(1).map((r) => r[loan[0].indexOf("Payment (USD)")] as number);
  return { Lease_NOI: column(net.slice(1)), Debt_Service: column([...new Array(12).fill(0), ...payments]) };
}

/** A MINER table's column by its heading, the header row left out. */
const columnOf = (t: (string | number)[][], heading: string) =>
  t.slice(1).map((r) => r[t[0].indexOf(heading)] as number);
type TableFn = (...a: unknown[]) => (string | number)[][];

/** The README's 100 MW example after tax and financed (docs/after-tax-and-financing.md), its figures and columns. */
export interface AfterTaxExample {
  /** The hall's cost: the lease's capex at month 0, USD. */
  capex: number;
  /** The debt's annual effective rate: 8% compounded monthly. */
  rate: number;
  /** DEBTCAPACITY at 1.30× over 120 months, uncapped and at 85% loan-to-cost. */
  capacity: number;
  loan: number;
  /** Years 1–11 of the hall's deductions, for each bonus share. */
  deductions: (share: number) => number[];
  /** After-tax flows: mining months 1–132, the lease months 0–132. */
  miningAfterTax: (loss: string) => number[];
  leaseAfterTax: (share: number, loss: string, interest?: number[]) => number[];
  names: Record<string, unknown>;
}

/**
 * The after-tax worked example as the guide describes it in words: MININGCASHFLOWS and
 * LEASECASHFLOWS of the 100 MW example over its 132 months; the hall placed in service in month 12
 * (model year 1, its 12th month), bonus_share of its cost deducted at once and the rest SL39 for
 * years 1–11, the basis left added to year 11; 21% tax; the lease's loan sized on its NOI at 1.30×
 * over 120 months at 8% compounded monthly, at most 85% of the capex, with sculpted service.
 */
export function afterTaxExample(): AfterTaxExample {
  const mining = (miningCashFlowsFn as TableFn)(
    100,
    17.5,
    1.1,
    0.045,
    91000,
    1.52e14,
    925000,
    132,
    0.12,
    0.036,
    0.02,
    0.95,
    0.02,
    0.01,
    15000,
    15,
    48,
  );
  const lease = (leaseCashFlowsFn as TableFn)(100 / 1.4, 150, 10, 0.12, 0.03, 9e6, 0.15, 12);
  const miningNet = columnOf(mining, "Net cash flow (USD)");
  const miningCapex = columnOf(mining, "Capex (USD)");
  const leaseNet = columnOf(lease, "Net cash flow (USD)");
  const leaseCapex = columnOf(lease, "Capex (USD)");
  const noi = leaseNet.slice(1); // no capex after month 0
  const capex = leaseCapex[0];
  const rate = (1 + 0.08 / 12) ** 12 - 1;
  const deductions = (share: number) => {
    const t = (depreciationFn as TableFn)(capex * (1 - share), "SL39", 0, 12, 11);
    const d = columnOf(t, "Deduction (USD)");
    d[0] += share * capex;
    d[10] += columnOf(t, "Remaining basis (USD)")[10];
    return d;
  };
  const afterTax = (t: (string | number)[][]) => columnOf(t, "After-tax cash flow (USD)");
  const taxOf = (t: (string | number)[][]) => columnOf(t, "Tax (USD)");
  const miningAfterTax = (loss: string) =>
    afterTax((afterTaxCashFlowsFn as TableFn)(column(miningNet), 0, 0.21, loss, column(miningCapex)));
  const leaseTable = (share: number, loss: string, interest: number[] = []) =>
    (afterTaxCashFlowsFn as TableFn)(
      column(leaseNet.map((x, m) => x - (interest[m] ?? 0))),
      column(deductions(share)),
      0.21,
      loss,
      column(leaseCapex),
      0,
    );
  const capacity = (debtCapacityFn as (...a: unknown[]) => number)(column(noi), rate, 120, 1.3);
  const loan = (debtCapacityFn as (...a: unknown[]) => number)(column(noi), rate, 120, 1.3, 0.85 * capex);
  const service = noi.slice(0, 120).map((c) => ((c / 1.3) * loan) / capacity);
  const interest = [0, ...columnOf((loanScheduleFn as TableFn)(loan, rate, 120, 0, column(service)), "Interest (USD)")];
  const financedTax = taxOf(leaseTable(0.5, "GROUP", interest));
  return {
    capex,
    rate,
    capacity,
    loan,
    deductions,
    miningAfterTax,
    leaseAfterTax: (share, loss, i) => afterTax(leaseTable(share, loss, i)),
    names: {
      Mining_Net: column(miningNet),
      Mining_Capex: column(miningCapex),
      Mining_CFADS: column(miningNet.map((x) => Math.max(0, x))),
      Lease_Net: column(leaseNet),
      Lease_Capex: column(leaseCapex),
      Hall_Deductions: column(deductions(0.5)),
      Lease_After_Tax: column(afterTax(leaseTable(0.5, "GROUP")).slice(1)),
      Sculpted_Service: column(service),
      Equity_Cash: column(noi.map((x, k) => x - financedTax[k + 1])),
    },
  };
}

/**
 * The forced-seller example's names (docs/examples.md): MININGCASHFLOWS' BTC mined and its cash
 * costs (revenue less net cash flow), months 1–36, and the 40 MW lease's net income, months 1–36,
 * as the guide describes them in words; the financed lease's; and the after-tax example's.
 */
export function computedNames(): Record<string, unknown> {
  const schedule = (miningCashFlowsFn as (...a: unknown[]) => unknown)(
    100,
    17.5,
    1.1,
    0.045,
    91000,
    1.52e14,
    925000,
    36,
    0.12,
    0.036,
    0.02,
    0.95,
    0.02,
    0.01,
    15000,
    15,
    48,
  ) as (string | number)[][];
  const col = (heading: string) => schedule.slice(1).map((r) => r[schedule[0].indexOf(heading)] as number);
  const revenue = col("Revenue (USD)");
  const lease40 = (leaseCashFlowsFn as TableFn)(40, 150, 3, 0.12, 0.03, 0, 0.15, 0);
  return {
    Lease_Income: column(columnOf(lease40, "Net cash flow (USD)").slice(1)),
    BTC_Mined: column(col("BTC mined")),
    Cash_Costs: column(col("Net cash flow (USD)").map((net, i) => revenue[i] - net)),
    ...financedLease(),
    ...afterTaxExample().names,
  };
}

/** A stated number and the half-unit of its last digit; undefined when the text does not start with one. */
export function stated(text: string): { value: number; tolerance: number } | undefined {
  const m = /^([−+-]?)\$?(\d[\d,]*(?:\.(\d+))?)(E[+-]?\d+)?(M|%)?/.exec(text.trim());
  if (!m) return undefined;
  const digits = (m[3] ?? "").length;
  const scale = (m[4] ? 10 ** Number(m[4].slice(1)) : 1) * (m[5] === "M" ? 1e6 : m[5] === "%" ? 0.01 : 1);
  const sign = m[1] === "−" || m[1] === "-" ? -1 : 1;
  return { value: sign * Number(m[2].replace(/,/g, "")) * scale, tolerance: 0.5 * 10 ** -digits * scale * (1 + 1e-12) };
}

/** What a result's text states: a number, "a R×C table", or nothing. */
function expectation(text: string): Expectation | undefined {
  const shape = /^a (\d+)×(\d+) table/.exec(text.trim());
  if (shape) return { kind: "shape", rows: Number(shape[1]), cols: Number(shape[2]) };
  const s = stated(text);
  return s && { kind: "number", text: text.trim(), ...s };
}

class Unreadable extends Error {}

/**
 * Parses "=MINER.X(1.5E14, , TRUE, {"a",1;"b",2}, H2:I5, MINER.SUBSIDY(1050000))". A parameter
 * name or [bracketed] argument makes it a signature (undefined).
 */
export function parseFormula(formula: string, refs: string[] = []): Ast | undefined {
  const src = formula.replace(/^=/, "");
  let pos = 0;
  let signature = false;
  const skip = () => {
    while (src[pos] === " ") pos++;
  };
  const rest = () => src.slice(pos);
  const constant = (): unknown => {
    skip();
    const text = /^"([^"]*)"/.exec(rest());
    if (text) return ((pos += text[0].length), text[1]);
    const bool = /^(TRUE|FALSE)\b/.exec(rest());
    if (bool) return ((pos += bool[0].length), bool[1] === "TRUE");
    const number = /^-?\d+(\.\d+)?(E[+-]?\d+)?/i.exec(rest());
    if (number) return ((pos += number[0].length), Number(number[0]));
    throw new Unreadable(`cannot read ${rest()} in ${formula}`);
  };
  const value = (): Ast => {
    skip();
    const call = /^MINER\.([A-Z]+)\(/.exec(rest());
    if (call) {
      pos += call[0].length;
      const args: Ast[] = [];
      skip();
      if (src[pos] === ")") return (pos++, { call: call[1], args });
      for (;;) {
        skip();
        if (src[pos] === "," || src[pos] === ")")
          args.push({ value: null }); // a blank argument
        else args.push(value());
        skip();
        if (src[pos] === ",") pos++;
        else if (src[pos] === ")") return (pos++, { call: call[1], args });
        else throw new Unreadable(`expected , or ) at ${rest()} in ${formula}`);
      }
    }
    if (src[pos] === "{") {
      pos++;
      const rows: unknown[][] = [[]];
      for (;;) {
        rows[rows.length - 1].push(constant());
        skip();
        const sep = src[pos++];
        if (sep === ",") continue;
        if (sep === ";") rows.push([]);
        else if (sep === "}") return { value: rows };
        else throw new Unreadable(`bad array constant in ${formula}`);
      }
    }
    if (src[pos] === "[" || /^[a-z][a-z_]*\b(?!!)/.test(rest()) || /^(\.\.\.|…)/.test(rest())) {
      // [optional=default], a parameter's name or an ellipsis: a signature, not a formula
      signature = true;
      const end = /^(\[[^\]]*\]|[a-z_]+|(\.\.\.|…)[^,)]*)/.exec(rest())!;
      pos += end[0].length;
      return { value: null };
    }
    const ref = /^([A-Za-z_][\w.]*!)?\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+|^[A-Za-z_][\w.]*(?:![A-Z]+\d+:[A-Z]+\d+)?/.exec(
      rest(),
    );
    if (ref && !/^(TRUE|FALSE)$/.test(ref[0])) {
      pos += ref[0].length;
      refs.push(ref[0]);
      return { value: { ref: ref[0] } };
    }
    return { value: constant() };
  };
  const ast = value();
  skip();
  if (pos !== src.length) throw new Unreadable(`unread ${rest()} in ${formula}`);
  return signature ? undefined : ast;
}

/** The call tree with its ranges and names replaced by what NAMES (and `extra`) say they hold. */
export function resolve(ast: Ast, extra: Record<string, unknown> = {}): Ast {
  if ("call" in ast) return { call: ast.call, args: ast.args.map((a) => resolve(a, extra)) };
  const v = ast.value as { ref?: string } | null;
  if (v && typeof v === "object" && "ref" in v && typeof v.ref === "string") {
    const names = { ...NAMES, ...extra };
    if (!(v.ref in names))
      throw new Error(`a printed formula reads ${v.ref}, which test/support/printed-formulas.ts does not describe`);
    return { value: names[v.ref] };
  }
  return ast;
}

function printed(where: string, formula: string, expect?: Expectation): Printed {
  const refs: string[] = [];
  if ([...LIVE].some((id) => formula.includes(`MINER.${id}(`))) return { where, formula, skip: "live", refs };
  const ast = parseFormula(formula, refs);
  if (!ast) return { where, formula, skip: "signature", refs };
  return { where, formula, ast, expect, refs };
}

/** The guides the project prints: README.md, CONTRIBUTING.md and docs/*.md but the generated reference. */
export function guideFiles(): string[] {
  const root = repoRoot();
  const docs = fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md") && f !== "functions.md");
  return ["README.md", "CONTRIBUTING.md", ...docs.map((f) => `docs/${f}`)];
}

/** A label/value table in a code block: "Power   57,769" lines under a header line. */
function labelValueRows(lines: string[]): Expectation | undefined {
  const body = lines.slice(1).filter((l) => l.trim());
  const rows = body.map((l) => /^(.*?)\s{2,}(-?[\d,.]+)(?:\s|$)/.exec(l));
  if (!body.length || rows.some((r) => !r)) return undefined;
  return { kind: "rows", rows: rows.map((r) => ({ label: r![1], text: r![2], ...stated(r![2])! })) };
}

/** A Markdown table's rows under its header: a label, then stated numbers. */
function gridRows(lines: string[]): Expectation {
  const cells = (l: string) => l.replace(/^\| ?| ?\|$/g, "").split(" | ");
  return {
    kind: "grid",
    rows: lines.slice(2).map((l) => {
      const [label, ...rest] = cells(l);
      return { label, cells: rest.map((c) => ({ text: c, ...stated(c)! })) };
    }),
  };
}

const FORMULA_LINE = /^(?:[A-Z]+\d+:\s+)?\s*(=MINER\.[A-Z]+\(.*?\))(?:\s{2,}(\S.*))?$/;

/** The formulas one guide prints, with what it says about them. */
export function formulasInGuide(file: string, text = fs.readFileSync(path.join(repoRoot(), file), "utf8")): Printed[] {
  const lines = text.split("\n");
  const out: Printed[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].startsWith("```")) {
      // A code block: groups of formula lines, each maybe with its result, then maybe what the group gives.
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith("```")) {
        const group: { line: number; formula: string; said?: string }[] = [];
        while (j < lines.length && FORMULA_LINE.test(lines[j])) {
          const m = FORMULA_LINE.exec(lines[j])!;
          group.push({ line: j + 1, formula: m[1], said: m[2] });
          j++;
        }
        if (!group.length) {
          j++;
          continue;
        }
        let shared: Expectation | undefined;
        if (lines[j] === "" && j + 1 < lines.length && !lines[j + 1].startsWith("```")) {
          let k = j + 1;
          while (k < lines.length && lines[k] !== "" && !lines[k].startsWith("```")) k++;
          const after = lines.slice(j + 1, k);
          if (after[0].startsWith("#NUM!"))
            shared = { kind: "error", code: "#NUM!", message: after[0].replace(/^#NUM!\s+/, "") };
          else if (group.every((g) => !g.said)) shared = labelValueRows(after);
          if (shared) j = k;
        }
        for (const g of group) out.push(printed(`${file}:${g.line}`, g.formula, g.said ? expectation(g.said) : shared));
      }
      // A Markdown table right after the block states what its formulas give (MWECONOMICS).
      const close = j;
      let t = close + 1;
      while (t < lines.length && lines[t] === "") t++;
      if (lines[t]?.startsWith("| ") && !lines[t].startsWith("| formula |")) {
        let e = t;
        while (e < lines.length && lines[e].startsWith("|")) e++;
        // 1-based line numbers: the block's lines are i + 2 … close
        const blockFormulas = out.filter(
          (p) =>
            p.where.startsWith(`${file}:`) &&
            Number(p.where.split(":")[1]) > i + 1 &&
            Number(p.where.split(":")[1]) <= close,
        );
        if (blockFormulas.length && blockFormulas.every((p) => !p.expect)) {
          const grid = gridRows(lines.slice(t, e));
          for (const p of blockFormulas) if (p.ast) p.expect = grid;
        }
      }
      i = close + 1;
      continue;
    }
    const line = lines[i];
    if (line.startsWith("|") && line.includes("`=MINER.")) {
      // A table row: the first formula in it, and its last cell as the result.
      const cells = line.replace(/^\| ?| ?\|$/g, "").split(" | ");
      const k = cells.findIndex((c) => c.includes("`=MINER."));
      const spans = cells.map((c) => [...c.matchAll(/`(=MINER\.[^`]+)`/g)].map((m) => m[1]));
      spans.forEach((list, c) =>
        list.forEach((formula, n) =>
          out.push(
            printed(
              `${file}:${i + 1}`,
              formula,
              c === k && n === 0 && k < cells.length - 1 ? expectation(cells[cells.length - 1]) : undefined,
            ),
          ),
        ),
      );
      i++;
      continue;
    }
    // Prose: a paragraph's formulas, each maybe followed by "is 4.33 months" or "returns **3.125**".
    let end = i;
    while (end < lines.length && lines[end] !== "" && !lines[end].startsWith("```") && !lines[end].startsWith("|"))
      end++;
    if (end === i) end = i + 1;
    const paragraph = lines.slice(i, end).join("\n");
    for (const m of paragraph.matchAll(/`(=MINER\.[^`]+)`/g)) {
      const after = paragraph.slice(m.index! + m[0].length, m.index! + m[0].length + 200);
      const said = /^(?:(?!\. )[^`])*?\b(?:is|returns)\s+\**([−+-]?\$?\d[\d,.]*(?:E\d+)?(?:M|%)?)/.exec(after);
      const lineNo = i + paragraph.slice(0, m.index).split("\n").length;
      out.push(printed(`${file}:${lineNo}`, m[1], said ? expectation(said[1]) : undefined));
    }
    i = end;
  }
  return out;
}

const showArg = (a: ExampleArg): string =>
  typeof a === "boolean"
    ? a
      ? "TRUE"
      : "FALSE"
    : typeof a === "object"
      ? a.range
      : typeof a === "string"
        ? a === ""
          ? ""
          : JSON.stringify(a)
        : String(a);
const argAst = (a: ExampleArg): Ast => ({ value: typeof a === "object" ? a.rows : a === "" ? null : a });

/** The reference's examples, #NUM! cases, notes and conventions (dist/help/*.html, docs/functions.md). */
export function formulasInReference(): Printed[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CONVENTIONS, inlineForm } = require("../../scripts/help-pages.js") as {
    CONVENTIONS: string[];
    inlineForm: (ns: string, id: string, args: ExampleArg[]) => string | undefined;
  };
  const out: Printed[] = [];
  for (const doc of CATALOG) {
    const live = doc.shape === "live" || doc.shape === "fetched";
    doc.examples.forEach((e, k) => {
      const formula = `=MINER.${doc.id}(${e.args.map(showArg).join(", ")})`;
      const where = `reference ${doc.id} example ${k + 1}`;
      if (live) out.push({ where, formula, skip: "live", refs: [] });
      else
        out.push({
          where,
          formula,
          ast: { call: doc.id, args: e.args.map(argAst) },
          expect: expectation(e.result),
          refs: [],
        });
      // A long example is shown by name too: the same result from an inline table.
      const inline = live ? undefined : inlineForm("MINER", doc.id, e.args);
      if (inline) out.push(printed(`${where}, by name`, inline, expectation(e.result)));
    });
    (doc.noAnswer ?? []).forEach((c, k) => {
      const formula = `=MINER.${doc.id}(${c.args[0].map(showArg).join(", ")})`;
      out.push({
        where: `reference ${doc.id} #NUM! case ${k + 1}`,
        formula,
        ast: { call: doc.id, args: c.args[0].map(argAst) },
        expect: { kind: "error", code: "#NUM!" },
        refs: [],
      });
    });
    for (const text of [doc.formula, ...(doc.notes ?? [])]) {
      for (const m of text.matchAll(/=MINER\.[A-Z]+\([^()]*(?:\([^()]*\)[^()]*)*\)/g))
        out.push(printed(`reference ${doc.id} notes`, m[0]));
    }
  }
  for (const text of CONVENTIONS)
    for (const m of text.matchAll(/=MINER\.[A-Z]+\([^()]*\)/g)) out.push(printed("reference conventions", m[0]));
  return out;
}

/** `npm start`'s hint: its formula and the result it says. */
export function formulaOfNpmStart(): Printed {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FIRST_STEPS } = require("../../scripts/start.js") as { FIRST_STEPS: string };
  const m = /type (=MINER\.[A-Z]+\(.*?\)) in a cell: it returns ([\d,.]+)/.exec(FIRST_STEPS);
  if (!m) throw new Error(`npm start's hint is not "type =MINER.X(...) in a cell: it returns N": ${FIRST_STEPS}`);
  return printed("npm start", m[1], expectation(m[2]));
}

/** Every printed formula. */
export function allPrintedFormulas(): Printed[] {
  return [...guideFiles().flatMap((f) => formulasInGuide(f)), ...formulasInReference(), formulaOfNpmStart()];
}

/** Whether a value is a number the way a cell shows one: a number, or a 1×1 array (FROMTABLE). */
const asNumber = (v: unknown): number | undefined =>
  typeof v === "number"
    ? v
    : Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && typeof v[0][0] === "number"
      ? v[0][0]
      : undefined;

/** What is wrong with an outcome, in words; undefined when it is what was printed. */
export function judge(p: Printed, o: Outcome): string | undefined {
  const e = p.expect;
  if (o.crash) return `crashed: ${o.crash}`;
  if (o.code) {
    if (e?.kind === "error" && o.code === e.code && (e.message === undefined || o.message === e.message))
      return undefined;
    return `gave ${o.code} ${o.message ?? ""}${e?.kind === "error" ? `, not ${e.code} ${e.message ?? ""}` : ""}`;
  }
  if (!e) return undefined;
  const v = o.value;
  switch (e.kind) {
    case "error":
      return `gave ${JSON.stringify(v)}, not ${e.code}`;
    case "number": {
      const n = asNumber(v);
      return n !== undefined && Math.abs(n - e.value) <= e.tolerance
        ? undefined
        : `gave ${JSON.stringify(v)}, not ${e.text}`;
    }
    case "shape": {
      const t = v as unknown[][];
      return Array.isArray(t) && t.length === e.rows && t.every((r) => Array.isArray(r) && r.length === e.cols)
        ? undefined
        : `gave a ${Array.isArray(t) ? `${t.length}×${(t[0] as unknown[])?.length}` : typeof t}, not a ${e.rows}×${e.cols} table`;
    }
    case "rows": {
      const t = v as unknown[][];
      if (!Array.isArray(t) || t.length - 1 !== e.rows.length)
        return `gave ${Array.isArray(t) ? t.length - 1 : 0} rows, not the ${e.rows.length} printed`;
      for (const [k, r] of e.rows.entries()) {
        const [label, value] = t[k + 1] as [string, number];
        if (label !== r.label || Math.abs(value - r.value) > r.tolerance)
          return `row ${k + 1} is ${label} ${value}, printed ${r.label} ${r.text}`;
      }
      return undefined;
    }
    case "grid": {
      const t = v as unknown[][];
      if (!Array.isArray(t) || t.length - 1 !== e.rows.length)
        return `gave ${Array.isArray(t) ? t.length - 1 : 0} rows, not the ${e.rows.length} printed`;
      for (const [k, r] of e.rows.entries()) {
        const row = t[k + 1] as unknown[];
        if (!String(row[0]).toLowerCase().startsWith(r.label.toLowerCase()))
          return `row ${k + 1} is ${String(row[0])}, printed ${r.label}`;
        for (const [c, cell] of r.cells.entries()) {
          if (Math.abs((row[c + 1] as number) - cell.value) > cell.tolerance)
            return `${r.label}, column ${c + 1} is ${String(row[c + 1])}, printed ${cell.text}`;
        }
      }
      return undefined;
    }
  }
}

/** The arguments by parameter name, blanks and defaults left out: how a long example and its inline FROMTABLE form are compared. */
export function byName(ast: Ast): { fn: string; values: Record<string, unknown> } | undefined {
  if (!("call" in ast)) return undefined;
  const named = (fn: string, pairs: [string, unknown][]) => {
    const params = SIGNATURES[fn as keyof typeof SIGNATURES];
    const values: Record<string, unknown> = {};
    for (const [name, v] of pairs) {
      const p = params.find((q) => q.name === name);
      if (!p) throw new Error(`${fn} has no parameter ${name}`);
      if (v === null || v === undefined) continue;
      if (p.default !== undefined && (v === p.default || (typeof p.default !== "boolean" && v === Number(p.default))))
        continue;
      values[name] = v;
    }
    return { fn, values };
  };
  if (ast.call === "FROMTABLE") {
    const [fn, ...tables] = ast.args.map((a) => ("value" in a ? a.value : undefined));
    return named(String(fn), (tables.filter(Array.isArray) as [string, unknown][][]).flat());
  }
  const params = SIGNATURES[ast.call as keyof typeof SIGNATURES];
  return named(
    ast.call,
    ast.args.map((a, k) => [params[k].name, "value" in a ? a.value : a]),
  );
}
