/**
 * Mining NPV along one simulated path of BTC price and difficulty: a float twin of the decimal
 * mining schedule (mining-schedule.ts, whose header states every per-month formula, and
 * fleet-life.ts, the refreshes, the stop for good and the fleet's sale), for the distribution
 * functions and the conversion option. Floats, not decimals: this runs once per simulated path
 * (10,000 paths × 132 months is 1.3 million months a cell), so it is the simulation's one loop in
 * doubles.
 *
 * Written from the schedule's formulas, not by calling it (the tests compare the two: with every
 * volatility 0 the path value equals MININGNPV to 1e-9 relative). The plan is the one validated
 * plan (mining-plan.ts) the decimal schedule uses. Per month m = 1..months:
 *
 *   price, difficulty = the path's levels at simulated month m − 1: the schedule's month m earns
 *                       at btc_price × (1 + g)^(m − 1), so its month 1 is the simulation's month 0
 *   floor    difficulty = min(difficulty, k_m × price), k_m = 1e15 × 86,400 × (s_m + fees) /
 *                       (2^32 × hashprice_floor_usd_per_ph_day), when a floor is given, less D_F
 *                       when the difficulty excludes the fleet (at least 0): on every path the
 *                       hashprice the fleet earns never falls below the floor
 *   c_m      = F × uptime × (1 − pool_fee) × 365/12 × 86,400 × 1e12 / 2^32 × (s_m + fees)
 *              (F: fleet TH/s; s_m: the mean subsidy of the month's 4,380 blocks, a halving
 *              inside the month blended by block count), so BTC mined = c_m / D_eff
 *   D_eff    = max(difficulty, D_F) when the difficulty includes the fleet (default), else
 *              difficulty + D_F (D_F: the difficulty the fleet alone implies, F × 1e12 × 600 / 2^32).
 *              The max: a simulated network cannot hash less than the fleet inside it, so a path
 *              whose difficulty falls below D_F has the fleet earning the whole network's blocks
 *   revenue  = c_m × price / D_eff
 *   runs     = NOT switch_off_below_cost OR revenue >= power + energy tax + (1 − idle_opex_pct) × opex
 *              (the energy tax from energy_tax_start_month on, as the schedule charges it)
 *   o_m      = df_m × (revenue − power − energy tax − opex) when it runs, −df_m × idle opex when not,
 *              with df_m = (1 + discount_rate)^(−m/12)
 *   then the fleet's life as fleet-life.ts states it (refresh chain bought only in months that
 *   run, none with fewer than refresh_every_months months left, the resale and the end value),
 *   except the stop for good, below.
 *
 * The stop for good on a path is decided month by month from what is known then, never from the
 * path's future (a stopping time). At month t (after its flows; month t + 1's price and difficulty,
 * index t, are known, as the conversion option's state is) the fleet stops when selling it now is
 * worth strictly more than every later stop month s = t + 1 … horizon (s = horizon: run to the end)
 * on the projection from t: month t + 1 as known, then index j > t at the mean levels given index t,
 * price[t] × (1 + g)^(j − t) and difficulty[t] × (1 + g_D)^(j − t) (or × path[j] / path[t] along a
 * given difficulty_path), the floor, switch-off and refresh chain applied to the projection. Each
 * k-month leg of `legs` decides its own stop in the same way over its own horizon (its refreshes
 * only with N months of k left, the fleet sold at k). So "Mine" and every leg are the value of a
 * feasible (non-anticipative) policy: on every path at most the best stop in hindsight (the
 * decimal schedule's rule, which is right for MININGNPV: one path known in advance), and a lower
 * bound, up to the estimate's SE, on the best policy's value. With every volatility 0 the
 * projection is the path itself and the stop is the decimal schedule's (the first month t whose
 * value beats every later one is the latest maximiser). Cost: a month is projected only when
 * stopping at t is worth more than stopping at t + 1 (month t + 1 is known), and the projection
 * runs only until the later months pay back, or to the end when they never do.
 *
 * Every per-month constant (c_m, df_m, the costs' present values, k_m) is computed once, in
 * decimal, and rounded to a double the same way in every engine (model.ts's toDouble); a path is
 * then a handful of multiplications, one division and two comparisons a month.
 */
