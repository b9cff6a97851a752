/**
 * energy_tax_start_month: the energy tax from a later month (New York's S8518 applies to tax years
 * from 1 January 2027), in the mining schedule and everything built on it, against the float model
 * of test/support/float-models.ts (which charges the tax, and decides to run with it, only from the
 * start month), and the "$26.4M overstated" on the README's 100 MW example.
 */
import {
  conversionBreakevenPrice,
  conversionDistribution,
  conversionOption,
  conversionPaths,
  ConversionPlan,
  conversionTiming,
  conversionValue,
  InvalidArgumentError,
  miningCashFlows,
  miningNpv,
  miningNpvPaths,
  miningSchedule,
  mwEconomics,
} from "../../src/calc";
import { floatLease, floatMining, floatMiningThenSell, FloatMiningPlan } from "../support/float-models";
import { between, prng, relErr } from "../support/rational";
import { README_CONVERSION, README_LEASE, README_SITE } from "./readme-example";

/** New York's tiered excise on 100 MW at its effective rate: ENERGYTAX(876E6) / 876E6 = 4.955¢. */
const NY = 43_405_000 / 876_000_000;
/** The README example starts at block 925,000 (late November 2025): 1 January 2027 falls in month 14. */
const FROM_2027 = 14;
const H = 132;
const CALM = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };

describe("the schedule with the tax from a later month is the float model's", () => {
  test("60 random plans, start months before, inside and after the horizon: every month's running flag, tax and flow, and the NPV, within 1e-9", () => {
    const rand = prng(2327);
    let runsUntaxedOnly = 0;
    for (let i = 0; i < 60; i++) {
      const months = 12 + Math.floor(rand() * 96);
      const p: FloatMiningPlan = {
        site_mw: between(rand, 1, 300),
        efficiency_j_th: between(rand, 12, 30),
        pue: between(rand, 1, 1.3, false),
        power_price_kwh: between(rand, 0.02, 0.07),
        btc_price: between(rand, 40_000, 200_000),
        difficulty: between(rand, 8e13, 3e14),
        start_height: Math.floor(between(rand, 850_000, 1_250_000, false)),
        months,
        fees_btc_per_block: between(rand, 0, 0.3, false),
        pool_fee: 0.02,
        uptime: between(rand, 0.85, 1, false),
        difficulty_growth_monthly: between(rand, -0.01, 0.03, false),
        btc_price_growth_monthly: between(rand, -0.02, 0.03, false),
        opex_usd_per_mw_month: between(rand, 5_000, 30_000, false),
        refresh_capex_usd_per_th: between(rand, 5, 20),
        refresh_every_months: [0, 12, 24, 36][i % 4],
        switch_off_below_cost: i % 7 !== 0,
        energy_tax_usd_per_kwh: between(rand, 0.005, 0.05, false),
        energy_tax_start_month: [1, 2, 1 + Math.floor(rand() * months), months, months + 1, 10 * months][i % 6],
        idle_opex_pct: [1, 0.25][i % 2],
        stop_for_good: i % 3 === 0,
        fleet_resale_usd_per_th: i % 3 === 0 ? 3 : 0,
      };
      const r = between(rand, 0, 0.2, false);
      const f = floatMining(p, r);
      const rows = miningSchedule(p, r);
      expect([i, rows.map((x) => x.running)]).toEqual([i, f.rows.map((x) => x.running)]);
      const scale =
        f.rows.reduce((s, x) => s + Math.abs(x.revenue) + x.power + x.tax + x.opex + x.capex + x.salvage, 0) || 1;
      let worst = 0;
      rows.forEach((x, k) => {
        worst = Math.max(
          worst,
          Math.abs(x.energyTax.toNumber() - f.rows[k].tax),
          Math.abs(x.net.toNumber() - f.rows[k].net),
        );
      });
      expect(worst).toBeNear(0, { abs: 1e-9 * scale, label: `plan ${i}: the worst month's difference` });
      expect(miningNpv(p, r).toNumber()).toBeNear(f.npv, { abs: 1e-9 * scale, label: `plan ${i}: MININGNPV` });
      // a month before the start ran that would not have run with the tax
      const start = p.energy_tax_start_month as number;
      if (
        f.rows.some(
          (x) =>
            x.month < start &&
            x.running &&
            x.revenue <
              x.power +
                x.opex * (1 - (p.idle_opex_pct as number)) +
                (x.power / (p.power_price_kwh as number)) * (p.energy_tax_usd_per_kwh as number),
        )
      )
        runsUntaxedOnly++;
    }
    expect(runsUntaxedOnly).toBeGreaterThan(5); // the plans exercise the rule, not only the tax column
  });

  test("omitted, or 1, it changes nothing, digit for digit; after the horizon there is no tax at all", () => {
    const plan = { ...README_SITE, months: 60, energy_tax_usd_per_kwh: NY };
    const plain = miningSchedule(plan, 0.12).map((r) => r.net.toString());
    expect(miningSchedule({ ...plan, energy_tax_start_month: 1 }, 0.12).map((r) => r.net.toString())).toEqual(plain);
    const never = miningSchedule({ ...plan, energy_tax_start_month: 61 }, 0.12).map((r) => r.net.toString());
    expect(never).toEqual(miningSchedule({ ...plan, energy_tax_usd_per_kwh: 0 }, 0.12).map((r) => r.net.toString()));
  });

  test("a start month below 1 or not whole is #VALUE!, naming it", () => {
    for (const bad of [0, -3, 1.5]) {
      expect(() => miningCashFlows({ ...README_SITE, months: 12, energy_tax_start_month: bad })).toThrow(
        InvalidArgumentError,
      );
      expect(() => miningCashFlows({ ...README_SITE, months: 12, energy_tax_start_month: bad })).toThrow(
        /energy_tax_start_month must be a whole number of 1 or more/,
      );
    }
  });
});

