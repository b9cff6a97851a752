/*
 * The schedules' fast paths in `npm run bench` (also alone: `npm run bench:schedules`), in Node:
 * - per call, through the Excel adapter: the adapter on the decimal path alone (as before the fast
 *   paths), the shipped adapter, and the float twin (scripts/bench-twins.ts), medians of interleaved
 *   rounds after warm-up rounds, wall and CPU time: LEASENPV (100 MW, 30 years monthly), LEASEIRR
 *   (against a float NPV of the same monthly flows), GPUCLOUDNPV, MININGNPV, CONVERSIONVALUE (the
 *   README's 100 MW site) and CONVERSIONBREAKEVEN;
 * - 20×20 data tables of LEASENPV, MININGNPV and CONVERSIONVALUE through the shipped adapter, the
 *   first table and the median of five warm ones;
 * - the certification rate of each schedule's fast path per input family.
 * The machine's load is printed with the numbers: on a shared machine the CPU times are the steadier.
 */
import * as os from "os";
import { CALLS, CONVERSION_ARGS, MINING_ARGS } from "../test/support/calls";
import { FAMILIES, prng } from "../test/support/input-families";
import { SCHEDULE_CASES } from "../test/support/schedule-fast-paths";
import * as twins from "./bench-twins";
import { SCHEDULE_DECIMAL_ADAPTERS } from "./decimal-schedule-adapters";
import { leaseCashFlows } from "../src/calc";
import { loadFastPaths } from "../src/calc/fast/lazy";
import { cpuMs, interleaved, median } from "./bench-timing";

type Fn = (...a: unknown[]) => unknown;
const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");

/** The README's lease, 100 MW of critical IT for 30 years, at 10%. */
const LEASE_30 = [100, 150, 30, 0.1, 0.03, 9e6, 0.15, 12, 0, 0, 0, null];
const LEASE_IRR_30 = [100, 150, 30, 0.03, 9e6, 0.15, 12, 0, 0, 0, null];
/** Varies the first argument slightly per call, as a recalculating sheet does. */
const nudged = (args: unknown[], i: number) => {
  const a = [...args];
  a[0] = (a[0] as number) * (1 + (i % 97) * 1e-6);
  return a;
};

/** A float NPV of the lease's monthly flows (the IRR's yardstick). */
function floatNpvOfLease(): (i: number) => number {
  const flows = leaseCashFlows({
    critical_it_mw: 100,
    rate_usd_per_kw_month: 150,
    term_years: 30,
    escalator: 0.03,
    capex_usd_per_mw: 9e6,
    opex_pct_of_revenue: 0.15,
    build_months: 12,
  }).map((r) => r.net.toNumber());
  return (i) => {
    const x = 1 / (1.008 + (i % 97) * 1e-6);
    let acc = 0;
    for (let k = flows.length - 1; k >= 0; k--) acc = acc * x + flows[k];
    return acc;
  };
}

