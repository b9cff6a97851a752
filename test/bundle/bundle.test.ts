/*
 * The shipped bundle, proven without Excel: the production dist/functions.js, loaded on a blank
 * page after Office's office.js and custom-functions-runtime.js in headless Chromium, registers
 * every function in functions.json, and each returns what the calc module returns in Node,
 * errors included. On the same page, every formula the project prints (README, guides, function
 * reference, npm start) gives the result printed beside it. The build's guides (dist/docs/) are
 * checked here too.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { buildProduction, TEST_BASE_URL } from "../support/build";
import { startStaticServer, StaticServer } from "../support/static-server";
import { labelled } from "../support/labelled";
import { CALLS, Fn, GOOD_CALLS, LIVE_FUNCTIONS, FETCHED_FUNCTIONS, TABLE_FUNCTION } from "../support/calls";
import { fromTable } from "../../src/functions/fromtable";
import { SIGNATURES } from "../../src/functions/params";
import {
  allPrintedFormulas,
  Ast,
  computedNames,
  judge,
  NAMES,
  Outcome as PrintedOutcome,
  resolve,
} from "../support/printed-formulas";
import { TEST_SUPPORT_URL } from "../support/build";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { distFiles, allFiles } = require("../../scripts/dist-files.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanDist } = require("../../scripts/check-dist.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleSizes } = require("../../scripts/check-bundle-size.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MODEL_WORKBOOK_HREF } = require("../../scripts/docs-site.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../package.json");

const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
/** office.js, the custom-functions runtime and the add-in's functions.js alone, as Excel's functions runtime loads it. */
const blankPage = (functionsJs: string) => `<!doctype html><html><head><meta charset="utf-8">
<script src="/office/office.js"></script>
<script src="/office/custom-functions-runtime.js"></script>
<script src="/addin/${functionsJs}"></script>
</head><body>blank</body></html>`;

type Outcome = { value?: unknown; code?: string; message?: string; excelError?: boolean; crash?: string };

let dist: string;
let files: {
  functions: string;
  fast: string;
  market: string;
  words: string;
  metadata: string;
  taskpane: string;
  css: string;
};
let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The scripts the page fetched, and their statuses. */
const fetched: string[] = [];