describe("the README's 100 MW example under New York's tax, from 2027", () => {
  const plan: ConversionPlan = { ...README_CONVERSION, energy_tax_usd_per_kwh: NY, energy_tax_start_month: FROM_2027 };
  const floatPlan = plan as ConversionPlan & FloatMiningPlan;

  test("the issue's $26.4M: the tax from month 1 values mining $26.40M lower than from month 14, because months 1–13 can no longer run", () => {
    const fromStart = conversionValue({ ...plan, energy_tax_start_month: 1 });
    const from2027 = conversionValue(plan);
    const f1 = floatMining({ ...floatPlan, months: H, energy_tax_start_month: 1 }, 0.12);
    const f14 = floatMining({ ...floatPlan, months: H }, 0.12);
    expect(relErr(from2027.miningValue.toNumber(), f14.npv)).toBeLessThan(1e-9);
    expect((f14.npv - f1.npv) / 1e6).toBeCloseTo(26.4, 1);
    expect(from2027.miningValue.sub(fromStart.miningValue).toNumber() / 1e6).toBeCloseTo(26.4, 1);
    // The tax is never paid: at 4.5¢ + 4.95¢ no month covers its power, so a taxed month is off.
    expect(f1.rows.every((r) => !r.running)).toBe(true);
    expect(f14.rows.filter((r) => r.running).map((r) => r.month)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(f14.rows.reduce((s, r) => s + r.tax, 0)).toBe(0);
    expect(from2027.conversionValue.toNumber() / 1e6).toBeCloseTo(91.56, 2);
    expect(fromStart.conversionValue.toNumber() / 1e6).toBeCloseTo(117.97, 2);
  });

  test("CONVERSIONVALUE, CONVERSIONTIMING's rows and MWECONOMICS' mining year are the float model's", () => {
    const L = floatLease(README_LEASE, 0.12).npv;
    const mining = floatMining({ ...floatPlan, months: H }, 0.12).npv;
    expect(relErr(conversionValue(plan).conversionValue.toNumber(), L - mining)).toBeLessThan(1e-9);
    const t = conversionTiming(plan);
    for (const k of [0, 1, 13, 14, 15, 60, H]) {
      const want = floatMiningThenSell({ ...floatPlan, months: H }, 0.12, k) + L / 1.12 ** (k / 12) - mining;
      expect(t.rows[k].value.toNumber()).toBeNear(want, { abs: 1e-9 * (Math.abs(mining) + L), label: `row ${k}` });
    }
    // the first year with the tax from month 7: months 1–6 untaxed, 7–12 taxed (and off)
    const year = floatMining({ ...floatPlan, months: 12, energy_tax_start_month: 7, refresh_every_months: 0 }, 0).rows;
    const e = mwEconomics({ ...plan, energy_tax_start_month: 7 });
    const revenue = year.reduce((s, r) => s + r.revenue, 0);
    const ebitda = year.reduce((s, r) => s + r.revenue - r.power - r.tax - r.opex, 0);
    expect(relErr(e.mining.revenuePerMwYear.toNumber(), revenue / 100)).toBeLessThan(1e-12);
    expect(relErr(e.mining.ebitdaPerMwYear.toNumber(), ebitda / 100)).toBeLessThan(1e-9);
    expect(year.filter((r) => r.running)).toHaveLength(6);
  });

  // From month 40 the months before it run at the breakeven only because they are untaxed.
  test.each([FROM_2027, 40])(
    "CONVERSIONBREAKEVEN with the tax from month %d is the float model's lowest crossing (each month's own threshold)",
    (start) => {
      const be = conversionBreakevenPrice({ ...plan, energy_tax_start_month: start }).toNumber();
      const L = floatLease(README_LEASE, 0.12).npv;
      const gap = (price: number) =>
        L - floatMining({ ...floatPlan, btc_price: price, months: H, energy_tax_start_month: start }, 0.12).npv;
      expect(gap(be * (1 - 1e-9))).toBeGreaterThan(0);
      expect(gap(be * (1 + 1e-9))).toBeLessThan(0);
      for (let x = 40_000; x < be * 0.999; x *= 1.03) expect(gap(x)).toBeGreaterThan(0);
      expect(be).toBeLessThan(conversionBreakevenPrice({ ...plan, energy_tax_start_month: 1 }).toNumber());
    },
  );

  test("the simulations with every volatility 0: MININGNPVDIST's paths are MININGNPV, CONVERSIONDIST's CONVERSIONVALUE, CONVERSIONOPTION's gain CONVERSIONTIMING's best row", () => {
    const npv = miningNpv({ ...plan, months: 60 }, 0.12).toNumber();
    for (const v of miningNpvPaths({ ...plan, months: 60 }, 0.12, CALM)) expect(relErr(v, npv)).toBeLessThan(1e-9);
    const v = conversionValue(plan);
    for (const x of conversionPaths(plan, CALM).values)
      expect(Math.abs(x - v.conversionValue.toNumber()) / Math.abs(v.miningValue.toNumber())).toBeLessThan(1e-9);
    expect(conversionDistribution(plan, CALM).mean.value).toBeCloseTo(v.conversionValue.toNumber(), -1);
    const o = conversionOption(plan, CALM);
    const best = conversionTiming(plan).best.value.toNumber();
    expect(Math.abs(o.flexible.value - o.mine.value - Math.max(0, best))).toBeLessThan(1e-9 * Math.abs(o.mine.value));
  });
});
