/**
 * Every MINER function, documented once: Excel's one-sentence description, what it returns, and
 * the long help (formula, conventions, examples with their results, every #NUM! case with
 * arguments that reach it). Parameters come from src/functions/params.ts.
 *
 * Read by metadata.ts (Excel's functions.json), scripts/help-pages.js (dist/help/*.html and
 * docs/functions.md) and the tests, which evaluate every example and reach
 * every #NUM! case. Not imported by the add-in: its text stays out of the bundle. The example
 * argument lists are exported: the tests' fixtures (test/support/calls.ts) are these same lists.
 */
import { AsyncId, FunctionId, LiveId, SIGNATURES } from "./params";

/** A range argument in an example: its address as written in the formula, and what it holds. */
export interface RangeArg {
  range: string;
  rows: (string | number)[][];
  /** The columns' headings, for a table of numbers (a FROMTABLE table is name, value). */
  columns?: [string, string];
  /** What a long column holds, in words, shown instead of its every value. */
  described?: string;
}
export type ExampleArg = number | string | boolean | RangeArg;

export interface Example {
  args: ExampleArg[];
  /** As stated: a number with the digits shown (the test rounds to them), "a R×C table", or a live sample. */
  result: string;
  note?: string;
}

export interface NoAnswerCase {
  /** Completes "#NUM! when ...". */
  when: string;
  /** Argument lists that reach it; the first is shown as the example. */
  args: ExampleArg[][];
}

interface Documentation {
  /** Excel's description: one sentence, at most 200 characters. */
  description: string;
  /** What the cell shows, with its unit. */
  result: string;
  /** How it is calculated. */
  formula: string;
  notes?: string[];
  examples: Example[];
  /** The function's own #NUM! cases (besides a result beyond Excel's number range). */
  noAnswer?: NoAnswerCase[];
}

/**
 * A function's documentation and its result's shape: a number, a table (a dynamic array), a live
 * number (streamed; exactly the live functions, live.ts, may say so) or a table fetched from the
 * providers once (an async function: exactly history.ts's).
 */
export type FunctionDoc = Documentation &
  (
    | { id: LiveId; shape: "live" }
    | { id: AsyncId; shape: "fetched" }
    | { id: Exclude<FunctionId, LiveId | AsyncId>; shape: "number" | "table" }
  );

const LIVE_NOTE =
  "Streams: the cell shows each new value the add-in fetches until it is cleared. The add-in refreshes every 5 minutes by default while the workbook is open, pane shown or not (Settings: Off, 1, 5, 15 or 60 minutes), at once on Home → MINER → Refresh or the pane's Refresh, and when a cell starts; each refresh is one request per endpoint however many cells ask, and cells starting within 15 seconds of one are answered from it. F9 and Shift+F9 neither restart a live cell nor fetch (use Refresh); Ctrl+Alt+F9 restarts it, showing the latest values and asking for a refresh; Data → Refresh All fetches nothing for it (docs/market-data.md).";

/** A 100 MW site (S21-class fleet, 4.5¢ power, late-2025 network), five years at 12%. */
export const MINING_EXAMPLE = [
  100, 17.5, 1.1, 0.045, 91000, 1.52e14, 925000, 60, 0.12, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48,
];
/** The same site, or a 10-year lease of it at $150/kW-month after a year's conversion at $9M per critical IT MW. */
export const CONVERSION_EXAMPLE = [
  100, 17.5, 1.1, 0.045, 91000, 1.52e14, 925000, 0.12, 150, 10, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48, 0.03, 9e6,
  12, 0.15, 1.4,
];
/**
 * Arguments by position, then parameters by name after them (later ones than the last named left
 * out; those between take their defaults, or blank): an example of an appended parameter.
 */
const byName = (args: readonly ExampleArg[], id: FunctionId, named: Record<string, ExampleArg>): ExampleArg[] => {
  const params = SIGNATURES[id];
  const last = Math.max(...Object.keys(named).map((n) => params.findIndex((p) => p.name === n)));
  if (Object.keys(named).some((n) => !params.some((p) => p.name === n)))
    throw new Error(`${id} has no ${Object.keys(named)}`);
  return params.slice(0, last + 1).map((p, i) => (i < args.length ? args[i] : (named[p.name] ?? p.default ?? "")));
};
/**
 * A deterministic function's arguments completed with its defaults up to a distribution function's
 * risk inputs (price_vol_annual), so the risk inputs land in their places: parameters appended to the
 * deterministic lists since come after the risk inputs in the distribution functions.
 */
const beforeRisk = (
  args: readonly ExampleArg[],
  id: "MININGNPVDIST" | "CONVERSIONDIST" | "CONVERSIONOPTION",
): ExampleArg[] => {
  const risk = SIGNATURES[id].findIndex((p) => p.name === "price_vol_annual");
  return [...args, ...SIGNATURES[id].slice(args.length, risk).map((p) => p.default ?? "")];
};
/** An array constant, as a formula writes a list: {0.1,0.5,0.9}. */
const list = (...xs: number[]): RangeArg => ({ range: `{${xs.join(",")}}`, rows: [xs] });
/** The risk inputs of the examples: 50% price volatility, 20% difficulty volatility, correlation 0.3, 10,000 paths, seed 1. */
const RISK_EXAMPLE = [0.5, 0.2, 0.3, 10000, 1];
const SIMULATION_NOTES = [
  "Simulated market (docs/risk.md): monthly steps; ln price and ln difficulty are Brownian motions with drift ln(1 + g) − s²/2 and monthly volatility s = σ_annual / √12, so the mean path is the deterministic one; the monthly shocks of price and difficulty have correlation price_difficulty_corr.",
  "Reproducible: the same seed gives the same numbers in every Excel. Generator xoshiro128** (Blackman and Vigna), one stream per path seeded from SplitMix64 outputs of seed; ziggurat normals; only IEEE-exact arithmetic and the add-in's own exp, log and sqrt, so no engine's Math library changes a bit.",
  "Standard errors (SE): the mean's is s/√paths; a probability's √(p(1 − p)/paths); a quantile's comes from the order statistics around it (Siddiqui's estimator). Quantiles are PERCENTILE.INC of the simulated values.",
  "paths: from 100 to 100,000, and paths × months at most 3,600,000 (10,000 paths over 30 years), so that a cell stays well under a second; 10,000 paths over 10 years take about 0.1–0.3 s on a laptop. Fewer paths than 100 is #VALUE!, more than the limit #NUM!.",
];
export const ALL_IN_EXAMPLE = [0.05, 20, 1.5e14, 3.125, 0.036, 0.02, 0.003, 20, 4, 0.004, 0.0093];
/** Two halls of 100 MW of critical IT, ready after 12 and 18 months. */
export const TWO_HALLS: RangeArg = {
  range: "H2:I3",
  rows: [
    [12, 100],
    [18, 100],
  ],
  columns: ["build months", "critical IT MW"],
};
/**
 * Hut 8's River Bend halls (Hut 8's release; docs/sources.md#leases): 245 MW of critical IT, the first hall
 * in Q2 2027 and more through 2027 from the December 2025 signing; four equal halls after 17, 19, 21
 * and 23 months are assumed (the hall sizes are not stated).
 */
const HUT8_HALLS: RangeArg = {
  range: "H2:I5",
  rows: [
    [17, 61.25],
    [19, 61.25],
    [21, 61.25],
    [23, 61.25],
  ],
  columns: ["build months", "critical IT MW"],
};
/**
 * IREN–Microsoft scale (docs/sources.md#gpu-cloud): ~200 MW of critical IT as 110,000
 * GB300-class GPUs at 1.8 kW, $1.94B a year of contracted revenue ⇒ $2.01 per GPU-hour at full use,
 * Dell's $5.8B ⇒ $52,700 per GPU; PUE 1.18 (Applied Digital's design, lease-deals.md), 4.5¢ power,
 * 10% opex (~85% EBITDA margin), five years, 10% salvage, $9M per MW of shell.
 */
export const GPU_EXAMPLE = [110000, 2.01, 1, 52700, 1.8, 1.18, 0.045];
export const GPU_OPTIONS = [0.1, 0, 5, 0.1, 0, 9e6];
/** The 100 MW conversion, the lease billed monthly in advance and its capex drawn over the conversion. */
const CONVERSION_TIMED = [...CONVERSION_EXAMPLE, true, 0, 0, true, 0, 1, 1];
/** Arguments with some replaced: the #NUM! cases are written as changes to a valid list. */
const replace = (args: readonly ExampleArg[], changes: Record<number, ExampleArg>): ExampleArg[] =>
  Array.from({ length: Math.max(args.length, ...Object.keys(changes).map((k) => Number(k) + 1)) }, (_, i) =>
    i in changes ? changes[i] : args[i],
  ).map((v) => (v === undefined ? "" : v));

/**
 * The README's 100 MW site leased and financed (docs/after-tax-and-financing.md): 100 / 1.4 MW of
 * critical IT at $150/kW-month, 3% escalator, 15% opex, 10 years after a 12-month build at $9M per
 * MW; 85% loan-to-cost at 8% compounded monthly, the build's interest capitalised, then level
 * payments over the 120 months of rent. Money rounded to cents, as a sheet would hold it.
 */
const cents = (x: number) => Math.round(x * 100) / 100;
const LEASED_MW = 100 / 1.4;
const LEASE_CAPEX = cents(9e6 * LEASED_MW);
const LEASE_LOAN = cents(0.85 * LEASE_CAPEX);
/** 8% compounded monthly, as the annual effective rate the debt functions take: (1 + 0.08/12)^12 − 1. */
const LOAN_RATE = Number(((1 + 0.08 / 12) ** 12 - 1).toFixed(10));
/** The loan when rent starts: the 12 build months' interest capitalised. */
const LOAN_AT_RENT = cents(LEASE_LOAN * (1 + 0.08 / 12) ** 12);
const LEVEL_PAYMENT = cents((LOAN_AT_RENT * (0.08 / 12)) / (1 - (1 + 0.08 / 12) ** -120));
const FIRST_NOI = cents(0.85 * LEASED_MW * 1000 * 150);
const monthColumn = (range: string, values: number[], described: string): RangeArg => ({
  range,
  rows: values.map((v) => [v]),
  described,
});
/** The lease's net cash flow, months 1–132 (LEASECASHFLOWS' net column without month 0). */
const LEASE_NOI = monthColumn(
  "B2:B133",
  Array.from({ length: 132 }, (_, k) => (k < 12 ? 0 : cents(FIRST_NOI * 1.03 ** Math.floor((k - 12) / 12)))),
  `the lease's net cash flow, months 1 to 132: 0 for the 12 build months, then ${FIRST_NOI.toLocaleString("en-US")} a month, 3% more each lease year (LEASECASHFLOWS' net column without month 0)`,
);
/** The loan's debt service, months 1–132 (LOANSCHEDULE's payments after 12 months of capitalised interest). */
const LEASE_DEBT_SERVICE = monthColumn(
  "C2:C133",
  Array.from({ length: 132 }, (_, k) => (k < 12 ? 0 : LEVEL_PAYMENT)),
  `the debt service: 0 for the 12 build months (the interest capitalised), then 120 payments of ${LEVEL_PAYMENT.toLocaleString("en-US")} (LOANSCHEDULE's payment column)`,
);
/** A year's cash flow at 1,000 a month, months 1–24, for AFTERTAXCASHFLOWS. */
const TWO_YEARS = monthColumn("B2:B25", new Array<number>(24).fill(1000), "1,000 in each of months 1 to 24");

/** Strategy's share table, 31 Dec 2024 and 30 Mar 2025 (its KPI disclosures; docs/sources.md#treasury). */
export const DAT_Q1_2025 = [447_470, 281_735_000, 528_185, 299_674_000];
/** A hand-built company: 100 shares at $50, $1,000 debt, $500 preferred, $200 cash, 2 BTC at $2,000. */
const MNAV_EXAMPLE: ExampleArg[] = [50, 100, 2, 2000, 1000, 500, 200, "EV"];
const ANY_ASSET =
  "Any treasury asset works, not only BTC: btc is an amount of it in its own units and btc_price its price (ETH and the ETH price for Bitmine, an ETH treasury).";
const DAT_SHARES =
  "Shares are assumed diluted shares (Strategy's ADSO: every convertible, option and RSU as if converted or settled), as Strategy defines its KPIs.";
/**
 * A company counting its convertibles: 100,000 BTC at $100,000, 150M basic
 * shares at $100, $2.5B of notes converting into 30M shares (180M assumed diluted), no other debt.
 */
const CONVERTIBLES = [100, 180e6, 100_000, 100_000, 2.5e9, 0, 0, "EV"];
const CONVERTIBLES_ONCE =
  "Convertibles count once, as shares or as debt, never both. shares (assumed diluted) counts the notes as converted, so convertible_debt, their principal inside debt, is then left out of the debt; basic_shares counts none, so with it the whole debt stays and convertible_debt changes nothing. With neither (the defaults) shares and the whole debt are used: then debt must not hold notes that shares already counts. basic_shares above shares, or convertible_debt above debt, is #VALUE!.";
