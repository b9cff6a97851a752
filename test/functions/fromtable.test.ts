/*
 * MINER.FROMTABLE: any function that takes numbers, fed by named rows of up to three tables. It
 * must give exactly what the positional call gives, errors included, and refuse a table it cannot
 * read with a message that lists the names it takes.
 */
import fc from "fast-check";
import { fromTable as fromTableFn } from "../../src/functions/fromtable";
import { CALCULATED } from "../../src/functions/calculated";
import { SIGNATURES } from "../../src/functions/params";
import { CALLS, CONVERSION_ARGS, Fn, tableOf as tableOfArgs } from "../support/calls";
import { excelError, excelErrorOrNone } from "../support/errors";

const fromTable = fromTableFn as Fn;
type Row = [unknown, unknown];
/** A two-column table of a function's parameter names and the values of an argument list (a list on rows of its own). */
const tableOf = (id: string, args: unknown[]): Row[] => tableOfArgs(id, args) as Row[];
/** What a call gives: its value, or its Excel error's code and message. */
const outcome = (call: () => unknown) => {
  const e = excelErrorOrNone(call);
  return e ? { code: e.code, message: e.message } : { value: call() };
};

const LEASE: Row[] = [
  ["critical_it_mw", 200],
  ["RATE_USD_PER_KW_MONTH", 150],
  [" term_years ", 15],
  ["discount_rate", 0.1],
  ["escalator", 0.03],
  ["capex_usd_per_critical_it_mw", 9e6],
  ["", ""],
  ["lease_opex_pct_of_revenue", 0.15],
  ["build_months", 12],
];
const LEASE_NPV = 804_098_155.71; // the positional example, 200 MW at $150/kW-month for 15 years

test("runs every function that takes numbers, and gives exactly its positional result", () => {
  expect(Object.keys(CALCULATED).sort()).toEqual(Object.keys(CALLS).sort());
  for (const [id, { fn, valid }] of Object.entries(CALLS)) {
    const positional = fn(...valid);
    const viaTable = fromTable(id, tableOf(id, valid));
    expect([id, viaTable]).toEqual([id, Array.isArray(positional) ? positional : [[positional]]]);
  }
});

test("names match case-insensitively and with spaces trimmed; blank rows are skipped; 'MINER.' and any case name the function", () => {
  const [[npv]] = fromTable("miner.leasenpv", LEASE) as number[][];
  expect(npv).toBeCloseTo(LEASE_NPV, 2);
  expect(fromTable(" LeaseNPV ", LEASE)).toEqual([[npv]]);
});

test("an omitted optional name, or a blank value, takes the default; order of rows does not matter", () => {
  const required: Row[] = [["discount_rate", 0.1], ["term_years", 15], ["rate_usd_per_kw_month", 150], ["critical_it_mw", 200]];
  const positional = CALLS.LEASENPV.fn(200, 150, 15, 0.1);
  expect(fromTable("LEASENPV", required)).toEqual([[positional]]);
  expect(fromTable("LEASENPV", [...required, ["escalator", null], ["build_months", ""]])).toEqual([[positional]]);
});

test("up to three tables: one site table shared by MININGNPV (with a horizon) and CONVERSIONVALUE (with a lease)", () => {
  const site = SIGNATURES.MININGNPV.filter((p) => !["months", "discount_rate"].includes(p.name));
  // The site, how it is mined, and the later mining inputs (switch-off, salvage, energy tax, fleet share).
  // ... and the fleet's life and the network's (idle opex, stop for good, resale, difficulty path, floor), and the energy tax's start.
  const parts = <T,>(list: readonly T[]) => [...list.slice(0, 7), ...list.slice(10, 18), ...list.slice(23, 27), ...list.slice(32, 38)];
  const siteArgs = parts(CALLS.CONVERSIONVALUE.valid);
  const siteTable: Row[] = site.map((p, i) => [p.name, siteArgs[i]]);
  expect(siteTable.map(([n]) => n)).toEqual(parts(SIGNATURES.CONVERSIONVALUE).map((p) => p.name));
  const horizon: Row[] = [["months", 60], ["discount_rate", 0.12]];
  const leaseTable: Row[] = [
    ["discount_rate", 0.12],
    ["rate_usd_per_kw_month", 150],
    ["term_years", 10],
    ["escalator", 0.03],
    ["conversion_capex_usd_per_critical_it_mw", 9e6],
    ["conversion_months", 12],
    ["lease_opex_pct_of_revenue", 0.15],
    ["site_mw_per_critical_it_mw", 1.4],
  ];
  expect(fromTable("MININGNPV", siteTable, horizon)).toEqual([[CALLS.MININGNPV.fn(...CALLS.MININGNPV.valid)]]);
  expect(fromTable("CONVERSIONVALUE", siteTable, leaseTable)).toEqual([[CALLS.CONVERSIONVALUE.fn(...CONVERSION_ARGS)]]);
  expect(fromTable("MWECONOMICS", siteTable, null, leaseTable)).toEqual(CALLS.MWECONOMICS.fn(...CONVERSION_ARGS));
  // An omitted or empty extra table adds nothing.
  expect(fromTable("LEASENPV", LEASE, null, [[null, null], [null, null]])).toEqual(fromTable("LEASENPV", LEASE));
});

