/**
 * CONVERSIONBREAKEVEN: the lowest starting BTC price at which mining the site is worth at least as
 * much as converting it (the legs of conversion-plan.ts: mining + the site's terminal value T
 * against the lease L + the fleet's sale R).
 *
 * The price p is month 1's; month m's is p × (1 + btc_price_growth_monthly)^(m − 1), so the mining
 * value V(p) moves with p through each month's revenue r_m(p) (proportional to p, except where a
 * hashprice floor caps the difficulty: the capped difficulty follows the price) and, through which
 * months run, through the refreshes bought.
 *
 * Exact, on the doubles: the answer is the smallest double p > 0 with V(p) ≥ L + R − T, each V(p)
 * computed in 40-digit decimal. The structure that finds it without scanning prices:
 *   - month m runs from its own threshold τ_m up (r_m is nondecreasing in p), so the set of
 *     running months changes only at the thresholds (each found exactly: the smallest double at
 *     which the month runs);
 *   - V is nondecreasing in p as long as the refreshes bought do not change: each month's flow is
 *     (a month starts running where running is worth at least idling), and the stop for good
 *     takes the maximum of nondecreasing values. At a threshold where a month that starts running
 *     brings a refresh forward, or buys one that was never bought, V can fall. So the thresholds
 *     are grouped into runs with the same refresh chain, and within a run V is nondecreasing;
 *   - the first run whose highest price reaches the target holds the answer: a binary search
 *     over its thresholds finds the interval, in which a secant step from its two ends (exact
 *     when V is linear there) and a check of the neighbouring doubles give the answer, with a
 *     bisection over the doubles when V is not linear there (a stop for good, a floor).
 * Because V can fall at a higher price (a refresh bought), mining may be worth less than
 * converting at some prices above the breakeven: it is the lowest price at which mining wins.
 */
import { Decimal, ONE, ZERO } from "./decimal";
import { NoAnswerError } from "./errors";
import { EarningRule, winsScreen } from "./breakeven-screen";
import { ConversionPlan, conversionLegs } from "./conversion-plan";
import { fleetPlan, refreshChain } from "./fleet-life";
import { floorDifficulty, runningCostIn, variableCostIn } from "./mining-plan";
import { fleetRulesOf, monthStates } from "./mining-schedule";
import { positive } from "./validate";

const F64 = new Float64Array(1);
const BITS = new BigUint64Array(F64.buffer);
const bitsOf = (x: number): bigint => ((F64[0] = x), BITS[0]);
const ofBits = (b: bigint): number => ((BITS[0] = b), F64[0]);
/** The next double up / down (positive doubles only). */
const nextUp = (x: number): number => ofBits(bitsOf(x) + 1n);
const nextDown = (x: number): number => ofBits(bitsOf(x) - 1n);
/** The double halfway between two positive doubles in their ordering (so 64 halvings reach adjacent doubles). */
const midDouble = (a: number, b: number): number => ofBits((bitsOf(a) + bitsOf(b)) / 2n);
/** The smallest positive double: the search starts there. */
const LOWEST = Number.MIN_VALUE;

/** A month's revenue as a function of the month-1 price p. */
interface PricedMonth {
  /** m, from 1: its costs (the energy tax applies from energy_tax_start_month). */
  month: number;
  /** coin × (1 + g)^(m − 1): revenue = this × p / D_eff. */
  cg: Decimal;
  /** 1 / D_eff when it does not depend on p (no floor). */
  perDifficulty: Decimal | undefined;
  /** With a floor: the path's difficulty the fleet earns at (+ D_F when the difficulty excludes the fleet), and the capped difficulty per unit of p. */
  pathDifficulty: Decimal;
  capPerPrice: Decimal;
}

/**
 * The starting BTC price at which mining the site is first worth at least as much as converting
 * it (module header).
 * @returns USD per BTC, a double's exact value; NoAnswerError when mining earns nothing or is
 *   worth at least as much as converting at any price
 */
export function conversionBreakevenPrice(plan: ConversionPlan): Decimal {
  return new Decimal(searchBreakeven(breakevenProblem(plan)));
}

