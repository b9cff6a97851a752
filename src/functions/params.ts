/**
 * The registry of MINER's public parameters: each written once (name, description, unit, limits,
 * example, default), and each function's parameter list composed from them, in the order Excel
 * shows them. From these entries and catalog.ts come Excel's functions.json (metadata.ts), the
 * argument reader (read.ts, which checks each argument against its limits), the help pages,
 * docs/functions.md and the template's assumptions tables.
 *
 * Rules (CONTRIBUTING.md): one name has one meaning; a quantity's unit is in its name (currency
 * USD; a rate without a period in its name is per year; fractions are decimals, 0.02 = 2%). A
 * parameter without a default is required. After 1.0 a list only ever grows at its end.
 */
import {
  allowedWords,
  ANY,
  BUILD_MONTHS,
  BURN,
  CAPEX_TIMING,
  CORRELATION,
  DEPRECIATION_YEARS,
  DIFFICULTY,
  DIFFICULTY_PATH,
  ENERGY_TAX_START,
  FIRST_MONTH,
  FRACTION,
  GPU_CAPEX_TIMING,
  HASHPRICE_FLOOR,
  HAIRCUT,
  Limits,
  longestOf,
  LTV,
  MONTH_OF_YEAR,
  NON_NEGATIVE,
  PATH_MONTHS,
  PATHS,
  PHASES,
  POSITIVE,
  PRICE_DECLINE,
  PUE,
  QUANTILES,
  RangeKind,
  RATE,
  REFRESH_MINUTES,
  RENT_TIMING,
  SCHEDULE_COLUMN_CELLS,
  SCHEDULE_MONTHS,
  SEED,
  SITE_RATIO,
  SUBSIDY,
  TAX_BANDS,
  TERM_YEARS,
  VOLATILITY,
  VOLATILITY_VALUES,
  WHOLE_NON_NEGATIVE,
} from "../calc/limits";

/**
 * How an argument arrives and is read (read.ts). "number" unless said: "text" (a code or name),
 * "range" (FROMTABLE's two-column table of names and values), "column" (a number, or one value
 * per month in a one-column range), "boolean" (TRUE/FALSE, or 1/0), "pairs" (a two-column range
 * of numbers, a row each), "list" (a row or column of numbers) or "textOrColumn" (a code, or a
 * column of numbers in its place: LOANSCHEDULE's repayment). Ranges, columns, pairs, lists and
 * codes-or-columns are declared as matrices, so Excel hands the function the whole range instead
 * of calling it once per cell.
 */
export type Kind = "text" | "range" | "column" | "boolean" | "pairs" | "list" | "textOrColumn";

/** A public parameter of one or more MINER functions. */
export interface Param {
  /** The name Excel shows, with its unit. */
  readonly name: string;
  /** What it is, in a few words; Excel's tooltip adds the unit, the allowed values and the default. */
  readonly description: string;
  readonly unit: string;
  /** The values accepted, in words: the limits' words, then the note (never written by hand). */
  readonly allowed: string;
  /**
   * What a number may be (each value of a column): checked by the reader under the public name,
   * and by calc for direct callers, from the same data (src/calc/limits.ts).
   */
  readonly limits?: Limits;
  readonly example: number | string | boolean;
  /** What an omitted or blank argument means. Without one (and without `optional`) it is required. */
  readonly default?: number | string | boolean;
  /** Optional with nothing in its place (an extra assumptions table, a table with a built-in default). */
  readonly optional?: true;
  /** For an optional parameter without a single default value: what a blank argument means. */
  readonly blank?: string;
  readonly kind?: Kind;
  /**
   * A column whose values are the series itself (cash_flows one value per month, depreciation one
   * per year): its length is the function's number of months or years, so a single number is a
   * series of one value. Without it a column is a number for every month, or one value per month.
   */
  readonly series?: "month" | "year";
  /**
   * A list's blank cells: skipped anywhere ("skip", a row of quantiles) or only at its ends
   * ("ends", a time series, where a gap would join two periods). A column's: "trailing", those
   * after its last value are not read (a range selected past the end of its values).
   */
  readonly blanks?: "skip" | "ends" | "trailing";
  /**
   * A list of a range whose first filled cell may be text: its heading, skipped (a column selected
   * with its heading, or MINER.HISTORY's value column).
   */
  readonly heading?: true;
  /**
   * Required, but placed after optional parameters, where Excel's metadata cannot say so: Excel
   * refuses to load an add-in whose metadata has a required parameter after an optional one
   * (OfficeDev/office-js issue #1749; Microsoft's manifest reference for custom functions: "A
   * required parameter can't follow an optional parameter"). So it is optional in the metadata
   * (shown in brackets) and an omitted or blank one is #VALUE! saying it is required.
   */
  readonly afterOptional?: true;
  /** The calc module's name for this input where it differs (calc keeps its own field names). */
  readonly field?: string;
  /** Further calc names a calc error may use for this input (a conversion's lease terms). */
  readonly reportedAs?: readonly string[];
}

/** A registry entry as written: its name is its key; `allowed` comes from the limits and the note. */
type Entry = Omit<Param, "name" | "allowed"> & {
  /** Words after the limits' own ("0.02 = 2%", what a #NUM! beyond them means), or all the words of a non-number. */
  readonly note?: string;
};

/** A registry entry with its name and its words. */
type Named<K extends string, E extends Entry> = Param & Omit<E, "note"> & { readonly name: K };

/** Whether arguments of this kind are ranges, with a longest length (limits.ts: LONGEST). */
export const isRangeKind = (kind: Kind | undefined): kind is RangeKind =>
  kind === "column" || kind === "list" || kind === "pairs" || kind === "range";

/** The longest range a parameter takes (its limits' maxLength, or its kind's); undefined for a single value. */
export function longestRange(p: Pick<Param, "kind" | "limits">): number | undefined {
  return isRangeKind(p.kind) ? longestOf(p.kind, p.limits) : undefined;
}

/** What a range's length is counted in: a table's rows, or a row's or column's values. */
export const lengthUnit = (kind: RangeKind): string => (kind === "pairs" || kind === "range" ? "rows" : "values");

/**
 * The words for an entry's values: its limits' words, its note, and the longest range it takes (a
 * column's is said where the function takes a column: `byMonthNote`).
 */
export function allowedOf(e: Pick<Entry, "limits" | "note" | "kind">): string {
  const words = e.limits ? allowedWords(e.limits) : "";
  const values = words ? `${words}${e.note ?? ""}` : (e.note ?? "");
  const longest = e.kind === "column" ? undefined : longestRange(e);
  if (longest === undefined || !isRangeKind(e.kind)) return values;
  const length = `at most ${longest.toLocaleString("en-US")} ${lengthUnit(e.kind)}`;
  return values ? `${values}; ${length}` : length;
}

