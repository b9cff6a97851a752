/*
 * Every public function at its limit (src/calc/limits.ts; docs/conventions.md#limits), through its
 * Excel adapter: the longest ranges, the most months, the longest term, the most phases, bands,
 * quantiles and values, and the simulations at their paths × months cap (the conversion functions
 * also with their heaviest options), wall and CPU time
 * (median of 5 after a warm-up; CPU is steadier on a shared machine). The target: no call blocks
 * the runtime for more than ~1 s, the simulations (documented caps) under 2 s. A function without
 * a range or count argument runs its catalog example. Part of `npm run bench`; alone:
 * `npm run bench:limits`. Results also go to test-results/bench-limits.json when run alone.
 */
import * as fs from "fs";
import * as path from "path";
import { CALLS, GPU_ARGS, GPU_OPTIONS, MINING_ARGS, padTo, tableOf } from "../test/support/calls";
import { fromTable } from "../src/functions/fromtable";
import { isRangeKind, longestRange, Param, SIGNATURES } from "../src/functions/params";
import { BUILD_MONTHS, Limits, PATH_MONTHS, PATHS, SCHEDULE_MONTHS, TERM_YEARS } from "../src/calc/limits";
import { MAX_OPTION_PATH_MONTHS } from "../src/calc/simulation/conversion-option";
import "../src/functions/outside-office"; // the CustomFunctions global, as outside Office
import { timeLong } from "./bench-timing";

type Id = keyof typeof SIGNATURES;

const MONTHS = SCHEDULE_MONTHS.max;
const longest = (id: Id, name: string) => longestRange(SIGNATURES[id].find((p) => p.name === name) as Param)!;

/** A function's argument list with some arguments replaced, by name. */
function withArgs(id: Id, base: readonly unknown[], changes: Record<string, unknown>): unknown[] {
  const params = SIGNATURES[id] as readonly Param[];
  const args = padTo([...base], id);
  for (const [name, value] of Object.entries(changes)) {
    const i = params.findIndex((p) => p.name === name);
    if (i < 0) throw new Error(`${id} has no ${name}`);
    args[i] = value;
  }
  return args;
}

/** A column of n values around x, a little different each month. */
const column = (n: number, x: number) => Array.from({ length: n }, (_, k) => [x * (1 + (k % 7) * 0.001)]);
/** The most phases, each delivered a month after the last, with the longest term the schedule then holds. */
const PHASE_ROWS = longest("LEASENPV", "phases");
const phases = Array.from({ length: PHASE_ROWS }, (_, k) => [k, 1 + (k % 5)]);
const PHASED_TERM = (MONTHS - (PHASE_ROWS - 1)) / 12;
/** A schedule's longest column (months 0 to 1,200), and DEPRECIATION's longest (years 1 to 101). */
const CELLS = longest("AFTERTAXCASHFLOWS", "cash_flows");
const DEPRECIATION_ROWS = longest("AFTERTAXCASHFLOWS", "depreciation");
/** Daily prices: VOLATILITY's longest series. */
const VALUES = longest("VOLATILITY", "values");
const prices = Array.from({ length: VALUES }, (_, k) => [90_000 * Math.exp(0.03 * Math.sin(k) + 0.0001 * k)]);
const quantiles = [Array.from({ length: longest("PRICEQUANTILES", "quantiles") }, (_, k) => (k + 1) / 100)];
const tiers = Array.from({ length: longest("ENERGYTAX", "tiers") }, (_, k) => [k * 100_000, 0.001 * (k % 50)]);
/** The most paths over the most months, and the most paths (100,000) over the months that leaves. */
const CAP_PATHS = PATH_MONTHS / MONTHS;

const LEASE = (id: Id) => CALLS[id].valid;
const treasuryColumns = {
  months: MONTHS,
  btc_mined: column(MONTHS, 45),
  btc_price: column(MONTHS, 91_000),
  cash_costs: column(MONTHS, 4.6e6),
  btc_price_growth_monthly: 0,
  other_income: column(MONTHS, 1e6),
  debt_service: column(MONTHS, 2e5),
};
/** FROMTABLE's longest table: VOLATILITY's longest series on rows of their own, blank rows to the limit. */
const volatilityTable = [
  ...tableOf("VOLATILITY", [prices, 365]),
  ...Array.from({ length: longest("FROMTABLE", "assumptions") - VALUES - 1 }, () => [null, null]),
];

