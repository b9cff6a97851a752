/**
 * What the simulations take from their deterministic functions (MININGNPV's plan, CONVERSIONVALUE's
 * legs): the validated plan, its discount factors, the lease leg and the fleet's sale, with the
 * same refusals and messages, without the months the simulation values itself.
 *
 * The mining schedule's month-by-month refusals (a difficulty below 1, a fleet larger than the
 * network) are proven absent by the certified fast path (fast/mining-months.ts, once loaded) when
 * it can; only otherwise does the decimal loop run, and raise them. The decimals kept (the lease leg, the
 * discount factors, the site's terminal value) are the deterministic functions' own.
 */
import { Decimal, Num, ZERO } from "../decimal";
import { discountFactors } from "../fleet-life";
import { monthlyDiscountFactor, sumOfPresentValues } from "../discounting";
import { leaseSchedule, validateLease } from "../lease";
import { MiningPlan, validateMiningPlan, ValidMiningPlan } from "../mining-plan";
import { monthStates } from "../mining-schedule";
import { ConversionPlan, leaseArgNamesFor, leaseDiscountRateFor, leaseTermsFor } from "../conversion-plan";
import { fastPaths } from "../fast/lazy";

/** A mining plan checked as `minedMonths` checks it (the same order, errors and messages), and its discount factors. */
export function checkedMining(plan: MiningPlan, discountRate: Num): { plan: ValidMiningPlan; discount: Decimal[] } {
  const t = validateMiningPlan(plan);
  const fast = typeof discountRate === "number" ? fastPaths() : undefined;
  const d = fast?.miningDoubles(plan);
  if (!(fast && d && fast.mineMonths(d, discountRate as number))) monthStates(t); // the decimal loop's refusals
  return { plan: t, discount: discountFactors(monthlyDiscountFactor(discountRate), t.months) };
}

/** A conversion's deterministic legs (conversion-plan.ts's `conversionLegs`, without the mining leg's months). */
export interface PathLegs {
  leaseValue: Decimal;
  horizonMonths: number;
  plan: ValidMiningPlan;
  /** df_k at discount_rate, k = 0..H. */
  discount: Decimal[];
  fleetSale: Decimal;
  miningTerminalValuePv: Decimal;
}

/** The legs of a conversion, checked as CONVERSIONVALUE checks them. */
export function conversionPathLegs(plan: ConversionPlan): PathLegs {
  const names = leaseArgNamesFor(plan);
  const terms = leaseTermsFor(plan);
  const lease = leaseSchedule(terms, leaseDiscountRateFor(plan), names);
  const leaseValue = sumOfPresentValues(lease);
  const horizonMonths = lease.length - 1;
  const mined = checkedMining({ ...plan, months: horizonMonths }, plan.discount_rate);
  const withExit = validateLease(terms, names).exitCapRate !== undefined;
  const miningTerminalValuePv = withExit && leaseValue.gt(0) ? leaseValue.mul(mined.discount[horizonMonths]) : ZERO;
  return { leaseValue, horizonMonths, ...mined, fleetSale: mined.plan.resale, miningTerminalValuePv };
}