/**
 * The questions the search asks (`BreakevenProblem`), answered in exact decimal; checks the plan.
 * `screened`: whether mining wins is first asked of V(p) in doubles, which answers only where it
 * is certain (false: every V(p) in decimal, as the tests compare).
 */
export function breakevenProblem(
  plan: ConversionPlan,
  screened = true,
): BreakevenProblem & { screen: ReturnType<typeof winsScreen> } {
  const p0 = positive("btc_price", plan.btc_price);
  const legs = conversionLegs(plan);
  const t = legs.mined.plan;
  const H = legs.horizonMonths;
  const df = legs.mined.discount;
  const rules = fleetRulesOf(t);
  const need = legs.leaseValue.add(legs.fleetSale).sub(legs.miningTerminalValuePv);

  let growth = ONE; // (1 + g)^(m − 1)
  const months: PricedMonth[] = monthStates(t).map((s, i) => {
    if (i > 0) growth = growth.mul(t.priceGrowth);
    const cg = s.coin.mul(growth);
    const floored = t.hashpriceFloor !== undefined;
    const perDifficulty = floored ? undefined : s.perDifficulty;
    const capPerPrice = floored ? floorDifficulty(t.hashpriceFloor as Decimal, s.subsidy, t.fees, growth) : ZERO;
    const pathDifficulty = t.includesFleet ? s.pathDifficulty : s.pathDifficulty.add(t.fleetDifficulty);
    return { month: s.m, cg, perDifficulty, pathDifficulty, capPerPrice };
  });
  // Under a floor the difficulty earned at is max(min(path, K × p), lowest) + added, here and in
  // the screen (breakeven-screen.ts): the floor caps the difficulty the fleet earns at, K × p, the
  // path's own (plus D_F when it excludes the fleet, in pathDifficulty above) above it. A floor
  // low enough to shrink the rest of the network below nothing: the fleet earns the whole
  // network's blocks.
  const earning: EarningRule = { lowest: t.fleetDifficulty, added: ZERO };
  const revenue = (m: PricedMonth, p: Decimal): Decimal => {
    if (m.perDifficulty !== undefined) return m.cg.mul(p).mul(m.perDifficulty);
    const capped = Decimal.min(m.pathDifficulty, m.capPerPrice.mul(p));
    return m.cg.mul(p).div(Decimal.max(capped, earning.lowest).add(earning.added));
  };
  const runsAt = (m: PricedMonth, p: number): boolean =>
    !t.switchOff || revenue(m, new Decimal(p)).gte(runningCostIn(t, m.month));

  // Present values per month: revenue per unit of price (no floor), the running and the idle costs.
  const revenuePv = months.map((m, i) =>
    m.perDifficulty === undefined ? ZERO : m.cg.mul(m.perDifficulty).mul(df[i + 1]),
  );
  const runningPv = months.map((_, i) =>
    variableCostIn(t, i + 1)
      .add(t.opex)
      .mul(df[i + 1]),
  );
  const idlePv = months.map((_, i) => t.idleOpex.mul(df[i + 1]).neg());

  /** V(p): the mining leg's value at month-1 price p, exact. */
  const valueAt = (p: number, thresholds: readonly number[]): Decimal => {
    const price = new Decimal(p);
    const running = [false];
    const operatingPv = [ZERO];
    months.forEach((m, i) => {
      const runs = p >= thresholds[i];
      running.push(runs);
      if (!runs) operatingPv.push(idlePv[i]);
      else if (m.perDifficulty !== undefined) operatingPv.push(revenuePv[i].mul(price).sub(runningPv[i]));
      else
        operatingPv.push(
          revenue(m, price)
            .mul(df[i + 1])
            .sub(runningPv[i]),
        );
    });
    const chain = refreshChain(running, t.refreshEvery);
    return fleetPlan({ operatingPv, running, discount: df }, rules, chain, H).value;
  };
  // V(p) in doubles answers where it is certain (breakeven-screen.ts); the decimal where it is not.
  const screen = winsScreen({
    months,
    revenuePv,
    runningPv,
    idlePv,
    discount: df,
    rules,
    earning,
    need,
  });
  return {
    screen,
    months: months.length,
    earnsNothing: months.every((m) => m.cg.isZero()),
    switchOff: t.switchOff,
    refreshEvery: t.refreshEvery,
    p0: p0.toNumber(),
    runsAt: (i, p) => runsAt(months[i], p),
    estimate: (i) => estimateThreshold(months[i], runningCostIn(t, months[i].month), t)?.toNumber(),
    wins: (p, thresholds) => (screened ? screen(p, thresholds) : undefined) ?? valueAt(p, thresholds).gte(need),
    secant: (a, b, thresholds) => {
      const va = valueAt(a, thresholds);
      const vb = valueAt(b, thresholds);
      const A = new Decimal(a);
      return A.add(need.sub(va).mul(new Decimal(b).sub(A)).div(vb.sub(va))).toNumber();
    },
  };
}

