/**
 * The seeded Monte Carlo simulation: the one part of calc that computes in floats (doubles), from
 * IEEE-exact operations only, so that a seed gives the same numbers in every engine.
 */
export { MAX_SEED } from "./random";
export * from "./model";
export { simulateMonths, simulatePaths } from "./paths";
export type { Estimate } from "./estimators";
export { meanEstimate, probabilityEstimate, quantileEstimates, summarizeDistribution } from "./estimators";
export type { DistributionSummary } from "./estimators";
export * from "./price-quantiles";
export * from "./mining-paths";
export * from "./distributions";
export * from "./conversion-option";
export type { QuadraticFit } from "./regression";
export { fitQuadratic, fitted, firstRootAbove } from "./regression";
