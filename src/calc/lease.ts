/**
 * An AI/HPC data-center lease of critical IT capacity, month by month.
 *
 * A lease is one or more phases, each (build months b until ready for service, critical IT MW).
 * Without `phases` there is one: (build_months, critical_it_mw). For each phase, with T =
 * term_years × 12 lease months (term_years × 12 within 1e-9 of a whole number):
 *   capex     = capex_usd_per_mw × MW; capex_timing 0: all at month 0; 1: capex / b at the start
 *               of each build month, months 0 .. b − 1 (all at month 0 when b = 0)
 *   rent in lease month k = 1..T:
 *               MW × 1000 kW × rate_usd_per_kw_month × (1 + escalator)^floor((k − 1) / 12)
 *               (escalating on the phase's own anniversaries), paid at month b + k (rent_timing 0,
 *               end of month, the default) or b + k − 1 (rent_timing 1, monthly in advance)
 *   opex      = opex_pct_of_revenue × rent, in the rent's month
 *   terminal value (exit_cap_rate > 0): the final lease year's NOI, Σ (rent − opex) over lease
 *               months T − 11 .. T (annualised × 12 / T when T < 12), ÷ exit_cap_rate, received with
 *               the last month's rent (month b + T, or b + T − 1 in advance)
 *   tenant credit (tenant_default_annual p > 0): the tenant survives to schedule month m (counted
 *               from month 0, the signing: the build is at risk too) with probability
 *               S(m) = (1 − p)^(m/12), a constant annual hazard; after a default the landlord
 *               receives default_recovery_pct (rec) of the contracted rent (re-leasing, a backstop).
 *               Each rent payment, in its month m, is the expected rent
 *                 rent × (S(m) + (1 − S(m)) × rec)
 *               and everything computed from rent follows it: opex (a share of revenue) and the exit
 *               value (capitalised from the final year's expected NOI: the building is re-let at
 *               the same credit-weighted rent). Capex is spent whatever the tenant does.
 *               p = 0 (the default) gives the contracted schedule exactly.
 * Every phase runs the full term, so a phased lease is exactly the sum of one lease per phase.
 * The schedule runs from month 0 to the last phase's b + T, and a month's net cash flow is
 *   net = rent − opex − capex + terminal value.
 * Discounting uses the annual effective rate: a month-m flow is worth CF / (1 + r)^(m/12), so the
 * NPV equals Excel's CF0 + NPV((1 + r)^(1/12) − 1, CF1..CFn).
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { doublesOf, irrOfDoubles } from "./finance";
import {
  choice,
  finite,
  fraction,
  nonNegative,
  positive,
  rateAboveMinusOne,
  Rows,
  tableNumber,
  tableRows,
  wholeMonthsOfYears,
  wholeNonNegative,
} from "./validate";
import { Discounted, discountMonthly, monthlyGrowth, sumOfPresentValues } from "./discounting";
import { MAX_SCHEDULE_MONTHS, PHASES } from "./limits";

export { monthlyDiscountFactors } from "./discounting";

const TWELVE = new Decimal(12);
const KW_PER_MW = new Decimal(1000);
/** The longest lease accepted: 100 years of months keeps a schedule within Excel's grid and our budget. */
export const MAX_LEASE_MONTHS = MAX_SCHEDULE_MONTHS;

/** Lease terms, keyed by their public parameter names. */
export interface LeaseTerms {
  /** MW of critical IT; required unless `phases` is given (then ignored). */
  critical_it_mw?: Num;
  rate_usd_per_kw_month: Num;
  term_years: Num;
  escalator?: Num;
  capex_usd_per_mw?: Num;
  opex_pct_of_revenue?: Num;
  /** Months before rent starts; ignored when `phases` is given. */
  build_months?: Num;
  /** Cap rate on the final lease year's NOI for the value at the end of the term; 0 or blank = none. */
  exit_cap_rate?: Num;
  /** 0 = rent at the end of each month (default), 1 = at the beginning (monthly in advance). */
  rent_timing?: Num;
  /** 0 = all capex at month 0 (default), 1 = evenly at the start of each build month. */
  capex_timing?: Num;
  /** Rows of (build months until ready for service, critical IT MW); replaces critical_it_mw and build_months. */
  phases?: Rows;
  /** The tenant's constant annual probability of default, 0 to 1; 0 or blank = a tenant that never defaults. */
  tenant_default_annual?: Num;
  /** Share of contracted rent still received after a default (re-leasing, a backstop), 0 to 1. Default 0 */
  default_recovery_pct?: Num;
}

/**
 * The public names of the lease inputs that another function calls differently, so that its
 * errors name its own arguments (CONVERSIONVALUE's build is `conversion_months`, for example).
 */
