/*
 * The certified fast paths in `npm run bench` (also alone: `npm run bench:fast`):
 * - per call, through an Excel adapter, medians of interleaved rounds (warmed to steady state) of
 *   the adapter on the decimal path alone (decimal-adapters.ts, as before the fast paths), the
 *   shipped adapter (fast path, decimal fallback), and the plain-float twin, wall and CPU time; and
 *   COSTPERBTC's three in headless Chromium (bench-fast-browser.ts);
 * - the IRR kernel on a 30-year lease's monthly flows, and LEASEIRR, against a float NPV of the
 *   same flows;
 * - decimalToDouble against toNumber();
 * - the certification rate of each fast path per input family.
 */
import { CALLS } from "../test/support/calls";
import { FAST_CASES } from "../test/support/fast-paths";
import { FAMILIES, prng } from "../test/support/input-families";
import * as twins from "./bench-twins";
import { Decimal, irr, leaseCashFlows, leaseSchedule } from "../src/calc";
import { decimalToDouble } from "../src/calc/fast";
import { loadFastPaths } from "../src/calc/fast/lazy";
import { DECIMAL_ADAPTERS } from "./decimal-adapters";
import { costPerBtcInChromium } from "./bench-fast-browser";
import { interleaved } from "./bench-timing";

/** Valid arguments with the first nudged per call, as bench.ts's `varied` (a recalculating sheet). */
function varied(args: unknown[], i: number): unknown[] {
  const a = [...args];
  const x = a[0] as number;
  a[0] = Number.isInteger(x) ? x + (i % 97) : x * (1 + (i % 97) * 1e-6);
  return a;
}

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(3)} µs`);

export async function fastPathBench(): Promise<Record<string, unknown>> {
  await loadFastPaths(); // the fast paths' chunk (src/calc/fast/lazy.ts), in place as in a sheet
  const out: Record<string, unknown> = {};
  console.log(
    "\nCertified fast paths, through the Excel adapter: the decimal path alone, the shipped adapter (fast path), and the float twin;",
  );
  console.log("medians of 15 interleaved rounds after 5 warm-up rounds (wall; CPU in brackets):\n");
  console.log(
    "function".padEnd(20) +
      "decimal".padStart(20) +
      "fast".padStart(20) +
      "float twin".padStart(20) +
      "   fast/twin   decimal/twin",
  );
  const perFunction: Record<string, unknown> = {};
  for (const [id, decimal] of Object.entries(DECIMAL_ADAPTERS)) {
    const { fn: fast, valid } = CALLS[id];
    const fn = decimal;
    const twin = (twins as Record<string, (...a: unknown[]) => unknown>)[id];
    // the shipped adapter answers as the decimal path does (a sanity check, not the proof: that is npm run certify)
    if (JSON.stringify(fast(...valid)) !== JSON.stringify(fn(...valid)))
      throw new Error(`${id}: the shipped adapter differs from the decimal path`);
    const t = interleaved([
      { label: "decimal", call: (i) => fn(...varied(valid, i)), calls: 2_000 },
      { label: "fast", call: (i) => fast(...varied(valid, i)), calls: 20_000 },
      { label: "twin", call: (i) => twin(...varied(valid, i)), calls: 20_000 },
    ]);
    const [d, f, w] = t.wallUs;
    const [dc, fc, wc] = t.cpuUs;
    perFunction[id] = {
      decimalUs: d,
      fastUs: f,
      twinUs: w,
      decimalCpuUs: dc,
      fastCpuUs: fc,
      twinCpuUs: wc,
      fastOverTwin: f / w,
      decimalOverTwin: d / w,
      fastOverTwinCpu: fc / wc,
    };
    const cell = (a: number, b: number) => `${fmt(a)} (${fmt(b)})`.padStart(20);
    const target = id === "COSTPERBTC" ? `   target ≤ 20× ${f / w <= 20 ? "(met)" : "(MISSED)"}` : "";
    console.log(
      id.padEnd(20) +
        cell(d, dc) +
        cell(f, fc) +
        cell(w, wc) +
        `${(f / w).toFixed(1)}×`.padStart(12) +
        `${(d / w).toFixed(0)}×`.padStart(15) +
        target,
    );
  }
  out.perFunction = perFunction;
  out.chromium = await costPerBtcInChromium();

  // The IRR kernel and LEASEIRR on a 30-year lease (12 months' build), against a float NPV of its flows.
  const terms = {
    critical_it_mw: 200,
    rate_usd_per_kw_month: 150,
    term_years: 30,
    escalator: 0.03,
    capex_usd_per_mw: 9e6,
    opex_pct_of_revenue: 0.15,
    build_months: 12,
  };
  const nets = leaseCashFlows(terms).map((r) => r.net);
  const flows = nets.map((x) => x.toNumber());
  const floatNpv = (i: number) => {
    const x = 1 / (1.008 + (i % 97) * 1e-6);
    let acc = 0;
    for (let k = flows.length - 1; k >= 0; k--) acc = acc * x + flows[k];
    return acc;
  };
  const leaseIrrArgs = [200, 150, 30, 0.03, 9e6, 0.15, 12];
  const irrT = interleaved(
    [
      { label: "IRR kernel (numbers)", call: () => irr(flows, 0.008), calls: 100 },
      { label: "IRR kernel (Decimal nets)", call: () => irr(nets, 0.008), calls: 100 },
      { label: "LEASEIRR", call: (i) => CALLS.LEASEIRR.fn(...varied(leaseIrrArgs, i)), calls: 200 },
      { label: "float NPV", call: floatNpv, calls: 20_000 },
    ],
    11,
    3,
  );
  const [kNum, kDec, lease, npv] = irrT.wallUs;
  const [kNumC, kDecC, leaseC, npvC] = irrT.cpuUs;
  console.log(
    `\nIRR on a 30-year lease's ${flows.length} monthly flows, against a float NPV of them (${fmt(npv)}, CPU ${fmt(npvC)}):`,
  );
  const line = (label: string, w: number, c: number, note: string) =>
    console.log(
      `  ${label.padEnd(20)} ${fmt(w).padStart(11)} (CPU ${fmt(c)})  ${(w / npv).toFixed(0)}× a float NPV (CPU ${(c / npvC).toFixed(0)}×)${note}`,
    );
  line("irr(numbers)", kNum, kNumC, "   (the IRR kernel alone)");
  line("irr(Decimal nets)", kDec, kDecC, "   (values converted by decimalToDouble)");
  line(
    "LEASEIRR (adapter)",
    lease,
    leaseC,
    "   target ≤ 50× (its nets certified by lease year, then the kernel; also with the schedules below)",
  );
  out.irr = {
    flows: flows.length,
    kernelNumbersUs: kNum,
    kernelDecimalsUs: kDec,
    leaseIrrUs: lease,
    floatNpvUs: npv,
    kernelCpuUs: kNumC,
    floatNpvCpuUs: npvC,
    kernelOverNpv: kNum / npv,
    kernelOverNpvCpu: kNumC / npvC,
    leaseIrrOverNpv: lease / npv,
  };

  // Decimal → double on 40-digit results.
  const rand = prng(5);
  const decimals = Array.from({ length: 1024 }, () => new Decimal(rand() * 1e5).div(7 + rand()));
  const conv = interleaved([
    { label: "toNumber", call: (i) => decimals[i & 1023].toNumber(), calls: 20_000 },
    { label: "decimalToDouble", call: (i) => decimalToDouble(decimals[i & 1023]), calls: 20_000 },
  ]);
  console.log(
    `\nDecimal → double (40-digit quotients): toNumber() ${fmt(conv.wallUs[0])}, decimalToDouble ${fmt(conv.wallUs[1])}: ${(conv.wallUs[0] / conv.wallUs[1]).toFixed(1)}× faster`,
  );
  // A table function's cells: LEASECASHFLOWS' schedule, 30 years monthly, every Decimal column.
  const cells = leaseSchedule(terms, 0.1).flatMap((row) =>
    Object.values(row).filter((x): x is Decimal => x instanceof Decimal),
  );
  if (!cells.every((d) => Object.is(decimalToDouble(d), d.toNumber())))
    throw new Error("decimalToDouble differs from toNumber on the schedule");
  const table = interleaved(
    [
      { label: "toNumber", call: () => cells.reduce((s, d) => s + d.toNumber(), 0), calls: 20 },
      { label: "decimalToDouble", call: () => cells.reduce((s, d) => s + decimalToDouble(d), 0), calls: 20 },
    ],
    9,
    2,
  );
  console.log(
    `  a 30-year lease schedule's ${cells.length} cells: toNumber() ${fmt(table.wallUs[0])}, decimalToDouble ${fmt(table.wallUs[1])}`,
  );
  out.toDouble = {
    toNumberUs: conv.wallUs[0],
    decimalToDoubleUs: conv.wallUs[1],
    scheduleCells: cells.length,
    scheduleToNumberUs: table.wallUs[0],
    scheduleDecimalToDoubleUs: table.wallUs[1],
  };

  // Certification rate per input family: the share of the decimal path's answers the fast path gave.
  console.log(
    "\nCertification rate (the fast path's share of the answers, 20,000 draws per family; the rest ran the decimal path):",
  );
  const rates: Record<string, Record<string, number>> = {};
  for (const c of FAST_CASES) {
    const row: Record<string, number> = {};
    const draws = c.name.startsWith("NPV") ? 500 : 20_000;
    for (const family of FAMILIES) {
      const r = prng(99 + FAMILIES.indexOf(family));
      let certified = 0;
      let answered = 0;
      for (let i = 0; i < draws; i++) {
        const a = c.args(r, family);
        const fast = c.fast(a);
        if (fast === fast) {
          certified++;
          answered++;
        } else {
          const d = c.decimal(a);
          if (typeof d === "number" || !d.includes("Error")) answered++;
        }
      }
      row[family] = answered ? certified / answered : NaN;
    }
    rates[c.name] = row;
    console.log(`  ${c.name.padEnd(32)} ${FAMILIES.map((f) => `${f} ${(100 * row[f]).toFixed(3)}%`).join("  ")}`);
  }
  out.certificationRates = rates;
  return out;
}

if (require.main === module)
  fastPathBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
