/*
 * What Excel shows of every MINER function, read from the same metadata the build writes
 * (functions.json, from the registry): required arguments required, short descriptions, one
 * meaning per parameter name; every documented example and #NUM! case holds.
 */
import fc from "fast-check";
import { CATALOG, ExampleArg } from "../../src/functions/catalog";
import { BY_MONTH_NOTE, PARAMS, SIGNATURES } from "../../src/functions/params";
import { AFTER_OPTIONAL, CALLS, Fn, LIVE_FUNCTIONS, FETCHED_FUNCTIONS, TABLE_FUNCTION } from "../support/calls";
import { excelErrorOrNone } from "../support/errors";
import { labelled } from "../support/labelled";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkMetadata } = require("../../scripts/check-metadata.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fromTable } = require("../../src/functions/fromtable");

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  type?: string;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
}

let functions: FunctionMeta[] = [];
beforeAll(() => {
  const { problems, metadata } = checkMetadata();
  expect(problems).toEqual([]);
  functions = metadata.functions;
});

const byId = (id: string) => {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is missing from functions.json`);
  return f;
};
/** The signature as Excel's tooltip shows it: optional arguments in brackets. */
const signature = (f: FunctionMeta) => f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");

test("every function is in functions.json: the numeric ones, the dispatcher and the live ones", () => {
  expect(functions.map((f) => f.id).sort()).toEqual([...Object.keys(CALLS), TABLE_FUNCTION, ...LIVE_FUNCTIONS, ...FETCHED_FUNCTIONS].sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test("Excel marks exactly the required arguments required, and they come first", () => {
  for (const f of functions.filter((x) => x.id in CALLS)) {
    // CALLS.required is written by hand: an independent count of each function's required arguments.
    const required = f.parameters.filter((p) => !p.optional).length;
    expect([f.id, required]).toEqual([f.id, CALLS[f.id].required]);
    expect([f.id, f.parameters.slice(0, required).map((p) => p.optional ?? false)]).toEqual([f.id, Array(required).fill(false)]);
  }
  expect(signature(byId("FROMTABLE"))).toBe("function_name, assumptions, [assumptions_2], [assumptions_3]");
  expect(signature(byId("BTCPRICE"))).toBe("[currency], [refresh_minutes]");
  expect(signature(byId("NETWORK"))).toBe("field");
  expect(signature(byId("HISTORY"))).toBe("field, start_date, [end_date], [interval]");
});

test("the lead's signatures: subsidy required after difficulty; efficiency at the wall or at the machine", () => {
  expect(signature(byId("COSTPERBTC"))).toBe(
    "power_price_kwh, wall_efficiency_j_th, difficulty, subsidy_btc_per_block, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day]",
  );
  expect(signature(byId("HASHPRICE"))).toBe("btc_price, difficulty, subsidy_btc_per_block, [fees_btc_per_block]");
  expect(signature(byId("BTCPERDAY"))).toBe("hashrate_ths, difficulty, subsidy_btc_per_block, [fees_btc_per_block]");
  expect(signature(byId("PAYBACKMONTHS"))).toBe(
    "machine_cost_usd, hashrate_ths, wall_efficiency_j_th, power_price_kwh, btc_price, difficulty, subsidy_btc_per_block, [fees_btc_per_block], [pool_fee], [opex_usd_per_th_day], [uptime], [difficulty_growth_monthly], [start_height]",
  );
  for (const id of ["ALLINCOSTPERBTC", "COSTBREAKDOWN", "BREAKEVENPRICE", "BREAKEVENPOWER", "BREAKEVENHASHPRICE"]) {
    expect([id, byId(id).parameters[1].name]).toEqual([id, "wall_efficiency_j_th"]);
  }
  for (const id of ["MININGCASHFLOWS", "MININGNPV", "CONVERSIONVALUE", "CONVERSIONBREAKEVEN", "MWECONOMICS"]) {
    expect([id, byId(id).parameters.slice(0, 3).map((p) => p.name)]).toEqual([id, ["site_mw", "machine_efficiency_j_th", "pue"]]);
  }
  // A function without a block height takes the subsidy as a required argument: no default to age.
  for (const f of functions) {
    const subsidy = f.parameters.find((p) => /subsidy/.test(p.name));
    if (subsidy) expect([f.id, subsidy.optional ?? false]).toEqual([f.id, false]);
  }
});

test("every argument Excel passes is a plain value, but FROMTABLE's tables, the by-month inputs and series, the tables of numbers (phases, tiers), the lists (quantiles, values) and repayment, which are ranges", () => {
  // The issue names the by-month inputs: a number or a column each (Excel hands a range over whole only when declared a matrix).
  const byMonth = ["btc_mined", "btc_price", "cash_costs", "other_income", "debt_service"];
  // The after-tax and debt functions' columns, and LOANSCHEDULE's repayment (a code or a column of payments).
  const columns: Record<string, string[]> = {
    AFTERTAXCASHFLOWS: ["cash_flows", "depreciation", "capex_usd_in_cash_flows"],
    DEBTCAPACITY: ["cfads"],
    LOANSCHEDULE: ["repayment"],
    EQUITYIRR: ["cash_flows", "debt_service"],
  };
  for (const f of functions) {
    for (const p of f.parameters) {
      // A range declared scalar would be lifted: Excel would call the function once per cell of the range.
      const range =
        (f.id === TABLE_FUNCTION && p.name.startsWith("assumptions")) ||
        (f.id === "TREASURYCASHFLOWS" && byMonth.includes(p.name)) ||
        !!columns[f.id]?.includes(p.name) ||
        ["phases", "tiers", "quantiles", "values", "difficulty_path"].includes(p.name);
      expect([f.id, p.name, p.type, p.dimensionality]).toEqual([f.id, p.name, "any", range ? "matrix" : undefined]);
    }
  }
});

test("descriptions fit Excel: a function's is one sentence of at most 200 characters, a parameter's at most 150", () => {
  for (const f of functions) {
    const d = f.description ?? "";
    labelled(f.id, () => {
      expect(d.length).toBeGreaterThan(30);
      expect(d.length).toBeLessThanOrEqual(200);
      expect(d).toMatch(/\.$/);
      expect(d).not.toMatch(/\.\s+[A-Z]/);
    });
    for (const p of f.parameters) labelled(`${f.id} ${p.name}`, () => expect((p.description ?? "").length).toBeLessThanOrEqual(150));
  }
});

test("one name, one meaning: a parameter name has the same description and unit in every function", () => {
  // Whether a function defaults it, requires it or lets it take a column is the function's own: the meaning is what precedes that.
  const meaning = (d = "") => d.replace(/ (Default \S+|Required)\.$/, "").replace(BY_MONTH_NOTE, "");
  expect(meaning(`Cash (USD; 0 or more).${BY_MONTH_NOTE} Default 0.`)).toBe("Cash (USD; 0 or more).");
  const seen = new Map<string, string>();
  for (const f of functions) {
    for (const p of f.parameters) {
      const before = seen.get(p.name);
      if (before !== undefined) expect([f.id, p.name, meaning(p.description)]).toEqual([f.id, p.name, before]);
      seen.set(p.name, meaning(p.description));
    }
  }
  // The two efficiencies are different quantities (one includes cooling), so they have different names.
  expect(seen.get("wall_efficiency_j_th")).toMatch(/at the wall/);
  expect(seen.get("machine_efficiency_j_th")).toMatch(/at the machines; the site's PUE is applied separately/);
  expect(seen.has("efficiency_j_th")).toBe(false);
});

test("every parameter's description gives its unit or kind, optional ones their default or what a blank means, and a required one after optional ones says it is required", () => {
  const unit = /USD|BTC|J\/TH|TH\/s|EH\/s|kWh|MW|fraction|rate|ratio|dimensionless|blocks|years|month|minutes|date|shares|text|range|TRUE or FALSE|code|GPUs|kW|count/;
  // Required in one function, appended optional to another (one name, one description): no default to state.
  const appendedOptional = (id: string, name: string) =>
    (id === "PAYBACKMONTHS" && name === "start_height") || (id === "MWECONOMICS" && ["usd_per_gpu_hour", "utilization", "gpu_capex_usd", "kw_per_gpu"].includes(name));
  let blanks = 0;
  for (const f of functions) {
    const afterOptional = AFTER_OPTIONAL[f.id] ?? 0;
    // The risk inputs follow the deterministic function's first parameters; what was appended since comes after the quantiles.
    const at = f.parameters.findIndex((p) => p.name === "price_vol_annual");
    const risk = f.parameters.slice(at, at + afterOptional).map((p) => p.name);
    for (const p of f.parameters) {
      labelled(`${f.id} ${p.name}`, () => expect(p.description).toMatch(unit));
      const hasDefault = /(Default \S+|Blank: [^.]+)\.$/.test(p.description ?? "");
      if (/Blank: /.test(p.description ?? "")) blanks++;
      const saysRequired = /\. Required\.$/.test(p.description ?? "");
      // FROMTABLE's extra tables are optional with nothing in their place; the distribution functions' risk inputs must be given.
      const needed = afterOptional > 0 && risk.includes(p.name);
      const expected = !!p.optional && !p.name.startsWith("assumptions_") && !appendedOptional(f.id, p.name) && !needed;
      expect([f.id, p.name, hasDefault, saysRequired]).toEqual([f.id, p.name, expected, needed]);
    }
  }
  expect(blanks).toBeGreaterThan(5); // phases, tiers and lease_discount_rate say what a blank means
});

test("a required argument after optional ones is refused blank, naming it, though Excel shows it in brackets", () => {
  for (const [id, count] of Object.entries(AFTER_OPTIONAL)) {
    const { fn, valid } = CALLS[id];
    const first = byId(id).parameters.findIndex((p) => p.name === "price_vol_annual"); // then the optional quantiles
    for (let i = first; i < first + count; i++) {
      const args = [...valid];
      args[i] = null;
      const name = byId(id).parameters[i].name;
      expect([id, byId(id).parameters[i].optional]).toEqual([id, true]);
      expect(excelErrorOrNone(() => fn(...args))?.message).toBe(`${id}: ${name} must be a number (it is required, and the argument is blank)`);
    }
    // and the quantiles, after them, are optional indeed: blank, P10, P50, P90
    const blankQuantiles = [...valid];
    blankQuantiles[first + count] = null;
    expect(fn(...blankQuantiles)).toEqual(fn(...valid));
  }
});

test("names carry units: every money, energy, power, hashrate, time or BTC quantity says it in its name", () => {
  // Dimensionless or conventional quantities: ratios and fractions (decimals), annual rates, counts, codes.
  // A price is in USD per unit of what is priced (the project's currency); later issues name btc_price so.
  // Switches (TRUE/FALSE), timing codes, tables of numbers, annual rates, a count of GPUs, a correlation, counts and lists.
  const unitless = ["btc_price", "height", "start_height", "difficulty", "pue", "pool_fee", "uptime", "discount_rate", "escalator", "months", "currency", "field", "function_name", "assumptions", "assumptions_2", "assumptions_3",
    "switch_off_below_cost", "difficulty_includes_fleet", "exit_cap_rate", "rent_timing", "capex_timing", "phases", "tiers", "lease_discount_rate", "gpus", "utilization",
    "price_difficulty_corr", "paths", "seed", "quantiles", "values", "periods_per_year", "interval",
    // A switch, and a column of difficulties.
    "stop_for_good", "difficulty_path"];
  // The treasury functions use the market's own words: money is USD, as everywhere;
  // btc is an amount of the held asset in its units (BTC, or ETH for an ETH treasury); shares are counts; ltv, haircut
  // and sell_fraction are fractions; policy and basis are codes.
  const money = ["cash", "debt", "preferred", "share_price", "loan", "monthly_burn", "cash_costs", "other_income", "debt_service", "min_cash"];
  const asset = ["btc", "btc_start", "btc_end", "btc_mined"];
  unitless.push(...money, ...asset, "shares", "shares_start", "shares_end", "ltv", "haircut", "sell_fraction", "policy", "basis");
  // The after-tax and financing functions use the words their issue names (cash_flows, depreciation, cfads; a
  // DSCR is a ratio, rates are per year), with the treasury's share counts and money; codes and texts.
  unitless.push("cash_flows", "depreciation", "cfads", "convertible_debt", "basic_shares", "tax_rate", "annual_rate", "min_dscr");
  unitless.push("method", "loss_treatment", "repayment", "gpu_capex_timing");
  const withUnit = /(^|_)(usd|btc|kwh|kw|ths|ehs|th|mw|j_th|years|months|minutes|date|day|month|hour|monthly|annual|pct|pct_of_revenue|per_critical_it_mw)(_|$)/;
  for (const name of new Set(functions.flatMap((f) => f.parameters.map((p) => p.name)))) {
    if (!unitless.includes(name)) expect(name).toMatch(withUnit);
  }
});

test("every function has a help URL to its own reference page", () => {
  for (const f of functions) expect(f.helpUrl).toBe(`https://localhost:3000/help/${f.id}.html`);
});

