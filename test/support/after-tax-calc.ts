/**
 * The After tax & financing sheet's figures from the calc module called directly: the schedules
 * (miningSchedule, leaseSchedule, gpuCloudSchedule), the deductions assembled here as the sheet's
 * conventions say (refreshes through the equipment's table in the year bought, the hall's bonus
 * share and 39 years from the year in service, the GPUs with the equipment's table, the basis left
 * in each use's last year), then afterTaxCashFlows, debtCapacity, loanSchedule and equityIrr.
 */
import {
  afterTaxCashFlows,
  debtCapacity,
  depreciation,
  equityIrr,
  gpuCloudSchedule,
  leaseSchedule,
  LeaseTerms,
  loanSchedule,
  miningSchedule,
  MiningPlan,
} from "../../src/calc";

const MONTHS = 360;
const YEARS = 30;

export interface AfterTaxInputs {
  site: Omit<MiningPlan, "months">;
  terms: Omit<LeaseTerms, "phases" | "capex_usd_per_mw"> & { phases: number[][]; capex_usd_per_mw: number };
  horizon: number;
  /** The month mining stops (the horizon when it never stops early). */
  stopMonth: number;
  discountRate: number;
  leaseDiscountRate: number;
  fleetSale: number;
  taxRate: number;
  lossTreatment: string;
  equipmentMethod: string;
  equipmentBonus: number;
  conversionBonusShare: number;
  hallInServiceMonth: number;
  minDscr: number;
  tenor: number;
  /** Project_Loan_Rate: nominal, compounded monthly. */
  loanRate: number;
  loanToCost: number;
  gpu: { usdPerHour: number; utilization: number; capex: number; kw: number; opexPct: number };
}

export interface AfterTaxFigures {
  preTaxNpv: [number, number, number];
  afterTaxNpv: [number, number, number];
  afterTaxIrr: [number | "none", number | "none"];
  capacity: [number, number];
  loan: number;
  /** "none": the flows have no IRR (e.g. all financed), as the sheet shows it. */
  equityIrr: number | "none";
  unleveredIrr: number | "none";
}

/** A column of months 0..360, zero after the flows end. */
const pad = (flows: number[]): number[] => Array.from({ length: MONTHS + 1 }, (_, m) => flows[m] ?? 0);
const yearOf = (m: number) => Math.max(1, Math.ceil(m / 12));
const npv = (flows: number[], rate: number) => flows.reduce((s, x, m) => s + x / (1 + rate) ** (m / 12), 0);
const lastYearOf = (month: number) => Math.max(1, Math.ceil(month / 12));

/** Deductions of years 1..30: `base(y)` before the last year, the basis left in it, nothing after. */
function withBasisLeft(base: (y: number) => number, basis: number, last: number): number[] {
  const out: number[] = [];
  for (let y = 1; y <= YEARS; y++) {
    const before = out.reduce((s, x) => s + x, 0);
    out.push(y < last ? base(y) : y === last ? Math.max(0, basis - before) : 0);
  }
  return out;
}