/**
 * A conversion's heaviest options: a stop for good (a maximum over every stop month), idle opex, a
 * refresh every month (the breakeven's search then meets a new refresh chain at every month's
 * threshold), a hashprice floor, an exit value, the energy tax from month 14 and the tenant's credit.
 */
const HEAVY_CONVERSION = {
  stop_for_good: true,
  idle_opex_pct: 0.25,
  refresh_every_months: 1,
  hashprice_floor_usd_per_ph_day: 30,
  exit_cap_rate: 0.07,
  energy_tax_start_month: 14,
  tenant_default_annual: 0.02,
  default_recovery_pct: 0.5,
};
/** A conversion function's two cases: the longest lease, and the most phases; each with the heaviest options. */
function conversionCases(
  id: Id,
  base: readonly unknown[],
  extra: Record<string, unknown> = {},
): [Id, string, unknown[]][] {
  const heavy = { ...HEAVY_CONVERSION, ...extra };
  return [
    [
      id,
      `${TERM_YEARS.max}-year lease, heaviest options`,
      withArgs(id, base, { ...heavy, term_years: TERM_YEARS.max, conversion_months: 0 }),
    ],
    [
      id,
      `${PHASE_ROWS} phases × ${PHASED_TERM * 12} months, heaviest options`,
      withArgs(id, base, {
        ...heavy,
        term_years: PHASED_TERM,
        conversion_months: null,
        site_mw_per_critical_it_mw: null,
        phases,
      }),
    ],
  ];
}
/** MWECONOMICS with its GPU-cloud column: $2.01 an hour, full utilization, $52,700 a GPU, 1.8 kW. */
const GPU_ON_SITE = {
  usd_per_gpu_hour: 2.01,
  utilization: 1,
  gpu_capex_usd: 52_700,
  kw_per_gpu: 1.8,
  opex_pct_of_revenue: 0.1,
};
/** A simulation's 99 quantiles over as many paths as its longest schedule leaves (paths × months at the cap; CONVERSIONOPTION's own cap is lower). */
const DIST_AT_CAP = { paths: CAP_PATHS, quantiles };

