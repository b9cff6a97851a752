/**
 * What a mined BTC costs, where a miner breaks even, and when a machine pays back.
 *
 * All costs are carried per installed TH/s per calendar day ("per TH-day") and divided by the
 * BTC one installed TH-day earns after uptime and pool fee. Power is "at the wall": pass an
 * efficiency that includes cooling overhead (J/TH × PUE) if the site has one.
 *
 *   kWh per TH-day (running)  = efficiency [J/TH] × 24 h / 1000
 *   power per TH-day          = kWh × uptime × power_price
 *   energy tax per TH-day     = kWh × uptime × energy_tax      (e.g. New York's proposed S8518)
 *   depreciation per TH-day   = machine_cost_per_TH / (machine_life_years × 365)
 *   BTC per TH-day earned     = BTC per TH-day × uptime × (1 − pool_fee)
 *   cost per BTC (component)  = component per TH-day / BTC per TH-day earned
 *
 * "Cash cost" = power + energy tax + other opex + SG&A; "all-in" adds depreciation and
 * stock-based compensation (CoinShares' definitions: docs/sources.md#mining-costs).
 */
import { Decimal, Num, ONE } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { btcPerThDay, rewardPerBlockBtc, TH_DAY_HASHES_OVER_2_32 } from "./revenue";
import { difficultyAtLeastOne, fraction, nonNegative, positive, rateAboveMinusOne, wholeNonNegative } from "./validate";
import { subsidyBtc } from "./protocol";
import { BLOCKS_PER_MONTH, meanSubsidyBtc } from "./mining-schedule";
import { rememberLast } from "./memo";
import { MAX_SCHEDULE_MONTHS } from "./limits";

export const DAYS_PER_YEAR = 365;
/** Months are 365/12 days so that 12 of them make a year. */
export const DAYS_PER_MONTH = new Decimal(DAYS_PER_YEAR).div(12);
/** Straight-line depreciation life used when none is given, in years. */
export const DEFAULT_MACHINE_LIFE_YEARS = 4;
/** Payback is searched month by month up to this horizon (100 years), then declared never. */
export const MAX_PAYBACK_MONTHS = MAX_SCHEDULE_MONTHS;

const KWH_PER_JOULE_DAY = new Decimal(24).div(1000); // J/TH × 24 h / 1000 = kWh per TH-day
const DAYS_PER_YEAR_DEC = new Decimal(DAYS_PER_YEAR);
const TH_PER_PH = new Decimal(1000);

/** Inputs of the cost functions, keyed by their public parameter names. Units in the names. */
export interface MiningCostInputs {
  power_price_kwh: Num;
  efficiency_j_th: Num;
  difficulty: Num;
  fees_btc_per_block?: Num;
  pool_fee?: Num;
  opex_usd_per_th_day?: Num;
  machine_cost_usd_per_th?: Num;
  machine_life_years?: Num;
  sga_usd_per_th_day?: Num;
  stock_comp_usd_per_th_day?: Num;
  energy_tax_usd_per_kwh?: Num;
  uptime?: Num;
  /** BTC per block. Required: it halves with time, so a default would silently age. */
  subsidy: Num;
}

/** Cost per BTC earned, by component, in USD per BTC. */
export interface CostPerBtc {
  power: Decimal;
  energyTax: Decimal;
  opex: Decimal;
  sga: Decimal;
  depreciation: Decimal;
  stockComp: Decimal;
  /** power + energy tax + opex + SG&A */
  cash: Decimal;
  /** cash + depreciation + stock-based compensation */
  allIn: Decimal;
}

/** Per-TH-day overheads that do not depend on the BTC price or difficulty, in USD. */
interface OverheadsPerThDay {
  kwhPerThDay: Decimal;
  uptime: Decimal;
  poolFee: Decimal;
  power: Decimal;
  energyTax: Decimal;
  opex: Decimal;
  sga: Decimal;
  depreciation: Decimal;
  stockComp: Decimal;
}

