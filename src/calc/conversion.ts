/**
 * Mine or lease: the value of converting a mining site to an AI/HPC lease, against mining the
 * same megawatts over the same horizon (the legs and their conventions: conversion-plan.ts).
 *
 *   conversion value = (lease value L + fleet sale R) − (mining value + the site's terminal value T)
 *                      (positive: converting now is worth more)
 *
 * The breakeven BTC price is in conversion-breakeven.ts, the best month to convert in
 * conversion-timing.ts; MW economics (the uses of a site MW side by side) are here.
 */
import { Decimal, Num, ZERO } from "./decimal";
import { leaseCashFlows, LeaseTerms, rentCreditFactors, validateLease, ValidLeaseTerms } from "./lease";
import { fleetHashrateThs, miningCashFlows, rowsOfMined } from "./mining-schedule";
import { GpuCloudPlan, gpuCloudCashFlows } from "./gpu-cloud";
import { positive, rateAboveMinusOne } from "./validate";
import { validateMiningPlan } from "./mining-plan";
import {
  ConversionLegs,
  ConversionPlan,
  conversionLegs,
  leaseArgNamesFor,
  leaseTermsFor,
  miningPlanFor,
} from "./conversion-plan";

export * from "./conversion-plan";
export { conversionBreakevenPrice } from "./conversion-breakeven";

const TWELVE = new Decimal(12);
const KW_PER_MW = new Decimal(1000);

/** Both values and their difference, USD at month 0, with the parts an analyst checks. */
export interface ConversionValue {
  /** L: the lease leg's NPV. */
  leaseValue: Decimal;
  /** The mining strategy's value: its leg's NPV plus the site's terminal value T. */
  miningValue: Decimal;
  /** (lease + fleet sale) − mining */
  conversionValue: Decimal;
  /** PV of BTC revenue in the months mined */
  miningRevenuePv: Decimal;
  /** PV of power, energy tax, site opex (idle opex in months off) and refresh capex */
  miningCostPv: Decimal;
  /** PV of the fleet's value when mining ends (salvage or resale, at the horizon or a stop for good) */
  miningSalvagePv: Decimal;
  /** PV of the lease's terminal (exit cap) value */
  leaseTerminalValuePv: Decimal;
  /** T: PV of the site's value at the end of the mining horizon (with exit_cap_rate; else 0) */
  miningTerminalValuePv: Decimal;
  /** R: the fleet sold when the site converts now, at month 0 */
  fleetSaleValue: Decimal;
  /** Months of the horizon in which the fleet was switched off (not counting months after a stop for good) */
  monthsSwitchedOff: number;
  /** The month the fleet stops for good, or undefined when it runs to the horizon's end */
  stopMonth: number | undefined;
  /** Months in the horizon (months 1..horizon are mined; the lease runs 0..horizon) */
  horizonMonths: number;
}

/**
 * CONVERSIONVALUE: converting now (the lease leg L and the fleet sold at month 0, R) against mining
 * the whole horizon (its leg and the site's terminal value T), USD at month 0 (conversion-plan.ts).
 */
export function conversionValue(plan: ConversionPlan): ConversionValue {
  return conversionValueOf(conversionLegs(plan));
}

/** CONVERSIONVALUE from legs already valued. */
export function conversionValueOf(legs: ConversionLegs): ConversionValue {
  const { rows, stop } = rowsOfMined(legs.mined);
  const df = legs.mined.discount;
  let revenuePv = ZERO;
  let costPv = ZERO;
  let salvagePv = ZERO;
  for (const r of rows) {
    const f = df[r.month];
    revenuePv = revenuePv.add(r.revenue.mul(f));
    costPv = costPv.add(r.powerCost.add(r.energyTax).add(r.opex).add(r.capex).mul(f));
    salvagePv = salvagePv.add(r.salvage.mul(f));
  }
  const miningValue = revenuePv.sub(costPv).add(salvagePv).add(legs.miningTerminalValuePv);
  return {
    leaseValue: legs.leaseValue,
    miningValue,
    conversionValue: legs.leaseValue.add(legs.fleetSale).sub(miningValue),
    miningRevenuePv: revenuePv,
    miningCostPv: costPv,
    miningSalvagePv: salvagePv,
    leaseTerminalValuePv: legs.lease.reduce((s, r) => s.add(r.terminalValue.mul(r.discountFactor)), ZERO),
    miningTerminalValuePv: legs.miningTerminalValuePv,
    fleetSaleValue: legs.fleetSale,
    monthsSwitchedOff: rows.filter((r) => r.month <= stop && !r.running).length,
    stopMonth: stop < legs.horizonMonths ? stop : undefined,
    horizonMonths: legs.horizonMonths,
  };
}

