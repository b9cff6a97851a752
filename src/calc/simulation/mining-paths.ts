/**
 * Mining NPV along one simulated path of BTC price and difficulty: a float twin of the decimal
 * mining schedule (mining-schedule.ts, whose header states every per-month formula), for the
 * distribution functions. Floats, not decimals: this runs once per simulated path (10,000 paths
 * × 120 months is 1.2 million months a cell), so it is the simulation's one loop in doubles.
 *
 * Written from the schedule's formulas, not by calling it (the tests compare the two: with every
 * volatility 0 the path value equals MININGNPV to 1e-9 relative). Per month m = 1..months:
 *
 *   price, difficulty = the path's levels at simulated month m − 1: the schedule's month m earns
 *                       at btc_price × (1 + g)^(m − 1), so its month 1 is the simulation's month 0
 *   c_m      = F × uptime × (1 − pool_fee) × 365/12 × 86,400 × 1e12 / 2^32 × (s_m + fees)
 *              (F: fleet TH/s; s_m: the mean subsidy of the month's 4,380 blocks, a halving
 *              inside the month blended by block count), so BTC mined = c_m / D_eff
 *   D_eff    = max(difficulty, D_F) when the difficulty includes the fleet (default), else
 *              difficulty + D_F (D_F: the difficulty the fleet alone implies, F × 1e12 × 600 / 2^32).
 *              The max: a simulated network cannot hash less than the fleet inside it, so a path
 *              whose difficulty falls below D_F has the fleet earning the whole network's blocks
 *   revenue  = c_m × price / D_eff;  variable cost v = site_mw × 1,000 × 730 h × uptime ×
 *              (power_price_kwh + energy_tax_usd_per_kwh)
 *   runs     = NOT switch_off_below_cost OR revenue >= v
 *   PV       = Σ df_m × (revenue − v, in months that run) − Σ df_m × (opex + capex_m) + df_M × salvage
 *              with df_m = (1 + discount_rate)^(−m/12), opex = opex_usd_per_mw_month × site_mw every
 *              month, capex_m = refresh_capex_usd_per_th × F in months that are multiples of
 *              refresh_every_months, salvage = salvage_pct × refresh_capex_usd_per_th × F
 *
 * Every per-month constant (c_m, v, df_m and the present value of the fixed flows) is computed
 * once, in decimal, and rounded to a double the same way in every engine (model.ts's toDouble);
 * a path is then one division, two multiplications and a comparison a month.
 */
import { Decimal, Num, ONE } from "../decimal";
import { InvalidArgumentError } from "../errors";
import { HALVING_INTERVAL_BLOCKS, subsidySats } from "../protocol";
import { MAX_LEASE_MONTHS } from "../lease";
import type { MiningPlan } from "../mining-schedule";
import {
  difficultyAtLeastOne,
  fraction,
  nonNegative,
  positive,
  rateAboveMinusOne,
  wholeNonNegative,
  yesNo,
} from "../validate";
import { toDouble } from "./model";

const BLOCKS_PER_MONTH = 4380; // 144 a day × 365/12 days
const DAYS_PER_MONTH = new Decimal(365).div(12);
const HOURS_PER_MONTH = DAYS_PER_MONTH.mul(24);
const TWO_POW_32 = new Decimal(4294967296);
/** BTC one TH/s earns in a day per unit of (reward / difficulty): 1e12 × 86,400 / 2^32. */
const BTC_PER_TH_DAY = new Decimal("1e12").mul(86400).div(TWO_POW_32);
/** Difficulty one TH/s alone implies: 1e12 × 600 / 2^32. */
const DIFFICULTY_PER_THS = new Decimal("1e12").mul(600).div(TWO_POW_32);

