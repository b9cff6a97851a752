/**
 * The fleet's life in a mining schedule: which refreshes are bought, when the fleet stops for
 * good, and what it fetches when it leaves the site. Exact decimal (the simulation's float twin
 * is in simulation/mining-paths.ts and follows the same rules).
 *
 * Months m = 1..k of a horizon of k months, flows at month end:
 *
 *   refresh chain  with N = refresh_every_months > 0: the first refresh falls due at month N; a
 *                  refresh is bought in the first month at or after its due date in which the fleet
 *                  runs (machines are bought only to run), and the next falls due N months after
 *                  that purchase. The chain c_1 < c_2 < ... depends on which months run, not on k.
 *   horizon        a refresh is bought only when at least N months of the horizon remain after it:
 *                  within k months the purchases are the c_i ≤ k − N (the fleet runs on to the end).
 *   stop at s      (1 ≤ s ≤ k) months 1..s as scheduled, with the purchases c_i ≤ min(s, k − N), the
 *                  fleet sold at month s, nothing after (no opex, no power, no revenue).
 *                  Without stop_for_good, s = k.
 *   the fleet's    R = fleet_resale_usd_per_th × F when it is sold before the horizon's end (a stop
 *   value          for good) or at a conversion; at the horizon's end, E = salvage_pct × fleet price
 *                  when salvage_pct > 0, else R.
 *
 * With o_m the present value of month m's operating flow (revenue − power − energy tax − opex in a
 * month that runs, − idle opex in one that does not), df_m the month's discount factor,
 * P(s) = o_1 + ... + o_s and C(t) = Σ_{c_i ≤ t} fleet price × df_(c_i), the value of stopping at s
 * within a horizon of k months is
 *
 *   V_k(s) = P(s) − C(min(s, k − N)) + (s < k ? R : end value) × df_s
 *
 * The schedule's NPV is V_H(H), or with stop_for_good max over s of V_H(s) (a tie goes to the
 * later month: the fleet stops only when stopping is worth strictly more). With hindsight of its
 * own path: the stop month is chosen knowing the whole price and difficulty path, which is right
 * for a schedule on one path given in advance. The simulation cannot know a path's future: it
 * decides each month from what is known then (simulation/mining-paths.ts), which on a path known
 * in advance (every volatility 0) gives this same stop.
 */
import { Decimal, ONE, ZERO } from "./decimal";

/** The fleet's economics, from the validated plan. */
export interface FleetRules {
  /** A new fleet's price, USD (refresh_capex_usd_per_th × F). */
  fleetPrice: Decimal;
  /** N, months; 0 = never refreshed. */
  refreshEvery: number;
  /** R, USD: what the fleet fetches at a stop for good or a conversion. */
  resale: Decimal;
  /** USD: what it is worth at the horizon's end (salvage_pct × fleet price, else R). */
  endValue: Decimal;
  stopForGood: boolean;
}

/** A schedule's months as the fleet rules read them; every array is indexed by month m (index 0 unused, except discount[0] = 1). */
export interface MonthsValued {
  /** o_m: present value of month m's operating flow, USD at month 0. */
  operatingPv: readonly Decimal[];
  running: readonly boolean[];
  /** df_m for m = 0..H. */
  discount: readonly Decimal[];
}

/** The refreshes' months, whatever the horizon: due N months after the start or the last purchase, bought when the fleet runs. */
export function refreshChain(running: readonly boolean[], every: number): number[] {
  const chain: number[] = [];
  if (every <= 0) return chain;
  let due = every;
  for (let m = due; m < running.length; m++) {
    if (m >= due && running[m]) {
      chain.push(m);
      due = m + every;
      m = due - 1;
    }
  }
  return chain;
}

/** The fleet's plan over a horizon of k months: its stop month, the refreshes bought, and the NPV V_k(stop). */
export interface FleetPlan {
  stop: number;
  purchases: number[];
  value: Decimal;
}

/**
 * The purchases, the stop month and the NPV over the first `horizon` months (module header), with
 * `last` the fleet's value at the horizon's end (the plan's end value, or R for a conversion).
 */
