/**
 * CONVERSIONOPTION: least-squares Monte Carlo of when to convert. The three
 * properties it must have, each over several seeds (the policy can do no worse than its two
 * fixed strategies, nor better than perfect foresight; with every volatility 0 it finds
 * CONVERSIONTIMING's best month, a separate decimal computation), the regression against exact
 * quadratics, reproducibility, and the table's shape.
 */
import {
  conversionLegs,
  conversionOption,
  fleetRulesOf,
  legValues,
  miningPathValuer,
  conversionOptionTable,
  conversionPaths,
  ConversionPlan,
  conversionTiming,
  firstRootAbove,
  fitQuadratic,
  fitted,
  NoAnswerError,
  RiskInputs,
} from "../../../src/calc";
import * as paths from "../../../src/calc/simulation/paths";
import { MAX_PATHS, planMarket, simulatePaths, simulationSize, validateMiningPlan } from "../../../src/calc";
import { floatLease, floatMining, floatMiningThenSell } from "../../support/float-models";
import { README_CONVERSION, README_LEASE } from "../readme-example";

const PLAN = README_CONVERSION;
const RISK: RiskInputs = { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, paths: 2000, seed: 1 };
const CALM: RiskInputs = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };

/** Plans where the choice is close or goes either way. */
const PLANS: [string, ConversionPlan][] = [
  ["the README example", PLAN],
  ["idle sites at 25% of opex, stopped for good, resold at $3/TH, a 7% exit cap rate", { ...PLAN, idle_opex_pct: 0.25, stop_for_good: true, fleet_resale_usd_per_th: 3, exit_cap_rate: 0.07 }],
  ["a $30 hashprice floor, cheaper power, refreshes every 24 months", { ...PLAN, hashprice_floor_usd_per_ph_day: 30, power_price_kwh: 0.035, refresh_every_months: 24 }],
];

describe("the three properties, over several seeds", () => {
  test.each(PLANS)("%s: max(convert now, mine) − 3 SE ≤ flexible", (_, plan) => {
    for (const seed of [1, 2, 3]) {
      const o = conversionOption(plan, { ...RISK, seed });
      const fixed = Math.max(o.convertNow, o.mine.value);
      // the option premium's SE is that of flexible − the better fixed strategy, path by path
      expect(o.flexible.value).toBeGreaterThanOrEqual(fixed - 3 * o.optionPremium.se);
      expect(o.optionPremium.value).toBeCloseTo(o.flexible.value - fixed, 3);
    }
  });

  test.each([
    ...PLANS,
    ["a stop for good with refreshes every 12 months and a resale (every mining leg's own stop)", { ...PLAN, stop_for_good: true, refresh_every_months: 12, fleet_resale_usd_per_th: 2 }],
    ["mining worth more than any conversion: cheap power and a poor lease with an exit value", { ...PLAN, power_price_kwh: 0.02, rate_usd_per_kw_month: 60, exit_cap_rate: 0.08 }],
  ] as [string, ConversionPlan][])("%s: with every volatility 0, flexible − mine is max(0, CONVERSIONTIMING's best row) to 1e-9", (_, plan) => {
    const best = conversionTiming(plan).best.value.toNumber();
    for (const seed of [1, 7]) {
      const o = conversionOption(plan, { ...CALM, seed });
      const gain = o.flexible.value - o.mine.value;
      const want = Math.max(0, best);
      expect(gain).toBeNear(want, { abs: 1e-9 * Math.max(Math.abs(want), Math.abs(o.mine.value)), label: `seed ${seed}: flexible − mine` });
      expect(o.flexible.se).toBeLessThan(1e-6 * Math.abs(o.mine.value) + 1e-6); // every path the same
    }
  });

  test.each([PLANS[0]])(
    "%s: flexible falls short of perfect foresight computed apart (a float schedule per path and conversion month, with hindsight)",
    (_, plan) => {
      const risk = { ...RISK, paths: 100, seed: 5 };
      const o = conversionOption(plan, risk);
      const H = o.horizonMonths;
      const L = floatLease(README_LEASE, plan.discount_rate as number).npv;
      expect(o.convertNow).toBeNear(L, { rel: 1e-9, label: "convert now: the lease leg" });
      const market = planMarket({ ...plan, months: H }, validateMiningPlan({ ...plan, months: H }), risk);
      let sum = 0;
      simulatePaths(market, { ...simulationSize(risk.paths, H, risk.seed), months: H - 1 }, (p, d) => {
        const path = { ...plan, months: H, price_path: Array.from(p), difficulty_path: Array.from(d) } as Parameters<typeof floatMining>[0];
        let best = floatMining(path, plan.discount_rate as number).npv;
        for (let k = 0; k <= H; k++) best = Math.max(best, floatMiningThenSell(path, plan.discount_rate as number, k) + L / (1 + (plan.discount_rate as number)) ** (k / 12));
        sum += best;
        return 0;
      });
      const foresight = sum / risk.paths;
      expect(o.perfectForesight.value).toBeNear(foresight, { rel: 1e-9, label: "perfect foresight" });
      // a policy that knows only the past falls short of hindsight ($12.7M on these paths): were it
      // to peek at the future, flexible would reach the bound
      expect(foresight - o.flexible.value).toBeGreaterThan(1e6);
    },
  );

  test("the policy is fitted on paths the valuation never draws: streams from MAX_PATHS on, then 0 .. paths − 1", () => {
    const spy = jest.spyOn(paths, "simulatePaths");
    try {
      conversionOption(PLAN, { ...RISK, paths: 100 });
      const first = spy.mock.calls.map((c) => c[3] ?? 0);
      expect(first).toEqual([MAX_PATHS, 0]);
      expect(MAX_PATHS).toBeGreaterThanOrEqual(100); // the two ranges of streams cannot overlap
    } finally {
      spy.mockRestore();
    }
  });

  test("the plans cover both answers: CONVERSIONTIMING's best row positive in one, negative in another", () => {
    expect(conversionTiming(PLAN).best.value.isPos()).toBe(true);
    expect(conversionTiming({ ...PLAN, power_price_kwh: 0.02, rate_usd_per_kw_month: 60, exit_cap_rate: 0.08 }).best.value.isNeg()).toBe(true);
  });
});

