/**
 * The mining schedule's months in double-double (mining-schedule.ts's `eachMonth`, then each
 * month's operating flow discounted), with every decision the decimal path takes certified:
 *   - each refusal it could raise (a difficulty below 1 on a falling path or under a floor, a fleet
 *     larger than the network) is certainly not raised, else the fast path declines and the
 *     decimal path runs (and raises it);
 *   - which difficulty a month takes under a hashprice floor (the path's or the floor's), and
 *     whether it runs (revenue ≥ what running costs over idling): decided when the two sides differ
 *     by more than both paths' errors, else the fast path declines. A month whose comparison the
 *     bound cannot decide (a revenue equal to its cost to ~30 digits) is left to the decimal path.
 * The months are then valued as fleet-life.ts values them (the stop for good, the refreshes, the
 * fleet's end value) by mining-value.ts.
 *
 * Error bound: every quantity of a month (revenue, power, opex, discount factor, and their
 * products) is within ε_M of its exact value, relative to its own size, where
 *   ε_M = 24·3u² + 40·18u² + 8·28u² + 12·6u² + ε(1 − pool fee) + ε(1 − idle share)
 *         + H·(ε(1 + price growth) + ε(1 + difficulty growth) + ε_v + 3·18u²)
 * (inputs, a few dozen operations, three growth chains of at most H = months links, and the sums
 * 1 + g and 1 − x with their cancellation). A comparison of a and b is decided when
 * |a − b| > (ε_M + DECIMAL_SCHEDULE_ERR) × 1.01 × (the magnitudes of a's and b's parts).
 */
import { HALVING_INTERVAL_BLOCKS } from "../protocol";
import { BLOCKS_PER_MONTH, MiningPlan, PathCell } from "../mining-plan";
import { MAX_LEASE_MONTHS } from "../lease";
import { add, ADD_ERR, DIV_ERR, div, divDouble, mul, mulDouble, MUL_ERR, reg, set, copy } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { DECIMAL_SCHEDULE_ERR, monthlyDiscountInto } from "./monthly-factor";
import { oneMinus } from "./lease-npv";
import { allRead, fractionArg, nonNegativeArg, positiveArg, rateArg, switchArg, wholeArg } from "./schedule-inputs";

/** 1e12 × 86,400 / 2^32 (TH-day hashes over 2^32): a double exactly. */
const TH_DAY = 20116567.6116943359375;
/** × 1000: per PH/s. */
const PH_DAY = 20116567611.6943359375;
/** 1e12 × 600 / 2^32: difficulty per TH/s, a double exactly. */
const DIFFICULTY_PER_THS = 139698.38619232177734375;
/** Satoshis per BTC × blocks a month: mean subsidy = satoshis of the month's blocks / this. */
const SATS_MONTH = 1e8 * BLOCKS_PER_MONTH;

/** A plan's arguments as doubles the decimal path certainly accepts. */
export interface MiningDoubles {
  siteMw: number;
  efficiency: number;
  pue: number;
  powerPrice: number;
  price: number;
  difficulty: number;
  startHeight: number;
  months: number;
  fees: number;
  poolFee: number;
  uptime: number;
  difficultyGrowth: number;
  priceGrowth: number;
  opexPerMw: number;
  refreshPerTh: number;
  refreshEvery: number;
  tax: number;
  /** The first month the energy tax is paid in (energy_tax_start_month; 1 = from the start). */
  taxStart: number;
  switchOff: boolean;
  salvage: number;
  includesFleet: boolean;
  idleShare: number;
  stopForGood: boolean;
  resalePerTh: number;
  path: readonly number[] | undefined;
  floor: number;
}

const atLeastOne = (x: number) => (x >= 1 ? x : NaN);

