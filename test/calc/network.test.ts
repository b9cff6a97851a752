/**
 * A network that answers hashprice: a difficulty path given month by month,
 * and a hashprice floor under which no month's difficulty lets hashprice fall, in the decimal
 * schedule, the conversion functions and on every simulated path. Expected difficulties are
 * worked here from the floor's definition (hashprice = price × 86,400 × 1e15 × (subsidy + fees) /
 * (difficulty × 2^32)), across a halving.
 */
import {
  conversionValue,
  InvalidArgumentError,
  miningCashFlows,
  MiningPlan,
  miningNpv,
  miningNpvPaths,
  miningPathValuer,
  planMarket,
  simulatePaths,
  validateMiningPlan,
} from "../../src/calc";
import { floatMining, FloatMiningPlan } from "../support/float-models";
import { relErr } from "../support/rational";
import { README_CONVERSION, README_SITE } from "./readme-example";

/** The README's site without its refreshes, over five years. */
const site = { ...README_SITE, months: 60, refresh_capex_usd_per_th: 0, refresh_every_months: 0 };
const CALM = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };

describe("the hashprice floor", () => {
  // Flat price, difficulty +5% a month, the halving 1,000 blocks into month 8: at a $30 floor the
  // difficulty is capped from month 6, blended in month 8, and falls by about half in month 9.
  const halving = { ...site, months: 12, btc_price_growth_monthly: 0, difficulty_growth_monthly: 0.05, start_height: 1_050_000 - 7 * 4380 - 1000, hashprice_floor_usd_per_ph_day: 30 };

  test("month by month, the difficulty is the lower of the path's and the one at which hashprice is the floor: worked by hand across a halving", () => {
    const rows = miningCashFlows(halving);
    const subsidy = (m: number) => (m < 8 ? 3.125 : m === 8 ? (1000 * 3.125 + 3380 * 1.5625) / 4380 : 1.5625);
    const capped: number[] = [];
    rows.forEach((r, i) => {
      const m = i + 1;
      const path = 1.52e14 * 1.05 ** (m - 1);
      const atFloor = (91_000 * 86_400e15 * (subsidy(m) + 0.036)) / (2 ** 32 * 30);
      expect(r.subsidy.toNumber()).toBeNear(subsidy(m), { rel: 1e-15, label: `month ${m}: subsidy` });
      expect(r.difficulty.toNumber()).toBeNear(Math.min(path, atFloor), { rel: 1e-13, label: `month ${m}: difficulty` });
      const hashprice = (91_000 * 86_400e15 * (subsidy(m) + 0.036)) / (r.difficulty.toNumber() * 2 ** 32);
      expect(hashprice).toBeGreaterThanOrEqual(30 * (1 - 1e-13));
      if (path > atFloor) capped.push(m);
    });
    expect(capped).toEqual([6, 7, 8, 9, 10, 11, 12]);
    // the network shrinks with the subsidy: month 9's difficulty is (1.5625 + 0.036) / (3.125 + 0.036) of month 7's
    expect(relErr(rows[8].difficulty.div(rows[6].difficulty).toNumber(), 1.5985 / 3.161)).toBeLessThan(1e-13);
  });

  test("when the difficulty excludes the fleet, the hashprice the fleet earns is the floor exactly in a capped month (the cap leaves room for the fleet)", () => {
    // a 1 GW fleet, about 5% of the network; flat price, difficulty +5% a month, switch-off off so every month runs
    const plan = { ...site, site_mw: 1000, months: 12, btc_price_growth_monthly: 0, difficulty_growth_monthly: 0.05, switch_off_below_cost: false, difficulty_includes_fleet: false, hashprice_floor_usd_per_ph_day: 30 };
    const fleetPh = 1000e6 / 19.25 / 1000;
    const perPhDay = fleetPh * (365 / 12) * 0.95 * (1 - 0.02); // PH-days earned a month
    const fleetDifficulty = (fleetPh * 1e15 * 600) / 2 ** 32;
    let capped = 0;
    miningCashFlows(plan).forEach((r, i) => {
      const m = i + 1;
      const path = 1.52e14 * 1.05 ** (m - 1);
      const earned = r.revenue.toNumber() / perPhDay;
      const atFloor = (91_000 * 86_400e15 * (3.125 + 0.036)) / (2 ** 32 * 30);
      if (path + fleetDifficulty > atFloor) {
        capped++;
        expect(earned).toBeNear(30, { rel: 1e-12, label: `month ${m}: hashprice earned` });
        expect(r.difficulty.toNumber()).toBeNear(atFloor - fleetDifficulty, { rel: 1e-12, label: `month ${m}: the network without the fleet` });
      } else expect(earned).toBeGreaterThan(30);
    });
    expect(capped).toBeGreaterThan(3);
    // and on a simulated path with every volatility 0
    const valuer = miningPathValuer(plan, 0.12);
    const hashprice = new Float64Array(13);
    const flat = Float64Array.from({ length: 12 }, () => 91_000);
    const grown = Float64Array.from({ length: 12 }, (_, j) => 1.52e14 * 1.05 ** j);
    valuer.legs(flat, grown, new Float64Array(13), hashprice);
    expect(hashprice[12]).toBeNear(30, { rel: 1e-12, label: "month 12 on the path" });
  });

  test("the schedule under a floor is the float model's (which caps the difficulty the same way), and blank is today's schedule", () => {
    for (const plan of [halving, { ...site, hashprice_floor_usd_per_ph_day: 35 }, { ...site, hashprice_floor_usd_per_ph_day: 25, difficulty_includes_fleet: false }]) {
      const f = floatMining(plan as FloatMiningPlan, 0.12);
      expect(relErr(miningNpv(plan, 0.12).toNumber(), f.npv)).toBeLessThan(1e-9);
    }
    expect(miningNpv({ ...site, hashprice_floor_usd_per_ph_day: undefined }, 0.12).eq(miningNpv(site, 0.12))).toBe(true);
    // the README's conversion at a $35 floor: the fleet runs on, and converting is worth far less
    const plan = README_CONVERSION;
    const floored = conversionValue({ ...plan, hashprice_floor_usd_per_ph_day: 35 });
    expect(floored.monthsSwitchedOff).toBe(0);
    expect(floored.conversionValue.toNumber()).toBeLessThan(conversionValue(plan).conversionValue.toNumber());
  });

  test("on every simulated path too: no month's hashprice below the floor, and with every volatility 0 the path is MININGNPV", () => {
    const plan = { ...site, months: 120, hashprice_floor_usd_per_ph_day: 32 };
    const valuer = miningPathValuer(plan, 0.12);
    const t = validateMiningPlan(plan);
    const market = planMarket(plan, t, { price_vol_annual: 0.6, difficulty_vol_annual: 0.3, price_difficulty_corr: 0.3, paths: 300, seed: 5 });
    const legs = new Float64Array(121);
    const hashprice = new Float64Array(121);
    let atFloor = 0;
    simulatePaths(market, { paths: 300, months: 119, seed: 5 }, (price, difficulty) => {
      valuer.legs(price, difficulty, legs, hashprice);
      for (let m = 1; m <= 120; m++) {
        expect(hashprice[m]).toBeGreaterThanOrEqual(32 * (1 - 1e-12));
        if (hashprice[m] < 32 * (1 + 1e-12)) atFloor++;
      }
      return 0;
    });
    expect(atFloor).toBeGreaterThan(1000); // the floor binds on many path-months
    const decimal = miningNpv(plan, 0.12).toNumber();
    for (const v of miningNpvPaths(plan, 0.12, CALM)) expect(relErr(v, decimal)).toBeLessThan(1e-9);
  });

  test.each([
    [0, /^hashprice_floor_usd_per_ph_day must be a hashprice greater than 0 \(USD per PH\/s per day; blank for no floor\); got 0$/],
    [-5, /^hashprice_floor_usd_per_ph_day must be a hashprice greater than 0 .*; got -5$/],
    ["x", /^hashprice_floor_usd_per_ph_day must be a hashprice greater than 0/],
  ])("a floor of %p is refused, naming it", (floor, message) => {
    expect(() => miningCashFlows({ ...site, hashprice_floor_usd_per_ph_day: floor })).toThrow(InvalidArgumentError);
    expect(() => miningCashFlows({ ...site, hashprice_floor_usd_per_ph_day: floor })).toThrow(message);
  });

  test("a floor so high that the network would shrink below the fleet is refused, naming the floor", () => {
    // at $10,000 per PH-day the network would be ~4 EH/s, below the fleet's 5.2 EH/s
    expect(() => miningCashFlows({ ...site, hashprice_floor_usd_per_ph_day: 10_000 })).toThrow(/^hashprice_floor_usd_per_ph_day must be a floor at which the network hashrate stays at least the fleet's.*in month \d+$/);
  });
});

describe("a difficulty path", () => {
  const path = Array.from({ length: 60 }, (_, i) => 1.5e14 + 1e12 * ((i * 37) % 11));

  test("row m is month m's difficulty, the growth is ignored; the schedule is the float model's", () => {
    const rows = miningCashFlows({ ...site, difficulty_path: path });
    rows.forEach((r, i) => expect([i, r.difficulty.toNumber()]).toEqual([i, path[i]]));
    const f = floatMining({ ...site, difficulty_path: path }, 0.12);
    expect(relErr(miningNpv({ ...site, difficulty_path: path }, 0.12).toNumber(), f.npv)).toBeLessThan(1e-9);
    // rows beyond the horizon are not read
    expect(miningNpv({ ...site, difficulty_path: [...path, -1, ""] }, 0.12).eq(miningNpv({ ...site, difficulty_path: path }, 0.12))).toBe(true);
  });

  test("with every volatility 0 each simulated path is MININGNPV; with volatility the simulated difficulty's mean is the path", () => {
    const plan = { ...site, difficulty_path: path };
    const decimal = miningNpv(plan, 0.12).toNumber();
    for (const v of miningNpvPaths(plan, 0.12, CALM)) expect(relErr(v, decimal)).toBeLessThan(1e-9);
    const market = planMarket(plan, validateMiningPlan(plan), { price_vol_annual: 0.5, difficulty_vol_annual: 0.4, price_difficulty_corr: 0, paths: 4000, seed: 3 });
    const sum = new Float64Array(60);
    const sumSq = new Float64Array(60);
    simulatePaths(market, { paths: 4000, months: 59, seed: 3 }, (_, d) => {
      for (let t = 0; t < 60; t++) {
        sum[t] += d[t];
        sumSq[t] += d[t] * d[t];
      }
      return 0;
    });
    for (const t of [0, 10, 30, 59]) {
      const mean = sum[t] / 4000;
      const se = Math.sqrt((sumSq[t] / 4000 - mean * mean) / 3999);
      expect(mean).toBeNear(path[t], { abs: 3 * se + 1e-6 * path[t], label: `month ${t}: mean difficulty` });
    }
  });

  test.each([
    [path.slice(0, 59), /^difficulty_path must be one difficulty per month \(row m is month m\), each 1 or more, for at least the horizon's 60 months; got 59 rows$/],
    [[...path.slice(0, 9), undefined, ...path.slice(10)], /^difficulty_path must be .*with no blank row; got a blank in row 10$/],
    [[...path.slice(0, 9), "", ...path.slice(10)], /^difficulty_path must be .*with no blank row; got a blank in row 10$/],
    [[...path.slice(0, 4), -3e14, ...path.slice(5)], /^difficulty_path must be one difficulty per month \(row m is month m\), each 1 or more; got -300000000000000 in row 5$/],
    [[...path.slice(0, 4), 0.5, ...path.slice(5)], /^difficulty_path must be .*; got 0.5 in row 5$/],
  ])("a bad path is refused, naming the row or both lengths (%#)", (bad, message) => {
    expect(() => miningCashFlows({ ...site, difficulty_path: bad } as MiningPlan)).toThrow(InvalidArgumentError);
    expect(() => miningCashFlows({ ...site, difficulty_path: bad } as MiningPlan)).toThrow(message);
  });

  test("a single number is that difficulty in every month (a flat path), checked as one", () => {
    const flat = Array.from({ length: 60 }, () => 1.6e14);
    expect(miningNpv({ ...site, difficulty_path: 1.6e14 }, 0.12).eq(miningNpv({ ...site, difficulty_path: flat }, 0.12))).toBe(true);
    expect(relErr(miningNpv({ ...site, difficulty_path: 1.6e14 }, 0.12).toNumber(), floatMining({ ...site, difficulty_path: flat }, 0.12).npv)).toBeLessThan(1e-9);
    expect(() => miningCashFlows({ ...site, difficulty_path: 0.5 })).toThrow(/^difficulty_path must be a number of 1 or more/);
  });

  test("for a conversion the path must cover the lease's horizon, and the error says so", () => {
    const plan = { ...site, discount_rate: 0.12, rate_usd_per_kw_month: 150, term_years: 10, conversion_months: 12 };
    expect(() => conversionValue({ ...plan, difficulty_path: path })).toThrow(/^difficulty_path must be .*for at least the horizon's 132 months; got 60 rows$/);
  });

  test("a path row below the fleet's own hashrate is refused, naming the row", () => {
    const small = path.map((d, i) => (i === 7 ? 1e11 : d)); // 0.7 EH/s against the fleet's 5.2
    expect(() => miningCashFlows({ ...site, difficulty_path: small })).toThrow(/^difficulty_path must be difficulties whose network hashrate is at least the fleet's.*\(row 8\)$/);
  });
});