describe("the simulation behind it", () => {
  test.each(PLANS)("%s: on the mean path, the float mining legs (each k months, the fleet sold at k) are the decimal ones for every k", (_, plan) => {
    const legs = conversionLegs(plan);
    const decimal = legValues(legs.mined.valued(), fleetRulesOf(legs.mined.plan), legs.mined.chain);
    const valuer = miningPathValuer({ ...plan, months: 132 }, plan.discount_rate);
    const path = (x0: number, g: number) => Float64Array.from({ length: 132 }, (_, m) => x0 * (1 + g) ** m);
    const floats = new Float64Array(133);
    const never = valuer.legs(path(91_000, 0.01), path(1.52e14, 0.02), floats, new Float64Array(133));
    const scale = Math.abs(never) + 1e8;
    decimal.forEach((d, k) => expect(floats[k]).toBeNear(d.toNumber(), { abs: 1e-9 * scale, label: `leg ${k}` }));
  });

  test("Mine is CONVERSIONDIST's mining side on the same paths; the same seed gives the same bits", () => {
    const o = conversionOption(PLAN, RISK);
    const { values } = conversionPaths(PLAN, RISK);
    const mining = Array.from(values).reduce((s, v) => s + (o.convertNow - v), 0) / values.length;
    expect(Math.abs(o.mine.value - mining)).toBeLessThan(1e-9 * Math.abs(mining));
    const again = conversionOption(PLAN, RISK);
    expect(again).toEqual(o);
    const other = conversionOption(PLAN, { ...RISK, seed: 2 });
    expect(other.flexible.value).not.toBe(o.flexible.value);
  });

  test("the README example: a timing option worth tens of millions over the better fixed strategy, converting in most paths", () => {
    const o = conversionOption(PLAN, RISK);
    expect(o.optionPremium.value).toBeGreaterThan(10 * o.optionPremium.se);
    expect(o.convertProbability.value).toBeGreaterThan(0.5);
    expect(o.medianConversionMonth).toBeGreaterThan(0);
    expect(o.medianConversionMonth).toBeLessThan(132);
    expect(o.boundaries).toHaveLength(11); // decision months 1..131
    for (const b of o.boundaries) expect(b).toBeGreaterThanOrEqual(0);
  });

  test("the table: a header, then the issue's labels in order, the flexible value's quantiles, a boundary per year", () => {
    const o = conversionOption(PLAN, { ...RISK, paths: 500 });
    const t = conversionOptionTable(o);
    expect(t.header).toEqual(["Strategy", "Value", "SE"]);
    expect(t.rows.map((r) => r[0])).toEqual([
      "Convert now",
      "Mine",
      "Flexible",
      "Option premium",
      "P(convert)",
      "Median conversion month",
      "Flexible P10",
      "Flexible P50",
      "Flexible P90",
      ...Array.from({ length: 11 }, (_, y) => `Boundary year ${y + 1}`),
    ]);
    expect(t.rows[2].slice(1)).toEqual([o.flexible.value, o.flexible.se]);
    expect(t.rows.every((r) => r.length === 3)).toBe(true);
    const [p10, p50, p90] = [6, 7, 8].map((i) => t.rows[i][1] as number);
    expect(p10 < p50 && p50 < p90).toBe(true);
  });

  test("with every volatility 0 each quantile of the flexible value is the flexible value itself; asked ones come in order", () => {
    const o = conversionOption(PLAN, { ...CALM, quantiles: [0.9, 0.05] });
    expect(o.fractions).toEqual([0.9, 0.05]);
    for (const q of o.flexibleQuantiles) expect(Math.abs(q.value - o.flexible.value)).toBeLessThan(1e-9 * Math.abs(o.flexible.value));
    expect(conversionOptionTable(o).rows.slice(6, 8).map((r) => r[0])).toEqual(["Flexible P90", "Flexible P5"]);
    expect(() => conversionOption(PLAN, { ...CALM, quantiles: [1.5] })).toThrow(/^quantiles must be fractions strictly between 0 and 1/);
  });

  test("more paths × months than a cell may take is no answer (#NUM!), saying the limit; bad risk inputs name themselves", () => {
    expect(() => conversionOption(PLAN, { ...RISK, paths: 15_000 })).toThrow(NoAnswerError);
    expect(() => conversionOption(PLAN, { ...RISK, paths: 15_000 })).toThrow(/^paths: at most 1,800,000 paths × months in one CONVERSIONOPTION cell \(13,636 paths over 132 months\)/);
    expect(() => conversionOption(PLAN, { ...RISK, price_vol_annual: -1 })).toThrow(/^price_vol_annual must be a number of 0 or more/);
    expect(() => conversionOption({ ...PLAN, idle_opex_pct: 2 }, RISK)).toThrow(/^idle_opex_pct must be a fraction from 0 to 1/);
  });
});

