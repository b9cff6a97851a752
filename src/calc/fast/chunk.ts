/**
 * The certified fast paths, as one module: webpack emits it as a chunk of its own (fast.js), which
 * functions.js asks for as it starts (lazy.ts). functions.js holds what every function needs to
 * answer, exactly (the decimal paths); these only make the answers faster, never different.
 * Each returns the decimal path's double or declines (NaN, undefined); the caller then runs the
 * decimal path itself, which gives the answer or the error (so that an error is always raised by
 * the caller's own modules).
 */
export {
  allInCostFast,
  breakdownFast,
  breakevenHashpriceFast,
  breakevenPowerFast,
  btcPerDayFast,
  cashCostFast,
  hashpriceFast,
} from "./mining-formulas";
export { singleSignChangeRoot } from "./rate-of-return";
export { leaseNpvFast } from "./lease-npv";
export { leaseIrrFast } from "./lease-irr";
export { gpuCloudNpvFast } from "./gpu-cloud-npv";
export { conversionValueFast, miningNpvFast } from "./mining-value";
export { conversionBreakevenFast } from "./conversion-breakeven";
export { conversionTimingFast } from "./conversion-timing";
export { mineMonths, miningDoubles } from "./mining-months";
