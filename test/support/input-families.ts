/**
 * Argument families for comparing the certified fast paths with the decimal path, shared by the
 * tests, `npm run certify` and `npm run bench` (which reports the certification rate of each):
 * - typed: values as an analyst types them, 1 to 4 significant digits (0.05, 17.5, 1.5e14);
 * - grid: a start plus a multiple of a step, summed in floating point as a filled sheet row is
 *   (0.02 + 7 × 0.001 = 0.027000000000000003);
 * - full: any double of the usual range, all 17 digits (log-uniform);
 * - extremes: each argument, with probability 0.3, anywhere in the whole range it accepts
 *   (1e-300 to 1e300 where allowed, its ends included: a pool fee a hair below 1, a difficulty
 *   of 1), else a full-precision usual value; zeros; breakevens at the edge of existing.
 * Deterministic: every generator takes a seeded random source.
 */

export type Family = "typed" | "grid" | "full" | "extremes";
export const FAMILIES: readonly Family[] = ["typed", "grid", "full", "extremes"];
export type Rand = () => number;

/** An argument's usual range, its share of zeros, and its extreme range (when it may go there). */
interface Spec {
  lo: number;
  hi: number;
  zeros?: number;
  extremeLo?: number;
  extremeHi?: number;
  /** Values drawn from this list in every family but "extremes" (e.g. the halving subsidies). */
  choices?: readonly number[];
}

const logUniform = (rand: Rand, lo: number, hi: number) =>
  Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));

function value(rand: Rand, family: Family, s: Spec): number {
  if (s.zeros && rand() < s.zeros) return 0;
  if (s.choices && family !== "extremes") return s.choices[Math.floor(rand() * s.choices.length)];
  switch (family) {
    case "typed":
      return Number(logUniform(rand, s.lo, s.hi).toPrecision(1 + Math.floor(rand() * 4)));
    case "grid": {
      const start = Number(logUniform(rand, s.lo, s.hi).toPrecision(2));
      const step = Number((start / 50).toPrecision(1));
      return start + Math.floor(rand() * 100) * step;
    }
    case "full":
      return logUniform(rand, s.lo, s.hi);
    case "extremes": {
      if (rand() >= 0.3) return logUniform(rand, s.lo, s.hi);
      const lo = s.extremeLo ?? s.lo;
      const hi = s.extremeHi ?? s.hi;
      const edge = rand();
      if (edge < 0.2) return lo;
      if (edge < 0.4) return hi;
      return logUniform(rand, lo, hi);
    }
  }
}

const SUBSIDIES = [50, 25, 12.5, 6.25, 3.125, 1.5625, 0.78125];

/** The parameters of the mining formulas, by calc name. */
const SPECS: Record<string, Spec> = {
  power_price_kwh: { lo: 0.01, hi: 0.2, zeros: 0.02, extremeLo: 1e-300, extremeHi: 1e300 },
  efficiency_j_th: { lo: 5, hi: 40, extremeLo: 1e-300, extremeHi: 1e300 },
  difficulty: { lo: 1e13, hi: 1e15, extremeLo: 1, extremeHi: 1e300 },
  fees_btc_per_block: { lo: 0.005, hi: 1, zeros: 0.2, extremeLo: 1e-300, extremeHi: 1e300 },
  pool_fee: { lo: 0.005, hi: 0.05, zeros: 0.2, extremeLo: 1e-300, extremeHi: 1 - 2 ** -52 },
  opex_usd_per_th_day: { lo: 1e-4, hi: 0.01, zeros: 0.2, extremeLo: 1e-300, extremeHi: 1e300 },
  machine_cost_usd_per_th: { lo: 5, hi: 40, zeros: 0.1, extremeLo: 1e-300, extremeHi: 1e300 },
  machine_life_years: { lo: 2, hi: 8, extremeLo: 1e-300, extremeHi: 1e300 },
  sga_usd_per_th_day: { lo: 1e-4, hi: 0.01, zeros: 0.2, extremeLo: 1e-300, extremeHi: 1e300 },
  stock_comp_usd_per_th_day: { lo: 1e-4, hi: 0.01, zeros: 0.2, extremeLo: 1e-300, extremeHi: 1e300 },
  energy_tax_usd_per_kwh: { lo: 0.01, hi: 0.1, zeros: 0.5, extremeLo: 1e-300, extremeHi: 1e300 },
  uptime: { lo: 0.8, hi: 1, extremeLo: 1e-300, extremeHi: 1 },
  subsidy: { lo: 0.1, hi: 50, choices: SUBSIDIES, extremeLo: 1e-300, extremeHi: 50 },
  btc_price: { lo: 1e4, hi: 3e5, extremeLo: 1e-300, extremeHi: 1e300 },
  hashrate_ths: { lo: 1, hi: 1e7, zeros: 0.02, extremeLo: 1e-300, extremeHi: 1e300 },
};

/** One value of each named parameter, of the family. */
export function mining(rand: Rand, family: Family, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = value(rand, family, SPECS[name]);
  if (family === "extremes" && rand() < 0.1 && "uptime" in out) out.uptime = 1;
  return out;
}

/** The all-in cost inputs (MiningCostInputs), of the family. */
export const ALL_IN_NAMES = [
  "power_price_kwh",
  "efficiency_j_th",
  "difficulty",
  "fees_btc_per_block",
  "pool_fee",
  "opex_usd_per_th_day",
  "machine_cost_usd_per_th",
  "machine_life_years",
  "sga_usd_per_th_day",
  "stock_comp_usd_per_th_day",
  "energy_tax_usd_per_kwh",
  "uptime",
  "subsidy",
] as const;

/**
 * BREAKEVENPOWER's arguments; in "extremes", a third of the cases put opex within a few ulps of
 * the revenue per TH-day (computed in floats), where the breakeven is near 0 or does not exist.
 */
export function breakevenPowerArgs(rand: Rand, family: Family): number[] {
  const m = mining(rand, family, [
    "btc_price",
    "efficiency_j_th",
    "difficulty",
    "fees_btc_per_block",
    "pool_fee",
    "opex_usd_per_th_day",
    "subsidy",
  ]);
  if (family === "extremes" && rand() < 0.33) {
    const revenue =
      ((((1e12 * 86400) / 4294967296) * (m.subsidy + m.fees_btc_per_block)) / m.difficulty) *
      (1 - m.pool_fee) *
      m.btc_price;
    const ulps = Math.round((rand() - 0.5) * 8);
    m.opex_usd_per_th_day = revenue * (1 + ulps * 2 ** -52);
  }
  return [
    m.btc_price,
    m.efficiency_j_th,
    m.difficulty,
    m.fees_btc_per_block,
    m.pool_fee,
    m.opex_usd_per_th_day,
    m.subsidy,
  ];
}

/** Deterministic random numbers (mulberry32), as test/support/rational.ts's prng. */
export { prng } from "./rational";