/**
 * Names the entries by their keys, so that each name is written once, and writes each entry's
 * allowed values from its limits. The entries keep their literal types, so the reader can type
 * what it reads (read.ts).
 */
function define<const E extends Record<string, Entry>>(entries: E): { [K in keyof E & string]: Named<K, E[K]> } {
  const out: Record<string, Param> = {};
  for (const [name, { note, ...entry }] of Object.entries(entries)) {
    out[name] = { name, ...entry, allowed: allowedOf({ limits: entry.limits, note, kind: entry.kind }) };
  }
  return out as { [K in keyof E & string]: Named<K, E[K]> };
}

export const PARAMS = define({
  // The chain.
  height: { description: "Block height", unit: "blocks", limits: WHOLE_NON_NEGATIVE, example: 840_000 },
  start_height: {
    description: "Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month",
    unit: "blocks",
    limits: WHOLE_NON_NEGATIVE,
    example: 925_000,
  },
  hashrate_ehs: { description: "Network hashrate", unit: "EH/s", limits: POSITIVE, example: 1100 },
  difficulty: {
    description: "Network difficulty now, or in month 1 of a schedule",
    unit: "dimensionless",
    limits: DIFFICULTY,
    example: 1.52e14,
  },
  subsidy_btc_per_block: {
    description: "Block subsidy: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999",
    unit: "BTC per block",
    limits: SUBSIDY,
    example: 3.125,
    field: "subsidy",
  },
  fees_btc_per_block: {
    description: "Average transaction fees per block",
    unit: "BTC per block",
    limits: NON_NEGATIVE,
    example: 0.036,
    default: 0,
  },

  // The market.
  btc_price: {
    description: "BTC price now, or in month 1 of a schedule",
    unit: "USD per BTC",
    limits: POSITIVE,
    note: ", or 0 in NAVPERSHARE and RUNWAYMONTHS",
    example: 91_000,
  },
  btc_price_growth_monthly: {
    description: "BTC price growth per month (0 = flat)",
    unit: "rate per month",
    limits: RATE,
    note: ", 0.01 = 1%",
    example: 0.01,
    default: 0,
  },
  difficulty_growth_monthly: {
    description: "Difficulty growth per month",
    unit: "rate per month",
    limits: RATE,
    note: ", 0.02 = 2%",
    example: 0.02,
    default: 0,
  },
  power_price_kwh: {
    description: "Power price",
    unit: "USD per kWh",
    limits: NON_NEGATIVE,
    example: 0.05,
  },

  // The fleet.
  hashrate_ths: {
    description: "Hashrate of the machine or fleet",
    unit: "TH/s",
    limits: NON_NEGATIVE,
    note: "; PAYBACKMONTHS needs more than 0",
    example: 200,
  },
  wall_efficiency_j_th: {
    description: "Fleet efficiency at the wall, cooling included: the machines' J/TH × PUE",
    unit: "J/TH",
    limits: POSITIVE,
    example: 17.5,
    field: "efficiency_j_th",
  },
  machine_efficiency_j_th: {
    description: "Fleet efficiency at the machines; the site's PUE is applied separately",
    unit: "J/TH",
    limits: POSITIVE,
    example: 17.5,
    field: "efficiency_j_th",
  },
  pue: {
    description: "Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead)",
    unit: "ratio",
    limits: PUE,
    example: 1.1,
  },
  pool_fee: {
    description: "Pool fee",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.02 = 2%",
    example: 0.02,
    default: 0,
  },
  uptime: {
    description: "Share of time the fleet hashes",
    unit: "fraction",
    limits: FRACTION,
    example: 0.95,
    default: 1,
  },
  machine_cost_usd: { description: "Price of the machine", unit: "USD", limits: NON_NEGATIVE, example: 3500 },

  // Costs per installed TH/s.
  opex_usd_per_th_day: {
    description: "Other cash operating cost: maintenance, hosting, site staff",
    unit: "USD per TH/s per day",
    limits: NON_NEGATIVE,
    example: 0.003,
    default: 0,
  },
  machine_cost_usd_per_th: {
    description: "Machine price, depreciated straight-line over machine_life_years",
    unit: "USD per TH/s",
    limits: NON_NEGATIVE,
    example: 20,
    default: 0,
  },
  machine_life_years: {
    description: "Depreciation life of the machines",
    unit: "years",
    limits: POSITIVE,
    example: 4,
    default: 4,
  },
  sga_usd_per_th_day: {
    description: "Cash SG&A",
    unit: "USD per TH/s per day",
    limits: NON_NEGATIVE,
    example: 0.004,
    default: 0,
  },
  stock_comp_usd_per_th_day: {
    description: "Stock-based compensation",
    unit: "USD per TH/s per day",
    limits: NON_NEGATIVE,
    example: 0.0093,
    default: 0,
  },
  energy_tax_usd_per_kwh: {
    description: "Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh",
    unit: "USD per kWh",
    limits: NON_NEGATIVE,
    example: 0.05,
    default: 0,
  },
  annual_kwh: {
    description: "Electricity used in the year (1 MW all year = 8,760,000 kWh)",
    unit: "kWh per year",
    limits: NON_NEGATIVE,
    example: 876_000_000,
  },
  tiers: {
    description: "Marginal tax bands: rows of (start, rate), ascending from 0",
    unit: "range: kWh a year, USD per kWh",
    limits: TAX_BANDS,
    example: "E2:F6",
    kind: "pairs",
    optional: true,
    blank: "New York S8518 as introduced",
  },

  // A site.
  site_mw: { description: "Site power capacity, gross", unit: "MW", limits: POSITIVE, example: 100 },
  months: {
    description: "Months to schedule or simulate",
    unit: "months",
    limits: SCHEDULE_MONTHS,
    example: 60,
  },
  opex_usd_per_site_mw_month: {
    description: "Site operating cost other than power",
    unit: "USD per site MW per month",
    limits: NON_NEGATIVE,
    example: 15_000,
    default: 0,
    field: "opex_usd_per_mw_month",
  },
  refresh_capex_usd_per_th: {
    description: "A new fleet's price: a refresh, due every refresh_every_months, is bought in a month the fleet runs",
    unit: "USD per TH/s",
    limits: NON_NEGATIVE,
    example: 15,
    default: 0,
  },
  refresh_every_months: {
    description: "Months a fleet serves before its refresh falls due (0 = never); none with fewer months left",
    unit: "months",
    limits: WHOLE_NON_NEGATIVE,
    example: 48,
    default: 0,
  },
  switch_off_below_cost: {
    description:
      "Switch the fleet off in a month whose revenue is below its power + energy tax + the opex idling saves",
    unit: "TRUE or FALSE",
    note: "or 1 or 0",
    example: true,
    default: true,
    kind: "boolean",
  },
  salvage_pct: {
    description: "Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs')",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.1 = 10%",
    example: 0.1,
    default: 0,
  },
  difficulty_includes_fleet: {
    description: "Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate)",
    unit: "TRUE or FALSE",
    note: "or 1 or 0",
    example: false,
    default: true,
    kind: "boolean",
  },
  idle_opex_pct: {
    description: "Share of the site's opex still paid in a month the fleet is off (a mothballed site: 0.2 to 0.3)",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.25 = 25%",
    example: 0.25,
    default: 1,
  },
  stop_for_good: {
    description: "Stop the fleet for good in the month that maximises the NPV and sell it then; nothing is paid after",
    unit: "TRUE or FALSE",
    note: "or 1 or 0",
    example: true,
    default: false,
    kind: "boolean",
  },
  fleet_resale_usd_per_th: {
    description:
      "What the fleet fetches when sold: at a stop for good, at a conversion, at the end without salvage_pct",
    unit: "USD per TH/s",
    limits: NON_NEGATIVE,
    example: 3,
    default: 0,
  },
  difficulty_path: {
    description: "Month m's difficulty in row m, instead of difficulty × its growth",
    unit: "dimensionless",
    limits: DIFFICULTY_PATH,
    example: "K2:K133",
    kind: "column",
    blanks: "trailing",
    optional: true,
    blank: "the growth",
  },
  hashprice_floor_usd_per_ph_day: {
    description: "Network's marginal cost: no month's difficulty takes hashprice below it (35 = the 2025 low)",
    unit: "USD per PH/s per day",
    limits: HASHPRICE_FLOOR,
    example: 35,
    optional: true,
    blank: "no floor",
  },
  energy_tax_start_month: {
    description: "First month that pays energy_tax_usd_per_kwh (a tax from a later date)",
    unit: "month",
    limits: ENERGY_TAX_START,
    example: 14,
    default: 1,
  },

  // A lease.
  critical_it_mw: {
    description: "Critical IT load the tenant pays for",
    unit: "MW",
    limits: POSITIVE,
    example: 200,
  },
  rate_usd_per_kw_month: {
    description: "Rent",
    unit: "USD per kW of critical IT per month",
    limits: NON_NEGATIVE,
    example: 150,
  },
  term_years: {
    description: "Lease term; term_years × 12 must be a whole number of months",
    unit: "years",
    limits: TERM_YEARS,
    example: 15,
  },
  discount_rate: {
    description: "Discount rate, annual effective",
    unit: "rate per year",
    limits: RATE,
    note: ", 0.1 = 10%",
    example: 0.1,
  },
  escalator: {
    description: "Rent escalator, applied after each lease year",
    unit: "rate per year",
    limits: RATE,
    note: ", 0.03 = 3%",
    example: 0.03,
    default: 0,
  },
  capex_usd_per_critical_it_mw: {
    description: "Build or conversion capex, paid at month 0",
    unit: "USD per MW of critical IT",
    limits: NON_NEGATIVE,
    example: 9e6,
    default: 0,
    field: "capex_usd_per_mw",
  },
  lease_opex_pct_of_revenue: {
    description: "Landlord operating cost as a share of lease revenue",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.15 = 15%",
    example: 0.15,
    default: 0,
    field: "opex_pct_of_revenue",
  },
  build_months: {
    description: "Months of construction, with no income, before rent or service starts",
    unit: "months",
    limits: BUILD_MONTHS,
    example: 12,
    default: 0,
  },
  conversion_capex_usd_per_critical_it_mw: {
    description: "Cost of converting the site for the tenant, paid at month 0",
    unit: "USD per MW of critical IT",
    limits: NON_NEGATIVE,
    example: 9e6,
    default: 0,
    field: "conversion_capex_usd_per_mw",
    reportedAs: ["capex_usd_per_mw"],
  },
  conversion_months: {
    description: "Months of conversion, with no income, before rent starts",
    unit: "months",
    limits: BUILD_MONTHS,
    example: 12,
    default: 0,
    reportedAs: ["build_months"],
  },
  exit_cap_rate: {
    description: "Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value)",
    unit: "rate per year",
    limits: FRACTION,
    note: ", 0.07 = 7%",
    example: 0.07,
    default: 0,
  },
  rent_timing: {
    description: "When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance)",
    unit: "code",
    limits: RENT_TIMING,
    example: 1,
    default: 0,
  },
  capex_timing: {
    description: "When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month",
    unit: "code",
    limits: CAPEX_TIMING,
    example: 1,
    default: 0,
  },
  phases: {
    description: "Phased deliveries, each its own lease: rows of (build months, critical IT MW)",
    unit: "range: months, MW",
    limits: PHASES,
    example: "H2:I4",
    kind: "pairs",
    optional: true,
    blank: "a single lease",
  },
  lease_discount_rate: {
    description: "Discount rate for the lease, annual effective",
    unit: "rate per year",
    limits: RATE,
    note: ", 0.08 = 8%",
    example: 0.08,
    optional: true,
    blank: "discount_rate",
  },
  site_mw_per_critical_it_mw: {
    description: "Gross site MW per MW of critical IT load (reported deals: 1.25 to 1.45)",
    unit: "ratio",
    limits: SITE_RATIO,
    example: 1.4,
    default: 1.4,
  },
  // The tenant's credit: each rent is the expected rent (docs/after-tax-and-financing.md).
  tenant_default_annual: {
    description: "Tenant's annual probability of default, a constant hazard from month 0 (the build included)",
    unit: "rate per year",
    limits: FRACTION,
    note: ", 0.02 = 2% a year",
    example: 0.02,
    default: 0,
  },
  default_recovery_pct: {
    description: "Share of the contracted rent still received after a default (re-leasing, a backstop)",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.5 = 50%",
    example: 0.5,
    default: 0,
  },

  // GPU cloud: the miner owns the GPUs and sells GPU-hours.
  gpus: { description: "GPUs in service", unit: "GPUs", limits: POSITIVE, example: 100_000 },
  usd_per_gpu_hour: {
    description: "Price of a GPU-hour in the first year of service",
    unit: "USD per GPU-hour",
    limits: NON_NEGATIVE,
    example: 2.77,
  },
  utilization: { description: "Share of GPU-hours sold", unit: "fraction", limits: FRACTION, example: 0.9 },
  gpu_capex_usd: {
    description: "Price of a GPU with its share of the server, paid at month 0",
    unit: "USD per GPU",
    limits: NON_NEGATIVE,
    example: 41_000,
  },
  kw_per_gpu: {
    description: "All-in server power per GPU, before PUE",
    unit: "kW per GPU",
    limits: POSITIVE,
    example: 1.8,
  },
  opex_pct_of_revenue: {
    description: "GPU-cloud operating cost other than power, as a share of its revenue",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.1 = 10%",
    example: 0.1,
    default: 0,
    // LEASE* call the lease's share opex_pct_of_revenue in calc; MWECONOMICS reads both.
    field: "gpu_opex_pct_of_revenue",
  },
  price_decline_annual: {
    description: "Fall of the GPU-hour price at each anniversary of service (negative: a rise)",
    unit: "rate per year",
    limits: PRICE_DECLINE,
    note: ", 0.15 = 15%",
    example: 0.15,
    default: 0,
  },
  life_years: {
    description: "Service life of the GPUs, from the end of the build; × 12 a whole number of months",
    unit: "years",
    limits: TERM_YEARS,
    example: 5,
    default: 5,
  },
  shell_capex_usd_per_mw: {
    description: "Data-hall (shell) capex, paid at month 0",
    unit: "USD per MW of critical IT",
    limits: NON_NEGATIVE,
    example: 9e6,
    default: 0,
  },
  gpu_capex_timing: {
    description: "When the GPUs are paid: 0 = at month 0, 1 = on delivery at the end of the build",
    unit: "code",
    limits: GPU_CAPEX_TIMING,
    example: 1,
    default: 0,
  },
  customer_prepayment_pct: {
    description:
      "Share of the contract's whole revenue the customer prepays at month 0; each month's revenue falls by it",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.2 = 20%",
    example: 0.2,
    default: 0,
  },
  shell_residual_pct: {
    description: "The hall's value at the end of the GPUs' life, as a share of the shell capex",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.75 = 75%",
    example: 0.75,
    default: 0,
  },

  // Risk: the simulated market (src/calc/simulation; docs/risk.md).
  price_vol_annual: {
    description: "Annual volatility of BTC's log price changes; the mean path keeps btc_price_growth_monthly",
    unit: "rate per year",
    limits: VOLATILITY,
    note: ", 0.5 = 50% a year",
    example: 0.5,
  },
  difficulty_vol_annual: {
    description: "Annual volatility of log difficulty changes; the mean path keeps difficulty_growth_monthly",
    unit: "rate per year",
    limits: VOLATILITY,
    note: ", 0.2 = 20% a year",
    example: 0.2,
  },
  price_difficulty_corr: {
    description: "Correlation of the monthly price and difficulty shocks (hashrate chases hashprice)",
    unit: "dimensionless",
    limits: CORRELATION,
    note: ", 0 = independent",
    example: 0.3,
  },
  paths: {
    description: "Simulated paths: more give smaller standard errors and take longer",
    unit: "count",
    limits: PATHS,
    note: `; paths × months ≤ ${PATH_MONTHS.toLocaleString("en-US")}`,
    example: 10_000,
  },
  seed: {
    description: "Seed of the random numbers: the same seed gives the same result in every Excel",
    unit: "dimensionless",
    limits: SEED,
    example: 1,
  },
  quantiles: {
    description: "Quantiles to report, as fractions in a row or column",
    unit: "fractions",
    note: "each strictly between 0 and 1",
    limits: QUANTILES,
    example: "{0.1,0.5,0.9}",
    kind: "list",
    blanks: "skip",
  },
  values: {
    description: "Levels in time order, oldest first, e.g. daily BTC prices",
    unit: "e.g. USD per BTC",
    note: "at least 3 numbers greater than 0",
    limits: VOLATILITY_VALUES,
    example: "B2:B366",
    kind: "list",
    blanks: "ends",
    heading: true,
  },
  periods_per_year: {
    description: "Periods a year between consecutive values: 365 for daily BTC prices, 52 weekly, 12 monthly",
    unit: "count",
    limits: POSITIVE,
    example: 365,
  },

  // A treasury: the held asset need not be BTC (Bitmine holds ETH): "btc" is an amount of it in
  // its own units and "btc_price" its price; shares are assumed diluted shares (Strategy's ADSO).
  btc: {
    description: "Treasury asset held (BTC, or another asset in its own units, e.g. ETH); at the start of a schedule",
    unit: "BTC",
    limits: NON_NEGATIVE,
    example: 528_185,
  },
  shares: {
    description: "Share count: assumed diluted shares, as Strategy defines them",
    unit: "shares",
    limits: POSITIVE,
    example: 299_674_000,
  },
  btc_start: {
    description: "Treasury asset held at the start of the period",
    unit: "BTC",
    limits: NON_NEGATIVE,
    note: "; 0 has no yield (#NUM!)",
    example: 447_470,
  },
  shares_start: {
    description: "Assumed diluted shares at the start of the period",
    unit: "shares",
    limits: POSITIVE,
    example: 281_735_000,
  },
  btc_end: {
    description: "Treasury asset held at the end of the period",
    unit: "BTC",
    limits: NON_NEGATIVE,
    example: 528_185,
  },
  shares_end: {
    description: "Assumed diluted shares at the end of the period",
    unit: "shares",
    limits: POSITIVE,
    example: 299_674_000,
  },
  share_price: { description: "Share price", unit: "USD per share", limits: POSITIVE, example: 290 },
  debt: {
    description: "Debt principal outstanding, convertible notes included",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 8.2e9,
    default: 0,
  },
  preferred: {
    description: "Preferred stock at its notional (liquidation) value",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 6e9,
    default: 0,
  },
  cash: {
    description: "Cash held (at the start of a schedule)",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 20e6,
  },
  basis: {
    description: 'mNAV\'s numerator: "EV" enterprise value (Strategy since mid-2025) or "MCAP" market capitalisation',
    unit: "text",
    note: '"EV" or "MCAP", any case',
    example: "MCAP",
    default: "EV",
    kind: "text",
  },
  // Convertibles count once: as shares (shares) or as debt (basic_shares), never both.
  basic_shares: {
    description: "Basic shares, none converted: EV and NAV per share use them and the whole debt",
    unit: "shares",
    limits: POSITIVE,
    example: 150_000_000,
    optional: true,
    blank: "shares and debt − convertible_debt",
  },
  convertible_debt: {
    description: "Convertible notes' principal inside debt, as shares counts them: out of debt unless basic_shares",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 2.5e9,
    default: 0,
  },
  loan: { description: "Principal of the BTC-backed loan", unit: "USD", limits: NON_NEGATIVE, example: 100e6 },
  collateral_btc: {
    description: "BTC (or the held asset) pledged as the loan's collateral",
    unit: "BTC",
    limits: POSITIVE,
    example: 2000,
  },
  ltv: {
    description: "Loan-to-value threshold: 0.75 margin call, 0.85 liquidation (market convention, not contract terms)",
    unit: "fraction",
    limits: LTV,
    example: 0.75,
  },
  monthly_burn: {
    description: "Net cash spent a month: costs, interest, dividends and capex less non-BTC income",
    unit: "USD per month",
    limits: BURN,
    note: "; 0 or less is #NUM!",
    example: 4.6e6,
  },
  haircut: {
    description: "Discount a forced sale of the asset takes",
    unit: "fraction",
    limits: HAIRCUT,
    note: ", 0.2 = 20%",
    example: 0.2,
    default: 0,
  },
  btc_mined: {
    description: "Asset received each month, e.g. MININGCASHFLOWS' BTC mined",
    unit: "BTC per month",
    limits: NON_NEGATIVE,
    example: 40,
    kind: "column",
  },
  cash_costs: {
    description: "Cash paid each month for operations and capex",
    unit: "USD per month",
    limits: NON_NEGATIVE,
    example: 4.6e6,
    kind: "column",
  },
  policy: {
    description: "HOLD sells only to keep min_cash; SELLALL sells all mined BTC; SELLPCT sells sell_fraction of it",
    unit: "text",
    note: '"HOLD", "SELLALL" or "SELLPCT", any case',
    example: "HOLD",
    kind: "text",
  },
  other_income: {
    description: "Other cash received a month, e.g. LEASECASHFLOWS' net cash flow",
    unit: "USD per month",
    limits: ANY,
    note: "any; negative is paid",
    example: 5.1e6,
    default: 0,
    kind: "column",
  },
  debt_service: {
    description: "Interest and principal paid each month",
    unit: "USD per month",
    limits: NON_NEGATIVE,
    example: 1e6,
    default: 0,
    kind: "column",
  },
  sell_fraction: {
    description: "Share of each month's mined BTC that SELLPCT sells",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.5 = 50%",
    example: 0.5,
    default: 0,
  },
  min_cash: {
    description: "Cash floor the policy sells BTC to keep",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 5e6,
    default: 0,
  },

  // Tax (src/calc/depreciation.ts, after-tax.ts; docs/after-tax-and-financing.md). Not tax advice.
  cost_usd: {
    description: "Depreciable basis: the asset's cost placed in service",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 1e6,
  },
  method: {
    description: "Depreciation method: MACRS (half-year), SL39 (39-year real property) or SL (straight line)",
    unit: "text",
    note: '"MACRS5", "MACRS7", "MACRS15", "SL39" or "SL"',
    example: "MACRS5",
    kind: "text",
  },
  bonus_pct: {
    description: "Share of the cost deducted in year 1 as bonus depreciation; SL39 takes none",
    unit: "fraction",
    limits: FRACTION,
    note: ", 1 = 100%",
    example: 1,
    default: 0,
  },
  placed_in_service_month: {
    description: "Month of tax year 1 in which the asset is placed in service (SL39's mid-month table)",
    unit: "month",
    limits: MONTH_OF_YEAR,
    note: ", 1 = January",
    example: 7,
    default: 1,
  },
  years: {
    description: "Tax years shown, a row each; with SL, the recovery period",
    unit: "years",
    limits: DEPRECIATION_YEARS,
    example: 10,
    optional: true,
    blank: "the method's full recovery; SL needs it",
  },
  cash_flows: {
    description: "Cash flow of each month, e.g. a schedule's net column",
    unit: "USD per month",
    limits: { ...ANY, maxLength: SCHEDULE_COLUMN_CELLS },
    note: "any; negative is paid",
    example: "F3:F134",
    kind: "column",
    series: "month",
  },
  depreciation: {
    description: "Tax deduction of each model year, year 1 first: DEPRECIATION's column, or several added",
    unit: "USD per year",
    limits: { ...NON_NEGATIVE, maxLength: DEPRECIATION_YEARS.max! + 1 },
    example: "B2:B7",
    kind: "column",
    series: "year",
  },
  tax_rate: {
    description: "Income tax rate on each year's taxable income",
    unit: "fraction",
    limits: FRACTION,
    note: ", 0.21 = the US federal rate",
    example: 0.21,
  },
  loss_treatment: {
    description: "A year's loss: GROUP offsets the group's other income at once; NOL carries it forward (80% limit)",
    unit: "text",
    note: '"GROUP" or "NOL", any case',
    example: "NOL",
    default: "GROUP",
    kind: "text",
  },
  capex_usd_in_cash_flows: {
    description: "Capex inside cash_flows (a schedule's capex column), added back",
    unit: "USD per month",
    limits: { ...NON_NEGATIVE, maxLength: SCHEDULE_COLUMN_CELLS },
    example: "D3:D134",
    default: 0,
    kind: "column",
    field: "capex",
  },
  first_month: {
    description: "Month of cash_flows' first value: 1, or 0 for a schedule from month 0 such as LEASECASHFLOWS",
    unit: "month",
    limits: FIRST_MONTH,
    example: 0,
    default: 1,
  },

  // Project debt (src/calc/project-debt.ts; docs/after-tax-and-financing.md).
  cfads: {
    description: "Cash flow available for debt service, each month from month 1 (e.g. a lease's NOI)",
    unit: "USD per month",
    limits: { ...ANY, maxLength: SCHEDULE_MONTHS.max! },
    note: "any",
    example: 7.7e6,
    kind: "column",
  },
  annual_rate: {
    description: "The loan's interest rate, annual effective (8% compounded monthly: (1 + 0.08/12)^12 - 1)",
    unit: "rate per year",
    limits: NON_NEGATIVE,
    note: ", 0.08 = 8%",
    example: 0.08,
  },
  tenor_months: {
    description: "Months from the loan's draw at month 0 to its maturity",
    unit: "months",
    limits: SCHEDULE_MONTHS,
    example: 120,
  },
  min_dscr: {
    description: "Lowest debt-service coverage ratio (CFADS / debt service) the lender accepts in any month",
    unit: "ratio",
    limits: POSITIVE,
    note: ", 1.3 = 1.30×",
    example: 1.3,
  },
  max_loan_usd: {
    description: "Most the lender lends, e.g. 85% loan-to-cost × capex",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 546e6,
    optional: true,
    blank: "no cap",
  },
  principal_usd: { description: "Loan drawn at month 0", unit: "USD", limits: NON_NEGATIVE, example: 546e6 },
  grace_months: {
    description: "Interest-only months at the start, before repayment begins",
    unit: "months",
    limits: WHOLE_NON_NEGATIVE,
    example: 12,
    default: 0,
  },
  repayment: {
    description: "Level payments (LEVEL), equal principal (STRAIGHT), or a column of payments",
    unit: "code or USD per month",
    limits: { maxLength: SCHEDULE_MONTHS.max! },
    note: '"LEVEL", "STRAIGHT" or a column',
    example: "LEVEL",
    default: "LEVEL",
    kind: "textOrColumn",
  },
  capex_usd: {
    description: "Capital spent at month 0, by the equity and the loan together",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 642.9e6,
  },
  loan_usd: {
    description: "Loan drawn at month 0 toward the capex",
    unit: "USD",
    limits: NON_NEGATIVE,
    example: 546e6,
  },

  // Live data and tables.
  currency: {
    description: "Currency of the price",
    unit: "text",
    note: "USD, EUR, GBP, CAD, CHF, AUD or JPY",
    example: "EUR",
    default: "USD",
    kind: "text",
  },
  field: {
    description: "Market field by id (hashprice_usd_per_ph_day) or workbook name (BTC_Hashprice)",
    unit: "text",
    note: "a field listed on the function's help page",
    example: "hashprice_usd_per_ph_day",
    kind: "text",
  },
  refresh_minutes: {
    description: "How often at least this cell asks for a new price",
    unit: "minutes",
    limits: REFRESH_MINUTES,
    example: 5,
    optional: true,
    blank: "the add-in's auto-refresh (5 minutes unless changed)",
  },
  start_date: {
    description: "First date of the history (an Excel date, read as a UTC day)",
    unit: "date",
    note: "a date from 1,075 days before today to today",
    example: 45658,
  },
  end_date: {
    description: "Last date of the history (an Excel date, read as a UTC day)",
    unit: "date",
    note: "a date from start_date to today",
    example: 45988,
    optional: true,
    blank: "the latest date the provider has",
  },
  interval: {
    description: "Spacing of the rows",
    unit: "text",
    note: '"daily", "weekly" (back from the end date) or "monthly" (the end date\'s day of each month)',
    example: "monthly",
    default: "daily",
    kind: "text",
  },
  function_name: {
    description: 'Name of the MINER function to run, e.g. "COSTPERBTC"',
    unit: "text",
    note: "any MINER function but the live ones and HISTORY",
    example: "LEASENPV",
    kind: "text",
  },
  assumptions: {
    description: "Two-column range: the function's parameter names, then their values",
    unit: "range",
    note: "blank rows skipped; a blank value takes the default",
    example: "A2:B9",
    kind: "range",
  },
  assumptions_2: {
    description: "Another two-column range of names and values, e.g. a scenario's",
    unit: "range",
    note: "as assumptions; a name may appear in one table only",
    example: "D2:E3",
    kind: "range",
    optional: true,
  },
  assumptions_3: {
    description: "A third two-column range of names and values",
    unit: "range",
    note: "as assumptions; a name may appear in one table only",
    example: "G2:H3",
    kind: "range",
    optional: true,
  },
});