/** The plan as doubles when `validateMiningPlan` certainly accepts it; else undefined. */
export function miningDoubles(p: MiningPlan, months?: number): MiningDoubles | undefined {
  const switchOff = switchArg(p.switch_off_below_cost, true);
  const includesFleet = switchArg(p.difficulty_includes_fleet, true);
  const stopForGood = switchArg(p.stop_for_good, false);
  if (switchOff === undefined || includesFleet === undefined || stopForGood === undefined) return undefined;
  const pue = positiveArg(p.pue);
  const difficulty = positiveArg(p.difficulty);
  const H = months ?? wholeArg(p.months, MAX_LEASE_MONTHS + 1);
  const d: MiningDoubles = {
    siteMw: positiveArg(p.site_mw),
    efficiency: positiveArg(p.efficiency_j_th),
    pue: pue >= 1 ? pue : NaN,
    powerPrice: nonNegativeArg(p.power_price_kwh),
    price: positiveArg(p.btc_price),
    difficulty: difficulty >= 1 ? difficulty : NaN,
    startHeight: wholeArg(p.start_height, 2 ** 50),
    months: H >= 1 ? H : NaN,
    fees: nonNegativeArg(p.fees_btc_per_block, 0),
    poolFee: fractionArg(p.pool_fee, 0),
    uptime: fractionArg(p.uptime, 1),
    difficultyGrowth: rateArg(p.difficulty_growth_monthly, 0),
    priceGrowth: rateArg(p.btc_price_growth_monthly, 0),
    opexPerMw: nonNegativeArg(p.opex_usd_per_mw_month, 0),
    refreshPerTh: nonNegativeArg(p.refresh_capex_usd_per_th, 0),
    refreshEvery: wholeArg(p.refresh_every_months, 2 ** 50, 0),
    tax: nonNegativeArg(p.energy_tax_usd_per_kwh, 0),
    taxStart: atLeastOne(wholeArg(p.energy_tax_start_month, 2 ** 50, 1)),
    switchOff,
    salvage: fractionArg(p.salvage_pct, 0),
    includesFleet,
    idleShare: fractionArg(p.idle_opex_pct, 1),
    stopForGood,
    resalePerTh: nonNegativeArg(p.fleet_resale_usd_per_th, 0),
    path: undefined,
    floor: p.hashprice_floor_usd_per_ph_day === undefined ? 0 : positiveArg(p.hashprice_floor_usd_per_ph_day),
  };
  if (!allRead(...Object.values(d).filter((x): x is number => typeof x === "number"))) return undefined;
  if (d.salvage > 0 && d.refreshPerTh === 0) return undefined; // refused: salvage of a fleet with no price
  if (p.difficulty_path !== undefined) {
    // A single number (a flat path) goes to the decimal path, which spreads it over the months.
    if (!Array.isArray(p.difficulty_path)) return undefined;
    const column = p.difficulty_path as readonly PathCell[];
    if (column.length < H) return undefined;
    for (let i = 0; i < H; i++) {
      const x = column[i];
      if (!(typeof x === "number" && x >= 1 && x - x === 0)) return undefined;
    }
    d.path = column as number[];
  }
  return d;
}

// Registers: the months' state and constants (0..24); 25 and 26 hold the untaxed costs during the
// month loop only (lease-npv.ts's SUM and monthly-factor.ts's 26..29 are not used within it:
// monthlyDiscountInto runs before they are set).
const V = 0; // monthly discount factor
const DF = 1; // v^m
const PRICE = 2;
const PG = 3; // 1 + price growth
const DIFF = 4; // the path's difficulty
const DG = 5; // 1 + difficulty growth
const HF = 6; // hash factor: BTC a month = HF × (subsidy + fees) / D_eff
const COIN = 7; // HF × (subsidy + fees)
const REWARD = 8; // subsidy + fees
const FD = 9; // the fleet's own difficulty
const VC = 10; // power + energy tax of a running month
const OPEX = 11;
const IDLE = 12;
const RC = 13; // running cost over idling: VC + OPEX − IDLE
const FLOOR = 14;
const T1 = 15;
const T2 = 16;
const T3 = 17;
const ONE = 18;
const FEES = 19;
const FLEET = 20;
const VC0 = 25; // a running month's power before the energy tax starts
const RC0 = 26; // running cost over idling before the energy tax starts

/** The months' results: read by mining-value.ts (arrays indexed by month, hi/lo interleaved). */
export const months = {
  H: 0,
  /** ε_M (module header). */
  eps: 0,
  running: new Uint8Array(0),
  /** o_m: month m's operating flow × df_m. */
  operating: new Float64Array(0),
  /** df_m = v^m, m = 0..H. */
  discount: new Float64Array(0),
  /** The magnitudes of month m's parts (revenue, power, tax, opex, or idle opex) × df_m. */
  magnitude: new Float64Array(0),
  /** Fleet price, resale R, end value E (hi, lo interleaved; each within ε_M). */
  fleet: new Float64Array(6),
  refreshEvery: 0,
  stopForGood: false,
  /** With `record`: each month's coin (hash factor × (subsidy + fees)), path difficulty and 1 / D_eff. */
  coin: new Float64Array(0),
  path: new Float64Array(0),
  perDifficulty: new Float64Array(0),
  /** With `record`: 1 + price growth, power + tax + opex, idle opex, running cost, D_F, the floor, the hash factor. */
  constants: new Float64Array(14),
};

function grow(H: number): void {
  if (months.running.length > H) return;
  months.running = new Uint8Array(H + 1);
  months.operating = new Float64Array(2 * (H + 1));
  months.discount = new Float64Array(2 * (H + 1));
  months.magnitude = new Float64Array(H + 1);
  months.coin = new Float64Array(2 * (H + 1));
  months.path = new Float64Array(2 * (H + 1));
  months.perDifficulty = new Float64Array(2 * (H + 1));
}