export interface LeaseArgNames {
  critical_it_mw: string;
  build_months: string;
  capex_usd_per_mw: string;
  discount_rate: string;
}

/** LEASENPV's own names. */
export const LEASE_ARG_NAMES: LeaseArgNames = {
  critical_it_mw: "critical_it_mw",
  build_months: "build_months",
  capex_usd_per_mw: "capex_usd_per_mw",
  discount_rate: "discount_rate",
};

/** One phase of a lease: its build months from month 0 until ready for service, and its MW. */
export interface LeasePhase {
  buildMonths: number;
  criticalItMw: Decimal;
}

/** One month of the schedule, USD. */
export interface LeaseMonth {
  month: number;
  revenue: Decimal;
  opex: Decimal;
  capex: Decimal;
  /** The exit value (final-year NOI ÷ exit_cap_rate) in the month of a phase's last rent, else 0. */
  terminalValue: Decimal;
  net: Decimal;
}

/** Validated terms. */
export interface ValidLeaseTerms {
  phases: LeasePhase[];
  rate: Decimal;
  leaseMonths: number;
  escalator: Decimal;
  capexPerMw: Decimal;
  opexShare: Decimal;
  /** undefined: no terminal value */
  exitCapRate: Decimal | undefined;
  rentInAdvance: boolean;
  capexOverBuild: boolean;
  /** The schedule's last month: the latest phase's build months + lease months. */
  lastMonth: number;
  /** Annual default probability; undefined: the tenant never defaults (contracted rent) */
  tenantDefault: Decimal | undefined;
  /** Share of rent received after a default */
  recovery: Decimal;
}

const PHASES_ALLOWED =
  "a two-column range of rows (build months until ready for service, critical IT MW): whole build months of 0 or more, MW greater than 0";

function validPhases(rows: Rows): LeasePhase[] {
  tableRows("phases", rows, 2, "(build months until ready for service, critical IT MW)", PHASES);
  return rows.map(([b, mw], i) => {
    const row = `row ${i + 1}`;
    const build = tableNumber("phases", PHASES_ALLOWED, i + 1, "build months", b);
    if (!build.isInteger() || build.isNeg() || build.gte(MAX_LEASE_MONTHS)) {
      throw new InvalidArgumentError("phases", PHASES_ALLOWED, `${row}: build months ${build.toString()}`);
    }
    const m = tableNumber("phases", PHASES_ALLOWED, i + 1, "critical IT MW", mw);
    if (!m.gt(0)) throw new InvalidArgumentError("phases", PHASES_ALLOWED, `${row}: critical IT MW ${m.toString()}`);
    return { buildMonths: build.toNumber(), criticalItMw: m };
  });
}

/** Checks the terms; every error names the argument as `names` calls it. */
export function validateLease(t: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): ValidLeaseTerms {
  const phased = t.phases !== undefined;
  const single = phased ? undefined : positive(names.critical_it_mw, t.critical_it_mw as Num);
  const rate = nonNegative("rate_usd_per_kw_month", t.rate_usd_per_kw_month);
  const leaseMonths = wholeMonthsOfYears("term_years", t.term_years);
  const escalator = rateAboveMinusOne("escalator", t.escalator ?? 0);
  const capexPerMw = nonNegative(names.capex_usd_per_mw, t.capex_usd_per_mw ?? 0);
  const opexShare = fraction("opex_pct_of_revenue", t.opex_pct_of_revenue ?? 0);
  let phases: LeasePhase[];
  if (single !== undefined) {
    const buildMonths = wholeNonNegative(names.build_months, t.build_months ?? 0);
    if (buildMonths >= MAX_LEASE_MONTHS) {
      throw new InvalidArgumentError(
        names.build_months,
        `a whole number below ${MAX_LEASE_MONTHS} (a schedule holds ${MAX_LEASE_MONTHS} months with the term)`,
        String(buildMonths),
      );
    }
    phases = [{ buildMonths, criticalItMw: single }];
  } else {
    phases = validPhases(t.phases as Rows);
  }
  const cap = fraction("exit_cap_rate", t.exit_cap_rate ?? 0);
  const tenantDefault = fraction("tenant_default_annual", t.tenant_default_annual ?? 0);
  const recovery = fraction("default_recovery_pct", t.default_recovery_pct ?? 0);
  const rentTiming = choice("rent_timing", t.rent_timing, [0, 1], "0 = end of month, 1 = beginning of month");
  const capexTiming = choice(
    "capex_timing",
    t.capex_timing,
    [0, 1],
    "0 = all at month 0, 1 = spread over the build months",
  );

  const longestBuild = Math.max(...phases.map((p) => p.buildMonths));
  if (longestBuild + leaseMonths > MAX_LEASE_MONTHS) {
    const buildName = phased ? "the longest build in phases" : names.build_months;
    const room = MAX_LEASE_MONTHS - longestBuild;
    throw new InvalidArgumentError(
      "term_years",
      longestBuild === 0
        ? `at most ${MAX_LEASE_MONTHS / 12} years (a schedule holds ${MAX_LEASE_MONTHS} months)`
        : `at most ${room} months in years (${room / 12}) after ${longestBuild} months of ${buildName} (a schedule holds ${MAX_LEASE_MONTHS} months)`,
      finite("term_years", t.term_years).toString(),
    );
  }
  return {
    phases,
    rate,
    leaseMonths,
    escalator,
    capexPerMw,
    opexShare,
    exitCapRate: cap.isZero() ? undefined : cap,
    rentInAdvance: rentTiming === 1,
    capexOverBuild: capexTiming === 1,
    lastMonth: longestBuild + leaseMonths,
    tenantDefault: tenantDefault.isZero() ? undefined : tenantDefault,
    recovery,
  };
}