export type ParamName = keyof typeof PARAMS;

/** The calc module's name for a parameter. */
export const fieldOf = (p: Param): string => p.field ?? p.name;

/** Whether Excel's metadata marks the argument required (no brackets). */
export function isRequired(p: Param): boolean {
  return p.default === undefined && !p.optional;
}

/** Whether an argument must be given: required, or required after optional ones (`afterOptional`). */
export function mustBeGiven(p: Param): boolean {
  return isRequired(p) || !!p.afterOptional;
}

/** A required parameter placed after optional ones (see `afterOptional`). */
export type AfterOptional<P extends Param> = Omit<P, "default" | "optional" | "afterOptional"> & {
  readonly default?: undefined;
  readonly optional: true;
  readonly afterOptional: true;
};

/** A required parameter placed after optional ones: optional in the metadata, a blank is #VALUE! (see `afterOptional`). */
export function requiredAfterOptional<P extends Param>(p: P): AfterOptional<P> {
  return { ...p, optional: true, afterOptional: true, default: undefined };
}

/** The parameter required in this function, where others give it a default (the same name and meaning). */
export function required<P extends Param>(
  p: P,
): Omit<P, "default" | "optional"> & { readonly default?: undefined; readonly optional?: undefined } {
  return { ...p, default: undefined, optional: undefined };
}