function overheadsPerThDay(i: Omit<MiningCostInputs, "difficulty" | "subsidy">): OverheadsPerThDay {
  const powerPrice = nonNegative("power_price_kwh", i.power_price_kwh);
  const efficiency = positive("efficiency_j_th", i.efficiency_j_th);
  const poolFee = fraction("pool_fee", i.pool_fee ?? 0);
  const opex = nonNegative("opex_usd_per_th_day", i.opex_usd_per_th_day ?? 0);
  const machineCost = nonNegative("machine_cost_usd_per_th", i.machine_cost_usd_per_th ?? 0);
  const life = positive("machine_life_years", i.machine_life_years ?? DEFAULT_MACHINE_LIFE_YEARS);
  const sga = nonNegative("sga_usd_per_th_day", i.sga_usd_per_th_day ?? 0);
  const stockComp = nonNegative("stock_comp_usd_per_th_day", i.stock_comp_usd_per_th_day ?? 0);
  const tax = nonNegative("energy_tax_usd_per_kwh", i.energy_tax_usd_per_kwh ?? 0);
  const uptime = fraction("uptime", i.uptime ?? 1);

  const kwhPerThDay = efficiency.mul(KWH_PER_JOULE_DAY);
  const kwhUsed = kwhPerThDay.mul(uptime);
  return {
    kwhPerThDay,
    uptime,
    poolFee,
    power: kwhUsed.mul(powerPrice),
    energyTax: kwhUsed.mul(tax),
    opex,
    sga,
    depreciation: machineCost.isZero() ? machineCost : machineCost.div(life.mul(DAYS_PER_YEAR_DEC)),
    stockComp,
  };
}

/** BTC earned per installed TH-day after uptime and pool fee; #NUM! when nothing is earned. */
function earnedBtcPerThDay(i: MiningCostInputs, uptime: Decimal, poolFee: Decimal): Decimal {
  const gross = btcPerThDay(i.difficulty, i.fees_btc_per_block ?? 0, i.subsidy);
  const earned = gross.mul(uptime).mul(new Decimal(1).sub(poolFee));
  if (earned.isZero()) {
    throw new NoAnswerError("no BTC is earned (reward, uptime or 1 − pool_fee is 0), so there is no cost per BTC");
  }
  return earned;
}

/**
 * Cost per BTC earned, split by component (USD per BTC). The parts sum exactly to `cash` and
 * `allIn`, so a breakdown's total row equals the sum of its lines.
 */
export function costPerBtcBreakdown(i: MiningCostInputs): CostPerBtc {
  const o = overheadsPerThDay(i);
  const perBtc = new Decimal(1).div(earnedBtcPerThDay(i, o.uptime, o.poolFee));
  const power = o.power.mul(perBtc);
  const energyTax = o.energyTax.mul(perBtc);
  const opex = o.opex.mul(perBtc);
  const sga = o.sga.mul(perBtc);
  const depreciation = o.depreciation.mul(perBtc);
  const stockComp = o.stockComp.mul(perBtc);
  const cash = power.add(energyTax).add(opex).add(sga);
  return { power, energyTax, opex, sga, depreciation, stockComp, cash, allIn: cash.add(depreciation).add(stockComp) };
}

/** kWh one TH/s uses in a day, from J/TH. Remembered: a grid's cells share their efficiency. */
const kwhPerThDay = rememberLast((efficiency_j_th: Num) =>
  positive("efficiency_j_th", efficiency_j_th).mul(KWH_PER_JOULE_DAY),
);

/**
 * BTC earned per TH-day × difficulty: 1e12 × 86,400 / 2^32 × (subsidy + fees) × (1 − pool_fee).
 * Remembered: in a power × difficulty grid these inputs are the same for every cell.
 */
const earnedPerThDayTimesDifficulty = rememberLast((fees_btc_per_block: Num, subsidy: Num, pool_fee: Num) => {
  const reward = rewardPerBlockBtc(fees_btc_per_block, subsidy);
  const earned = TH_DAY_HASHES_OVER_2_32.mul(reward).mul(ONE.sub(fraction("pool_fee", pool_fee)));
  if (earned.isZero()) {
    throw new NoAnswerError("no BTC is earned (reward or 1 − pool_fee is 0), so there is no cost per BTC");
  }
  return earned;
});

/**
 * Cash cost per BTC (the COSTPERBTC contract):
 * (power per TH-day + opex per TH-day) / (BTC per TH-day × (1 − pool_fee)), full uptime.
 * The same quantity as the breakdown's power + opex lines, on a shorter path: it is called once
 * per cell, so it does no work for the overheads it does not have.
 * @returns USD per BTC
 */
