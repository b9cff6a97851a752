/*
 * MINER.FROMTABLE: any MINER function that takes numbers, with its arguments given as named rows
 * of up to three two-column ranges (name, value) instead of by position, so that a model points a
 * function at its labelled assumptions. The rows become the function's positional arguments and
 * the function runs exactly as if they were typed, errors included.
 */
import { InvalidArgumentError } from "../calc/errors";
import * as costs from "./costs";
import * as lease from "./lease";
import * as mining from "./mining";
import * as energyTax from "./energy-tax";
import * as gpuCloud from "./gpu-cloud";
import * as protocol from "./protocol";
import * as revenue from "./revenue";
import * as risk from "./risk";
import { FunctionId, mustBeGiven, Param, SIGNATURES } from "./params";
import * as treasury from "./treasury";
import { toExcelError } from "./excel";

/** An adapter's bodiless overload (its parameter types vary: a table is any[][]). */
type Adapter = (...args: never[]) => unknown;

/** The functions FROMTABLE runs: every MINER function but the live ones (and itself). */
export const TABLE_FUNCTIONS: Partial<Record<FunctionId, Adapter>> = {
  SUBSIDY: protocol.subsidy,
  NEXTHALVING: protocol.nextHalving,
  NETWORKHASHRATE: protocol.networkHashrate,
  DIFFICULTYFORHASHRATE: protocol.difficultyForHashrate,
  BTCPERDAY: revenue.btcPerDay,
  HASHPRICE: revenue.hashprice,
  COSTPERBTC: costs.costPerBtc,
  ALLINCOSTPERBTC: costs.allInCost,
  COSTBREAKDOWN: costs.costBreakdown,
  BREAKEVENPRICE: costs.breakevenPrice,
  BREAKEVENPOWER: costs.breakevenPower,
  BREAKEVENHASHPRICE: costs.breakevenHashprice,
  PAYBACKMONTHS: costs.paybackMonths,
  ENERGYTAX: energyTax.energyTax,
  LEASENPV: lease.leaseNpvFn,
  LEASEIRR: lease.leaseIrrFn,
  LEASECASHFLOWS: lease.leaseCashFlowsFn,
  MININGCASHFLOWS: mining.miningCashFlowsFn,
  MININGNPV: mining.miningNpvFn,
  CONVERSIONVALUE: mining.conversionValueFn,
  CONVERSIONBREAKEVEN: mining.conversionBreakevenFn,
  MWECONOMICS: mining.mwEconomicsFn,
  GPUCLOUDNPV: gpuCloud.gpuCloudNpvFn,
  GPUCLOUDIRR: gpuCloud.gpuCloudIrrFn,
  GPUCLOUDCASHFLOWS: gpuCloud.gpuCloudCashFlowsFn,
  PRICEQUANTILES: risk.priceQuantilesFn,
  MININGNPVDIST: risk.miningNpvDistFn,
  CONVERSIONDIST: risk.conversionDistFn,
  VOLATILITY: risk.volatilityFn,
  BTCPERSHARE: treasury.btcPerShareFn,
  BTCYIELD: treasury.btcYieldFn,
  BTCGAIN: treasury.btcGainFn,
  MNAV: treasury.mnavFn,
  NAVPERSHARE: treasury.navPerShareFn,
  LTV: treasury.ltvFn,
  LTVPRICE: treasury.ltvPriceFn,
  RUNWAYMONTHS: treasury.runwayMonthsFn,
  TREASURYCASHFLOWS: treasury.treasuryCashFlowsFn as Adapter,
};

const TABLE_ARGS = ["assumptions", "assumptions_2", "assumptions_3"];

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `a ${v.length}×${Array.isArray(v[0]) ? v[0].length : 1} range`;
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** The function named, case-insensitively, with or without "MINER.". */
function functionNamed(raw: unknown): FunctionId {
  const name = Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) ? raw[0][0] : raw;
  const id =
    typeof name === "string"
      ? name
          .trim()
          .toUpperCase()
          .replace(/^MINER\./, "")
      : "";
  if (!(id in TABLE_FUNCTIONS)) {
    const allowed = Object.keys(TABLE_FUNCTIONS).join(", ");
    throw new InvalidArgumentError(
      "function_name",
      `the name of a MINER function that takes numbers: ${allowed}`,
      describe(name),
    );
  }
  return id as FunctionId;
}

const listed = (params: readonly Param[]) => params.map((p) => (mustBeGiven(p) ? p.name : `[${p.name}]`)).join(", ");

