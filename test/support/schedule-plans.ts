/**
 * Random plans for comparing the schedules' certified fast paths with the decimal path (the tests
 * in test/calc/fast, `npm run certify`, `npm run bench`), in the families of input-families.ts:
 * typed (a few significant digits), grid (a start plus a multiple of a step, summed in floating
 * point), full (all 17 digits), extremes (edges and far ranges: 100% opex, a pool fee near 1,
 * rates near −100%, 100-year horizons, many phases, paths and floors that bind). Every plan is
 * drawn from a seeded source; most are valid, some are refused (both paths must refuse them alike).
 */
import type { ConversionPlan, GpuCloudPlan, LeaseTerms, MiningPlan } from "../../src/calc";
import { Family, Rand } from "./input-families";

/** A number of the family in [lo, hi]: `log` for log-uniform, `whole` for integers. */
function num(
  rand: Rand,
  family: Family,
  lo: number,
  hi: number,
  o: { log?: boolean; whole?: boolean; xlo?: number; xhi?: number } = {},
): number {
  const u = () => (o.log ? Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))) : lo + rand() * (hi - lo));
  let x: number;
  switch (family) {
    case "typed":
      x = Number(u().toPrecision(1 + Math.floor(rand() * 3)));
      break;
    case "grid": {
      const start = Number(u().toPrecision(2));
      const step = Number((Math.abs(start) / 50 || (hi - lo) / 50).toPrecision(1));
      x = start + Math.floor(rand() * 20) * step;
      break;
    }
    case "full":
      x = u();
      break;
    case "extremes": {
      const r = rand();
      x =
        r < 0.15
          ? (o.xlo ?? lo)
          : r < 0.3
            ? (o.xhi ?? hi)
            : r < 0.45
              ? (o.xlo ?? lo) + rand() * ((o.xhi ?? hi) - (o.xlo ?? lo))
              : u();
      break;
    }
  }
  if (o.whole) x = Math.round(x);
  return Math.min(Math.max(x, o.xlo ?? lo), o.xhi ?? hi);
}

