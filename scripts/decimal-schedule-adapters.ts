/*
 * For the benchmark only: the schedules' adapters as they read before they called the certified
 * fast paths (the same argument reading and error mapping, the decimal calc function). `npm run
 * bench` times the shipped adapters against these and against the float twins.
 */
import { blankAllowed, read } from "../src/functions/read";
import { SIGNATURES } from "../src/functions/params";
import { excelNumber } from "../src/functions/excel";
import { conversionBreakevenPrice, conversionValue, gpuCloudNpv, leaseIrr, leaseNpv, miningNpv } from "../src/calc";
import "../src/functions/outside-office";

type Fn = (...args: unknown[]) => unknown;
const plan = <T extends { gpu_opex_pct_of_revenue?: number }>(a: T) => ({
  ...a,
  opex_pct_of_revenue: a.gpu_opex_pct_of_revenue,
});

export const SCHEDULE_DECIMAL_ADAPTERS: Record<string, Fn> = {
  LEASENPV: (...args) =>
    excelNumber("LEASENPV", SIGNATURES.LEASENPV, () => {
      const a = read(blankAllowed(SIGNATURES.LEASENPV, "critical_it_mw"), args);
      return leaseNpv(a, a.discount_rate);
    }),
  LEASEIRR: (...args) =>
    excelNumber("LEASEIRR", SIGNATURES.LEASEIRR, () =>
      leaseIrr(read(blankAllowed(SIGNATURES.LEASEIRR, "critical_it_mw"), args)),
    ),
  GPUCLOUDNPV: (...args) =>
    excelNumber("GPUCLOUDNPV", SIGNATURES.GPUCLOUDNPV, () => {
      const a = read(SIGNATURES.GPUCLOUDNPV, args);
      return gpuCloudNpv(plan(a), a.discount_rate);
    }),
  MININGNPV: (...args) =>
    excelNumber("MININGNPV", SIGNATURES.MININGNPV, () => {
      const a = read(SIGNATURES.MININGNPV, args);
      return miningNpv(a, a.discount_rate);
    }),
  CONVERSIONVALUE: (...args) =>
    excelNumber(
      "CONVERSIONVALUE",
      SIGNATURES.CONVERSIONVALUE,
      () => conversionValue(read(SIGNATURES.CONVERSIONVALUE, args)).conversionValue,
    ),
  CONVERSIONBREAKEVEN: (...args) =>
    excelNumber("CONVERSIONBREAKEVEN", SIGNATURES.CONVERSIONBREAKEVEN, () =>
      conversionBreakevenPrice(read(SIGNATURES.CONVERSIONBREAKEVEN, args)),
    ),
};