export function afterTaxFigures(i: AfterTaxInputs): AfterTaxFigures {
  const mining = miningSchedule({ ...i.site, months: i.horizon }, i.discountRate);
  const miningPre = pad([0, ...mining.map((r) => r.net.toNumber())]);
  const miningCapex = pad([0, ...mining.map((r) => r.capex.toNumber())]);
  const lease = leaseSchedule(i.terms, i.leaseDiscountRate);
  const convertPre = pad(lease.map((r, m) => r.net.toNumber() + (m === 0 ? i.fleetSale : 0)));
  const convertCapex = pad(lease.map((r) => r.capex.toNumber()));
  const leasedMw = i.terms.phases.reduce((s, [, mw]) => s + mw, 0);
  const longestBuild = Math.max(...i.terms.phases.map(([b]) => b));
  const gpus = (leasedMw * 1000) / i.gpu.kw;
  const gpu = gpuCloudSchedule(
    {
      gpus,
      usd_per_gpu_hour: i.gpu.usdPerHour,
      utilization: i.gpu.utilization,
      gpu_capex_usd: i.gpu.capex,
      kw_per_gpu: i.gpu.kw,
      pue: i.site.pue,
      power_price_kwh: i.site.power_price_kwh,
      opex_pct_of_revenue: i.gpu.opexPct,
      build_months: longestBuild,
      shell_capex_usd_per_mw: i.terms.capex_usd_per_mw,
    },
    i.discountRate,
  );
  const gpuPre = pad(gpu.map((r) => r.net.toNumber()));
  const gpuCapex = pad(gpu.map((r) => r.capex.toNumber()));

  // The deductions, as the sheet's conventions say.
  const rate = depreciation({ cost_usd: 1, method: i.equipmentMethod, bonus_pct: i.equipmentBonus, years: 40 }).map((r) => r.deduction.toNumber());
  const hallBasis = convertCapex.reduce((s, x) => s + x, 0);
  const inService = lastYearOf(i.hallInServiceMonth);
  const monthOfYear = Math.max(1, i.hallInServiceMonth - 12 * (inService - 1));
  const sl39 = depreciation({ cost_usd: hallBasis * (1 - i.conversionBonusShare), method: "SL39", placed_in_service_month: monthOfYear, years: 40 }).map((r) => r.deduction.toNumber());
  const hall = (y: number) => (y === inService ? i.conversionBonusShare * hallBasis : 0) + (y >= inService ? sl39[y - inService] ?? 0 : 0);
  const refreshes = Array.from({ length: YEARS + 1 }, (_, y) => miningCapex.reduce((s, x, m) => s + (y > 0 && yearOf(m) === y ? x : 0), 0));
  const miningDed = withBasisLeft(
    (y) => Array.from({ length: Math.min(y, 16) }, (_, a) => refreshes[y - a] * rate[a]).reduce((s, x) => s + x, 0),
    refreshes.reduce((s, x) => s + x, 0),
    lastYearOf(i.stopMonth),
  );
  const convertDed = withBasisLeft(hall, hallBasis, lastYearOf(i.horizon));
  const gpuCost = gpus * i.gpu.capex;
  const gpuDed = withBasisLeft(
    (y) => hall(y) + (y >= inService && y - inService < 16 ? gpuCost * rate[y - inService] : 0),
    hallBasis + gpuCost,
    lastYearOf(gpu.length - 1),
  );

  const tax = (pre: number[], capex: number[], ded: number[]) =>
    afterTaxCashFlows({ cash_flows: pre, depreciation: ded, tax_rate: i.taxRate, loss_treatment: i.lossTreatment, capex, first_month: 0 });
  const atMining = tax(miningPre, miningCapex, miningDed).map((r) => r.afterTax.toNumber());
  const convertRows = tax(convertPre, convertCapex, convertDed);
  const atConvert = convertRows.map((r) => r.afterTax.toNumber());
  const atGpu = tax(gpuPre, gpuCapex, gpuDed).map((r) => r.afterTax.toNumber());

  // Debt on the lease's NOI and on mining's positive cash, months 1..360.
  const debtRate = (1 + i.loanRate / 12) ** 12 - 1;
  const noi = pad(lease.map((r) => r.revenue.toNumber() - r.opex.toNumber())).slice(1);
  const miningCash = pad([0, ...mining.map((r) => Math.max(0, r.net.toNumber() - r.salvage.toNumber()))]).slice(1);
  const capacityOf = (cfads: number[], cap?: number) =>
    debtCapacity({ cfads, annual_rate: debtRate, tenor_months: i.tenor, min_dscr: i.minDscr, max_loan_usd: cap }).toNumber();
  const capacity = capacityOf(noi);
  const loan = capacityOf(noi, i.loanToCost * hallBasis);
  const service = noi.map((c, k) => (k + 1 <= i.tenor && capacity > 0 ? ((c / i.minDscr) * loan) / capacity : 0));
  const interest = [0, ...loanSchedule({ principal_usd: loan, annual_rate: debtRate, tenor_months: MONTHS, repayment: service }).map((r) => r.interest.toNumber())];
  const financedRows = tax(
    convertPre.map((x, m) => x - interest[m]),
    convertCapex,
    convertDed,
  );
  // The equity's view: the capex at month 0, the after-tax cash before debt service.
  const month0 = convertPre[0] + convertCapex[0] - hallBasis;
  const before = (rows: typeof convertRows) => rows.slice(1).map((r, k) => convertPre[k + 1] + convertCapex[k + 1] - r.tax.toNumber());
  const irrOf = (flows: number[], m0: number, loanUsd: number, debt: number[]): number | "none" => {
    try {
      return equityIrr({ cash_flows: flows, capex_usd: Math.max(0, -m0), loan_usd: loanUsd + Math.max(0, m0), debt_service: debt }).toNumber();
    } catch (e) {
      if ((e as { code?: string }).code === "#NUM!") return "none";
      throw e;
    }
  };
  return {
    preTaxNpv: [npv(miningPre, i.discountRate), npv(convertPre, i.leaseDiscountRate), npv(gpuPre, i.discountRate)],
    afterTaxNpv: [npv(atMining, i.discountRate), npv(atConvert, i.leaseDiscountRate), npv(atGpu, i.discountRate)],
    afterTaxIrr: [irrOf(atConvert.slice(1), atConvert[0], 0, [0]), irrOf(atGpu.slice(1), atGpu[0], 0, [0])],
    capacity: [capacity, capacityOf(miningCash)],
    loan,
    equityIrr: irrOf(before(financedRows), month0, loan, service),
    unleveredIrr: irrOf(before(convertRows), month0, 0, [0]),
  };
}