import { Decimal, Num } from "../decimal";
import { monthlyDiscountFactor } from "../discounting";
import { discountFactors } from "../fleet-life";
import {
  BLOCKS_PER_MONTH,
  meanSubsidyBtc,
  MiningPlan,
  monthStartHeight,
  PH_DAY_HASHES_OVER_2_32,
  runningCostIn,
  validateMiningPlan,
  ValidMiningPlan,
  variableCostIn,
} from "../mining-plan";
import { toDouble } from "./model";

/** A mining plan, ready to value simulated paths. */
export interface MiningPathValuer {
  /** Months valued: the path's levels at simulated months 0..months − 1 are read. */
  months: number;
  /**
   * NPV at month 0 in USD of mining along one path (the plan's horizon, its end value and its stop rule).
   * @param price USD per BTC at simulated month t = 0, 1, ... (index t)
   * @param difficulty network difficulty at simulated month t (index t)
   */
  value(price: ArrayLike<number>, difficulty: ArrayLike<number>): number;
  /**
   * Along one path: legs[k] = the value at month 0 of mining the first k months (each its own
   * horizon of k months) and selling the fleet at month k for its resale value, k = 0..months;
   * hashprice[m] = the network's hashprice in month m (USD per PH/s per day, after the floor; the
   * fleet counted in the network when the difficulty excludes it),
   * m = 1..months. Both arrays have months + 1 entries.
   * @returns the plan's NPV along the path, as `value`
   */
  legs(price: ArrayLike<number>, difficulty: ArrayLike<number>, legs: Float64Array, hashprice: Float64Array): number;
}

/**
 * The per-month constants of a validated plan, as doubles, and the path valuation (module header).
 * @param perMonthDiscount 1 / (1 + discount_rate)^(1/12)
 */
