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
 *   P_m        BTC price  = btc_price × (1 + btc_price_growth_monthly)^(m − 1)
 *   D_m        difficulty = row m of difficulty_path when given, else
 *                           difficulty × (1 + difficulty_growth_monthly)^(m − 1)   (must stay >= 1);
 *              with hashprice_floor_usd_per_ph_day, never above the difficulty at which the
 *              hashprice the fleet earns (at D_eff, below) equals the floor:
 *                D_floor = 1e15 × 86,400 × (s_m + fees_btc_per_block) × P_m / (2^32 × floor)
 *                D_m = min(D_m, D_floor) (TRUE), min(D_m, D_floor − D_F) (FALSE: D_eff = D_m + D_F)
 *              (the network's marginal cost: hashrate stops growing, or leaves, when hashprice
 *              falls to it, after a halving too; the path given runs on beneath the floor, so the
 *              difficulty returns to it when price allows). A month's cap uses its mean subsidy
 *              s_m: in a month holding a halving the floor holds on the month's blend, and the
 *              network is taken to adjust within the month (the real difficulty retargets every
 *              2,016 blocks, about two weeks, so hashprice can sit below the floor for up to one
 *              retarget after a halving).
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
 *   tax_run    = site_mw × 1000 kW × 730 h × uptime × energy_tax_usd_per_kwh from month
 *              energy_tax_start_month on (default 1), 0 before it (a tax enacted for a later date)
 *   opex       = opex_usd_per_mw_month × site_mw in a month that runs; idle_opex_pct × that in a month
 *              that does not (default 1: the whole opex either way; mothballing is typically 0.2–0.3)
 *   running_m  = NOT switch_off_below_cost OR revenue_run >= power_run + tax_run + (1 − idle_opex_pct) × opex
 *              (the month's own tax_run: 0 before energy_tax_start_month)
 *              (switch_off_below_cost defaults to TRUE: a month that does not earn what running costs
 *              over idling mines nothing and burns no power; with the default idle_opex_pct of 1 that
 *              is its power and energy tax)
 *   BTC mined, revenue, power, energy tax = the _run values when running_m, else 0
 *   capex, salvage, the stop for good: the fleet's life (fleet-life.ts): a refresh of
 *              refresh_capex_usd_per_th × F is bought in the first month at or after its due date in
 *              which the fleet runs (due every refresh_every_months from the start or the last
 *              purchase), never with fewer than refresh_every_months months of the horizon left;
 *              with stop_for_good the fleet stops in the month that maximises the NPV, is sold then
 *              for fleet_resale_usd_per_th × F (in the salvage column), and nothing follows (no
 *              revenue, power or opex); in the last month the salvage column holds salvage_pct ×
 *              refresh_capex_usd_per_th × F when salvage_pct > 0, else the resale value.
 *   net        = revenue − power − energy tax − opex − capex + salvage
 *   discount factor = (1 + discount_rate)^(−m/12) (annual effective, as the lease), PV = net × factor
 *
 * Simplifications, stated: the difficulty path is given (switching the fleet off does not move
 * it); price and difficulty paths are deterministic; the switch-off decision is month by month
 * on that month's own margin (no start-up cost, no look-ahead); the stop for good, by contrast,
 * is chosen with hindsight of the whole path.
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { HALVING_INTERVAL_BLOCKS, HASHES_PER_DIFFICULTY, TARGET_BLOCK_SECONDS } from "./protocol";
import { Discounted, monthlyDiscountFactor } from "./discounting";
import { discountFactors, FleetRules, fleetPlan, MonthsValued, refreshChain } from "./fleet-life";
import {
  BLOCKS_PER_MONTH,
  floorNetworkDifficulty,
  meanSubsidyBtc,
  MiningPlan,
  monthStartHeight,
  runningCostIn,
  validateMiningPlan,
  ValidMiningPlan,
  variableCostIn,
} from "./mining-plan";

export {
  BLOCKS_PER_MONTH,
  fleetHashrateThs,
  meanSubsidyBtc,
  SUGGESTED_HASHPRICE_FLOOR_USD_PER_PH_DAY,
  validateMiningPlan,
} from "./mining-plan";
export type { MiningPlan, PathCell, ValidMiningPlan } from "./mining-plan";

/** Difficulty × this = EH/s: 2^32 / 600 / 1e18. */
const EHS_PER_DIFFICULTY = HASHES_PER_DIFFICULTY.div(TARGET_BLOCK_SECONDS).div("1e18");

/** One month of mining, USD unless stated. */
export interface MiningMonth {
  month: number;
  startHeight: number;
  subsidy: Decimal; // mean BTC per block this month
  difficulty: Decimal;
  btcPrice: Decimal;
  /** The fleet's share of the network's hashrate while it hashes (0..1). */
  fleetShare: Decimal;
  /** Whether the fleet ran this month (FALSE: switched off, or stopped for good). */
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

/** One month as the monthly loop finds it, before the fleet's life (refreshes, stop, sale) is applied. */
export interface MonthState {
  m: number;
  height: number;
  subsidy: Decimal;
  /** D_m: the path's difficulty, or the floor's when lower. */
  difficulty: Decimal;
  /** The path's difficulty before the floor (= difficulty without a floor). */
  pathDifficulty: Decimal;
  price: Decimal;
  /** hashFactor × (subsidy + fees): the fleet's BTC while running is coin / D_eff. */
  coin: Decimal;
  /** 1 / D_eff: the fleet's share is D_F / D_eff and its BTC coin / D_eff. */
  perDifficulty: Decimal;
  running: boolean;
  /** Whether the month pays the energy tax (from energy_tax_start_month on). */
  taxed: boolean;
  btcRun: Decimal;
  revenueRun: Decimal;
  /** revenue − power − energy tax − opex when running, − idle opex when not. */
  operatingNet: Decimal;
}

/** Why a month's difficulty is what it is, for the error that names the argument responsible. */
type DifficultySource = "growth" | "path" | "floor";

/**
 * The monthly loop of the module header. Hoisted: the variable cost (flat), the fleet's coin a
 * month within a halving epoch (hashFactor × (subsidy + fees), which changes only in a month
 * holding a halving and the month after it) and, on a plain growth path, one reciprocal of the
 * difficulty a month by multiplication in place of two divisions.
 */
function eachMonth(t: ValidMiningPlan, visit: (s: MonthState) => void): void {
  let price = t.price;
  let pathDifficulty = t.difficulty;
  let coinEpoch = -1; // the epoch whose whole-month coin `coin` holds; -1: none yet
  let subsidy = ZERO;
  let coin = ZERO; // hashFactor × (subsidy + fees)
  let perDifficulty = ZERO;
  const shrink = ONE.div(t.difficultyGrowth);
  const plainGrowth = t.difficultyPath === undefined && t.hashpriceFloor === undefined && t.includesFleet;
  for (let m = 1; m <= t.months; m++) {
    if (m > 1) price = price.mul(t.priceGrowth);
    let source: DifficultySource = "growth";
    if (t.difficultyPath !== undefined) {
      pathDifficulty = t.difficultyPath[m - 1];
      source = "path";
    } else if (m > 1) {
      pathDifficulty = pathDifficulty.mul(t.difficultyGrowth);
      if (pathDifficulty.lt(1)) {
        throw new InvalidArgumentError(
          "difficulty_growth_monthly",
          "a rate that keeps the difficulty at 1 or more (the protocol's minimum)",
          `${t.difficultyGrowth.sub(1).toString()}, which takes it to ${pathDifficulty.toSignificantDigits(6).toString()} in month ${m}`,
        );
      }
    }
    const height = monthStartHeight(t.startHeight, m);
    const epoch = Math.floor(height / HALVING_INTERVAL_BLOCKS);
    const wholeEpoch = epoch === Math.floor((height + BLOCKS_PER_MONTH - 1) / HALVING_INTERVAL_BLOCKS);
    if (!wholeEpoch || epoch !== coinEpoch) {
      subsidy = meanSubsidyBtc(height, BLOCKS_PER_MONTH);
      coin = t.hashFactor.mul(subsidy.add(t.fees));
      coinEpoch = wholeEpoch ? epoch : -1;
    }
    let difficulty = pathDifficulty;
    if (t.hashpriceFloor !== undefined) {
      const atFloor = floorNetworkDifficulty(t, t.hashpriceFloor, subsidy, price);
      if (atFloor.lt(difficulty)) {
        difficulty = atFloor;
        source = "floor";
        if (difficulty.lt(1)) {
          throw new InvalidArgumentError(
            "hashprice_floor_usd_per_ph_day",
            "a floor that keeps the difficulty at 1 or more (the protocol's minimum)",
            `${t.hashpriceFloor.toString()}, which takes it to ${difficulty.toSignificantDigits(6).toString()} in month ${m}`,
          );
        }
      }
    }
    let earningDifficulty: Decimal;
    if (t.includesFleet) {
      if (t.fleetDifficulty.gt(difficulty)) throw fleetLargerThanNetwork(m, t.fleet, difficulty, source);
      earningDifficulty = difficulty;
    } else {
      earningDifficulty = difficulty.add(t.fleetDifficulty);
    }
    // 1 / D_eff: by one multiplication a month while D_eff is the growth path itself
    perDifficulty = plainGrowth && m > 1 ? perDifficulty.mul(shrink) : ONE.div(earningDifficulty);
    const btcRun = coin.mul(perDifficulty);
    const revenueRun = btcRun.mul(price);
    const taxed = m >= t.energyTaxStart;
    const running = !t.switchOff || revenueRun.gte(runningCostIn(t, m));
    const operatingNet = running ? revenueRun.sub(variableCostIn(t, m)).sub(t.opex) : t.idleOpex.neg();
    visit({
      m,
      height,
      subsidy,
      difficulty,
      pathDifficulty,
      price,
      coin,
      perDifficulty,
      running,
      taxed,
      btcRun,
      revenueRun,
      operatingNet,
    });
  }
}

/** The rules of the fleet's life (fleet-life.ts) from a validated plan. */
export function fleetRulesOf(t: ValidMiningPlan): FleetRules {
  return {
    fleetPrice: t.fleetPrice,
    refreshEvery: t.refreshEvery,
    resale: t.resale,
    endValue: t.endValue,
    stopForGood: t.stopForGood,
  };
}

/** A plan's months, valued: what the schedule's rows, its NPV and the conversion functions read. */
export interface MinedMonths {
  plan: ValidMiningPlan;
  /** df_m for m = 0..months (empty without a discount rate). */
  discount: Decimal[];
  /** Whether month m runs (index m; index 0 unused). */
  running: boolean[];
  /** The refresh chain, whatever the horizon. */
  chain: number[];
  /** The months as the fleet rules read them (fleet-life.ts), with each month's operating PV (built once, when asked). */
  valued(): MonthsValued;
  /** The rows with the fleet's life applied, and the stop month (built once; `rowsOfMined`). */
  rows(): { rows: MiningMonth[]; stop: number };
}

/**
 * Validates the plan, runs the monthly loop and, with a discount rate, values each month's
 * operating flow. The rate is checked after the plan. The rows are built in the loop (one object
 * a month, as the schedule returns them) and the fleet's life is applied to them once, when asked.
 * @param rateName the rate's public name, for its error
 */
export function minedMonths(plan: MiningPlan, discountRate?: Num, rateName = "discount_rate"): MinedMonths {
  const t = validateMiningPlan(plan);
  const rows: MiningMonth[] = [];
  const operating: Decimal[] = [ZERO];
  const running = [false];
  eachMonth(t, (s) => {
    operating.push(s.operatingNet);
    running.push(s.running);
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
      energyTax: s.running && s.taxed ? t.taxRun : ZERO,
      opex: s.running ? t.opex : t.idleOpex,
      capex: ZERO,
      salvage: ZERO,
      net: s.operatingNet,
    });
  });
  const discount =
    discountRate === undefined ? [] : discountFactors(monthlyDiscountFactor(discountRate, rateName), t.months);
  const chain = refreshChain(running, t.refreshEvery);
  let valued: MonthsValued | undefined;
  let applied: { rows: MiningMonth[]; stop: number } | undefined;
  const mined: MinedMonths = {
    plan: t,
    discount,
    running,
    chain,
    valued: () => (valued ??= valuedMonths(operating, running, discount)),
    rows: () => (applied ??= applyFleet(t, rows, mined)),
  };
  return mined;
}

