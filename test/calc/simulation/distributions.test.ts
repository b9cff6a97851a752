/**
 * The distributions of mining NPV and of the conversion value: the float path valuation against
 * the decimal schedule (a separate implementation) with every volatility 0, against a plain-float
 * re-derivation on random paths, the identities a simulation must keep (the mean of a linear NPV is the
 * deterministic NPV; switching off is an option), reproducibility, and the summary's own numbers
 * recomputed from the simulated values.
 */
import {
  conversionDistribution,
  conversionPaths,
  ConversionPlan,
  conversionValue,
  marketModel,
  miningCashFlows,
  miningNpv,
  miningNpvDistribution,
  miningNpvPaths,
  miningPathValuer,
  MiningPlan,
  RiskInputs,
  simulatePaths,
} from "../../../src/calc";
import { floatMeanSubsidy } from "../../support/float-models";
import { README_SITE } from "../readme-example";

/** The README's 100 MW site over five years (switch-off by default: most months off). */
const SITE: MiningPlan = { ...README_SITE, months: 60 };
const RATE = 0.12;
const CALM: RiskInputs = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };
const RISKY: RiskInputs = { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, paths: 2000, seed: 11 };

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("with every volatility 0, each path's value is the decimal MININGNPV to 1e-9 relative", () => {
  const plans: [string, MiningPlan, number][] = [
    ["the README site, months switched off", SITE, RATE],
    ["a halving inside month 2, salvage 30%, energy tax, 3-year refresh", { ...SITE, start_height: 1_044_000, salvage_pct: 0.3, energy_tax_usd_per_kwh: 0.01, refresh_every_months: 36 }, RATE],
    ["forced mining (no switch-off), falling price, no discounting", { ...SITE, switch_off_below_cost: false, btc_price_growth_monthly: -0.01 }, 0],
    ["the difficulty excludes the fleet (a 1 GW site), uptime 80%", { ...SITE, site_mw: 1000, difficulty_includes_fleet: false, uptime: 0.8, months: 120 }, 0.08],
    ["cheap power: every month runs, ten years, 2 halvings", { ...SITE, power_price_kwh: 0.01, months: 240, difficulty_growth_monthly: 0.005, salvage_pct: 0.1 }, 0.1],
    ["one month", { ...SITE, months: 1, salvage_pct: 1 }, RATE],
  ];
  test.each(plans)("%s", (_, plan, rate) => {
    const decimal = miningNpv(plan, rate).toNumber();
    const values = miningNpvPaths(plan, rate, CALM);
    expect(values).toHaveLength(100);
    for (const v of values) expect(relative(v, decimal)).toBeLessThan(1e-9);
    const d = miningNpvDistribution(plan, rate, CALM);
    expect(relative(d.mean.value, decimal)).toBeLessThan(1e-9);
    expect(d.mean.se).toBeLessThan(1e-15 * Math.abs(decimal)); // the rounding of a sum of equal doubles
    for (const q of d.quantiles) expect(relative(q.value, decimal)).toBeLessThan(1e-9);
  });

  test("the plans cover what they say: months switched off and on, a halving blended inside a month", () => {
    const rows = miningCashFlows(SITE);
    expect(rows.filter((r) => !r.running).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.running).length).toBeGreaterThan(5);
    const halving = miningCashFlows({ ...SITE, start_height: 1_044_000 });
    expect(halving[0].subsidy.toNumber()).toBe(3.125);
    expect(halving[1].subsidy.toNumber()).toBeGreaterThan(1.5625);
    expect(halving[1].subsidy.toNumber()).toBeLessThan(3.125);
  });

  test("the conversion value, too: the lease NPV less each path's mining NPV", () => {
    const plan: ConversionPlan = {
      ...SITE,
      discount_rate: RATE,
      rate_usd_per_kw_month: 150,
      term_years: 10,
      escalator: 0.03,
      conversion_capex_usd_per_mw: 9e6,
      conversion_months: 12,
      opex_pct_of_revenue: 0.15,
      site_mw_per_critical_it_mw: 1.4,
      salvage_pct: 0.2,
    };
    const decimal = conversionValue(plan);
    const { values, leaseValue, horizonMonths } = conversionPaths(plan, CALM);
    expect(horizonMonths).toBe(132);
    expect(leaseValue).toBe(decimal.leaseValue.toNumber());
    // The conversion value is a difference: compare the mining leg to its own scale.
    for (const v of values) expect(Math.abs(v - decimal.conversionValue.toNumber()) / Math.abs(decimal.miningValue.toNumber())).toBeLessThan(1e-9);
  });
});