/** The parameter with a default in this function, where another requires it (RUNWAYMONTHS' [btc=0]): the same name and meaning. */
export function withDefault<P extends Param, V extends number | string>(
  p: P,
  value: V,
): Omit<P, "default" | "optional"> & { readonly default: V; readonly optional?: undefined } {
  return { ...p, default: value, optional: undefined };
}

/**
 * A parameter another function requires, appended optional to this one (no default: omitted, the
 * function does without it). The interface rule allows appending only optional parameters.
 */
export function optional<P extends Param>(p: P): Omit<P, "optional"> & { readonly optional: true } {
  return { ...p, optional: true };
}

/** A number parameter that here also takes one value per month in a column (TREASURYCASHFLOWS' btc_price). */
export function byMonth<P extends Param>(p: P): Omit<P, "kind"> & { readonly kind: "column" } {
  return { ...p, kind: "column" };
}

/**
 * The parameter with wider limits in this function than its words say in general, where the words
 * name the exception (btc_price "greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS"): the
 * tooltip keeps the one meaning, the reader checks this function's limits.
 */
export function withLimits<P extends Param>(p: P, limits: Limits): P {
  return { ...p, limits };
}

/** A default as the docs and tooltips show it: text in quotes, a list as Excel's array constant. */
export function showDefault(value: number | string | boolean, kind?: Param["kind"]): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "string" && kind !== "list" ? `"${value}"` : String(value);
}

