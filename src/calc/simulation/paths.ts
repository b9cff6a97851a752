/**
 * Simulated paths of BTC price and difficulty (model.ts), in floats, reproducible from the seed.
 *
 * Every path p draws from its own stream (random.ts): each month two standard normals, Z1 then
 * Z2, whatever is asked for. So path p is the same in every function that simulates the same
 * seed, however many paths run and in whichever order: the price paths behind PRICEQUANTILES are
 * the price paths behind a distribution of mining value with the same seed and price inputs, and
 * changing difficulty's inputs never changes the price paths.
 *
 * Two ways to walk the same numbers:
 *  - month by month (`simulateMonths`): the cross-section of all paths at each month, for
 *    statistics of the level at each month (quantiles for a fan chart); memory O(paths);
 *  - path by path (`simulatePaths`): each whole path handed to a valuation (an NPV over the
 *    months), one number kept per path; memory O(paths + months).
 * Level at month t: exp(logStart + t·drift + sigma·W_t), W_t = Z_1 + ... + Z_t (W_0 = 0).
 */
import { exp } from "./float-math";
import { LogNormalFactor, MarketModel, SimulationSize } from "./model";
import { normal, seedStream, seedStreams } from "./random";

/**
 * Month by month: after each month t = 0..months, calls onMonth(t, logPrice, logDifficulty) with
 * the natural logs of every path's price and difficulty at t. The arrays are reused: read them
 * in the callback, do not keep them.
 */
export function simulateMonths(
  model: MarketModel,
  size: SimulationSize,
  onMonth: (month: number, logPrice: Float64Array, logDifficulty: Float64Array) => void,
): void {
  const { paths, months } = size;
  const states = seedStreams(size.seed, paths);
  const wPrice = new Float64Array(paths);
  const wDifficulty = new Float64Array(paths);
  const logPrice = new Float64Array(paths);
  const logDifficulty = new Float64Array(paths);
  const { price: P, difficulty: D, corr, corrComplement } = model;
  logPrice.fill(P.logStart);
  logDifficulty.fill(D.logStart);
  onMonth(0, logPrice, logDifficulty);
  for (let t = 1; t <= months; t++) {
    const basePrice = P.logStart + t * P.drift;
    const baseDifficulty = D.logStart + t * D.drift;
    for (let p = 0, i = 0; p < paths; p++, i += 4) {
      const z1 = normal(states, i);
      const z2 = normal(states, i);
      const wp = wPrice[p] + z1;
      const wd = wDifficulty[p] + (corr * z1 + corrComplement * z2);
      wPrice[p] = wp;
      wDifficulty[p] = wd;
      logPrice[p] = basePrice + P.sigma * wp;
      logDifficulty[p] = baseDifficulty + D.sigma * wd;
    }
    onMonth(t, logPrice, logDifficulty);
  }
}

/**
 * Fills level[0..months] with exp(logStart + t·drift + sigma·w[t]), or, along a given path of
 * mean levels, exp(logPath[t] + t·drift + sigma·w[t]) (the factor's drift then holds only −s²/2,
 * so the mean level at t is the path's).
 */
function levels(f: LogNormalFactor, w: Float64Array, level: Float64Array, logPath?: Float64Array): void {
  if (logPath === undefined) {
    for (let t = 0; t < level.length; t++) level[t] = exp(f.logStart + t * f.drift + f.sigma * w[t]);
  } else {
    for (let t = 0; t < level.length; t++) level[t] = exp(logPath[t] + t * f.drift + f.sigma * w[t]);
  }
}

/**
 * Path by path: for each path p, fills price[0..months] (USD per BTC) and difficulty[0..months]
 * with the path's levels (index = month; month 0 is the start) and stores valuePath's answer.
 * The arrays are reused between paths. With `firstStream`, path p draws stream firstStream + p
 * (a second, independent set of paths under the same seed rule).
 * @returns one value per path, in path order
 */
export function simulatePaths(
  model: MarketModel,
  size: SimulationSize,
  valuePath: (price: Float64Array, difficulty: Float64Array, path: number) => number,
  firstStream = 0,
): Float64Array {
  const { paths, months } = size;
  const state = new Int32Array(4);
  const wPrice = new Float64Array(months + 1);
  const wDifficulty = new Float64Array(months + 1);
  const price = new Float64Array(months + 1);
  const difficulty = new Float64Array(months + 1);
  const values = new Float64Array(paths);
  const { corr, corrComplement } = model;
  for (let p = 0; p < paths; p++) {
    seedStream(size.seed, firstStream + p, state, 0);
    for (let t = 1; t <= months; t++) {
      const z1 = normal(state, 0);
      const z2 = normal(state, 0);
      wPrice[t] = wPrice[t - 1] + z1;
      wDifficulty[t] = wDifficulty[t - 1] + (corr * z1 + corrComplement * z2);
    }
    levels(model.price, wPrice, price);
    levels(model.difficulty, wDifficulty, difficulty, model.difficultyLogPath);
    values[p] = valuePath(price, difficulty, p);
  }
  return values;
}
