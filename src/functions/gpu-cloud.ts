/* Excel adapters for GPU cloud: the miner owns the GPUs and sells GPU-hours. */
import { GpuCloudPlan, gpuCloudIrr, gpuCloudNpv, gpuCloudSchedule } from "../calc/gpu-cloud";
import { MixedArgs, readMixedArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** The plan among the arguments read; the GPU opex share has its own field (MWECONOMICS also reads the lease's). */
const plan = (a: MixedArgs): GpuCloudPlan =>
  ({ ...a, opex_pct_of_revenue: a.gpu_opex_pct_of_revenue }) as unknown as GpuCloudPlan;

// MINER.GPUCLOUDNPV: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * NPV in USD of a GPU cloud: buying GPUs and selling GPU-hours month by month, the price falling yearly, the GPUs aging out with a salvage value.
 * @customfunction GPUCLOUDNPV
 * @param gpus GPUs in service (GPUs; greater than 0).
 * @param usd_per_gpu_hour Price of a GPU-hour in the first year of service (USD per GPU-hour; 0 or more).
 * @param utilization Share of GPU-hours sold (fraction; 0 to 1).
 * @param gpu_capex_usd Price of a GPU with its share of the server, paid at month 0 (USD per GPU; 0 or more).
 * @param kw_per_gpu All-in server power per GPU, before PUE (kW per GPU; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [opex_pct_of_revenue] GPU-cloud operating cost other than power, as a share of its revenue (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [price_decline_annual] Fall of the GPU-hour price at each anniversary of service (negative: a rise) (rate per year; above -1, at most 1, 0.15 = 15%). Default 0.
 * @param [life_years] Service life of the GPUs, from the end of the build; × 12 a whole number of months (years; greater than 0). Default 5.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [shell_capex_usd_per_mw] Data-hall (shell) capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @returns NPV in USD at month 0.
 * @helpurl https://localhost:3000/help/GPUCLOUDNPV.html
 */
export function gpuCloudNpvFn(
  gpus: unknown,
  usd_per_gpu_hour: unknown,
  utilization: unknown,
  gpu_capex_usd: unknown,
  kw_per_gpu: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  discount_rate: unknown,
  opex_pct_of_revenue?: unknown,
  price_decline_annual?: unknown,
  life_years?: unknown,
  salvage_pct?: unknown,
  build_months?: unknown,
  shell_capex_usd_per_mw?: unknown,
): number;
export function gpuCloudNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.GPUCLOUDNPV;
  return excelNumber("GPUCLOUDNPV", params, () => {
    const a = readMixedArgs(params, args);
    return gpuCloudNpv(plan(a), a.discount_rate as number);
  });
}

// MINER.GPUCLOUDIRR: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Annual effective IRR of a GPU cloud's monthly cash flows, as GPUCLOUDNPV schedules them.
 * @customfunction GPUCLOUDIRR
 * @param gpus GPUs in service (GPUs; greater than 0).
 * @param usd_per_gpu_hour Price of a GPU-hour in the first year of service (USD per GPU-hour; 0 or more).
 * @param utilization Share of GPU-hours sold (fraction; 0 to 1).
 * @param gpu_capex_usd Price of a GPU with its share of the server, paid at month 0 (USD per GPU; 0 or more).
 * @param kw_per_gpu All-in server power per GPU, before PUE (kW per GPU; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param [opex_pct_of_revenue] GPU-cloud operating cost other than power, as a share of its revenue (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [price_decline_annual] Fall of the GPU-hour price at each anniversary of service (negative: a rise) (rate per year; above -1, at most 1, 0.15 = 15%). Default 0.
 * @param [life_years] Service life of the GPUs, from the end of the build; × 12 a whole number of months (years; greater than 0). Default 5.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [shell_capex_usd_per_mw] Data-hall (shell) capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @returns Annual effective IRR as a rate (0.12 = 12%).
 * @helpurl https://localhost:3000/help/GPUCLOUDIRR.html
 */
export function gpuCloudIrrFn(
  gpus: unknown,
  usd_per_gpu_hour: unknown,
  utilization: unknown,
  gpu_capex_usd: unknown,
  kw_per_gpu: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  opex_pct_of_revenue?: unknown,
  price_decline_annual?: unknown,
  life_years?: unknown,
  salvage_pct?: unknown,
  build_months?: unknown,
  shell_capex_usd_per_mw?: unknown,
): number;
export function gpuCloudIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.GPUCLOUDIRR;
  return excelNumber("GPUCLOUDIRR", params, () => gpuCloudIrr(plan(readMixedArgs(params, args))));
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

// MINER.GPUCLOUDCASHFLOWS: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * A GPU cloud month by month as a table: in service, GPU-hour price, revenue, power, opex, capex, salvage, net cash flow and present value.
 * @customfunction GPUCLOUDCASHFLOWS
 * @param gpus GPUs in service (GPUs; greater than 0).
 * @param usd_per_gpu_hour Price of a GPU-hour in the first year of service (USD per GPU-hour; 0 or more).
 * @param utilization Share of GPU-hours sold (fraction; 0 to 1).
 * @param gpu_capex_usd Price of a GPU with its share of the server, paid at month 0 (USD per GPU; 0 or more).
 * @param kw_per_gpu All-in server power per GPU, before PUE (kW per GPU; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [opex_pct_of_revenue] GPU-cloud operating cost other than power, as a share of its revenue (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [price_decline_annual] Fall of the GPU-hour price at each anniversary of service (negative: a rise) (rate per year; above -1, at most 1, 0.15 = 15%). Default 0.
 * @param [life_years] Service life of the GPUs, from the end of the build; × 12 a whole number of months (years; greater than 0). Default 5.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [build_months] Months of construction, with no income, before rent or service starts (months; a whole number, 0 or more). Default 0.
 * @param [shell_capex_usd_per_mw] Data-hall (shell) capex, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @returns An 11-column table, one row per month from 0 to the end of the GPUs' life, under a header row.
 * @helpurl https://localhost:3000/help/GPUCLOUDCASHFLOWS.html
 */
export function gpuCloudCashFlowsFn(
  gpus: unknown,
  usd_per_gpu_hour: unknown,
  utilization: unknown,
  gpu_capex_usd: unknown,
  kw_per_gpu: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  discount_rate: unknown,
  opex_pct_of_revenue?: unknown,
  price_decline_annual?: unknown,
  life_years?: unknown,
  salvage_pct?: unknown,
  build_months?: unknown,
  shell_capex_usd_per_mw?: unknown,
): any[][];
export function gpuCloudCashFlowsFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.GPUCLOUDCASHFLOWS;
  return excelMatrix("GPUCLOUDCASHFLOWS", params, () => {
    const a = readMixedArgs(params, args);
    const rows = gpuCloudSchedule(plan(a), a.discount_rate as number).map((r) => [
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