/** The months with their operating PVs o_m = net_m × df_m (fleet-life.ts). */
function valuedMonths(operating: Decimal[], running: boolean[], discount: Decimal[]): MonthsValued {
  if (discount.length === 0) throw new Error("the months' present values need the discount rate");
  return { operatingPv: operating.map((net, m) => net.mul(discount[m])), running, discount };
}

/** The fleet's life applied to the operating rows, in place: refreshes bought, the stop and the sale, nothing after the stop. */
function applyFleet(
  t: ValidMiningPlan,
  rows: MiningMonth[],
  mined: MinedMonths,
): { rows: MiningMonth[]; stop: number } {
  const { stop, purchases } = fleetOver(t, mined.chain, mined.valued);
  for (const row of rows) {
    if (row.month > stop) {
      row.running = false;
      row.btcMined = row.revenue = row.powerCost = row.energyTax = row.opex = row.net = ZERO;
      continue;
    }
    if (purchases.has(row.month)) {
      row.capex = t.fleetPrice;
      row.net = row.net.sub(t.fleetPrice);
    }
    if (row.month === stop) {
      row.salvage = stop < t.months ? t.resale : t.endValue;
      if (!row.salvage.isZero()) row.net = row.net.add(row.salvage);
    }
  }
  return { rows, stop };
}

