/**
 * Certified double-double evaluations of the per-cell mining formulas: cost per BTC (cash and
 * all-in, and by component), the breakevens, hashprice and BTC per day.
 *
 * Each takes the arguments as the decimal path receives them (numbers, defaults applied) and
 * returns the double the decimal path's `toNumber()` gives, or NaN when it cannot prove it:
 * - whenever the decimal path could throw (a bad argument, no BTC earned, no breakeven), so
 *   that its error, and its message, come from the decimal path itself;
 * - when an argument is not read exactly (`exact-input.ts`);
 * - when the result lies too near a rounding boundary (`rounding.ts`).
 *
 * Error bounds are relative, in u² = 2^-106, summed over the steps of each formula: 3u² for each
 * input read (INPUT_ERR), 18u² per product, 28u² per quotient, 6u² per sum of same-sign terms
 * (`double-double.ts`). To first order, relative errors add through products, quotients and
 * same-sign sums; the second-order rest is covered by `roundedIfCertain`'s slack. Differences
 * (1 − pool_fee, revenue − opex) add an absolute error, turned relative at run time.
 */
import { add, ADD_ERR, copy, DIV_ERR, div, mul, mulDouble, MUL_ERR, reg, set } from "./double-double";
import { decimalOffset, INPUT_ERR, readInto } from "./exact-input";
import { roundedIfCertain } from "./rounding";

/** 1e12 × 86,400 / 2^32 = 164,794,921,875 / 8,192: a double exactly (the numerator is below 2^53). */
const TH_DAY = 20116567.6116943359375;
/** TH_DAY × 1000 (per PH/s): 164,794,921,875,000 / 8,192, a double exactly too. */
const TH_PH_DAY = 20116567611.6943359375;
/** kWh per TH-day per J/TH: 24 / 1000, read as the decimal 0.024 like an input. */
const KWH = 0.024;
const KWH_LO = decimalOffset(KWH);
const DAYS_PER_YEAR = 365;

// Double-double registers (`reg`): inputs, then intermediate values. The evaluators never nest.
const SUBSIDY = 0;
const FEES = 1;
const UPTIME = 2;
const POOL = 3;
const POWER_PRICE = 4;
const EFFICIENCY = 5;
const DIFFICULTY = 6;
const OPEX = 7;
const MACHINE_COST = 8;
const LIFE = 9;
const SGA = 10;
const STOCK_COMP = 11;
const TAX = 12;
const PRICE = 13;
const DEN = 14; // BTC earned per TH-day × difficulty, or the earned share
const NET = 15; // 1 − pool_fee
const ONE = 16;
const KWH_USED = 17; // kWh per TH-day × uptime
const ACC = 18;
const TMP = 19;
const PART = 20; // 20..25: power, energy tax, opex, SG&A, depreciation, stock comp per TH-day
const COST = 26;
const W = 27;

/**
 * Each formula's last denominator: subsidy, fees, uptime, pool_fee, then its hi, lo and error.
 * In a grid these rarely change from cell to cell.
 */
type Memo = Float64Array;
const memo = (): Memo => new Float64Array([NaN, NaN, NaN, NaN, 0, 0, 0]);
const cash = memo();
const allIn = memo();
const power = memo();

/** Relative error of 1 − d (d = pool_fee, 0 < d < 1, read with error INPUT_ERR·d): see module comment. */
function netError(d: number): number {
  return ((ADD_ERR * (1 + d) + INPUT_ERR * d) / (1 - d)) * (1 + 2 ** -40);
}

/** Reads input x into register k; false when not decided. */
const read = readInto;

/**
 * The share of a TH-day's BTC that is earned: uptime × (1 − pool_fee), into register DEN.
 * @returns its relative error, or NaN when a reader is undecided
 */
function earnedShare(uptime: number, poolFee: number): number {
  if (!read(UPTIME, uptime) || !read(POOL, poolFee)) return NaN;
  copy(DEN, UPTIME);
  let err = INPUT_ERR;
  if (poolFee !== 0) {
    set(ONE, 1, 0);
    add(NET, ONE, POOL, -1);
    mul(DEN, DEN, NET);
    err += netError(poolFee) + MUL_ERR;
  }
  return err;
}