export function fleetPlan(
  months: MonthsValued,
  rules: FleetRules,
  chain: readonly number[],
  horizon: number,
  last: Decimal = rules.endValue,
): FleetPlan {
  const limit = rules.refreshEvery > 0 ? horizon - rules.refreshEvery : 0;
  const bought = chain.filter((c) => c <= limit);
  const df = months.discount;
  let p = ZERO;
  let capex = ZERO;
  let next = 0; // the next purchase in `bought`
  let best: Decimal | undefined;
  let stop = horizon;
  for (let s = 1; s <= horizon; s++) {
    p = p.add(months.operatingPv[s]);
    if (next < bought.length && bought[next] === s) {
      capex = capex.add(rules.fleetPrice.mul(df[s]));
      next++;
    }
    if (s < horizon && !rules.stopForGood) continue;
    const v = p.sub(capex).add((s < horizon ? rules.resale : last).mul(df[s]));
    if (best === undefined || v.gte(best)) {
      best = v;
      stop = s;
    }
  }
  return { stop, purchases: bought.filter((c) => c <= stop), value: best ?? last };
}

/**
 * The value of mining the first k months and selling the fleet at month k for R, for every
 * k = 0..H (k = 0: the fleet sold at once), each over its own horizon of k months: refreshes only
 * with N months left of k, a stop for good (when asked) chosen within 1..k. USD at month 0.
 *
 * O(H) decimal operations, not O(H²): for a stop s ≤ k − N every purchase up to s counts, so the
 * best of those is a running maximum of G(s) = P(s) − C(s) + R·df_s; for s in (k − N, k] the
 * purchases are fixed at C(k − N), so the best is the maximum of B(s) = P(s) + R·df_s over a
 * window of N months (a monotone queue), less C(k − N).
 */
export function legValues(months: MonthsValued, rules: FleetRules, chain: readonly number[]): Decimal[] {
  const horizon = months.discount.length - 1;
  const N = rules.refreshEvery;
  const df = months.discount;
  const R = rules.resale;
  // P(s), C(t) for t = 0..H (C counts every chain purchase up to t), B(s), G(s)
  const P: Decimal[] = [ZERO];
  const C: Decimal[] = [ZERO];
  let next = 0;
  for (let m = 1; m <= horizon; m++) {
    P.push(P[m - 1].add(months.operatingPv[m]));
    let c = C[m - 1];
    if (next < chain.length && chain[next] === m) {
      c = c.add(rules.fleetPrice.mul(df[m]));
      next++;
    }
    C.push(c);
  }
  const capexWithin = (k: number) => (N > 0 && k - N > 0 ? C[k - N] : ZERO);
  const values: Decimal[] = [R.mul(df[0])];
  if (!rules.stopForGood) {
    for (let k = 1; k <= horizon; k++) values.push(P[k].sub(capexWithin(k)).add(R.mul(df[k])));
    return values;
  }
  const B = (s: number) => P[s].add(R.mul(df[s]));
  let bestEarly: Decimal | undefined; // max G(s) over s ≤ k − N
  const queue: number[] = []; // months of the window from `head` on, their B decreasing
  let head = 0;
  const b: Decimal[] = [];
  for (let k = 1; k <= horizon; k++) {
    const early = N > 0 ? k - N : k; // with N = 0 nothing is ever bought: every stop is "early"
    if (early >= 1) {
      const g = P[early].sub(C[early]).add(R.mul(df[early]));
      if (bestEarly === undefined || g.gt(bestEarly)) bestEarly = g;
    }
    let value = bestEarly;
    if (N > 0) {
      b[k] = B(k);
      while (queue.length > head && b[queue[queue.length - 1]].lte(b[k])) queue.pop();
      queue.push(k);
      while (queue[head] <= early) head++;
      const late = b[queue[head]].sub(capexWithin(k));
      if (value === undefined || late.gt(value)) value = late;
    }
    values.push(value as Decimal);
  }
  return values;
}

/** Discount factors df_m = v^m for m = 0..months, v the monthly factor. */
export function discountFactors(perMonth: Decimal, months: number): Decimal[] {
  const df = [ONE];
  for (let m = 1; m <= months; m++) df.push(df[m - 1].mul(perMonth));
  return df;
}