const LOAN_CONVENTION =
  "Margin calls near 70–80% LTV and liquidation near 80–90% are market convention, not contract terms: read the loan's own (docs/sources.md#treasury).";

const COST_CONVENTIONS = [
  "Costs are per installed TH/s per calendar day (per TH-day) and divided by the BTC one TH-day earns after uptime and pool fee.",
  "Power per TH-day = wall_efficiency_j_th × 24 / 1000 kWh × uptime × power price; efficiency is at the wall, so multiply the machines' J/TH by the site's PUE.",
  "BTC per TH-day = 1e12 × 86,400 × (subsidy + fees) / (difficulty × 2^32). The subsidy is an argument: =MINER.SUBSIDY(height) gives it for the blocks you model (3.125 BTC for blocks 840,000 to 1,049,999; 1.5625 after the 2028 halving).",
];
const GPU_CLOUD_FORMULA =
  "Critical IT MW = gpus × kw_per_gpu / 1000. Month 0: capex = gpus × gpu_capex_usd + shell_capex_usd_per_mw × critical IT MW. No income for build_months; then service month k = 1 to life_years × 12 (at month build_months + k, end of month) earns gpus × usd_per_gpu_hour × (1 − price_decline_annual)^floor((k − 1) / 12) × utilization × 730 hours, less power (gpus × kw_per_gpu × pue × 730 h × power_price_kwh, rented or not) and opex (opex_pct_of_revenue × revenue); salvage_pct × gpus × gpu_capex_usd comes with the last month of life. Deals: gpu_capex_timing 1 pays the GPUs on delivery, at month build_months, instead of month 0; customer_prepayment_pct: the customer pays that share of the whole contract's revenue (undiscounted, over the life) at month 0, in its revenue, and each service month's revenue falls by the same share, opex staying a share of the revenue earned; shell_residual_pct × the shell capex comes with the salvage in the last month.";
const GPU_CLOUD_NOTES = [
  "A month is 365/12 days (730 hours); flows fall at month ends, capex at month 0, discounting annual effective as the lease functions. The price falls at each anniversary of the start of service; the life counts from the end of the build.",
  "Sources for inputs: docs/sources.md#gpu-cloud (GPU prices and power, rental rates, useful lives of 4–6 years). Microsoft prepaid 20% of IREN's contract; the hall outlives the GPUs.",
];
const TENANT_CREDIT =
  "Tenant credit (docs/after-tax-and-financing.md): with tenant_default_annual p, the tenant survives to month m, counted from month 0 (the build is at risk too), with probability S(m) = (1 − p)^(m/12), and each rent is the expected rent, rent × (S(m) + (1 − S(m)) × default_recovery_pct). Opex and the exit value follow the expected rent; capex is spent whatever the tenant does. 0 (the default) is a tenant that never defaults.";
/** The 200 MW lease of the lease examples, its timing inputs at their defaults (before the tenant's credit). */
const LEASE_200 = [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, 0, 0, 0, ""];
/** Month m of a mining schedule: its blocks, subsidy, price and difficulty (the floor included). */
const MONTH_FORMULA =
  "Month m (365/12 days, 4,380 blocks from start_height) has its subsidy as the mean over its blocks (the month holding a halving blends the two), price grown by its monthly rate and difficulty grown by its own, or row m of difficulty_path; with hashprice_floor_usd_per_ph_day the difficulty is never above 1e15 × 86,400 × (subsidy + fees) × price / (2^32 × floor), at which the month's hashprice is the floor.";
/** The refresh rule: machines are bought only to run. */
const REFRESH_RULE =
  "Refresh capex (refresh_capex_usd_per_th × fleet TH/s): a refresh falls due refresh_every_months after the start or the last purchase and is bought in the first month at or after that in which the fleet runs, never with fewer than refresh_every_months months of the horizon left (the fleet runs on to the end).";
const SWITCH_OFF_NOTE =
  "Switch-off (switch_off_below_cost, default TRUE): a month whose BTC revenue is below its power + energy tax + the opex idling saves, (1 − idle_opex_pct) × opex, mines nothing and buys no power (Running 0); it pays idle_opex_pct × the site opex (default 1: all of it; a mothballed site, typically 0.2–0.3); a tie runs. The decision is month by month on that month's own margin, and the difficulty path is as given.";
const ENERGY_TAX_NOTE =
  "Energy tax = site_mw × 1000 × hours × uptime × energy_tax_usd_per_kwh in a month that runs, a variable cost (for tiered taxes, the effective rate ENERGYTAX / annual kWh), from month energy_tax_start_month on (default 1): a tax enacted for a later date (New York's S8518, tax years from 1 January 2027: month 14 of a schedule starting at block 925,000 in late November 2025) costs nothing before it, and the months before it decide to run without it.";
/** The conversion's lease leg with the tenant's credit. */
const CONVERSION_CREDIT =
  "tenant_default_annual and default_recovery_pct weight the lease leg's rent as in LEASENPV (expected rent = rent × (S + (1 − S) × recovery), S = (1 − p)^(j/12)), survival counted from the lease's own month 0, its signing; T, the same lease signed at the horizon's end, carries the same credit. Mining is unaffected.";
const SALVAGE_NOTE =
  "The fleet's value when mining ends, in the salvage column: at the horizon's end, salvage_pct × refresh_capex_usd_per_th × fleet TH/s when salvage_pct is above 0, else fleet_resale_usd_per_th × fleet TH/s; at a stop for good, the resale value. salvage_pct above 0 with refresh_capex_usd_per_th 0 or blank is #VALUE! (a share of no price): give fleet_resale_usd_per_th.";
const STOP_NOTE =
  "stop_for_good (default FALSE): the fleet stops for good after the month s that maximises the NPV (every s tried; a tie goes to the later month), is sold then for its resale value, and nothing follows: no revenue, power, opex or refresh. The stop is chosen with hindsight of the path; the simulations decide it month by month from what is known then.";
const NETWORK_NOTE =
  "The floor is the network's marginal cost: hashrate stops growing, or leaves, when hashprice falls to it (the 2025 low, $35.06/PH-day on 22 November 2025 by Luxor's Hashrate Index, was followed by the largest difficulty drop since 2021; docs/timing-option.md). The path runs on beneath the floor, so difficulty returns to it when the price allows; a floor at which the network would be smaller than the fleet counted in it is #VALUE!. It holds on the hashprice the fleet earns, and above month 1's hashprice binds from month 1.";
/** Both legs of a conversion and their values at month 0. */
const CONVERSION_LEGS =
  "L: the lease, critical IT MW = site_mw / site_mw_per_critical_it_mw (or the phases), conversion capex, no income for conversion_months, then the lease as in LEASENPV (exit_cap_rate, rent_timing, capex_timing, phases as there), discounted at lease_discount_rate (blank: discount_rate). R: the fleet sold, fleet_resale_usd_per_th × fleet TH/s. M: MININGNPV of the whole site over the same months (to the lease's last month, H), at discount_rate. T: with exit_cap_rate, the site the mining strategy keeps, worth converting then: max(0, L) × (1 + discount_rate)^(−H/12); 0 without.";
const NO_BTC_EARNED = "no BTC is earned: subsidy and fees both 0, uptime 0, or pool_fee 1";