/**
 * BTC earned per TH-day × difficulty: TH_DAY × (subsidy + fees) × uptime × (1 − pool_fee), into
 * register DEN.
 * @returns its relative error, or NaN when a reader is undecided
 */
function earnedTimesDifficulty(last: Memo, subsidy: number, fees: number, uptime: number, poolFee: number): number {
  if (last[0] === subsidy && last[1] === fees && last[2] === uptime && last[3] === poolFee) {
    set(DEN, last[4], last[5]); // only DEN: the input registers may hold another call's values
    return last[6];
  }
  if (!read(SUBSIDY, subsidy) || !read(FEES, fees)) return NaN;
  let err = earnedShare(uptime, poolFee);
  if (err !== err) return NaN;
  add(ACC, SUBSIDY, FEES);
  mulDouble(ACC, ACC, TH_DAY); // TH_DAY is exact
  mul(DEN, DEN, ACC);
  // inputs subsidy and fees, their sum, two products
  err += 2 * INPUT_ERR + ADD_ERR + 2 * MUL_ERR;
  last.set([subsidy, fees, uptime, poolFee, reg[2 * DEN], reg[2 * DEN + 1], err]);
  return err;
}

/** Whether subsidy and fees give a reward the decimal path accepts and that is not zero. */
const rewardOk = (subsidy: number, fees: number) => subsidy >= 0 && subsidy <= 50 && fees >= 0 && subsidy + fees > 0;

/** COSTPERBTC: (efficiency × 0.024 × power_price + opex) × difficulty / (TH_DAY × reward × (1 − pool_fee)). */
export function cashCostFast(
  powerPrice: number,
  efficiency: number,
  difficulty: number,
  fees: number,
  poolFee: number,
  opex: number,
  subsidy: number,
): number {
  if (!(powerPrice >= 0 && efficiency > 0 && difficulty >= 1 && poolFee >= 0 && poolFee < 1 && opex >= 0)) return NaN;
  if (!rewardOk(subsidy, fees)) return NaN;
  const denErr = earnedTimesDifficulty(cash, subsidy, fees, 1, poolFee);
  if (denErr !== denErr) return NaN;
  if (!read(POWER_PRICE, powerPrice) || !read(EFFICIENCY, efficiency)) return NaN;
  if (!read(DIFFICULTY, difficulty) || !read(OPEX, opex)) return NaN;
  if (powerPrice === 0 && opex === 0) return 0; // nothing costs anything: the decimal path's exact 0
  // inputs efficiency, 0.024, difficulty; products × 0.024 and × difficulty; the quotient
  let err = 3 * INPUT_ERR + 2 * MUL_ERR + DIV_ERR + denErr;
  set(ACC, 0, 0);
  if (powerPrice !== 0) {
    set(TMP, KWH, KWH_LO);
    mul(ACC, EFFICIENCY, TMP);
    mul(ACC, ACC, POWER_PRICE);
    err += INPUT_ERR + MUL_ERR;
  }
  if (opex !== 0) {
    add(ACC, ACC, OPEX);
    err += INPUT_ERR + ADD_ERR;
  }
  mul(ACC, ACC, DIFFICULTY);
  div(ACC, ACC, DEN);
  return roundedIfCertain(ACC, err);
}

/**
 * Costs per TH-day (USD) into registers PART..PART+5: power = kWh × uptime × power_price,
 * energy tax = kWh × uptime × tax, opex, SG&A, depreciation = machine_cost / (life × 365), stock
 * comp; their sum into COST. Reads every input it uses, uptime included: registers are shared
 * by all formulas, so none may rely on another call having left a value in one.
 * @returns a relative error bound for the sum and for each part, or NaN when a reader is undecided
 */