/** The options a text argument lists when it is none of them (calc's lists, written here by hand). */
const OPTIONS: Record<string, string> = {
  policy: '"HOLD", "SELLALL" or "SELLPCT"',
  basis: '"EV" or "MCAP"',
  method: '"MACRS5", "MACRS7", "MACRS15", "SL39" or "SL"',
  loss_treatment: '"GROUP" or "NOL"',
};

/** What a parameter must be, as its error says: a number, a switch, or a table of numbers (the registry's kinds). */
function mustBe(name: string): string {
  const kind = (PARAMS as Record<string, { kind?: string }>)[name]?.kind;
  if (kind === "boolean") return "TRUE or FALSE (or 1 or 0)";
  if (kind === "pairs") return "a two-column range of numbers, a row each";
  return "a number";
}

test("a wrong argument's message names that argument, as Excel shows it, for every position", () => {
  for (const f of functions.filter((x) => x.id in CALLS)) {
    const { fn, valid } = CALLS[f.id];
    expect(valid).toHaveLength(f.parameters.length);
    f.parameters.forEach((p, i) => {
      const args = [...valid];
      args[i] = "oops";
      // A text option lists what it takes (the calc module's list, written here by hand); a column says it takes a column too.
      const { kind, series } = SIGNATURES[f.id as keyof typeof SIGNATURES][i] as { kind?: string; series?: string };
      const exact =
        kind === "text"
          ? `${p.name} must be one of ${OPTIONS[p.name]}; got "oops"`
          : kind === "column"
            ? `${p.name} must be a number or a one-column range, one value per ${series ?? "month"}; got text "oops"`
            : kind === "textOrColumn"
              ? `${p.name} must be one of "LEVEL" or "STRAIGHT", or a column of tenor_months payments; got "oops"`
              : undefined;
      const message = excelErrorOrNone(() => fn(...args))?.message ?? "";
      const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (exact !== undefined) expect(message).toBe(`${f.id}: ${exact}`);
      else expect(message).toMatch(new RegExp(`^${f.id}: ${p.name} must be ${quoted(mustBe(p.name))}.*got text "oops"$`));
    });
  }
});

