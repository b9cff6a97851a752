/**
 * CONVERSIONTIMING: when to convert, on one path. For each candidate month k = 0 … H (H the
 * conversion's horizon, conversion_months + 12 × term_years without phases), the value of "mine
 * k months, then sell the fleet and convert", relative to mining the whole horizon:
 *
 *   row k = M_k + L × df_k − (mining value of CONVERSIONVALUE)
 *
 *   M_k   the mining leg over months 1..k as its own horizon of k months (refreshes only with
 *         refresh_every_months months of those k left; a stop for good, when asked, within them)
 *         and the fleet sold at month k for fleet_resale_usd_per_th × F (M_0: the fleet sold at
 *         once); fleet-life.ts
 *   L·df_k CONVERSIONVALUE's lease leg started at month k: its capex, its conversion_months of
 *         build and its full term, all k months later, so worth its NPV L at month k, brought back
 *         at discount_rate: df_k = (1 + discount_rate)^(−k/12) (conversion-plan.ts)
 *   mining value  CONVERSIONVALUE's: the mining leg over the whole horizon with its own end value,
 *         plus the site's terminal value T when exit_cap_rate is given.
 *
 * So row 0 is CONVERSIONVALUE exactly, and with exit_cap_rate row H is the mining strategy's own
 * terminal conversion (0 when the lease is worth more than nothing, up to the fleet's end value).
 * USD at month 0. The M_k of every k come from one pass (prefix sums and running maxima), so the
 * table costs about what one CONVERSIONVALUE does.
 */
import { Decimal } from "./decimal";
import { ConversionPlan, conversionLegs } from "./conversion-plan";
import { conversionValueOf } from "./conversion";
import { legValues } from "./fleet-life";
import { fleetRulesOf } from "./mining-schedule";

/** One candidate conversion month. */
export interface ConversionTimingRow {
  /** k: months mined before converting. */
  month: number;
  /** Converting at month k less mining the whole horizon, USD at month 0. */
  value: Decimal;
}

/** The timing table and what it is relative to. */
export interface ConversionTiming {
  /** k = 0..horizonMonths. */
  rows: ConversionTimingRow[];
  /** The best row (the earliest among equal values). */
  best: ConversionTimingRow;
  /** What each row is relative to: CONVERSIONVALUE's mining value, USD at month 0. */
  miningValue: Decimal;
  /** L: the lease leg's NPV at its own start, USD. */
  leaseValue: Decimal;
  horizonMonths: number;
}

/** The value of converting after k months, k = 0..H, relative to mining the whole horizon (module header). */
export function conversionTiming(plan: ConversionPlan): ConversionTiming {
  const legs = conversionLegs(plan);
  const { miningValue } = conversionValueOf(legs);
  const df = legs.mined.discount;
  const mined = legValues(legs.mined.valued(), fleetRulesOf(legs.mined.plan), legs.mined.chain);
  const rows = mined.map((m, k) => ({ month: k, value: m.add(legs.leaseValue.mul(df[k])).sub(miningValue) }));
  const best = rows.reduce((b, r) => (r.value.gt(b.value) ? r : b), rows[0]);
  return { rows, best, miningValue, leaseValue: legs.leaseValue, horizonMonths: legs.horizonMonths };
}