export function miningPathValuerOf(t: ValidMiningPlan, perMonthDiscount: Decimal): MiningPathValuer {
  const M = t.months;
  const df = discountFactors(perMonthDiscount, M);
  const coin = new Float64Array(M + 1); // c_m
  const disc = new Float64Array(M + 1); // df_m
  const runCost = new Float64Array(M + 1); // df_m × (power + energy tax + opex)
  const idleCost = new Float64Array(M + 1); // df_m × idle opex
  const capexPv = new Float64Array(M + 1); // df_m × fleet price
  const resalePv = new Float64Array(M + 1); // df_m × R
  const hashpriceCoin = new Float64Array(M + 1); // PH-day factor × (s_m + fees): hashprice = this × price / D
  const floorCoef = new Float64Array(M + 1); // k_m
  const threshold = new Float64Array(M + 1); // what running month m costs over idling it
  for (let m = 1; m <= M; m++) {
    const reward = meanSubsidyBtc(monthStartHeight(t.startHeight, m), BLOCKS_PER_MONTH).add(t.fees);
    coin[m] = toDouble(t.hashFactor.mul(reward));
    disc[m] = toDouble(df[m]);
    runCost[m] = toDouble(variableCostIn(t, m).add(t.opex).mul(df[m]));
    threshold[m] = toDouble(runningCostIn(t, m));
    idleCost[m] = toDouble(t.idleOpex.mul(df[m]));
    capexPv[m] = toDouble(t.fleetPrice.mul(df[m]));
    resalePv[m] = toDouble(t.resale.mul(df[m]));
    hashpriceCoin[m] = toDouble(PH_DAY_HASHES_OVER_2_32.mul(reward));
    if (t.hashpriceFloor !== undefined)
      floorCoef[m] = toDouble(PH_DAY_HASHES_OVER_2_32.mul(reward).div(t.hashpriceFloor));
  }
  resalePv[0] = toDouble(t.resale);
  const endPv = toDouble(t.endValue.mul(df[M]));
  const fleetDifficulty = toDouble(t.fleetDifficulty);
  const excluded = t.includesFleet ? 0 : fleetDifficulty; // D_F when the difficulty excludes the fleet
  const { includesFleet, switchOff, stopForGood } = t;
  const floored = t.hashpriceFloor !== undefined;
  const N = t.refreshEvery;
  const limit = N > 0 ? M - N : 0; // the last month a refresh may be bought over the whole horizon
  // The projection's mean levels from index t: price × g^(j − t), difficulty × g_D^(j − t) or along
  // its given path (IEEE products and quotients: the same bits in every engine).
  const gp = toDouble(t.priceGrowth);
  const gd = toDouble(t.difficultyGrowth);
  const pathLevels = t.difficultyPath?.slice(0, M).map(toDouble);
  // Scratch reused between paths: P(s), C(s), B(s) = P(s) + R·df_s on the path; the projection's
  // C and B from a decision month on; the legs' stop months; the window's queue.
  const P = new Float64Array(M + 1);
  const C = new Float64Array(M + 1);
  const B = new Float64Array(M + 1);
  const dueAfter = new Int32Array(M + 1);
  const Cp = new Float64Array(M + 1);
  const Bp = new Float64Array(M + 1);
  const legStop = new Int32Array(M + 1);
  const queue = new Int32Array(M + 1);
  const capexTo = (s: number) => (s > 0 ? C[s] : 0);

  /** Month m's operating PV o_m at the given levels; sets `runs`, and the `floored` difficulty `d`. */
  let runs = false;
  let d = 0;
  const month = (m: number, price: number, difficulty: number): number => {
    d = difficulty;
    if (floored) {
      const cap = floorCoef[m] * price - excluded;
      if (d > cap) d = cap > 0 ? cap : 0;
    }
    const earning = includesFleet ? (d > fleetDifficulty ? d : fleetDifficulty) : d + fleetDifficulty;
    const revenue = (coin[m] * price) / earning;
    runs = !switchOff || revenue >= threshold[m];
    return runs ? disc[m] * revenue - runCost[m] : -idleCost[m];
  };

  /** P, C, B, the refresh chain's due months along the path (and its hashprice when asked). */
  const walk = (price: ArrayLike<number>, difficulty: ArrayLike<number>, hashprice?: Float64Array) => {
    let due = N;
    for (let m = 1; m <= M; m++) {
      const o = month(m, price[m - 1], difficulty[m - 1]);
      if (hashprice) hashprice[m] = (hashpriceCoin[m] * price[m - 1]) / (d + excluded);
      P[m] = P[m - 1] + o;
      C[m] = C[m - 1];
      if (N > 0 && runs && m >= due) {
        C[m] += capexPv[m];
        due = m + N;
      }
      dueAfter[m] = due;
      B[m] = P[m] + resalePv[m];
    }
  };

  /**
   * The stop for good, decided month by month from what is known then (module header): returns the
   * whole horizon's stop month (0: none) and, with `legs`, fills legStop[k] for each k-month leg.
   */
  const decide = (price: ArrayLike<number>, difficulty: ArrayLike<number>, legs: boolean): number => {
    let stopWhole = 0;
    let live = legs ? M : 0; // legs k > t not yet stopped
    if (legs) legStop.fill(0);
    for (let t = 1; t < M && (live > 0 || !stopWhole); t++) {
      if (legs && !legStop[t]) live--; // leg t is over: it ran to its end
      // Stopping at t can beat every later month only if it beats t + 1, which is known at t: B must
      // fall for a leg whose refreshes all lie at or before t (k ≤ t + N), G for one still buying.
      const Bt = B[t];
      const Gt = Bt - C[t];
      const fallsB = B[t + 1] < Bt;
      const fallsG = B[t + 1] - C[t + 1] < Gt;
      const needB = live > 0 && N > 0 && fallsB;
      const needG = live > 0 && t + N < M && fallsG;
      // (at t = M − 1 both sides count the refreshes up to limit ≤ t: they cancel)
      const needWhole = !stopWhole && (t + 1 === M ? P[M] + endPv < Bt : limit > t ? fallsG : fallsB);
      if (!needB && !needG && !needWhole) continue;
      // The projection: month t + 1 as it is known at t, later months at the mean levels from index t,
      // until every leg still undecided is known to go on (B or G back to t's), or to the end.
      let pp = P[t + 1]; // the projection's P(s)
      Cp[t + 1] = C[t + 1];
      Bp[t + 1] = B[t + 1];
      let due = dueAfter[t + 1];
      let sB = fallsB ? 0 : t + 1;
      let sG = fallsG ? 0 : t + 1;
      let s = t + 1;
      let pj = price[t];
      let dj = difficulty[t];
      while (
        s < M &&
        !(
          (!needB || sB || s >= t + N) &&
          (!needG || (sG && s >= sG + N)) &&
          (!needWhole || (limit <= t ? sB && sB < M : sG && sG <= limit))
        )
      ) {
        s++;
        pj *= gp;
        dj = pathLevels ? (difficulty[t] * pathLevels[s - 1]) / pathLevels[t] : dj * gd;
        pp += month(s, pj, dj);
        Cp[s] = Cp[s - 1];
        if (N > 0 && runs && s >= due) {
          Cp[s] += capexPv[s];
          due = s + N;
        }
        Bp[s] = pp + resalePv[s];
        if (!sB && Bp[s] >= Bt) sB = s;
        if (!sG && Bp[s] - Cp[s] >= Gt) sG = s;
      }
      // Leg k goes on when a later stop on the projection is worth as much: one before its last
      // purchase (s ≤ a = k − N: G back to Gt), or in the window (max(a, t), k] of B less C(a).
      if (needWhole) {
        const mid = limit > t;
        if (!(mid ? sG && sG <= limit : sB && sB < M)) {
          let best = pp + endPv; // the scan reached M: run to the end, or stop in the window before it
          for (let u = Math.max(limit, t) + 1; u < M; u++) if (Bp[u] > best) best = Bp[u];
          if (best - (mid ? Cp[limit] : 0) < (mid ? Gt : Bt)) stopWhole = t;
        }
      }
      if (!legs || !live) continue;
      let head = 0;
      let tail = 0;
      for (let k = t + 1; k <= s; k++) {
        while (tail > head && Bp[queue[tail - 1]] <= Bp[k]) tail--;
        queue[tail++] = k;
        const a = k - N;
        const mid = a > t;
        if (legStop[k] || (mid ? !needG || (sG && sG <= a) : !needB)) continue;
        while (head < tail && queue[head] <= a) head++;
        if (head === tail || Bp[queue[head]] - (mid ? Cp[a] : 0) < (mid ? Gt : Bt)) {
          legStop[k] = t;
          live--;
        }
      }
    }
    return stopWhole;
  };

  /** The whole horizon's value: stopped at `stop` (months 1..stop, purchases up to it, resold), or run to the end. */
  const whole = (stop: number) => (stop > 0 ? B[stop] - capexTo(Math.min(stop, limit)) : P[M] - capexTo(limit) + endPv);

  return {
    months: M,
    value(price, difficulty) {
      walk(price, difficulty);
      return whole(stopForGood ? decide(price, difficulty, false) : 0);
    },
    legs(price, difficulty, legs, hashprice) {
      walk(price, difficulty, hashprice);
      const stop = stopForGood ? decide(price, difficulty, true) : 0;
      hashprice[0] = 0;
      legs[0] = resalePv[0];
      for (let k = 1; k <= M; k++) {
        const s = legStop[k]; // all 0 without stop_for_good
        const a = N > 0 ? k - N : 0;
        legs[k] = s > 0 ? B[s] - capexTo(Math.min(s, a)) : B[k] - capexTo(a);
      }
      return whole(stop);
    },
  };
}

/**
 * A plan's path valuer: the plan checked by the one validation the decimal schedule uses.
 * @param discountRate annual effective rate (> −1)
 */
export function miningPathValuer(plan: MiningPlan, discountRate: Num): MiningPathValuer {
  const t = validateMiningPlan(plan);
  return miningPathValuerOf(t, monthlyDiscountFactor(discountRate));
}