/** [function, what its limit is here, its arguments]. */
export const AT_LIMIT: [Id, string, unknown[]][] = [
  ["ENERGYTAX", `${tiers.length} bands`, [876_000_000, tiers]],
  ...(["LEASENPV", "LEASEIRR", "LEASECASHFLOWS"] as Id[]).flatMap((id): [Id, string, unknown[]][] => [
    [
      id,
      `${TERM_YEARS.max}-year term (${MONTHS} months)`,
      withArgs(id, LEASE(id), { term_years: TERM_YEARS.max, build_months: 0 }),
    ],
    [
      id,
      `${PHASE_ROWS} phases × ${PHASED_TERM * 12} months`,
      withArgs(id, LEASE(id), { critical_it_mw: null, build_months: null, term_years: PHASED_TERM, phases }),
    ],
  ]),
  ...(["MININGCASHFLOWS", "MININGNPV"] as Id[]).map((id): [Id, string, unknown[]] => [
    id,
    `${MONTHS} months`,
    withArgs(id, MINING_ARGS, { months: MONTHS }),
  ]),
  ...(["CONVERSIONVALUE", "CONVERSIONBREAKEVEN", "MWECONOMICS"] as Id[]).flatMap((id): [Id, string, unknown[]][] => [
    [
      id,
      `${TERM_YEARS.max}-year lease (${MONTHS} months)`,
      withArgs(id, CALLS[id].valid, { term_years: TERM_YEARS.max, conversion_months: 0 }),
    ],
    [
      id,
      `${PHASE_ROWS} phases × ${PHASED_TERM * 12} months`,
      withArgs(id, CALLS[id].valid, {
        term_years: PHASED_TERM,
        conversion_months: null,
        site_mw_per_critical_it_mw: null,
        phases,
      }),
    ],
  ]),
  ...(["CONVERSIONVALUE", "CONVERSIONBREAKEVEN", "CONVERSIONTIMING"] as Id[]).flatMap((id) =>
    conversionCases(id, CALLS[id].valid),
  ),
  ...conversionCases("MWECONOMICS", CALLS.MWECONOMICS.valid, GPU_ON_SITE),
  ...conversionCases("CONVERSIONOPTION", CALLS.CONVERSIONOPTION.valid, {
    paths: MAX_OPTION_PATH_MONTHS / MONTHS,
    quantiles,
  }),
  ...conversionCases("CONVERSIONDIST", CALLS.CONVERSIONDIST.valid, DIST_AT_CAP),
  ...(["GPUCLOUDNPV", "GPUCLOUDCASHFLOWS"] as Id[]).map((id): [Id, string, unknown[]] => [
    id,
    `${TERM_YEARS.max}-year life`,
    withArgs(id, [...GPU_ARGS, 0.12, ...GPU_OPTIONS], { life_years: TERM_YEARS.max, build_months: 0 }),
  ]),
  [
    "GPUCLOUDIRR",
    `${TERM_YEARS.max}-year life`,
    withArgs("GPUCLOUDIRR", [...GPU_ARGS, ...GPU_OPTIONS], { life_years: TERM_YEARS.max, build_months: 0 }),
  ],
  [
    "TREASURYCASHFLOWS",
    `${MONTHS} months, every by-month input a column`,
    withArgs("TREASURYCASHFLOWS", CALLS.TREASURYCASHFLOWS.valid, treasuryColumns),
  ],
  [
    "AFTERTAXCASHFLOWS",
    `${CELLS}-value columns, ${DEPRECIATION_ROWS} years of deductions, NOL`,
    [column(CELLS, -2e5 + 1e3), column(DEPRECIATION_ROWS, 4e5), 0.21, "NOL", column(CELLS, 2e5), 1],
  ],
  [
    "DEBTCAPACITY",
    `${MONTHS} months of CFADS, a ${MONTHS}-month tenor`,
    [column(MONTHS, 7.7e6), 0.08, MONTHS, 1.3, null],
  ],
  ["LOANSCHEDULE", `a ${MONTHS}-month tenor, level payments`, [5e8, 0.08, MONTHS, 12, "LEVEL"]],
  [
    "LOANSCHEDULE",
    `a ${MONTHS}-month tenor, a column of ${MONTHS} payments`,
    [5e8, 0.08, MONTHS, 0, column(MONTHS, 5e8 / MONTHS)],
  ],
  ["EQUITYIRR", `${CELLS}-value columns`, [column(CELLS, 6e6), 1e8, 6e7, column(CELLS, 2e6)]],
  ["VOLATILITY", `${VALUES.toLocaleString("en-US")} values`, [prices, 365]],
  [
    "PRICEQUANTILES",
    `${CAP_PATHS.toLocaleString("en-US")} paths × ${MONTHS} months, 99 quantiles`,
    [91_000, 0.01, 0.5, MONTHS, quantiles, CAP_PATHS, 1],
  ],
  [
    "PRICEQUANTILES",
    `100,000 paths × ${PATH_MONTHS / 100_000} months, 99 quantiles`,
    [91_000, 0.01, 0.5, PATH_MONTHS / 100_000, quantiles, 100_000, 1],
  ],
  [
    "MININGNPVDIST",
    `${CAP_PATHS.toLocaleString("en-US")} paths × ${MONTHS} months, 99 quantiles`,
    withArgs("MININGNPVDIST", CALLS.MININGNPVDIST.valid, { months: MONTHS, paths: CAP_PATHS, quantiles }),
  ],
  [
    "MININGNPVDIST",
    `100,000 paths × ${PATH_MONTHS / 100_000} months, 99 quantiles`,
    withArgs("MININGNPVDIST", CALLS.MININGNPVDIST.valid, { months: PATH_MONTHS / 100_000, paths: 100_000, quantiles }),
  ],
  [
    "CONVERSIONDIST",
    `${CAP_PATHS.toLocaleString("en-US")} paths × ${MONTHS} months, 99 quantiles`,
    withArgs("CONVERSIONDIST", CALLS.CONVERSIONDIST.valid, {
      term_years: TERM_YEARS.max,
      conversion_months: 0,
      paths: CAP_PATHS,
      quantiles,
    }),
  ],
  [
    "CONVERSIONDIST",
    `${CAP_PATHS.toLocaleString("en-US")} paths × ${MONTHS} months, ${PHASE_ROWS} phases`,
    withArgs("CONVERSIONDIST", CALLS.CONVERSIONDIST.valid, {
      term_years: PHASED_TERM,
      conversion_months: null,
      site_mw_per_critical_it_mw: null,
      phases,
      paths: CAP_PATHS,
      quantiles,
    }),
  ],
];