export const CATALOG: readonly FunctionDoc[] = [
  {
    id: "SUBSIDY",
    description:
      "Block subsidy in BTC at a block height: 50 BTC halved every 210,000 blocks, in whole satoshis; 0 after 64 halvings.",
    result: "Subsidy in BTC per block.",
    shape: "number",
    formula: "floor(5,000,000,000 sats / 2^floor(height / 210,000)) / 100,000,000, and 0 from the 64th halving on.",
    examples: [
      { args: [840000], result: "3.125", note: "the April 2024 halving" },
      { args: [1050000], result: "1.5625", note: "the 2028 halving" },
    ],
  },
  {
    id: "NEXTHALVING",
    description: "Height of the first halving after a block height: the next multiple of 210,000.",
    result: "Block height of the next halving.",
    shape: "number",
    formula: "(floor(height / 210,000) + 1) × 210,000; at a halving height it is the one after.",
    examples: [{ args: [925000], result: "1050000" }],
  },
  {
    id: "NETWORKHASHRATE",
    description: "Network hashrate in EH/s implied by a difficulty: difficulty × 2^32 / 600 / 1e18.",
    result: "Implied network hashrate in EH/s (1e18 hashes per second).",
    shape: "number",
    formula: "difficulty × 2^32 hashes per block / 600 seconds per block / 1e18.",
    examples: [{ args: [1.5e14], result: "1073.741824" }],
  },
  {
    id: "DIFFICULTYFORHASHRATE",
    description:
      "Difficulty at which a network hashrate in EH/s finds a block every 600 seconds; the inverse of NETWORKHASHRATE.",
    result: "Difficulty (dimensionless).",
    shape: "number",
    formula: "hashrate_ehs × 1e18 × 600 / 2^32.",
    examples: [{ args: [1100], result: "153668224811554" }],
  },
  {
    id: "BTCPERDAY",
    description: "Expected BTC mined per day by a hashrate at a difficulty, before pool fee.",
    result: "BTC per day.",
    shape: "number",
    formula: "hashrate_ths × 1e12 × 86,400 × (subsidy + fees) / (difficulty × 2^32).",
    notes: [
      "An expectation: a miner's actual blocks (or pool payouts) vary around it.",
      "The subsidy is an argument so that the formula says which it assumed: =MINER.SUBSIDY(height), or 3.125 for blocks 840,000 to 1,049,999.",
    ],
    examples: [{ args: [200, 1.5e14, 3.125, 0.036], result: "0.0000847846", note: "one S21-class machine" }],
  },
  {
    id: "HASHPRICE",
    description: "Hashprice: the USD that 1 PH/s is expected to earn in one day at a BTC price and difficulty.",
    result: "Hashprice in USD per PH/s per day.",
    shape: "number",
    formula: "(subsidy + fees) × btc_price × 86,400 × 1e15 / (difficulty × 2^32).",
    notes: [
      "Luxor's Hashrate Index reported $38.2/PH/day in late November 2025 against 38.07 from this formula (ebtcnews.com; docs/sources.md#revenue-and-hashprice).",
    ],
    examples: [{ args: [91000, 1.52e14, 3.125, 0.036], result: "38.07", note: "late-November-2025 conditions" }],
  },
  {
    id: "COSTPERBTC",
    description:
      "Cash cost in USD per BTC earned: power and other opex per TH-day divided by the BTC one TH-day earns after pool fee.",
    result: "Cash cost in USD per BTC.",
    shape: "number",
    formula: "(power per TH-day + opex_usd_per_th_day) / (BTC per TH-day × (1 − pool_fee)), at full uptime.",
    notes: COST_CONVENTIONS,
    examples: [
      {
        args: [0.05, 17.5, 1.5e14, 3.125, 0.036, 0.02],
        result: "50548.25",
        note: "an S21-class fleet (17.5 J/TH) at 5¢",
      },
    ],
    noAnswer: [
      {
        when: "no BTC is earned: subsidy and fees both 0, or pool_fee 1",
        args: [
          [0.05, 17.5, 1.5e14, 0, 0],
          [0.05, 17.5, 1.5e14, 3.125, 0.036, 1],
        ],
      },
    ],
  },
  {
    id: "ALLINCOSTPERBTC",
    description:
      "All-in cost in USD per BTC earned: cash costs plus straight-line machine depreciation and stock-based compensation.",
    result: "All-in cost in USD per BTC.",
    shape: "number",
    formula:
      "(power + energy tax + opex + SG&A + machine_cost_usd_per_th / (machine_life_years × 365) + stock pay, each per TH-day) / (BTC per TH-day × uptime × (1 − pool_fee)).",
    notes: [
      ...COST_CONVENTIONS,
      "Cash cost = power + energy tax + other opex + SG&A; all-in adds depreciation and stock-based compensation (CoinShares' definitions, docs/sources.md#mining-costs).",
    ],
    examples: [
      {
        args: ALL_IN_EXAMPLE,
        result: "129977.91",
        note: "CoinShares' average miner: ~$130,000 all-in (docs/sources.md#mining-costs)",
      },
    ],
    noAnswer: [
      {
        when: NO_BTC_EARNED,
        args: [[0.05, 20, 1.5e14, 0, 0], replace(ALL_IN_EXAMPLE, { 12: 0 }), [0.05, 20, 1.5e14, 3.125, 0.036, 1]],
      },
    ],
  },
  {
    id: "COSTBREAKDOWN",
    description:
      "Cost per BTC by component as a two-column table, from power to all-in cost, with the subsidy it assumed; the lines add up to the totals.",
    result: "A 10-row, 2-column table: component, USD per BTC; the last row is the subsidy assumed, in BTC per block.",
    shape: "table",
    formula:
      "Rows: Power, Energy tax, Other cash opex, SG&A, Cash cost (subtotal), Depreciation, Stock-based compensation, All-in cost (total), each in USD per BTC as in ALLINCOSTPERBTC; then the subsidy assumed, BTC per block.",
    notes: COST_CONVENTIONS,
    examples: [{ args: ALL_IN_EXAMPLE, result: "a 10×2 table", note: "cash 74,619 and all-in 129,978 USD per BTC" }],
    noAnswer: [
      {
        when: NO_BTC_EARNED,
        args: [[0.05, 20, 1.5e14, 0, 0], replace(ALL_IN_EXAMPLE, { 12: 0 }), [0.05, 20, 1.5e14, 3.125, 0.036, 1]],
      },
    ],
  },
  {
    id: "BREAKEVENPRICE",
    description:
      "BTC price in USD at which the margin on the costs given is zero: give power and opex only for the cash breakeven.",
    result: "Breakeven BTC price in USD.",
    shape: "number",
    formula:
      "The cost per BTC of the costs given (as ALLINCOSTPERBTC): at that price revenue per TH-day equals cost per TH-day. Add depreciation, SG&A and stock pay for the all-in breakeven.",
    notes: COST_CONVENTIONS,
    examples: [{ args: [0.05, 20, 1.5e14, 3.125, 0.036, 0.02, 0.003], result: "64990.60", note: "cash, no SG&A" }],
    noAnswer: [
      {
        when: NO_BTC_EARNED,
        args: [[0.05, 20, 1.5e14, 0, 0], replace(ALL_IN_EXAMPLE, { 12: 0 }), [0.05, 20, 1.5e14, 3.125, 0.036, 1]],
      },
    ],
  },
  {
    id: "BREAKEVENPOWER",
    description: "Power price in USD per kWh at which the cash margin of mining is zero.",
    result: "Breakeven power price in USD per kWh.",
    shape: "number",
    formula:
      "(BTC per TH-day × (1 − pool_fee) × btc_price − opex_usd_per_th_day) / (wall_efficiency_j_th × 24 / 1000), at full uptime.",
    notes: COST_CONVENTIONS,
    examples: [{ args: [91000, 17.5, 1.52e14, 3.125, 0.036, 0.02], result: "0.0888" }],
    noAnswer: [
      {
        when: "opex alone exceeds revenue",
        args: [
          [91000, 17.5, 1.5e14, 3.125, 0.03, 0.02, 1],
          [91000, 17.5, 1.5e14, 3.125, 0.03, 1, 0.001],
        ],
      },
    ],
  },
  {
    id: "BREAKEVENHASHPRICE",
    description:
      "Hashprice in USD per PH/s per day at which the margin on the costs given is zero; compare it with HASHPRICE.",
    result: "Breakeven hashprice in USD per PH/s per day.",
    shape: "number",
    formula: "costs per TH-day (as ALLINCOSTPERBTC) / (uptime × (1 − pool_fee)) × 1000.",
    notes: [
      "Independent of difficulty, BTC price, subsidy and fees: hashprice carries them, so mining pays while HASHPRICE is above this.",
    ],
    examples: [{ args: [0.05, 17.5, 0.02], result: "21.43", note: "power alone" }],
    noAnswer: [
      {
        when: "nothing is earned: uptime 0 or pool_fee 1",
        args: [
          [0.05, 17.5, 0.02, 0.001, 20, 4, 0.004, 0.009, 0, 0],
          [0.05, 17.5, 1],
        ],
      },
    ],
  },
  {
    id: "PAYBACKMONTHS",
    description:
      "Months until a machine's cumulative cash margin repays its price, with difficulty growing monthly and price, fees and subsidy flat.",
    result: "Payback in months.",
    shape: "number",
    formula:
      "Month k earns hashrate × BTC per TH-day at difficulty × (1 + difficulty_growth_monthly)^(k−1) × uptime × (1 − pool_fee) × price × 365/12 days, less power and opex; the month in which the cumulative margin reaches machine_cost_usd is interpolated.",
    notes: [
      "A month is 365/12 days (4,380 blocks). Price and fees are held flat.",
      "Without start_height the subsidy is held flat. With it, month k's subsidy is the mean of its blocks from start_height + 4,380 × (k − 1), so the subsidy halves in the month holding the halving, blended by block count as in MININGCASHFLOWS; subsidy_btc_per_block must then be the subsidy at start_height.",
      "A machine whose margin is never positive never pays back, even when it is free.",
    ],
    examples: [
      { args: [3500, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02], result: "25.45", note: "flat difficulty" },
      {
        args: [3500, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0.01],
        result: "33.47",
        note: "difficulty +1% a month, the subsidy held at 3.125",
      },
      {
        args: [3500, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0, 925000],
        result: "25.45",
        note: "flat difficulty from block 925,000: it pays back before the 2028 halving (month 29)",
      },
    ],
    noAnswer: [
      {
        when: "it never pays back: the margin is not positive (even for a free machine), turns non-positive as difficulty grows or the subsidy halves (then the message says how much is still owed), or payback would take more than 100 years",
        args: [
          [3500, 200, 17.5, 0.5, 91000, 1.52e14, 3.125, 0.036, 0.02],
          [3500, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0.2],
          [1e9, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02],
          [3500, 200, 17.5, 0.035, 91000, 1.52e14, 3.125, 0.036, 0.02, 0, 1, 0.01, 925000],
          [0, 200, 17.5, 0.5, 91000, 1.52e14, 3.125, 0.036, 0.02],
        ],
      },
    ],
  },
  {
    id: "ENERGYTAX",
    description:
      "Energy excise in USD for a year's electricity under marginal tax bands; by default New York's proposed S8518 on proof-of-work mining.",
    result: "Tax in USD per year.",
    shape: "number",
    formula:
      "Σ over bands of rate × the kWh inside the band, like an income tax: band i covers [start_i, start_i+1), the last band everything above its start. The effective rate ENERGYTAX / annual_kwh is what energy_tax_usd_per_kwh takes.",
    notes: [
      "The default bands are New York S8518 / A9138 as introduced (Oct 2025; proposed Tax Law §186-h, per taxpayer per year, not enacted): 0 up to 2,250,000 kWh, 2¢ to 5,000,000, 3¢ to 10,000,000, 4¢ to 20,000,000, 5¢ above (nysenate.gov/legislation/bills/2025/S8518; docs/sources.md#energy-tax).",
      "tiers: rows of (band start in kWh a year, USD per kWh), the first starting at 0, starts strictly ascending, rates of 0 or more; blank rows at the end of the range are skipped, and a bad row is #VALUE! naming it.",
    ],
    examples: [
      { args: [876000000], result: "43405000", note: "100 MW all year: an effective 4.95¢ per kWh" },
      { args: [8760000], result: "167800", note: "1 MW all year: 1.92¢ per kWh" },
      {
        args: [876000000, { range: "E2:F2", rows: [[0, 0.05]], columns: ["band start, kWh", "USD per kWh"] }],
        result: "43800000",
        note: "a flat 5¢, which overstates every site",
      },
    ],
  },
  {
    id: "LEASENPV",
    description:
      "NPV in USD of an AI/HPC lease of critical IT capacity: capex at month 0, rent after the build, discounted at an annual effective rate.",
    result: "NPV in USD at month 0.",
    shape: "number",
    formula:
      "−capex at month 0, no revenue for build_months, then term_years × 12 months of rent (critical_it_mw × 1000 × rate_usd_per_kw_month, escalating after each completed lease year) less opex; a month-m flow is worth CF / (1 + r)^(m / 12). Equals Excel's −capex + NPV((1 + r)^(1/12) − 1, CF1..CFn).",
    notes: [
      "The discount rate is annual effective. Rent falls at the end of each month (rent_timing 0) or at its beginning (1: lease month k paid one month earlier); capex all at month 0 (capex_timing 0) or evenly at the start of each build month, months 0 to build_months − 1 (1; with no build months, all at month 0).",
      "exit_cap_rate > 0 adds a terminal value: the final lease year's NOI (its last 12 months of rent less opex; annualised for a term under a year) ÷ exit_cap_rate, received with the last rent. It stands for the renewals most deals carry.",
      "phases: rows of (build months until ready for service, critical IT MW). Each phase is a lease of its own (its rent starts after its build, escalates on its own anniversaries and runs the full term; its capex follows capex_timing over its own build), so the result is the sum of one lease per phase. With phases, build_months must be blank and critical_it_mw blank or the phases' total; blank rows at the end of the range are skipped.",
      TENANT_CREDIT,
    ],
    examples: [
      {
        args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12],
        result: "804098155.71",
        note: "200 MW at $150/kW-month for 15 years, 3% escalator, $9M per MW, 15% opex, 12 months to build",
      },
      {
        args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, 0, 1],
        result: "824863600.09",
        note: "the same, billed monthly in advance",
      },
      {
        args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, 0, 0, 1],
        result: "880388617.67",
        note: "the same, its capex drawn evenly over the 12 months of the build",
      },
      {
        args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, "", 0, 0, 0, TWO_HALLS],
        result: "743504162.95",
        note: "the 200 MW in two halls, ready after 12 and 18 months",
      },
      {
        args: [...LEASE_200, 0.02],
        result: "453967141.99",
        note: "the first example with a tenant that defaults at 2% a year and nothing recovered: $350.1M less",
      },
      {
        args: [...LEASE_200, 0.02, 0.5],
        result: "629032648.85",
        note: "the same with half the rent recovered after a default (re-leasing, a backstop): half the loss",
      },
    ],
  },
  {
    id: "LEASEIRR",
    description: "Annual effective IRR of an AI/HPC lease's monthly cash flows.",
    result: "Annual effective IRR as a rate (0.12 = 12%).",
    shape: "number",
    formula: "(1 + monthly IRR)^12 − 1, the monthly IRR found on the lease's cash flows as in LEASENPV.",
    notes: [TENANT_CREDIT],
    examples: [
      { args: [200, 150, 15, 0.03, 9e6, 0.15, 12], result: "0.1608" },
      {
        args: [245, 128, 15, 0.03, 9e6, 0.15, 18],
        result: "0.1237",
        note: "Hut 8's River Bend terms (245 MW, 15 years, 3% escalator, ~$128/kW-month in year 1); capex, opex and build time assumed",
      },
      {
        args: [245, 128, 15, 0.03, 9e6, 0.015, "", 0, 1, 1, HUT8_HALLS],
        result: "0.1641",
        note: "the same lease as it is written: triple-net (~1.5% opex), billed in advance, capex drawn over each hall's build, four halls through 2027",
      },
      {
        args: [200, 150, 15, 0.03, 9e6, 0.15, 12, 0, 0, 0, "", 0.02],
        result: "0.1376",
        note: "the first example with a tenant that defaults at 2% a year, nothing recovered",
      },
    ],
    noAnswer: [
      { when: "there is no capex (no investment)", args: [[200, 150, 15, 0.03, 0, 0.15, 12]] },
      { when: "no rate sets the NPV to zero, e.g. opex takes all the rent", args: [[200, 150, 15, 0.03, 9e6, 1, 12]] },
    ],
  },
  {
    id: "LEASECASHFLOWS",
    description:
      "The lease's monthly schedule as a table: month, revenue, opex, capex, terminal value, net cash flow, discount factor and present value.",
    result: "An 8-column table, one row per month from 0 to the last phase's last lease month, under a header row.",
    shape: "table",
    formula:
      "As LEASENPV, month by month: the capex in month 0 (or over the build), the terminal value with the last rent; the present values sum to LEASENPV.",
    notes: [`${TENANT_CREDIT} The revenue column is then the expected rent: the table keeps its columns.`],
    examples: [
      { args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12], result: "a 194×8 table" },
      {
        args: [...LEASE_200, 0.02, 0.5],
        result: "a 194×8 table",
        note: "a tenant that defaults at 2% a year, half the rent recovered: month 13's revenue is 30,000,000 × (0.5 + 0.5 × 0.98^(13/12)) = 29,675,273",
      },
      {
        args: [200, 150, 15, 0.1, 0.03, 9e6, 0.15, "", 0.07, 1, 1, TWO_HALLS],
        result: "a 200×8 table",
        note: "two halls; the terminal values in months 191 and 197 (rent in advance)",
      },
    ],
  },
  {
    id: "MININGCASHFLOWS",
    description:
      "A site's mining month by month as a table, halvings in their month: whether it ran, BTC mined, revenue, power, energy tax, opex, capex, salvage and value.",
    result: "A 16-column table, one row per month from 1, under a header row.",
    shape: "table",
    formula: `Fleet TH/s = site_mw × 1e6 / (machine_efficiency_j_th × pue). ${MONTH_FORMULA} Revenue = BTC mined × uptime × (1 − pool_fee) × price; power = site_mw × 1000 × hours × uptime × power price; opex per site MW; discount factor 1 / (1 + r)^(m / 12). ${REFRESH_RULE}`,
    notes: [
      SWITCH_OFF_NOTE,
      ENERGY_TAX_NOTE,
      SALVAGE_NOTE,
      STOP_NOTE,
      NETWORK_NOTE,
      "difficulty_includes_fleet (default TRUE): the difficulty given already counts this fleet (a site that is hashing, or a forecast that includes it), so the fleet's share is its hashrate over the network's, and a fleet larger than the network is #VALUE! with both in EH/s. FALSE: a new fleet adds its hashrate to the network's and earns its share of the total, f / (N + f), about 5% less at 1 GW than ignoring it.",
      "The present values sum to MININGNPV.",
    ],
    examples: [
      {
        args: MINING_EXAMPLE,
        result: "a 61×16 table",
        note: "the halving at block 1,050,000 falls in month 29: 3.125 before, 2.4044 blended, 1.5625 after; no refresh is bought (the one due at month 48 would leave only 12 of the 60 months)",
      },
      {
        args: byName(MINING_EXAMPLE, "MININGCASHFLOWS", { stop_for_good: true, fleet_resale_usd_per_th: 3 }),
        result: "a 61×16 table",
        note: "stopped for good with a $3/TH resale: the fleet runs to month 17, is sold then ($15.6M in the salvage column) and nothing follows",
      },
    ],
  },
  {
    id: "MININGNPV",
    description: "NPV in USD of mining a site for a number of months: the sum of MININGCASHFLOWS' present values.",
    result: "NPV in USD at month 0.",
    shape: "number",
    formula:
      "Σ net cash flow of month m / (1 + discount_rate)^(m / 12), with the flows of MININGCASHFLOWS (refreshes bought only in months the fleet runs, never with fewer than refresh_every_months months left; idle opex in months off; a stop for good when asked).",
    notes: [
      "With stop_for_good TRUE the NPV is the best over every stop month s = 1 … months (nothing after s, the fleet sold at s), chosen with hindsight of the whole price and difficulty path.",
      "Machines are bought only to run: a refresh is never bought in a month the fleet is switched off (it waits for the next month that runs), nor with less than a fleet's life of the horizon left.",
    ],
    examples: [
      {
        args: MINING_EXAMPLE,
        result: "-23510682.74",
        note: "a 100 MW site, BTC $91,000 +1%/month, difficulty 152T +2%/month, five years at 12%; off from month 30 (after the halving); no refresh bought",
      },
      {
        args: [...MINING_EXAMPLE, false],
        result: "-49222090.15",
        note: "the same with the fleet forced to run every month",
      },
      {
        args: [...MINING_EXAMPLE, true, 0, 43405000 / 876000000],
        result: "-68381692.05",
        note: "with New York's tiered excise at its effective 4.95¢ for 100 MW (ENERGYTAX(876E6) / 876E6) from month 1",
      },
      {
        args: byName(MINING_EXAMPLE, "MININGNPV", {
          energy_tax_usd_per_kwh: 43405000 / 876000000,
          energy_tax_start_month: 14,
        }),
        result: "-41978059.82",
        note: "the same tax from month 14, where 1 January 2027 falls (S8518's first tax year): months 1–13 run and earn their margin",
      },
      {
        args: replace(MINING_EXAMPLE, { 7: 48 }),
        result: "-12746738.93",
        note: "48 months: the refresh due in month 48 is not bought, since the fleet would not run it",
      },
      {
        args: byName(MINING_EXAMPLE, "MININGNPV", { idle_opex_pct: 0.25 }),
        result: "104815.51",
        note: "mothballed at 25% of the opex in the months off",
      },
      {
        args: byName(MINING_EXAMPLE, "MININGNPV", { stop_for_good: true }),
        result: "9126274.18",
        note: "stopped for good after month 20, before the halving",
      },
      {
        args: byName(MINING_EXAMPLE, "MININGNPV", { hashprice_floor_usd_per_ph_day: 35 }),
        result: "26131359.22",
        note: "difficulty never takes hashprice below $35/PH-day: the fleet never switches off",
      },
    ],
  },
  {
    id: "CONVERSIONVALUE",
    description:
      "Lease NPV minus mining NPV, in USD, of converting a mining site to an AI/HPC lease: positive means leasing is worth more.",
    result: "(Lease NPV + the fleet's sale) minus (mining NPV + the site's value when mining ends), in USD at month 0.",
    shape: "number",
    formula: `(L + R) − (M + T). ${CONVERSION_LEGS}`,
    notes: [
      "With phases, the phases give the lease's critical IT MW and build months: conversion_months and site_mw_per_critical_it_mw must be blank. The whole site is mined over the whole horizon on the mining side.",
      "A hyperscaler-backed lease is often discounted at a lower rate than mining: give it as lease_discount_rate.",
      "Converting now is one of many conversion months: CONVERSIONTIMING values each (its first row is this value), CONVERSIONOPTION the choice under a random market.",
      "The mining side buys machines only to run them (MININGNPV), and with exit_cap_rate it keeps the site's value T, so both sides end with the site.",
      CONVERSION_CREDIT,
      ENERGY_TAX_NOTE,
    ],
    examples: [
      {
        args: CONVERSION_EXAMPLE,
        result: "73096170.89",
        note: "the 100 MW site against a 10-year lease at $150/kW-month after 12 months' conversion; the fleet is off in 103 of the 132 months",
      },
      {
        args: CONVERSION_TIMED,
        result: "111461394.14",
        note: "the lease billed monthly in advance and its capex drawn over the conversion",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONVALUE", { stop_for_good: true }),
        result: "-3795743.47",
        note: "mining may stop for good (after month 20): mining is worth more",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONVALUE", { idle_opex_pct: 0.25 }),
        result: "16289454.56",
        note: "a switched-off site pays 25% of its opex",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONVALUE", { hashprice_floor_usd_per_ph_day: 35 }),
        result: "13143433.25",
        note: "a network that stops growing at a $35/PH-day hashprice",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONVALUE", { tenant_default_annual: 0.02 }),
        result: "7650453.98",
        note: "a tenant that defaults at 2% a year, nothing recovered: the lease leg loses $65.4M",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONVALUE", {
          energy_tax_usd_per_kwh: 43405000 / 876000000,
          energy_tax_start_month: 14,
        }),
        result: "91563547.96",
        note: "New York's effective 4.95¢ from month 14 (2027): +$118.0M if charged from month 1, $26.4M too much",
      },
      {
        args: [...CONVERSION_TIMED.slice(0, 27), 0.07, 1, 1],
        result: "520114167.33",
        note: "with a 7% exit cap rate: the lease's exit value ($591.2M at month 0) against the mining side's site, T = $182.5M",
      },
    ],
  },
  {
    id: "CONVERSIONBREAKEVEN",
    description:
      "Lowest BTC price in month 1 at which mining a site is worth at least as much as converting and leasing it.",
    result: "Breakeven BTC price in USD.",
    shape: "number",
    formula: `The lowest month-1 price at which M + T ≥ L + R (CONVERSIONVALUE ≤ 0), the growth path held. Each month runs from its own threshold price, so the mining value is piecewise linear in the price; it is not monotone: a month that starts to run can bring a refresh forward, and the value falls. The search is exact on the doubles: the thresholds are grouped into runs with the same refreshes (within a run the value does not fall), the first run that reaches L + R holds the answer, which is solved on its segment in 40 digits and checked against the neighbouring doubles (bisection where the value is not linear: a stop for good, a floor).`,
    notes: [
      "Mining may win from the breakeven, lose again at a higher price and win again (the README example: it wins from $144,190, loses between about $159,340 and $174,570, where a refresh is bought in month 48, and wins above).",
      "With a hashprice floor the floor-capped difficulty follows the price tried: the network answers it.",
    ],
    examples: [
      { args: CONVERSION_EXAMPLE, result: "144190.14" },
      { args: [...CONVERSION_EXAMPLE, false], result: "197839.75", note: "with the fleet forced to run every month" },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONBREAKEVEN", { stop_for_good: true }),
        result: "86882.00",
        note: "mining may stop for good: below the $91,000 spot price",
      },
      {
        args: byName(CONVERSION_EXAMPLE, "CONVERSIONBREAKEVEN", { hashprice_floor_usd_per_ph_day: 35 }),
        result: "105928.14",
        note: "with a $35/PH-day hashprice floor",
      },
    ],
    noAnswer: [
      {
        when: "mining earns nothing, or beats leasing at any price",
        args: [
          replace(CONVERSION_EXAMPLE, { 11: 1 }),
          replace(CONVERSION_EXAMPLE, { 3: 0, 8: 1, 15: 0, 16: 0, 21: 1 }),
        ],
      },
    ],
  },
  {
    id: "CONVERSIONTIMING",
    description:
      "When to convert, on one path: the value of mining k months, then selling the fleet and converting, for every k from 0 to the horizon, against mining throughout.",
    result:
      "A two-column table under a header row: k (months mined before converting, 0 to conversion_months + 12 × term_years) and the value in USD at month 0, relative to mining the whole horizon.",
    shape: "table",
    formula: `Row k = M_k + L × (1 + discount_rate)^(−k/12) − (M + T): M_k is the mining leg over months 1 … k as a horizon of its own (a refresh only with refresh_every_months of those k months left, a stop for good within them when asked) with the fleet sold at month k for R; then CONVERSIONVALUE's whole lease (its capex, its conversion_months of build, its term) starts at month k. ${CONVERSION_LEGS}`,
    notes: [
      "Row k = 0 is CONVERSIONVALUE, to the last digit; the best row says when converting is worth most, and how much more than converting now.",
      "A lease signed at month k is worth its NPV L at month k and is brought back at discount_rate: until it is signed the site's future is the owner's, uncontracted; lease_discount_rate discounts the lease's own flows from the signing on.",
      "Price and difficulty follow their one path (growth, a difficulty_path, a floor); CONVERSIONOPTION decides under a random market.",
      "The tenant's credit is the lease's own: row k's lease, signed at month k, survives to month k + j with probability (1 − tenant_default_annual)^(j/12), counted from its signing at k, not from month 0 (the tenant signs at k), so its value at k is L in every row.",
    ],
    examples: [
      {
        args: CONVERSION_EXAMPLE,
        result: "a 134×2 table",
        note: "k = 0 is CONVERSIONVALUE's +$73.10M; mining 19 months, then converting, is the best row: +$81.33M against mining throughout, $8.23M more than converting now",
      },
    ],
  },
  {
    id: "MWECONOMICS",
    description:
      "Three uses of a site MW side by side, mining, colocation lease and GPU cloud: revenue, EBITDA and margin per MW-year and the capital each needs per MW.",
    result:
      "A 4-row, 4-column table under a header row: measure, mining, colocation lease, GPU cloud (n/a without the GPU-cloud inputs).",
    shape: "table",
    formula:
      "Per site MW, in the first year of operation (annualised when shorter): mining, months 1–12 of MININGCASHFLOWS' revenue, and revenue less power, energy tax and opex; the lease, every phase's first lease year of rent, less opex; GPU cloud, its first 12 service months of revenue, less power and opex. Capital: mining, one fleet at refresh_capex_usd_per_th; lease, the conversion capex; GPU cloud, the GPUs and the hall at the conversion capex per critical IT MW.",
    notes: [
      "GPU cloud on the site: its GPUs fill the critical IT (site_mw / site_mw_per_critical_it_mw, or the phases' total) at kw_per_gpu, drawing power at the site's pue and power_price_kwh. Give usd_per_gpu_hour, utilization, gpu_capex_usd and kw_per_gpu, all or none.",
      "The margin is n/a when revenue is 0. Refresh capex and salvage are not EBITDA.",
      "The mining year is the schedule's first 12 months as the site runs them (switch-off, idle opex in the months off, the hashprice floor or a difficulty path, the energy tax from energy_tax_start_month); a stop for good and the fleet's resale are not applied to it (they are values over the horizon, in CONVERSIONVALUE).",
      "With the tenant's credit, the lease's year is the expected rent of every phase's first 12 lease months where each is paid, survival counted from the signing (month 0), as in LEASENPV.",
    ],
    examples: [
      {
        args: CONVERSION_EXAMPLE,
        result: "a 5×4 table",
        note: "mining $636,951 revenue and $82,461 EBITDA per MW-year on $779,221 of machines per MW; colocation $1,285,714 and $1,092,857 on $6,428,571",
      },
      {
        args: [...CONVERSION_EXAMPLE, true, 0, 0, true, 0, 0, 0, "", "", 2.01, 1, 52700, 1.8, 0.1],
        result: "a 5×4 table",
        note: "with IREN–Microsoft-scale GPU cloud: $6,987,143 revenue and $5,978,700 EBITDA per site MW-year on $27,341,270 of capital per MW",
      },
    ],
  },
  {
    id: "GPUCLOUDNPV",
    description:
      "NPV in USD of a GPU cloud: buying GPUs and selling GPU-hours month by month, the price falling yearly, the GPUs aging out with a salvage value.",
    result: "NPV in USD at month 0.",
    shape: "number",
    formula: GPU_CLOUD_FORMULA,
    notes: GPU_CLOUD_NOTES,
    examples: [
      {
        args: [...GPU_EXAMPLE, 0.12, ...GPU_OPTIONS],
        result: "-977746203.97",
        note: "IREN–Microsoft scale at 12%: the GPUs and the hall cost $7.6B against $1.65B a year of EBITDA for five years",
      },
      {
        args: [...GPU_EXAMPLE, 0.12, 0.1, 0, 5, 0.1, 0, 0],
        result: "804253796.03",
        note: "the same with the hall already built (no shell capex)",
      },
      {
        args: [...GPU_EXAMPLE, 0.12, 0.1, 0, 5, 0.1, 12, 9e6],
        result: "-1685023396.41",
        note: "the first example with a 12-month build, the GPUs paid at month 0",
      },
      {
        args: [...GPU_EXAMPLE, 0.12, 0.1, 0, 5, 0.1, 12, 9e6, 1],
        result: "-1063916253.55",
        note: "the GPUs paid on delivery at the end of the build: $621.1M more, their $5.80B × (1 − 1/1.12)",
      },
    ],
  },
  {
    id: "GPUCLOUDIRR",
    description: "Annual effective IRR of a GPU cloud's monthly cash flows, as GPUCLOUDNPV schedules them.",
    result: "Annual effective IRR as a rate (0.12 = 12%).",
    shape: "number",
    formula:
      "(1 + monthly IRR)^12 − 1, the monthly IRR found on the cash flows of GPUCLOUDNPV (which needs no discount rate here).",
    examples: [
      { args: [...GPU_EXAMPLE, ...GPU_OPTIONS], result: "0.0599", note: "IREN–Microsoft scale, shell included" },
      { args: [...GPU_EXAMPLE, 0.1, 0, 5, 0.1, 0, 0], result: "0.1829", note: "without the shell" },
      {
        args: [...GPU_EXAMPLE, ...GPU_OPTIONS, 0, 0.2],
        result: "0.0785",
        note: "the first example with Microsoft's 20% prepayment of the contract",
      },
      {
        args: [...GPU_EXAMPLE, ...GPU_OPTIONS, 0, 0, 0.75],
        result: "0.1080",
        note: "the first example with the hall worth 75% of its cost when the GPUs retire",
      },
      {
        args: [...GPU_EXAMPLE, ...GPU_OPTIONS, 0, 0.2, 0.75],
        result: "0.1373",
        note: "both: the prepayment and the hall's residual value",
      },
    ],
    noAnswer: [
      { when: "there is no capex (no investment)", args: [[110000, 2.01, 1, 0, 1.8, 1.18, 0.045]] },
      { when: "no rate sets the NPV to zero, e.g. nothing is sold", args: [[110000, 0, 1, 52700, 1.8, 1.18, 0.045]] },
    ],
  },
  {
    id: "GPUCLOUDCASHFLOWS",
    description:
      "A GPU cloud month by month as a table: in service, GPU-hour price, revenue, power, opex, capex, salvage, net cash flow and present value.",
    result: "An 11-column table, one row per month from 0 to the end of the GPUs' life, under a header row.",
    shape: "table",
    formula: `${GPU_CLOUD_FORMULA} The present values sum to GPUCLOUDNPV.`,
    examples: [
      { args: [...GPU_EXAMPLE, 0.12, ...GPU_OPTIONS], result: "a 62×11 table" },
      {
        args: [...GPU_EXAMPLE, 0.12, 0.1, 0, 5, 0.1, 12, 9e6, 1, 0.2, 0.75],
        result: "a 74×11 table",
        note: "a 12-month build, the GPUs paid on delivery (month 12), 20% prepaid at month 0, the hall's 75% residual with the salvage in month 72",
      },
    ],
  },
  {
    id: "PRICEQUANTILES",
    description:
      "Quantiles of the simulated BTC price at each month, with their standard errors, for a fan chart: a geometric Brownian motion whose mean path grows at btc_price_growth_monthly.",
    result:
      "A table under a header row (month, the quantiles, then their SEs, e.g. month, P10, P50, P90, P10 SE, P50 SE, P90 SE): one row per month 0 to months, prices in USD per BTC.",
    shape: "table",
    formula:
      "ln price at month t = ln btc_price + t × (ln(1 + btc_price_growth_monthly) − s²/2) + s × (Z1 + … + Zt), s = price_vol_annual / √12, Z standard normal; so the mean price is btc_price × (1 + g)^t. Each quantile is PERCENTILE.INC of the paths' prices at that month; month 0 is btc_price with SE 0.",
    notes: [
      ...SIMULATION_NOTES,
      "The quantile columns come first, so the month column and the quantile columns feed a line chart (a fan chart) as they are.",
      "The price paths are those of MININGNPVDIST and CONVERSIONDIST with the same seed and price inputs.",
    ],
    examples: [
      {
        args: [91000, 0.01, 0.5, 120, list(0.1, 0.5, 0.9), 10000, 1],
        result: "a 122×7 table",
        note: "BTC at $91,000 growing 1% a month on average, 50% annual volatility, ten years",
      },
    ],
    noAnswer: [
      {
        when: "paths is above 100,000, or paths × months above 3,600,000 (the limit that keeps a cell under a second)",
        args: [
          [91000, 0.01, 0.5, 120, list(0.1, 0.5, 0.9), 200000, 1],
          [91000, 0.01, 0.5, 1200, list(0.1, 0.5, 0.9), 10000, 1],
        ],
      },
    ],
  },
  {
    id: "MININGNPVDIST",
    description:
      "Simulated distribution of MININGNPV under random BTC price and difficulty: mean, quantiles and P(NPV < 0), each with its standard error.",
    result:
      "A two-column table of label and value under a header row: mean and its SE, each quantile and its SE (USD at month 0), then P(NPV < 0) and its SE; 11 rows for the default P10, P50, P90.",
    shape: "table",
    formula:
      "MININGNPV's schedule valued on each simulated path: month m earns at the path's price and difficulty of month m − 1 (the schedule's month 1 earns at today's), with switch-off, idle opex, energy tax, refreshes bought only in months the fleet runs, salvage or resale, pool fee, uptime, fees and the subsidy by height as MININGNPV; a hashprice floor caps each path's difficulty at its own price; the summary is over the paths.",
    notes: [
      ...SIMULATION_NOTES,
      'The risk inputs come after MININGNPV\'s arguments as they were when they came (the parameters MININGNPV has gained since follow them), so an assumptions table for MININGNPV works unchanged with a table of the risk inputs: =MINER.FROMTABLE("MININGNPVDIST", Site, Horizon, Risk).',
      "price_vol_annual, difficulty_vol_annual, price_difficulty_corr, paths and seed are required; Excel's tooltip shows them in brackets because they follow optional arguments.",
      "With every volatility 0 the mean equals MININGNPV (to 1e-9); with price noise only and no switch-off it matches MININGNPV within its SE. Switching off is an option: with price noise only, no refresh within the horizon and no stop for good, the mean is at least MININGNPV (within its SE); not in general.",
      "A stop for good is decided on each path month by month from what is known then, never with hindsight (docs/timing-option.md); with every volatility 0 it is MININGNPV's. A difficulty_path is the difficulty's mean path (its growth is ignored).",
      "A path on which the difficulty falls below the one the fleet alone implies is read as the fleet being the whole network (when the difficulty includes the fleet).",
    ],
    examples: [
      {
        args: [...beforeRisk(MINING_EXAMPLE, "MININGNPVDIST"), ...RISK_EXAMPLE],
        result: "a 11×2 table",
        note: "the five-year MININGNPV example with 50% price and 20% difficulty volatility, correlation 0.3",
      },
      {
        args: [...beforeRisk(MINING_EXAMPLE, "MININGNPVDIST"), ...RISK_EXAMPLE, list(0.05, 0.25, 0.5, 0.75, 0.95)],
        result: "a 15×2 table",
        note: "five quantiles",
      },
    ],
    noAnswer: [
      {
        when: "paths is above 100,000, or paths × months above 3,600,000 (the limit that keeps a cell under a second)",
        args: [[...beforeRisk(MINING_EXAMPLE, "MININGNPVDIST"), 0.5, 0.2, 0.3, 200000, 1]],
      },
    ],
  },
  {
    id: "CONVERSIONDIST",
    description:
      "Simulated distribution of CONVERSIONVALUE (lease NPV minus mining NPV) under random BTC price and difficulty, with P(leasing worth more); every estimate with its standard error.",
    result:
      "A two-column table of label and value under a header row: mean and its SE, each quantile and its SE (USD at month 0), P(value < 0) (mining worth more), P(leasing worth more), each with its SE; 13 rows for the default P10, P50, P90.",
    shape: "table",
    formula:
      "(L + R) − (M + T) on each simulated path: the lease leg L and the fleet's sale R are contracted (the same on every path, as CONVERSIONVALUE's), the mining NPV M of the same site over the same months is the path's (as MININGNPVDIST), and the site's terminal value T is CONVERSIONVALUE's; leasing is worth more on a path whose value is above 0.",
    notes: [
      ...SIMULATION_NOTES,
      'The risk inputs come after CONVERSIONVALUE\'s arguments as they were when they came (the parameters it has gained since follow them): =MINER.FROMTABLE("CONVERSIONDIST", Site, Lease, Risk).',
      "price_vol_annual, difficulty_vol_annual, price_difficulty_corr, paths and seed are required; Excel's tooltip shows them in brackets because they follow optional arguments.",
      "This compares converting now with mining throughout; CONVERSIONOPTION values the choice of when to convert on the same paths.",
    ],
    examples: [
      {
        args: [...beforeRisk(CONVERSION_EXAMPLE, "CONVERSIONDIST"), ...RISK_EXAMPLE],
        result: "a 13×2 table",
        note: "the CONVERSIONVALUE example: a 10-year lease after a year's conversion against mining the 100 MW site; leasing is worth more on 90.8% of the paths",
      },
    ],
    noAnswer: [
      {
        when: "paths is above 100,000, or paths × months above 3,600,000 (the limit that keeps a cell under a second)",
        args: [[...beforeRisk(CONVERSION_EXAMPLE, "CONVERSIONDIST"), 0.5, 0.2, 0.3, 100001, 1]],
      },
    ],
  },
  {
    id: "CONVERSIONOPTION",
    description:
      "The value of choosing when to convert under CONVERSIONDIST's random market: convert now, mine, the flexible strategy (least-squares Monte Carlo), its premium and exercise boundary.",
    result:
      "A three-column table (label, value, SE) under a header row: Convert now, Mine, Flexible, Option premium (USD at month 0), P(convert), Median conversion month, the flexible value's quantiles (Flexible P10, P50, P90 by default), then Boundary year 1, 2, … (USD per PH/s per day).",
    shape: "table",
    formula:
      "On each path X_k = M_k + L × (1 + discount_rate)^(−k/12) for k = 0 … H (CONVERSIONTIMING's row k on the path, M_k with the fleet sold at k, before mining throughout is subtracted) and N = M + T (never converting). The policy is fitted by least-squares Monte Carlo (Longstaff and Schwartz, 2001) on `paths` fitting paths: backwards from month H − 1, the gain of continuing is regressed on 1, z, z² (z: the network hashprice at the decision, standardised), and a path converts where the fitted gain is below 0; at month 0, when the mean gain is. The policy is then valued on an independent set of `paths` paths, CONVERSIONDIST's own: Flexible is the mean of what it earns there, never converting allowed (at month H a path takes the better of converting then and N).",
    notes: [
      "Convert now = L + R (CONVERSIONVALUE's lease side); Mine = the mean of M + T (CONVERSIONDIST's mining side, the same paths); Option premium = Flexible − the better of the two, with the SE of that difference.",
      "A lower bound: the valuation paths never informed the policy, and the policy uses only what is known at each decision, so Flexible is an unbiased estimate of a feasible strategy (within its SE, at most the best timing's value; perfect foresight is an upper bound).",
      "P(convert): the share of paths that convert before the horizon's end (months 0 … H − 1); the median month is among those. Boundary year y: the median over its decision months of the hashprice below which the policy converts (0: it does not convert that year).",
      "Stated simplification: the state is the hashprice alone (not the months since the last refresh). A stop for good is decided as in CONVERSIONDIST, from what is known then.",
      SIMULATION_NOTES[0],
      SIMULATION_NOTES[1],
      SIMULATION_NOTES[2],
      "paths: from 100 to 100,000, and paths × months at most 1,800,000 (each path is simulated twice and the fitting set is held), so that a cell stays well under 2 seconds; 10,000 paths over 132 months take about 0.4–0.7 s. Fewer paths than 100 is #VALUE!, more than the limit #NUM!.",
      'Its parameters are CONVERSIONDIST\'s, in the same order, so the same formula or assumptions tables value the choice: =MINER.FROMTABLE("CONVERSIONOPTION", Site, Lease, Risk).',
    ],
    examples: [
      {
        args: [...beforeRisk(CONVERSION_EXAMPLE, "CONVERSIONOPTION"), ...RISK_EXAMPLE],
        result: "a 21×3 table",
        note: "the CONVERSIONVALUE example: convert now $5.33M, mine −$60.06M, flexible +$32.86M (a premium of $27.53M); it converts on 99.9% of the paths, in month 16 at the median",
      },
    ],
    noAnswer: [
      {
        when: "paths is above 100,000, or paths × months above 1,800,000 (the limit that keeps a cell well under 2 seconds)",
        args: [[...beforeRisk(CONVERSION_EXAMPLE, "CONVERSIONOPTION"), 0.5, 0.2, 0.3, 15000, 1]],
      },
    ],
  },
  {
    id: "VOLATILITY",
    description:
      "Annualised volatility of a series' log returns: the sample standard deviation of ln(v_t / v_(t−1)) × √periods_per_year.",
    result: "Annual volatility as a fraction (0.5 = 50% a year).",
    shape: "number",
    formula:
      "With r_t = ln(v_t / v_(t−1)) for consecutive values, oldest first: √(Σ (r_t − mean r)² / (n − 1)) × √periods_per_year, n the number of returns; in 40-digit decimal arithmetic.",
    notes: [
      "periods_per_year: 365 for daily BTC prices (it trades every day), 252 for trading days, 52 weekly, 12 monthly.",
      'Blank cells before the first value or after the last are skipped (a range selected longer than its data); a blank between values is #VALUE!, since it would join two periods into one return. A text heading in the first filled cell is skipped too: a column selected with its heading, or HISTORY\'s value column, =MINER.VOLATILITY(INDEX(MINER.HISTORY("price", A1), 0, 2), 365).',
      "Fewer than 3 values, or a value of 0 or less, is #VALUE! naming its row (or column).",
    ],
    examples: [
      {
        args: [list(100, 200, 100, 200), 12],
        result: "2.7726",
        note: "monthly returns ln 2, −ln 2, ln 2: a standard deviation of 2·ln 2/√3 a month, 4·ln 2 a year",
      },
      {
        args: [{ range: "B2:B6", rows: [[90000], [91800], [90882], [92700], [91773]] }, 365],
        result: "0.3293",
        note: "daily prices rising 2% and falling 1% by turns: a standard deviation of 1.72% a day",
      },
    ],
  },
  {
    id: "BTCPERSHARE",
    description:
      "BTC per share: the treasury asset held divided by assumed diluted shares, as Strategy defines it; any asset (ETH for Bitmine).",
    result: "Asset units per share (BTC per share; × 100,000,000 for sats per share).",
    shape: "number",
    formula: "btc / shares.",
    notes: [DAT_SHARES, ANY_ASSET],
    examples: [
      {
        args: [447_470, 281_735_000],
        result: "0.0015882656",
        note: "Strategy on 31 Dec 2024: 447,470 BTC over 281,735k assumed diluted shares, 158,826.56 sats a share",
      },
    ],
  },
  {
    id: "BTCYIELD",
    description:
      "BTC Yield: the change in BTC per share over a period, (btc_end / shares_end) / (btc_start / shares_start) − 1, as Strategy defines it.",
    result: "A rate (0.1097 = 10.97%); negative when shares grew faster than the asset.",
    shape: "number",
    formula:
      "(btc_end / shares_end) / (btc_start / shares_start) − 1, computed as btc_end × shares_start / (btc_start × shares_end) − 1.",
    notes: [
      DAT_SHARES,
      ANY_ASSET,
      "Strategy's Q1 2025 from its share table: 10.97% here against the 11.0% it reported (its unrounded share counts explain the gap; docs/sources.md#treasury).",
    ],
    examples: [
      {
        args: DAT_Q1_2025,
        result: "0.1097",
        note: "Strategy, 31 Dec 2024 to 30 Mar 2025: 447,470 BTC and 281,735k shares, then 528,185 BTC and 299,674k",
      },
    ],
    noAnswer: [
      {
        when: "btc_start is 0: a change from nothing has no percentage",
        args: [[0, 281_735_000, 528_185, 299_674_000]],
      },
    ],
  },
  {
    id: "BTCGAIN",
    description:
      "BTC Gain: btc_start × BTC Yield, the BTC a period added for the holders of the starting shares, as Strategy defines it.",
    result: "Asset units (BTC); negative when BTC per share fell.",
    shape: "number",
    formula: "btc_start × BTCYIELD, computed as btc_end × shares_start / shares_end − btc_start.",
    notes: [
      DAT_SHARES,
      ANY_ASSET,
      "BTC $ Gain is this times the BTC price at the period's end. Strategy reported 49,131 BTC for Q1 2025 from unrounded share counts.",
    ],
    examples: [{ args: DAT_Q1_2025, result: "49097", note: "Strategy's Q1 2025, as in BTCYIELD" }],
    noAnswer: [{ when: "btc_start is 0 (the yield has no answer)", args: [[0, 281_735_000, 528_185, 299_674_000]] }],
  },
  {
    id: "MNAV",
    description:
      "mNAV: the market's value of a treasury company over its Bitcoin NAV (btc × btc_price), on enterprise value (default) or market cap.",
    result: "A multiple (1.5 = valued at 1.5 times its BTC).",
    shape: "number",
    formula:
      'basis "EV": (S × share_price + D + preferred − cash) / (btc × btc_price). With basic_shares, S = basic_shares and D = debt: Strategy\'s definition since mid-2025, the notes as debt at principal. Without it, S = shares and D = debt − convertible_debt: as converted, the notes as equity. basis "MCAP": shares × share_price / (btc × btc_price), the market\'s earlier use; debt, preferred, cash, basic_shares and convertible_debt are then not used.',
    notes: [
      "Share counts: EV on basic_shares when given, else on shares (assumed diluted); MCAP on shares always.",
      CONVERTIBLES_ONCE,
      "Strategy's EV uses basic shares, debt principal, perpetual preferred notional and the last reported cash; the definition is disputed, so compare both bases. The EV, and so the mNAV, is negative when cash exceeds market cap plus debt and preferred.",
      'basis is text, any case: an unknown basis is #VALUE! listing "EV" and "MCAP".',
      ANY_ASSET,
    ],
    examples: [
      {
        args: MNAV_EXAMPLE,
        result: "1.575",
        note: "100 shares at $50, $1,000 debt, $500 preferred, $200 cash, 2 BTC at $2,000: (5,000 + 1,000 + 500 − 200) / 4,000",
      },
      {
        args: [...MNAV_EXAMPLE.slice(0, 7), "MCAP"],
        result: "1.25",
        note: "the same company on market cap: 5,000 / 4,000",
      },
      {
        args: CONVERTIBLES,
        result: "2.05",
        note: "100,000 BTC at $100,000; 150M basic shares at $100; $2.5B of notes converting into 30M shares, 180M diluted: the notes counted twice, as shares and as debt, (18 + 2.5) / 10",
      },
      {
        args: [...CONVERTIBLES, 150e6],
        result: "1.75",
        note: "the same on basic shares, Strategy's EV: (15 + 2.5) / 10",
      },
      {
        args: [...CONVERTIBLES, "", 2.5e9],
        result: "1.80",
        note: "the same as converted: 180M shares, the notes out of debt, 18 / 10",
      },
    ],
    noAnswer: [{ when: "btc is 0: there is no Bitcoin NAV to divide by", args: [replace(MNAV_EXAMPLE, { 2: 0 })] }],
  },
  {
    id: "NAVPERSHARE",
    description:
      "NAV per share: the treasury asset at its price plus cash, less debt and preferred, per share; negative when they exceed the assets.",
    result: "USD per share.",
    shape: "number",
    formula:
      "(btc × btc_price + cash − D − preferred) / S. With basic_shares, S = basic_shares and D = debt (the notes repaid at principal); without it, S = shares and D = debt − convertible_debt (the notes converted, so not repaid).",
    notes: [
      "Per share: per basic share when basic_shares is given, else per assumed diluted share (shares).",
      CONVERTIBLES_ONCE,
      ANY_ASSET,
      "btc_price may be 0 (a stress case: what is left for shares without the asset).",
    ],
    examples: [
      {
        args: [2, 2000, 100, 1000, 500, 200],
        result: "27",
        note: "2 BTC at $2,000 plus $200 cash less $1,000 debt and $500 preferred, over 100 shares",
      },
      {
        args: [100_000, 100_000, 180e6, 2.5e9, 0, 0, 150e6],
        result: "50",
        note: "MNAV's company per basic share: ($10B − $2.5B of notes) / 150M",
      },
      {
        args: [100_000, 100_000, 180e6, 2.5e9, 0, 0, "", 2.5e9],
        result: "55.56",
        note: "per diluted share, the notes converted: $10B / 180M (41.67 if they were also repaid)",
      },
    ],
  },
  {
    id: "LTV",
    description: "Loan-to-value of a BTC-backed loan: the loan over the collateral's value at a BTC price.",
    result: "A fraction (0.6 = 60%); above 1 when the loan exceeds the collateral's value.",
    shape: "number",
    formula: "loan / (collateral_btc × btc_price).",
    notes: [LOAN_CONVENTION, ANY_ASSET],
    examples: [{ args: [30e6, 500, 100_000], result: "0.6", note: "$30M on 500 BTC at $100,000" }],
  },
  {
    id: "LTVPRICE",
    description:
      "BTC price at which a BTC-backed loan's loan-to-value reaches a threshold: with 0.75 the margin-call price, with 0.85 the liquidation price.",
    result: "BTC price in USD.",
    shape: "number",
    formula: "loan / (collateral_btc × ltv): below this price the LTV is above ltv.",
    notes: [LOAN_CONVENTION, ANY_ASSET],
    examples: [
      { args: [30e6, 500, 0.75], result: "80000", note: "margin call for $30M on 500 BTC, at 75% LTV" },
      { args: [30e6, 500, 0.85], result: "70588.24", note: "liquidation, at 85% LTV" },
    ],
    noAnswer: [{ when: "loan is 0: the LTV is 0 at every price and never reaches ltv", args: [[0, 500, 0.75]] }],
  },
  {
    id: "RUNWAYMONTHS",
    description:
      "Months that cash, and the treasury asset sold at its price less a haircut, cover a constant monthly burn.",
    result: "Months (7.5 = seven and a half months).",
    shape: "number",
    formula: "(cash + btc × btc_price × (1 − haircut)) / monthly_burn.",
    notes: [
      "The burn is constant and net: cash opex + interest + dividends + sustaining capex − non-BTC cash income such as lease NOI. No interest is earned. Leave pledged (encumbered) BTC out of btc. For a burn that changes month by month, and mined BTC, use TREASURYCASHFLOWS.",
      "No published definition exists for a miner's runway; this is built from its parts (docs/sources.md#treasury).",
      ANY_ASSET,
    ],
    examples: [
      {
        args: [10e6, 2e6, 100, 100_000, 0.2],
        result: "9",
        note: "$10M cash and 100 BTC at $100,000 less 20%, burning $2M a month",
      },
      {
        args: [1.44e9, 68.6e6],
        result: "21.0",
        note: "Strategy's $1.44B USD reserve (1 Dec 2025) against ~$68.6M a month of dividends and interest: its ~21 months",
      },
    ],
    noAnswer: [
      {
        when: "monthly_burn is 0 or less: cash is not running down, so it never runs out",
        args: [
          [10e6, 0],
          [10e6, -1e6, 100, 100_000],
        ],
      },
    ],
  },
  {
    id: "TREASURYCASHFLOWS",
    description:
      "The treasury month by month under a selling policy: BTC mined, sold and held, cash in, out and held, forced sales and insolvency.",
    result:
      "A 10-column table under a header row, one row per month from 1: month, BTC price, BTC mined, BTC sold, BTC held, cash in, cash out, cash, BTC sold beyond policy (forced), insolvent (1 = yes).",
    shape: "table",
    formula:
      "Each month, at its end: price = btc_price × (1 + btc_price_growth_monthly)^(month − 1), or the month's value of a price column; the policy's sale (HOLD none, SELLALL the month's mined BTC, SELLPCT sell_fraction of it) at that price; then, if cash would fall below min_cash, BTC sold beyond the policy to bring it back (from what is held plus this month's mined BTC). held = held before + mined − sold; cash = cash before + sold × price + other_income − cash_costs − debt_service, exactly.",
    notes: [
      "btc_mined, btc_price, cash_costs, other_income and debt_service each take a number (every month) or a range of exactly months values: one column, month 1 at the top (one row also works, month 1 on the left), e.g. MININGCASHFLOWS' BTC mined and LEASECASHFLOWS' net cash flow without its month 0. Another length is #VALUE! naming the argument and both lengths; a blank or text cell is #VALUE! naming its row.",
      "With a price column, btc_price_growth_monthly must be 0 or blank (the column already gives each month's price).",
      'policy is text, any case: "HOLD", "SELLALL" or "SELLPCT"; another is #VALUE! listing them. sell_fraction is used by SELLPCT only.',
      "Cash in = BTC sold × price + other_income when it is positive; cash out = cash_costs + debt_service, plus −other_income when that is negative. Cash never goes below min_cash while BTC remains; starting cash below min_cash is restored at the end of month 1.",
      "Insolvent (1) in a month that ends with no BTC and cash below min_cash: bills unpaid. The schedule runs on after it, cash carrying the deficit (no interest) and every mined BTC sold, so it shows the gap new financing must fill; the flag is each month's state and clears if cash recovers.",
      "Sold / mined over the months is the liquidation-to-production ratio (public miners sold ~400% of output in June 2022: docs/sources.md#treasury).",
      "BTC amounts are exact decimals, not rounded to satoshis. " + ANY_ASSET,
    ],
    examples: [
      {
        args: [20e6, 0, 36, 45, 91_000, 4_620_750, "HOLD", 0.01],
        result: "a 37×10 table",
        note: "$20M of cash, 45 BTC mined and $4.62M paid a month, BTC $91,000 +1%/month: forced to sell from month 5, 1,327.94 BTC in all",
      },
      {
        args: [
          1e6,
          10,
          3,
          { range: "B2:B4", rows: [[12], [11], [10]] },
          { range: "C2:C4", rows: [[100_000], [80_000], [60_000]] },
          2e6,
          "HOLD",
        ],
        result: "a 4×10 table",
        note: "a price collapse: month 1 sells 10 BTC to pay $2M; month 2 sells all 23 it has and is still $160,000 short (insolvent)",
      },
    ],
  },
  {
    id: "DEPRECIATION",
    description:
      "US tax depreciation year by year from IRS Publication 946's tables (MACRS 5, 7 and 15-year, 39-year real property) or straight line, with bonus depreciation in year 1.",
    result:
      "A 3-column table under a header row, one row per tax year: year, deduction, remaining basis (USD); the method's full recovery unless years says otherwise.",
    shape: "table",
    formula:
      "bonus = bonus_pct × cost_usd, deducted in year 1; year y's deduction = (cost_usd − bonus) × the table's percentage for year y, plus the bonus in year 1; remaining basis = cost_usd − the deductions so far. MACRS5, MACRS7, MACRS15: Table A-1 (GDS, half-year convention), exactly as printed; SL39: Table A-7a (nonresidential real property, 39 years, mid-month) by placed_in_service_month; SL: (cost_usd − bonus) / years a year.",
    notes: [
      "Not tax advice: the tables are the IRS's (Publication 946, How To Depreciate Property, Appendix A); which class an asset falls in, and whether bonus applies, are the taxpayer's questions (docs/after-tax-and-financing.md, docs/sources.md#tax-and-financing).",
      "Classes: mining ASICs, GPUs and servers are 5-year property, most other equipment 7-year, land improvements 15-year, a data hall 39-year real property. Cost segregation moves part of a hall into the shorter classes: give each part its own DEPRECIATION and add the columns.",
      "bonus_pct: 100% for qualified property acquired after 19 January 2025 (P.L. 119-21). It applies to property with a recovery period of 20 years or less, so a bonus with SL39 is #VALUE!.",
      "The half-year tables apply whatever the quarter the asset is placed in service (the mid-quarter convention is not applied). placed_in_service_month is read by SL39 only.",
      'years: the rows to show. Fewer than the recovery stop early (the last row\'s remaining basis is what is left to deduct); more add years of 0; SL needs it (its recovery period). Over the full recovery the deductions sum to cost_usd exactly. method is text, any case; another is #VALUE! listing "MACRS5", "MACRS7", "MACRS15", "SL39" and "SL".',
    ],
    examples: [
      {
        args: [1000, "MACRS5"],
        result: "a 7×3 table",
        note: "deductions of 200, 320, 192, 115.20, 115.20 and 57.60: Table A-1's 20%, 32%, 19.2%, 11.52%, 11.52% and 5.76%",
      },
      {
        args: [1000, "MACRS7", 0.4],
        result: "a 9×3 table",
        note: "a 40% bonus: 400 + 14.29% of the other 600 = 485.74 in year 1, then 24.49%, 17.49%, 12.49%, … of 600",
      },
      {
        args: [1e6, "SL39", 0, 7],
        result: "a 41×3 table",
        note: "a hall placed in service in July: 11,770 in year 1 (1.177%), 25,640 a year in years 2 to 39 (2.564%) and 13,910 in year 40 (1.391%)",
      },
      {
        args: [12e6, "MACRS5", 1, 1, 3],
        result: "a 4×3 table",
        note: "ASICs with 100% bonus: the whole 12,000,000 in year 1, then 0; three rows",
      },
      { args: [1e6, "SL", 0, 1, 10], result: "a 11×3 table", note: "100,000 a year for 10 years" },
    ],
  },
  {
    id: "AFTERTAXCASHFLOWS",
    description:
      "Monthly after-tax cash flows: each model year's tax on its cash flows less its tax depreciation, paid in the year's last month, losses used at once or carried forward.",
    result:
      "A 5-column table under a header row, one row per value of cash_flows: month, pre-tax cash flow, tax, after-tax cash flow, loss carried forward (USD).",
    shape: "table",
    formula:
      "Model year y is months 12y − 11 to 12y (with first_month 0, month 0 falls in year 1). Taxable income of year y = Σ (cash flow + capex_usd_in_cash_flows) over its months − depreciation of year y. GROUP: tax = tax_rate × taxable income, negative (a saving) in a loss year. NOL: a loss is carried forward; a later year's taxable income is offset by at most 80% of it, tax = tax_rate × (taxable income − loss used). Each year's tax is paid in its last month (or the flows' last month); after-tax = pre-tax − tax.",
    notes: [
      "Not tax advice: one flat rate (0.21 is the US federal corporate rate; no state tax), no credits, no minimum taxes, no §1245 or §1250 recapture (a sale is taxed at the one rate; docs/after-tax-and-financing.md).",
      "What is taxed: the flows as they come, cash in as income and cash out as an expense. Capital spending is not an expense: give the capex inside cash_flows as capex_usd_in_cash_flows (a schedule's capex column, or one number for every month) and its deductions in depreciation. A sale or exit value in the flows is taxed in full; add the basis left to that year's deduction.",
      "cash_flows: one column (or row), e.g. MININGCASHFLOWS' net column from month 1, or with first_month 0 LEASECASHFLOWS' or GPUCLOUDCASHFLOWS' net column from month 0 with their capex column. depreciation: one value per model year, year 1 first (DEPRECIATION's deduction column, or the sum of several); it may cover fewer years than the flows (0 after), not more. A capex column of another length than cash_flows, or more deduction years than the flows cover, is #VALUE! giving both lengths.",
      'loss_treatment: "GROUP" (default) suits a project inside a profitable group; "NOL" a stand-alone company (IRC §172: losses arising after 2017 carried forward without expiry, offsetting at most 80% of a year\'s taxable income; no carryback). Any case; another is #VALUE! listing both. The loss-carried-forward column is the unused loss at each month\'s end.',
    ],
    examples: [
      {
        args: [TWO_YEARS, list(20000, 0), 0.21],
        result: "a 25×5 table",
        note: "1,000 a month against 20,000 of deductions in year 1: taxable −8,000, a saving of 1,680 in month 12; year 2 pays 21% of 12,000, 2,520, in month 24",
      },
      {
        args: [TWO_YEARS, list(20000, 0), 0.21, "NOL"],
        result: "a 25×5 table",
        note: "the same loss carried forward: nothing in year 1 (8,000 carried), and in year 2 21% × (12,000 − 8,000) = 840, as 8,000 is within 80% of 12,000",
      },
      {
        args: [
          monthColumn(
            "B2:B26",
            [-12000, ...new Array<number>(24).fill(1000)],
            "−12,000 at month 0 (ASICs bought), then 1,000 in each of months 1 to 24",
          ),
          list(12000),
          0.21,
          "GROUP",
          monthColumn("C2:C26", [12000, ...new Array<number>(24).fill(0)], "12,000 at month 0, then 0"),
          0,
        ],
        result: "a 26×5 table",
        note: 'a schedule from month 0: the ASICs\' 12,000 added back and deducted by 100% bonus (DEPRECIATION(12000, "MACRS5", 1)), so year 1 pays 0 and year 2 2,520',
      },
    ],
  },
  {
    id: "DEBTCAPACITY",
    description:
      "The largest loan whose sculpted monthly debt service keeps every month's DSCR at least min_dscr: the PV of CFADS / min_dscr over the tenor at the loan's rate, capped.",
    result: "USD at month 0.",
    shape: "number",
    formula:
      "min(max_loan_usd, Σ over m = 1 to tenor_months of max(CFADS_m, 0) / min_dscr / (1 + i)^m), i = (1 + annual_rate)^(1/12) − 1: the loan that payments of CFADS_m / min_dscr repay exactly by the end of the tenor, so that every month's DSCR (CFADS / debt service) is exactly min_dscr.",
    notes: [
      "cfads: a number (every month of the tenor) or a column from month 1 with at least tenor_months values (the months after the tenor are the equity's); a shorter column is #VALUE! giving both lengths. A month with no CFADS (0 or less, e.g. a build before rent) pays nothing, and its interest accrues.",
      "Lenders size project debt on contracted cash flow at a minimum DSCR, typically 1.20–1.40× for investment-grade or backstopped tenants, with a tenor shorter than the lease; max_loan_usd is a loan-to-cost limit (Galaxy's Helios financing 80%, Hut 8's River Bend up to 85%; docs/sources.md#tax-and-financing).",
      "At the cap the sculpted payments scale down and every DSCR is above min_dscr. LOANSCHEDULE with a column of the payments (CFADS / min_dscr) shows the loan month by month; docs/after-tax-and-financing.md.",
    ],
    examples: [
      {
        args: [1e6, 0.08, 120, 1.3],
        result: "64178761.84",
        note: "$1M of CFADS a month for 10 years at 8%, 1.30×: the present value of $769,230.77 a month",
      },
      { args: [1e6, 0.08, 120, 1.3, 50e6], result: "50000000", note: "capped at $50M" },
      {
        args: [LEASE_NOI, LOAN_RATE, 120, 1.3],
        result: "552161059",
        note: "the README's 100 MW lease leg at 8% compounded monthly, repaid within 10 years of the draw at 1.30×: 85.9% of its $642.9M capex, the loan-to-cost such deals report",
      },
    ],
  },
  {
    id: "LOANSCHEDULE",
    description:
      "A loan month by month: opening balance, interest, principal, payment and closing balance, repaid level, in equal principal or by a column of payments, after interest-only months.",
    result:
      "A 6-column table under a header row, one row per month 1 to tenor_months: month, opening balance, interest, principal, payment, closing balance (USD).",
    shape: "table",
    formula:
      "interest = opening balance × i, i = (1 + annual_rate)^(1/12) − 1; months 1 to grace_months pay the interest only; then, over the n months left, LEVEL pays B × i / (1 − (1 + i)^−n) (B / n at 0%) and STRAIGHT repays B / n of principal plus the interest, B the balance then; both repay what is left in their last month exactly. A column of payments sets every month's payment; principal = payment − interest.",
    notes: [
      "Rates are annual effective, as the lease functions discount: twelve months of interest compound to annual_rate. A loan quoted at a nominal rate compounded monthly (APR / 12 a month) is annual_rate = (1 + APR / 12)^12 − 1. The loan is drawn at month 0; payments fall at the ends of months 1 to tenor_months.",
      'repayment: "LEVEL" (default) or "STRAIGHT", any case, or a column of exactly tenor_months payments (sculpted, e.g. CFADS / DSCR), with grace_months 0. A payment below the interest (0 during a build) adds the unpaid interest to the balance (capitalised interest); the last closing balance is what the payments leave owed, a balloon when above 0.',
      "grace_months must be below tenor_months: interest only, then at least one month of repayment. A column of another length than tenor_months is #VALUE! giving both.",
    ],
    examples: [
      {
        args: [1200, 0.1, 6, 2, "STRAIGHT"],
        result: "a 7×6 table",
        note: "two interest-only months of 9.57, then 300 of principal a month plus interest on the balance",
      },
      {
        args: [LOAN_AT_RENT, LOAN_RATE, 120],
        result: "a 121×6 table",
        note: `the README's 100 MW lease leg: 85% of its $642.9M capex at 8% compounded monthly, the build's interest capitalised to $591.8M, level over the 10-year lease: ${LEVEL_PAYMENT.toLocaleString("en-US")} a month, which the first year's NOI of ${FIRST_NOI.toLocaleString("en-US")} a month covers 1.27×`,
      },
      {
        args: [1000, 0, 3, 0, list(300, 300, 300)],
        result: "a 4×6 table",
        note: "payments that leave a balloon of 100 owed at maturity",
      },
    ],
  },
  {
    id: "EQUITYIRR",
    description:
      "Annual effective IRR of the equity in a financed project: it pays the capex less the loan at month 0, then receives each month's cash flow less its debt service.",
    result: "Annual effective IRR as a rate (0.27 = 27%).",
    shape: "number",
    formula:
      "(1 + r)^12 − 1, r the monthly IRR of −(capex_usd − loan_usd) at month 0 and cash flow − debt service in each month 1 to n; solved as LEASEIRR (every sign change bracketed and bisected, the root nearest about 10% a year returned and confirmed in decimal).",
    notes: [
      "cash_flows: one value per month from month 1, before debt service (e.g. LEASECASHFLOWS' net column without its month 0, or AFTERTAXCASHFLOWS' after-tax column for the equity's after-tax IRR). debt_service: a number (every month) or a column from month 1 (LOANSCHEDULE's payment column); shorter than cash_flows means nothing owed after it ends, longer is #VALUE! giving both lengths.",
      "With loan_usd 0 and debt_service 0 it is the project's unlevered IRR (docs/after-tax-and-financing.md).",
      "loan_usd above capex_usd is #VALUE!: the equity would receive cash at month 0.",
    ],
    examples: [
      {
        args: [LEASE_NOI, LEASE_CAPEX, LEASE_LOAN, LEASE_DEBT_SERVICE],
        result: "0.270",
        note: "the README's 100 MW lease leg financed at 85% loan-to-cost and 8% compounded monthly, the build's interest capitalised, level over the lease (LOANSCHEDULE's example): 27.0%",
      },
      {
        args: [LEASE_NOI, LEASE_CAPEX, 0, 0],
        result: "0.122",
        note: "unlevered, LEASEIRR's 12.2% for the same lease",
      },
    ],
    noAnswer: [
      {
        when: "the equity flows do not change sign (e.g. no capex beyond the loan), or no rate sets their NPV to 0",
        args: [
          [list(60, 60, 60), 100, 100, 0],
          [list(300, -250), 100, 0, 0],
        ],
      },
    ],
  },
  {
    id: "FROMTABLE",
    description:
      "Runs a MINER function on arguments given as named rows of one to three tables (name, value), so a model can point it at its assumptions.",
    result: "What the named function returns: its number (a 1×1 array) or its table.",
    shape: "table",
    formula:
      "Names match the function's parameter names, case-insensitively; blank rows are skipped; a blank value takes the default. Each name may appear once across the tables. The function then runs exactly as if the values were typed as its arguments.",
    notes: [
      "An unknown, repeated or missing required name is #VALUE! listing the function's names.",
      "Split the inputs as the model does: one site table can feed MININGNPV (with a horizon table) and CONVERSIONVALUE (with a lease table).",
      'A table may be typed into the formula as an array constant, rows separated by semicolons: =MINER.FROMTABLE("COSTPERBTC", {"power_price_kwh",0.05;"wall_efficiency_j_th",17.5;"difficulty",1.5E14;"subsidy_btc_per_block",3.125}). An array constant holds constants only (numbers, text, TRUE/FALSE; no cell references, names or formulas), so a table of numbers (phases, tiers) cannot be a value in it: give those in a range table.',
    ],
    examples: [
      {
        args: [
          "COSTPERBTC",
          {
            range:
              '{"power_price_kwh",0.05;"wall_efficiency_j_th",17.5;"difficulty",1.5E14;"subsidy_btc_per_block",3.125}',
            rows: [
              ["power_price_kwh", 0.05],
              ["wall_efficiency_j_th", 17.5],
              ["difficulty", 1.5e14],
              ["subsidy_btc_per_block", 3.125],
            ],
          },
        ],
        result: "50107.95",
        note: "an inline table: the same as =MINER.COSTPERBTC(0.05, 17.5, 1.5E14, 3.125), the first formula npm start suggests",
      },
      {
        args: [
          "LEASENPV",
          {
            range: "A2:B9",
            rows: [
              ["critical_it_mw", 200],
              ["rate_usd_per_kw_month", 150],
              ["term_years", 15],
              ["discount_rate", 0.1],
              ["escalator", 0.03],
              ["capex_usd_per_critical_it_mw", 9e6],
              ["lease_opex_pct_of_revenue", 0.15],
              ["build_months", 12],
            ],
          },
        ],
        result: "804098155.71",
        note: "the same as =MINER.LEASENPV(200, 150, 15, 0.1, 0.03, 9E6, 0.15, 12)",
      },
      {
        args: [
          "MININGNPV",
          {
            range: "A2:B16",
            rows: [
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
          },
          {
            range: "D2:E3",
            rows: [
              ["months", 60],
              ["discount_rate", 0.12],
            ],
          },
        ],
        result: "-23510682.74",
        note: "a site table and a horizon table",
      },
    ],
  },
  {
    id: "BTCPRICE",
    description:
      "Live BTC price, refreshed by the add-in every 5 minutes by default, by Refresh, or as often as refresh_minutes asks; #N/A with the reason when there is none.",
    result: "BTC price in the currency, updating live.",
    shape: "live",
    formula:
      "mempool.space's price first, then Coinbase, Kraken, CoinGecko and blockchain.info; every response is checked for plausibility before use.",
    notes: [
      LIVE_NOTE,
      "refresh_minutes: how often, at least, this cell asks for a new price. Whenever the latest refresh is that many minutes old, the cell asks the add-in for one, through the same 15-second cache and each provider's back-off as every other request: cells on one schedule share one refresh, a refresh from anywhere else (the auto-refresh, Refresh, another cell) puts the next one off, and a provider that answered 429 or 503 is not asked before its back-off ends (the price then comes from the next provider). From 1 to 1440 (a day); outside is #VALUE!. Omitted, the cell refreshes with the add-in's auto-refresh (every 5 minutes unless changed in Settings, or never when Off) and the Refresh commands.",
    ],
    examples: [
      { args: ["EUR"], result: "the live price, e.g. 78931" },
      {
        args: ["USD", 1],
        result: "the live price, e.g. 91250",
        note: "asking for a new price at least every minute, whatever the auto-refresh",
      },
    ],
  },
  {
    id: "DIFFICULTY",
    description: "Live network difficulty from the market data; #N/A with the reason when there is none.",
    result: "Network difficulty, updating live.",
    shape: "live",
    formula: "mempool.space's difficulty, then blockchain.info's.",
    notes: [LIVE_NOTE],
    examples: [{ args: [], result: "the live difficulty, e.g. 1.62E14" }],
  },
  {
    id: "HEIGHT",
    description: "Live block height from the market data; #N/A with the reason when there is none.",
    result: "Current block height, updating live.",
    shape: "live",
    formula: "mempool.space's tip height, then blockchain.info's.",
    notes: [LIVE_NOTE],
    examples: [{ args: [], result: "the live height, e.g. 975312" }],
  },
  {
    id: "NETWORK",
    description:
      "Any live market field by name, e.g. hashprice_usd_per_ph_day or BTC_NextHalvingDate; #N/A with the reason when there is none.",
    result: "The field's value in its unit, updating live.",
    shape: "live",
    formula:
      "Fields: difficulty, block_height, network_hashrate_ehs (EH/s), fees_btc_per_block (BTC), hashprice_usd_per_ph_day (USD/PH/day), next_retarget_height, next_retarget_blocks, next_retarget_change (fraction), next_retarget_date, next_halving_height, next_halving_blocks, next_halving_date (dates as Excel serials, UTC), btc_price; or their workbook names (BTC_Hashprice).",
    notes: [LIVE_NOTE],
    examples: [{ args: ["hashprice_usd_per_ph_day"], result: "the live hashprice, e.g. 35.69" }],
  },
  {
    id: "HISTORY",
    description:
      "History of the BTC price, difficulty, hashrate or hashprice from mempool: a table of dates and values, daily, weekly or monthly; #N/A with the reason when there is none.",
    result:
      "A table: a header row (Date (UTC), then the field with its unit), then one row per date, oldest first: the date as an Excel serial of the UTC day (format the column as a date) and the field's value on it.",
    shape: "fetched",
    formula:
      "Each value is as of 00:00 UTC on its date, as the History tab's rows: price (USD) = the last price of mempool's series at or before it and less than a day older; difficulty = the one in force (the latest adjustment at or before it); hashrate (EH/s) = mempool's mean for the day; hashprice (USD/PH/day) is MINER.HASHPRICE(price, difficulty, MINER.SUBSIDY(h), R − MINER.SUBSIDY(h)), which is price × 86,400 × 10^15 × R / (difficulty × 2^32), with that price and difficulty, R the mean reward per block of the day's blocks (subsidy and fees as mined, from mempool's reward buckets) and h their mean height; the subsidy is 50 BTC halved every 210,000 blocks, 3.125 BTC for blocks 840,000 to 1,049,999, and on a halving day R holds blocks at both.",
    notes: [
      'field: "price", "difficulty", "hashrate" or "hashprice", in any case, or the market name of one as NETWORK takes it (btc_price_usd, BTC_Difficulty, network_hashrate_ehs, BTC_Hashprice …).',
      "Dates are Excel serials in the 1900 date system (25569 = 1 January 1970; =DATE(2025,11,27) is 45988), whose whole part is read as a UTC day. Excel's 1900 leap-year bug moves only dates before 1 March 1900, long before any history.",
      "start_date: from 1,075 days before today to today. end_date: from start_date to today (tomorrow is read as today, for a time zone ahead of UTC); omitted, the latest date the provider has. Outside these, or an interval other than the three, is #VALUE! naming the argument.",
      'interval: "daily" (every day from start_date to end_date), "weekly" (end_date and every 7th day before it) or "monthly" (end_date and the same day of each earlier month, as EDATE(end_date, −k), the month\'s last day when it is shorter), back to start_date.',
      "One request per endpoint and period, shared by every cell that asks and kept an hour, with the History tab (whose Fetch asks again): price from mempool's /api/v1/historical-price (the whole series, one request for any period), difficulty from /api/v1/mining/difficulty-adjustments/:interval, hashrate from /api/v1/mining/hashrate/:interval, hashprice from those and /api/v1/mining/blocks/rewards/:interval; :interval is the shortest of 3m, 6m, 1y, 2y and 3y that covers the period and the 20 days before it.",
      "Checked as the History tab's history (docs/live-data-checks.md): every series in time order, none in the future, none before the period asked for, no implausible step between neighbours, and the period's realised growth and volatility in their plausible bands. A failed request, a refused series or a date without a value is #N/A with the reason: never a partial series.",
      "An async function, not a streaming one: history does not change, so Excel asks once and keeps the table until the cell is recalculated (Ctrl+Alt+F9 asks again, answered from the kept response within the hour).",
      'With VOLATILITY: =MINER.VOLATILITY(INDEX(MINER.HISTORY("price", A1), 0, 2), 365), A1 holding the start date: INDEX(…, 0, 2) is the value column, whose heading VOLATILITY skips; 52 for weekly rows, 12 for monthly. For a monthly difficulty growth: =LET(h, MINER.HISTORY("difficulty", A1), n, ROWS(h), (INDEX(h, n, 2) / INDEX(h, 2, 2)) ^ ((365/12) / (INDEX(h, n, 1) − INDEX(h, 2, 1))) − 1).',
    ],
    examples: [
      {
        args: ["difficulty", 45658, 45988, "monthly"],
        result: "live data, e.g. a 12×2 table: from 45684, 1.0978E14 (27 Jan 2025) to 45988, 1.4930E14 (27 Nov 2025)",
        note: "the difficulty on the 27th of each month from January to November 2025; the result shown is from the project's recorded mempool sample",
      },
      {
        args: ["price", 45988],
        result: "live data, e.g. a 2×2 table: 45988, 91250",
        note: "the BTC price at 00:00 UTC on 27 November 2025, through the latest date mempool has (recorded sample, asked on 28 November 2025)",
      },
      {
        args: ["hashprice", 45658, 45658],
        result: "live data, e.g. a 2×2 table: 45658, 54.07",
        note: "1 January 2025: $93,429 and a difficulty of 1.0978E14 at 00:00 UTC, a mean reward of 3.1581 BTC a block that day (recorded sample)",
      },
      {
        args: ["hashrate", 45658, 45658],
        result: "live data, e.g. a 2×2 table: 45658, 781",
        note: "mempool's mean network hashrate on 1 January 2025, EH/s (recorded sample)",
      },
    ],
  },
];

/** The documentation of one function. */
export function docOf(id: string): FunctionDoc {
  const d = CATALOG.find((f) => f.id === id);
  if (!d) throw new Error(`no documentation for ${id}`);
  return d;
}