export function cashCostPerBtc(
  power_price_kwh: Num,
  efficiency_j_th: Num,
  difficulty: Num,
  fees_btc_per_block: Num,
  pool_fee: Num,
  opex_usd_per_th_day: Num,
  subsidy: Num,
): Decimal {
  const powerPrice = nonNegative("power_price_kwh", power_price_kwh);
  const kwh = kwhPerThDay(efficiency_j_th);
  const d = difficultyAtLeastOne("difficulty", difficulty);
  const earnedTimesDifficulty = earnedPerThDayTimesDifficulty(fees_btc_per_block, subsidy, pool_fee);
  const opex = nonNegative("opex_usd_per_th_day", opex_usd_per_th_day);
  // cost per TH-day / (BTC per TH-day earned), with BTC per TH-day = constant × reward / difficulty: one division
  return kwh.mul(powerPrice).add(opex).mul(d).div(earnedTimesDifficulty);
}

/** All-in cost per BTC: cash cost + depreciation + stock-based compensation. USD per BTC. */
export function allInCostPerBtc(i: MiningCostInputs): Decimal {
  return costPerBtcBreakdown(i).allIn;
}

/**
 * Power price at which the cash margin is zero (full uptime):
 * (BTC per TH-day × (1 − pool_fee) × btc_price − opex per TH-day) / kWh per TH-day.
 * @returns USD per kWh; NoAnswerError when opex alone exceeds revenue (it would be negative)
 */
export function breakevenPowerPrice(
  btc_price: Num,
  efficiency_j_th: Num,
  difficulty: Num,
  fees_btc_per_block: Num,
  pool_fee: Num,
  opex_usd_per_th_day: Num,
  subsidy: Num,
): Decimal {
  const price = positive("btc_price", btc_price);
  const kwhPerThDay = positive("efficiency_j_th", efficiency_j_th).mul(KWH_PER_JOULE_DAY);
  const net = new Decimal(1).sub(fraction("pool_fee", pool_fee));
  const opex = nonNegative("opex_usd_per_th_day", opex_usd_per_th_day);
  const revenue = btcPerThDay(difficulty, fees_btc_per_block, subsidy).mul(net).mul(price);
  const room = revenue.sub(opex);
  if (room.isNeg()) {
    throw new NoAnswerError("opex alone exceeds mining revenue: no power price breaks even");
  }
  return room.div(kwhPerThDay);
}

/**
 * Hashprice at which the margin on the given costs is zero. It does not depend on difficulty or
 * price: costs per TH-day / ((1 − pool_fee) × uptime), quoted per PH/s like hashprice.
 * @returns USD per (PH/s · day)
 */
export function breakevenHashprice(i: Omit<MiningCostInputs, "difficulty" | "subsidy">): Decimal {
  const o = overheadsPerThDay(i);
  const earnedShare = o.uptime.mul(new Decimal(1).sub(o.poolFee));
  if (earnedShare.isZero()) {
    throw new NoAnswerError("uptime or 1 − pool_fee is 0: no hashprice covers costs");
  }
  const costs = o.power.add(o.energyTax).add(o.opex).add(o.sga).add(o.depreciation).add(o.stockComp);
  return costs.div(earnedShare).mul(TH_PER_PH);
}

/**
 * Inputs of a machine's payback: the subsidy, or the height it starts at (its subsidy then follows
 * the halvings), or both when they agree. Never a default: the subsidy halves with time.
 */
export type PaybackInputs = PaybackBase & ({ subsidy: Num; start_height?: Num } | { subsidy?: Num; start_height: Num });

interface PaybackBase {
  machine_cost_usd: Num;
  hashrate_ths: Num;
  efficiency_j_th: Num;
  power_price_kwh: Num;
  btc_price: Num;
  difficulty: Num;
  fees_btc_per_block?: Num;
  pool_fee?: Num;
  opex_usd_per_th_day?: Num;
  uptime?: Num;
  difficulty_growth_monthly?: Num;
  /** BTC per block; with start_height it must be the subsidy at start_height (or be left out). */
  subsidy?: Num;
  /** Block height at the start of month 1: the subsidy then halves in its month. Absent = flat subsidy. */
  start_height?: Num;
}

/**
 * Months until a machine's cumulative cash margin repays its price.
 *
 *   month k = 1, 2, ... (365/12 days, 4,380 blocks, end of month):
 *     revenue_k = hashrate × uptime × (1 − pool_fee) × BTC per TH-day(difficulty × (1 + growth)^(k−1),
 *                 fees, subsidy_k) × btc_price × 365/12
 *     subsidy_k = `subsidy` flat, or with start_height the mean subsidy of blocks
 *                 start_height + 4,380 (k − 1) onwards, blended in the month holding a halving
 *                 (as the mining schedule does)
 *     cost      = (power + opex) per TH-day × hashrate × 365/12, flat
 *   The payback month is interpolated linearly inside the month that completes it. Price and fees
 *   are held flat.
 * @returns months (0 for a free machine whose first month earns a positive margin)
 * @throws NoAnswerError "never pays back" when the margin is not positive and cannot recover
 *   (difficulty not falling), also for a free machine; or when payback would take over 100 years
 */
