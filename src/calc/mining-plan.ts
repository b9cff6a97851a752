/**
 * A mining plan, validated once: the public inputs of the mining schedule (MININGCASHFLOWS,
 * MININGNPV and the conversion functions built on it) checked and turned into the constants the
 * decimal schedule (mining-schedule.ts) and the simulation's float twin (simulation/mining-paths.ts)
 * both compute from. One set of checks and messages for both.
 *
 * Units: power in MW and kWh, hashrate in TH/s, money in USD, a month is 365/12 days (730 hours,
 * 4,380 blocks).
 */
import { Decimal, Num, ONE } from "./decimal";
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
import { ENERGY_TAX_START, HASHPRICE_FLOOR } from "./limits";
import {
  difficultyAtLeastOne,
  fraction,
  nonNegative,
  positive,
  rateAboveMinusOne,
  wholeNonNegative,
  within,
  yesNo,
} from "./validate";

const DAYS_PER_MONTH = new Decimal(365).div(12);
/** 144 blocks a day × 365/12 days. */
export const BLOCKS_PER_MONTH = (BLOCKS_PER_DAY * 365) / 12; // 4,380
const SATS_PER_BTC = new Decimal(100_000_000);
const HOURS_PER_MONTH = DAYS_PER_MONTH.mul(24);
/** TH/s × this = the difficulty that hashrate alone implies: 1e12 × 600 / 2^32. */
export const DIFFICULTY_PER_THS = new Decimal("1e12").mul(TARGET_BLOCK_SECONDS).div(HASHES_PER_DIFFICULTY);
/** Hashprice (USD per PH/s per day) = this × (subsidy + fees) × price / difficulty: 1e15 × 86,400 / 2^32. */
export const PH_DAY_HASHES_OVER_2_32 = TH_DAY_HASHES_OVER_2_32.mul(1000);

/**
 * A sourced default suggestion for hashprice_floor_usd_per_ph_day, USD per PH/s per day: the
 * network's marginal cost, read where the network last turned. Hashprice's all-time low was
 * $35.06 on 22 November 2025 (Luxor's Hashrate Index, hashrateindex.com); difficulty, at its
 * all-time high of 155.97 T a month before (about 29 October 2025), then fell to 125.86 T by about
 * 7 February 2026 (−19.3% from the high; that last retarget alone −11.16%, the largest since 2021;
 * mempool.space's difficulty adjustments): hashrate left when hashprice reached it. The best machines' power alone costs far less (at 4.5¢/kWh and PUE
 * 1.1, $20.79 a PH-day for an S21 at 17.5 J/TH, $11.29 for an S23 Hydro at 9.5 J/TH, Bitmain's
 * figures as ViaBTC and Bitcoin.com report them), but the marginal machine is older and its power
 * dearer, so the network stops growing well above those. A suggestion for a template to show and an
 * analyst to change, never a default: blank stays blank.
 */
export const SUGGESTED_HASHPRICE_FLOOR_USD_PER_PH_DAY = 35;

/** One month's difficulty in a column argument: a blank cell, as the adapters pass it. */
export type PathCell = Num | null | undefined;

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
  /** Switch the fleet off in months whose revenue does not cover what running costs. Default TRUE. */
  switch_off_below_cost?: boolean | Num;
  /** Fleet value at the end of the horizon, as a fraction of refresh_capex_usd_per_th × fleet TH/s. Default 0. */
  salvage_pct?: Num;
  /** Whether `difficulty` already counts the fleet's own hashrate. Default TRUE. */
  difficulty_includes_fleet?: boolean | Num;
  /** Share of the site's opex paid in a month the fleet is off (0 to 1). Default 1. */
  idle_opex_pct?: Num;
  /** Stop the fleet for good in the month that maximises the NPV, and sell it then. Default FALSE. */
  stop_for_good?: boolean | Num;
  /** The fleet's resale value, USD per TH/s: at a stop for good, a conversion, or the horizon's end. Default 0. */
  fleet_resale_usd_per_th?: Num;
  /**
   * Month m's difficulty in row m (at least `months` rows); replaces difficulty and its growth. A
   * single number is that difficulty every month. Default none.
   */
  difficulty_path?: readonly PathCell[] | Num;
  /**
   * The network's marginal cost, USD per PH/s per day: month m's difficulty never lets the
   * hashprice the fleet earns that month (its price, fees and subsidy) fall below it. Default none
   * (blank: no floor).
   * A suggestion: SUGGESTED_HASHPRICE_FLOOR_USD_PER_PH_DAY.
   */
  hashprice_floor_usd_per_ph_day?: Num;
  /**
   * The first month that pays energy_tax_usd_per_kwh (a tax enacted for a later date: New York's
   * S8518 from 2027); months before it pay none and decide whether to run without it. Default 1.
   */
  energy_tax_start_month?: Num;
}

