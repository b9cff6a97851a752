/* Excel adapters for mining a site's megawatts month by month, and for the mine-or-lease decision. */
import { GpuCloudOnSite, mwEconomics } from "../calc/conversion";
import {
  conversionBreakevenDouble,
  conversionTimingDoubles,
  conversionValueDouble,
  miningNpvDouble,
} from "../calc/fast/schedule-doubles";
import { miningSchedule } from "../calc/mining-schedule";
import { InvalidArgumentError } from "../calc/errors";
import { isGiven, read, Read } from "./read";
import { Param, SIGNATURES } from "./params";
import { ExcelTable, excelMatrix, excelNumber, toExcelNumber } from "./excel";

/**
 * A conversion's arguments. With `phases`, the phases give the lease's MW and build months, so
 * conversion_months and site_mw_per_critical_it_mw must be blank: an input that would be ignored
 * is refused.
 */
export function checkPhases(
  params: readonly Param[],
  a: Pick<Read<typeof SIGNATURES.CONVERSIONVALUE>, "phases" | "conversion_months" | "site_mw_per_critical_it_mw">,
  args: readonly unknown[],
): void {
  if (a.phases === undefined) return;
  for (const name of ["conversion_months", "site_mw_per_critical_it_mw"] as const) {
    if (isGiven(args[params.findIndex((p) => p.name === name)])) {
      throw new InvalidArgumentError(
        name,
        "blank when phases is given (the phases give the lease's critical IT MW and build months)",
        String(a[name]),
      );
    }
  }
}

/** A conversion function's arguments, read and checked. */
function conversionArgs(params: typeof SIGNATURES.CONVERSIONVALUE, args: readonly unknown[]) {
  const a = read(params, args);
  checkPhases(params, a, args);
  return a;
}

/** Column headings of MININGCASHFLOWS. */
export const MINING_SCHEDULE_HEADER = [
  "Month",
  "Start height",
  "Subsidy (BTC/block)",
  "Difficulty",
  "BTC price (USD)",
  "Running (1/0)",
  "BTC mined",
  "Revenue (USD)",
  "Power (USD)",
  "Energy tax (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Salvage (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

export function miningCashFlowsFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.MININGCASHFLOWS;
  return excelMatrix("MININGCASHFLOWS", params, () => {
    const a = read(params, args);
    const rows = miningSchedule(a, a.discount_rate).map((r) => [
      r.month,
      r.startHeight,
      toExcelNumber(r.subsidy),
      toExcelNumber(r.difficulty),
      toExcelNumber(r.btcPrice),
      r.running ? 1 : 0,
      toExcelNumber(r.btcMined),
      toExcelNumber(r.revenue),
      toExcelNumber(r.powerCost),
      toExcelNumber(r.energyTax),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.salvage),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [MINING_SCHEDULE_HEADER, ...rows];
  });
}

export function miningNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.MININGNPV;
  return excelNumber("MININGNPV", params, () => {
    const a = read(params, args);
    return miningNpvDouble(a, a.discount_rate);
  });
}

export function conversionValueFn(...args: unknown[]): number {
  return excelNumber("CONVERSIONVALUE", SIGNATURES.CONVERSIONVALUE, () =>
    conversionValueDouble(conversionArgs(SIGNATURES.CONVERSIONVALUE, args)),
  );
}

export function conversionBreakevenFn(...args: unknown[]): number {
  return excelNumber("CONVERSIONBREAKEVEN", SIGNATURES.CONVERSIONBREAKEVEN, () =>
    conversionBreakevenDouble(conversionArgs(SIGNATURES.CONVERSIONBREAKEVEN, args)),
  );
}

/** Column headings of CONVERSIONTIMING. */
export const CONVERSION_TIMING_HEADER = [
  "Months mined, then converted (k)",
  "Value relative to mining throughout (USD)",
];

/** CONVERSIONTIMING: one row per candidate conversion month k = 0 … the horizon, under a header row. */
export function conversionTimingFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.CONVERSIONTIMING;
  return excelMatrix("CONVERSIONTIMING", params, () => {
    const { rows } = conversionTimingDoubles(conversionArgs(params, args));
    return [CONVERSION_TIMING_HEADER, ...rows.map((r) => [r.month, toExcelNumber(r.value)])];
  });
}

export function mwEconomicsFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.MWECONOMICS;
  return excelMatrix("MWECONOMICS", params, () => {
    const a = read(params, args);
    checkPhases(params, a, args);
    // The lease's opex share is opex_pct_of_revenue in calc; the GPU cloud's has its own field.
    const e = mwEconomics(a, gpuOnSite(a));
    const cell = (x: { toNumber(): number } | undefined) => (x === undefined ? "n/a" : toExcelNumber(x));
    const gpu = e.gpuCloud;
    return [
      ["Per site MW", "Mining", "Colocation lease", "GPU cloud"],
      [
        "Revenue per MW-year (USD)",
        cell(e.mining.revenuePerMwYear),
        cell(e.lease.revenuePerMwYear),
        cell(gpu?.revenuePerMwYear),
      ],
      [
        "EBITDA per MW-year (USD)",
        cell(e.mining.ebitdaPerMwYear),
        cell(e.lease.ebitdaPerMwYear),
        cell(gpu?.ebitdaPerMwYear),
      ],
      ["EBITDA margin", cell(e.mining.ebitdaMargin), cell(e.lease.ebitdaMargin), cell(gpu?.ebitdaMargin)],
      ["Capital per MW (USD)", cell(e.mining.capitalPerMw), cell(e.lease.capitalPerMw), cell(gpu?.capitalPerMw)],
    ];
  });
}

/** The GPU-cloud inputs MWECONOMICS takes: all four, or none (then its column is n/a). */
const GPU_INPUTS = ["usd_per_gpu_hour", "utilization", "gpu_capex_usd", "kw_per_gpu"] as const;

/** GPU cloud filling the site's critical IT, at its PUE and power price, in the hall the conversion builds. */
function gpuOnSite(a: Read<typeof SIGNATURES.MWECONOMICS>): GpuCloudOnSite | undefined {
  const given = GPU_INPUTS.filter((n) => a[n] !== undefined);
  if (given.length === 0) return undefined;
  // Each given one has been checked, so an error names the value that is wrong.
  const { usd_per_gpu_hour, utilization, gpu_capex_usd, kw_per_gpu } = a;
  if (
    usd_per_gpu_hour === undefined ||
    utilization === undefined ||
    gpu_capex_usd === undefined ||
    kw_per_gpu === undefined
  ) {
    const missing = GPU_INPUTS.find((n) => a[n] === undefined);
    throw new InvalidArgumentError(
      missing ?? GPU_INPUTS[0],
      `a number when ${given.join(", ")} ${given.length === 1 ? "is" : "are"} given (the GPU-cloud inputs: ${GPU_INPUTS.join(", ")}, all or none)`,
      "blank",
    );
  }
  return {
    usd_per_gpu_hour,
    utilization,
    gpu_capex_usd,
    kw_per_gpu,
    pue: a.pue,
    opex_pct_of_revenue: a.gpu_opex_pct_of_revenue,
  };
}