export function paybackMonths(i: PaybackInputs): Decimal {
  const cost = nonNegative("machine_cost_usd", i.machine_cost_usd);
  const hashrate = positive("hashrate_ths", i.hashrate_ths);
  const growth = rateAboveMinusOne("difficulty_growth_monthly", i.difficulty_growth_monthly ?? 0);
  const o = overheadsPerThDay(i);
  const price = positive("btc_price", i.btc_price);
  const fees = nonNegative("fees_btc_per_block", i.fees_btc_per_block ?? 0);
  const startHeight = i.start_height === undefined ? undefined : wholeNonNegative("start_height", i.start_height);
  const subsidy = paybackSubsidy(i.subsidy, startHeight);
  // USD a month per BTC of reward per block, at month 1's difficulty
  const perRewardBtc = btcPerThDay(i.difficulty, 0, 1)
    .mul(o.uptime)
    .mul(ONE.sub(o.poolFee))
    .mul(price)
    .mul(hashrate)
    .mul(DAYS_PER_MONTH);
  const costPerMonth = o.power.add(o.opex).mul(hashrate).mul(DAYS_PER_MONTH);
  const never = (month: number, margin: Decimal, owed: Decimal) =>
    new NoAnswerError(
      month === 1
        ? `the monthly cash margin is not positive (${margin.toSignificantDigits(6).toString()} USD): the machine never pays back`
        : `the cash margin turns non-positive in month ${month} (${margin.toSignificantDigits(6).toString()} USD) with ${owed.toSignificantDigits(6).toString()} USD still owed: the machine never pays back`,
    );

  if (growth.isZero() && startHeight === undefined) {
    const margin = perRewardBtc.mul(subsidy.add(fees)).sub(costPerMonth);
    if (!margin.gt(0)) throw never(1, margin, cost);
    const months = cost.div(margin);
    if (months.gt(MAX_PAYBACK_MONTHS)) throw new NoAnswerError("payback would take more than 100 years");
    return months;
  }

  // Revenue falls (or rises) with difficulty, and halves with the subsidy; costs stay flat.
  const decay = ONE.div(ONE.add(growth));
  // With the difficulty flat or rising and the subsidy never rising, revenue never rises: a
  // month without a positive margin is followed only by such months.
  const cannotRecover = !growth.isNeg();
  let scale = perRewardBtc;
  let remaining = cost;
  for (let month = 1; month <= MAX_PAYBACK_MONTHS; month++) {
    const s =
      startHeight === undefined
        ? subsidy
        : meanSubsidyBtc(startHeight + BLOCKS_PER_MONTH * (month - 1), BLOCKS_PER_MONTH);
    const margin = scale.mul(s.add(fees)).sub(costPerMonth);
    if (margin.gt(0) && margin.gte(remaining)) return remaining.div(margin).add(month - 1);
    if (!margin.gt(0) && cannotRecover) throw never(month, margin, remaining);
    remaining = remaining.sub(margin);
    scale = scale.mul(decay);
  }
  throw new NoAnswerError("payback would take more than 100 years");
}

/** The subsidy payback starts from: `subsidy`, or the one at start_height, which `subsidy` must match. */
function paybackSubsidy(subsidy: Num | undefined, startHeight: number | undefined): Decimal {
  if (startHeight === undefined) {
    if (subsidy === undefined) {
      throw new InvalidArgumentError("subsidy", "a number (BTC per block), or start_height to take it from");
    }
    const s = nonNegative("subsidy", subsidy);
    rewardPerBlockBtc(0, s); // 0..50
    return s;
  }
  const atStart = subsidyBtc(startHeight);
  if (subsidy !== undefined) {
    const given = nonNegative("subsidy", subsidy);
    if (!given.eq(atStart)) {
      throw new InvalidArgumentError(
        "subsidy",
        `the subsidy at start_height ${startHeight}, ${atStart.toString()} BTC (or left blank) when start_height is given`,
        given.toString(),
      );
    }
  }
  return atStart;
}