/** A plan's inputs checked and folded into per-month constants (exact decimals). */
export interface ValidMiningPlan {
  months: number;
  startHeight: number;
  siteMw: Decimal;
  /** Fleet hashrate F, TH/s. */
  fleet: Decimal;
  /** D_F, the difficulty the fleet alone implies. */
  fleetDifficulty: Decimal;
  price: Decimal;
  /** 1 + btc_price_growth_monthly. */
  priceGrowth: Decimal;
  difficulty: Decimal;
  /** 1 + difficulty_growth_monthly. */
  difficultyGrowth: Decimal;
  /** Month m's difficulty at index m − 1 (at least `months` of them), or undefined: growth instead. */
  difficultyPath: Decimal[] | undefined;
  /** USD per PH/s per day, or undefined: no floor. */
  hashpriceFloor: Decimal | undefined;
  includesFleet: boolean;
  switchOff: boolean;
  fees: Decimal;
  /** Earning TH-days a month × 1e12 × 86,400 / 2^32: BTC a month = this × (subsidy + fees) / D_eff. */
  hashFactor: Decimal;
  powerRun: Decimal;
  taxRun: Decimal;
  /** Power + energy tax of a running month (from energyTaxStart on; before it, powerRun). */
  variableCost: Decimal;
  /** The first month that pays the energy tax (1: every month). */
  energyTaxStart: number;
  /** Site opex of a running month. */
  opex: Decimal;
  /** Site opex of a month the fleet is off: idle_opex_pct × opex. */
  idleOpex: Decimal;
  /** What running a month costs over idling it: variableCost + opex − idleOpex (from energyTaxStart on). */
  runningCost: Decimal;
  /** The same before energyTaxStart: powerRun + opex − idleOpex. */
  untaxedRunningCost: Decimal;
  /** A new fleet's price: refresh_capex_usd_per_th × F. */
  fleetPrice: Decimal;
  refreshEvery: number;
  /** The fleet's resale value: fleet_resale_usd_per_th × F. */
  resale: Decimal;
  /** What the fleet is worth at the horizon's end: salvage_pct × fleetPrice when salvage_pct > 0, else resale. */
  endValue: Decimal;
  stopForGood: boolean;
}

/** Power and energy tax of month m if it runs: the tax only from energy_tax_start_month on. */
export function variableCostIn(t: ValidMiningPlan, m: number): Decimal {
  return m >= t.energyTaxStart ? t.variableCost : t.powerRun;
}