/** What a function's tooltip adds for a parameter that takes a column: one value a month, and how many at most. */
export function byMonthNote(p: Pick<Param, "limits">): string {
  return ` Or a column (≤ ${longestOf("column", p.limits).toLocaleString("en-US")} months).`;
}
/** The note of a column with the kind's longest length. */
export const BY_MONTH_NOTE = byMonthNote({});

/** What the tooltip adds for a column argument: a number or one value a month, or a series (`series`). */
export const columnNote = (p: Param): string =>
  p.kind !== "column"
    ? ""
    : p.series
      ? ` A column (≤ ${longestOf("column", p.limits).toLocaleString("en-US")} ${p.series}s).`
      : byMonthNote(p);

/**
 * The text Excel shows for the parameter (at most 150 characters: a test holds it there). The
 * description, unit and allowed values are the name's one meaning; whether it takes a column and
 * its default belong to the function.
 */
export function tooltip(p: Param): string {
  const dflt =
    p.default !== undefined
      ? ` Default ${showDefault(p.default, p.kind)}.`
      : p.blank !== undefined
        ? ` Blank: ${p.blank}.`
        : "";
  const needed = p.afterOptional ? " Required." : "";
  return `${p.description} (${p.unit}; ${p.allowed}).${columnNote(p)}${dflt}${needed}`;
}