beforeAll(async () => {
  dist = await buildProduction();
  files = distFiles(dist);
  server = await startStaticServer(
    { "/office/": OFFICE_DIST, "/addin/": dist },
    { "/blank.html": blankPage(files.functions) },
  );
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${e}\n${e.stack ?? ""}`));
  page.on("response", (r) => fetched.push(`${r.status()} ${r.url()}`));
  await page.goto(`${server.url}/blank.html`);
  await page.waitForFunction(() => typeof (window as any).CustomFunctions?._association?.mappings === "object");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

test("functions.js does not load the market chunk (market.js) by itself; a live cell loads it, once, from where functions.js was served", async () => {
  // first in the file: nothing has asked for live data yet
  await page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((e) => /\/fast\.[0-9a-f]+\.js$/.test(e.name)),
  );
  const marketFetches = () => fetched.filter((f) => f.endsWith(`/addin/${files.market}`));
  expect(marketFetches()).toEqual([]);
  // the providers are not asked here: every request off this machine is refused, for the rest of the file
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
  await page.evaluate(() => {
    const cf = (window as any).CustomFunctions;
    const invocation = { setResult: () => undefined, onCanceled: undefined as undefined | (() => void) };
    cf._association.mappings.DIFFICULTY(invocation);
    (window as any).__cancelDifficulty = () => invocation.onCanceled?.();
  });
  await page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((e) => /\/market\.[0-9a-f]+\.js$/.test(e.name)),
  );
  await page.evaluate(() => (window as any).__cancelDifficulty());
  expect(marketFetches()).toEqual([`200 ${server.url}/addin/${files.market}`]);
});

/** Calls a registered function in the page with each argument list, reporting values or the errors thrown. */
function callAllInPage(id: string, argLists: unknown[][]): Promise<Outcome[]> {
  return page.evaluate(
    ([fid, lists]) => {
      const cf = (window as any).CustomFunctions;
      const fn = cf._association.mappings[fid as string];
      return (lists as unknown[][]).map((a) => {
        try {
          return { value: fn(...a) };
        } catch (e: any) {
          return e instanceof cf.Error ? { excelError: true, code: e.code, message: e.message } : { crash: String(e) };
        }
      });
    },
    [id, argLists] as const,
  );
}

async function callInPage(id: string, args: unknown[]): Promise<Outcome> {
  return (await callAllInPage(id, [args]))[0];
}

/** The same call in Node, on the source the bundle was built from. */
function callInNode(id: string, args: unknown[]): Outcome {
  try {
    return { value: (id === TABLE_FUNCTION ? (fromTable as Fn) : CALLS[id].fn)(...args) };
  } catch (e: any) {
    return { excelError: true, code: e.code, message: e.message };
  }
}

test("functions.js registers exactly the functions listed in functions.json", async () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, files.metadata), "utf8"));
  const ids = metadata.functions.map((f: { id: string }) => f.id).sort();
  const registered = await page.evaluate(() =>
    Object.keys((window as any).CustomFunctions._association.mappings).sort(),
  );
  expect(registered).toEqual(ids);
  expect(ids).toEqual([...Object.keys(CALLS), TABLE_FUNCTION, ...LIVE_FUNCTIONS, ...FETCHED_FUNCTIONS].sort());
  // office.js outside an Office host throws from its own o15apptofilemappingtable.js; none may come from ours.
  expect(pageErrors.filter((e) => e.includes("/addin/"))).toEqual([]);
});

test("HISTORY in the bundle answers with a promise: a bad argument rejects with #VALUE! naming it, before any request", async () => {
  const outcome = await page.evaluate(async () => {
    const cf = (window as any).CustomFunctions;
    const result = cf._association.mappings.HISTORY("temperature", 45900, null, null);
    const isPromise = typeof result?.then === "function";
    try {
      await result;
      return { isPromise, settled: "fulfilled" };
    } catch (e: any) {
      return { isPromise, code: e instanceof cf.Error ? e.code : String(e), message: e.message };
    }
  });
  expect(outcome).toEqual({
    isPromise: true,
    code: "#VALUE!",
    message:
      'HISTORY: field must be one of price, difficulty, hashrate, hashprice (or a market name of one, e.g. BTC_Hashprice); got "temperature"',
  });
});

test("every function gives in Chromium exactly what the calc module gives in Node", async () => {
  for (const [id, { valid, required }] of Object.entries(CALLS)) {
    const inPage = await callInPage(id, valid);
    expect([id, inPage]).toEqual([id, callInNode(id, valid)]);
    expect(inPage.excelError).toBeUndefined();
    const minimal = valid.slice(0, required);
    expect([id, await callInPage(id, minimal)]).toEqual([id, callInNode(id, minimal)]);
  }
});

test("switches, tables of numbers and the GPU-cloud column give in Chromium what they give in Node", async () => {
  for (const [id, args] of GOOD_CALLS) {
    const inPage = await callInPage(id, args);
    expect([id, args, inPage]).toEqual([id, args, callInNode(id, args)]);
    expect([id, inPage.excelError]).toEqual([id, undefined]);
  }
  // Bad tables and switches: the same #VALUE!, naming the argument and the row.
  const bad: [string, unknown[]][] = [
    [
      "LEASENPV",
      [
        200,
        150,
        15,
        0.1,
        0.03,
        9e6,
        0.15,
        null,
        0,
        0,
        0,
        [
          [12, 100],
          [null, null],
          [18, 100],
        ],
      ],
    ],
    [
      "LEASENPV",
      [
        150,
        150,
        15,
        0.1,
        0.03,
        9e6,
        0.15,
        null,
        0,
        0,
        0,
        [
          [12, 100],
          [18, 100],
        ],
      ],
    ],
    ["ENERGYTAX", [1e6, [[5, 0.01]]]],
    ["MININGNPV", [...CALLS.MININGNPV.valid.slice(0, 17), "TRUE"]],
    ["MWECONOMICS", [...CALLS.MWECONOMICS.valid.slice(0, 32), 2.01, 1, null, 1.8, 0.1]],
  ];
  for (const [id, args] of bad) {
    const inPage = await callInPage(id, args);
    expect([id, inPage]).toEqual([id, callInNode(id, args)]);
    expect([id, inPage.code]).toEqual([id, "#VALUE!"]);
  }
});

/**
 * An outcome as exact text: JSON, with the numbers JSON cannot hold (NaN, ±Infinity, −0) spelled
 * out, so two outcomes are the same exactly when their texts are. The bad-input test moves
 * thousands of outcomes (some with 132-month tables) out of the page this way: as text they cross
 * in one piece instead of value by value through the protocol, and compare in one step. The page
 * spells them with the same replacer, written out again inside its function (page.evaluate sends
 * one function's source); where the two disagree, the texts differ and the test reports the values.
 */
const exactNumbers = (_: string, v: unknown) =>
  typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))
    ? `#number ${Object.is(v, -0) ? "-0" : String(v)}`
    : v;
const outcomeText = (o: Outcome) => JSON.stringify(o, exactNumbers);

test("the outcome text tells apart what toEqual tells apart, and the numbers JSON cannot hold", () => {
  const outcomes: Outcome[] = [
    { value: 0 },
    { value: -0 },
    { value: NaN },
    { value: null },
    { value: Infinity },
    { value: -Infinity },
    { value: 1e308 },
    { value: "1e308" },
    { value: [[1, 2]] },
    { value: [[1], [2]] },
    { value: [[null, 2]] },
    { excelError: true, code: "#VALUE!", message: "x" },
    { excelError: true, code: "#NUM!", message: "x" },
    { crash: "x" },
  ];
  const texts = outcomes.map(outcomeText);
  expect(new Set(texts).size).toBe(texts.length);
  expect(outcomeText({ value: 0.1 + 0.2 })).not.toBe(outcomeText({ value: 0.3 })); // doubles to the last bit
  expect(JSON.parse(outcomeText({ value: [[1.5, -2e-300]] }))).toEqual({ value: [[1.5, -2e-300]] });
});

/**
 * The bad-input test's valid lists, made small where size costs time and not coverage: a one-year
 * lease after a two-month build (at $1M per critical IT MW, so that a year's rent still repays it
 * and CONVERSIONBREAKEVEN has an answer), twelve months mined with the energy tax from month 3,
 * a fleet's life of twelve months, the fewest paths. The schedules, searches and simulations then
 * run on 12–14 months and 100 paths instead of 60–132 and 200; every argument is still replaced
 * by every bad value.
 */
const SMALL: Record<string, number> = {
  term_years: 1,
  conversion_months: 2,
  conversion_capex_usd_per_critical_it_mw: 1e6,
  months: 12,
  refresh_every_months: 12,
  energy_tax_start_month: 3,
  paths: 100,
};
const smallValid = (id: string, valid: unknown[]): unknown[] =>
  valid.map((v, i) => SMALL[SIGNATURES[id as keyof typeof SIGNATURES][i]?.name] ?? v);

test("bad inputs give the same Excel errors in the bundle: #VALUE! with the argument named, never a crash", async () => {
  const bad: unknown[] = [
    "abc",
    true,
    NaN,
    Infinity,
    -Infinity,
    [
      [1, 2],
      [3, 4],
    ],
    null,
    "",
    -1,
    0,
    1e308,
  ];
  const calls = Object.entries(CALLS).map(([id, c]) => [id, smallValid(id, c.valid)] as [string, unknown[]]);
  // The small lists are valid: each gives a value, so each bad value is what an error is about.
  const refused = calls.filter(([id, valid]) => callInNode(id, valid).excelError).map(([id]) => id);
  expect(refused).toEqual([]);
  expect(calls.filter(([id, valid]) => valid.some((v, i) => v !== CALLS[id].valid[i])).length).toBeGreaterThan(10);
  const listsOf = (valid: unknown[]) => {
    const lists: unknown[][] = [];
    for (let i = 0; i < valid.length; i++) {
      for (const value of bad) {
        const args = [...valid];
        args[i] = value;
        lists.push(args);
      }
    }
    return lists;
  };
  // The page builds the same argument lists (same loops, same order) and answers with the outcomes' texts.
  const inPageTexts: Record<string, string[]> = await page.evaluate(
    ([calls, badValues]) => {
      const cf = (window as any).CustomFunctions;
      const exact = (_: string, v: unknown) =>
        typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))
          ? `#number ${Object.is(v, -0) ? "-0" : String(v)}`
          : v;
      const text = (o: unknown) => JSON.stringify(o, exact);
      const out: Record<string, string[]> = {};
      for (const [id, valid] of calls as [string, unknown[]][]) {
        const fn = cf._association.mappings[id];
        out[id] = [];
        for (let i = 0; i < valid.length; i++) {
          for (const value of badValues as unknown[]) {
            const args = [...valid];
            args[i] = value;
            try {
              out[id].push(text({ value: fn(...args) }));
            } catch (e: any) {
              out[id].push(
                text(
                  e instanceof cf.Error ? { excelError: true, code: e.code, message: e.message } : { crash: String(e) },
                ),
              );
            }
          }
        }
      }
      return out;
    },
    [calls, bad] as const,
  );
  let excelErrors = 0;
  for (const [id, valid] of calls) {
    const lists = listsOf(valid);
    expect([id, inPageTexts[id].length]).toEqual([id, lists.length]);
    lists.forEach((args, k) => {
      const inNode = callInNode(id, args);
      const text = inPageTexts[id][k];
      // Compared as text; on a difference, as values, for a readable report.
      if (text !== outcomeText(inNode)) expect([id, args, JSON.parse(text)]).toEqual([id, args, inNode]);
      const inPage = JSON.parse(text) as Outcome;
      expect(inPage.crash).toBeUndefined();
      if (inPage.excelError) {
        excelErrors++;
        expect(["#VALUE!", "#NUM!"]).toContain(inPage.code);
        expect(inPage.message).toMatch(new RegExp(`^${id}: `));
      } else if (typeof inNode.value === "number") {
        expect(Number.isFinite(inNode.value)).toBe(true);
      }
    });
  }
  expect(excelErrors).toBeGreaterThan(1000);
}, 300_000); // 2,000+ calls computed twice (page and Node), small as they are: slow on a loaded machine