describe("on random paths, the valuation is the schedule's formula re-derived in plain floats", () => {
  /** Month m (1..months) earns at the path's price and difficulty of simulated month m − 1. */
  function reDerived(plan: MiningPlan, rate: number, price: Float64Array, difficulty: Float64Array): number {
    const fleet = (plan.site_mw as number) * 1e6 / ((plan.efficiency_j_th as number) * (plan.pue as number));
    const fleetDifficulty = (fleet * 1e12 * 600) / 2 ** 32;
    const uptime = (plan.uptime as number) ?? 1;
    const variable = (plan.site_mw as number) * 1000 * 730 * uptime * ((plan.power_price_kwh as number) + ((plan.energy_tax_usd_per_kwh as number) ?? 0));
    const fleetPrice = ((plan.refresh_capex_usd_per_th as number) ?? 0) * fleet;
    let npv = 0;
    let due = plan.refresh_every_months as number; // the next refresh: bought in the first month from then that runs
    for (let m = 1; m <= (plan.months as number); m++) {
      const subsidy = floatMeanSubsidy((plan.start_height as number) + 4380 * (m - 1), 4380);
      const d = Math.max(difficulty[m - 1], fleetDifficulty);
      const btc = (fleet * uptime * (1 - (plan.pool_fee as number)) * (365 / 12) * 86400 * 1e12 * (subsidy + (plan.fees_btc_per_block as number))) / (d * 2 ** 32);
      const revenue = btc * price[m - 1];
      const opex = (plan.opex_usd_per_mw_month as number) * (plan.site_mw as number);
      const idle = opex * ((plan.idle_opex_pct as number) ?? 1);
      const runs = plan.switch_off_below_cost === false || revenue >= variable + opex - idle;
      let capex = 0;
      if (runs && m >= due) {
        // only with refresh_every_months months of the horizon left
        if ((plan.months as number) - m >= (plan.refresh_every_months as number)) capex = fleetPrice;
        due = m + (plan.refresh_every_months as number);
      }
      const salvage = m === plan.months ? ((plan.salvage_pct as number) ?? 0) * fleetPrice : 0;
      const net = (runs ? revenue - variable - opex : -idle) - capex + salvage;
      npv += net / (1 + rate) ** (m / 12);
    }
    return npv;
  }

  test("200 paths, switch-off on and off, salvage, refreshes deferred past idle months at 30% idle opex: every path within 1e-9 relative", () => {
    const model = marketModel({ ...SITE, ...RISKY } as never);
    for (const plan of [{ ...SITE, salvage_pct: 0.25 }, { ...SITE, switch_off_below_cost: false }, { ...SITE, refresh_every_months: 12, idle_opex_pct: 0.3 }]) {
      const valuer = miningPathValuer(plan, RATE);
      const deterministic = miningNpvPaths(plan, RATE, CALM)[0];
      let off = 0;
      simulatePaths(model, { paths: 200, months: 59, seed: 3 }, (price, difficulty) => {
        const v = valuer.value(price, difficulty);
        const expected = reDerived(plan, RATE, price, difficulty);
        expect(relative(v, expected)).toBeLessThan(1e-9);
        if (v !== deterministic) off++;
        return v;
      });
      expect(off).toBe(200); // the paths differ from the deterministic one
    }
  });

  test("month m reads simulated month m − 1: a price spike at index 11 moves month 12 only", () => {
    const plan = { ...SITE, months: 24, switch_off_below_cost: false };
    const valuer = miningPathValuer(plan, RATE);
    const price = new Float64Array(24).fill(91000);
    const difficulty = new Float64Array(24).fill(1.52e14);
    const base = valuer.value(price, difficulty);
    price[11] = 182000; // doubles month 12's revenue
    const rows = miningCashFlows({ ...plan, btc_price_growth_monthly: 0, difficulty_growth_monthly: 0 });
    const month12Revenue = rows[11].revenue.toNumber() / (1 + RATE) ** (12 / 12);
    expect(relative(valuer.value(price, difficulty) - base, month12Revenue)).toBeLessThan(1e-9);
  });

  test("a difficulty below the fleet's own reads as the fleet being the whole network: it earns the month's issuance", () => {
    const plan = { ...SITE, months: 1, switch_off_below_cost: false, opex_usd_per_mw_month: 0, power_price_kwh: 0, refresh_every_months: 0 };
    const valuer = miningPathValuer(plan, 0);
    const issued = 4380 * (3.125 + 0.036) * 0.95 * (1 - 0.02); // BTC: every block of the month, after uptime and pool fee
    expect(relative(valuer.value([91000], [1e3]), issued * 91000)).toBeLessThan(1e-12);
  });
});

