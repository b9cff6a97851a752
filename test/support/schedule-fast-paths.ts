/**
 * The schedules' certified fast paths beside the decimal functions they must reproduce, as
 * fast-paths.ts lists the per-cell ones: how to draw a plan (schedule-plans.ts), the decimal
 * path's double (or its error), the public double entry point, and the bare fast path (NaN when it
 * declines). Shared by test/calc/fast, `npm run certify` and `npm run bench`.
 */
import {
  conversionBreakevenPrice,
  conversionTiming,
  conversionValue,
  ConversionPlan,
  gpuCloudNpv,
  GpuCloudPlan,
  leaseCashFlows,
  leaseIrr,
  leaseNpv,
  LeaseTerms,
  miningNpv,
  MiningPlan,
} from "../../src/calc";
import { leaseNpvDouble, leaseNpvFast, leaseDoubles } from "../../src/calc/fast/lease-npv";
import { leaseIrrDouble, leaseIrrFast, leaseNetDoubles } from "../../src/calc/fast/lease-irr";
import { gpuCloudNpvDouble, gpuCloudNpvFast } from "../../src/calc/fast/gpu-cloud-npv";
import {
  conversionValueDouble,
  conversionValueFast,
  miningNpvDouble,
  miningNpvFast,
} from "../../src/calc/fast/mining-value";
import { conversionTimingDoubles, conversionTimingFast } from "../../src/calc/fast/conversion-timing";
import { conversionBreakevenDouble, conversionBreakevenFast } from "../../src/calc/fast/conversion-breakeven";
import { Outcome, outcome } from "./fast-paths";
import { Family, Rand } from "./input-families";
import { conversionPlan, gpuPlan, leasePlan, miningPlan } from "./schedule-plans";

export interface ScheduleCase {
  name: string;
  args(rand: Rand, family: Family): unknown[];
  decimal(a: unknown[]): Outcome;
  double(a: unknown[]): Outcome;
  /** The bare fast path: a number when it certifies, NaN when it declines (or its error, thrown as the decimal path's). */
  fast(a: unknown[]): number;
  /** Plans per family in `npm test` (the decimal path sets the cost), and in `npm run certify`. */
  testRuns: number;
  certifyRuns: number;
}

/** An outcome of a function returning a string (a table): the text, or the error. */
function text(f: () => string): Outcome {
  try {
    return f();
  } catch (e) {
    return outcome(() => {
      throw e;
    });
  }
}

/** A fast evaluator's number; a thrown error (the decimal path's own, from the same search) counts as an answer. */
function fastOf(f: () => number): number {
  try {
    return f();
  } catch {
    return 0;
  }
}

const lease = (a: unknown[]) => a[0] as { terms: LeaseTerms; rate: number };
const gpu = (a: unknown[]) => a[0] as { plan: GpuCloudPlan; rate: number };
const mining = (a: unknown[]) => a[0] as { plan: MiningPlan; rate: number };
const conversion = (a: unknown[]) => a[0] as ConversionPlan;
const zero = (x: number) => (x === 0 ? 0 : x);

/** CONVERSIONTIMING's table as one string: every row, the best month, the two values. */
function timingText(t: {
  rows: { month: number; value: number | { toNumber(): number } }[];
  best: { month: number };
  miningValue: number | { toNumber(): number };
  leaseValue: number | { toNumber(): number };
}): string {
  const n = (x: number | { toNumber(): number }) => String(zero(typeof x === "number" ? x : x.toNumber()));
  return `${t.rows.map((r) => n(r.value)).join(" ")} best ${t.best.month} ${n(t.miningValue)} ${n(t.leaseValue)}`;
}

export const SCHEDULE_CASES: ScheduleCase[] = [
  {
    name: "LEASENPV",
    args: (rand, family) => [leasePlan(rand, family)],
    decimal: (a) => outcome(() => leaseNpv(lease(a).terms, lease(a).rate)),
    double: (a) => outcome(() => leaseNpvDouble(lease(a).terms, lease(a).rate)),
    fast: (a) => leaseNpvFast(lease(a).terms, lease(a).rate),
    testRuns: 60,
    certifyRuns: 10_000,
  },
  {
    name: "LEASEIRR",
    args: (rand, family) => [leasePlan(rand, family)],
    decimal: (a) => outcome(() => leaseIrr(lease(a).terms)),
    double: (a) => outcome(() => leaseIrrDouble(lease(a).terms)),
    fast: (a) => fastOf(() => leaseIrrFast(lease(a).terms)),
    testRuns: 30,
    certifyRuns: 5_000,
  },
  {
    name: "LEASEIRR's monthly nets",
    args: (rand, family) => [leasePlan(rand, family)],
    decimal: (a) =>
      text(() =>
        leaseCashFlows(lease(a).terms)
          .map((r) => zero(r.net.toNumber()))
          .join(" "),
      ),
    double: (a) =>
      text(() => {
        const l = leaseDoubles(lease(a).terms);
        const nets = l && leaseNetDoubles(l);
        return nets
          ? nets.join(" ")
          : leaseCashFlows(lease(a).terms)
              .map((r) => zero(r.net.toNumber()))
              .join(" ");
      }),
    fast: (a) => {
      const l = leaseDoubles(lease(a).terms);
      return l && leaseNetDoubles(l) ? 1 : NaN;
    },
    testRuns: 30,
    certifyRuns: 5_000,
  },
  {
    name: "GPUCLOUDNPV",
    args: (rand, family) => [gpuPlan(rand, family)],
    decimal: (a) => outcome(() => gpuCloudNpv(gpu(a).plan, gpu(a).rate)),
    double: (a) => outcome(() => gpuCloudNpvDouble(gpu(a).plan, gpu(a).rate)),
    fast: (a) => gpuCloudNpvFast(gpu(a).plan, gpu(a).rate),
    testRuns: 60,
    certifyRuns: 25_000,
  },
  {
    name: "MININGNPV",
    args: (rand, family) => [miningPlan(rand, family)],
    decimal: (a) => outcome(() => miningNpv(mining(a).plan, mining(a).rate)),
    double: (a) => outcome(() => miningNpvDouble(mining(a).plan, mining(a).rate)),
    fast: (a) => miningNpvFast(mining(a).plan, mining(a).rate),
    testRuns: 40,
    certifyRuns: 5_000,
  },
  {
    name: "CONVERSIONVALUE",
    args: (rand, family) => [conversionPlan(rand, family)],
    decimal: (a) => outcome(() => conversionValue(conversion(a)).conversionValue),
    double: (a) => outcome(() => conversionValueDouble(conversion(a))),
    fast: (a) => conversionValueFast(conversion(a)),
    testRuns: 30,
    certifyRuns: 2_500,
  },
  {
    name: "CONVERSIONTIMING",
    args: (rand, family) => [conversionPlan(rand, family)],
    decimal: (a) => text(() => timingText(conversionTiming(conversion(a)))),
    double: (a) => text(() => timingText(conversionTimingDoubles(conversion(a)))),
    fast: (a) => (conversionTimingFast(conversion(a)) ? 1 : NaN),
    testRuns: 12,
    certifyRuns: 1_500,
  },
  {
    name: "CONVERSIONBREAKEVEN",
    args: (rand, family) => [conversionPlan(rand, family)],
    decimal: (a) => outcome(() => conversionBreakevenPrice(conversion(a))),
    double: (a) => outcome(() => conversionBreakevenDouble(conversion(a))),
    fast: (a) => fastOf(() => conversionBreakevenFast(conversion(a))),
    testRuns: 4,
    certifyRuns: 300,
  },
];
