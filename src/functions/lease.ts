/* Excel adapters for AI/HPC lease economics. */
import { leaseSchedule, LeaseTerms } from "../calc/lease";
import { leaseIrrDouble, leaseNpvDouble } from "../calc/fast/schedule-doubles";
import { InvalidArgumentError } from "../calc/errors";
import { blankAllowed, isGiven, read, Read } from "./read";
import { Param, SIGNATURES } from "./params";
import { ExcelTable, excelMatrix, excelNumber, toExcelNumber } from "./excel";

/** Each lease function's parameter list with critical_it_mw allowed blank, made once. */
const blankMw = new Map<
  readonly Param[],
  ReturnType<typeof blankAllowed<typeof SIGNATURES.LEASEIRR, "critical_it_mw">>
>();

/** A lease function's arguments, critical_it_mw allowed blank (phases then give the MW). */
const leaseArgs = <L extends typeof SIGNATURES.LEASEIRR | typeof SIGNATURES.LEASENPV>(
  params: L,
  raw: readonly unknown[],
) => {
  let list = blankMw.get(params);
  if (!list) blankMw.set(params, (list = blankAllowed(params as typeof SIGNATURES.LEASEIRR, "critical_it_mw")));
  return read(list as ReturnType<typeof blankAllowed<L, "critical_it_mw">>, raw);
};

/**
 * The lease terms among the arguments read (named as the calc module names them). With `phases`,
 * each row is a lease of its own (build months, critical IT MW): build_months must be blank, and
 * critical_it_mw blank or the phases' total MW, so a formula's headline MW cannot disagree with its
 * table.
 */
function terms(
  params: readonly Param[],
  a: Read<ReturnType<typeof blankAllowed<typeof SIGNATURES.LEASEIRR, "critical_it_mw">>>,
  raw: readonly unknown[],
): LeaseTerms {
  const phases = a.phases;
  if (phases === undefined) {
    if (a.critical_it_mw === undefined) {
      throw new InvalidArgumentError(
        "critical_it_mw",
        "a number (it is required, and the argument is blank; or give phases)",
      );
    }
  } else {
    if (isGiven(raw[params.findIndex((p) => p.name === "build_months")])) {
      throw new InvalidArgumentError(
        "build_months",
        "blank when phases is given (each phase has its own build months)",
        String(a.build_months),
      );
    }
    const total = phases.reduce((sum, [, mw]) => sum + mw, 0);
    const mw = a.critical_it_mw;
    // (A phase with no valid MW is refused by calc, naming its row.)
    const checkable = phases.every(([, m]) => m > 0);
    if (mw !== undefined && checkable && !(Math.abs(mw - total) <= 1e-9 * total)) {
      throw new InvalidArgumentError(
        "critical_it_mw",
        `blank or the phases' total, ${total} MW, when phases is given`,
        String(mw),
      );
    }
  }
  return a;
}

export function leaseNpvFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASENPV;
  return excelNumber("LEASENPV", params, () => {
    const a = leaseArgs(params, args);
    return leaseNpvDouble(terms(params, a, args), a.discount_rate);
  });
}

export function leaseIrrFn(...args: unknown[]): number {
  const params = SIGNATURES.LEASEIRR;
  return excelNumber("LEASEIRR", params, () => leaseIrrDouble(terms(params, leaseArgs(params, args), args)));
}

/** Column headings of LEASECASHFLOWS. */
export const LEASE_SCHEDULE_HEADER = [
  "Month",
  "Revenue (USD)",
  "Opex (USD)",
  "Capex (USD)",
  "Terminal value (USD)",
  "Net cash flow (USD)",
  "Discount factor",
  "Present value (USD)",
];

export function leaseCashFlowsFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.LEASECASHFLOWS;
  return excelMatrix("LEASECASHFLOWS", params, () => {
    const a = leaseArgs(params, args);
    const rows = leaseSchedule(terms(params, a, args), a.discount_rate).map((r) => [
      r.month,
      toExcelNumber(r.revenue),
      toExcelNumber(r.opex),
      toExcelNumber(r.capex),
      toExcelNumber(r.terminalValue),
      toExcelNumber(r.net),
      toExcelNumber(r.discountFactor),
      toExcelNumber(r.presentValue),
    ]);
    return [LEASE_SCHEDULE_HEADER, ...rows];
  });
}