test("a question with no answer is #NUM! in the bundle", async () => {
  const noPayback = await callInPage("PAYBACKMONTHS", [3500, 200, 17.5, 0.2, 91_000, 1.5e14, 3.125]);
  expect(noPayback).toMatchObject({ excelError: true, code: "#NUM!" });
  const fullPoolFee = await callInPage("COSTPERBTC", [0.05, 17.5, 1.5e14, 3.125, 0, 1]);
  expect(fullPoolFee).toMatchObject({ excelError: true, code: "#NUM!" });
});

test("COSTBREAKDOWN spills a 10×2 table in the bundle, ending with the subsidy it assumed", async () => {
  const table = (await callInPage("COSTBREAKDOWN", CALLS.COSTBREAKDOWN.valid)).value as unknown[][];
  expect(table).toHaveLength(10);
  expect(table[8][0]).toBe("All-in cost (total)");
  expect(table[9]).toEqual(["Subsidy assumed (BTC per block)", 3.125]);
});

test("TREASURYCASHFLOWS takes columns and text options in the bundle, and refuses a column of the wrong length, as in Node", async () => {
  const col = (xs: number[]) => xs.map((x) => [x]);
  const lists: unknown[][] = [
    [1e6, 10, 3, col([12, 11, 10]), col([100_000, 80_000, 60_000]), [[2e6]], [["hold"]]],
    [1e6, 10, 3, [[12, 11, 10]], [[100_000, 80_000, 60_000]], 2e6, "SellPct", null, col([1, 2, 3]), null, 0.5, 1e5],
    [1e6, 10, 3, col([12, 11]), 80_000, 2e6, "HOLD"],
    [1e6, 10, 3, 12, 80_000, 2e6, "SELLSOME"],
  ];
  const outcomes = await callAllInPage("TREASURYCASHFLOWS", lists);
  outcomes.forEach((inPage, k) => expect([k, inPage]).toEqual([k, callInNode("TREASURYCASHFLOWS", lists[k])]));
  expect((outcomes[0].value as number[][]).map((r) => r[9])).toEqual(["Insolvent (1 = yes)", 0, 1, 1]);
  expect(outcomes[2]).toMatchObject({
    code: "#VALUE!",
    message: expect.stringMatching(/btc_mined .* exactly 3 values.*; got a column of 2 values$/),
  });
  expect(outcomes[3]).toMatchObject({
    code: "#VALUE!",
    message: expect.stringMatching(/policy must be one of "HOLD", "SELLALL" or "SELLPCT"/),
  });
});

