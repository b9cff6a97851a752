/* Excel adapter for an energy excise charged at marginal rates by annual kWh band. */
import { energyTaxUsdPerYear } from "../calc/energy-tax";
import { read } from "./read";
import { SIGNATURES } from "./params";
import { excelNumber } from "./excel";

export function energyTax(...args: unknown[]): number {
  const params = SIGNATURES.ENERGYTAX;
  return excelNumber("ENERGYTAX", params, () => {
    const a = read(params, args);
    return energyTaxUsdPerYear(a.annual_kwh, a.tiers);
  });
}
