/**
 * CONVERSIONBREAKEVEN's screen (src/calc/breakeven-screen.ts): the mining value V(p) in doubles
 * answers "does mining win at p" only where the answer is certain. Against V(p) in exact rationals
 * (test/support/rational.ts), written here from the fleet's rules (src/calc/fleet-life.ts' header):
 * each month's flow at p, the refresh chain walked month by month, the value of stopping at each
 * month, the best stop.
 */
import { ConversionPlan, conversionBreakevenPrice } from "../../src/calc";
import { Decimal } from "../../src/calc/decimal";
import { ScreenInputs, winsScreen } from "../../src/calc/breakeven-screen";
import { breakevenProblem } from "../../src/calc/conversion-breakeven";
import { between, prng, Q } from "../support/rational";
import { README_CONVERSION } from "./readme-example";

const q = (d: Decimal) => Q.of(d.toString());
const sign = (x: Q) => (x.n > 0n ? 1 : x.n < 0n ? -1 : 0);
const max = (a: Q, b: Q) => (sign(a.sub(b)) >= 0 ? a : b);
const min = (a: Q, b: Q) => (sign(a.sub(b)) <= 0 ? a : b);

/** V(p), exact. */
function exactValue(s: ScreenInputs, p: number, thresholds: readonly number[]): Q {
  const H = s.months.length;
  const P = Q.of(p);
  const df = s.discount.map(q);
  const running = [false];
  const flows: Q[] = [Q.of(0)];
  s.months.forEach((m, i) => {
    const runs = p >= thresholds[i];
    running.push(runs);
    if (!runs) return flows.push(q(s.idlePv[i]));
    if (m.perDifficulty !== undefined) return flows.push(q(s.revenuePv[i]).mul(P).sub(q(s.runningPv[i])));
    const capped = min(q(m.pathDifficulty), q(m.capPerPrice).mul(P));
    const earning = max(capped, q(s.earning.lowest)).add(q(s.earning.added));
    return flows.push(
      q(m.cg)
        .mul(P)
        .div(earning)
        .mul(df[i + 1])
        .sub(q(s.runningPv[i])),
    );
  });
  // refreshes: due N months after the start or the last purchase, bought in a month that runs
  const N = s.rules.refreshEvery;
  const chain: number[] = [];
  for (let m = 1, due = N; N > 0 && m <= H; m++) {
    if (m >= due && running[m]) {
      chain.push(m);
      due = m + N;
    }
  }
  const bought = chain.filter((c) => N > 0 && c <= H - N);
  let best: Q | undefined;
  for (let stop = s.rules.stopForGood ? 1 : H; stop <= H; stop++) {
    let v = stop < H ? q(s.rules.resale).mul(df[stop]) : q(s.rules.endValue).mul(df[H]);
    for (let m = 1; m <= stop; m++) v = v.add(flows[m]);
    for (const c of bought) if (c <= stop) v = v.sub(q(s.rules.fleetPrice).mul(df[c]));
    best = best === undefined ? v : max(best, v);
  }
  return best as Q;
}

/** A random problem of 1 to 24 months, with or without a floor, refreshes, a stop for good. */
function randomProblem(rand: () => number): { s: ScreenInputs; thresholds: number[] } {
  const H = 1 + Math.floor(rand() * 24);
  const floored = rand() < 0.5;
  const v = new Decimal(1).div(new Decimal(between(rand, 1.001, 1.02)));
  const discount = [new Decimal(1)];
  for (let m = 1; m <= H; m++) discount.push(discount[m - 1].mul(v));
  const months = Array.from({ length: H }, (_, i) => {
    const cg = new Decimal(between(rand, 10, 500));
    const pathDifficulty = new Decimal(between(rand, 1e13, 1e15));
    return {
      cg,
      perDifficulty: floored ? undefined : new Decimal(1).div(pathDifficulty),
      pathDifficulty,
      capPerPrice: floored ? new Decimal(between(rand, 1e8, 1e11)) : new Decimal(0),
      df: discount[i + 1],
    };
  });
  const s: ScreenInputs = {
    months,
    revenuePv: months.map((m) =>
      m.perDifficulty === undefined ? new Decimal(0) : m.cg.mul(m.perDifficulty).mul(m.df),
    ),
    runningPv: months.map((m) => new Decimal(between(rand, 1e4, 1e7)).mul(m.df)),
    idlePv: months.map((m) => new Decimal(-between(rand, 1, 1e5)).mul(m.df)),
    discount,
    rules: {
      fleetPrice: new Decimal(between(rand, 1, 1e7)),
      refreshEvery: Math.floor(rand() * 4),
      resale: new Decimal(between(rand, 1, 1e6)),
      endValue: new Decimal(between(rand, 1, 1e6)),
      stopForGood: rand() < 0.5,
    },
    // the fleet's difficulty as the least the fleet earns at (within the network), or added to the network's
    earning:
      rand() < 0.5
        ? { lowest: new Decimal(between(rand, 1e11, 1e13)), added: new Decimal(0) }
        : { lowest: new Decimal(0), added: new Decimal(between(rand, 1e11, 1e13)) },
    need: new Decimal(0),
  };
  const thresholds = months.map(() => (rand() < 0.2 ? Infinity : rand() < 0.2 ? 0 : between(rand, 1e3, 1e6)));
  return { s, thresholds };
}