/** FROMTABLE at its longest table (run below with the others). */
const FROMTABLE_AT_LIMIT: [string, string, () => unknown] = [
  "FROMTABLE",
  `VOLATILITY from a ${volatilityTable.length.toLocaleString("en-US")}-row table`,
  () => fromTable("VOLATILITY", volatilityTable),
];

const SIMULATIONS = /DIST$|QUANTILES|OPTION$/;
/** The limits of counts that set a call's work: months, a term or life, a build, paths. */
const WORK_LIMITS: readonly Limits[] = [SCHEDULE_MONTHS, TERM_YEARS, BUILD_MONTHS, PATHS];

/** Runs every case; prints a table and returns the results by case. */
export function limitsBench(): Record<string, { wallMs: number; cpuMs: number; targetMs: number; met: boolean }> {
  const cases: [string, string, () => unknown][] = AT_LIMIT.map(([id, what, args]) => [
    id,
    what,
    () => CALLS[id].fn(...args),
  ]);
  cases.push(FROMTABLE_AT_LIMIT);
  // The functions without a range or count argument: their example, for completeness.
  const limited = new Set(cases.map(([id]) => id));
  for (const [id, { fn, valid }] of Object.entries(CALLS)) {
    if (limited.has(id)) continue;
    // A function with a range, or months, a term, a build or paths, needs a case of its own above.
    const bounded = (SIGNATURES[id as Id] as readonly Param[]).some(
      (p) => isRangeKind(p.kind) || WORK_LIMITS.some((l) => l === p.limits),
    );
    cases.push([
      id,
      bounded ? "ITS EXAMPLE: add a case at its limit" : "no range or count argument: the example",
      () => fn(...valid),
    ]);
  }
  console.log(
    "\nEach function at its limit, through the Excel adapter (median of 5; wall, CPU); target: CPU ≤ 1 s, simulations ≤ 2 s:\n",
  );
  const out: Record<string, { wallMs: number; cpuMs: number; targetMs: number; met: boolean }> = {};
  for (const [id, what, call] of cases) {
    let failure: string | undefined;
    const t = timeLong(() => {
      try {
        return call();
      } catch (e) {
        failure = String((e as Error).message ?? e);
        return undefined;
      }
    });
    if (failure) throw new Error(`${id} at its limit (${what}) failed: ${failure}`);
    const targetMs = SIMULATIONS.test(id) ? 2000 : 1000;
    const met = t.cpu <= targetMs;
    out[`${id}: ${what}`] = { wallMs: t.wall, cpuMs: t.cpu, targetMs, met };
    console.log(
      `${id.padEnd(20)} ${what.padEnd(46)} ${t.wall.toFixed(1).padStart(8)} ms (CPU ${t.cpu.toFixed(1).padStart(7)} ms)${met ? "" : "   OVER TARGET"}`,
    );
  }
  return out;
}

if (require.main === module) {
  const results = limitsBench();
  const file = path.resolve(__dirname, "../../test-results/bench-limits.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
}
