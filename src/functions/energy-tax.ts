/* Excel adapter for an energy excise charged at marginal rates by annual kWh band. */
import { energyTaxUsdPerYear } from "../calc/energy-tax";
import { readMixedArgs } from "./args";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

// MINER.ENERGYTAX: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Energy excise in USD for a year's electricity under marginal tax bands; by default New York's proposed S8518 on proof-of-work mining.
 * @customfunction ENERGYTAX
 * @param annual_kwh Electricity used in the year (1 MW all year = 8,760,000 kWh) (kWh per year; 0 or more).
 * @param [tiers] Marginal tax bands: rows of (band start, rate), ascending from 0 (range: kWh a year, USD per kWh; two columns). Blank: New York S8518 as introduced.
 * @returns Tax in USD per year.
 * @helpurl https://localhost:3000/help/ENERGYTAX.html
 */
export function energyTax(annual_kwh: unknown, tiers?: any[][]): number;
export function energyTax(...args: unknown[]): number {
  const params = SIGNATURES.ENERGYTAX;
  return excelNumber("ENERGYTAX", params, () => {
    const a = readMixedArgs(params, args);
    return energyTaxUsdPerYear(a.annual_kwh as number, a.tiers as number[][] | undefined);
  });
}