describe("the identities a simulation keeps", () => {
  test("switch-off off, price noise only: the mean NPV is MININGNPV within 3 standard errors", () => {
    for (const [plan, seed] of [[{ ...SITE, switch_off_below_cost: false }, 1], [{ ...SITE, switch_off_below_cost: false, months: 120, salvage_pct: 0.2 }, 2]] as const) {
      const d = miningNpvDistribution(plan, RATE, { ...RISKY, difficulty_vol_annual: 0, paths: 10000, seed });
      const exact = miningNpv(plan, RATE).toNumber();
      expect(d.mean.se).toBeGreaterThan(0);
      expect(Math.abs(d.mean.value - exact)).toBeLessThan(3 * d.mean.se);
    }
  });

  test("switch-off on, price noise only: the mean NPV is at least MININGNPV − 3 SE, and path by path at least forced mining's", () => {
    const risk = { ...RISKY, difficulty_vol_annual: 0, paths: 10000 };
    const d = miningNpvDistribution(SITE, RATE, risk);
    expect(d.mean.value).toBeGreaterThan(miningNpv(SITE, RATE).toNumber() - 3 * d.mean.se);
    // The option is worth something here: the mean is well above the deterministic NPV.
    expect(d.mean.value - miningNpv(SITE, RATE).toNumber()).toBeGreaterThan(10 * d.mean.se);
    const withOption = miningNpvPaths(SITE, RATE, risk);
    const forced = miningNpvPaths({ ...SITE, switch_off_below_cost: false }, RATE, risk);
    for (let p = 0; p < withOption.length; p++) expect(withOption[p]).toBeGreaterThanOrEqual(forced[p]);
  });

  test("the conversion value's mean is CONVERSIONVALUE within 3 SE when mining is forced and only the price is random", () => {
    const plan: ConversionPlan = { ...SITE, switch_off_below_cost: false, discount_rate: RATE, rate_usd_per_kw_month: 150, term_years: 10, conversion_capex_usd_per_mw: 9e6, conversion_months: 12 };
    const d = conversionDistribution(plan, { ...RISKY, difficulty_vol_annual: 0, paths: 10000 });
    expect(Math.abs(d.mean.value - conversionValue(plan).conversionValue.toNumber())).toBeLessThan(3 * d.mean.se);
  });
});

describe("reproducible", () => {
  test("the same seed gives bit-identical values; another seed different ones", () => {
    const a = miningNpvPaths(SITE, RATE, RISKY);
    const b = miningNpvPaths(SITE, RATE, RISKY);
    const c = miningNpvPaths(SITE, RATE, { ...RISKY, seed: 12 });
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
    let same = 0;
    for (let p = 0; p < a.length; p++) if (a[p] === c[p]) same++;
    expect(same).toBe(0);
  });

  test("path p is the same however many paths run", () => {
    const few = miningNpvPaths(SITE, RATE, { ...RISKY, paths: 100 });
    const many = miningNpvPaths(SITE, RATE, RISKY);
    expect(Array.from(many.slice(0, 100))).toEqual(Array.from(few));
  });
});

