/*
 * `npm run bench:simulation`: the simulation's speed (never asserted in tests).
 *
 * Prints the path generator's throughput (path-months per second, both walks), PRICEQUANTILES at
 * 10,000 paths × 360 months against a plain-float twin of the same loop (Math.random normals by
 * Box–Muller, Math.exp; the same quantile selection), PRICEQUANTILES at the default 10,000 paths
 * over 5, 10 and 30 years, the own exp/log/sqrt against Math's, and VOLATILITY over a year and
 * three years of daily prices. Times are medians of several runs, wall clock, and CPU time of
 * this process (steadier when other work shares the machine). CONVERSIONOPTION (least-squares Monte
 * Carlo) at 10,000 paths × 132 months and at its cap against a plain-float twin of the same
 * simulation plus regression (Math.random normals by Box–Muller, Math.exp; the same mining legs,
 * regression and policy), and CONVERSIONTIMING and CONVERSIONBREAKEVEN (decimal) for comparison.
 */
import {
  conversionBreakevenPrice,
  conversionOption,
  ConversionPlan,
  conversionTiming,
  conversionValue,
  fitQuadratic,
  fitted,
  MAX_OPTION_PATH_MONTHS,
  marketModel,
  miningPathValuer,
  priceFactor,
  priceQuantiles,
  quantileEstimates,
  simulateMonths,
  simulatePaths,
  volatility,
} from "../src/calc";
import { exp, log, sqrt } from "../src/calc/simulation/float-math";
import { timeLong as time } from "./bench-timing";
import { README_CONVERSION } from "../test/calc/readme-example";

const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

const MODEL = marketModel({
  btc_price: 91000,
  btc_price_growth_monthly: 0.01,
  price_vol_annual: 0.6,
  difficulty: 1.52e14,
  difficulty_growth_monthly: 0.02,
  difficulty_vol_annual: 0.3,
  price_difficulty_corr: 0.5,
});
const PQ = {
  btc_price: 91000,
  btc_price_growth_monthly: 0.01,
  price_vol_annual: 0.6,
  quantiles: [0.1, 0.5, 0.9],
  seed: 1,
};

/** The twin: the same month-by-month loop and quantile selection, with Math.random Box–Muller normals and Math.exp. */
function priceQuantilesTwin(paths: number, months: number): number[][] {
  const f = priceFactor(91000, 0.01, 0.6);
  const w = new Float64Array(paths);
  const wd = new Float64Array(paths);
  const logPrice = new Float64Array(paths);
  const scratch = new Float64Array(paths);
  const rows: number[][] = [];
  for (let t = 1; t <= months; t++) {
    const base = f.logStart + t * f.drift;
    for (let p = 0; p < paths; p++) {
      const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
      const a = 2 * Math.PI * Math.random();
      w[p] += r * Math.cos(a);
      wd[p] += 0.5 * w[p] + 0.866 * r * Math.sin(a);
      logPrice[p] = base + f.sigma * w[p];
    }
    scratch.set(logPrice);
    const e = quantileEstimates(scratch, [0.1, 0.5, 0.9], Math.exp);
    rows.push([t, ...e.map((x) => x.value), ...e.map((x) => x.se)]);
  }
  return rows;
}

/** The README's 100 MW site and its 10-year lease (132 months). */
const CONVERSION: ConversionPlan = README_CONVERSION;
const OPTION_RISK = { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, seed: 1 };

/**
 * CONVERSIONOPTION's twin: the same fitting and valuation passes, mining legs, regression and
 * policy, with Math.random Box–Muller normals and Math.exp in place of the seeded streams and the
 * own exp. Not reproducible and never shipped: the speed limit the real one is judged against.
 */
function conversionOptionTwin(plan: ConversionPlan, paths: number): number {
  const H = 132;
  const v = conversionValue(plan);
  const valuer = miningPathValuer({ ...plan, months: H }, plan.discount_rate);
  const m = marketModel({ ...plan, ...OPTION_RISK });
  const lease = v.leaseValue.toNumber();
  const leasePv = Float64Array.from({ length: H + 1 }, (_, k) => lease / 1.12 ** (k / 12));
  const price = new Float64Array(H);
  const difficulty = new Float64Array(H);
  const legs = new Float64Array(H + 1);
  const hashprice = new Float64Array(H + 1);
  const path = () => {
    let wp = 0;
    let wd = 0;
    for (let t = 0; t < H; t++) {
      if (t > 0) {
        const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
        const a = 2 * Math.PI * Math.random();
        wp += r * Math.cos(a);
        wd += m.corr * r * Math.cos(a) + m.corrComplement * r * Math.sin(a);
      }
      price[t] = Math.exp(m.price.logStart + t * m.price.drift + m.price.sigma * wp);
      difficulty[t] = Math.exp(m.difficulty.logStart + t * m.difficulty.drift + m.difficulty.sigma * wd);
    }
    return valuer.legs(price, difficulty, legs, hashprice);
  };
  const X = new Float64Array(paths * (H + 1));
  const S = new Float64Array(paths * (H + 1));
  const Y = new Float64Array(paths);
  for (let i = 0; i < paths; i++) {
    const never = path();
    for (let k = 0; k <= H; k++) X[i * (H + 1) + k] = legs[k] + leasePv[k];
    for (let k = 1; k < H; k++) S[i * (H + 1) + k] = hashprice[k + 1];
    Y[i] = Math.max(X[i * (H + 1) + H], never);
  }
  const gain = new Float64Array(paths);
  const h = new Float64Array(paths);
  const fits = [];
  for (let k = H - 1; k >= 1; k--) {
    for (let i = 0; i < paths; i++) {
      gain[i] = Y[i] - X[i * (H + 1) + k];
      h[i] = S[i * (H + 1) + k];
    }
    const fit = fitQuadratic(h, gain, paths);
    fits[k] = fit;
    for (let i = 0; i < paths; i++) if (fitted(fit, h[i]) < 0) Y[i] = X[i * (H + 1) + k];
  }
  let sum = 0;
  for (let i = 0; i < paths; i++) {
    const never = path();
    let value = never;
    for (let k = 1; k < H; k++) {
      if (fitted(fits[k], hashprice[k + 1]) < 0) {
        value = legs[k] + leasePv[k];
        break;
      }
    }
    sum += value;
  }
  return sum / paths;
}