test("an argument out of its range is refused under its public name, even where calc names it otherwise", () => {
  // -1e9 is outside every numeric parameter's range; the calc module checks it under its own field name.
  // But these: other cash income may be negative (a lease's capex), and a burn of 0 or less is valid with no runway
  // (#NUM!); cash flows and CFADS take any sign (a result, or #NUM! when an IRR has no answer); a number given as
  // repayment is a column of one payment, refused for its length.
  const anySign: Record<string, string> = { other_income: "any", monthly_burn: "#NUM!", cash_flows: "valid", cfads: "valid" };
  for (const f of functions.filter((x) => x.id in CALLS)) {
    const { fn, valid } = CALLS[f.id];
    f.parameters.forEach((p, i) => {
      if (p.name in anySign) {
        const args = [...valid];
        args[i] = -1e9;
        const e = excelErrorOrNone(() => fn(...args));
        if (anySign[p.name] === "valid") expect([f.id, p.name, e?.code]).not.toEqual([f.id, p.name, "#VALUE!"]);
        else expect([f.id, p.name, e?.code ?? "any"]).toEqual([f.id, p.name, anySign[p.name]]);
        return;
      }
      const args = [...valid];
      args[i] = -1e9;
      const e = excelErrorOrNone(() => fn(...args));
      expect([f.id, p.name, e?.code, e?.message]).toEqual([f.id, p.name, "#VALUE!", expect.stringMatching(new RegExp(`^${f.id}: ${p.name} must be `))]);
    });
  }
});

