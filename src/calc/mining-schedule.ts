/**
 * Mining a site's megawatts month by month, for comparison with leasing them.
 *
 * Every per-month quantity, precisely enough for a float re-implementation to match to 1e-9
 * (decimal here; a float twin may use pow() where this multiplies month by month):
 *
 *   F [TH/s]   fleet hashrate = site_mw × 1e6 W / (efficiency_j_th × pue)      (pue: site power / machine power)
 *   D_F        difficulty the fleet alone implies = F × 1e12 × 600 / 2^32
 *   month m = 1..months, each 365/12 days = 730 hours = 4,380 blocks (144 a day); flows at month end
 *   h_m        start height = start_height + 4,380 × (m − 1)
 *   s_m        subsidy = mean subsidy of blocks h_m .. h_m + 4,379, in whole satoshis / 1e8 (a halving
 *              inside the month blends by block count; the next month pays the new subsidy)
 *   D_m        difficulty = difficulty × (1 + difficulty_growth_monthly)^(m − 1)   (must stay >= 1)
 *   P_m        BTC price  = btc_price × (1 + btc_price_growth_monthly)^(m − 1)
 *   the network, and the fleet's share of it while it hashes:
 *     difficulty_includes_fleet TRUE (default): D_m is the network's difficulty with the fleet on it
 *       (a site already hashing, or a forecast that counts it); share = D_F / D_m, and a fleet larger
 *       than the network (D_F > D_m, any month) is refused: InvalidArgumentError with both EH/s.
 *     FALSE: D_m excludes the new fleet, which adds its own hashrate: share = D_F / (D_m + D_F),
 *       i.e. BTC is earned at difficulty D_m + D_F.
 *   D_eff      = D_m (TRUE) or D_m + D_F (FALSE)
 *   BTC_run    = F × uptime × (1 − pool_fee) × 365/12 × 86,400 × 1e12 × (s_m + fees_btc_per_block) / (D_eff × 2^32)
 *              (= share × 4,380 × uptime × (1 − pool_fee) × (s_m + fees): never more than the network issues)
 *   revenue_run = BTC_run × P_m
 *   power_run  = site_mw × 1000 kW × 730 h × uptime × power_price_kwh
 *   tax_run    = site_mw × 1000 kW × 730 h × uptime × energy_tax_usd_per_kwh
 *   running_m  = NOT switch_off_below_cost OR revenue_run >= power_run + tax_run
 *              (switch_off_below_cost defaults to TRUE: a month whose BTC revenue does not cover its
 *              variable cost mines nothing and burns no power)
 *   BTC mined, revenue, power, energy tax = the _run values when running_m, else 0
 *   opex       = opex_usd_per_mw_month × site_mw                  (fixed: paid whether or not the fleet runs)
 *   capex      = refresh_capex_usd_per_th × F when refresh_every_months > 0 and m is a multiple of it, else 0
 *   salvage    = salvage_pct × refresh_capex_usd_per_th × F in the last month, else 0 (the fleet's value
 *              at the end of the horizon, as a share of a new fleet's price: every refresh costs the
 *              same, so this is the last refresh's cost, and with no refresh in the horizon it is the
 *              price of the fleet the site runs)
 *   net        = revenue − power − energy tax − opex − capex + salvage
 *   discount factor = (1 + discount_rate)^(−m/12) (annual effective, as the lease), PV = net × factor
 *
 * Simplifications, stated: the difficulty path is given (switching the fleet off does not move
 * it); price and difficulty paths are deterministic; the switch-off decision is month by month
 * on that month's own cash margin (no start-up cost, no look-ahead).
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import {
  BLOCKS_PER_DAY,
  HALVING_INTERVAL_BLOCKS,
  HASHES_PER_DIFFICULTY,
  subsidySats,
  TARGET_BLOCK_SECONDS,
} from "./protocol";
import { TH_DAY_HASHES_OVER_2_32 } from "./revenue";
import { MAX_LEASE_MONTHS } from "./lease";
import { Discounted, monthlyDiscountFactor } from "./discounting";
import {
  difficultyAtLeastOne,
  fraction,
  nonNegative,
  positive,
  rateAboveMinusOne,
  wholeNonNegative,
  yesNo,
} from "./validate";

const DAYS_PER_MONTH = new Decimal(365).div(12);
/** 144 blocks a day × 365/12 days. */
export const BLOCKS_PER_MONTH = (BLOCKS_PER_DAY * 365) / 12; // 4,380
const SATS_PER_BTC = new Decimal(100_000_000);
const HOURS_PER_MONTH = DAYS_PER_MONTH.mul(24);
/** TH/s × this = the difficulty that hashrate alone implies: 1e12 × 600 / 2^32. */
const DIFFICULTY_PER_THS = new Decimal("1e12").mul(TARGET_BLOCK_SECONDS).div(HASHES_PER_DIFFICULTY);
/** Difficulty × this = EH/s: 2^32 / 600 / 1e18. */
const EHS_PER_DIFFICULTY = HASHES_PER_DIFFICULTY.div(TARGET_BLOCK_SECONDS).div("1e18");

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
  /** USD per kWh the site uses (e.g. the effective rate of ENERGYTAX); a variable cost. Default 0. */
  energy_tax_usd_per_kwh?: Num;
  /** Switch the fleet off in months whose revenue does not cover power + energy tax. Default TRUE. */
  switch_off_below_cost?: boolean | Num;
  /** Fleet value at the end of the horizon, as a fraction of refresh_capex_usd_per_th × fleet TH/s. Default 0. */
  salvage_pct?: Num;
  /** Whether `difficulty` already counts the fleet's own hashrate. Default TRUE. */
  difficulty_includes_fleet?: boolean | Num;
}

