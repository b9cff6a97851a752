/**
 * Mine or lease: the value of converting a mining site to an AI/HPC lease, against mining the
 * same megawatts over the same horizon.
 *
 *   critical IT MW = site_mw / site_mw_per_critical_it_mw   (gross-to-critical 1.25–1.45 in
 *                    reported deals, docs/sources.md#leases), or the phases' MW
 *   lease value    = LEASENPV(critical IT MW, rate, term, lease_discount_rate (blank = discount_rate),
 *                    escalator, conversion capex per critical IT MW, opex %, build = conversion_months,
 *                    exit_cap_rate, rent_timing, capex_timing), or of the phases when given
 *   horizon        = the lease schedule's last month (conversion_months + term_years × 12 without phases)
 *   mining value   = mining schedule NPV of the whole site over the horizon, at discount_rate
 *                    (switch-off, energy tax, salvage and the fleet-share convention as in
 *                    mining-schedule.ts)
 *   conversion value = lease value − mining value (positive: leasing is worth more)
 *
 * Errors name this function's own arguments: the lease leg's build is `conversion_months`, its
 * capex `conversion_capex_usd_per_mw`, its rate `lease_discount_rate` when one is given.
 *
 * Breakeven price. Every month's BTC revenue is proportional to the month-1 price P (the price
 * path's growth is held), so with x = P / btc_price a month earns u_m·x − c_m in present value
 * when it runs (u_m: PV of its revenue at btc_price; c_m: PV of its power and energy tax), and the
 * mining value is
 *   without switch-off: Σ (u_m x − c_m) − F,  linear in x;
 *   with switch-off:    Σ max(u_m x − c_m, 0) − F,  piecewise linear, continuous, convex and
 *                       non-decreasing in x, with a kink at each month's own breakeven c_m / u_m
 * (F: PV of opex and refresh capex less salvage). The breakeven solves mining value = lease value
 * exactly: sort the kinks, find the segment on which the crossing lies, and solve that segment's
 * linear equation in 40-digit decimal. The result is thus the root itself rounded once to a
 * double (the last double), with no iteration; the tests check the conversion value changes sign
 * across it.
 */
import { Decimal, Num, ZERO } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { LeaseArgNames, leaseCashFlows, leaseSchedule, LeaseTerms, validateLease } from "./lease";
import { fleetHashrateThs, MiningPlan, miningCashFlows, miningSchedule } from "./mining-schedule";
import { DiscountedGpuCloudMonth, GpuCloudPlan, gpuCloudCashFlows, gpuCloudSchedule } from "./gpu-cloud";
import { sumOfPresentValues } from "./discounting";
import { fraction, positive, rateAboveMinusOne, Rows, wholeNonNegative, yesNo } from "./validate";

const TWELVE = new Decimal(12);
const KW_PER_MW = new Decimal(1000);

/** Gross site MW per MW of critical IT load when none is given: mid-range of reported deals. */
export const DEFAULT_SITE_MW_PER_CRITICAL_IT_MW = 1.4;

/** A site and both of its futures, keyed by public parameter names. */
export interface ConversionPlan extends Omit<MiningPlan, "months"> {
  discount_rate: Num;
  rate_usd_per_kw_month: Num;
  term_years: Num;
  escalator?: Num;
  conversion_capex_usd_per_mw?: Num;
  conversion_months?: Num;
  opex_pct_of_revenue?: Num;
  site_mw_per_critical_it_mw?: Num;
  /** Annual effective rate for the lease leg; blank = discount_rate. */
  lease_discount_rate?: Num;
  exit_cap_rate?: Num;
  rent_timing?: Num;
  capex_timing?: Num;
  /** Rows of (build months, critical IT MW): replace site_mw / ratio and conversion_months for the lease. */
  phases?: Rows;
}

/** The lease leg's argument names, as the conversion functions call them. */
export function leaseArgNamesFor(plan: ConversionPlan): LeaseArgNames {
  return {
    critical_it_mw: "site_mw",
    build_months: "conversion_months",
    capex_usd_per_mw: "conversion_capex_usd_per_mw",
    discount_rate: plan.lease_discount_rate === undefined ? "discount_rate" : "lease_discount_rate",
  };
}