function allInCosts(
  powerPrice: number,
  efficiency: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
): number {
  if (!read(POWER_PRICE, powerPrice) || !read(EFFICIENCY, efficiency) || !read(OPEX, opex)) return NaN;
  if (!read(MACHINE_COST, machineCost) || !read(LIFE, life) || !read(SGA, sga)) return NaN;
  if (!read(STOCK_COMP, stockComp) || !read(TAX, tax) || !read(UPTIME, uptime)) return NaN;
  // kWh used per TH-day: efficiency × 0.024 × uptime (inputs 3, products 2)
  set(TMP, KWH, KWH_LO);
  mul(KWH_USED, EFFICIENCY, TMP);
  if (uptime !== 1) mul(KWH_USED, KWH_USED, UPTIME);
  const kwhErr = 3 * INPUT_ERR + 2 * MUL_ERR;
  // The sum's relative error is at most the largest part's plus one ADD_ERR per addition;
  // bounded here (for the sum and every part) by the sum of all of them.
  let err = 0;
  set(PART, 0, 0);
  set(PART + 1, 0, 0);
  set(PART + 4, 0, 0);
  if (powerPrice !== 0) {
    mul(PART, KWH_USED, POWER_PRICE);
    err += kwhErr + INPUT_ERR + MUL_ERR;
  }
  if (tax !== 0) {
    mul(PART + 1, KWH_USED, TAX);
    err += kwhErr + INPUT_ERR + MUL_ERR;
  }
  copy(PART + 2, OPEX);
  copy(PART + 3, SGA);
  if (machineCost !== 0) {
    mulDouble(TMP, LIFE, DAYS_PER_YEAR);
    div(PART + 4, MACHINE_COST, TMP);
    err += 2 * INPUT_ERR + MUL_ERR + DIV_ERR;
  }
  copy(PART + 5, STOCK_COMP);
  err += 3 * INPUT_ERR; // opex, SG&A, stock comp
  set(COST, 0, 0);
  for (let k = PART; k < PART + 6; k++) {
    if (reg[2 * k] === 0) continue;
    add(COST, COST, k);
    err += ADD_ERR;
  }
  return err;
}

/** The all-in arguments the decimal path accepts (apart from difficulty, subsidy and fees). */
function allInArgsOk(
  powerPrice: number,
  efficiency: number,
  poolFee: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
): boolean {
  return (
    powerPrice >= 0 &&
    efficiency > 0 &&
    poolFee >= 0 &&
    poolFee < 1 &&
    opex >= 0 &&
    machineCost >= 0 &&
    life > 0 &&
    sga >= 0 &&
    stockComp >= 0 &&
    tax >= 0 &&
    uptime > 0 &&
    uptime <= 1
  );
}

/**
 * Shared by ALLINCOSTPERBTC and COSTBREAKDOWN: the costs (COST, PART..) and W = difficulty /
 * (TH_DAY × reward × uptime × (1 − pool_fee)), the USD-per-BTC factor of a cost per TH-day.
 * @returns the relative error bound of every line × W, or NaN
 */
function allInPerBtc(
  powerPrice: number,
  efficiency: number,
  difficulty: number,
  fees: number,
  poolFee: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
  subsidy: number,
): number {
  if (!allInArgsOk(powerPrice, efficiency, poolFee, opex, machineCost, life, sga, stockComp, tax, uptime)) return NaN;
  if (!(difficulty >= 1 && rewardOk(subsidy, fees))) return NaN;
  const denErr = earnedTimesDifficulty(allIn, subsidy, fees, uptime, poolFee);
  if (denErr !== denErr) return NaN;
  const costErr = allInCosts(powerPrice, efficiency, opex, machineCost, life, sga, stockComp, tax, uptime);
  if (costErr !== costErr || !read(DIFFICULTY, difficulty)) return NaN;
  div(W, DIFFICULTY, DEN);
  // each line: its error, W's (difficulty read, the quotient), the product
  return costErr + denErr + INPUT_ERR + DIV_ERR + MUL_ERR;
}