describe("the breakeven's screen answers only what the exact value answers", () => {
  test("300 random problems: a target 1% away is always answered, and rightly; one within rounding never wrongly", () => {
    const rand = prng(2525);
    let near = 0;
    for (let k = 0; k < 300; k++) {
      const { s, thresholds } = randomProblem(rand);
      const p = between(rand, 1e3, 1e6);
      const V = exactValue(s, p, thresholds);
      const v = V.toNumber();
      const far = Math.abs(v) * 0.01 + 1;
      for (const [target, expected] of [
        [v - far, true],
        [v + far, false],
      ] as const) {
        expect(winsScreen({ ...s, need: new Decimal(target) })(p, thresholds)).toBe(expected);
      }
      // targets a few units in the last place of V either side: undecided, or the exact answer
      for (const ulps of [-3, -1, 0, 1, 3]) {
        const target = new Decimal(v).add(new Decimal(ulps * Math.abs(v) * 2 ** -52));
        const answer = winsScreen({ ...s, need: target })(p, thresholds);
        if (answer === undefined) near++;
        else expect(answer).toBe(sign(V.sub(q(target))) >= 0);
      }
    }
    expect(near).toBeGreaterThan(1000); // the bound is what decides there, not luck
  });

  test("a value beyond the doubles' range, or a price too small for their relative error, is left to the decimal", () => {
    const { s, thresholds } = randomProblem(prng(7));
    const everyMonth = thresholds.map(() => 0);
    expect(winsScreen({ ...s, need: new Decimal("-1e400") })(1e4, everyMonth)).toBeUndefined();
    expect(winsScreen({ ...s, need: new Decimal("1e-1100") })(1e4, everyMonth)).toBeUndefined();
    expect(winsScreen({ ...s, need: new Decimal(-1e300) })(Number.MIN_VALUE, everyMonth)).toBeUndefined();
  });
});

describe("the screen reads the plan as the breakeven's decimal value does", () => {
  // The README's conversion with the options that shape V(p): a floor (the fleet within the
  // network, or added to it), a stop for good, idle opex, monthly refreshes, an exit value, the
  // energy tax from month 14, the tenant's credit, and phases.
  const heavy: ConversionPlan = {
    ...README_CONVERSION,
    energy_tax_usd_per_kwh: 0.01,
    stop_for_good: true,
    idle_opex_pct: 0.25,
    refresh_every_months: 1,
    hashprice_floor_usd_per_ph_day: 30,
    exit_cap_rate: 0.07,
    energy_tax_start_month: 14,
    tenant_default_annual: 0.02,
    default_recovery_pct: 0.5,
  };
  const plans: [string, ConversionPlan][] = [
    ["the README's conversion", README_CONVERSION],
    ["with the heaviest options", heavy],
    ["... the fleet outside the network's difficulty", { ...heavy, difficulty_includes_fleet: false }],
    [
      "... no floor, refreshes every 3 months",
      { ...heavy, hashprice_floor_usd_per_ph_day: undefined, refresh_every_months: 3 },
    ],
    [
      "... three phases",
      {
        ...heavy,
        conversion_months: undefined,
        site_mw_per_critical_it_mw: undefined,
        phases: [
          [6, 20],
          [12, 30],
          [18, 20],
        ],
      },
    ],
  ];
  test.each(plans)("%s: the screen answers a millionth either side of where the exact value crosses", (_, plan) => {
    const exact = breakevenProblem(plan, false);
    const { screen } = breakevenProblem(plan);
    // every month running (one refresh chain): V(p) is nondecreasing, and crosses the target once
    const everyMonth = Array.from({ length: exact.months }, () => 0);
    let lo = 1;
    let hi = 1e9;
    expect([exact.wins(lo, everyMonth), exact.wins(hi, everyMonth)]).toEqual([false, true]);
    while (hi - lo > hi * 1e-12) {
      const mid = (lo + hi) / 2;
      if (exact.wins(mid, everyMonth)) hi = mid;
      else lo = mid;
    }
    expect(screen(hi * (1 + 1e-6), everyMonth)).toBe(true);
    expect(screen(lo * (1 - 1e-6), everyMonth)).toBe(false);
  });
  test.each(plans)("%s: the same answer with and without the screen, at prices around the breakeven", (_, plan) => {
    const screened = breakevenProblem(plan);
    const exact = breakevenProblem(plan, false);
    const p = conversionBreakevenPrice(plan).toNumber();
    const rand = prng(31);
    const everyMonth = Array.from({ length: exact.months }, () => 0);
    const some = Array.from({ length: exact.months }, () => (rand() < 0.5 ? 0 : Infinity));
    const byPrice = Array.from({ length: exact.months }, () => p * between(rand, 0.5, 2));
    for (const thresholds of [everyMonth, some, byPrice]) {
      for (const x of [0.3, 0.8, 0.97, 0.999, 1, 1.001, 1.03, 1.2, 3]) {
        expect(screened.wins(p * x, thresholds)).toBe(exact.wins(p * x, thresholds));
      }
    }
  });
});
