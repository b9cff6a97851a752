/**
 * Mining a site's megawatts month by month, for comparison with leasing them.
 *
 *   fleet hashrate [TH/s]  = site_mw × 1e6 W / (efficiency_j_th × pue)   (pue: site power / machine power)
 *   month m (1..months), 365/12 days, end-of-month cash flows:
 *     blocks           = 144 × 365/12 = 4,380, heights start_height + 4,380 × (m − 1) onwards
 *     subsidy          = mean subsidy of those blocks, so a halving mid-month blends and the next month halves
 *     difficulty       = difficulty × (1 + difficulty_growth_monthly)^(m − 1)
 *     btc price        = btc_price × (1 + btc_price_growth_monthly)^(m − 1)
 *     BTC mined        = fleet TH/s × uptime × (1 − pool_fee) × BTC per TH-day(difficulty, fees, subsidy) × days
 *     power cost       = site_mw × 1000 kW × 24 h × days × uptime × power_price_kwh
 *     opex             = opex_usd_per_mw_month × site_mw
 *     capex            = refresh_capex_usd_per_th × fleet TH/s in months that are multiples of refresh_every_months
 *   discounted at the annual effective rate: CF / (1 + r)^(m/12), as the lease is.
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { BLOCKS_PER_DAY, HALVING_INTERVAL_BLOCKS, subsidySats } from "./protocol";
import { btcPerThDay } from "./revenue";
import { MAX_LEASE_MONTHS } from "./lease";
import { Discounted, discountMonthly, sumOfPresentValues } from "./discounting";
import { fraction, nonNegative, positive, rateAboveMinusOne, wholeNonNegative } from "./validate";

const ONE = new Decimal(1);
const DAYS_PER_MONTH = new Decimal(365).div(12);
/** 144 blocks a day × 365/12 days. */
export const BLOCKS_PER_MONTH = (BLOCKS_PER_DAY * 365) / 12; // 4,380
const SATS_PER_BTC = new Decimal(100_000_000);
const HOURS_PER_MONTH = DAYS_PER_MONTH.mul(24);

/** Inputs of a mining schedule, keyed by their public parameter names. */
export interface MiningPlan {
  site_mw: Num;
  efficiency_j_th: Num;
  pue: Num;
  power_price_kwh: Num;
  btc_price: Num;
  difficulty: Num;
  start_height: Num;
  months: Num;
  fees_btc_per_block?: Num;
  pool_fee?: Num;
  uptime?: Num;
  difficulty_growth_monthly?: Num;
  btc_price_growth_monthly?: Num;
  opex_usd_per_mw_month?: Num;
  refresh_capex_usd_per_th?: Num;
  refresh_every_months?: Num;
}

/** One month of mining, USD unless stated. */
export interface MiningMonth {
  month: number;
  startHeight: number;
  subsidy: Decimal; // mean BTC per block this month
  difficulty: Decimal;
  btcPrice: Decimal;
  btcMined: Decimal;
  revenue: Decimal;
  powerCost: Decimal;
  opex: Decimal;
  capex: Decimal;
  net: Decimal;
}

/** Fleet hashrate a site powers, TH/s: site_mw × 1e6 / (efficiency × pue). */
export function fleetHashrateThs(siteMw: Num, efficiencyJTh: Num, pue: Num): Decimal {
  const p = positive("pue", pue);
  if (p.lt(1))
    throw new InvalidArgumentError(
      "pue",
      "1 or more (site power / machine power; 1.1 = 10% cooling overhead)",
      p.toString(),
    );
  return positive("site_mw", siteMw).mul(1e6).div(positive("efficiency_j_th", efficiencyJTh).mul(p));
}

