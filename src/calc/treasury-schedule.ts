/**
 * The treasury month by month: a miner's (or any holder's) cash and BTC under a selling policy.
 *
 * Start: `cash` and `btc` held. Month t = 1..months, all flows at the end of the month, in order:
 *   price_t   = btc_price × (1 + btc_price_growth_monthly)^(t − 1), or the t-th value of a column
 *               (as MININGCASHFLOWS prices its months, so the two schedules line up)
 *   mined_t   = btc_mined (number, or the t-th value of a column): received this month and
 *               available for sale this month (pools pay out daily)
 *   planned_t = the policy's sale: HOLD 0; SELLALL mined_t; SELLPCT sell_fraction × mined_t
 *               (any policy is forced beyond it when cash would fall below min_cash: SELLALL only
 *               when even the whole month's output falls short and there is a stack to sell)
 *   cash before forced sales = cash_{t−1} + planned_t × price_t + income_t − costs_t − debt_t
 *   forced_t  = BTC sold beyond the policy to keep cash ≥ min_cash, at price_t, from what is held
 *               after the planned sale (held_{t−1} + mined_t − planned_t):
 *                 shortfall / price_t when the BTC covers it (cash ends at min_cash exactly);
 *                 all of it otherwise (no BTC left, cash ends below min_cash)
 *   sold_t    = planned_t + forced_t
 *   held_t    = held_{t−1} + mined_t − sold_t
 *   cash_t    = cash_{t−1} + sold_t × price_t + income_t − costs_t − debt_t
 *   cash in   = sold_t × price_t + other_income_t when other_income_t ≥ 0
 *   cash out  = cash_costs_t + debt_service_t + (−other_income_t when other_income_t < 0)
 *               so cash_t = cash_{t−1} + cash in − cash out
 *   insolvent = cash_t < 0 after every BTC has been sold (held_t = 0): bills unpaid. A month below
 *               min_cash with no BTC left is not insolvent (the floor is a policy, not a
 *               liability); it shows in the cash column, below min_cash.
 *
 * Conventions:
 * - BTC amounts are exact decimals (40 significant digits), not rounded to satoshis: mined BTC is
 *   already an expected value in fractions of a satoshi, SELLALL then leaves no dust, the asset
 *   may be one with other units (ETH), and plain Excel formulas reproduce every row. A forced
 *   sale is shortfall / price to 40 digits and its proceeds are the shortfall exactly.
 * - Starting cash below min_cash is restored at the end of month 1, at month 1's price: there is
 *   no trade at month 0.
 * - Once the BTC is gone the schedule runs on: every BTC mined is sold (it cannot restore the
 *   floor), and cash carries the shortfall below min_cash, and below 0 the unfunded deficit (no
 *   interest), showing the gap that new financing would have to fill. The flag is each month's
 *   state, not sticky: it clears if income lifts cash back to 0. The first flagged month is when
 *   cash and BTC run out.
 * - sell_fraction is used only by SELLPCT (validated always).
 * - other_income may be negative (e.g. a lease's build capex in LEASECASHFLOWS' net column); it
 *   is then cash out. cash_costs and debt_service are 0 or more.
 * - The treasury asset need not be BTC: any asset, in its own units, and its price.
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { oneOf } from "./choice";
import { MAX_LEASE_MONTHS } from "./lease";
import { NumOrColumn, perMonth } from "./series";
import { finite, fraction, nonNegative, positive, rateAboveMinusOne, wholeNonNegative } from "./validate";

/** The selling policies. */
export const TREASURY_POLICIES = ["HOLD", "SELLALL", "SELLPCT"] as const;
export type TreasuryPolicy = (typeof TREASURY_POLICIES)[number];

/** Inputs of TREASURYCASHFLOWS, keyed by their public parameter names. Money in USD. */
export interface TreasuryPlan {
  /** cash at the start, USD, 0 or more */
  cash: Num;
  /** BTC held at the start, 0 or more */
  btc: Num;
  /** whole months, 1 to MAX_SCHEDULE_MONTHS (limits.ts) */
  months: Num;
  /** BTC received each month, 0 or more */
  btc_mined: NumOrColumn;
  /** USD per BTC: month 1's price (growing at btc_price_growth_monthly) or one per month, > 0 */
  btc_price: NumOrColumn;
  /** USD paid each month for operations, 0 or more */
  cash_costs: NumOrColumn;
  /** "HOLD", "SELLALL" or "SELLPCT", case-insensitive */
  policy: string;
  /** monthly rate (> −1); must be 0 when btc_price is a column. Default 0 */
  btc_price_growth_monthly?: Num;
  /** USD received each month other than BTC sales (e.g. lease net cash flow); any sign. Default 0 */
  other_income?: NumOrColumn;
  /** USD of interest and principal paid each month, 0 or more. Default 0 */
  debt_service?: NumOrColumn;
  /** fraction of each month's mined BTC SELLPCT sells, 0 to 1. Default 0 */
  sell_fraction?: Num;
  /** USD floor the policy keeps cash at by selling BTC, 0 or more. Default 0 */
  min_cash?: Num;
}

/** One month of the treasury. BTC in BTC (the asset's units), money in USD. */
export interface TreasuryMonth {
  month: number;
  price: Decimal;
  btcMined: Decimal;
  /** planned + forced */
  btcSold: Decimal;
  /** at the end of the month */
  btcHeld: Decimal;
  cashIn: Decimal;
  cashOut: Decimal;
  /** at the end of the month */
  cash: Decimal;
  /** sold beyond the policy to keep cash at min_cash (included in btcSold) */
  btcForced: Decimal;
  /** no BTC left and cash below 0 */
  insolvent: boolean;
}