/**
 * ALLINCOSTPERBTC and BREAKEVENPRICE: costs per TH-day × difficulty / (TH_DAY × reward ×
 * uptime × (1 − pool_fee)).
 */
export function allInCostFast(
  powerPrice: number,
  efficiency: number,
  difficulty: number,
  fees: number,
  poolFee: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
  subsidy: number,
): number {
  const err = allInPerBtc(
    powerPrice,
    efficiency,
    difficulty,
    fees,
    poolFee,
    opex,
    machineCost,
    life,
    sga,
    stockComp,
    tax,
    uptime,
    subsidy,
  );
  if (err !== err) return NaN;
  if (reg[2 * COST] === 0) return 0; // no costs: the decimal path's exact 0
  mul(ACC, COST, W);
  return roundedIfCertain(ACC, err);
}

/** COSTBREAKDOWN's eight numbers, in the order of `CostPerBtc`'s fields. */
export interface CostPerBtcDoubles {
  power: number;
  energyTax: number;
  opex: number;
  sga: number;
  depreciation: number;
  stockComp: number;
  cash: number;
  allIn: number;
}

/**
 * Each line of the breakdown: its cost per TH-day × W (see allInPerBtc); cash and all-in from
 * the sums of their lines per TH-day. Undefined unless all eight are certified.
 */
export function breakdownFast(
  powerPrice: number,
  efficiency: number,
  difficulty: number,
  fees: number,
  poolFee: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
  subsidy: number,
): CostPerBtcDoubles | undefined {
  const err = allInPerBtc(
    powerPrice,
    efficiency,
    difficulty,
    fees,
    poolFee,
    opex,
    machineCost,
    life,
    sga,
    stockComp,
    tax,
    uptime,
    subsidy,
  );
  if (err !== err) return undefined;
  // cash = power + energy tax + opex + SG&A: a subset of COST's additions, within its bound
  set(ACC, 0, 0);
  for (let k = PART; k < PART + 4; k++) if (reg[2 * k] !== 0) add(ACC, ACC, k);
  const perBtc = (k: number) => {
    if (reg[2 * k] === 0) return 0;
    mul(TMP, k, W);
    return roundedIfCertain(TMP, err);
  };
  const result: CostPerBtcDoubles = {
    power: perBtc(PART),
    energyTax: perBtc(PART + 1),
    opex: perBtc(PART + 2),
    sga: perBtc(PART + 3),
    depreciation: perBtc(PART + 4),
    stockComp: perBtc(PART + 5),
    cash: perBtc(ACC),
    allIn: perBtc(COST),
  };
  for (const k in result) if (Number.isNaN(result[k as keyof CostPerBtcDoubles])) return undefined;
  return result;
}

/**
 * BREAKEVENPOWER: (TH_DAY × reward × (1 − pool_fee) × btc_price / difficulty − opex) /
 * (efficiency × 0.024). NaN where the decimal path says no breakeven (opex above revenue), and
 * wherever the difference's sign is not certain.
 */
