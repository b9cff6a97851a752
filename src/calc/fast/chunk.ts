/**
 * The certified fast paths, as one module: webpack emits it as a chunk of its own (fast.js), which
 * functions.js asks for as it starts (lazy.ts). functions.js holds what every function needs to
 * answer, exactly (the decimal paths); these only make the answers faster, never different.
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
export { leaseNpvDouble } from "./lease-npv";
export { leaseIrrDouble } from "./lease-irr";
export { gpuCloudNpvDouble } from "./gpu-cloud-npv";
export { conversionValueDouble, miningNpvDouble } from "./mining-value";
export { conversionBreakevenDouble } from "./conversion-breakeven";
export { conversionTimingDoubles } from "./conversion-timing";
export { mineMonths, miningDoubles } from "./mining-months";
