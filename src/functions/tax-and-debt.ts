/*
 * Excel adapters for the CFO's view: tax depreciation, after-tax cash flows and project debt
 * (src/calc/depreciation.ts, after-tax.ts, project-debt.ts; docs/after-tax-and-financing.md).
 */
import { afterTaxCashFlows } from "../calc/after-tax";
import { depreciation } from "../calc/depreciation";
import { debtCapacity, equityIrr, loanSchedule } from "../calc/project-debt";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** A series argument (cash_flows, depreciation) as calc takes it: a single number is a series of one. */
const series = (v: number | number[]): number[] => (typeof v === "number" ? [v] : v);

/** A column argument over `months` months: a single number is every month's value. */
const everyMonth = (v: number | number[], months: number): number[] =>
  typeof v === "number" ? new Array<number>(months).fill(v) : v;

/** Column headings of DEPRECIATION. */
export const DEPRECIATION_HEADER = ["Year", "Deduction (USD)", "Remaining basis (USD)"];

export function depreciationFn(...args: unknown[]): (string | number)[][] {
  const params = SIGNATURES.DEPRECIATION;
  return excelMatrix("DEPRECIATION", params, () => {
    const rows = depreciation(read(params, args)).map((r) => [
      r.year,
      toExcelNumber(r.deduction),
      toExcelNumber(r.remainingBasis),
    ]);
    return [DEPRECIATION_HEADER, ...rows];
  });
}

/** Column headings of AFTERTAXCASHFLOWS. */
export const AFTER_TAX_HEADER = [
  "Month",
  "Pre-tax cash flow (USD)",
  "Tax (USD)",
  "After-tax cash flow (USD)",
  "Loss carried forward (USD)",
];

export function afterTaxCashFlowsFn(...args: unknown[]): (string | number)[][] {
  const params = SIGNATURES.AFTERTAXCASHFLOWS;
  return excelMatrix("AFTERTAXCASHFLOWS", params, () => {
    const a = read(params, args);
    const rows = afterTaxCashFlows({
      ...a,
      cash_flows: series(a.cash_flows),
      depreciation: series(a.depreciation),
    }).map((r) => [
      r.month,
      toExcelNumber(r.preTax),
      toExcelNumber(r.tax),
      toExcelNumber(r.afterTax),
      toExcelNumber(r.lossCarriedForward),
    ]);
    return [AFTER_TAX_HEADER, ...rows];
  });
}

export function debtCapacityFn(...args: unknown[]): number {
  const params = SIGNATURES.DEBTCAPACITY;
  return excelNumber("DEBTCAPACITY", params, () => {
    const a = read(params, args);
    return debtCapacity({ ...a, cfads: everyMonth(a.cfads, a.tenor_months) });
  });
}

/** Column headings of LOANSCHEDULE. */
export const LOAN_SCHEDULE_HEADER = [
  "Month",
  "Opening balance (USD)",
  "Interest (USD)",
  "Principal (USD)",
  "Payment (USD)",
  "Closing balance (USD)",
];

export function loanScheduleFn(...args: unknown[]): (string | number)[][] {
  const params = SIGNATURES.LOANSCHEDULE;
  return excelMatrix("LOANSCHEDULE", params, () => {
    const rows = loanSchedule(read(params, args)).map((r) => [
      r.month,
      toExcelNumber(r.openingBalance),
      toExcelNumber(r.interest),
      toExcelNumber(r.principal),
      toExcelNumber(r.payment),
      toExcelNumber(r.closingBalance),
    ]);
    return [LOAN_SCHEDULE_HEADER, ...rows];
  });
}

export function equityIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.EQUITYIRR;
  return excelNumber("EQUITYIRR", params, () => {
    const a = read(params, args);
    const flows = series(a.cash_flows);
    return equityIrr({ ...a, cash_flows: flows, debt_service: everyMonth(a.debt_service, flows.length) });
  });
}
