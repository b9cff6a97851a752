/**
 * The tenant's credit on the conversion functions' lease leg (tenant_default_annual,
 * default_recovery_pct): against the closed form of a lease whose tenant survives to month m with
 * probability (1 − p)^(m/12), a geometric series, and the float lease model with the same weights;
 * survival counted from the lease's own signing (CONVERSIONTIMING's row k from month k).
 */
import {
  conversionBreakevenPrice,
  conversionOption,
  conversionPaths,
  ConversionPlan,
  conversionTiming,
  conversionValue,
  mwEconomics,
} from "../../src/calc";
import { floatLease, floatMining, floatMiningThenSell, FloatMiningPlan } from "../support/float-models";
import { relErr } from "../support/rational";
import { README_CONVERSION, README_LEASE } from "./readme-example";

const H = 132;
const MW = 100 / 1.4;
const CALM = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };

/**
 * The lease leg in closed form: one hall of MW after b months, flat rent R a month at month ends
 * for T months, opex share o, capex at month 0, discount v = (1 + r)^(−1/12) a month, survival
 * q^m with q = (1 − p)^(1/12): −capex + R(1 − o) × Σ_{m=b+1..b+T} (rec + (1 − rec) q^m) v^m, two
 * geometric series.
 */
function closedFormLease(p: number, rec: number, r = 0.12, b = 12, T = 120): number {
  const v = (1 + r) ** (-1 / 12);
  const q = (1 - p) ** (1 / 12);
  const series = (x: number) => (x ** (b + 1) * (1 - x ** T)) / (1 - x);
  return -9e6 * MW + MW * 1000 * 150 * (1 - 0.15) * (rec * series(v) + (1 - rec) * series(q * v));
}

describe("CONVERSIONVALUE's lease leg with the tenant's credit", () => {
  const flat = { ...README_CONVERSION, escalator: 0 };
  test.each([
    [0.02, 0],
    [0.02, 0.5],
    [0.1, 0.25],
    [1, 0.3],
  ])("a %p annual default, %p recovered: L is the closed form, mining is untouched", (p, rec) => {
    const v = conversionValue({ ...flat, tenant_default_annual: p, default_recovery_pct: rec });
    expect(relErr(v.leaseValue.toNumber(), closedFormLease(p, rec))).toBeLessThan(1e-12);
    expect(v.miningValue.eq(conversionValue(flat).miningValue)).toBe(true);
    expect(v.conversionValue.eq(v.leaseValue.add(v.fleetSaleValue).sub(v.miningValue))).toBe(true);
  });

  test("no default, or full recovery, gives the contracted lease digit for digit", () => {
    const contracted = conversionValue(README_CONVERSION).conversionValue;
    expect(
      conversionValue({ ...README_CONVERSION, tenant_default_annual: 0, default_recovery_pct: 0.5 }).conversionValue.eq(
        contracted,
      ),
    ).toBe(true);
    expect(
      conversionValue({
        ...README_CONVERSION,
        tenant_default_annual: 0.05,
        default_recovery_pct: 1,
      }).conversionValue.eq(contracted),
    ).toBe(true);
  });

  test("with the escalator, two halls, rent in advance, capex over the builds and an exit value: the float lease with the same weights", () => {
    const phases = [
      [12, MW / 2],
      [18, MW / 2],
    ];
    const plan: ConversionPlan = {
      ...README_CONVERSION,
      conversion_months: undefined,
      site_mw_per_critical_it_mw: undefined,
      phases,
      rent_timing: 1,
      capex_timing: 1,
      exit_cap_rate: 0.08,
      tenant_default_annual: 0.03,
      default_recovery_pct: 0.4,
    };
    const lease = {
      ...README_LEASE,
      phases: phases as [number, number][],
      rentTiming: 1 as const,
      capexTiming: 1 as const,
      exitCap: 0.08,
      defaultAnnual: 0.03,
      recovery: 0.4,
    };
    const L = floatLease(lease, 0.12).npv;
    const v = conversionValue(plan);
    expect(relErr(v.leaseValue.toNumber(), L)).toBeLessThan(1e-12);
    // T: the same lease signed at the horizon's end (138 months), with the same credit
    expect(relErr(v.miningTerminalValuePv.toNumber(), L / 1.12 ** (138 / 12))).toBeLessThan(1e-12);
  });

  test("the README example: a 2% default costs the lease $65.4M (nothing recovered), $32.7M with half recovered", () => {
    const base = conversionValue(README_CONVERSION).conversionValue.toNumber();
    const lost = (rec: number) =>
      base -
      conversionValue({
        ...README_CONVERSION,
        tenant_default_annual: 0.02,
        default_recovery_pct: rec,
      }).conversionValue.toNumber();
    expect(lost(0) / 1e6).toBeCloseTo(65.45, 1);
    expect(lost(0.5) / 1e6).toBeCloseTo(32.72, 1);
    expect(relErr(lost(0.5), lost(0) / 2)).toBeLessThan(1e-12); // linear in the recovery
  });
});