test("the metadata check names what Excel would refuse: a required argument after an optional one, a bad or repeated name, a streaming table", () => {
  const good = checkMetadata().metadata;
  const broken = JSON.parse(JSON.stringify(good));
  const costPerBtc = broken.functions.find((f: FunctionMeta) => f.id === "COSTPERBTC");
  costPerBtc.parameters.push({ name: "uptime", description: "Share of time", type: "any" }); // required, after optional ones
  broken.functions.find((f: FunctionMeta) => f.id === "HASHPRICE").id = "COSTPERBTC";
  broken.functions.find((f: FunctionMeta) => f.id === "SUBSIDY").name = "1SUBSIDY";
  broken.functions.find((f: FunctionMeta) => f.id === "HEIGHT").result = { dimensionality: "matrix" };
  const { problems } = checkMetadata(broken);
  expect(problems).toEqual([
    'function "SUBSIDY": a name starts with a letter and has only letters, digits, "." and "_", at most 128 characters',
    'function "COSTPERBTC": its id is used twice',
    'function "COSTPERBTC", parameter "uptime": a required parameter after an optional one (Excel refuses the add-in)',
    'function "HEIGHT": a streaming function returns a number',
  ]);
  expect(checkMetadata(good).problems).toEqual([]);
});

/** An example's arguments as a function receives them: a range as its rows. */
const asArgs = (args: ExampleArg[]) => args.map((a) => (typeof a === "object" ? a.rows : a));
const fnOf = (id: string): Fn => (id === TABLE_FUNCTION ? (fromTable as Fn) : CALLS[id].fn);