/** The month the fleet stops (the horizon's last month when it never stops early) and the refreshes it buys. */
function fleetOver(
  t: ValidMiningPlan,
  chain: readonly number[],
  valued: () => MonthsValued,
): { stop: number; purchases: Set<number> } {
  if (t.stopForGood) {
    const f = fleetPlan(valued(), fleetRulesOf(t), chain, t.months);
    return { stop: f.stop, purchases: new Set(f.purchases) };
  }
  const limit = t.refreshEvery > 0 ? t.months - t.refreshEvery : 0;
  return { stop: t.months, purchases: new Set(chain.filter((c) => c <= limit)) };
}

/** The rows of a plan's months, with the fleet's life applied, and the month it stops (the last when it never stops early). */
export function rowsOfMined(mined: MinedMonths): { rows: MiningMonth[]; stop: number } {
  return mined.rows();
}

/** The monthly loop's states of a validated plan (CONVERSIONBREAKEVEN reprices them). */
export function monthStates(t: ValidMiningPlan): MonthState[] {
  const states: MonthState[] = [];
  eachMonth(t, (s) => states.push(s));
  return states;
}

/**
 * The month-by-month mining schedule (formulas in the module header).
 * @param discountRate annual effective; needed only with stop_for_good (the stop maximises the NPV)
 */