const P = PARAMS;

/** What every cost-per-BTC function starts with: power, the fleet, the network and its reward. */
const COST_INPUTS = [
  P.power_price_kwh,
  P.wall_efficiency_j_th,
  P.difficulty,
  P.subsidy_btc_per_block,
  P.fees_btc_per_block,
  P.pool_fee,
  P.opex_usd_per_th_day,
];
/** What the all-in cost adds to the cash cost, and the uptime it is spread over. */
const OVERHEADS = [
  P.machine_cost_usd_per_th,
  P.machine_life_years,
  P.sga_usd_per_th_day,
  P.stock_comp_usd_per_th_day,
  P.energy_tax_usd_per_kwh,
  P.uptime,
];
const LEASE_TERMS = [P.critical_it_mw, P.rate_usd_per_kw_month, P.term_years];
const LEASE_OPTIONS = [P.escalator, P.capex_usd_per_critical_it_mw, P.lease_opex_pct_of_revenue, P.build_months];
/** How real leases are written: exit value, timing and phased deliveries (appended to every lease function). */
const LEASE_TIMING = [P.exit_cap_rate, P.rent_timing, P.capex_timing, P.phases];

/** The site and the network it mines: first in every site function. */
export const SITE = [
  P.site_mw,
  P.machine_efficiency_j_th,
  P.pue,
  P.power_price_kwh,
  P.btc_price,
  P.difficulty,
  P.start_height,
];
/** How the site is mined, month by month. */
export const MINING_OPTIONS = [
  P.fees_btc_per_block,
  P.pool_fee,
  P.uptime,
  P.difficulty_growth_monthly,
  P.btc_price_growth_monthly,
  P.opex_usd_per_site_mw_month,
  P.refresh_capex_usd_per_th,
  P.refresh_every_months,
];
/** The mining decisions: switch-off, the fleet's salvage, energy tax and the fleet-share convention. */
export const MINING_DECISIONS = [
  P.switch_off_below_cost,
  P.salvage_pct,
  P.energy_tax_usd_per_kwh,
  P.difficulty_includes_fleet,
];
/**
 * The fleet's life and the network's answer (appended to every function that mines): idle opex,
 * a stop for good, the fleet's resale, a difficulty path and a hashprice floor.
 */