/** One month of mining, USD unless stated. */
export interface MiningMonth {
  month: number;
  startHeight: number;
  subsidy: Decimal; // mean BTC per block this month
  difficulty: Decimal;
  btcPrice: Decimal;
  /** The fleet's share of the network's hashrate while it hashes (0..1). */
  fleetShare: Decimal;
  /** Whether the fleet ran this month (FALSE: switched off, revenue below power + energy tax). */
  running: boolean;
  btcMined: Decimal;
  revenue: Decimal;
  powerCost: Decimal;
  energyTax: Decimal;
  opex: Decimal;
  capex: Decimal;
  salvage: Decimal;
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

/** A validated plan and its per-month constants (hoisted out of the monthly loop). */
interface MiningRun {
  months: number;
  startHeight: number;
  price: Decimal;
  difficulty: Decimal;
  priceGrowth: Decimal;
  difficultyGrowth: Decimal;
  fleet: Decimal;
  /** D_F, the difficulty the fleet alone implies. */
  fleetDifficulty: Decimal;
  includesFleet: boolean;
  switchOff: boolean;
  fees: Decimal;
  /** Earning TH-days a month × 1e12 × 86,400 / 2^32: BTC a month = this × (s + fees) / D_eff. */
  hashFactor: Decimal;
  powerRun: Decimal;
  taxRun: Decimal;
  variableCost: Decimal;
  opex: Decimal;
  fleetPrice: Decimal;
  refreshEvery: number;
  salvage: Decimal;
}

function prepare(plan: MiningPlan): MiningRun {
  const siteMw = positive("site_mw", plan.site_mw);
  const fleet = fleetHashrateThs(plan.site_mw, plan.efficiency_j_th, plan.pue);
  const powerPrice = nonNegative("power_price_kwh", plan.power_price_kwh);
  const price = positive("btc_price", plan.btc_price);
  const difficulty = difficultyAtLeastOne("difficulty", plan.difficulty);
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
  const fleetPrice = nonNegative("refresh_capex_usd_per_th", plan.refresh_capex_usd_per_th ?? 0).mul(fleet);
  const refreshEvery = wholeNonNegative("refresh_every_months", plan.refresh_every_months ?? 0);
  const tax = nonNegative("energy_tax_usd_per_kwh", plan.energy_tax_usd_per_kwh ?? 0);
  const switchOff = yesNo("switch_off_below_cost", plan.switch_off_below_cost, true);
  const salvage = fraction("salvage_pct", plan.salvage_pct ?? 0).mul(fleetPrice);
  const includesFleet = yesNo("difficulty_includes_fleet", plan.difficulty_includes_fleet, true);

  const kwhPerMonth = siteMw.mul(1000).mul(HOURS_PER_MONTH).mul(uptime);
  const powerRun = kwhPerMonth.mul(powerPrice); // flat every month
  const taxRun = kwhPerMonth.mul(tax);
  return {
    months,
    startHeight,
    price,
    difficulty,
    priceGrowth,
    difficultyGrowth,
    fleet,
    fleetDifficulty: fleet.mul(DIFFICULTY_PER_THS),
    includesFleet,
    switchOff,
    fees,
    hashFactor: fleet.mul(earnedShare).mul(DAYS_PER_MONTH).mul(TH_DAY_HASHES_OVER_2_32),
    powerRun,
    taxRun,
    variableCost: powerRun.add(taxRun),
    opex,
    fleetPrice,
    refreshEvery,
    salvage,
  };
}

/** What the monthly loop hands each month to its consumer (the row builder or the NPV sum). */
interface MonthState {
  m: number;
  height: number;
  subsidy: Decimal;
  difficulty: Decimal;
  price: Decimal;
  /** 1 / D_eff: the fleet's share is D_F / D_eff and its BTC coin / D_eff. */
  perDifficulty: Decimal;
  running: boolean;
  btcRun: Decimal;
  revenueRun: Decimal;
  capex: Decimal;
  salvage: Decimal;
  net: Decimal;
}

/**
 * The monthly loop of the module header, once for both consumers. Hoisted: the variable cost
 * (flat), the fleet's coin a month within a halving epoch (hashFactor × (subsidy + fees), which
 * changes only in a month holding a halving and the month after it) and one reciprocal of the
 * difficulty a month in place of two divisions.
 */
function eachMonth(t: MiningRun, visit: (s: MonthState) => void): void {
  let price = t.price;
  let difficulty = t.difficulty;
  let coinEpoch = -1; // the epoch whose whole-month coin `coin` holds; -1: none yet
  let subsidy = ZERO;
  let coin = ZERO; // hashFactor × (subsidy + fees)
  let perDifficulty = ZERO;
  const shrink = ONE.div(t.difficultyGrowth);
  for (let m = 1; m <= t.months; m++) {
    if (m > 1) {
      difficulty = difficulty.mul(t.difficultyGrowth);
      price = price.mul(t.priceGrowth);
      if (difficulty.lt(1)) {
        throw new InvalidArgumentError(
          "difficulty_growth_monthly",
          "a rate that keeps the difficulty at 1 or more (the protocol's minimum)",
          `${t.difficultyGrowth.sub(1).toString()}, which takes it to ${difficulty.toSignificantDigits(6).toString()} in month ${m}`,
        );
      }
    }
    let earningDifficulty: Decimal;
    if (t.includesFleet) {
      if (t.fleetDifficulty.gt(difficulty)) throw fleetLargerThanNetwork(m, t.fleet, difficulty);
      earningDifficulty = difficulty;
    } else {
      earningDifficulty = difficulty.add(t.fleetDifficulty);
    }
    const height = t.startHeight + BLOCKS_PER_MONTH * (m - 1);
    const epoch = Math.floor(height / HALVING_INTERVAL_BLOCKS);
    const wholeEpoch = epoch === Math.floor((height + BLOCKS_PER_MONTH - 1) / HALVING_INTERVAL_BLOCKS);
    if (!wholeEpoch || epoch !== coinEpoch) {
      subsidy = meanSubsidyBtc(height, BLOCKS_PER_MONTH);
      coin = t.hashFactor.mul(subsidy.add(t.fees));
      coinEpoch = wholeEpoch ? epoch : -1;
    }
    // 1 / D_eff: by one multiplication a month while D_eff is the difficulty path itself
    perDifficulty = t.includesFleet && m > 1 ? perDifficulty.mul(shrink) : ONE.div(earningDifficulty);
    const btcRun = coin.mul(perDifficulty);
    const revenueRun = btcRun.mul(price);
    const running = !t.switchOff || revenueRun.gte(t.variableCost);
    const capex = t.refreshEvery > 0 && m % t.refreshEvery === 0 ? t.fleetPrice : ZERO;
    const salvage = m === t.months ? t.salvage : ZERO;
    let net = running ? revenueRun.sub(t.variableCost).sub(t.opex) : t.opex.neg();
    if (!capex.isZero()) net = net.sub(capex);
    if (!salvage.isZero()) net = net.add(salvage);
    visit({ m, height, subsidy, difficulty, price, perDifficulty, running, btcRun, revenueRun, capex, salvage, net });
  }
}

/** The month-by-month mining schedule (formulas in the module header). */
export function miningCashFlows(plan: MiningPlan): MiningMonth[] {
  const t = prepare(plan);
  const rows: MiningMonth[] = [];
  eachMonth(t, (s) => {
    rows.push({
      month: s.m,
      startHeight: s.height,
      subsidy: s.subsidy,
      difficulty: s.difficulty,
      btcPrice: s.price,
      fleetShare: t.fleetDifficulty.mul(s.perDifficulty),
      running: s.running,
      btcMined: s.running ? s.btcRun : ZERO,
      revenue: s.running ? s.revenueRun : ZERO,
      powerCost: s.running ? t.powerRun : ZERO,
      energyTax: s.running ? t.taxRun : ZERO,
      opex: t.opex,
      capex: s.capex,
      salvage: s.salvage,
      net: s.net,
    });
  });
  return rows;
}

/** The refusal of a fleet that would out-hash the network (difficulty includes the fleet). */
function fleetLargerThanNetwork(month: number, fleetThs: Decimal, difficulty: Decimal): InvalidArgumentError {
  const fleetEhs = fleetThs.div(1e6).toSignificantDigits(4).toString();
  const networkEhs = difficulty.mul(EHS_PER_DIFFICULTY).toSignificantDigits(4).toString();
  const got = `a fleet of ${fleetEhs} EH/s against a network of ${networkEhs} EH/s in month ${month}`;
  // In month 1 any of the fleet's inputs may be the one out of range (a tiny efficiency as much as
  // a huge site): the message names them all, with the formula, rather than blame site_mw.
  return month === 1
    ? new InvalidArgumentError(
        "site_mw",
        "such that the fleet they give (site MW × 1e6 / (J/TH × PUE) TH/s) does not exceed the network hashrate the difficulty implies (the difficulty includes the fleet)",
        got,
        ["efficiency_j_th", "pue"],
      )
    : new InvalidArgumentError(
        "difficulty_growth_monthly",
        "a rate that keeps the network hashrate at least the fleet's (the difficulty includes the fleet)",
        got,
      );
}

/** A mining month with its discounting. */
export type DiscountedMiningMonth = Discounted<MiningMonth>;

/** The schedule with discount factors and present values; the present values sum to `miningNpv`. */
export function miningSchedule(plan: MiningPlan, discountRate: Num): DiscountedMiningMonth[] {
  const rows = miningCashFlows(plan) as DiscountedMiningMonth[];
  // discountMonthly's factors and order (the rate checked after the plan), without copying the rows
  const v = monthlyDiscountFactor(discountRate);
  let factor = ONE;
  for (const row of rows) {
    factor = factor.mul(v);
    row.discountFactor = factor;
    row.presentValue = row.net.mul(factor);
  }
  return rows;
}

/**
 * NPV of mining the site over the plan's months at an annual effective rate, USD at month 0: the
 * sum of `miningSchedule`'s present values (the same monthly loop and discount factors, without
 * building the rows).
 */
export function miningNpv(plan: MiningPlan, discountRate: Num): Decimal {
  const t = prepare(plan);
  const nets: Decimal[] = [];
  eachMonth(t, (s) => nets.push(s.net));
  const v = monthlyDiscountFactor(discountRate); // after the plan's checks, as the schedule
  let factor = ONE;
  let npv = ZERO;
  for (const net of nets) {
    factor = factor.mul(v);
    npv = npv.add(net.mul(factor));
  }
  return npv;
}