/**
 * What the search for the breakeven price asks of a plan: the months' running thresholds (each
 * month runs from the smallest double at which `runsAt` holds: an estimate to start from, undefined
 * when it never runs), and whether mining wins at a price, given the thresholds. The decimal path
 * answers these in decimal; the fast path (fast/conversion-breakeven.ts) in double-double, certified.
 * The search depends on them only: where every answer is the exact one, any start reaches the
 * same double (each search returns the smallest double at which a nondecreasing test holds).
 */
export interface BreakevenProblem {
  months: number;
  /** No month earns any BTC. */
  earnsNothing: boolean;
  switchOff: boolean;
  refreshEvery: number;
  /** The plan's own BTC price: where the search above the last threshold starts. */
  p0: number;
  runsAt(i: number, p: number): boolean;
  estimate(i: number): number | undefined;
  wins(p: number, thresholds: readonly number[]): boolean;
  /** A first guess in (a, b] where V(a) < need ≤ V(b): the secant's root. */
  secant(a: number, b: number, thresholds: readonly number[]): number;
}

/** The breakeven price of a problem (module header): a double, or NoAnswerError. */
export function searchBreakeven(q: BreakevenProblem): number {
  if (q.earnsNothing) {
    throw new NoAnswerError("mining earns no BTC in this plan, so no price makes it equal to leasing");
  }
  // Each month's threshold: the smallest double at which it runs (Infinity: never).
  const thresholds = Array.from({ length: q.months }, (_, i) => threshold((p) => q.runsAt(i, p), q.estimate(i)));
  const wins = (p: number) => q.wins(p, thresholds);

  if (wins(LOWEST)) {
    throw new NoAnswerError(
      q.switchOff
        ? "mining is worth at least as much as leasing at any BTC price: the lease value (with the fleet's sale) is not above what mining is worth at a price near 0 (an idle site's opex, less the fleet's resale or salvage)"
        : "mining is worth at least as much as leasing at any BTC price: the lease value (with the fleet's sale) is not above minus the mining costs",
    );
  }

  const starts = [LOWEST, ...[...new Set(thresholds.filter((x) => x > LOWEST && x < Infinity))].sort((a, b) => a - b)];
  const chains = starts.map((start) => {
    const running = [false, ...thresholds.map((x) => x <= start)];
    return refreshChain(running, q.refreshEvery).join(",");
  });

  for (let first = 0; first < starts.length;) {
    let last = first;
    while (last + 1 < starts.length && chains[last + 1] === chains[first]) last++;
    const end = last + 1 < starts.length ? starts[last + 1] : Infinity;
    if (end === Infinity || wins(nextDown(end))) {
      if (wins(starts[first])) return starts[first];
      // The first interval of the run whose top reaches the target (V is nondecreasing within the run).
      let lo = first;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (wins(nextDown(starts[mid + 1]))) hi = mid;
        else lo = mid + 1;
      }
      const a = starts[lo];
      if (wins(a)) return a;
      const top = lo + 1 < starts.length ? nextDown(starts[lo + 1]) : bracketAbove(a, q.p0, wins);
      return lowestWinning(a, top, wins, (x, y) => q.secant(x, y, thresholds));
    }
    first = last + 1;
  }
  throw new NoAnswerError("mining is worth less than leasing at every BTC price"); // not reached: V grows without bound
}

/**
 * An estimate of the price at which month m's revenue equals `cost` (what running costs over
 * idling), from its pieces: linear in p without a floor; with a floor the difficulty earned at is
 * capped at capPerPrice × p, so revenue is constant while the cap binds. Infinity: never runs; 0: always.
 */
