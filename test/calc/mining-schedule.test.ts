import {
  btcPerThDay,
  conversionBreakevenPrice,
  conversionValue,
  Decimal,
  fleetHashrateThs,
  leaseNpv,
  meanSubsidyBtc,
  miningCashFlows,
  miningNpv,
  miningSchedule,
  NoAnswerError,
  perMwPerYear,
} from "../../src/calc";
import { relErr } from "../support/rational";

const site = {
  site_mw: 100,
  efficiency_j_th: 17.5,
  pue: 1.1,
  power_price_kwh: 0.045,
  btc_price: 91_000,
  difficulty: 1.52e14,
  start_height: 925_000,
  months: 60,
  fees_btc_per_block: 0.036,
  pool_fee: 0.02,
  uptime: 0.95,
  difficulty_growth_monthly: 0.02,
  btc_price_growth_monthly: 0.01,
  opex_usd_per_mw_month: 15_000,
};

describe("mining schedule", () => {
  test("fleet hashrate is site MW over efficiency × PUE", () => {
    expect(fleetHashrateThs(100, 17.5, 1.1).toNumber()).toBeCloseTo(100e6 / 19.25, 6);
    expect(() => fleetHashrateThs(100, 17.5, 0.9)).toThrow(/pue must be 1 or more/);
  });

  test("the subsidy halves in the month that contains block 1,050,000, blended by block count", () => {
    const rows = miningCashFlows(site);
    // 125,000 blocks to the halving at 4,380 a month: months 1..28 end before it, month 29 holds it.
    const k = Math.floor((1_050_000 - 925_000) / 4_380) + 1;
    expect(k).toBe(29);
    expect(rows[k - 2].subsidy.toNumber()).toBe(3.125);
    const before = 1_050_000 - rows[k - 1].startHeight; // blocks at 3.125 in month 29
    expect(rows[k - 1].subsidy.toNumber()).toBeCloseTo((before * 3.125 + (4_380 - before) * 1.5625) / 4_380, 12);
    expect(rows[k].subsidy.toNumber()).toBe(1.5625);
    expect(rows[rows.length - 1].subsidy.toNumber()).toBe(1.5625);
  });

  test("a month starting exactly at a halving pays the new subsidy for all its blocks", () => {
    expect(meanSubsidyBtc(1_050_000, 4_380).toNumber()).toBe(1.5625);
    expect(meanSubsidyBtc(1_050_000 - 4_380, 4_380).toNumber()).toBe(3.125);
    expect(meanSubsidyBtc(1_050_000 - 1, 2).toNumber()).toBe((3.125 + 1.5625) / 2);
  });

  test("each month's BTC, revenue and costs follow the formulas (independent float check)", () => {
    const rows = miningCashFlows(site);
    const fleet = 100e6 / (17.5 * 1.1);
    const days = 365 / 12;
    for (const r of rows) {
      const d = 1.52e14 * 1.02 ** (r.month - 1);
      const p = 91_000 * 1.01 ** (r.month - 1);
      const btc = fleet * 0.95 * 0.98 * days * 86400e12 * (r.subsidy.toNumber() + 0.036) / (d * 2 ** 32);
      expect(relErr(r.btcMined.toNumber(), btc)).toBeLessThan(1e-12);
      expect(relErr(r.revenue.toNumber(), btc * p)).toBeLessThan(1e-12);
      expect(relErr(r.powerCost.toNumber(), 100 * 1000 * 24 * days * 0.95 * 0.045)).toBeLessThan(1e-14);
      expect(r.opex.toNumber()).toBe(1_500_000);
    }
  });

  test("fleet refresh capex lands in every refresh month", () => {
    const rows = miningCashFlows({ ...site, refresh_capex_usd_per_th: 15, refresh_every_months: 24 });
    const fleet = fleetHashrateThs(100, 17.5, 1.1);
    expect(rows[23].capex.eq(fleet.mul(15))).toBe(true);
    expect(rows[47].capex.eq(fleet.mul(15))).toBe(true);
    expect(rows.filter((r) => !r.capex.isZero())).toHaveLength(2);
  });

  test("present values sum to the NPV exactly; NPV falls as the discount rate rises", () => {
    const rows = miningSchedule(site, 0.12);
    expect(rows.reduce((s, r) => s.add(r.presentValue), new Decimal(0)).eq(miningNpv(site, 0.12))).toBe(true);
    const profitable = { ...site, difficulty_growth_monthly: 0, months: 24 }; // every month's net > 0
    expect(miningCashFlows(profitable).every((r) => r.net.isPos())).toBe(true);
    expect(miningNpv(profitable, 0.15).lt(miningNpv(profitable, 0.12))).toBe(true);
  });

  test("refuses a horizon of 0 months", () => {
    expect(() => miningCashFlows({ ...site, months: 0 })).toThrow(/months must be a whole number from 1 to 1200/);
  });
});

describe("mine or lease", () => {
  const plan = {
    ...site,
    discount_rate: 0.12,
    rate_usd_per_kw_month: 150,
    term_years: 10,
    escalator: 0.03,
    conversion_capex_usd_per_mw: 9e6,
    conversion_months: 12,
    opex_pct_of_revenue: 0.15,
    site_mw_per_critical_it_mw: 1.4,
  };

  test("conversion value is the lease NPV minus the mining NPV over the same horizon", () => {
    const v = conversionValue(plan);
    const lease = leaseNpv({ critical_it_mw: 100 / 1.4, rate_usd_per_kw_month: 150, term_years: 10, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.15, build_months: 12 }, 0.12);
    const mining = miningNpv({ ...site, months: 12 + 120 }, 0.12);
    expect(relErr(v.leaseValue.toNumber(), lease.toNumber())).toBeLessThan(1e-15);
    expect(v.miningValue.sub(mining).abs().lt(1e-20)).toBe(true); // same flows, summed as revenue PV − cost PV
    expect(v.conversionValue.eq(v.leaseValue.sub(v.miningValue))).toBe(true);
  });

  test("at the breakeven BTC price, mining and leasing are worth the same", () => {
    const p = conversionBreakevenPrice(plan);
    const at = conversionValue({ ...plan, btc_price: p });
    expect(Math.abs(at.conversionValue.toNumber()) / at.leaseValue.abs().toNumber()).toBeLessThan(1e-12);
    // above it mining wins, below it leasing wins
    expect(conversionValue({ ...plan, btc_price: p.mul(1.01) }).conversionValue.isNeg()).toBe(true);
    expect(conversionValue({ ...plan, btc_price: p.mul(0.99) }).conversionValue.isPos()).toBe(true);
  });

  test("no breakeven when mining earns nothing", () => {
    expect(() => conversionBreakevenPrice({ ...plan, uptime: 0 })).toThrow(NoAnswerError);
  });

  test("revenue and EBITDA per site MW per year, side by side", () => {
    const c = perMwPerYear(plan);
    expect(relErr(c.leaseRevenue.toNumber(), (1000 / 1.4) * 150 * 12)).toBeLessThan(1e-14);
    expect(relErr(c.leaseEbitda.toNumber(), (1000 / 1.4) * 150 * 12 * 0.85)).toBeLessThan(1e-14);
    const first12 = miningCashFlows({ ...site, months: 12 });
    const revenue = first12.reduce((s, r) => s + r.revenue.toNumber(), 0) / 100;
    expect(relErr(c.miningRevenue.toNumber(), revenue)).toBeLessThan(1e-12);
    expect(c.miningEbitda.lt(c.miningRevenue)).toBe(true);
  });
});
