/**
 * Each certified fast path beside the decimal function it must reproduce: how to draw its
 * arguments from an input family, the decimal path's double (`toNumber()`, −0 read as 0, or the
 * error it throws), the public double entry point, and the bare fast evaluator (NaN when it does
 * not certify). Shared by test/calc/fast, `npm run certify` and `npm run bench`.
 */
import {
  allInCostPerBtc,
  breakevenHashprice,
  breakevenPowerPrice,
  btcPerDay,
  cashCostPerBtc,
  costPerBtcBreakdown,
  hashpriceUsdPerPhDay,
  MiningCostInputs,
} from "../../src/calc";
import {
  allInCostPerBtcDouble,
  breakevenHashpriceDouble,
  breakevenPowerPriceDouble,
  btcPerDayDouble,
  cashCostPerBtcDouble,
  costPerBtcBreakdownDoubles,
  hashpriceUsdPerPhDayDouble,
} from "../../src/calc/fast";
import {
  allInCostFast,
  breakdownFast,
  breakevenHashpriceFast,
  breakevenPowerFast,
  btcPerDayFast,
  cashCostFast,
  hashpriceFast,
} from "../../src/calc/fast/mining-formulas";
import { ALL_IN_NAMES, breakevenPowerArgs, Family, mining, Rand } from "./input-families";

/** What a call gave: a number (−0 read as 0), or the error's class and message. */
export type Outcome = number | string;

export function outcome(f: () => number | { toNumber(): number }): Outcome {
  try {
    const r = f();
    const n = typeof r === "number" ? r : r.toNumber();
    return n === 0 ? 0 : n;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

/** Whether two outcomes are the same double bit for bit (NaN never occurs) or the same error. */
export const same = (a: Outcome, b: Outcome) => Object.is(a, b);

export interface FastCase {
  name: string;
  args(rand: Rand, family: Family): unknown[];
  decimal(a: unknown[]): Outcome;
  double(a: unknown[]): Outcome;
  /** The bare fast path: a number when it certifies, NaN when it declines. */
  fast(a: unknown[]): number;
  /** Comparisons per family in `npm test` (the decimal path sets the cost: keep the suite's share to seconds). */
  testRuns: number;
}

const CASH = [
  "power_price_kwh",
  "efficiency_j_th",
  "difficulty",
  "fees_btc_per_block",
  "pool_fee",
  "opex_usd_per_th_day",
  "subsidy",
];
const ordered = (m: Record<string, number>, names: readonly string[]) => names.map((n) => m[n]);
const inputs = (a: unknown[]) => a[0] as MiningCostInputs;
const n = (a: unknown[], k: number) => a[k] as number;
const BREAKDOWN_KEYS = ["power", "energyTax", "opex", "sga", "depreciation", "stockComp", "cash", "allIn"] as const;

/** The eight lines of a breakdown as one outcome string (each line's bits must match). */
function lines(c: Record<string, number | { toNumber(): number }>): string {
  return BREAKDOWN_KEYS.map((k) => {
    const v = c[k];
    const x = typeof v === "number" ? v : v.toNumber();
    return String(x === 0 ? 0 : x);
  }).join(" ");
}

const allInArgs = (rand: Rand, family: Family) => [mining(rand, family, ALL_IN_NAMES)];
const allInFast = (a: unknown[]) => {
  const i = inputs(a) as unknown as Record<string, number>;
  return ordered(i, ALL_IN_NAMES);
};

export const FAST_CASES: FastCase[] = [
  {
    name: "COSTPERBTC",
    args: (rand, family) => ordered(mining(rand, family, CASH), CASH),
    decimal: (a) => outcome(() => cashCostPerBtc(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6))),
    double: (a) => outcome(() => cashCostPerBtcDouble(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6))),
    fast: (a) => cashCostFast(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6)),
    testRuns: 1250,
  },
  {
    name: "ALLINCOSTPERBTC",
    args: allInArgs,
    decimal: (a) => outcome(() => allInCostPerBtc(inputs(a))),
    double: (a) => outcome(() => allInCostPerBtcDouble(inputs(a))),
    fast: (a) => {
      const v = allInFast(a);
      return allInCostFast(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    },
    testRuns: 1250,
  },
  {
    name: "COSTBREAKDOWN",
    args: allInArgs,
    decimal: (a) => {
      try {
        return lines(costPerBtcBreakdown(inputs(a)) as unknown as Record<string, { toNumber(): number }>);
      } catch (e) {
        return outcome(() => {
          throw e;
        });
      }
    },
    double: (a) => {
      try {
        return lines(costPerBtcBreakdownDoubles(inputs(a)) as unknown as Record<string, number>);
      } catch (e) {
        return outcome(() => {
          throw e;
        });
      }
    },
    fast: (a) => {
      const v = allInFast(a);
      return breakdownFast(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]) ? 1 : NaN;
    },
    testRuns: 1250,
  },
  {
    name: "BREAKEVENPOWER",
    args: breakevenPowerArgs,
    decimal: (a) => outcome(() => breakevenPowerPrice(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6))),
    double: (a) =>
      outcome(() => breakevenPowerPriceDouble(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6))),
    fast: (a) => breakevenPowerFast(n(a, 0), n(a, 1), n(a, 2), n(a, 3), n(a, 4), n(a, 5), n(a, 6)),
    testRuns: 1250,
  },
  {
    name: "BREAKEVENHASHPRICE",
    args: allInArgs,
    decimal: (a) => outcome(() => breakevenHashprice(inputs(a))),
    double: (a) => outcome(() => breakevenHashpriceDouble(inputs(a))),
    fast: (a) => {
      const v = allInFast(a);
      return breakevenHashpriceFast(v[0], v[1], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    },
    testRuns: 1250,
  },
  {
    name: "HASHPRICE",
    args: (rand, family) =>
      ordered(mining(rand, family, ["btc_price", "difficulty", "fees_btc_per_block", "subsidy"]), [
        "btc_price",
        "difficulty",
        "fees_btc_per_block",
        "subsidy",
      ]),
    decimal: (a) => outcome(() => hashpriceUsdPerPhDay(n(a, 0), n(a, 1), n(a, 2), n(a, 3))),
    double: (a) => outcome(() => hashpriceUsdPerPhDayDouble(n(a, 0), n(a, 1), n(a, 2), n(a, 3))),
    fast: (a) => hashpriceFast(n(a, 0), n(a, 1), n(a, 2), n(a, 3)),
    testRuns: 1250,
  },
  {
    name: "BTCPERDAY",
    args: (rand, family) =>
      ordered(mining(rand, family, ["hashrate_ths", "difficulty", "fees_btc_per_block", "subsidy"]), [
        "hashrate_ths",
        "difficulty",
        "fees_btc_per_block",
        "subsidy",
      ]),
    decimal: (a) => outcome(() => btcPerDay(n(a, 0), n(a, 1), n(a, 2), n(a, 3))),
    double: (a) => outcome(() => btcPerDayDouble(n(a, 0), n(a, 1), n(a, 2), n(a, 3))),
    fast: (a) => btcPerDayFast(n(a, 0), n(a, 1), n(a, 2), n(a, 3)),
    testRuns: 1250,
  },
];
