/*
 * The public contract: names, argument order and documentation of every MINER function, read
 * from the same metadata generator the build uses. Workbooks depend on these; a change here
 * must be deliberate.
 */
import fc from "fast-check";
import { CALLS, LIVE_FUNCTIONS } from "../support/calls";
import { excelErrorOrNone } from "../support/errors";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkMetadata, DEFAULT_FILES } = require("../../scripts/check-metadata.js");

interface Param { name: string; description?: string; optional?: boolean }
interface FunctionMeta { id: string; name: string; description?: string; helpUrl?: string; parameters: Param[] }

let functions: FunctionMeta[] = [];
beforeAll(async () => {
  const { problems, metadata } = await checkMetadata(DEFAULT_FILES);
  expect(problems).toEqual([]);
  functions = metadata.functions;
});

const byId = (id: string) => {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is missing from functions.json`);
  return f;
};
const signature = (f: FunctionMeta) => f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");

/**
 * The signature as Excel shows it, with required arguments marked: functions that take an
 * assumptions table show every argument after the first as optional (so a table can stand
 * alone) and say "Required." in those arguments' descriptions; this prints those as required.
 */
const contract = (f: FunctionMeta) =>
  f.parameters.map((p) => (p.optional && !/Required\./.test(p.description ?? "") ? `[${p.name}]` : p.name)).join(", ");

test("the contracted functions keep their names and argument order (issue #3)", () => {
  expect(contract(byId("SUBSIDY"))).toBe("height");
  expect(contract(byId("NEXTHALVING"))).toBe("height");
  expect(contract(byId("NETWORKHASHRATE"))).toBe("difficulty");
  expect(contract(byId("BTCPERDAY"))).toBe("hashrate_ths, difficulty, [fees_btc_per_block], [subsidy]");
  expect(contract(byId("HASHPRICE"))).toBe("btc_price, difficulty, [fees_btc_per_block], [subsidy]");
  expect(contract(byId("COSTPERBTC"))).toBe("power_price_kwh, efficiency_j_th, difficulty, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day], [subsidy]");
  expect(contract(byId("BREAKEVENPOWER"))).toBe("btc_price, efficiency_j_th, difficulty, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day], [subsidy]");
});

test("the designed functions keep their signatures", () => {
  const allIn = "power_price_kwh, efficiency_j_th, difficulty, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day], [machine_cost_usd_per_th], [machine_life_years], [sga_usd_per_th_day], [stock_comp_usd_per_th_day], [energy_tax_usd_per_kwh], [uptime], [subsidy]";
  expect(contract(byId("ALLINCOSTPERBTC"))).toBe(allIn);
  expect(contract(byId("COSTBREAKDOWN"))).toBe(allIn);
  expect(contract(byId("BREAKEVENPRICE"))).toBe(allIn);
  expect(contract(byId("BREAKEVENHASHPRICE"))).toBe("power_price_kwh, efficiency_j_th, [pool_fee], [opex_usd_per_th_day], [machine_cost_usd_per_th], [machine_life_years], [sga_usd_per_th_day], [stock_comp_usd_per_th_day], [energy_tax_usd_per_kwh], [uptime]");
  expect(contract(byId("PAYBACKMONTHS"))).toBe("machine_cost_usd, hashrate_ths, efficiency_j_th, power_price_kwh, btc_price, difficulty, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day], [uptime], [difficulty_growth_monthly], [subsidy]");
  expect(contract(byId("DIFFICULTYFORHASHRATE"))).toBe("hashrate_ehs");
  expect(functions.map((f) => f.id).sort()).toEqual([...Object.keys(CALLS), ...LIVE_FUNCTIONS].sort());
});

test("every function with seven or more inputs accepts an assumptions table as its first argument", () => {
  for (const f of functions.filter((x) => x.parameters.length >= 7)) {
    expect([f.id, f.parameters.slice(1).every((p) => p.optional), /two-column range of names and values/.test(f.description ?? "")]).toEqual([f.id, true, true]);
  }
});

test("the lease functions keep issue #4's contract (arguments after the first are bracketed so a table can stand alone)", () => {
  const lease = "critical_it_mw, [rate_usd_per_kw_month], [term_years], [discount_rate], [escalator], [capex_usd_per_mw], [opex_pct_of_revenue], [build_months]";
  expect(signature(byId("LEASENPV"))).toBe(lease);
  expect(signature(byId("LEASECASHFLOWS"))).toBe(lease);
  expect(signature(byId("LEASEIRR"))).toBe(lease.replace("[discount_rate], ", ""));
  expect(contract(byId("LEASENPV"))).toBe("critical_it_mw, rate_usd_per_kw_month, term_years, discount_rate, [escalator], [capex_usd_per_mw], [opex_pct_of_revenue], [build_months]");
  const mining = "site_mw, [efficiency_j_th], [pue], [power_price_kwh], [btc_price], [difficulty], [start_height], [months], [discount_rate], [fees_btc_per_block], [pool_fee], [uptime], [difficulty_growth_monthly], [btc_price_growth_monthly], [opex_usd_per_mw_month], [refresh_capex_usd_per_th], [refresh_every_months]";
  expect(signature(byId("MININGCASHFLOWS"))).toBe(mining);
  expect(signature(byId("MININGNPV"))).toBe(mining);
  const conversion = "site_mw, [efficiency_j_th], [pue], [power_price_kwh], [btc_price], [difficulty], [start_height], [discount_rate], [rate_usd_per_kw_month], [term_years], [fees_btc_per_block], [pool_fee], [uptime], [difficulty_growth_monthly], [btc_price_growth_monthly], [opex_usd_per_mw_month], [refresh_capex_usd_per_th], [refresh_every_months], [escalator], [conversion_capex_usd_per_mw], [conversion_months], [opex_pct_of_revenue], [site_mw_per_critical_it_mw]";
  for (const id of ["CONVERSIONVALUE", "CONVERSIONBREAKEVEN", "MWECONOMICS"]) expect(signature(byId(id))).toBe(conversion);
});

test("every function has a description and a help URL to its own reference page", () => {
  for (const f of functions) {
    expect(f.description && f.description.length > 30).toBe(true);
    expect(f.helpUrl).toBe(`https://localhost:3000/help/${f.id}.html`);
  }
});