describe("the other conversion functions follow the same lease", () => {
  const plan = { ...README_CONVERSION, tenant_default_annual: 0.02, default_recovery_pct: 0.25 };
  const lease = { ...README_LEASE, defaultAnnual: 0.02, recovery: 0.25 };
  const L = floatLease(lease, 0.12).npv;
  const floatPlan = plan as ConversionPlan & FloatMiningPlan;
  const mining = floatMining({ ...floatPlan, months: H }, 0.12).npv;

  test("CONVERSIONTIMING: row k's lease is signed at k and survives from k, so it is worth L at k: L × 1.12^(−k/12)", () => {
    const t = conversionTiming(plan);
    for (const k of [0, 1, 19, 48, 100, H]) {
      const want = floatMiningThenSell({ ...floatPlan, months: H }, 0.12, k) + L / 1.12 ** (k / 12) - mining;
      expect([k, Math.abs(t.rows[k].value.toNumber() - want) <= 1e-9 * (Math.abs(mining) + Math.abs(L))]).toEqual([
        k,
        true,
      ]);
    }
    // Counted from month 0 instead, row 100's rent would be weighted by survival to 112 + j, not j: worth millions less.
    const fromZero =
      floatLease({ ...lease, phases: [[112, MW]], capexPerMw: 0 }, 0.12).npv - (9e6 * MW) / 1.12 ** (100 / 12);
    expect(
      t.rows[100].value.toNumber() - (floatMiningThenSell({ ...floatPlan, months: H }, 0.12, 100) + fromZero - mining),
    ).toBeGreaterThan(1e6);
  });

  test("CONVERSIONBREAKEVEN is the float model's lowest crossing against the credit-weighted lease", () => {
    const be = conversionBreakevenPrice(plan).toNumber();
    const gap = (price: number) => L - floatMining({ ...floatPlan, btc_price: price, months: H }, 0.12).npv;
    expect(gap(be * (1 - 1e-9))).toBeGreaterThan(0);
    expect(gap(be * (1 + 1e-9))).toBeLessThan(0);
    expect(be).toBeLessThan(conversionBreakevenPrice(README_CONVERSION).toNumber());
  });

  test("MWECONOMICS: the lease's year is lease months 1–12 at the expected rent where they are paid (months 13–24), survival from the signing", () => {
    const e = mwEconomics(plan);
    let rent = 0;
    for (let m = 13; m <= 24; m++) rent += MW * 1000 * 150 * (0.25 + 0.75 * 0.98 ** (m / 12));
    expect(relErr(e.lease.revenuePerMwYear.toNumber(), rent / 100)).toBeLessThan(1e-12);
    expect(relErr(e.lease.ebitdaPerMwYear.toNumber(), (rent * 0.85) / 100)).toBeLessThan(1e-12);
    expect(e.mining.ebitdaPerMwYear.eq(mwEconomics(README_CONVERSION).mining.ebitdaPerMwYear)).toBe(true);
  });

  test("CONVERSIONDIST and CONVERSIONOPTION with every volatility 0: the credit-weighted CONVERSIONVALUE, and convert now = L + R", () => {
    const v = conversionValue(plan);
    const paths = conversionPaths(plan, CALM);
    expect(paths.leaseValue).toBe(v.leaseValue.toNumber());
    for (const x of paths.values)
      expect(Math.abs(x - v.conversionValue.toNumber()) / Math.abs(v.miningValue.toNumber())).toBeLessThan(1e-9);
    expect(conversionOption(plan, CALM).convertNow).toBe(v.leaseValue.add(v.fleetSaleValue).toNumber());
  });
});
