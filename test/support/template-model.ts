/**
 * The inserted template model, as the formula-engine suites use it: one workbook and one engine per
 * suite, each scenario typed over the defaults (see `scenarios`), and the small readers they share.
 * A test file using it must still mock office-addin-manifest itself (jest.mock is per file).
 */
import type { MiningPlan } from "../../src/calc/mining-schedule";
import { insertModel } from "../../src/taskpane/insert-model";
import { PHASE_TABLE, PHASES_RANGE, TIER_TABLE } from "../../src/template/lease-sheet";
import { MINING_RESULTS } from "../../src/template/mining-sheet";
import { Evaluated, scenarios } from "../../scripts/formula-engine";
import { FakeExcel, fakeExcel } from "../taskpane/fake-excel";
import { hyperformula } from "../../scripts/hyperformula";

const { DetailedCellError } = hyperformula;

/**
 * The Risk sheet at the fewest paths it takes, for suites that check the deterministic sheets: each
 * recalculation would otherwise wait on 10,000-path simulations (risk-sheet.test.ts checks the Risk
 * sheet at its defaults).
 */
export const QUICK_RISK = { Sim_Paths: 100 };

/** The cell a workbook name points at, as "Sheet!B5" for the engine. */
export function cellOf(xl: FakeExcel, name: string): string {
  return (xl.names.get(name) as string).slice(1).replace(/\$/g, "");
}

/** A cell's number, or an error saying what the cell holds instead. */
export function num(e: Evaluated, address: string): number {
  const v = e.value(address);
  if (typeof v !== "number") throw new Error(`${address} is ${v instanceof DetailedCellError ? `${v.value} ${v.message}` : String(v)}`);
  return v;
}

/**
 * A suite's `model(inputs)`: the inserted model with `inputs` (a workbook name, or a cell such as
 * `phase(2, "mw")` of the phases table) typed over its defaults. The workbook is inserted and
 * loaded once; each call puts back whatever an earlier one typed, so every scenario starts from the
 * defaults, as a freshly inserted model would.
 */
export function templateModel(): (inputs?: Record<string, number | string | boolean>) => Promise<{ xl: FakeExcel; e: Evaluated }> {
  let inserted: Promise<{ xl: FakeExcel; scenario: ReturnType<typeof scenarios> }> | undefined;
  return async (inputs = {}) => {
    inserted ??= (async () => {
      const xl = fakeExcel();
      await insertModel(xl.context);
      return { xl, scenario: scenarios(xl) };
    })();
    const { xl, scenario } = await inserted;
    const typed = Object.entries(inputs).map(([name, value]) => [name.includes("!") ? name : cellOf(xl, name), value]);
    return { xl, e: scenario(Object.fromEntries(typed)) };
  };
}

/** A cell of the Lease vs Mine sheet, as the engine addresses it. */
export const LEASE = (cell: string) => `'Lease vs Mine'!${cell}`;
/** A result of the Mining sheet, as the engine addresses it. */
export const MINING = (key: (typeof MINING_RESULTS.rows.keys)[number]) => `Mining!${MINING_RESULTS.cell(key)}`;
/** Phase `i`'s build months or MW (0 = the first phase), as the engine addresses it. */
export const phase = (i: number, key: "buildMonths" | "mw") => LEASE(PHASE_TABLE.cell(key, i));
/** Tax band `i`'s start or rate, as the engine addresses it. */
export const tier = (i: number, key: "start" | "rate") => LEASE(TIER_TABLE.cell(key, i));

/** The filled rows of a two-column table on the Lease vs Mine sheet (e.g. the phases), as numbers; blank rows add nothing. */
export function leaseTableRows(e: Evaluated, range: string): number[][] {
  const [top, bottom] = range.split(":").map((a) => Number(a.slice(1)));
  const rows: number[][] = [];
  for (let r = top; r <= bottom; r++) {
    const [a, b] = [e.value(LEASE(`A${r}`)), e.value(LEASE(`B${r}`))];
    if ((a === null || a === "") && (b === null || b === "")) continue;
    rows.push([a as number, b as number]);
  }
  return rows;
}

/** The mining plan the workbook's inputs describe, by their names, as the calc module takes it (the horizon is the caller's). */
export function miningSiteOf(xl: FakeExcel, e: Evaluated): Omit<MiningPlan, "months"> {
  const v = (name: string) => num(e, cellOf(xl, name));
  return {
    site_mw: v("Site_MW"),
    efficiency_j_th: v("Efficiency_J_TH"),
    pue: v("Site_PUE"),
    power_price_kwh: v("Power_Price_kWh"),
    btc_price: v("BTC_Price_USD"),
    difficulty: v("Difficulty_Now"),
    start_height: v("Start_Height"),
    fees_btc_per_block: v("Fees_BTC_per_Block"),
    pool_fee: v("Pool_Fee"),
    uptime: v("Uptime"),
    difficulty_growth_monthly: v("Difficulty_Growth_Monthly"),
    btc_price_growth_monthly: v("BTC_Price_Growth_Monthly"),
    opex_usd_per_mw_month: v("Site_Opex_USD_per_MW_Month"),
    refresh_capex_usd_per_th: v("Refresh_Capex_USD_per_TH"),
    refresh_every_months: v("Refresh_Every_Months"),
    switch_off_below_cost: v("Switch_Off_Below_Cost"),
    salvage_pct: v("Salvage_Pct"),
    energy_tax_usd_per_kwh: v("Energy_Tax_USD_per_kWh"),
    difficulty_includes_fleet: v("Difficulty_Includes_Fleet"),
    idle_opex_pct: v("Idle_Opex_Pct"),
    // TRUE or 1, as the cell holds it: the functions take either
    stop_for_good: e.value(cellOf(xl, "Stop_For_Good")) === true || v("Stop_For_Good"),
    fleet_resale_usd_per_th: v("Fleet_Resale_USD_per_TH"),
    // blank is no floor
    hashprice_floor_usd_per_ph_day: [null, ""].includes(e.value(cellOf(xl, "Hashprice_Floor_USD_per_PH_Day")) as null) ? undefined : v("Hashprice_Floor_USD_per_PH_Day"),
    energy_tax_start_month: v("Energy_Tax_Start_Month"),
  };
}

/** The lease terms the workbook's inputs and phases describe, as the calc module takes them. */
export function leaseTermsOf(xl: FakeExcel, e: Evaluated) {
  const v = (name: string) => num(e, cellOf(xl, name));
  return {
    rate_usd_per_kw_month: v("Lease_Rate_USD_per_kW_Month"),
    term_years: v("Lease_Term_Years"),
    escalator: v("Lease_Escalator"),
    capex_usd_per_mw: v("Conversion_Capex_USD_per_MW"),
    opex_pct_of_revenue: v("Lease_Opex_Pct_of_Revenue"),
    exit_cap_rate: v("Exit_Cap_Rate"),
    rent_timing: v("Rent_Timing"),
    capex_timing: v("Capex_Timing"),
    phases: leaseTableRows(e, PHASES_RANGE),
    tenant_default_annual: v("Tenant_Default_Annual"),
    default_recovery_pct: v("Default_Recovery_Pct"),
  };
}