export const FLEET_AND_NETWORK = [
  P.idle_opex_pct,
  P.stop_for_good,
  P.fleet_resale_usd_per_th,
  P.difficulty_path,
  P.hashprice_floor_usd_per_ph_day,
];
/** The lease a converted site signs. */
const CONVERSION_LEASE = [
  P.escalator,
  P.conversion_capex_usd_per_critical_it_mw,
  P.conversion_months,
  P.lease_opex_pct_of_revenue,
  P.site_mw_per_critical_it_mw,
];

const ALL_IN = [...COST_INPUTS, ...OVERHEADS];
/** The mining schedule's parameters before the fleet's life and the network's answer were appended. */
const MINING_V1 = [...SITE, P.months, P.discount_rate, ...MINING_OPTIONS, ...MINING_DECISIONS];
/** Every function that mines appends when the energy tax starts after the fleet's life. */
const MINING = [...MINING_V1, ...FLEET_AND_NETWORK, P.energy_tax_start_month];
/** The conversion's parameters before the fleet's life and the network's answer were appended. */
const CONVERSION_V1 = [
  ...SITE,
  P.discount_rate,
  P.rate_usd_per_kw_month,
  P.term_years,
  ...MINING_OPTIONS,
  ...CONVERSION_LEASE,
  ...MINING_DECISIONS,
  ...LEASE_TIMING,
  P.lease_discount_rate,
];
/** The tenant's credit (appended to the lease functions). */
const TENANT_CREDIT = [P.tenant_default_annual, P.default_recovery_pct];
/**
 * What the conversion functions appended after the fleet's life: when the energy tax starts (as
 * every function that mines), then the lease leg's tenant credit (as the lease functions).
 */
const CONVERSION_APPENDED = [P.energy_tax_start_month, ...TENANT_CREDIT];
const CONVERSION = [...CONVERSION_V1, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED];
const LEASE_NPV = [...LEASE_TERMS, P.discount_rate, ...LEASE_OPTIONS, ...LEASE_TIMING, ...TENANT_CREDIT];
/** A GPU-cloud project: the GPUs, their price and power, then its options. */
const GPU_CLOUD = [P.gpus, P.usd_per_gpu_hour, P.utilization, P.gpu_capex_usd, P.kw_per_gpu, P.pue, P.power_price_kwh];
const GPU_CLOUD_OPTIONS = [
  P.opex_pct_of_revenue,
  P.price_decline_annual,
  P.life_years,
  P.salvage_pct,
  P.build_months,
  P.shell_capex_usd_per_mw,
];
/** How GPU-cloud deals are written: GPUs paid on delivery, the customer's prepayment, the hall's residual value. */
const GPU_CLOUD_DEAL = [P.gpu_capex_timing, P.customer_prepayment_pct, P.shell_residual_pct];
/**
 * GPU cloud on the converted site (MWECONOMICS): the GPUs fill its critical IT at the site's PUE and
 * power price, in the hall the conversion builds; given all four, or none (no GPU-cloud column).
 */
export const GPU_ON_SITE = [
  optional(P.usd_per_gpu_hour),
  optional(P.utilization),
  optional(P.gpu_capex_usd),
  optional(P.kw_per_gpu),
  P.opex_pct_of_revenue,
];