/** What running month m costs over idling it: its variable cost, and the opex idling saves. */
export function runningCostIn(t: ValidMiningPlan, m: number): Decimal {
  return m >= t.energyTaxStart ? t.runningCost : t.untaxedRunningCost;
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

/** Month m's start height: start_height + 4,380 × (m − 1). */
export function monthStartHeight(startHeight: number, month: number): number {
  return startHeight + BLOCKS_PER_MONTH * (month - 1);
}

/**
 * The difficulty at which a month's hashprice equals the floor: PH-day factor × (subsidy + fees)
 * × price / floor. The difficulty the fleet earns at never exceeds it (floorNetworkDifficulty).
 */
export function floorDifficulty(floor: Decimal, subsidy: Decimal, fees: Decimal, price: Decimal): Decimal {
  return PH_DAY_HASHES_OVER_2_32.mul(subsidy.add(fees)).mul(price).div(floor);
}

/**
 * The cap on the month's network difficulty D_m under the floor, so that the hashprice the fleet
 * earns (at D_eff) is never below it: floorDifficulty when D_m includes the fleet (D_eff = D_m);
 * floorDifficulty − D_F when it excludes it (D_eff = D_m + D_F: the cap on D_m leaves room for the
 * fleet's own hashrate). The month's D_m is the lower of this and its path's.
 */
export function floorNetworkDifficulty(
  t: Pick<ValidMiningPlan, "fees" | "includesFleet" | "fleetDifficulty">,
  floor: Decimal,
  subsidy: Decimal,
  price: Decimal,
): Decimal {
  const atFloor = floorDifficulty(floor, subsidy, t.fees, price);
  return t.includesFleet ? atFloor : atFloor.sub(t.fleetDifficulty);
}

const PATH_ALLOWED = "one difficulty per month (row m is month m), each 1 or more";

/**
 * A difficulty column: at least `months` rows, each a difficulty of 1 or more; the error names the
 * row. A single number (a one-cell range, as the argument reader gives it) is that difficulty in
 * every month, as a number is for any argument that takes one value per month.
 */
function difficultyPath(column: readonly PathCell[] | Num, months: number): Decimal[] {
  const name = "difficulty_path";
  if (!Array.isArray(column)) {
    const flat = difficultyAtLeastOne(name, column as Num);
    return Array.from({ length: months }, () => flat);
  }
  if (column.length < months) {
    throw new InvalidArgumentError(
      name,
      `${PATH_ALLOWED}, for at least the horizon's ${months} months`,
      `${column.length} row${column.length === 1 ? "" : "s"}`,
    );
  }
  return column.slice(0, months).map((x, i) => {
    if (x === null || x === undefined || x === "") {
      throw new InvalidArgumentError(name, `${PATH_ALLOWED}, with no blank row`, `a blank in row ${i + 1}`);
    }
    try {
      return difficultyAtLeastOne(name, x);
    } catch {
      const shown = typeof x === "string" ? JSON.stringify(x) : x.toString();
      throw new InvalidArgumentError(name, PATH_ALLOWED, `${shown} in row ${i + 1}`);
    }
  });
}

/** The hashprice floor: blank (undefined) or a hashprice above 0. */
function hashpriceFloor(x: Num | undefined): Decimal | undefined {
  return x === undefined ? undefined : within("hashprice_floor_usd_per_ph_day", x, HASHPRICE_FLOOR);
}

/**
 * Checks a plan (every argument named as the user sees it) and folds it into the schedule's
 * constants. The order of the checks is the order of the arguments, so the first bad one is named.
 */
export function validateMiningPlan(plan: MiningPlan): ValidMiningPlan {
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
  const salvagePct = fraction("salvage_pct", plan.salvage_pct ?? 0);
  if (salvagePct.gt(0) && fleetPrice.isZero()) {
    throw new InvalidArgumentError(
      "salvage_pct",
      "0 or blank when refresh_capex_usd_per_th is 0 or blank (salvage is a share of a new fleet's price, refresh_capex_usd_per_th × fleet TH/s; give fleet_resale_usd_per_th for a resale value)",
      salvagePct.toString(),
    );
  }
  const includesFleet = yesNo("difficulty_includes_fleet", plan.difficulty_includes_fleet, true);
  const idleShare = fraction("idle_opex_pct", plan.idle_opex_pct ?? 1);
  const stopForGood = yesNo("stop_for_good", plan.stop_for_good, false);
  const resale = nonNegative("fleet_resale_usd_per_th", plan.fleet_resale_usd_per_th ?? 0).mul(fleet);
  const path = plan.difficulty_path === undefined ? undefined : difficultyPath(plan.difficulty_path, months);
  const floor = hashpriceFloor(plan.hashprice_floor_usd_per_ph_day);
  const taxStart = within("energy_tax_start_month", plan.energy_tax_start_month ?? 1, ENERGY_TAX_START).toNumber();

  const kwhPerMonth = siteMw.mul(1000).mul(HOURS_PER_MONTH).mul(uptime);
  const powerRun = kwhPerMonth.mul(powerPrice); // flat every month
  const taxRun = kwhPerMonth.mul(tax);
  const variableCost = powerRun.add(taxRun);
  const idleOpex = opex.mul(idleShare);
  return {
    months,
    startHeight,
    siteMw,
    fleet,
    fleetDifficulty: fleet.mul(DIFFICULTY_PER_THS),
    price,
    priceGrowth,
    difficulty,
    difficultyGrowth,
    difficultyPath: path,
    hashpriceFloor: floor,
    includesFleet,
    switchOff,
    fees,
    hashFactor: fleet.mul(earnedShare).mul(DAYS_PER_MONTH).mul(TH_DAY_HASHES_OVER_2_32),
    powerRun,
    taxRun,
    variableCost,
    energyTaxStart: taxStart,
    opex,
    idleOpex,
    runningCost: variableCost.add(opex).sub(idleOpex),
    untaxedRunningCost: powerRun.add(opex).sub(idleOpex),
    fleetPrice,
    refreshEvery,
    resale,
    endValue: salvagePct.gt(0) ? salvagePct.mul(fleetPrice) : resale,
    stopForGood,
  };
}
