/**
 * A conversion's plan: a mining site and the AI/HPC lease it could sign, both legs read from one
 * set of public arguments, and the two legs valued over the same horizon. Shared by
 * CONVERSIONVALUE, CONVERSIONBREAKEVEN, CONVERSIONTIMING, MWECONOMICS and the simulations.
 *
 *   critical IT MW = site_mw / site_mw_per_critical_it_mw   (gross-to-critical 1.25–1.45 in
 *                    reported deals), or the phases' MW
 *   lease leg L    = LEASENPV(critical IT MW, rate, term, lease_discount_rate (blank = discount_rate),
 *                    escalator, conversion capex per critical IT MW, opex %, build = conversion_months,
 *                    exit_cap_rate, rent_timing, capex_timing, the tenant's credit), or of the phases
 *                    when given
 *   horizon H      = the lease schedule's last month (conversion_months + term_years × 12 without phases)
 *   mining leg     = the mining schedule of the whole site over months 1..H at discount_rate
 *   fleet sale R   = fleet_resale_usd_per_th × fleet TH/s, received when the site converts
 *   the site at the end of mining, T: with exit_cap_rate (> 0) the mining strategy keeps a site
 *                    it could then convert, worth max(0, L) at month H (the same lease signed then,
 *                    valued as L is at month 0) and brought back to month 0 at discount_rate:
 *                    T = max(0, L) × (1 + discount_rate)^(−H/12). Without exit_cap_rate both legs
 *                    end at the horizon with nothing after it, so T = 0.
 *
 * A lease leg started at month k instead of 0 (CONVERSIONTIMING, CONVERSIONOPTION) is L at month k,
 * brought back at discount_rate: L × (1 + discount_rate)^(−k/12). Before it is signed the site's
 * future is the owner's own, so the wait is discounted at the owner's rate; the lease's own rate
 * (lease_discount_rate) discounts the contracted flows from the signing on.
 *
 * The tenant's credit (tenant_default_annual, default_recovery_pct) is the lease's own: survival is
 * counted from the lease's month 0, its signing, so a lease signed at month k survives to schedule
 * month k + j with probability (1 − p)^(j/12). The tenant is the one who signs at k, not one already
 * exposed since month 0; so L, and T (the same lease signed at the horizon's end), carry the same
 * credit wherever they start.
 *
 * Errors name the conversion functions' own arguments: the lease leg's build is
 * `conversion_months`, its capex `conversion_capex_usd_per_mw`, its rate `lease_discount_rate`
 * when one is given.
 */
import { Decimal, Num, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { DiscountedLeaseMonth, LeaseArgNames, leaseSchedule, LeaseTerms, validateLease } from "./lease";
import { sumOfPresentValues } from "./discounting";
import { MinedMonths, minedMonths, MiningPlan } from "./mining-schedule";
import { positive, Rows } from "./validate";

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
  /** The tenant's annual default probability, for the lease leg (lease.ts); default 0. */
  tenant_default_annual?: Num;
  /** Share of the contracted rent still received after a default; default 0. */
  default_recovery_pct?: Num;
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
    tenant_default_annual: plan.tenant_default_annual,
    default_recovery_pct: plan.default_recovery_pct,
  };
}

/** The mining plan over the lease's horizon. */
export function miningPlanFor(plan: ConversionPlan): MiningPlan {
  // the lease schedule's last month, without building it (120 phases take half a second)
  const months = validateLease(leaseTermsFor(plan), leaseArgNamesFor(plan)).lastMonth;
  return { ...plan, months };
}

/** Both legs of a conversion over one horizon, and what each strategy gets besides its own leg. */
export interface ConversionLegs {
  /** The lease leg's schedule, discounted at its own rate. */
  lease: DiscountedLeaseMonth[];
  /** L: the lease leg's NPV at month 0, USD. */
  leaseValue: Decimal;
  /** H: months of the horizon (the mining leg's months 1..H; the lease runs 0..H). */
  horizonMonths: number;
  /** The mining leg's months over the horizon, valued at discount_rate. */
  mined: MinedMonths;
  /** R: what the fleet fetches when the site converts, USD (at month 0 when it converts now). */
  fleetSale: Decimal;
  /** T: the site's value at the end of the horizon to the mining strategy, PV at month 0, USD. */
  miningTerminalValuePv: Decimal;
}

/** Values both legs (module header); checks every argument, naming it as the conversion functions do. */
export function conversionLegs(plan: ConversionPlan): ConversionLegs {
  const names = leaseArgNamesFor(plan);
  const terms = leaseTermsFor(plan);
  const lease = leaseSchedule(terms, leaseDiscountRateFor(plan), names);
  const leaseValue = sumOfPresentValues(lease);
  const horizonMonths = lease.length - 1;
  const mined = minedMonths({ ...plan, months: horizonMonths }, plan.discount_rate);
  const withExit = validateLease(terms, names).exitCapRate !== undefined;
  const miningTerminalValuePv = withExit && leaseValue.gt(0) ? leaseValue.mul(mined.discount[horizonMonths]) : ZERO;
  return { lease, leaseValue, horizonMonths, mined, fleetSale: mined.plan.resale, miningTerminalValuePv };
}