function optionBench(): void {
  const H = 132;
  console.log(
    `\nCONVERSIONOPTION (least-squares Monte Carlo; fitting and valuation sets), the README's plan, ${H} months:`,
  );
  const capPaths = Math.floor(MAX_OPTION_PATH_MONTHS / H);
  for (const paths of [10_000, capPaths]) {
    const real = time(() => conversionOption(CONVERSION, { ...OPTION_RISK, paths }));
    const twin = time(() => conversionOptionTwin(CONVERSION, paths));
    console.log(
      `  ${paths.toLocaleString("en-US")} paths: ${ms(real)}; plain-float twin ${ms(twin)}; ratio ${(real.wall / twin.wall).toFixed(2)}× (CPU ${(real.cpu / twin.cpu).toFixed(2)}×)   target ≤ 5×, and under 2 s`,
    );
  }
  const perPathMonth = time(() => conversionOption(CONVERSION, { ...OPTION_RISK, paths: 10_000 })).cpu / (10_000 * H);
  console.log(
    `  ${(perPathMonth * 1e6).toFixed(0)} ns CPU per path-month: 2 s would be ${Math.floor(2000 / perPathMonth).toLocaleString("en-US")} path-months here; the cap is ${MAX_OPTION_PATH_MONTHS.toLocaleString("en-US")}`,
  );
  const timing = time(() => conversionTiming(CONVERSION), 9);
  const breakeven = time(() => conversionBreakevenPrice(CONVERSION), 9);
  const stop = time(() => conversionBreakevenPrice({ ...CONVERSION, stop_for_good: true }), 9);
  const floored = time(() => conversionBreakevenPrice({ ...CONVERSION, hashprice_floor_usd_per_ph_day: 30 }), 9);
  const long = time(
    () => conversionBreakevenPrice({ ...CONVERSION, term_years: 99, conversion_months: 0, stop_for_good: true }),
    3,
  );
  console.log(
    `CONVERSIONTIMING (133 rows, decimal): ${ms(timing)}; CONVERSIONBREAKEVEN: ${ms(breakeven)}, with stop_for_good ${ms(stop)}, with a $30 floor ${ms(floored)}, 1,188 months with stop_for_good ${ms(long)}`,
  );
}

function main(): void {
  console.log(`Simulation bench, node ${process.version}, ${new Date().toISOString()}\n`);
  const paths = 10_000;
  const months = 360;
  const pm = paths * months;

  let sink = 0;
  const gen = time(() => simulateMonths(MODEL, { paths, months, seed: 1 }, (_t, lp) => (sink += lp[0])));
  const walk = time(() =>
    simulatePaths(MODEL, { paths, months, seed: 1 }, (price, difficulty) => price[months] / difficulty[months]),
  );
  const rate = (t: { wall: number; cpu: number }) =>
    `${(pm / t.wall / 1000).toFixed(1)} M path-months/s (CPU ${(pm / t.cpu / 1000).toFixed(1)} M)`;
  console.log(`Path generator, price and difficulty, ${paths.toLocaleString("en-US")} paths × ${months} months:`);
  console.log(`  month by month (cross-sections): ${ms(gen)} = ${rate(gen)}`);
  console.log(`  path by path (with levels, exp): ${ms(walk)} = ${rate(walk)}`);

  const pq = time(() => priceQuantiles({ ...PQ, months, paths }));
  const twin = time(() => priceQuantilesTwin(paths, months));
  console.log(`\nPRICEQUANTILES, 3 quantiles, ${paths.toLocaleString("en-US")} paths × ${months} months: ${ms(pq)}`);
  console.log(
    `  plain-float twin (Math.random, Math.exp): ${ms(twin)}; ratio ${(pq.wall / twin.wall).toFixed(2)}× (CPU ${(pq.cpu / twin.cpu).toFixed(2)}×)   target ≤ 3×`,
  );
  for (const m of [60, 120])
    console.log(
      `  default ${paths.toLocaleString("en-US")} paths × ${m} months: ${ms(time(() => priceQuantiles({ ...PQ, months: m, paths })))}`,
    );

  const N = 2_000_000;
  const xs = Float64Array.from({ length: N }, (_, k) => 0.001 + (k % 10007) / 500);
  const perCall = (f: (x: number) => number) => {
    const t = time(() => {
      for (let k = 0; k < N; k++) sink += f(xs[k]);
    }, 3);
    return `${((t.wall / N) * 1e6).toFixed(1)} ns`;
  };
  console.log(
    `\nPer call (own / Math): exp ${perCall((x) => exp(-x))} / ${perCall((x) => Math.exp(-x))}; log ${perCall(log)} / ${perCall(Math.log)}; sqrt ${perCall(sqrt)} / ${perCall(Math.sqrt)}`,
  );

  const daily = (n: number) => Array.from({ length: n }, (_, k) => 90000 * Math.exp(0.03 * Math.sin(k)));
  for (const n of [365, 1095])
    console.log(`VOLATILITY over ${n} daily prices (decimal): ${ms(time(() => volatility(daily(n), 365), 3))}`);
  optionBench();
  if (sink === 42) console.log("");
}

main();
