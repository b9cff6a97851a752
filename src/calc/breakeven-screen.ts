/**
 * A screen for CONVERSIONBREAKEVEN's question "does mining win at price p" (conversion-breakeven.ts):
 * the mining value V(p) re-derived in doubles with a bound on their rounding. It answers only when
 * V(p) is above or below the target by more than that bound, and otherwise leaves the question to
 * the exact decimal value; so it changes no answer, only how many are computed in decimal. The
 * search asks once for every run of thresholds with the same refresh chain: with a refresh every
 * month that is once a month of the horizon, each an O(months) pass, which in decimal took seconds
 * at the longest horizon.
 *
 * The bound: every input is a decimal read as the nearest double (relative error u = 2^-53), and
 * every product, quotient and sum adds at most u of its magnitude, so V's double is within
 * (months + 20) u × M of the exact V, M being the sum of the magnitudes that make it up (the
 * decimal's own 40-digit rounding is far below that). The margin is four times as wide. A product
 * or quotient that underflows below 2^-1000, where a double's relative error grows, and anything
 * infinite, leave the answer to the decimal path.
 */
import { Decimal } from "./decimal";
import { FleetRules, refreshChain } from "./fleet-life";

/** Month m's revenue as the breakeven writes it (conversion-breakeven.ts, PricedMonth). */
export interface ScreenedMonth {
  cg: Decimal;
  perDifficulty: Decimal | undefined;
  pathDifficulty: Decimal;
  capPerPrice: Decimal;
}

/** Under a hashprice floor, month m's revenue is cg × p / (max(min(path, K × p), lowest) + added). */
export interface EarningRule {
  lowest: Decimal;
  added: Decimal;
}

/** What V(p) is made of, exact: index i is month i + 1, except `discount` (df_0..df_H). */
export interface ScreenInputs {
  months: readonly ScreenedMonth[];
  /** Revenue per unit of price, present value (no floor), the running cost's and the idle month's present values. */
  revenuePv: readonly Decimal[];
  runningPv: readonly Decimal[];
  idlePv: readonly Decimal[];
  discount: readonly Decimal[];
  rules: FleetRules;
  earning: EarningRule;
  /** What mining must reach: L + R − T. */
  need: Decimal;
}

const U = 2 ** -53;
/** Below this a double's relative error is no longer u (subnormals come at 2^-1022). */
const SMALL = 2 ** -1000;

/** The nearest double, or NaN where it is not within u of the decimal (beyond the doubles' range, or too small). */
function double(x: Decimal): number {
  const d = x.toNumber();
  if (!Number.isFinite(d) || (d === 0 ? !x.isZero() : Math.abs(d) < SMALL)) return NaN;
  return d;
}
/** A product or quotient that underflowed has lost its relative accuracy. */
const lost = (r: number, a: number, b: number) => (r === 0 ? a !== 0 && b !== 0 : Math.abs(r) < SMALL);

/**
 * The screen: (p, the months' thresholds) → true when V(p) ≥ need certainly, false when V(p) < need
 * certainly, undefined when the doubles cannot tell (or cannot be trusted).
 */
export function winsScreen(q: ScreenInputs): (p: number, thresholds: readonly number[]) => boolean | undefined {
  const H = q.months.length;
  const off = () => undefined;
  const all = (xs: readonly Decimal[]) => Float64Array.from(xs, double);
  const cg = all(q.months.map((m) => m.cg));
  const floored = q.months.map((m) => m.perDifficulty === undefined);
  const path = all(q.months.map((m) => m.pathDifficulty));
  const cap = all(q.months.map((m) => m.capPerPrice));
  const revenuePv = all(q.revenuePv);
  const runningPv = all(q.runningPv);
  const idlePv = all(q.idlePv);
  const df = all(q.discount);
  const r = q.rules;
  const fleetPriceDf = all(q.discount.map((d) => r.fleetPrice.mul(d)));
  const resaleDf = all(q.discount.map((d) => r.resale.mul(d)));
  const lastDf = double(r.endValue.mul(q.discount[H]));
  const lowest = double(q.earning.lowest);
  const added = double(q.earning.added);
  const need = double(q.need);
  const inputs = [cg, path, cap, revenuePv, runningPv, idlePv, df, fleetPriceDf, resaleDf];
  if (
    inputs.some((a) => a.some((x) => x !== x)) ||
    lastDf !== lastDf ||
    lowest !== lowest ||
    added !== added ||
    need !== need
  )
    return off;
  const resaleMagnitude = Math.max(...resaleDf.map(Math.abs), Math.abs(lastDf));
  const limit = r.refreshEvery > 0 ? H - r.refreshEvery : 0;
  const running: boolean[] = [false];
  const operating = new Float64Array(H + 1);

  return (p, thresholds) => {
    if (!(p >= SMALL && p < Infinity)) return undefined;
    let magnitude = resaleMagnitude + Math.abs(need);
    for (let i = 0; i < H; i++) {
      const runs = p >= thresholds[i];
      running[i + 1] = runs;
      let flow: number;
      if (!runs) flow = idlePv[i];
      else {
        let revenue: number;
        if (!floored[i]) {
          revenue = revenuePv[i] * p;
          if (lost(revenue, revenuePv[i], p)) return undefined;
        } else {
          // the difficulty earned at (EarningRule)
          const capped = Math.min(path[i], cap[i] * p);
          if (lost(cap[i] * p, cap[i], p)) return undefined;
          const earning = Math.max(capped, lowest) + added;
          const gross = cg[i] * p;
          const perMonth = gross / earning;
          revenue = perMonth * df[i + 1];
          if (lost(gross, cg[i], p) || lost(perMonth, gross, earning) || lost(revenue, perMonth, df[i + 1])) {
            return undefined;
          }
        }
        flow = revenue - runningPv[i];
        magnitude += Math.abs(revenue);
      }
      magnitude += Math.abs(flow);
      operating[i + 1] = flow;
    }
    const chain = refreshChain(running, r.refreshEvery);
    let sum = 0;
    let capex = 0;
    let next = 0;
    let best = -Infinity;
    for (let s = 1; s <= H; s++) {
      sum += operating[s];
      while (next < chain.length && chain[next] < s) next++;
      if (next < chain.length && chain[next] === s && s <= limit) {
        capex += fleetPriceDf[s];
        magnitude += Math.abs(fleetPriceDf[s]);
      }
      if (s < H && !r.stopForGood) continue;
      best = Math.max(best, sum - capex + (s < H ? resaleDf[s] : lastDf));
    }
    const margin = 4 * (H + 20) * U * magnitude + (H + 1) * SMALL;
    if (!(Math.abs(best) < Infinity) || !(margin < Infinity)) return undefined;
    if (best - need > margin) return true;
    if (best - need < -margin) return false;
    return undefined;
  };
}