interface Given {
  value: unknown;
  table: string;
}

/**
 * The rows of every table given, by parameter name; checks names, shapes and duplicates. A list
 * (quantiles, values) takes one value a row: its name on the first row, then rows with no name,
 * which continue it (a column of values, as the function would take it).
 */
function readTables(id: FunctionId, params: readonly Param[], tables: unknown[]): Map<string, Given> {
  const byName = new Map(params.map((p) => [p.name.toLowerCase(), p]));
  const given = new Map<string, Given>();
  tables.forEach((table, t) => {
    const arg = TABLE_ARGS[t];
    const cells = Array.isArray(table) ? table.flat() : [table];
    if (t > 0 && cells.every(isBlank)) return; // an extra table omitted, or an empty range
    if (!Array.isArray(table) || table.some((row) => !Array.isArray(row) || row.length !== 2)) {
      throw new InvalidArgumentError(arg, "a two-column range of names and values", describe(table));
    }
    let list: unknown[][] | undefined; // the list the rows with no name continue
    (table as unknown[][]).forEach(([label, value], i) => {
      if (isBlank(label) && isBlank(value)) return;
      if (isBlank(label) && list) {
        list.push([value]);
        return;
      }
      list = undefined;
      if (typeof label !== "string" || label.trim() === "") {
        const lists = params.filter((p) => p.kind === "list").map((p) => p.name);
        const hint = lists.length ? ` (only a list, ${lists.join(" or ")}, continues on rows with no name)` : "";
        throw new InvalidArgumentError(arg, `a two-column range of names and values; row ${i + 1} has no name${hint}`);
      }
      const p = byName.get(label.trim().toLowerCase());
      if (!p) {
        throw new InvalidArgumentError(
          arg,
          `a two-column range using only ${id}'s names: ${listed(params)}`,
          `"${label}" in row ${i + 1}`,
        );
      }
      const before = given.get(p.name);
      if (before) {
        const where = before.table === arg ? "twice" : `in ${before.table} and ${arg}`;
        throw new InvalidArgumentError(arg, "a range naming each input once across the tables", `"${p.name}" ${where}`);
      }
      if (p.kind === "list") {
        list = [[value]];
        given.set(p.name, { value: list, table: arg });
      } else given.set(p.name, { value, table: arg });
    });
  });
  const blankValue = (v: unknown) => (Array.isArray(v) ? v.every((row) => isBlank(row[0])) : isBlank(v));
  const missing = params.find((p) => mustBeGiven(p) && blankValue(given.get(p.name)?.value));
  if (missing) {
    throw new InvalidArgumentError(
      "assumptions",
      `tables that give every required input of ${id}: ${listed(params)}`,
      `no value for ${missing.name}`,
    );
  }
  return given;
}

// MINER.FROMTABLE: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Runs a MINER function on arguments given as named rows of one to three tables (name, value), so a model can point it at its assumptions.
 * @customfunction FROMTABLE
 * @param function_name Name of the MINER function to run, e.g. "COSTPERBTC" (text; any MINER function but the live ones).
 * @param assumptions Two-column range: the function's parameter names, then their values (range; blank rows skipped; a blank value takes the default).
 * @param [assumptions_2] Another two-column range of names and values, e.g. a scenario's (range; as assumptions; a name may appear in one table only).
 * @param [assumptions_3] A third two-column range of names and values (range; as assumptions; a name may appear in one table only).
 * @returns What the named function returns: its number (a 1×1 array) or its table.
 * @helpurl https://localhost:3000/help/FROMTABLE.html
 */
export function fromTable(
  function_name: unknown,
  assumptions: any[][],
  assumptions_2?: any[][],
  assumptions_3?: any[][],
): any[][];
export function fromTable(...args: unknown[]): any[][] {
  const [functionName, ...tables] = args.slice(0, 1 + TABLE_ARGS.length);
  let id: FunctionId;
  let positional: unknown[];
  try {
    id = functionNamed(functionName);
    const params = SIGNATURES[id];
    const given = readTables(id, params, tables);
    positional = params.map((p) => given.get(p.name)?.value ?? null);
  } catch (e) {
    throw toExcelError("FROMTABLE", e, SIGNATURES.FROMTABLE);
  }
  // The function's own errors (named for it: "LEASENPV: term_years must be ...") pass through.
  const result = (TABLE_FUNCTIONS[id] as unknown as (...args: unknown[]) => unknown)(...positional);
  return Array.isArray(result) ? result : [[result]];
}