/**
 * The share of contracted rent expected in each month 0..lastMonth: S(m) + (1 − S(m)) × recovery,
 * S(m) = (1 − p)^(m/12); undefined when the tenant never defaults (every share 1).
 */
export function rentCreditFactors(t: ValidLeaseTerms): Decimal[] | undefined {
  if (t.tenantDefault === undefined) return undefined;
  const monthlySurvival = monthlyGrowth(ONE.sub(t.tenantDefault)); // (1 − p)^(1/12)
  const lost = ONE.sub(t.recovery);
  const factors: Decimal[] = [];
  let survival = ONE;
  for (let m = 0; m <= t.lastMonth; m++) {
    if (m > 0) survival = survival.mul(monthlySurvival);
    factors.push(t.recovery.add(lost.mul(survival))); // = S + (1 − S) × recovery
  }
  return factors;
}

/** What one phase adds to each month's columns (indexed by month; undefined: nothing). */
interface PhaseFlows {
  revenue: (Decimal | undefined)[];
  opex: (Decimal | undefined)[];
  capex: (Decimal | undefined)[];
  terminalValue: (Decimal | undefined)[];
}

/**
 * The rents of each lease year by phase MW, and the expected rent and opex of each (rent, month):
 * phases of the same MW have the same rents, and in the same month the same products (the same
 * operations on the same operands), so each is computed once for all of them.
 */
interface SharedRents {
  byMw: Map<string, Decimal[]>;
  products: Map<Decimal, { yearOpex?: Decimal; expected: Decimal[]; opex: Decimal[] }>;
}

/**
 * One phase's flows; `credit` scales each month's rent. Within a lease year the rent is one
 * decimal, and so is its opex (computed once a year: the same operation on the same operands).
 */
function phaseFlows(t: ValidLeaseTerms, p: LeasePhase, credit: Decimal[] | undefined, shared: SharedRents): PhaseFlows {
  const n = t.lastMonth + 1;
  const f: PhaseFlows = { revenue: new Array(n), opex: new Array(n), capex: new Array(n), terminalValue: new Array(n) };
  const capex = t.capexPerMw.mul(p.criticalItMw);
  if (t.capexOverBuild && p.buildMonths > 0) {
    const perMonth = capex.div(p.buildMonths);
    for (let m = 0; m < p.buildMonths; m++) f.capex[m] = perMonth;
  } else {
    f.capex[0] = capex;
  }
  const shift = t.rentInAdvance ? 1 : 0;
  const growth = ONE.add(t.escalator);
  const T = t.leaseMonths;
  const key = p.criticalItMw.toString();
  const rents = shared.byMw.get(key) ?? [p.criticalItMw.mul(KW_PER_MW).mul(t.rate)]; // USD per month in lease year 1
  shared.byMw.set(key, rents);
  const productsOf = (rent: Decimal) => {
    let products = shared.products.get(rent);
    if (products === undefined) shared.products.set(rent, (products = { expected: [], opex: [] }));
    return products;
  };
  let rent = rents[0];
  let products = productsOf(rent);
  let finalYearNoi = ZERO;
  for (let k = 1; k <= T; k++) {
    if (k > 1 && (k - 1) % 12 === 0) {
      const year = (k - 1) / 12; // a lease year has been completed
      rent = rents[year] ??= rent.mul(growth);
      products = productsOf(rent);
    }
    const m = p.buildMonths + k - shift;
    let expected: Decimal;
    let opex: Decimal;
    if (credit === undefined) {
      expected = rent;
      opex = products.yearOpex ??= rent.mul(t.opexShare);
    } else {
      expected = products.expected[m] ??= rent.mul(credit[m]);
      opex = products.opex[m] ??= expected.mul(t.opexShare);
    }
    f.revenue[m] = expected;
    f.opex[m] = opex;
    if (k > T - 12) finalYearNoi = finalYearNoi.add(expected.sub(opex));
  }
  if (t.exitCapRate !== undefined) {
    const annualNoi = T < 12 ? finalYearNoi.mul(TWELVE).div(T) : finalYearNoi;
    f.terminalValue[p.buildMonths + T - shift] = annualNoi.div(t.exitCapRate);
  }
  return f;
}