export function breakevenPowerFast(
  price: number,
  efficiency: number,
  difficulty: number,
  fees: number,
  poolFee: number,
  opex: number,
  subsidy: number,
): number {
  // (pool_fee 1 or no reward: revenue 0, the answer 0 or none; the decimal path decides)
  if (!(price > 0 && efficiency > 0 && difficulty >= 1 && poolFee >= 0 && poolFee < 1 && opex >= 0)) return NaN;
  if (!rewardOk(subsidy, fees)) return NaN;
  const denErr = earnedTimesDifficulty(power, subsidy, fees, 1, poolFee);
  if (denErr !== denErr) return NaN;
  if (!read(PRICE, price) || !read(EFFICIENCY, efficiency)) return NaN;
  if (!read(DIFFICULTY, difficulty) || !read(OPEX, opex)) return NaN;
  // revenue per TH-day: earned × difficulty × price / difficulty
  mul(ACC, DEN, PRICE);
  div(ACC, ACC, DIFFICULTY);
  const revErr = denErr + 2 * INPUT_ERR + MUL_ERR + DIV_ERR;
  let roomErr = revErr;
  if (opex !== 0) {
    const revenue = reg[2 * ACC];
    add(ACC, ACC, OPEX, -1);
    const room = reg[2 * ACC];
    // absolute error: revenue's, opex's reading, the subtraction; and the decimal path's own
    // roundings of revenue (2^-120 of it) amplified by the cancellation
    const absErr = revErr * revenue + INPUT_ERR * opex + ADD_ERR * (revenue + opex) + 2 ** -120 * (revenue + opex);
    // Decided only when revenue − opex is certainly positive, by far: then the exact difference
    // is at least room − absErr ≥ room(1 − 2^-20), and absErr / room (1 + 2^-19) bounds its
    // relative error.
    if (!(room > absErr * 2 ** 20)) return NaN;
    roomErr = (absErr / room) * (1 + 2 ** -19);
  }
  set(TMP, KWH, KWH_LO);
  mul(TMP, EFFICIENCY, TMP);
  div(ACC, ACC, TMP);
  return roundedIfCertain(ACC, roomErr + 2 * INPUT_ERR + MUL_ERR + DIV_ERR);
}

/**
 * BREAKEVENHASHPRICE: costs per TH-day / (uptime × (1 − pool_fee)) × 1000, USD per PH/s-day.
 */
export function breakevenHashpriceFast(
  powerPrice: number,
  efficiency: number,
  poolFee: number,
  opex: number,
  machineCost: number,
  life: number,
  sga: number,
  stockComp: number,
  tax: number,
  uptime: number,
): number {
  if (!allInArgsOk(powerPrice, efficiency, poolFee, opex, machineCost, life, sga, stockComp, tax, uptime)) return NaN;
  const denErr = earnedShare(uptime, poolFee);
  if (denErr !== denErr) return NaN;
  const costErr = allInCosts(powerPrice, efficiency, opex, machineCost, life, sga, stockComp, tax, uptime);
  if (costErr !== costErr) return NaN;
  if (reg[2 * COST] === 0) return 0;
  div(ACC, COST, DEN);
  mulDouble(ACC, ACC, 1000);
  return roundedIfCertain(ACC, costErr + denErr + DIV_ERR + MUL_ERR);
}

/** HASHPRICE: TH_DAY × 1000 × reward × btc_price / difficulty, USD per PH/s-day. */
export function hashpriceFast(price: number, difficulty: number, fees: number, subsidy: number): number {
  if (!(price > 0 && difficulty >= 1 && subsidy >= 0 && subsidy <= 50 && fees >= 0)) return NaN;
  return perDifficulty(TH_PH_DAY, price, difficulty, fees, subsidy);
}

/** BTCPERDAY: hashrate × TH_DAY × reward / difficulty, BTC per day. */
export function btcPerDayFast(hashrate: number, difficulty: number, fees: number, subsidy: number): number {
  if (!(hashrate >= 0 && difficulty >= 1 && subsidy >= 0 && subsidy <= 50 && fees >= 0)) return NaN;
  if (hashrate === 0 || subsidy + fees === 0) return 0; // the decimal path's exact 0
  return perDifficulty(TH_DAY, hashrate, difficulty, fees, subsidy);
}

/** constant × (subsidy + fees) × x / difficulty, the constant an exact double. */
function perDifficulty(constant: number, x: number, difficulty: number, fees: number, subsidy: number): number {
  if (!read(SUBSIDY, subsidy) || !read(FEES, fees) || !read(PRICE, x) || !read(DIFFICULTY, difficulty)) return NaN;
  if (subsidy + fees === 0) return 0;
  add(ACC, SUBSIDY, FEES);
  mulDouble(ACC, ACC, constant);
  mul(ACC, ACC, PRICE);
  div(ACC, ACC, DIFFICULTY);
  // inputs subsidy, fees, x, difficulty; one sum, two products, one quotient
  return roundedIfCertain(ACC, 4 * INPUT_ERR + ADD_ERR + 2 * MUL_ERR + DIV_ERR);
}