/** One use of a site MW, per site MW. */
export interface MwUse {
  use: "Mining" | "Colocation lease" | "GPU cloud";
  /** Revenue in the first year of operation, USD per site MW per year */
  revenuePerMwYear: Decimal;
  /** Revenue less power, energy tax and opex in that year, USD per site MW per year */
  ebitdaPerMwYear: Decimal;
  /** EBITDA / revenue; undefined when there is no revenue */
  ebitdaMargin: Decimal | undefined;
  /** Capital the use needs, USD per site MW */
  capitalPerMw: Decimal;
}

/** The uses of a site side by side: rows of an adapter's table are the fields, columns the uses. */
export interface MwEconomics {
  mining: MwUse;
  lease: MwUse;
  /** Present when GPU-cloud inputs are given */
  gpuCloud?: MwUse;
  /** The uses in table order: mining, colocation lease, GPU cloud (when given) */
  uses: MwUse[];
}

/**
 * GPU-cloud inputs for a site: the GPUs fill its critical IT (gpus = critical IT kW / kw_per_gpu),
 * power is bought at the site's power_price_kwh unless given, the shell costs the conversion's
 * capex per critical IT MW unless shell_capex_usd_per_mw is given, it is built over
 * conversion_months (with phases: the longest phase's build) unless build_months is given, and it
 * is discounted at discount_rate unless its own is given.
 */
export type GpuCloudOnSite = Omit<GpuCloudPlan, "gpus" | "power_price_kwh"> & {
  power_price_kwh?: Num;
  discount_rate?: Num;
};

function use(name: MwUse["use"], revenue: Decimal, ebitda: Decimal, capital: Decimal, siteMw: Decimal): MwUse {
  return {
    use: name,
    revenuePerMwYear: revenue.div(siteMw),
    ebitdaPerMwYear: ebitda.div(siteMw),
    ebitdaMargin: revenue.isZero() ? undefined : ebitda.div(revenue),
    capitalPerMw: capital.div(siteMw),
  };
}

/** Sums of the first `n` (<= 12) operating months' fields, annualised: × 12 / n. */
function firstYear<T>(
  rows: T[],
  revenue: (r: T) => Decimal,
  ebitda: (r: T) => Decimal,
): { revenue: Decimal; ebitda: Decimal } {
  const n = Math.min(12, rows.length);
  let rev = ZERO;
  let e = ZERO;
  for (const r of rows.slice(0, n)) {
    rev = rev.add(revenue(r));
    e = e.add(ebitda(r));
  }
  return n === 12 ? { revenue: rev, ebitda: e } : { revenue: rev.mul(TWELVE).div(n), ebitda: e.mul(TWELVE).div(n) };
}

/**
 * The first lease year's expected rent and NOI with the tenant's credit, annualised when the term is
 * shorter: each phase's lease months 1..12 in the months they are paid (after its build, in advance
 * or at month end), each weighted by the expected share of rent then, survival counted from month 0
 * (the signing), as the lease functions count it.
 */
function firstLeaseYearExpected(t: ValidLeaseTerms, credit: Decimal[]): { revenue: Decimal; ebitda: Decimal } {
  const n = Math.min(12, t.leaseMonths);
  const shift = t.rentInAdvance ? 1 : 0;
  let revenue = ZERO;
  for (const p of t.phases) {
    const rent = p.criticalItMw.mul(KW_PER_MW).mul(t.rate); // lease year 1: no escalation yet
    for (let k = 1; k <= n; k++) revenue = revenue.add(rent.mul(credit[p.buildMonths + k - shift]));
  }
  if (n < 12) revenue = revenue.mul(TWELVE).div(n);
  return { revenue, ebitda: revenue.sub(revenue.mul(t.opexShare)) };
}

/** The site's critical IT MW under the lease: site_mw / ratio, or the sum of the phases' MW. */
function criticalItMwOf(plan: ConversionPlan): Decimal {
  const t = validateLease(leaseTermsFor(plan), leaseArgNamesFor(plan));
  return t.phases.reduce((sum, p) => sum.add(p.criticalItMw), ZERO);
}

/** Months until the whole converted site is ready: conversion_months, or the longest phase's build. */
function longestBuild(plan: ConversionPlan): number {
  const t = validateLease(leaseTermsFor(plan), leaseArgNamesFor(plan));
  return Math.max(...t.phases.map((p) => p.buildMonths));
}