/**
 * A column's value in one month: the phases' parts added in phase order to 0, as a column that
 * each phase adds into holds it (ZERO when none). `last` is the previous month's parts and running
 * sums: the sums up to the first part that changed are the same decimals (the same parts added in
 * the same order), so the addition resumes from there (with phases built a month apart, one
 * phase's rent changes a month, and half the additions were repeats).
 */
function columnSum(parts: (Decimal | undefined)[], last: { parts: (Decimal | undefined)[]; sums: Decimal[] }): Decimal {
  const n = parts.length;
  let same = 0;
  if (last.parts.length === n) while (same < n && parts[same] === last.parts[same]) same++;
  if (same === n) return n === 0 ? ZERO : last.sums[n - 1];
  let sum = same > 0 ? last.sums[same - 1] : ZERO;
  for (let k = same; k < n; k++) {
    const x = parts[k];
    if (x !== undefined) sum = sum === ZERO ? x : sum.add(x); // 0 + x is x
    last.sums[k] = sum;
  }
  last.parts = parts;
  return sum;
}

/**
 * The monthly cash flows, month 0 to the last phase's last lease month. Every value is the decimal
 * the month-by-month definition gives; a value repeated from the month before (a lease year's rent,
 * its opex, and the net they make) is computed once and shared.
 */
export function leaseCashFlows(terms: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): LeaseMonth[] {
  const t = validateLease(terms, names);
  const credit = rentCreditFactors(t);
  const shared: SharedRents = { byMw: new Map(), products: new Map() };
  const flows = t.phases.map((p) => phaseFlows(t, p, credit, shared));
  const columns = ["revenue", "opex", "capex", "terminalValue"] as const;
  const last = columns.map(() => ({ parts: [] as (Decimal | undefined)[], sums: [] as Decimal[] }));
  let lastNet: { of: Decimal[]; net: Decimal } | undefined;
  const rows: LeaseMonth[] = [];
  for (let m = 0; m <= t.lastMonth; m++) {
    const [revenue, opex, capex, terminalValue] = columns.map((c, i) =>
      columnSum(
        flows.map((f) => f[c][m]),
        last[i],
      ),
    );
    const of = [revenue, opex, capex, terminalValue];
    const net =
      lastNet && of.every((x, i) => x === lastNet?.of[i])
        ? lastNet.net
        : revenue.sub(opex).sub(capex).add(terminalValue);
    lastNet = { of, net };
    rows.push({ month: m, revenue, opex, capex, terminalValue, net });
  }
  return rows;
}

/** A schedule row with its discounting. */
export type DiscountedLeaseMonth = Discounted<LeaseMonth>;

/** The schedule with discount factors and present values; the present values sum to `leaseNpv`. */
export function leaseSchedule(
  terms: LeaseTerms,
  discountRate: Num,
  names: LeaseArgNames = LEASE_ARG_NAMES,
): DiscountedLeaseMonth[] {
  return discountMonthly(leaseCashFlows(terms, names), discountRate, names.discount_rate);
}

/**
 * NPV of the lease at an annual effective discount rate.
 * @returns USD at month 0
 */
export function leaseNpv(terms: LeaseTerms, discountRate: Num, names: LeaseArgNames = LEASE_ARG_NAMES): Decimal {
  return sumOfPresentValues(leaseSchedule(terms, discountRate, names));
}

/**
 * Annual effective IRR of the lease: the monthly IRR r_m of the schedule, as (1 + r_m)^12 − 1.
 * @throws NoAnswerError when there is no investment (capex 0) or no rate sets the NPV to zero
 */
export function leaseIrr(terms: LeaseTerms, names: LeaseArgNames = LEASE_ARG_NAMES): Decimal {
  const rows = leaseCashFlows(terms, names);
  if (rows.every((r) => r.capex.isZero())) {
    throw new NoAnswerError("there is no investment (capex is 0), so the lease has no rate of return");
  }
  const nets = rows.map((r) => r.net);
  const monthly = irrOfDoubles(doublesOf(nets), () => nets, 0.008); // guess: about 10% a year
  return ONE.add(monthly).pow(12).sub(1);
}

/** Undiscounted rent over the whole term, all phases (a lease's "total contract value"), USD. */
export function leaseTotalRevenue(terms: LeaseTerms): Decimal {
  return leaseCashFlows(terms).reduce((sum, row) => sum.add(row.revenue), ZERO);
}