/** Mean subsidy in BTC of the blocks [from, from + count): exact, blending across a halving. */
export function meanSubsidyBtc(fromHeight: number, count: number): Decimal {
  let sats = new Decimal(0);
  let h = fromHeight;
  const end = fromHeight + count;
  while (h < end) {
    const epochEnd = (Math.floor(h / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
    const upto = Math.min(end, epochEnd);
    sats = sats.add(new Decimal(upto - h).mul(subsidySats(h)));
    h = upto;
  }
  return sats.div(count).div(SATS_PER_BTC);
}

/** The month-by-month mining schedule. */
export function miningCashFlows(plan: MiningPlan): MiningMonth[] {
  const siteMw = positive("site_mw", plan.site_mw);
  const fleet = fleetHashrateThs(plan.site_mw, plan.efficiency_j_th, plan.pue);
  const powerPrice = nonNegative("power_price_kwh", plan.power_price_kwh);
  let price = positive("btc_price", plan.btc_price);
  let difficulty = positive("difficulty", plan.difficulty);
  const startHeight = wholeNonNegative("start_height", plan.start_height);
  const months = wholeNonNegative("months", plan.months);
  if (months < 1 || months > MAX_LEASE_MONTHS) {
    throw new InvalidArgumentError("months", `a whole number from 1 to ${MAX_LEASE_MONTHS}`, String(months));
  }
  const fees = nonNegative("fees_btc_per_block", plan.fees_btc_per_block ?? 0);
  const uptime = fraction("uptime", plan.uptime ?? 1);
  const earnedShare = uptime.mul(ONE.sub(fraction("pool_fee", plan.pool_fee ?? 0)));
  const difficultyGrowth = ONE.add(rateAboveMinusOne("difficulty_growth_monthly", plan.difficulty_growth_monthly ?? 0));
  const priceGrowth = ONE.add(rateAboveMinusOne("btc_price_growth_monthly", plan.btc_price_growth_monthly ?? 0));
  const opex = nonNegative("opex_usd_per_mw_month", plan.opex_usd_per_mw_month ?? 0).mul(siteMw);
  const refreshCapex = nonNegative("refresh_capex_usd_per_th", plan.refresh_capex_usd_per_th ?? 0).mul(fleet);
  const refreshEvery = wholeNonNegative("refresh_every_months", plan.refresh_every_months ?? 0);

  const powerCost = siteMw.mul(1000).mul(HOURS_PER_MONTH).mul(uptime).mul(powerPrice); // flat every month
  const hashDays = fleet.mul(earnedShare).mul(DAYS_PER_MONTH); // earning TH-days per month
  const zero = new Decimal(0);
  const rows: MiningMonth[] = [];
  for (let m = 1; m <= months; m++) {
    if (m > 1) {
      difficulty = difficulty.mul(difficultyGrowth);
      price = price.mul(priceGrowth);
    }
    const height = startHeight + BLOCKS_PER_MONTH * (m - 1);
    const subsidy = meanSubsidyBtc(height, BLOCKS_PER_MONTH);
    const btcMined = hashDays.mul(btcPerThDay(difficulty, fees, subsidy));
    const revenue = btcMined.mul(price);
    const capex = refreshEvery > 0 && m % refreshEvery === 0 ? refreshCapex : zero;
    const net = revenue.sub(powerCost).sub(opex).sub(capex);
    rows.push({
      month: m,
      startHeight: height,
      subsidy,
      difficulty,
      btcPrice: price,
      btcMined,
      revenue,
      powerCost,
      opex,
      capex,
      net,
    });
  }
  return rows;
}

/** A mining month with its discounting. */
export type DiscountedMiningMonth = Discounted<MiningMonth>;

/** The schedule with discount factors and present values; the present values sum to `miningNpv`. */
export function miningSchedule(plan: MiningPlan, discountRate: Num): DiscountedMiningMonth[] {
  return discountMonthly(miningCashFlows(plan), discountRate);
}

/** NPV of mining the site over the plan's months at an annual effective rate, USD at month 0. */
export function miningNpv(plan: MiningPlan, discountRate: Num): Decimal {
  return sumOfPresentValues(miningSchedule(plan, discountRate));
}