/** The GPU-cloud plan that fills the site's critical IT. */
function gpuPlanFor(plan: ConversionPlan, g: GpuCloudOnSite): GpuCloudPlan {
  const criticalItMw = criticalItMwOf(plan);
  const kw = positive("kw_per_gpu", g.kw_per_gpu);
  return {
    ...g,
    gpus: criticalItMw.mul(KW_PER_MW).div(kw),
    power_price_kwh: g.power_price_kwh ?? plan.power_price_kwh,
    shell_capex_usd_per_mw: g.shell_capex_usd_per_mw ?? plan.conversion_capex_usd_per_mw ?? 0,
    build_months: g.build_months ?? longestBuild(plan),
  };
}

/**
 * Revenue, EBITDA, margin per site MW-year and capital per site MW, for mining the site, leasing
 * it as colocation, and (when `gpuCloud` is given) selling GPU-hours from it. "Per year" is the
 * first year of operation, annualised when the term or life is shorter than a year:
 *   mining: months 1–12 of the schedule (switch-off applied; refresh capex and salvage are not EBITDA)
 *   lease: lease months 1–12 of every phase (rent, less opex); with the tenant's credit, the expected
 *          rent of those months where each phase pays them (survival from the signing, month 0)
 *   GPU cloud: service months 1–12 (revenue, less power and opex)
 * Capital per site MW: mining, one fleet at refresh_capex_usd_per_th × fleet TH/s (the site itself
 * is already built); lease, conversion capex × critical IT MW; GPU cloud, GPUs + shell.
 */
export function mwEconomics(plan: ConversionPlan, gpuCloud?: GpuCloudOnSite): MwEconomics {
  const siteMw = positive("site_mw", plan.site_mw);
  const fleet = fleetHashrateThs(plan.site_mw, plan.efficiency_j_th, plan.pue);
  // No refresh, stop or sale falls in the first year compared and nothing is discounted, but the
  // whole plan is checked over the conversion's horizon, as the other conversion functions check it.
  validateMiningPlan(miningPlanFor(plan));
  rateAboveMinusOne("discount_rate", plan.discount_rate);
  if (plan.lease_discount_rate !== undefined) rateAboveMinusOne("lease_discount_rate", plan.lease_discount_rate);

  const mined = miningCashFlows({
    ...plan,
    months: 12,
    refresh_every_months: 0,
    salvage_pct: 0,
    stop_for_good: false,
    fleet_resale_usd_per_th: 0,
  });
  const m = firstYear(
    mined,
    (r) => r.revenue,
    (r) => r.revenue.sub(r.powerCost).sub(r.energyTax).sub(r.opex),
  );
  const fleetCapital = fleet.mul(plan.refresh_capex_usd_per_th ?? 0);
  const mining = use("Mining", m.revenue, m.ebitda, fleetCapital, siteMw);

  // Every phase's first lease year at once: the phases with no build, rent at month end, no exit;
  // the term cut to that year (its months are the same decimals, and a 100-year schedule of 120
  // phases took half a second).
  const terms = leaseTermsFor(plan);
  const valid = validateLease(terms, leaseArgNamesFor(plan)); // the phases' shape, before they are rewritten
  const firstYearTerms: LeaseTerms = {
    ...terms,
    term_years: valid.leaseMonths > 12 ? 1 : terms.term_years,
    build_months: 0,
    rent_timing: 0,
    exit_cap_rate: 0,
    capex_timing: 0,
    phases: terms.phases?.map((row) => [0, row[1]]),
  };
  const leased = leaseCashFlows(firstYearTerms, leaseArgNamesFor(plan));
  const credit = rentCreditFactors(valid);
  const l =
    credit === undefined
      ? firstYear(
          leased.slice(1),
          (r) => r.revenue,
          (r) => r.revenue.sub(r.opex),
        )
      : firstLeaseYearExpected(valid, credit);
  const lease = use("Colocation lease", l.revenue, l.ebitda, leased[0].capex, siteMw);

  let gpu: MwUse | undefined;
  if (gpuCloud !== undefined) {
    const g = gpuPlanFor(plan, gpuCloud);
    const served = gpuCloudCashFlows({ ...g, build_months: 0, salvage_pct: 0 });
    const y = firstYear(
      served.slice(1),
      (r) => r.revenue,
      (r) => r.revenue.sub(r.powerCost).sub(r.opex),
    );
    gpu = use("GPU cloud", y.revenue, y.ebitda, served[0].capex, siteMw);
  }
  return { mining, lease, gpuCloud: gpu, uses: gpu ? [mining, lease, gpu] : [mining, lease] };
}