test("FROMTABLE runs every function from a table in the bundle, as in Node, and refuses a table it cannot read", async () => {
  for (const [id, { valid }] of Object.entries(CALLS)) {
    const table = SIGNATURES[id as keyof typeof SIGNATURES].map((p, i) => [p.name, valid[i]]);
    const inPage = await callInPage(TABLE_FUNCTION, [id, table, null, null]);
    expect([id, inPage]).toEqual([id, callInNode(TABLE_FUNCTION, [id, table, null, null])]);
    expect([id, inPage.value]).toEqual([id, expect.any(Array)]);
  }
  const unknown = await callInPage(TABLE_FUNCTION, ["LEASENPV", [["rent", 5]], null, null]);
  expect(unknown).toMatchObject({
    excelError: true,
    code: "#VALUE!",
    message: expect.stringMatching(/^FROMTABLE: assumptions must be a two-column range using only LEASENPV's names/),
  });
});

test("every formula printed in the README, the guides, the function reference and npm start's hint gives its stated result in the shipped bundle", async () => {
  const printed = allPrintedFormulas();
  const runnable = printed.filter((p) => p.ast);
  // Only signatures (=MINER.SUBSIDY(height)) and live functions (run against the fake API by the pane suites) are not run here.
  expect(printed.filter((p) => !p.ast).every((p) => p.skip === "signature" || p.skip === "live")).toBe(true);
  const extra = computedNames();
  const trees = runnable.map((p) => resolve(p.ast!, extra));
  // The page evaluates each call tree with the registered functions, innermost first, and answers with exact text.
  const texts: string[] = await page.evaluate(async (all) => {
    const cf = (window as any).CustomFunctions;
    const exact = (_: string, v: unknown) =>
      typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))
        ? `#number ${Object.is(v, -0) ? "-0" : String(v)}`
        : v;
    const run = async (t: any): Promise<unknown> =>
      "value" in t ? t.value : cf._association.mappings[t.call](...(await Promise.all(t.args.map(run))));
    const out: string[] = [];
    for (const tree of all) {
      try {
        out.push(JSON.stringify({ value: await run(tree) }, exact));
      } catch (e: any) {
        out.push(JSON.stringify(e instanceof cf.Error ? { code: e.code, message: e.message } : { crash: String(e) }));
      }
    }
    return out;
  }, trees as Ast[]);
  const problems = runnable
    .map((p, k) => [p.where, p.formula, judge(p, JSON.parse(texts[k]) as PrintedOutcome)])
    .filter(([, , problem]) => problem);
  expect(problems).toEqual([]);
  // All of them: the guides' (with their inline FROMTABLE forms), the reference's examples and #NUM! cases, npm start's.
  expect(runnable.length).toBeGreaterThanOrEqual(200);
  expect(runnable.filter((p) => p.expect).length).toBeGreaterThanOrEqual(175);
  expect(runnable.some((p) => p.where === "npm start")).toBe(true);
  // The inline FROMTABLE forms: the guides' long examples and the reference's, shown by name.
  expect(runnable.filter((p) => /^=MINER\.FROMTABLE\("[A-Z]+", \{/.test(p.formula)).length).toBeGreaterThanOrEqual(50);
  // Every range and name a printed formula reads is described in test/support/printed-formulas.ts.
  const read = new Set(printed.flatMap((p) => p.refs));
  for (const ref of read) expect([ref, ref in NAMES || ref in extra]).toEqual([ref, true]);
}, 120_000);

test("the guides ship as pages beside the help pages: every guide rendered, every link resolving, no script, the build's support contact", () => {
  const guides = fs
    .readdirSync(path.resolve(__dirname, "../../docs"))
    .filter((f) => f.endsWith(".md") && f !== "functions.md");
  const pages = guides.map((g) => `docs/${g === "README.md" ? "index.html" : g.replace(/\.md$/, ".html")}`);
  for (const page of pages) expect([page, fs.existsSync(path.join(dist, page))]).toEqual([page, true]);
  // The production build minifies HTML: attributes may lose their quotes.
  const attributes = (html: string, name: string) =>
    [...html.matchAll(new RegExp(` ${name}=(?:"([^"]*)"|([^\\s>"]+))`, "g"))].map((m) => m[1] ?? m[2]);
  const idsOf = (file: string) => new Set(attributes(fs.readFileSync(file, "utf8"), "id"));
  let links = 0;
  for (const page of pages) {
    const html = fs.readFileSync(path.join(dist, page), "utf8");
    expect([page, /<script/i.test(html)]).toEqual([page, false]);
    expect([
      page,
      /<meta http-equiv="?Content-Security-Policy"? content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">/.test(
        html,
      ),
    ]).toEqual([page, true]);
    for (const [attr, target] of [
      ...attributes(html, "href").map((t) => ["href", t]),
      ...attributes(html, "src").map((t) => ["src", t]),
    ]) {
      if (/^(https:|mailto:)/.test(target)) continue;
      // The model workbook is written after webpack, by npm run build's last step (check:dist requires it).
      if (target === MODEL_WORKBOOK_HREF) continue;
      const [file, anchor] = target.split("#");
      const resolved = file ? path.join(path.dirname(path.join(dist, page)), file) : path.join(dist, page);
      expect([page, attr, target, fs.existsSync(resolved)]).toEqual([page, attr, target, true]);
      if (anchor) expect([page, target, idsOf(resolved).has(anchor)]).toEqual([page, target, true]);
      links++;
    }
  }
  expect(links).toBeGreaterThan(100);
  const support = fs.readFileSync(path.join(dist, "docs/support.html"), "utf8");
  expect(support).toMatch(/<strong>Contact:<\/strong> <a href="?([^">]+)"?>([^<]+)<\/a>/);
  expect(/<strong>Contact:<\/strong> <a href="?([^">]+)"?>([^<]+)<\/a>/.exec(support)!.slice(1)).toEqual([
    TEST_SUPPORT_URL,
    TEST_SUPPORT_URL,
  ]);
  const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  expect(manifest).toContain(`<SupportUrl DefaultValue="${TEST_BASE_URL}docs/support.html"/>`);
  // The pane links the guides, the reference, support and privacy (all in the build), and the model
  // workbook, which npm run build writes beside the pane after webpack (check:dist requires it).
  const pane = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const paneLinks = attributes(pane, "href").filter((h) => /\.html(#.*)?$/.test(h));
  expect(new Set(paneLinks)).toEqual(
    new Set([
      "help/index.html",
      "docs/index.html",
      "docs/support.html",
      "docs/privacy.html",
      "docs/template.html#the-model-as-a-workbook-miner-modelxlsx",
    ]),
  );
  for (const link of paneLinks) {
    const [file, anchor] = link.split("#");
    expect([link, fs.existsSync(path.join(dist, file))]).toEqual([link, true]);
    if (anchor) expect([link, idsOf(path.join(dist, file)).has(anchor)]).toEqual([link, true]);
  }
  expect(attributes(pane, "href")).toContain("MINER-model.xlsx");
  expect(attributes(fs.readFileSync(path.join(dist, "docs/template.html"), "utf8"), "href")).toContain(
    MODEL_WORKBOOK_HREF,
  );
});

