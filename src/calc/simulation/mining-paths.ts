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
 *                       (2^32 × hashprice_floor_usd_per_ph_day), when a floor is given: on every
 *                       path the network's hashprice never falls below the floor
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
 *   then the fleet's life exactly as fleet-life.ts states it (refresh chain bought only in months
 *   that run, none with fewer than refresh_every_months months left, the stop for good with
 *   hindsight of the path, the resale and the end value).
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
   * hashprice[m] = the network's hashprice in month m (USD per PH/s per day, after the floor),
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
  const { includesFleet, switchOff, stopForGood } = t;
  const floored = t.hashpriceFloor !== undefined;
  const N = t.refreshEvery;
  const limit = N > 0 ? M - N : 0; // the last month a refresh may be bought over the whole horizon
  // Scratch for `legs`, reused between paths: P(s), C(t) of fleet-life.ts, and the window's queue.
  const P = new Float64Array(M + 1);
  const C = new Float64Array(M + 1);
  const B = new Float64Array(M + 1);
  const queue = new Int32Array(M + 1);

  /** Month m's operating PV o_m along the path; sets `runs`, and `floored` difficulty `d`. */
  let runs = false;
  let d = 0;
  const month = (m: number, price: number, difficulty: number): number => {
    d = difficulty;
    if (floored) {
      const cap = floorCoef[m] * price;
      if (d > cap) d = cap;
    }
    const earning = includesFleet ? (d > fleetDifficulty ? d : fleetDifficulty) : d + fleetDifficulty;
    const revenue = (coin[m] * price) / earning;
    runs = !switchOff || revenue >= threshold[m];
    return runs ? disc[m] * revenue - runCost[m] : -idleCost[m];
  };

  return {
    months: M,
    value(price, difficulty) {
      let acc = 0;
      let due = N;
      let best = -Infinity;
      for (let m = 1; m <= M; m++) {
        acc += month(m, price[m - 1], difficulty[m - 1]);
        if (N > 0 && runs && m >= due) {
          if (m <= limit) acc -= capexPv[m];
          due = m + N;
        }
        if (stopForGood && m < M) {
          const stopped = acc + resalePv[m];
          if (stopped > best) best = stopped;
        }
      }
      const kept = acc + endPv;
      return kept >= best ? kept : best;
    },
    legs(price, difficulty, legs, hashprice) {
      // P(s) and C(t) (every chain purchase up to t), and the whole horizon's value on the way.
      let due = N;
      let acc = 0;
      let best = -Infinity;
      P[0] = 0;
      C[0] = 0;
      for (let m = 1; m <= M; m++) {
        const o = month(m, price[m - 1], difficulty[m - 1]);
        hashprice[m] = (hashpriceCoin[m] * price[m - 1]) / d;
        P[m] = P[m - 1] + o;
        C[m] = C[m - 1];
        acc += o;
        if (N > 0 && runs && m >= due) {
          C[m] += capexPv[m];
          if (m <= limit) acc -= capexPv[m];
          due = m + N;
        }
        if (stopForGood && m < M) {
          const stopped = acc + resalePv[m];
          if (stopped > best) best = stopped;
        }
      }
      hashprice[0] = 0;
      legs[0] = resalePv[0];
      if (!stopForGood) {
        for (let k = 1; k <= M; k++) legs[k] = P[k] - (N > 0 && k > N ? C[k - N] : 0) + resalePv[k];
      } else {
        // fleet-life.ts's legValues: a running maximum of G over s ≤ k − N, and the window (k − N, k] of B.
        let bestEarly = -Infinity;
        let head = 0;
        let tail = 0;
        for (let k = 1; k <= M; k++) {
          const early = N > 0 ? k - N : k;
          if (early >= 1) {
            const g = P[early] - C[early] + resalePv[early];
            if (g > bestEarly) bestEarly = g;
          }
          let v = bestEarly;
          if (N > 0) {
            B[k] = P[k] + resalePv[k];
            while (tail > head && B[queue[tail - 1]] <= B[k]) tail--;
            queue[tail++] = k;
            while (queue[head] <= early) head++;
            const late = B[queue[head]] - (early > 0 ? C[early] : 0);
            if (late > v) v = late;
          }
          legs[k] = v;
        }
      }
      const kept = acc + endPv;
      return kept >= best ? kept : best;
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