export async function scheduleBench(): Promise<Record<string, unknown>> {
  await loadFastPaths(); // the fast paths' chunk (src/calc/fast/lazy.ts), in place as in a sheet
  const out: Record<string, unknown> = { loadBefore: load() };
  console.log(
    `\nSchedules, through the Excel adapter (Node ${process.version}; load ${load()} on ${os.cpus().length} cores):`,
  );
  console.log(
    "decimal path alone, shipped adapter (fast path), float twin: medians of 11 interleaved rounds after 4 warm-up rounds, wall (CPU)\n",
  );
  const twin = twins as unknown as Record<string, Fn>;
  const floatNpv = floatNpvOfLease();
  const cases: [string, unknown[], Fn, Fn, Fn, number, string][] = [
    [
      "LEASENPV 100 MW 30y",
      LEASE_30,
      SCHEDULE_DECIMAL_ADAPTERS.LEASENPV,
      CALLS.LEASENPV.fn,
      twin.LEASENPV,
      10,
      "≤ 10× a monthly float NPV",
    ],
    [
      "LEASEIRR 100 MW 30y",
      LEASE_IRR_30,
      SCHEDULE_DECIMAL_ADAPTERS.LEASEIRR,
      CALLS.LEASEIRR.fn,
      (...a) => floatNpv(a.length),
      50,
      "≤ 50× a float NPV of its flows",
    ],
    [
      "GPUCLOUDNPV",
      CALLS.GPUCLOUDNPV.valid,
      SCHEDULE_DECIMAL_ADAPTERS.GPUCLOUDNPV,
      CALLS.GPUCLOUDNPV.fn,
      twin.GPUCLOUDNPV,
      0,
      "",
    ],
    [
      "MININGNPV 60 months",
      MINING_ARGS,
      SCHEDULE_DECIMAL_ADAPTERS.MININGNPV,
      CALLS.MININGNPV.fn,
      twin.MININGNPV,
      0,
      "",
    ],
    [
      "CONVERSIONVALUE (README)",
      CONVERSION_ARGS,
      SCHEDULE_DECIMAL_ADAPTERS.CONVERSIONVALUE,
      CALLS.CONVERSIONVALUE.fn,
      twin.CONVERSIONVALUE,
      20,
      "≤ 20× a float twin of its schedule",
    ],
    [
      "CONVERSIONBREAKEVEN",
      CONVERSION_ARGS,
      SCHEDULE_DECIMAL_ADAPTERS.CONVERSIONBREAKEVEN,
      CALLS.CONVERSIONBREAKEVEN.fn,
      twin.CONVERSIONBREAKEVEN,
      0,
      "",
    ],
  ];
  const perCall: Record<string, unknown> = {};
  for (const [label, args, decimal, fast, float, target, words] of cases) {
    if (JSON.stringify(decimal(...args)) !== JSON.stringify(fast(...args)))
      throw new Error(`${label}: the shipped adapter differs from the decimal path`);
    const heavy = label.startsWith("CONVERSIONBREAKEVEN");
    const t = interleaved(
      [
        { call: (i) => decimal(...nudged(args, i)), calls: heavy ? 2 : 20 },
        { call: (i) => fast(...nudged(args, i)), calls: heavy ? 20 : 500 },
        { call: (i) => float(...nudged(args, i)), calls: heavy ? 20 : 2000 },
      ],
      11,
      4,
    );
    const [d, f, w] = t.wallUs;
    const [dc, fc, wc] = t.cpuUs;
    perCall[label] = {
      decimalUs: d,
      fastUs: f,
      twinUs: w,
      decimalCpuUs: dc,
      fastCpuUs: fc,
      twinCpuUs: wc,
      fastOverTwin: f / w,
      fastOverTwinCpu: fc / wc,
      decimalOverFast: d / f,
    };
    const met = target ? `   target ${words}: ${f / w <= target ? "met" : "MISSED"}` : "";
    console.log(
      `${label.padEnd(26)} ${`${fmt(d)} (${fmt(dc)})`.padStart(22)} ${`${fmt(f)} (${fmt(fc)})`.padStart(22)} ${`${fmt(w)} (${fmt(wc)})`.padStart(22)}   ${(f / w).toFixed(1)}× twin (CPU ${(fc / wc).toFixed(1)}×), ${(d / f).toFixed(0)}× faster${met}`,
    );
  }
  out.perCall = perCall;

  // 20×20 data tables through the shipped adapter: the first, and the median of five warm ones.
  console.log(`\n20×20 data tables through the shipped adapter (first; warm: median of 5), wall (CPU):`);
  const tables: [string, unknown[], number, number, number, number, Fn][] = [
    ["LEASENPV: rate × discount rate", LEASE_30, 1, 3, 100, 0.005, CALLS.LEASENPV.fn],
    ["MININGNPV: BTC price × difficulty growth", MINING_ARGS, 4, 12, 60_000, 0.001, CALLS.MININGNPV.fn],
    ["CONVERSIONVALUE: BTC price × lease rate", CONVERSION_ARGS, 4, 8, 60_000, 5, CALLS.CONVERSIONVALUE.fn],
  ];
  const tableTimes: Record<string, unknown> = {};
  for (const [label, base, rowArg, colArg, rowStart, colStep, fn] of tables) {
    const run = () => {
      const w = performance.now();
      const c = cpuMs();
      for (let r = 0; r < 20; r++)
        for (let k = 0; k < 20; k++) {
          const a = [...base];
          a[rowArg] = rowStart * (1 + r * 0.05);
          a[colArg] = (base[colArg] as number) + (k - 10) * colStep;
          fn(...a);
        }
      return { wall: performance.now() - w, cpu: cpuMs() - c };
    };
    const first = run();
    const warm = Array.from({ length: 5 }, run);
    const wall = median(warm.map((x) => x.wall));
    const cpu = median(warm.map((x) => x.cpu));
    tableTimes[label] = { firstMs: first.wall, firstCpuMs: first.cpu, warmMs: wall, warmCpuMs: cpu };
    const target = label.startsWith("CONVERSIONVALUE")
      ? `   target < 100 ms warm: ${wall < 100 ? "met" : "MISSED"}`
      : "";
    console.log(
      `  ${label.padEnd(42)} first ${first.wall.toFixed(1)} ms (${first.cpu.toFixed(1)}), warm ${wall.toFixed(1)} ms (${cpu.toFixed(1)})${target}`,
    );
  }
  out.dataTables = tableTimes;

  // Certification rates per family.
  console.log(
    "\nSchedules' certification rate (the fast path's share of the plans the decimal path answers; the rest ran the decimal path):",
  );
  const rates: Record<string, Record<string, number>> = {};
  for (const c of SCHEDULE_CASES) {
    const row: Record<string, number> = {};
    const draws = Math.max(8, Math.round(c.testRuns * 4));
    for (const family of FAMILIES) {
      const r = prng(777 + FAMILIES.indexOf(family) + c.name.length);
      let answered = 0;
      let certified = 0;
      for (let i = 0; i < draws; i++) {
        const a = c.args(r, family);
        const want = c.decimal(a);
        if (typeof want === "number" || !want.includes("Error")) {
          answered++;
          const f = c.fast(a);
          if (f === f) certified++;
        }
      }
      row[family] = answered ? certified / answered : NaN;
    }
    rates[c.name] = row;
    console.log(
      `  ${c.name.padEnd(26)} ${String(draws).padStart(4)} plans a family: ${FAMILIES.map((f) => `${f} ${(100 * row[f]).toFixed(1)}%`).join("  ")}`,
    );
  }
  out.certificationRates = rates;
  out.loadAfter = load();
  console.log(`(load ${out.loadAfter})`);
  return out;
}

if (require.main === module)
  scheduleBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
