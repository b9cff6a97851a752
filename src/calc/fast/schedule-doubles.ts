/**
 * The schedules' results as doubles, for the adapters: the certified fast paths once loaded
 * (lazy.ts), the decimal path until then; the same double either way.
 */
import { Num } from "../decimal";
import { conversionBreakevenPrice } from "../conversion-breakeven";
import { conversionValue, ConversionPlan } from "../conversion";
import { conversionTiming } from "../conversion-timing";
import { GpuCloudPlan, gpuCloudNpv } from "../gpu-cloud";
import { LeaseArgNames, leaseIrr, leaseNpv, LeaseTerms, LEASE_ARG_NAMES } from "../lease";
import { MiningPlan } from "../mining-plan";
import { miningNpv } from "../mining-schedule";
import { resultDouble } from "./to-double";
import { fastPaths as fastSchedules } from "./lazy";

type FastPaths = NonNullable<ReturnType<typeof fastSchedules>>;
import type { ConversionTimingDoubles } from "./conversion-timing";

/**
 * A fast path's number when it certifies one, else undefined: a fast path that declines (NaN) or
 * throws (the root finder's or the search's own #NUM!) leaves the answer, or the error, to the
 * decimal path, run by the caller.
 */
function fast(run: (f: FastPaths) => number): number | undefined {
  const f = fastSchedules();
  if (!f) return undefined;
  try {
    const n = run(f);
    return n === n ? n : undefined;
  } catch {
    return undefined;
  }
}

/** `leaseNpv(...).toNumber()` (LEASENPV); a zero is +0. */
export const leaseNpvDouble = (terms: LeaseTerms, rate: Num, names: LeaseArgNames = LEASE_ARG_NAMES): number =>
  (typeof rate === "number" ? fast((f) => f.leaseNpvFast(terms, rate)) : undefined) ??
  resultDouble(leaseNpv(terms, rate, names));

/** `leaseIrr(...).toNumber()` (LEASEIRR); a zero is +0. */
export const leaseIrrDouble = (terms: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): number =>
  fast((f) => f.leaseIrrFast(terms, names)) ?? resultDouble(leaseIrr(terms, names));

/** `gpuCloudNpv(...).toNumber()` (GPUCLOUDNPV); a zero is +0. */
export const gpuCloudNpvDouble = (plan: GpuCloudPlan, rate: Num): number =>
  (typeof rate === "number" ? fast((f) => f.gpuCloudNpvFast(plan, rate)) : undefined) ??
  resultDouble(gpuCloudNpv(plan, rate));

/** `miningNpv(...).toNumber()` (MININGNPV); a zero is +0. */
export const miningNpvDouble = (plan: MiningPlan, rate: Num): number =>
  (typeof rate === "number" ? fast((f) => f.miningNpvFast(plan, rate)) : undefined) ??
  resultDouble(miningNpv(plan, rate));

/** `conversionValue(plan).conversionValue.toNumber()` (CONVERSIONVALUE); a zero is +0. */
export const conversionValueDouble = (plan: ConversionPlan): number =>
  fast((f) => f.conversionValueFast(plan)) ?? resultDouble(conversionValue(plan).conversionValue);

/** `conversionBreakevenPrice(plan).toNumber()` (CONVERSIONBREAKEVEN). */
export const conversionBreakevenDouble = (plan: ConversionPlan): number =>
  fast((f) => f.conversionBreakevenFast(plan)) ?? conversionBreakevenPrice(plan).toNumber();

/** `conversionTiming(plan)` with every value its double (CONVERSIONTIMING); zeros are +0. */
export function conversionTimingDoubles(plan: ConversionPlan): ConversionTimingDoubles {
  let certified: ConversionTimingDoubles | undefined;
  try {
    certified = fastSchedules()?.conversionTimingFast(plan);
  } catch {
    certified = undefined;
  }
  if (certified) return certified;
  const t = conversionTiming(plan);
  const row = (r: { month: number; value: Parameters<typeof resultDouble>[0] }) => ({
    month: r.month,
    value: resultDouble(r.value),
  });
  return {
    rows: t.rows.map(row),
    best: row(t.best),
    miningValue: resultDouble(t.miningValue),
    leaseValue: resultDouble(t.leaseValue),
    horizonMonths: t.horizonMonths,
  };
}