test("an unknown, repeated (in one table or across tables) or missing name is #VALUE! listing the function's names", () => {
  const unknown = excelError(() => fromTable("LEASENPV", [...LEASE, ["rent", 5]]));
  expect(unknown.code).toBe("#VALUE!");
  expect(unknown.message).toBe(
    'FROMTABLE: assumptions must be a two-column range using only LEASENPV\'s names: critical_it_mw, rate_usd_per_kw_month, term_years, discount_rate, [escalator], [capex_usd_per_critical_it_mw], [lease_opex_pct_of_revenue], [build_months], [exit_cap_rate], [rent_timing], [capex_timing], [phases], [tenant_default_annual], [default_recovery_pct]; got "rent" in row 10',
  );
  expect(excelError(() => fromTable("LEASENPV", [...LEASE, ["Escalator", 0.02]])).message).toBe(
    'FROMTABLE: assumptions must be a range naming each input once across the tables; got "escalator" twice',
  );
  expect(excelError(() => fromTable("LEASENPV", LEASE, [["escalator", 0.02]])).message).toBe(
    'FROMTABLE: assumptions_2 must be a range naming each input once across the tables; got "escalator" in assumptions and assumptions_2',
  );
  expect(excelError(() => fromTable("LEASENPV", LEASE.filter(([k]) => k !== "discount_rate"))).message).toBe(
    "FROMTABLE: assumptions must be tables that give every required input of LEASENPV: critical_it_mw, rate_usd_per_kw_month, term_years, discount_rate, [escalator], [capex_usd_per_critical_it_mw], [lease_opex_pct_of_revenue], [build_months], [exit_cap_rate], [rent_timing], [capex_timing], [phases], [tenant_default_annual], [default_recovery_pct]; got no value for discount_rate",
  );
  expect(excelError(() => fromTable("LEASENPV", [...LEASE.slice(0, 3), ["discount_rate", ""]])).message).toMatch(/got no value for discount_rate$/);
  // The old name of a renamed parameter is refused, not silently ignored.
  expect(excelError(() => fromTable("LEASENPV", [...LEASE.slice(0, 5), ["capex_usd_per_mw", 9e6]])).message).toMatch(/got "capex_usd_per_mw" in row 6$/);
});

test("a range that is not two columns, a row without a name, or an unknown function is #VALUE!", () => {
  expect(excelError(() => fromTable("LEASENPV", [[1, 2, 3]])).message).toBe("FROMTABLE: assumptions must be a two-column range of names and values; got a 1×3 range");
  expect(excelError(() => fromTable("LEASENPV", 200)).message).toBe("FROMTABLE: assumptions must be a two-column range of names and values; got 200");
  expect(excelError(() => fromTable("LEASENPV", [...LEASE, [null, 5]])).message).toBe("FROMTABLE: assumptions must be a two-column range of names and values; row 10 has no name");
  expect(excelError(() => fromTable("LEASENPV", LEASE, [[1, 2, 3]])).message).toMatch(/^FROMTABLE: assumptions_2 must be a two-column range/);
  const unknown = excelError(() => fromTable("NPV", LEASE));
  expect(unknown.code).toBe("#VALUE!");
  expect(unknown.message).toMatch(/^FROMTABLE: function_name must be the name of a MINER function that takes numbers: SUBSIDY, .*CONVERSIONTIMING, MWECONOMICS, GPUCLOUDNPV, GPUCLOUDIRR, GPUCLOUDCASHFLOWS, PRICEQUANTILES, MININGNPVDIST, CONVERSIONDIST, CONVERSIONOPTION, VOLATILITY, BTCPERSHARE, .*TREASURYCASHFLOWS, DEPRECIATION, AFTERTAXCASHFLOWS, DEBTCAPACITY, LOANSCHEDULE, EQUITYIRR; got "NPV"$/);
  // The live functions and FROMTABLE itself are not run from a table.
  for (const id of ["BTCPRICE", "FROMTABLE", 42]) expect(excelError(() => fromTable(id, LEASE)).message).toMatch(/function_name must be/);
});