test("the registry documents every function once, each with an example", () => {
  expect(CATALOG.map((d) => d.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
  for (const d of CATALOG) labelled(d.id, () => expect(d.examples.length).toBeGreaterThan(0));
});

test("every example gives the result it states (so the reference cannot drift from the code)", () => {
  let checked = 0;
  // Live and fetched results come from the network: their examples run against the fake API (test/functions/live*.test.ts, history.test.ts).
  for (const d of CATALOG.filter((x) => x.shape !== "live" && x.shape !== "fetched")) {
    for (const { args, result } of d.examples) {
      labelled(d.id, () => expect(args.length).toBeLessThanOrEqual(SIGNATURES[d.id].length));
      let got = fnOf(d.id)(...asArgs(args));
      const table = /^a (\d+)×(\d+) table$/.exec(result);
      if (table) {
        const rows = got as unknown[][];
        expect([d.id, rows.length, rows[0].length]).toEqual([d.id, Number(table[1]), Number(table[2])]);
        checked++;
        continue;
      }
      if (d.id === TABLE_FUNCTION) got = (got as number[][])[0][0]; // a 1×1 array
      const decimals = (result.split(".")[1] ?? "").length;
      expect([d.id, result, Number((got as number).toFixed(decimals))]).toEqual([d.id, result, Number(result)]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(25);
});

test("each documented #NUM! case happens, with every argument list the reference gives for it", () => {
  let cases = 0;
  for (const d of CATALOG) {
    for (const c of d.noAnswer ?? []) {
      for (const args of c.args) {
        const error = excelErrorOrNone(() => fnOf(d.id)(...asArgs(args)));
        expect([d.id, c.when, args, error?.code]).toEqual([d.id, c.when, args, "#NUM!"]);
      }
      cases++;
    }
  }
  expect(cases).toBe(22);
});

test("a function whose reference lists no #NUM! case of its own gives #NUM! only beyond Excel's number range", () => {
  // Valid arguments with up to three replaced by edge values: zeros, whole fractions, large numbers.
  const edge = fc.constantFrom(0, 1, 0.5, 1e-9, 2, 50, 1e6, 1e15);
  const undocumented = CATALOG.filter((d) => d.id in CALLS && !d.noAnswer?.length).map((d) => d.id);
  expect(undocumented.length).toBeGreaterThan(5);
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

test("docs/functions.md and the help pages are generated from the registry (run: node scripts/help-pages.js docs)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderMarkdown, renderHelpPages, DOCS_FILE } = require("../../scripts/help-pages.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs");
  expect(fs.readFileSync(DOCS_FILE, "utf8")).toBe(renderMarkdown({ functions }, "MINER"));
  const pages: Record<string, string> = renderHelpPages({ functions }, "MINER");
  expect(Object.keys(pages).sort()).toEqual([...functions.map((f) => `${f.id}.html`), "index.html"].sort());
  for (const d of CATALOG) {
    const html = pages[`${d.id}.html`];
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect([d.id, headings]).toEqual([d.id, ["Arguments", "Result", "How it is calculated", "Examples", "Errors"]]);
    // Every #NUM! case is on the page, with a formula that reaches it.
    for (const c of d.noAnswer ?? []) labelled(d.id, () => expect(html).toContain(`#NUM! when ${c.when}, e.g. =MINER.${d.id}(`));
  }
  // A function Excel knows but the registry does not document fails the build.
  expect(() => renderHelpPages({ functions: [...functions, { id: "NEWFUNCTION" }] }, "MINER")).toThrow(/no documentation .* for NEWFUNCTION/);
});