describe("the regression", () => {
  test("recovers a quadratic exactly, and is the mean where x takes one value, a line where it takes two", () => {
    const x = Array.from({ length: 50 }, (_, i) => 10 + i * 0.7);
    const y = x.map((v) => 3 - 2 * v + 0.5 * v * v);
    const f = fitQuadratic(x, y, 50);
    for (const v of [10, 17.3, 44.3]) expect(Math.abs(fitted(f, v) - (3 - 2 * v + 0.5 * v * v))).toBeLessThan(1e-9);
    const flat = fitQuadratic([5, 5, 5], [1, 2, 6], 3);
    expect(fitted(flat, 5)).toBe(3);
    const two = fitQuadratic([1, 1, 3, 3], [0, 2, 4, 6], 4);
    expect(fitted(two, 1)).toBeCloseTo(1, 12);
    expect(fitted(two, 3)).toBeCloseTo(5, 12);
  });

  test("the boundary is where the fitted gain first turns positive from the lowest x: (x − 5)(x + 100) on [0, 20] turns at 5", () => {
    const x = Array.from({ length: 41 }, (_, i) => i / 2);
    const f = fitQuadratic(x, x.map((v) => (v - 5) * (v + 100)), 41);
    expect(firstRootAbove(f)).toBeCloseTo(5, 9);
    // positive at the lowest x: no conversion there, boundary 0; negative throughout: the highest x
    expect(firstRootAbove(fitQuadratic(x, x.map((v) => v + 1), 41))).toBe(0);
    expect(firstRootAbove(fitQuadratic(x, x.map((v) => -1 - v * v), 41))).toBe(20);
  });
});
