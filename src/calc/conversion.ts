/**
 * Mine or lease: the value of converting a mining site to an AI/HPC lease, against mining the
 * same megawatts over the same horizon.
 *
 *   critical IT MW = site_mw / site_mw_per_critical_it_mw   (gross-to-critical 1.25–1.45 in
 *                    reported deals, ../shared/reference/lease-deals.md)
 *   horizon        = conversion_months + term_years × 12 months
 *   lease value    = LEASENPV(critical IT MW, rate, term, r, escalator, conversion capex per
 *                    critical IT MW, opex %, build_months = conversion_months)
 *   mining value   = mining schedule NPV of the site over the horizon
 *   conversion value = lease value − mining value (positive: leasing is worth more)
 *
 * Mining revenue in every month is proportional to the starting BTC price (the path's growth is
 * fixed), so mining NPV = revenue PV × P / P0 − cost PV, and the breakeven price is exact.
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { leaseCashFlows, leaseNpv, LeaseTerms } from "./lease";
import { MiningPlan, miningSchedule } from "./mining-schedule";
import { positive, wholeNonNegative } from "./validate";

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
}

/** The lease the site would sign. */
export function leaseTermsFor(plan: ConversionPlan): LeaseTerms {
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
  return {
    critical_it_mw: positive("site_mw", plan.site_mw).div(ratio),
    rate_usd_per_kw_month: plan.rate_usd_per_kw_month,
    term_years: plan.term_years,
    escalator: plan.escalator,
    capex_usd_per_mw: plan.conversion_capex_usd_per_mw,
    opex_pct_of_revenue: plan.opex_pct_of_revenue,
    build_months: plan.conversion_months,
  };
}

/** The mining plan over the lease's horizon (conversion months + lease months). */
export function miningPlanFor(plan: ConversionPlan): MiningPlan {
  const months = leaseCashFlows(leaseTermsFor(plan)).length - 1;
  return { ...plan, months };
}

/** Both values and their difference, USD at month 0. */
export interface ConversionValue {
  leaseValue: Decimal;
  miningValue: Decimal;
  /** lease − mining */
  conversionValue: Decimal;
  miningRevenuePv: Decimal;
  miningCostPv: Decimal;
}

export function conversionValue(plan: ConversionPlan): ConversionValue {
  const leaseValue = leaseNpv(leaseTermsFor(plan), plan.discount_rate);
  const rows = miningSchedule(miningPlanFor(plan), plan.discount_rate);
  let revenuePv = new Decimal(0);
  let costPv = new Decimal(0);
  for (const r of rows) {
    revenuePv = revenuePv.add(r.revenue.mul(r.discountFactor));
    costPv = costPv.add(r.powerCost.add(r.opex).add(r.capex).mul(r.discountFactor));
  }
  const miningValue = revenuePv.sub(costPv);
  return {
    leaseValue,
    miningValue,
    conversionValue: leaseValue.sub(miningValue),
    miningRevenuePv: revenuePv,
    miningCostPv: costPv,
  };
}

/**
 * The starting BTC price at which mining the site is worth exactly as much as leasing it.
 * @returns USD per BTC; NoAnswerError when mining earns nothing or beats leasing at any price
 */
export function conversionBreakevenPrice(plan: ConversionPlan): Decimal {
  const v = conversionValue(plan);
  if (v.miningRevenuePv.isZero())
    throw new NoAnswerError("mining earns no BTC in this plan, so no price makes it equal to leasing");
  const needed = v.leaseValue.add(v.miningCostPv);
  if (!needed.gt(0))
    throw new NoAnswerError(
      "mining is worth more than leasing at any BTC price: the lease value is below minus the mining costs",
    );
  return positive("btc_price", plan.btc_price).mul(needed).div(v.miningRevenuePv);
}

/** Revenue and EBITDA per site MW per year, mining vs leasing, in the first year of each. */
export interface PerMwComparison {
  miningRevenue: Decimal;
  miningEbitda: Decimal;
  leaseRevenue: Decimal;
  leaseEbitda: Decimal;
}

export function perMwPerYear(plan: ConversionPlan): PerMwComparison {
  const siteMw = positive("site_mw", plan.site_mw);
  // Neither a refresh nor the conversion falls in the first years compared, but bad values are still refused.
  wholeNonNegative("refresh_every_months", plan.refresh_every_months ?? 0);
  wholeNonNegative("conversion_months", plan.conversion_months ?? 0);
  const mining = miningSchedule({ ...plan, months: 12, refresh_every_months: 0 }, plan.discount_rate);
  let miningRevenue = new Decimal(0);
  let miningEbitda = new Decimal(0);
  for (const r of mining) {
    miningRevenue = miningRevenue.add(r.revenue);
    miningEbitda = miningEbitda.add(r.revenue.sub(r.powerCost).sub(r.opex));
  }
  const lease = leaseCashFlows({ ...leaseTermsFor(plan), build_months: 0 }).slice(1, 13);
  let leaseRevenue = new Decimal(0);
  let leaseEbitda = new Decimal(0);
  for (const r of lease) {
    leaseRevenue = leaseRevenue.add(r.revenue);
    leaseEbitda = leaseEbitda.add(r.revenue.sub(r.opex));
  }
  return {
    miningRevenue: miningRevenue.div(siteMw),
    miningEbitda: miningEbitda.div(siteMw),
    leaseRevenue: leaseRevenue.div(siteMw),
    leaseEbitda: leaseEbitda.div(siteMw),
  };
}