/** The lease leg's annual discount rate: lease_discount_rate, or discount_rate when blank. */
export function leaseDiscountRateFor(plan: ConversionPlan): Num {
  return plan.lease_discount_rate ?? plan.discount_rate;
}

function siteRatio(plan: ConversionPlan): Decimal {
  const ratio = positive(
    "site_mw_per_critical_it_mw",
    plan.site_mw_per_critical_it_mw ?? DEFAULT_SITE_MW_PER_CRITICAL_IT_MW,
  );
  if (ratio.lt(1)) {
    throw new InvalidArgumentError(
      "site_mw_per_critical_it_mw",
      "1 or more (gross site MW per critical IT MW)",
      ratio.toString(),
    );
  }
  return ratio;
}

/** The lease the site would sign. */
export function leaseTermsFor(plan: ConversionPlan): LeaseTerms {
  const ratio = siteRatio(plan);
  return {
    critical_it_mw: plan.phases === undefined ? positive("site_mw", plan.site_mw).div(ratio) : undefined,
    rate_usd_per_kw_month: plan.rate_usd_per_kw_month,
    term_years: plan.term_years,
    escalator: plan.escalator,
    capex_usd_per_mw: plan.conversion_capex_usd_per_mw,
    opex_pct_of_revenue: plan.opex_pct_of_revenue,
    build_months: plan.conversion_months,
    exit_cap_rate: plan.exit_cap_rate,
    rent_timing: plan.rent_timing,
    capex_timing: plan.capex_timing,
    phases: plan.phases,
  };
}

/** The mining plan over the lease's horizon. */
export function miningPlanFor(plan: ConversionPlan): MiningPlan {
  const months = leaseCashFlows(leaseTermsFor(plan), leaseArgNamesFor(plan)).length - 1;
  return { ...plan, months };
}

/** Both values and their difference, USD at month 0, with the parts an analyst checks. */
export interface ConversionValue {
  leaseValue: Decimal;
  miningValue: Decimal;
  /** lease − mining */
  conversionValue: Decimal;
  /** PV of BTC revenue in the months mined */
  miningRevenuePv: Decimal;
  /** PV of power, energy tax, site opex and refresh capex */
  miningCostPv: Decimal;
  /** PV of the fleet's salvage at the end of the horizon */
  miningSalvagePv: Decimal;
  /** PV of the lease's terminal (exit cap) value */
  leaseTerminalValuePv: Decimal;
  /** Months of the horizon in which the fleet was switched off */
  monthsSwitchedOff: number;
  /** Months in the horizon (months 1..horizon are mined; the lease runs 0..horizon) */
  horizonMonths: number;
}

export function conversionValue(plan: ConversionPlan): ConversionValue {
  const names = leaseArgNamesFor(plan);
  const lease = leaseSchedule(leaseTermsFor(plan), leaseDiscountRateFor(plan), names);
  const leaseValue = sumOfPresentValues(lease);
  const horizonMonths = lease.length - 1;
  const rows = miningSchedule({ ...plan, months: horizonMonths }, plan.discount_rate);
  let revenuePv = ZERO;
  let costPv = ZERO;
  let salvagePv = ZERO;
  for (const r of rows) {
    revenuePv = revenuePv.add(r.revenue.mul(r.discountFactor));
    costPv = costPv.add(r.powerCost.add(r.energyTax).add(r.opex).add(r.capex).mul(r.discountFactor));
    salvagePv = salvagePv.add(r.salvage.mul(r.discountFactor));
  }
  const miningValue = revenuePv.sub(costPv).add(salvagePv);
  return {
    leaseValue,
    miningValue,
    conversionValue: leaseValue.sub(miningValue),
    miningRevenuePv: revenuePv,
    miningCostPv: costPv,
    miningSalvagePv: salvagePv,
    leaseTerminalValuePv: lease.reduce((s, r) => s.add(r.terminalValue.mul(r.discountFactor)), ZERO),
    monthsSwitchedOff: rows.filter((r) => !r.running).length,
    horizonMonths,
  };
}

