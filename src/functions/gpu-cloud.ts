/* Excel adapters for GPU cloud: the miner owns the GPUs and sells GPU-hours. */
import { GpuCloudPlan, gpuCloudIrr, gpuCloudSchedule } from "../calc/gpu-cloud";
import { gpuCloudNpvDouble } from "../calc/fast/schedule-doubles";
import { read, Read } from "./read";
import { SIGNATURES } from "./params";
import { ExcelTable, excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The plan among the arguments read; the GPU opex share has its own field (MWECONOMICS also reads the lease's). */
const plan = (a: Read<typeof SIGNATURES.GPUCLOUDIRR>): GpuCloudPlan => ({
  ...a,
  opex_pct_of_revenue: a.gpu_opex_pct_of_revenue,
});

export function gpuCloudNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.GPUCLOUDNPV;
  return excelNumber("GPUCLOUDNPV", params, () => {
    const a = read(params, args);
    return gpuCloudNpvDouble(plan(a), a.discount_rate);
  });
}

export function gpuCloudIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.GPUCLOUDIRR;
  return excelNumber("GPUCLOUDIRR", params, () => gpuCloudIrr(plan(read(params, args))));
}

/** Column headings of GPUCLOUDCASHFLOWS. */
export const GPU_CLOUD_SCHEDULE_HEADER = [
  "Month",
  "In service (1/0)",
  "GPU-hour price (USD)",
  "Revenue (USD)",
  "Power (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Salvage (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

export function gpuCloudCashFlowsFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.GPUCLOUDCASHFLOWS;
  return excelMatrix("GPUCLOUDCASHFLOWS", params, () => {
    const a = read(params, args);
    const rows = gpuCloudSchedule(plan(a), a.discount_rate).map((r) => [
      r.month,
      r.inService ? 1 : 0,
      toExcelNumber(r.gpuHourPrice),
      toExcelNumber(r.revenue),
      toExcelNumber(r.powerCost),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.salvage),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [GPU_CLOUD_SCHEDULE_HEADER, ...rows];
  });
}
