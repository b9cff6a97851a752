import {
  conversionValue,
  GpuCloudOnSite,
  InvalidArgumentError,
  leaseNpv,
  mwEconomics,
} from "../../src/calc";
import { floatMining } from "../support/float-models";
import { README_CONVERSION, README_SITE } from "./readme-example";
import { relErr } from "../support/rational";

/** The README's 100 MW site and its 10-year lease. */
const plan = README_CONVERSION;

/** GB300-class GPU cloud in the converted shell (gpu-cloud.md): $2/GPU-hour contracted, 90% used. */
const gpu: GpuCloudOnSite = { usd_per_gpu_hour: 2, utilization: 0.9, gpu_capex_usd: 52_200, kw_per_gpu: 1.8, pue: 1.2, opex_pct_of_revenue: 0.1 };

describe("MW economics three ways", () => {
  test("capital per site MW: leasing ~$6.4M (conversion capex / 1.4) against ~$0.8M for a mining fleet", () => {
    const e = mwEconomics(plan);
    expect(relErr(e.lease.capitalPerMw.toNumber(), 9e6 / 1.4)).toBeLessThan(1e-15);
    expect(e.lease.capitalPerMw.toNumber() / 1e6).toBeCloseTo(6.43, 2);
    expect(relErr(e.mining.capitalPerMw.toNumber(), (15 * 100e6) / 19.25 / 100)).toBeLessThan(1e-15);
    expect(e.mining.capitalPerMw.toNumber() / 1e6).toBeCloseTo(0.78, 2);
  });

  test("revenue, EBITDA and margin per site MW-year for mining (first 12 months, switch-off applied) and leasing (first lease year)", () => {
    const e = mwEconomics(plan);
    const rows = floatMining({ ...README_SITE, months: 12 }, 0).rows;
    const revenue = rows.reduce((s, r) => s + r.revenue, 0) / 100;
    const ebitda = rows.reduce((s, r) => s + r.revenue - r.power - r.tax - r.opex, 0) / 100;
    expect(relErr(e.mining.revenuePerMwYear.toNumber(), revenue)).toBeLessThan(1e-12);
    expect(relErr(e.mining.ebitdaPerMwYear.toNumber(), ebitda)).toBeLessThan(1e-12);
    expect(relErr(e.mining.ebitdaMargin!.toNumber(), ebitda / revenue)).toBeLessThan(1e-12);
    expect(relErr(e.lease.revenuePerMwYear.toNumber(), (150 * 12 * 1000) / 1.4)).toBeLessThan(1e-15);
    expect(e.lease.ebitdaMargin!.toNumber()).toBeCloseTo(0.85, 15);
    expect(e.uses.map((u) => u.use)).toEqual(["Mining", "Colocation lease"]);
    expect(e.gpuCloud).toBeUndefined();
  });

  test("GPU cloud fills the converted critical IT: revenue per site MW-year = GPUs per MW × $/h × use × 8,760 h / 1.4", () => {
    const e = mwEconomics(plan, gpu);
    const gpusPerItMw = 1000 / 1.8;
    const revenue = (gpusPerItMw * 2 * 0.9 * 8760) / 1.4;
    const power = (gpusPerItMw * 1.8 * 1.2 * 8760 * 0.045) / 1.4; // the site's power price
    expect(relErr(e.gpuCloud!.revenuePerMwYear.toNumber(), revenue)).toBeLessThan(1e-14);
    expect(relErr(e.gpuCloud!.ebitdaPerMwYear.toNumber(), revenue * 0.9 - power)).toBeLessThan(1e-14);
    // GPUs plus a shell at the conversion's $9M per critical IT MW
    expect(relErr(e.gpuCloud!.capitalPerMw.toNumber(), (gpusPerItMw * 52_200 + 9e6) / 1.4)).toBeLessThan(1e-14);
    expect(e.uses.map((u) => u.use)).toEqual(["Mining", "Colocation lease", "GPU cloud"]);
    // the ordering gpu-cloud.md reports: GPU cloud ≫ colocation ≫ mining, in revenue and in capital
    expect(e.gpuCloud!.revenuePerMwYear.gt(e.lease.revenuePerMwYear.mul(4))).toBe(true);
    expect(e.lease.revenuePerMwYear.gt(e.mining.revenuePerMwYear)).toBe(true);
    expect(e.gpuCloud!.capitalPerMw.gt(e.lease.capitalPerMw.mul(3))).toBe(true);
  });

  test("per-year figures are per year for any term: a half-year lease and a half-year GPU life", () => {
    const half = mwEconomics({ ...plan, term_years: 0.5 }, { ...gpu, life_years: 0.5 });
    const full = mwEconomics(plan, gpu);
    expect(relErr(half.lease.revenuePerMwYear.toNumber(), full.lease.revenuePerMwYear.toNumber())).toBeLessThan(1e-15);
    expect(relErr(half.lease.ebitdaPerMwYear.toNumber(), full.lease.ebitdaPerMwYear.toNumber())).toBeLessThan(1e-15);
    expect(relErr(half.gpuCloud!.ebitdaPerMwYear.toNumber(), full.gpuCloud!.ebitdaPerMwYear.toNumber())).toBeLessThan(1e-14);
    expect(relErr(half.lease.revenuePerMwYear.toNumber(), (150 * 12 * 1000) / 1.4)).toBeLessThan(1e-15);
    expect(relErr(half.gpuCloud!.revenuePerMwYear.toNumber(), full.gpuCloud!.revenuePerMwYear.toNumber())).toBeLessThan(1e-15);
  });

  test("a use with no revenue has no margin", () => {
    expect(mwEconomics({ ...plan, rate_usd_per_kw_month: 0 }).lease.ebitdaMargin).toBeUndefined();
  });

  test("with phases, the lease is every phase's first year: total critical IT × rate × 12 per site MW", () => {
    const phased = { ...plan, phases: [[6, 30], [18, 40]] };
    const e = mwEconomics(phased, gpu);
    expect(relErr(e.lease.revenuePerMwYear.toNumber(), (70 * 1000 * 150 * 12) / 100)).toBeLessThan(1e-15);
    expect(relErr(e.lease.capitalPerMw.toNumber(), (70 * 9e6) / 100)).toBeLessThan(1e-15);
    expect(relErr(e.gpuCloud!.revenuePerMwYear.toNumber(), ((70 * 1000) / 1.8) * 2 * 0.9 * 8760 / 100)).toBeLessThan(1e-14);
  });

  test("errors name the arguments as the functions call them", () => {
    expect(() => mwEconomics(plan, { ...gpu, kw_per_gpu: 0 })).toThrow(/^kw_per_gpu must be a number greater than 0/);
    expect(() => mwEconomics({ ...plan, conversion_capex_usd_per_mw: -1 })).toThrow(/^conversion_capex_usd_per_mw must be/);
    expect(() => mwEconomics({ ...plan, phases: [[0, 10, 3]] })).toThrow(InvalidArgumentError);
  });
});

describe("the conversion with phases and lease timing", () => {
  test("the lease leg is LEASENPV of the phases at lease_discount_rate; mining runs over the last phase's horizon", () => {
    const phases = [[6, 30], [18, 40]];
    const p = { ...plan, phases, rent_timing: 1, capex_timing: 1, exit_cap_rate: 0.08, lease_discount_rate: 0.09 };
    const v = conversionValue(p);
    const lease = leaseNpv({ phases, rate_usd_per_kw_month: 150, term_years: 10, escalator: 0.03, capex_usd_per_mw: 9e6, opex_pct_of_revenue: 0.15, rent_timing: 1, capex_timing: 1, exit_cap_rate: 0.08 }, 0.09);
    expect(v.leaseValue.eq(lease)).toBe(true);
    expect(v.horizonMonths).toBe(18 + 120);
    expect(v.leaseTerminalValuePv.gt(0)).toBe(true);
  });
});