const pick = <T>(rand: Rand, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const maybe = <T>(rand: Rand, p: number, x: () => T): T | undefined => (rand() < p ? x() : undefined);

/** A term in years: whole years, half years, or a whole number of months typed as a fraction (=7+4/12). */
function years(rand: Rand, family: Family, lo: number, hi: number): number {
  const y = num(rand, family, lo, hi, { whole: true });
  const r = rand();
  return r < 0.6 ? y : r < 0.8 ? y + 0.5 : y + Math.floor(rand() * 12) / 12;
}

/** LEASENPV's terms and discount rate. */
export function leasePlan(rand: Rand, family: Family): { terms: LeaseTerms; rate: number } {
  const x = family === "extremes";
  const phased = rand() < 0.2;
  const build = num(rand, family, 0, 36, { whole: true, xhi: 300 });
  const terms: LeaseTerms = {
    critical_it_mw: phased ? undefined : num(rand, family, 1, 500, { log: true, xlo: 1e-3, xhi: 1e5 }),
    rate_usd_per_kw_month: num(rand, family, 50, 300, { xlo: 0, xhi: 1e5 }),
    term_years: years(rand, family, 1, 30),
    escalator: maybe(rand, 0.8, () => num(rand, family, 0, 0.05, { xlo: -0.5, xhi: 1 })),
    capex_usd_per_mw: maybe(rand, 0.9, () => num(rand, family, 5e6, 15e6, { xlo: 0, xhi: 1e9 })),
    opex_pct_of_revenue: maybe(rand, 0.8, () => num(rand, family, 0, 0.3, { xhi: 1 })),
    build_months: phased ? undefined : build,
    exit_cap_rate: maybe(rand, 0.4, () => num(rand, family, 0.05, 0.1, { xlo: 1e-3, xhi: 1 })),
    rent_timing: maybe(rand, 0.6, () => pick(rand, [0, 1])),
    capex_timing: maybe(rand, 0.6, () => pick(rand, [0, 1])),
    phases: phased
      ? Array.from({ length: 1 + Math.floor(rand() * (x ? 12 : 4)) }, () => [
          num(rand, family, 0, 36, { whole: true }),
          num(rand, family, 5, 200, { xlo: 1e-2, xhi: 1e4 }),
        ])
      : undefined,
    tenant_default_annual: maybe(rand, 0.25, () => num(rand, family, 0.005, 0.1, { xhi: 0.999 })),
    default_recovery_pct: maybe(rand, 0.2, () => num(rand, family, 0, 0.5, { xhi: 1 })),
  };
  return { terms, rate: num(rand, family, 0.05, 0.2, { xlo: -0.9, xhi: 5 }) };
}

/** GPUCLOUDNPV's plan and discount rate. */
export function gpuPlan(rand: Rand, family: Family): { plan: GpuCloudPlan; rate: number } {
  const plan: GpuCloudPlan = {
    gpus: num(rand, family, 1000, 200_000, { log: true, whole: true, xlo: 1 }),
    usd_per_gpu_hour: num(rand, family, 1, 4, { xlo: 0, xhi: 100 }),
    utilization: num(rand, family, 0.5, 1, { xlo: 0 }),
    gpu_capex_usd: num(rand, family, 20_000, 60_000, { xlo: 0, xhi: 1e7 }),
    kw_per_gpu: num(rand, family, 1, 2, { xlo: 0.01, xhi: 50 }),
    pue: num(rand, family, 1.05, 1.5, { xlo: 1, xhi: 3 }),
    power_price_kwh: num(rand, family, 0.02, 0.1, { xlo: 0, xhi: 2 }),
    opex_pct_of_revenue: maybe(rand, 0.8, () => num(rand, family, 0, 0.2, { xhi: 1 })),
    price_decline_annual: maybe(rand, 0.7, () => num(rand, family, 0, 0.3, { xlo: -0.5, xhi: 1 })),
    life_years: maybe(rand, 0.7, () => years(rand, family, 3, 7)),
    salvage_pct: maybe(rand, 0.5, () => num(rand, family, 0, 0.2, { xhi: 1 })),
    build_months: maybe(rand, 0.6, () => num(rand, family, 0, 12, { whole: true, xhi: 600 })),
    shell_capex_usd_per_mw: maybe(rand, 0.5, () => num(rand, family, 0, 1e7, { xhi: 1e9 })),
    gpu_capex_timing: maybe(rand, 0.4, () => pick(rand, [0, 1])),
    customer_prepayment_pct: maybe(rand, 0.3, () => num(rand, family, 0, 0.4, { xhi: 1 })),
    shell_residual_pct: maybe(rand, 0.3, () => num(rand, family, 0, 0.5, { xhi: 1 })),
  };
  return { plan, rate: num(rand, family, 0.05, 0.2, { xlo: -0.9, xhi: 5 }) };
}

/** A mining site and how it is mined (no horizon, no rate). */
function site(rand: Rand, family: Family): Omit<MiningPlan, "months"> {
  const refresh = maybe(rand, 0.6, () => num(rand, family, 5, 25, { xlo: 0, xhi: 1e3 }));
  const difficulty = num(rand, family, 5e13, 3e14, { log: true, xlo: 1e9, xhi: 1e20 });
  return {
    site_mw: num(rand, family, 1, 300, { log: true, xlo: 1e-3, xhi: 1e4 }),
    efficiency_j_th: num(rand, family, 10, 35, { xlo: 1, xhi: 200 }),
    pue: num(rand, family, 1.02, 1.4, { xlo: 1, xhi: 3 }),
    power_price_kwh: num(rand, family, 0.02, 0.09, { xlo: 0, xhi: 1 }),
    btc_price: num(rand, family, 30_000, 200_000, { log: true, xlo: 1, xhi: 1e8 }),
    difficulty,
    start_height: num(rand, family, 800_000, 1_300_000, { whole: true, xlo: 0, xhi: 7e6 }),
    fees_btc_per_block: maybe(rand, 0.8, () => num(rand, family, 0, 0.2, { xhi: 50 })),
    pool_fee: maybe(rand, 0.7, () => num(rand, family, 0, 0.03, { xhi: 1 })),
    uptime: maybe(rand, 0.7, () => num(rand, family, 0.85, 1, { xlo: 0 })),
    difficulty_growth_monthly: maybe(rand, 0.8, () => num(rand, family, 0, 0.04, { xlo: -0.05, xhi: 0.2 })),
    btc_price_growth_monthly: maybe(rand, 0.7, () => num(rand, family, -0.01, 0.03, { xlo: -0.1, xhi: 0.2 })),
    opex_usd_per_mw_month: maybe(rand, 0.7, () => num(rand, family, 0, 30_000, { xhi: 1e7 })),
    refresh_capex_usd_per_th: refresh,
    refresh_every_months: maybe(rand, 0.6, () => num(rand, family, 12, 60, { whole: true, xlo: 0, xhi: 1300 })),
    switch_off_below_cost: maybe(rand, 0.5, () => rand() < 0.8),
    salvage_pct: refresh ? maybe(rand, 0.3, () => num(rand, family, 0, 0.2, { xhi: 1 })) : undefined,
    energy_tax_usd_per_kwh: maybe(rand, 0.3, () => num(rand, family, 0, 0.02, { xhi: 1 })),
    difficulty_includes_fleet: maybe(rand, 0.4, () => rand() < 0.7),
    idle_opex_pct: maybe(rand, 0.4, () => num(rand, family, 0, 1)),
    stop_for_good: maybe(rand, 0.4, () => rand() < 0.6),
    fleet_resale_usd_per_th: maybe(rand, 0.5, () => num(rand, family, 0, 5, { xhi: 1e3 })),
    hashprice_floor_usd_per_ph_day: maybe(rand, 0.2, () => num(rand, family, 20, 60, { xlo: 1e-3, xhi: 1e4 })),
    energy_tax_start_month: maybe(rand, 0.2, () => num(rand, family, 1, 36, { whole: true, xhi: 1300 })),
  };
}

/** A difficulty path of `months` rows: a random walk from `start` (sometimes a row below 1 or a blank, refused). */
function path(rand: Rand, family: Family, start: number, months: number): number[] {
  let d = start;
  return Array.from({ length: months + Math.floor(rand() * 3) }, () => {
    d *= 1 + num(rand, family, -0.03, 0.06);
    return Math.max(d, family === "extremes" && rand() < 0.01 ? 0.5 : 1);
  });
}

/** MININGNPV's plan and discount rate. */
export function miningPlan(rand: Rand, family: Family): { plan: MiningPlan; rate: number } {
  const s = site(rand, family);
  const months = num(rand, family, 12, 240, { whole: true, xlo: 1, xhi: 1200 });
  const plan: MiningPlan = { ...s, months };
  if (rand() < 0.15) plan.difficulty_path = path(rand, family, Number(s.difficulty), months);
  return { plan, rate: num(rand, family, 0.05, 0.2, { xlo: -0.9, xhi: 5 }) };
}

/** A conversion: the site, its lease, the rates. */
export function conversionPlan(rand: Rand, family: Family): ConversionPlan {
  const s = site(rand, family);
  const phased = rand() < 0.15;
  const plan: ConversionPlan = {
    ...s,
    discount_rate: num(rand, family, 0.05, 0.2, { xlo: -0.9, xhi: 5 }),
    rate_usd_per_kw_month: num(rand, family, 50, 300, { xlo: 0, xhi: 1e5 }),
    term_years: years(rand, family, 3, 15),
    escalator: maybe(rand, 0.8, () => num(rand, family, 0, 0.05, { xlo: -0.5, xhi: 1 })),
    conversion_capex_usd_per_mw: maybe(rand, 0.9, () => num(rand, family, 5e6, 15e6, { xlo: 0, xhi: 1e9 })),
    conversion_months: phased ? undefined : maybe(rand, 0.9, () => num(rand, family, 0, 24, { whole: true, xhi: 300 })),
    opex_pct_of_revenue: maybe(rand, 0.8, () => num(rand, family, 0, 0.3, { xhi: 1 })),
    site_mw_per_critical_it_mw: phased
      ? undefined
      : maybe(rand, 0.7, () => num(rand, family, 1.2, 1.5, { xlo: 1, xhi: 10 })),
    lease_discount_rate: maybe(rand, 0.3, () => num(rand, family, 0.05, 0.15, { xlo: -0.5, xhi: 5 })),
    exit_cap_rate: maybe(rand, 0.3, () => num(rand, family, 0.05, 0.1, { xlo: 1e-3, xhi: 1 })),
    rent_timing: maybe(rand, 0.5, () => pick(rand, [0, 1])),
    capex_timing: maybe(rand, 0.5, () => pick(rand, [0, 1])),
    phases: phased
      ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => [
          num(rand, family, 0, 24, { whole: true }),
          num(rand, family, 5, 100),
        ])
      : undefined,
    tenant_default_annual: maybe(rand, 0.2, () => num(rand, family, 0.005, 0.1, { xhi: 0.999 })),
    default_recovery_pct: maybe(rand, 0.15, () => num(rand, family, 0, 0.5, { xhi: 1 })),
  };
  if (rand() < 0.1) {
    const H = Number(plan.conversion_months ?? 24) + Math.ceil(Number(plan.term_years) * 12);
    plan.difficulty_path = path(rand, family, Number(s.difficulty), H);
  }
  return plan;
}