/** The deterministic functions' parameters; the distribution functions append the risk inputs to theirs. */
const DETERMINISTIC = {
  SUBSIDY: [P.height],
  NEXTHALVING: [P.height],
  NETWORKHASHRATE: [P.difficulty],
  DIFFICULTYFORHASHRATE: [P.hashrate_ehs],
  BTCPERDAY: [P.hashrate_ths, P.difficulty, P.subsidy_btc_per_block, P.fees_btc_per_block],
  HASHPRICE: [P.btc_price, P.difficulty, P.subsidy_btc_per_block, P.fees_btc_per_block],
  COSTPERBTC: COST_INPUTS,
  ALLINCOSTPERBTC: ALL_IN,
  COSTBREAKDOWN: ALL_IN,
  BREAKEVENPRICE: ALL_IN,
  BREAKEVENPOWER: [P.btc_price, ...COST_INPUTS.slice(1)],
  // Hashprice carries difficulty, subsidy and fees, so the breakeven hashprice needs none of them.
  BREAKEVENHASHPRICE: [P.power_price_kwh, P.wall_efficiency_j_th, P.pool_fee, P.opex_usd_per_th_day, ...OVERHEADS],
  PAYBACKMONTHS: [
    P.machine_cost_usd,
    withLimits(P.hashrate_ths, POSITIVE),
    P.wall_efficiency_j_th,
    P.power_price_kwh,
    P.btc_price,
    P.difficulty,
    P.subsidy_btc_per_block,
    P.fees_btc_per_block,
    P.pool_fee,
    P.opex_usd_per_th_day,
    P.uptime,
    P.difficulty_growth_monthly,
    optional(P.start_height),
  ],
  ENERGYTAX: [P.annual_kwh, P.tiers],
  LEASENPV: LEASE_NPV,
  LEASEIRR: [...LEASE_TERMS, ...LEASE_OPTIONS, ...LEASE_TIMING, ...TENANT_CREDIT],
  LEASECASHFLOWS: LEASE_NPV,
  MININGCASHFLOWS: MINING,
  MININGNPV: MINING,
  CONVERSIONVALUE: CONVERSION,
  CONVERSIONBREAKEVEN: CONVERSION,
  // When to convert, on one path: CONVERSIONVALUE's parameters, in its order.
  CONVERSIONTIMING: CONVERSION,
  MWECONOMICS: [...CONVERSION_V1, ...GPU_ON_SITE, ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED],
  GPUCLOUDNPV: [...GPU_CLOUD, P.discount_rate, ...GPU_CLOUD_OPTIONS, ...GPU_CLOUD_DEAL],
  // An IRR needs no discount rate (as LEASEIRR).
  GPUCLOUDIRR: [...GPU_CLOUD, ...GPU_CLOUD_OPTIONS, ...GPU_CLOUD_DEAL],
  GPUCLOUDCASHFLOWS: [...GPU_CLOUD, P.discount_rate, ...GPU_CLOUD_OPTIONS, ...GPU_CLOUD_DEAL],
  BTCPERSHARE: [P.btc, P.shares],
  BTCYIELD: [P.btc_start, P.shares_start, P.btc_end, P.shares_end],
  BTCGAIN: [P.btc_start, P.shares_start, P.btc_end, P.shares_end],
  MNAV: [
    P.share_price,
    P.shares,
    P.btc,
    P.btc_price,
    P.debt,
    P.preferred,
    withDefault(P.cash, 0),
    P.basis,
    P.basic_shares,
    P.convertible_debt,
  ],
  NAVPERSHARE: [
    P.btc,
    withLimits(P.btc_price, NON_NEGATIVE),
    P.shares,
    P.debt,
    P.preferred,
    withDefault(P.cash, 0),
    P.basic_shares,
    P.convertible_debt,
  ],
  LTV: [P.loan, P.collateral_btc, P.btc_price],
  LTVPRICE: [P.loan, P.collateral_btc, P.ltv],
  RUNWAYMONTHS: [
    P.cash,
    P.monthly_burn,
    withDefault(P.btc, 0),
    withDefault(withLimits(P.btc_price, NON_NEGATIVE), 0),
    P.haircut,
  ],
  TREASURYCASHFLOWS: [
    P.cash,
    P.btc,
    P.months,
    P.btc_mined,
    byMonth(P.btc_price),
    P.cash_costs,
    P.policy,
    P.btc_price_growth_monthly,
    P.other_income,
    P.debt_service,
    P.sell_fraction,
    P.min_cash,
  ],
  DEPRECIATION: [P.cost_usd, P.method, P.bonus_pct, P.placed_in_service_month, P.years],
  AFTERTAXCASHFLOWS: [
    P.cash_flows,
    P.depreciation,
    P.tax_rate,
    P.loss_treatment,
    P.capex_usd_in_cash_flows,
    P.first_month,
  ],
  DEBTCAPACITY: [P.cfads, P.annual_rate, P.tenor_months, P.min_dscr, P.max_loan_usd],
  LOANSCHEDULE: [P.principal_usd, P.annual_rate, P.tenor_months, P.grace_months, P.repayment],
  EQUITYIRR: [P.cash_flows, P.capex_usd, P.loan_usd, required(P.debt_service)],
  FROMTABLE: [P.function_name, P.assumptions, P.assumptions_2, P.assumptions_3],
  BTCPRICE: [P.currency, P.refresh_minutes],
  DIFFICULTY: [],
  HEIGHT: [],
  NETWORK: [P.field],
  HISTORY: [P.field, P.start_date, P.end_date, P.interval],
} satisfies Record<string, readonly Param[]>;

/** What a distribution function simulates, after its deterministic function's own arguments. */
const RISK = [P.price_vol_annual, P.difficulty_vol_annual, P.price_difficulty_corr, P.paths, P.seed];

/**
 * A deterministic function's parameters, then the risk inputs (required; after optional ones they
 * are `requiredAfterOptional`), then the quantiles to report (P10, P50, P90 when omitted). By
 * reference: the list follows the deterministic function's, so its assumptions tables work unchanged.
 */
function withRisk<L extends readonly Param[]>(params: L): (L[number] | Risk | AfterOptional<Risk> | typeof REPORTED)[] {
  const afterOptional = params.some((p) => !isRequired(p));
  return [...params, ...RISK.map((p) => (afterOptional ? requiredAfterOptional(p) : p)), REPORTED];
}
type Risk = (typeof RISK)[number];
/** The quantiles a distribution reports: P10, P50 and P90 unless given. */
const REPORTED = withDefault(P.quantiles, "{0.1,0.5,0.9}");

/**
 * The distribution functions: the deterministic function's parameters as they were when the risk
 * inputs were appended, the risk inputs and the quantiles, then what has been appended since (at
 * the end, as the interface rule says, not before the risk inputs).
 */
const MINING_DIST = [...withRisk(MINING_V1), ...FLEET_AND_NETWORK, P.energy_tax_start_month];
const CONVERSION_DIST = [...withRisk(CONVERSION_V1), ...FLEET_AND_NETWORK, ...CONVERSION_APPENDED];

/** Every MINER function's parameters, in Excel's order: the public interface (test/functions/interface.json pins it). */
export const SIGNATURES = {
  ...DETERMINISTIC,
  PRICEQUANTILES: [
    P.btc_price,
    required(P.btc_price_growth_monthly),
    P.price_vol_annual,
    P.months,
    P.quantiles,
    P.paths,
    P.seed,
  ],
  MININGNPVDIST: MINING_DIST,
  CONVERSIONDIST: CONVERSION_DIST,
  // When to convert, under uncertainty: CONVERSIONDIST's parameters, in its order.
  CONVERSIONOPTION: CONVERSION_DIST,
  VOLATILITY: [P.values, P.periods_per_year],
} satisfies Record<string, readonly Param[]>;

export type FunctionId = keyof typeof SIGNATURES;

/** The live functions: streamed from the market data (live.ts), declared to Excel as streaming. */
export type LiveId = "BTCPRICE" | "DIFFICULTY" | "HEIGHT" | "NETWORK";

/** The dispatcher that runs the others from tables of names and values (fromtable.ts). */
export type TableId = "FROMTABLE";

/** The functions that answer once, later, from the network: Excel waits for their promise (history.ts). */
export type AsyncId = "HISTORY";

/** The functions that calculate from their arguments (calculated.ts). */
export type CalculatedId = Exclude<FunctionId, LiveId | TableId | AsyncId>;