/** Mean block subsidy in BTC of the month's 4,380 blocks from `height` (at most one halving falls inside). */
function monthSubsidy(height: number): Decimal {
  const nextHalving = (Math.floor(height / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
  const before = Math.min(BLOCKS_PER_MONTH, nextHalving - height);
  const sats = new Decimal(before)
    .mul(subsidySats(height))
    .add(new Decimal(BLOCKS_PER_MONTH - before).mul(subsidySats(nextHalving)));
  return sats.div(BLOCKS_PER_MONTH).div(1e8);
}

/** A mining plan, ready to value simulated paths. */
export interface MiningPathValuer {
  /** Months valued: the path's levels at simulated months 0..months − 1 are read. */
  months: number;
  /**
   * NPV at month 0 in USD of mining along one path.
   * @param price USD per BTC at simulated month t = 0, 1, ... (index t)
   * @param difficulty network difficulty at simulated month t (index t)
   */
  value(price: ArrayLike<number>, difficulty: ArrayLike<number>): number;
}

/**
 * The per-month constants of a mining plan, as doubles, and the path valuation (module header).
 * The plan is validated with the checks and argument names of the decimal schedule.
 * @param discountRate annual effective rate (> −1)
 */
export function miningPathValuer(plan: MiningPlan, discountRate: Num): MiningPathValuer {
  const siteMw = positive("site_mw", plan.site_mw);
  const pue = positive("pue", plan.pue);
  if (pue.lt(1)) throw new InvalidArgumentError("pue", "1 or more (site power / machine power)", pue.toString());
  const fleet = siteMw.mul(1e6).div(positive("efficiency_j_th", plan.efficiency_j_th).mul(pue));
  const powerPrice = nonNegative("power_price_kwh", plan.power_price_kwh);
  positive("btc_price", plan.btc_price);
  difficultyAtLeastOne("difficulty", plan.difficulty);
  const startHeight = wholeNonNegative("start_height", plan.start_height);
  const months = wholeNonNegative("months", plan.months);
  if (months < 1 || months > MAX_LEASE_MONTHS)
    throw new InvalidArgumentError("months", `a whole number from 1 to ${MAX_LEASE_MONTHS}`, String(months));
  const fees = nonNegative("fees_btc_per_block", plan.fees_btc_per_block ?? 0);
  const uptime = fraction("uptime", plan.uptime ?? 1);
  const poolFee = fraction("pool_fee", plan.pool_fee ?? 0);
  const opex = nonNegative("opex_usd_per_mw_month", plan.opex_usd_per_mw_month ?? 0).mul(siteMw);
  const fleetPrice = nonNegative("refresh_capex_usd_per_th", plan.refresh_capex_usd_per_th ?? 0).mul(fleet);
  const refreshEvery = wholeNonNegative("refresh_every_months", plan.refresh_every_months ?? 0);
  const tax = nonNegative("energy_tax_usd_per_kwh", plan.energy_tax_usd_per_kwh ?? 0);
  const switchOff = yesNo("switch_off_below_cost", plan.switch_off_below_cost, true);
  const salvage = fraction("salvage_pct", plan.salvage_pct ?? 0).mul(fleetPrice);
  const includesFleet = yesNo("difficulty_includes_fleet", plan.difficulty_includes_fleet, true);
  const perMonth = ONE.div(ONE.add(rateAboveMinusOne("discount_rate", discountRate)).pow(ONE.div(12)));

  const earning = fleet.mul(uptime).mul(ONE.sub(poolFee)).mul(DAYS_PER_MONTH).mul(BTC_PER_TH_DAY);
  const variableCost = siteMw.mul(1000).mul(HOURS_PER_MONTH).mul(uptime).mul(powerPrice.add(tax));
  const c = new Float64Array(months + 1); // index m = 1..months
  const df = new Float64Array(months + 1);
  let factor = ONE;
  let fixedPv = new Decimal(0);
  for (let m = 1; m <= months; m++) {
    factor = factor.mul(perMonth);
    const subsidy = monthSubsidy(startHeight + BLOCKS_PER_MONTH * (m - 1));
    c[m] = toDouble(earning.mul(subsidy.add(fees)));
    df[m] = toDouble(factor);
    const capex = refreshEvery > 0 && m % refreshEvery === 0 ? fleetPrice : new Decimal(0);
    fixedPv = fixedPv.add(opex.add(capex).mul(factor));
    if (m === months) fixedPv = fixedPv.sub(salvage.mul(factor));
  }
  const fixed = toDouble(fixedPv);
  const v = toDouble(variableCost);
  const fleetDifficulty = toDouble(fleet.mul(DIFFICULTY_PER_THS));

  return {
    months,
    value(price, difficulty) {
      let npv = -fixed;
      for (let m = 1; m <= months; m++) {
        const d = difficulty[m - 1];
        const earningDifficulty = includesFleet ? (d > fleetDifficulty ? d : fleetDifficulty) : d + fleetDifficulty;
        const revenue = (c[m] * price[m - 1]) / earningDifficulty;
        if (!switchOff || revenue >= v) npv += df[m] * (revenue - v);
      }
      return npv;
    },
  };
}