function estimateThreshold(
  m: PricedMonth,
  cost: Decimal,
  t: { switchOff: boolean; includesFleet: boolean; fleetDifficulty: Decimal },
): Decimal | undefined {
  if (!t.switchOff || !cost.gt(0)) return ZERO;
  if (m.cg.isZero()) return undefined;
  if (m.perDifficulty !== undefined) return cost.div(m.cg.mul(m.perDifficulty));
  const DF = t.fleetDifficulty;
  const K = m.capPerPrice;
  // below DF / K the fleet earns at D_F (revenue linear in p), up to path / K at the floor (flat), then at the path (linear)
  if (m.cg.div(K).gte(cost)) return cost.mul(DF).div(m.cg);
  return cost.mul(m.pathDifficulty).div(m.cg);
}

/** The smallest double at which a month runs (`runs` nondecreasing), from an estimate: exact by checking neighbours (bisection if far). */
function threshold(runs: (p: number) => boolean, estimate: number | undefined): number {
  if (estimate === undefined) return Infinity;
  let p = Math.max(estimate, LOWEST);
  if (p === Infinity) return runs(Number.MAX_VALUE) ? lowestTrue(runs, LOWEST, Number.MAX_VALUE) : Infinity;
  for (let step = 0; step < 4 && !runs(p); step++) p = nextUp(p);
  if (!runs(p)) return lowestTrue(runs, p, Number.MAX_VALUE);
  for (let step = 0; step < 4 && p > LOWEST && runs(nextDown(p)); step++) p = nextDown(p);
  if (p > LOWEST && runs(nextDown(p))) return lowestTrue(runs, LOWEST, p);
  return p;
}

/** The smallest double in (lo, hi] at which `ok` holds, given ok(hi) and ok nondecreasing; lo itself is not tested. */
function lowestTrue(ok: (x: number) => boolean, lo: number, hi: number): number {
  if (!ok(hi)) return Infinity;
  if (lo === LOWEST && ok(lo)) return lo;
  while (nextUp(lo) < hi) {
    const mid = midDouble(lo, hi);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A price above `from` at which mining wins (V grows without bound in the last run). */
function bracketAbove(from: number, start: number, wins: (p: number) => boolean): number {
  let p = Math.max(from * 2, start);
  while (!wins(p)) {
    if (p === Number.MAX_VALUE) throw new NoAnswerError("mining is worth less than leasing at every BTC price");
    p = Math.min(p * 2, Number.MAX_VALUE);
  }
  return p;
}

/** A bracket this many doubles wide is narrow: about 4e-9 of the price. */
const NARROW = 1n << 24n;

/**
 * The smallest double in (a, b] that wins, where a does not and b does and winning is
 * nondecreasing on [a, b]: from the secant's root over [a, b], the neighbouring doubles checked;
 * if that is not enough (V not linear on the interval), bisection, with a second secant from the
 * bracket's ends once it is narrow (V nearly linear there: a few tests, each of which may be an
 * exact decimal pass near the answer, instead of some twenty halvings).
 */
function lowestWinning(
  a: number,
  b: number,
  wins: (x: number) => boolean,
  secant: (lo: number, hi: number) => number,
): number {
  let lo = a; // does not win
  let hi = b; // wins
  let secants = 0;
  while (nextUp(lo) < hi) {
    if (secants === 0 || (secants === 1 && bitsOf(hi) - bitsOf(lo) < NARROW)) {
      secants++;
      const guess = secant(lo, hi);
      const p = guess > lo && guess <= hi ? guess : midDouble(lo, hi);
      // the guess, then up to three doubles on from it, down if it wins, up if not
      if (wins(p)) {
        hi = p;
        for (let step = 0; step < 3 && nextUp(lo) < hi; step++) {
          if (!wins(nextDown(hi))) lo = nextDown(hi);
          else hi = nextDown(hi);
        }
      } else {
        lo = p;
        for (let step = 0; step < 3 && nextUp(lo) < hi; step++) {
          if (wins(nextUp(lo))) hi = nextUp(lo);
          else lo = nextUp(lo);
        }
      }
      continue;
    }
    const mid = midDouble(lo, hi);
    if (wins(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