test("every parameter documents its unit or kind, and optional ones their default", () => {
  const unit = /USD|BTC|J\/TH|TH\/s|EH\/s|kWh|MW|fraction|rate|ratio|dimensionless|whole number|years|months|Currency code|as text/;
  for (const f of functions) {
    for (const p of f.parameters) {
      expect([f.id, p.name, unit.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
      // optional ones give their default; those optional only so that a table can stand alone say "Required."
      if (p.optional) expect([f.id, p.name, /Default |Required\./.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
  }
});

test("a wrong argument's message names that argument, as Excel shows it, for every position", () => {
  for (const f of functions.filter((x) => !LIVE_FUNCTIONS.includes(x.id))) {
    const { fn, valid, required } = CALLS[f.id];
    expect(valid).toHaveLength(f.parameters.length);
    const requiredInPosition = f.parameters.filter((p) => !p.optional || /Required\./.test(p.description ?? "")).length;
    expect([f.id, required]).toEqual([f.id, requiredInPosition]);
    f.parameters.forEach((p, i) => {
      const args = [...valid];
      args[i] = "oops";
      let message = "";
      try {
        fn(...args);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(`${f.id}: ${p.name} must be a number; got text "oops"`);
    });
  }
});

test("the metadata check fails on a broken functions file (the CLI alone would exit 0)", async () => {
  const { problems } = await checkMetadata(["test/functions/fixtures/bad-functions.ts"]);
  expect(problems.join("\n")).toMatch(/does not support type "Money"/);
});

/** "Example: =MINER.NAME(args) returns RESULT." in a description. */
function example(f: FunctionMeta): { args: unknown[]; result: string } | undefined {
  const m = /Example: =MINER\.(\w+)\((.*?)\) returns (.*?)\.?$/.exec(f.description ?? "");
  if (!m || m[1] !== f.id) return undefined;
  const args = m[2] === "" ? [] : m[2].split(/,\s*/).map((a) => (a.startsWith('"') ? JSON.parse(a) : Number(a)));
  return { args, result: m[3] };
}

test("every function's description ends with an example and its result", () => {
  for (const f of functions) expect([f.id, example(f) !== undefined]).toEqual([f.id, true]);
});

test("every example gives the result it states (so the reference cannot drift from the code)", () => {
  for (const f of functions.filter((x) => !LIVE_FUNCTIONS.includes(x.id))) {
    const { args, result } = example(f)!;
    const got = CALLS[f.id].fn(...args);
    const table = /^a (\d+)×(\d+) table$/.exec(result);
    if (table) {
      const rows = got as unknown[][];
      expect([f.id, rows.length, rows[0].length]).toEqual([f.id, Number(table[1]), Number(table[2])]);
      continue;
    }
    const stated = Number(result);
    const decimals = (result.split(".")[1] ?? "").length;
    expect([f.id, Number((got as number).toFixed(decimals))]).toEqual([f.id, stated]);
  }
});

test("docs/functions.md is the reference generated from this metadata (run: node scripts/help-pages.js docs)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderMarkdown, renderHelpPages } = require("../../scripts/help-pages.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require("path");
  const onDisk = fs.readFileSync(path.resolve(__dirname, "../../docs/functions.md"), "utf8");
  expect(onDisk).toBe(renderMarkdown({ functions }, "MINER"));
  const pages = renderHelpPages({ functions }, "MINER");
  for (const f of functions) {
    const html = pages[`${f.id}.html`];
    expect([f.id, /<h2>Example<\/h2>/.test(html), /<h2>Errors<\/h2>/.test(html), /<h2>Arguments<\/h2>/.test(html)]).toEqual([f.id, true, true, true]);
  }
});

/** Arguments that reach each documented "#NUM! when ..." case, in the order the description gives them. */
const with_ = (id: string, changes: Record<number, unknown>) => CALLS[id].valid.map((v, i) => (i in changes ? changes[i] : v));
const NO_ANSWER_CASES: Record<string, unknown[][][]> = {
  // no BTC earned: subsidy and fees both 0, or pool_fee 1
  COSTPERBTC: [[with_("COSTPERBTC", { 3: 0, 6: 0 }), with_("COSTPERBTC", { 4: 1 })]],
  ...Object.fromEntries(
    ["ALLINCOSTPERBTC", "COSTBREAKDOWN", "BREAKEVENPRICE"].map((id) => [
      id,
      [[with_(id, { 3: 0, 12: 0 }), with_(id, { 11: 0 }), with_(id, { 4: 1 })]],
    ]),
  ),
  // opex alone exceeds revenue
  BREAKEVENPOWER: [[with_("BREAKEVENPOWER", { 5: 1 }), with_("BREAKEVENPOWER", { 4: 1, 5: 0.001 })]],
  // uptime 0 or pool_fee 1
  BREAKEVENHASHPRICE: [[with_("BREAKEVENHASHPRICE", { 9: 0 }), with_("BREAKEVENHASHPRICE", { 2: 1 })]],
  // power dearer than revenue; margin turns negative as difficulty grows; beyond 100 years
  PAYBACKMONTHS: [[with_("PAYBACKMONTHS", { 3: 0.5 }), with_("PAYBACKMONTHS", { 10: 0.2 }), with_("PAYBACKMONTHS", { 0: 1e9 })]],
  // no capex; no root (rent never covers the opex: flows all ≤ 0)
  LEASEIRR: [[with_("LEASEIRR", { 4: 0 }), with_("LEASEIRR", { 5: 1 })]],
  // mining earns nothing (pool_fee 1); mining costs nothing and leasing is worth less than nothing
  CONVERSIONBREAKEVEN: [[with_("CONVERSIONBREAKEVEN", { 11: 1 }), with_("CONVERSIONBREAKEVEN", { 3: 0, 8: 1, 15: 0, 16: 0, 21: 1 })]],
};


test("each function's reference lists its own #NUM! cases, and every case listed happens (with arguments that reach it)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { describe: describeFunction } = require("../../scripts/help-pages.js");
  for (const f of functions.filter((x) => !LIVE_FUNCTIONS.includes(x.id))) {
    const { numCases, errors } = describeFunction("MINER", f) as { numCases: string[]; errors: string[] };
    const cases = NO_ANSWER_CASES[f.id] ?? [];
    expect([f.id, numCases.length]).toEqual([f.id, cases.length]);
    for (const c of numCases) expect(errors).toContain(`#NUM! when ${c}.`);
    cases.forEach((argLists, i) =>
      argLists.forEach((args) => {
        const error = excelErrorOrNone(() => CALLS[f.id].fn(...args));
        expect([f.id, numCases[i], error?.code]).toEqual([f.id, numCases[i], "#NUM!"]);
      }),
    );
  }
});

test("a function whose reference lists no #NUM! case of its own gives #NUM! only beyond Excel's number range", () => {
  // Valid arguments with up to three replaced by edge values: zeros, whole fractions, large numbers.
  const edge = fc.constantFrom(0, 1, 0.5, 1e-9, 2, 50, 1e6, 1e15);
  const undocumented = Object.keys(CALLS).filter((id) => !(id in NO_ANSWER_CASES));
  for (const id of undocumented) {
    const { fn, valid } = CALLS[id];
    const heavy = /LEASE|MINING|CONVERSION|MWECONOMICS/.test(id);
    const details = fc.check(
      fc.property(fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), edge), { minLength: 1, maxLength: 3 }), (changes) => {
        const args = [...valid];
        for (const [i, v] of changes) args[i] = v;
        const error = excelErrorOrNone(() => fn(...args));
        return error?.code !== "#NUM!" || /beyond Excel's number range/.test(error.message ?? "");
      }),
      { numRuns: heavy ? 60 : 600 },
    );
    // The function and the (argument index, value) changes that gave an undocumented #NUM!.
    expect([id, details.failed ? details.counterexample : null]).toEqual([id, null]);
  }
});