test("a list (quantiles, values) is its name's row and the rows with no name below it, as the function takes a column", () => {
  const pq: Row[] = [
    ["btc_price", 91_000],
    ["btc_price_growth_monthly", 0.01],
    ["price_vol_annual", 0.5],
    ["months", 24],
    ["quantiles", 0.1],
    [null, 0.5],
    ["", ""],
    [null, 0.9],
    ["paths", 100],
    ["seed", 7],
  ];
  expect(fromTable("PRICEQUANTILES", pq)).toEqual(CALLS.PRICEQUANTILES.fn(91_000, 0.01, 0.5, 24, [[0.1], [0.5], [0.9]], 100, 7));
  // One value is a list of one.
  const single = pq.filter(([k, v]) => k !== null && v !== "");
  expect(fromTable("PRICEQUANTILES", single)).toEqual(CALLS.PRICEQUANTILES.fn(91_000, 0.01, 0.5, 24, 0.1, 100, 7));
  expect(fromTable("VOLATILITY", [["values", 100], [null, 200], [null, 100], [null, 200], ["periods_per_year", 12]])).toEqual([[4 * Math.log(2)]]);
  // A row with no name continues only a list.
  expect(excelError(() => fromTable("PRICEQUANTILES", [...pq.slice(0, 4), [null, 0.2], ...pq.slice(4)])).message).toMatch(/row 5 has no name \(only a list, quantiles, continues on rows with no name\)$/);
  // A required list left out is missing.
  expect(excelError(() => fromTable("PRICEQUANTILES", pq.filter(([k, v]) => k !== "quantiles" && !(k === null && typeof v === "number")))).message).toMatch(/got no value for quantiles$/);
});

test("a value the function refuses is the function's own #VALUE!, naming the argument as its parameter", () => {
  const text: Row[] = [["critical_it_mw", "two hundred"], ["rate_usd_per_kw_month", 1], ["term_years", 1], ["discount_rate", 0]];
  expect(excelError(() => fromTable("LEASENPV", text)).message).toBe('LEASENPV: critical_it_mw must be a number; got text "two hundred"');
  const badFee: Row[] = tableOf("COSTPERBTC", CALLS.COSTPERBTC.valid).map(([k, v]) => [k, k === "pool_fee" ? 1.2 : v]);
  expect(excelError(() => fromTable("COSTPERBTC", badFee)).message).toBe("COSTPERBTC: pool_fee must be a fraction from 0 to 1 (0.02 = 2%); got 1.2");
  const noSubsidy = excelError(() => fromTable("LEASEIRR", [["critical_it_mw", 200], ["rate_usd_per_kw_month", 150], ["term_years", 15]]));
  expect([noSubsidy.code, noSubsidy.message]).toEqual(["#NUM!", expect.stringMatching(/^LEASEIRR: /)]);
});

test("with any values in the rows (no blanks), FROMTABLE gives what the positional call gives, errors included", () => {
  const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, 1, -1, 0.5, 1e15, "x", true), fc.integer({ min: -10, max: 2_000_000 }));
  for (const [id, { fn, valid }] of Object.entries(CALLS)) {
    const heavy = /LEASE|MINING|CONVERSION|MWECONOMICS|PAYBACK/.test(id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), value), { maxLength: 3 }), (changes) => {
        const args = [...valid];
        for (const [i, v] of changes) args[i] = v;
        const positional = outcome(() => fn(...args));
        const viaTable = outcome(() => fromTable(id, tableOf(id, args)));
        const expected = "value" in positional && !Array.isArray(positional.value) ? { value: [[positional.value]] } : positional;
        expect([id, args, viaTable]).toEqual([id, args, expected]);
      }),
      { numRuns: heavy ? 25 : 150 },
    );
  }
});
