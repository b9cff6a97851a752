/**
 * Numbers the simulation produces for fixed seeds, reduced to a digest of their exact bits: the
 * same digest in every JavaScript engine means the same numbers there. Run in Node by the tests
 * (against the recorded digest) and, bundled, in other engines by scripts/check-engines.js.
 */
import {
  conversionOption,
  conversionOptionTable,
  marketModel,
  priceQuantiles,
  simulatePaths,
  volatility,
} from "../../src/calc";
import { exp, log, sqrt } from "../../src/calc/simulation/float-math";
import { normal, seedStreams } from "../../src/calc/simulation/random";

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** FNV-1a over the 8 bytes of each double, high word first whatever the platform. */
function digest(xs: number[]): string {
  let h = 0x811c9dc5;
  for (const x of xs) {
    F64[0] = x;
    for (const w of LITTLE ? [U32[1], U32[0]] : [U32[0], U32[1]])
      for (let b = 24; b >= 0; b -= 8) h = Math.imul(h ^ ((w >>> b) & 0xff), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export interface ProbeResult {
  /** Digest of each group of numbers. */
  digests: Record<string, string>;
  /** A few of the numbers, to read when digests differ. */
  samples: Record<string, number[]>;
}

export function probe(): ProbeResult {
  const args: number[] = [];
  for (let k = 0; k < 2000; k++) args.push(-30 + (k * 60.123) / 2000);
  const math = [...args.map(exp), ...args.map((x) => log(exp(x))), ...args.map((x) => sqrt(exp(x)))];

  const states = seedStreams(20251124, 50);
  const normals: number[] = [];
  for (let p = 0; p < 50; p++) for (let k = 0; k < 400; k++) normals.push(normal(states, 4 * p));

  const table = priceQuantiles({
    btc_price: 91000,
    btc_price_growth_monthly: 0.01,
    price_vol_annual: 0.6,
    months: 120,
    quantiles: [0.05, 0.1, 0.5, 0.9, 0.95],
    paths: 2000,
    seed: 12345,
  });
  const quantiles = table.rows.flat();

  const model = marketModel({
    btc_price: 91000,
    btc_price_growth_monthly: 0.01,
    price_vol_annual: 0.6,
    difficulty: 1.52e14,
    difficulty_growth_monthly: 0.02,
    difficulty_vol_annual: 0.3,
    price_difficulty_corr: 0.5,
  });
  const paths = Array.from(simulatePaths(model, { paths: 500, months: 60, seed: 7 }, (p, d) => p[60] / d[60] + p[30]));

  const vol = [volatility([91000, 92500, 90100, 93780, 93000, 95120.5], 365).toNumber()];

  // CONVERSIONOPTION: both path sets, the mining legs (a refresh, idle opex, a stop, the resale, a
  // floor), the regression and the policy; every number of its table.
  const option = conversionOptionTable(
    conversionOption(
      {
        site_mw: 100,
        efficiency_j_th: 17.5,
        pue: 1.1,
        power_price_kwh: 0.045,
        btc_price: 91000,
        difficulty: 1.52e14,
        start_height: 925000,
        fees_btc_per_block: 0.036,
        pool_fee: 0.02,
        uptime: 0.95,
        difficulty_growth_monthly: 0.02,
        btc_price_growth_monthly: 0.01,
        opex_usd_per_mw_month: 15000,
        refresh_capex_usd_per_th: 15,
        refresh_every_months: 24,
        idle_opex_pct: 0.3,
        stop_for_good: true,
        fleet_resale_usd_per_th: 3,
        hashprice_floor_usd_per_ph_day: 25,
        discount_rate: 0.12,
        rate_usd_per_kw_month: 150,
        term_years: 4,
        escalator: 0.03,
        conversion_capex_usd_per_mw: 9e6,
        conversion_months: 12,
        opex_pct_of_revenue: 0.15,
        exit_cap_rate: 0.07,
      },
      { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, paths: 300, seed: 99 },
    ),
  ).rows.flatMap((row) => row.filter((x): x is number => typeof x === "number"));

  return {
    digests: {
      math: digest(math),
      normals: digest(normals),
      quantiles: digest(quantiles),
      paths: digest(paths),
      volatility: digest(vol),
      conversionOption: digest(option),
    },
    samples: {
      math: math.slice(0, 3),
      normals: normals.slice(0, 3),
      quantiles: table.rows[120],
      paths: paths.slice(0, 3),
      volatility: vol,
      conversionOption: option.slice(0, 4),
    },
  };
}