const store = (a: Float64Array, i: number, k: number) => {
  a[2 * i] = reg[2 * k];
  a[2 * i + 1] = reg[2 * k + 1];
};

/** Whether a ≥ b (registers), decided beyond the bound `err`: 1 yes, 0 no, −1 undecided. */
function compare(a: number, b: number, err: number): number {
  add(T3, a, b, -1);
  const d = reg[2 * T3];
  if (d > err) return 1;
  if (d < -err) return 0;
  return -1;
}

/** Satoshis of the 4,380 blocks from height h (exact: integers below 2^53). */
function monthSats(h: number): number {
  let sats = 0;
  const end = h + BLOCKS_PER_MONTH;
  while (h < end) {
    const epoch = Math.floor(h / HALVING_INTERVAL_BLOCKS);
    const upto = Math.min(end, (epoch + 1) * HALVING_INTERVAL_BLOCKS);
    sats += (upto - h) * (epoch >= 64 ? 0 : Math.floor(5e9 / 2 ** epoch));
    h = upto;
  }
  return sats;
}

/**
 * Runs the months of the plan at the annual discount rate into `months`; false when the fast path
 * declines (an argument the decimal path might refuse or reads otherwise, a refusal it might raise,
 * a decision the bound cannot take).
 */
export function mineMonths(d: MiningDoubles, rate: number, record = false): boolean {
  const H = d.months;
  grow(H);
  const epsV = monthlyDiscountInto(V, T1, rate);
  if (epsV !== epsV) return false;
  const r = (k: number, x: number) => readInto(k, x);
  // the fleet F = site × 1e6 / (efficiency × PUE), its difficulty, the hash factor
  if (!r(T1, d.siteMw) || !r(T2, d.efficiency) || !r(T3, d.pue)) return false;
  mul(T2, T2, T3);
  mulDouble(FLEET, T1, 1e6);
  div(FLEET, FLEET, T2);
  mulDouble(FD, FLEET, DIFFICULTY_PER_THS);
  const epsNet = oneMinus(T2, d.poolFee, T3); // 1 − pool fee
  const epsIdle = oneMinus(IDLE, d.idleShare, T3); // 1 − idle share (kept for the running cost)
  if (epsNet !== epsNet || epsIdle !== epsIdle || !r(T1, d.uptime)) return false;
  mul(HF, FLEET, T1);
  mul(HF, HF, T2);
  set(T2, 365, 0);
  divDouble(T2, T2, 12);
  mul(HF, HF, T2);
  mulDouble(HF, HF, TH_DAY);
  // costs: kWh a month = site × 1000 × 730 × uptime
  r(T2, d.siteMw);
  mulDouble(T2, T2, 730_000);
  mul(T2, T2, T1);
  if (!r(T1, d.powerPrice) || !r(T3, d.tax)) return false;
  mul(VC, T2, T1);
  copy(VC0, VC);
  mul(T3, T2, T3);
  add(VC, VC, T3);
  if (!r(T1, d.opexPerMw)) return false;
  r(T2, d.siteMw);
  mul(OPEX, T1, T2);
  mul(RC, OPEX, IDLE); // opex × (1 − idle share)
  add(RC0, RC, VC0);
  add(RC, RC, VC);
  if (!r(T1, d.idleShare)) return false;
  mul(IDLE, OPEX, T1);
  // the fleet's price, resale and end value
  if (!r(T1, d.refreshPerTh) || !r(T2, d.resalePerTh) || !r(T3, d.salvage)) return false;
  mul(T1, T1, FLEET);
  store(months.fleet, 0, T1);
  mul(T2, T2, FLEET);
  store(months.fleet, 1, T2);
  if (d.salvage > 0) mul(T2, T1, T3);
  store(months.fleet, 2, T2);
  // growth factors
  set(ONE, 1, 0);
  const growth = (k: number, g: number) => {
    r(T1, g);
    add(k, ONE, T1);
    return ((ADD_ERR * (1 + Math.abs(g)) + INPUT_ERR * Math.abs(g)) / (1 + g)) * 1.001;
  };
  if (!r(T1, d.priceGrowth) || !r(T2, d.difficultyGrowth) || !r(PRICE, d.price) || !r(FEES, d.fees)) return false;
  const epsPg = growth(PG, d.priceGrowth);
  const epsDg = d.path ? 0 : growth(DG, d.difficultyGrowth);
  if (!r(DIFF, d.difficulty)) return false;
  if (d.floor > 0 && !r(FLOOR, d.floor)) return false;
  const eps =
    (24 * INPUT_ERR +
      40 * MUL_ERR +
      8 * DIV_ERR +
      12 * ADD_ERR +
      epsNet +
      epsIdle +
      H * (epsPg + epsDg + epsV + 3 * MUL_ERR)) *
    1.001;
  const cmpErr = (eps + DECIMAL_SCHEDULE_ERR) * 1.01;
  // The breakeven's recorded constants hold one running cost for every month.
  if (record && d.taxStart > 1 && d.tax !== 0) return false;
  months.H = H;
  months.eps = eps;
  months.refreshEvery = d.refreshEvery;
  months.stopForGood = d.stopForGood;
  // what running costs over idling is exactly 0 (no power, no energy tax, and idle opex is all of it)
  const freeToRun = (d.powerPrice === 0 && d.tax === 0) || d.uptime === 0;
  const costFree = freeToRun && (d.opexPerMw === 0 || d.idleShare === 1);
  const vcTaxed = Math.abs(reg[2 * VC]);
  const vcUntaxed = Math.abs(reg[2 * VC0]);
  const opex = Math.abs(reg[2 * OPEX]);
  const idle = Math.abs(reg[2 * IDLE]);
  const rcMagnitude = vcTaxed + opex + idle; // a bound for the untaxed months too
  if (record) {
    const c = months.constants;
    add(T1, VC, OPEX);
    [PG, T1, IDLE, RC, FD, FLOOR, HF].forEach((k, i) => {
      c[2 * i] = reg[2 * k];
      c[2 * i + 1] = reg[2 * k + 1];
    });
  }
  set(DF, 1, 0);
  store(months.discount, 0, DF);
  let lastSats = -1;
  for (let m = 1; m <= H; m++) {
    if (m > 1) mul(PRICE, PRICE, PG);
    mul(DF, DF, V);
    store(months.discount, m, DF);
    if (d.path) {
      if (!r(DIFF, d.path[m - 1])) return false;
    } else if (m > 1) {
      mul(DIFF, DIFF, DG);
      // a falling path must stay at 1 or more
      if (d.difficultyGrowth < 0) {
        set(T1, 1, 0);
        if (compare(DIFF, T1, cmpErr * (reg[2 * DIFF] + 1)) !== 1) return false;
      }
    }
    const sats = monthSats(d.startHeight + BLOCKS_PER_MONTH * (m - 1));
    if (sats !== lastSats) {
      set(REWARD, sats, 0);
      divDouble(REWARD, REWARD, SATS_MONTH);
      add(REWARD, REWARD, FEES);
      mul(COIN, HF, REWARD);
      lastSats = sats;
    }
    let D = DIFF;
    if (d.floor > 0) {
      // the network difficulty at which the hashprice the fleet earns is the floor (less D_F when
      // the difficulty excludes the fleet); the bounds scale with the magnitude before that subtraction
      mulDouble(T1, REWARD, PH_DAY);
      mul(T1, T1, PRICE);
      div(T1, T1, FLOOR);
      const atFloor = Math.abs(reg[2 * T1]);
      if (!d.includesFleet) add(T1, T1, FD, -1);
      const below = compare(T1, DIFF, cmpErr * (atFloor + reg[2 * FD] + reg[2 * DIFF]));
      if (below === -1) return false;
      if (below === 0) {
        set(T2, 1, 0);
        if (compare(T1, T2, cmpErr * (atFloor + reg[2 * FD] + 1)) !== 1) return false; // the floor's difficulty ≥ 1
        copy(T2, T1);
        D = T2;
      }
    }
    if (d.includesFleet) {
      if (compare(D, FD, cmpErr * (reg[2 * D] + reg[2 * FD])) !== 1) return false; // the fleet within the network
      copy(T1, D);
    } else add(T1, D, FD);
    if (record) {
      store(months.coin, m, COIN);
      store(months.path, m, DIFF);
      set(T3, 1, 0);
      div(T3, T3, T1);
      store(months.perDifficulty, m, T3);
    }
    // revenue while running: COIN / D_eff × price
    div(T1, COIN, T1);
    mul(T1, T1, PRICE);
    const revenue = Math.abs(reg[2 * T1]);
    const taxed = m >= d.taxStart;
    const vc = taxed ? vcTaxed : vcUntaxed;
    let runs = true;
    if (d.switchOff && !costFree) {
      const c = compare(T1, taxed ? RC : RC0, cmpErr * (revenue + rcMagnitude));
      if (c === -1) return false;
      runs = c === 1;
    }
    months.running[m] = runs ? 1 : 0;
    if (runs) {
      add(T1, T1, taxed ? VC : VC0, -1);
      add(T1, T1, OPEX, -1);
      months.magnitude[m] = (revenue + vc + opex) * reg[2 * DF];
    } else {
      set(T1, -reg[2 * IDLE], -reg[2 * IDLE + 1]);
      months.magnitude[m] = idle * reg[2 * DF];
    }
    mul(T1, T1, DF);
    store(months.operating, m, T1);
  }
  return true;
}