/**
 * The starting BTC price at which mining the site is worth exactly as much as leasing it (see the
 * module header for the method: exact, piecewise linear when months switch off).
 * @returns USD per BTC; NoAnswerError when mining earns nothing or is worth at least as much as
 *   leasing at any price
 */
export function conversionBreakevenPrice(plan: ConversionPlan): Decimal {
  const p0 = positive("btc_price", plan.btc_price);
  const names = leaseArgNamesFor(plan);
  const lease = leaseSchedule(leaseTermsFor(plan), leaseDiscountRateFor(plan), names);
  const leaseValue = sumOfPresentValues(lease);
  const switching = yesNo("switch_off_below_cost", plan.switch_off_below_cost, true);
  // Every month as if it ran; whether it does is decided below, per price.
  const rows = miningSchedule({ ...plan, months: lease.length - 1, switch_off_below_cost: false }, plan.discount_rate);

  let fixed = ZERO; // PV of opex + capex − salvage
  const months: { u: Decimal; c: Decimal }[] = [];
  for (const r of rows) {
    fixed = fixed.add(r.opex.add(r.capex).sub(r.salvage).mul(r.discountFactor));
    months.push({ u: r.revenue.mul(r.discountFactor), c: r.powerCost.add(r.energyTax).mul(r.discountFactor) });
  }
  if (months.every((m) => m.u.isZero())) {
    throw new NoAnswerError("mining earns no BTC in this plan, so no price makes it equal to leasing");
  }
  const needed = leaseValue.add(fixed); // what running months must earn net of their variable cost
  const never = new NoAnswerError(
    switching
      ? "mining is worth at least as much as leasing at any BTC price: the lease value is not above minus the mining's fixed costs (site opex and refresh capex less salvage), which an idle fleet still pays"
      : "mining is worth at least as much as leasing at any BTC price: the lease value is not above minus the mining costs",
  );

  if (!switching) {
    const u = months.reduce((s, m) => s.add(m.u), ZERO);
    const c = months.reduce((s, m) => s.add(m.c), ZERO);
    const target = needed.add(c);
    if (!target.gt(0)) throw never;
    return p0.mul(target).div(u);
  }

  if (!needed.gt(0)) throw never;
  // Months that earn something, by their own breakeven multiple of the price: c / u.
  const earning = months
    .filter((m) => m.u.gt(0))
    .map((m) => ({ ...m, kink: m.c.div(m.u) }))
    .sort((a, b) => a.kink.cmp(b.kink));
  let su = ZERO;
  let sc = ZERO;
  for (let i = 0; i < earning.length; i++) {
    su = su.add(earning[i].u);
    sc = sc.add(earning[i].c);
    const next = earning[i + 1]?.kink;
    if (next !== undefined && next.eq(earning[i].kink)) continue; // a tie: one kink
    const x = needed.add(sc).div(su); // the crossing if it lies before the next kink
    if (next === undefined || x.lte(next)) return p0.mul(x);
  }
  throw never; // not reached: the last segment rises without bound
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

/** MW economics with NPVs: each use's value over its own horizon, per site MW. */
export interface MwUseValued extends MwUse {
  /** NPV per site MW at the use's own discount rate, USD */
  npvPerMw: Decimal;
  /** Months the NPV covers (mining and lease: the conversion horizon; GPU cloud: build + life) */
  horizonMonths: number;
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
 *   lease: lease months 1–12 of every phase (rent, less opex)
 *   GPU cloud: service months 1–12 (revenue, less power and opex)
 * Capital per site MW: mining, one fleet at refresh_capex_usd_per_th × fleet TH/s (the site itself
 * is already built); lease, conversion capex × critical IT MW; GPU cloud, GPUs + shell.
 */
export function mwEconomics(plan: ConversionPlan, gpuCloud?: GpuCloudOnSite): MwEconomics {
  const siteMw = positive("site_mw", plan.site_mw);
  const fleet = fleetHashrateThs(plan.site_mw, plan.efficiency_j_th, plan.pue);
  // No refresh falls in the first year compared and nothing is discounted, but bad inputs are still refused.
  wholeNonNegative("refresh_every_months", plan.refresh_every_months ?? 0);
  rateAboveMinusOne("discount_rate", plan.discount_rate);
  if (plan.lease_discount_rate !== undefined) rateAboveMinusOne("lease_discount_rate", plan.lease_discount_rate);
  fraction("salvage_pct", plan.salvage_pct ?? 0);

  const mined = miningCashFlows({ ...plan, months: 12, refresh_every_months: 0, salvage_pct: 0 });
  const m = firstYear(
    mined,
    (r) => r.revenue,
    (r) => r.revenue.sub(r.powerCost).sub(r.energyTax).sub(r.opex),
  );
  const fleetCapital = fleet.mul(plan.refresh_capex_usd_per_th ?? 0);
  const mining = use("Mining", m.revenue, m.ebitda, fleetCapital, siteMw);

  // Every phase's first lease year at once: the phases with no build, rent at month end, no exit.
  const terms = leaseTermsFor(plan);
  validateLease(terms, leaseArgNamesFor(plan)); // the phases' shape, before they are rewritten
  const firstYearTerms: LeaseTerms = {
    ...terms,
    build_months: 0,
    rent_timing: 0,
    exit_cap_rate: 0,
    capex_timing: 0,
    phases: terms.phases?.map((row) => [0, row[1]]),
  };
  const leased = leaseCashFlows(firstYearTerms, leaseArgNamesFor(plan));
  const l = firstYear(
    leased.slice(1),
    (r) => r.revenue,
    (r) => r.revenue.sub(r.opex),
  );
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

/** Each use valued: `mwEconomics` plus NPV per site MW over its horizon. */
export function mwEconomicsValued(
  plan: ConversionPlan,
  gpuCloud?: GpuCloudOnSite,
): { mining: MwUseValued; lease: MwUseValued; gpuCloud?: MwUseValued; uses: MwUseValued[] } {
  const e = mwEconomics(plan, gpuCloud);
  const siteMw = positive("site_mw", plan.site_mw);
  const v = conversionValue(plan);
  const mining: MwUseValued = { ...e.mining, npvPerMw: v.miningValue.div(siteMw), horizonMonths: v.horizonMonths };
  const lease: MwUseValued = { ...e.lease, npvPerMw: v.leaseValue.div(siteMw), horizonMonths: v.horizonMonths };
  let gpu: MwUseValued | undefined;
  if (gpuCloud !== undefined && e.gpuCloud !== undefined) {
    const rows: DiscountedGpuCloudMonth[] = gpuCloudSchedule(
      gpuPlanFor(plan, gpuCloud),
      gpuCloud.discount_rate ?? plan.discount_rate,
    );
    gpu = { ...e.gpuCloud, npvPerMw: sumOfPresentValues(rows).div(siteMw), horizonMonths: rows.length - 1 };
  }
  return { mining, lease, gpuCloud: gpu, uses: gpu ? [mining, lease, gpu] : [mining, lease] };
}

/** Revenue and EBITDA per site MW per year, mining vs leasing, in the first year of each. */
export interface PerMwComparison {
  miningRevenue: Decimal;
  miningEbitda: Decimal;
  leaseRevenue: Decimal;
  leaseEbitda: Decimal;
}

/** The two-way comparison MWECONOMICS showed before GPU cloud (see `mwEconomics`). */
export function perMwPerYear(plan: ConversionPlan): PerMwComparison {
  const e = mwEconomics(plan);
  return {
    miningRevenue: e.mining.revenuePerMwYear,
    miningEbitda: e.mining.ebitdaPerMwYear,
    leaseRevenue: e.lease.revenuePerMwYear,
    leaseEbitda: e.lease.ebitdaPerMwYear,
  };
}