export function miningCashFlows(plan: MiningPlan, discountRate?: Num): MiningMonth[] {
  const mined = minedMonths(plan, discountRate);
  if (mined.plan.stopForGood && discountRate === undefined) {
    throw new InvalidArgumentError(
      "discount_rate",
      "given when stop_for_good is TRUE (the fleet stops in the month that maximises the NPV)",
      "none",
    );
  }
  return rowsOfMined(mined).rows;
}

/** The refusal of a fleet that would out-hash the network (difficulty includes the fleet). */
function fleetLargerThanNetwork(
  month: number,
  fleetThs: Decimal,
  difficulty: Decimal,
  source: DifficultySource,
): InvalidArgumentError {
  const fleetEhs = fleetThs.div(1e6).toSignificantDigits(4).toString();
  const networkEhs = difficulty.mul(EHS_PER_DIFFICULTY).toSignificantDigits(4).toString();
  const got = `a fleet of ${fleetEhs} EH/s against a network of ${networkEhs} EH/s in month ${month}`;
  const within = "(the difficulty includes the fleet)";
  if (source === "path") {
    return new InvalidArgumentError(
      "difficulty_path",
      `difficulties whose network hashrate is at least the fleet's ${within}`,
      `${got} (row ${month})`,
    );
  }
  if (source === "floor") {
    return new InvalidArgumentError(
      "hashprice_floor_usd_per_ph_day",
      `a floor at which the network hashrate stays at least the fleet's ${within}`,
      got,
    );
  }
  // In month 1 any of the fleet's inputs may be the one out of range (a tiny efficiency as much as
  // a huge site): the message names them all, with the formula, rather than blame site_mw.
  return month === 1
    ? new InvalidArgumentError(
        "site_mw",
        `such that the fleet they give (site MW × 1e6 / (J/TH × PUE) TH/s) does not exceed the network hashrate the difficulty implies ${within}`,
        got,
        ["efficiency_j_th", "pue"],
      )
    : new InvalidArgumentError(
        "difficulty_growth_monthly",
        `a rate that keeps the network hashrate at least the fleet's ${within}`,
        got,
      );
}

/** A mining month with its discounting. */
export type DiscountedMiningMonth = Discounted<MiningMonth>;

/** The schedule with discount factors and present values; the present values sum to `miningNpv`. */
export function miningSchedule(plan: MiningPlan, discountRate: Num): DiscountedMiningMonth[] {
  const mined = minedMonths(plan, discountRate);
  const df = mined.discount;
  const rows = rowsOfMined(mined).rows as DiscountedMiningMonth[];
  for (const row of rows) {
    row.discountFactor = df[row.month];
    row.presentValue = row.net.mul(df[row.month]);
  }
  return rows;
}

/**
 * NPV of mining the site over the plan's months at an annual effective rate, USD at month 0: the
 * sum of `miningSchedule`'s present values, in month order (the same nets, without the rows).
 */
export function miningNpv(plan: MiningPlan, discountRate: Num): Decimal {
  // The monthly loop keeping only what the NPV needs (the months' other decimals die young).
  const t = validateMiningPlan(plan);
  const nets: Decimal[] = [ZERO];
  const running = [false];
  eachMonth(t, (s) => {
    nets.push(s.operatingNet);
    running.push(s.running);
  });
  const df = discountFactors(monthlyDiscountFactor(discountRate), t.months);
  const { stop, purchases } = fleetOver(t, refreshChain(running, t.refreshEvery), () =>
    valuedMonths(nets, running, df),
  );
  let npv = ZERO;
  for (let m = 1; m <= stop; m++) {
    let net = nets[m];
    if (purchases.has(m)) net = net.sub(t.fleetPrice);
    if (m === stop) net = net.add(stop < t.months ? t.resale : t.endValue);
    npv = npv.add(net.mul(df[m]));
  }
  return npv;
}