/** The schedule's columns in their public order (month, price, ..., insolvent). */
export const TREASURY_COLUMNS = [
  "month",
  "price",
  "btcMined",
  "btcSold",
  "btcHeld",
  "cashIn",
  "cashOut",
  "cash",
  "btcForced",
  "insolvent",
] as const satisfies readonly (keyof TreasuryMonth)[];

/** Each month's price: a column as given, or the start price compounded monthly. */
function pricePath(plan: TreasuryPlan, months: number): Decimal[] {
  const growth = rateAboveMinusOne("btc_price_growth_monthly", plan.btc_price_growth_monthly ?? 0);
  if (Array.isArray(plan.btc_price)) {
    if (!growth.isZero()) {
      throw new InvalidArgumentError(
        "btc_price_growth_monthly",
        "0 or blank when btc_price is a column (the column already gives each month's price)",
        growth.toString(),
      );
    }
    return perMonth("btc_price", plan.btc_price, months, positive);
  }
  const factor = ONE.add(growth);
  const prices = [positive("btc_price", plan.btc_price as Num)];
  for (let t = 2; t <= months; t++) prices.push(prices[t - 2].mul(factor));
  return prices;
}

/**
 * The month-by-month treasury (see the module comment for the rules and conventions).
 * @returns one row per month, 1..months
 * @throws InvalidArgumentError naming the argument: negative amounts, months not a whole number
 *   from 1 to MAX_SCHEDULE_MONTHS, a column whose length is not `months` (both lengths given), an unknown
 *   policy (the allowed ones listed), a price growth given with a price column
 */
export function treasuryCashFlows(plan: TreasuryPlan): TreasuryMonth[] {
  let cash = nonNegative("cash", plan.cash);
  let held = nonNegative("btc", plan.btc);
  const months = wholeNonNegative("months", plan.months);
  if (months < 1 || months > MAX_LEASE_MONTHS) {
    throw new InvalidArgumentError("months", `a whole number from 1 to ${MAX_LEASE_MONTHS}`, String(months));
  }
  const mined = perMonth("btc_mined", plan.btc_mined, months, nonNegative);
  const prices = pricePath(plan, months);
  const costs = perMonth("cash_costs", plan.cash_costs, months, nonNegative);
  const policy = oneOf<TreasuryPolicy>("policy", plan.policy, TREASURY_POLICIES);
  const income = perMonth("other_income", plan.other_income ?? 0, months, finite);
  const debt = perMonth("debt_service", plan.debt_service ?? 0, months, nonNegative);
  const sellFraction = fraction("sell_fraction", plan.sell_fraction ?? 0);
  const minCash = nonNegative("min_cash", plan.min_cash ?? 0);

  const rows: TreasuryMonth[] = [];
  for (let i = 0; i < months; i++) {
    const price = prices[i];
    const planned = policy === "HOLD" ? ZERO : policy === "SELLALL" ? mined[i] : mined[i].mul(sellFraction);
    let available = held.add(mined[i].sub(planned)); // BTC that may still be sold this month
    const incomeIn = income[i].isNeg() ? ZERO : income[i];
    const cashOut = costs[i].add(debt[i]).add(income[i].isNeg() ? income[i].neg() : ZERO);
    let cashIn = planned.mul(price).add(incomeIn);
    let next = cash.add(cashIn).sub(cashOut);
    let forced = ZERO;
    if (next.lt(minCash) && available.gt(0)) {
      const shortfall = minCash.sub(next);
      const needed = shortfall.div(price);
      if (needed.lte(available)) {
        forced = needed;
        available = available.sub(needed);
        cashIn = cashIn.add(shortfall);
        next = minCash;
      } else {
        forced = available;
        const proceeds = available.mul(price);
        available = ZERO;
        cashIn = cashIn.add(proceeds);
        next = next.add(proceeds);
      }
    }
    cash = next;
    held = available;
    rows.push({
      month: i + 1,
      price,
      btcMined: mined[i],
      btcSold: planned.add(forced),
      btcHeld: held,
      cashIn,
      cashOut,
      cash,
      btcForced: forced,
      insolvent: held.isZero() && cash.lt(0),
    });
  }
  return rows;
}

/** What a schedule comes to, for the template's summary lines and the README's example. */
export interface TreasurySummary {
  /** first month with a forced sale (cash had run down to min_cash), or null */
  firstForcedMonth: number | null;
  /** first month flagged insolvent, or null */
  firstInsolventMonth: number | null;
  btcMined: Decimal;
  btcSold: Decimal;
  btcForced: Decimal;
  /** BTC sold / BTC mined over the schedule (the "liquidation-to-production ratio"); null if none mined */
  soldToMined: Decimal | null;
}

/** Totals and first months of a schedule from `treasuryCashFlows`. */
export function treasurySummary(rows: readonly TreasuryMonth[]): TreasurySummary {
  let btcMined = ZERO;
  let btcSold = ZERO;
  let btcForced = ZERO;
  let firstForcedMonth: number | null = null;
  let firstInsolventMonth: number | null = null;
  for (const r of rows) {
    btcMined = btcMined.add(r.btcMined);
    btcSold = btcSold.add(r.btcSold);
    btcForced = btcForced.add(r.btcForced);
    if (firstForcedMonth === null && r.btcForced.gt(0)) firstForcedMonth = r.month;
    if (firstInsolventMonth === null && r.insolvent) firstInsolventMonth = r.month;
  }
  return {
    firstForcedMonth,
    firstInsolventMonth,
    btcMined,
    btcSold,
    btcForced,
    soldToMined: btcMined.isZero() ? null : btcSold.div(btcMined),
  };
}