describe("the summary is the simulated values' own statistics", () => {
  const values = Array.from(miningNpvPaths(SITE, RATE, RISKY)).sort((x, y) => x - y);
  const d = miningNpvDistribution(SITE, RATE, { ...RISKY, quantiles: [0.05, 0.5, 0.95] });

  test("mean and its SE s/√n; P(NPV < 0) and its binomial SE", () => {
    const n = values.length;
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    expect(relative(d.mean.value, mean)).toBeLessThan(1e-12);
    expect(relative(d.mean.se, sd / Math.sqrt(n))).toBeLessThan(1e-9);
    const p = values.filter((v) => v < 0).length / n;
    expect(d.below.value).toBe(p);
    expect(relative(d.below.se, Math.sqrt((p * (1 - p)) / n))).toBeLessThan(1e-12);
  });

  test("quantiles are Excel's PERCENTILE.INC of the values, in the order asked", () => {
    expect(d.fractions).toEqual([0.05, 0.5, 0.95]);
    [0.05, 0.5, 0.95].forEach((p, k) => {
      const h = p * (values.length - 1);
      const j = Math.floor(h);
      const inc = values[j] + (h - j) * (values[j + 1] - values[j]);
      expect(relative(d.quantiles[k].value, inc)).toBeLessThan(1e-12);
    });
  });

  test("P10, P50, P90 when no quantiles are asked for", () => {
    expect(miningNpvDistribution(SITE, RATE, { ...RISKY, paths: 100 }).fractions).toEqual([0.1, 0.5, 0.9]);
  });

  test("CONVERSIONDIST: lease less mining path by path; P(leasing worth more) and P(value < 0) add to 1", () => {
    const plan: ConversionPlan = { ...SITE, discount_rate: RATE, rate_usd_per_kw_month: 150, term_years: 10, conversion_capex_usd_per_mw: 9e6, conversion_months: 12 };
    const conv = conversionPaths(plan, RISKY);
    const mining = miningNpvPaths({ ...SITE, months: 132 }, RATE, RISKY);
    for (let p = 0; p < mining.length; p++) expect(conv.values[p]).toBe(conv.leaseValue - mining[p]);
    const c = conversionDistribution(plan, RISKY);
    const wins = Array.from(conv.values).filter((v) => v > 0).length / conv.values.length;
    expect(c.leasingWorthMore.value).toBe(wins);
    expect(c.leasingWorthMore.value + c.below.value).toBe(1);
    expect(c.leaseValue).toBe(conv.leaseValue);
  });
});

describe("bad inputs are refused, naming the argument", () => {
  const bad = (risk: Partial<RiskInputs>, message: RegExp) =>
    expect(() => miningNpvDistribution(SITE, RATE, { ...RISKY, paths: 100, ...risk })).toThrow(message);
  test("negative volatility, |corr| > 1, paths 0 or fractional, quantiles outside (0, 1)", () => {
    bad({ price_vol_annual: -0.1 }, /^price_vol_annual must be a number of 0 or more/);
    bad({ difficulty_vol_annual: -0.1 }, /^difficulty_vol_annual must be a number of 0 or more/);
    bad({ price_difficulty_corr: 1.01 }, /^price_difficulty_corr must be a correlation from -1 to 1/);
    bad({ price_difficulty_corr: -2 }, /^price_difficulty_corr must be/);
    bad({ paths: 0 }, /^paths must be a whole number of at least 100; got 0/);
    bad({ paths: 250.5 }, /^paths must be a whole number of at least 100; got 250.5/);
    bad({ quantiles: [0.5, 1] }, /^quantiles must be fractions strictly between 0 and 1/);
    bad({ quantiles: [0] }, /^quantiles must be fractions strictly between 0 and 1/);
    bad({ quantiles: [] }, /^quantiles must be fractions strictly between 0 and 1 \(0.1 = P10\); got none/);
  });
  test("more paths than the limit is no answer (#NUM!), saying the limit", () => {
    bad({ paths: 100_001 }, /^paths: at most 100,000 paths in one cell; got 100001/);
    expect(() => miningNpvDistribution({ ...SITE, months: 1200 }, RATE, { ...RISKY, paths: 3001 })).toThrow(/at most 3,600,000 paths × months in one cell \(3,000 paths over 1200 months\)/);
  });
  test("the plan's own errors are MININGNPV's", () => {
    expect(() => miningNpvDistribution({ ...SITE, pool_fee: 1.5 }, RATE, RISKY)).toThrow(/^pool_fee must be a fraction from 0 to 1/);
  });
});
