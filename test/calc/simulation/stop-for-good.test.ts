/**
 * The simulation's stop for good is decided from what is known at each month (the past, and the
 * next month's price and difficulty), never from the path's future: checked against a brute-force
 * float model of that rule (test/support/float-models.ts: one whole schedule per decision month),
 * and against the perfect-foresight stop, which it may never beat.
 */
import {
  miningNpvPaths,
  miningPathValuer,
  planMarket,
  RiskInputs,
  simulatePaths,
  simulationSize,
  validateMiningPlan,
} from "../../../src/calc";
import { floatMining, floatMiningKnownThen, FloatMiningPlan } from "../../support/float-models";
import { README_SITE } from "../readme-example";

const RATE = 0.12;
const M = 36;
/** Flat growth, so the projection from any month is that month's levels held. */
const FLAT: FloatMiningPlan = {
  ...README_SITE,
  months: M,
  btc_price_growth_monthly: 0,
  difficulty_growth_monthly: 0,
  refresh_every_months: 0,
  stop_for_good: true,
  fleet_resale_usd_per_th: 1,
};
const price = Array.from({ length: M }, () => FLAT.btc_price);
/** Difficulty triples for months 11..14 (indices 10..13), then returns: the fleet is off meanwhile. */
const spike = Array.from({ length: M }, (_, j) => FLAT.difficulty * (j >= 10 && j < 14 ? 3 : 1));

describe("a difficulty spike the miner cannot foresee", () => {
  test("the simulation stops at month 10, when month 11's difficulty is known and held in the projection; hindsight would ride it out", () => {
    const got = miningPathValuer(FLAT, RATE).value(Float64Array.from(price), Float64Array.from(spike));
    // independent: months 1..10 of the float schedule, then the fleet sold at month 10
    const rows = floatMining({ ...FLAT, stop_for_good: false, difficulty_path: spike }, RATE).rows;
    const resale = 1 * (100e6 / 19.25);
    const want = rows.slice(0, 10).reduce((s, r) => s + r.pv, 0) + resale / (1 + RATE) ** (10 / 12);
    expect(got).toBeNear(want, { rel: 1e-9 });
    const bruteForce = floatMiningKnownThen(FLAT, RATE, price, spike);
    expect(bruteForce.stop).toBe(10);
    expect(bruteForce.npv).toBeNear(want, { rel: 1e-12 });
    // with hindsight the fleet would ride the spike out and stop at month 28, before the halving
    // (block 1,050,000, 125,000 blocks after the start: month 29): worth more on this path
    const hindsight = floatMining({ ...FLAT, difficulty_path: spike }, RATE);
    expect(hindsight.stop).toBe(28);
    expect(hindsight.npv).toBeGreaterThan(want + 1e6);
  });

  test("every k-month leg (the fleet sold at k) decides its own stop the same way", () => {
    const legs = new Float64Array(M + 1);
    miningPathValuer(FLAT, RATE).legs(
      Float64Array.from(price),
      Float64Array.from(spike),
      legs,
      new Float64Array(M + 1),
    );
    for (let k = 1; k <= M; k++) {
      const want = floatMiningKnownThen({ ...FLAT, months: k, salvage_pct: 0 }, RATE, price, spike).npv;
      expect(legs[k]).toBeNear(want, { rel: 1e-9, abs: 1, label: `leg ${k}` });
    }
  });
});

describe("on simulated paths, with refreshes", () => {
  const plan: FloatMiningPlan = {
    ...README_SITE,
    months: M,
    refresh_every_months: 12,
    idle_opex_pct: 0.5,
    stop_for_good: true,
    fleet_resale_usd_per_th: 4,
  };
  const risk: RiskInputs = {
    price_vol_annual: 0.6,
    difficulty_vol_annual: 0.3,
    price_difficulty_corr: 0.3,
    paths: 120,
    seed: 3,
  };
  /** The simulated paths, as the valuer reads them (month m at index m − 1). */
  const paths: { price: number[]; difficulty: number[] }[] = [];
  const market = planMarket(plan, validateMiningPlan(plan), risk);
  simulatePaths(market, { ...simulationSize(risk.paths, M, risk.seed), months: M - 1 }, (p, d) => {
    paths.push({ price: Array.from(p), difficulty: Array.from(d) });
    return 0;
  });
  const values = miningNpvPaths(plan, RATE, risk);

  test("each path's value is the brute-force known-then rule's (the first 15 paths)", () => {
    for (let i = 0; i < 15; i++) {
      const want = floatMiningKnownThen(plan, RATE, paths[i].price, paths[i].difficulty).npv;
      expect(values[i]).toBeNear(want, { rel: 1e-9, abs: 1, label: `path ${i}` });
    }
  });

  test("no path beats perfect foresight (the best stop month with hindsight), and the mean falls short of it", () => {
    let gap = 0;
    for (let i = 0; i < paths.length; i++) {
      const foresight = floatMining(
        { ...plan, price_path: paths[i].price, difficulty_path: paths[i].difficulty },
        RATE,
      ).npv;
      expect(values[i]).toBeLessThanOrEqual(foresight + 1e-9 * Math.abs(foresight));
      gap += foresight - values[i];
    }
    // hindsight is worth something on these paths: a rule that peeks at the future would close the gap
    expect(gap / paths.length).toBeGreaterThan(1e5);
  });
});