test("no file of the production build names localhost or another local address (every file scanned)", () => {
  expect(allFiles(dist).length).toBeGreaterThan(30); // js, json, html, css, help pages, icons, manifest
  expect(scanDist(dist)).toEqual([]);
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, files.metadata), "utf8"));
  for (const f of metadata.functions) expect(f.helpUrl).toBe(`${TEST_BASE_URL}help/${f.id}.html`);
  for (const f of metadata.functions) expect(fs.existsSync(path.join(dist, "help", `${f.id}.html`))).toBe(true);
});

test("the scan finds a development leftover in any file, binary or nested", () => {
  const copy = fs.mkdtempSync(path.join(path.dirname(dist), "scan-"));
  try {
    fs.cpSync(dist, copy, { recursive: true });
    fs.appendFileSync(path.join(copy, files.taskpane), ';origins.add("wss://localhost:3000")');
    fs.appendFileSync(path.join(copy, "assets", "icon-16.png"), Buffer.from("http://127.0.0.1:3000/", "latin1"));
    const findings: string[] = scanDist(copy);
    expect(findings.map((f) => f.split(":")[0]).sort()).toEqual(
      [path.join("assets", "icon-16.png"), files.taskpane].sort(),
    );
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test("the manifest carries package.json's version and names exactly the hashed files built with it", () => {
  const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  expect(xml).toContain(`<Version>${pkg.version}.0</Version>`);
  expect(files.functions).toMatch(/^functions\.[0-9a-f]{16}\.js$/);
  expect(files.metadata).toMatch(/^functions\.[0-9a-f]{16}\.json$/);
  expect(xml).toContain(`DefaultValue="${TEST_BASE_URL}${files.functions}"`);
  expect(xml).toContain(`DefaultValue="${TEST_BASE_URL}${files.metadata}"`);
  const urls = [...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.filter((u) => !fs.existsSync(path.join(dist, u.slice(TEST_BASE_URL.length))))).toEqual([]);
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  for (const f of [files.functions, files.taskpane, files.css]) expect(html).toContain(f);
});

test("the production build has no test hooks: provider URLs are fixed https and no test script is loaded", () => {
  for (const file of [files.functions, files.market, files.taskpane, "taskpane.html"]) {
    const text = fs.readFileSync(path.join(dist, file), "utf8");
    expect([file, /MINER_TEST_BASES|test-config\.js|127\.0\.0\.1/.exec(text)?.[0]]).toEqual([file, undefined]);
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  expect(html).toMatch(/connect-src 'self' https:;/); // https only
  expect(html).not.toMatch(/http:/);
  expect(fs.readFileSync(path.join(dist, files.market), "utf8")).toContain("https://mempool.space");
});

test("one copy of the shared code: decimal.js and calc only in functions.js, the market service only in market.js, which the pane's bundle loads", () => {
  const bundles = { functions: files.functions, market: files.market, taskpane: files.taskpane };
  const count = (file: string, marker: string) =>
    fs.readFileSync(path.join(dist, file), "utf8").split(marker).length - 1;
  // a string from each shared module that survives minification
  const where = { functions: 1, market: 0, taskpane: 0 };
  const inMarket = { functions: 0, market: 1, taskpane: 0 };
  for (const [marker, want] of [
    ["[DecimalError]", where],
    ["/api/v1/mining/reward-stats/144", inMarket],
    ["/api/v1/difficulty-adjustment", inMarket],
    ["/api/v1/prices", inMarket],
    ["/api/v1/mining/hashrate/3d", inMarket],
  ] as const) {
    expect([marker, Object.fromEntries(Object.entries(bundles).map(([k, f]) => [k, count(f, marker)]))]).toEqual([
      marker,
      want,
    ]);
  }
  // taskpane.js registers its modules into the chunk loader that functions.js creates, and the page loads functions.js first
  expect(fs.readFileSync(path.join(dist, files.taskpane), "utf8")).toMatch(/^("use strict";)?\(self\.webpackChunk/);
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  expect(html.indexOf(files.functions)).toBeLessThan(html.indexOf(files.words));
  expect(html.indexOf(files.words)).toBeLessThan(html.indexOf(files.taskpane));
});

test("functions.js fetches the certified fast paths (fast.js) from where it was served, as it starts", async () => {
  await page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((e) => /\/fast\.[0-9a-f]+\.js$/.test(e.name)),
  );
  expect(fetched.filter((f) => f.endsWith(`/addin/${files.fast}`))).toEqual([`200 ${server.url}/addin/${files.fast}`]);
});

test("every bundle is within its budget, and no script has eval", () => {
  for (const b of bundleSizes(dist)) labelled(b.role, () => expect(b.bytes).toBeLessThanOrEqual(b.budget));
  expect(bundleSizes(dist).find((b: { role: string }) => b.role === "functions").budget).toBe(150 * 1024);
  for (const f of [files.functions, files.fast, files.market, files.words, files.taskpane]) {
    const js = fs.readFileSync(path.join(dist, f), "utf8");
    labelled(f, () => expect(js).not.toMatch(/\beval\(|new Function\(/));
  }
});
