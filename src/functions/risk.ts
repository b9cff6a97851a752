/*
 * Excel adapters for the simulation: price quantiles for a fan chart, the distributions
 * of mining NPV and of the conversion value, and realised volatility. The numbers come from
 * src/calc/simulation (floats, seeded: the same seed gives the same bits in every Excel) and
 * src/calc/volatility.ts (decimal).
 */
import { NoAnswerError } from "../calc/errors";
import {
  ConversionDistribution,
  conversionDistribution,
  conversionOption,
  conversionOptionTable,
  miningNpvDistribution,
  priceQuantiles,
  quantileLabel,
  RiskInputs,
  SimulatedDistribution,
} from "../calc/simulation";
import { volatility } from "../calc/volatility";
import { read, Read } from "./read";
import { ExcelTable, excelMatrix, excelNumber } from "./excel";
import { checkPhases } from "./mining";
import { SIGNATURES } from "./params";

/** A simulated number as a cell shows it; a non-finite one (an absurd growth rate overflowed) is #NUM!. */
function cellNumber(x: number): number {
  if (!Number.isFinite(x)) throw new NoAnswerError("a simulated value is beyond Excel's number range");
  return x === 0 ? 0 : x;
}

/** The risk inputs among a distribution function's arguments; no quantiles given: P10, P50, P90. */
function riskOf(a: Pick<Read<typeof SIGNATURES.MININGNPVDIST>, keyof RiskInputs>): RiskInputs {
  return {
    price_vol_annual: a.price_vol_annual,
    difficulty_vol_annual: a.difficulty_vol_annual,
    price_difficulty_corr: a.price_difficulty_corr,
    paths: a.paths,
    seed: a.seed,
    quantiles: a.quantiles?.values,
  };
}

/** Label and value rows of a simulated distribution: mean, quantiles and P(value < 0), each with its SE. */
function distributionRows(d: SimulatedDistribution, below: string): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Statistic", "Value"],
    ["Mean (USD)", cellNumber(d.mean.value)],
    ["Mean SE (USD)", cellNumber(d.mean.se)],
  ];
  d.fractions.forEach((p, i) => {
    const label = quantileLabel(p);
    rows.push(
      [`${label} (USD)`, cellNumber(d.quantiles[i].value)],
      [`${label} SE (USD)`, cellNumber(d.quantiles[i].se)],
    );
  });
  rows.push([below, d.below.value], [`${below} SE`, d.below.se]);
  return rows;
}

export function priceQuantilesFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.PRICEQUANTILES;
  return excelMatrix("PRICEQUANTILES", params, () => {
    const a = read(params, args);
    const table = priceQuantiles({ ...a, quantiles: a.quantiles.values });
    return [table.header, ...table.rows.map((row) => row.map(cellNumber))];
  });
}

export function miningNpvDistFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.MININGNPVDIST;
  return excelMatrix("MININGNPVDIST", params, () => {
    const a = read(params, args);
    return distributionRows(miningNpvDistribution(a, a.discount_rate, riskOf(a)), "P(NPV < 0)");
  });
}

export function conversionDistFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.CONVERSIONDIST;
  return excelMatrix("CONVERSIONDIST", params, () => {
    const a = read(params, args);
    checkPhases(params, a, args);
    const d: ConversionDistribution = conversionDistribution(a, riskOf(a));
    return [
      ...distributionRows(d, "P(value < 0): mining worth more"),
      ["P(leasing worth more)", d.leasingWorthMore.value],
      ["P(leasing worth more) SE", d.leasingWorthMore.se],
    ];
  });
}

/**
 * CONVERSIONOPTION: the flexible strategy's table (label, value, SE) under a header row; numbers as
 * cells show them, blanks as "" (the median month when no path converts, the SE a row lacks).
 */
export function conversionOptionFn(...args: unknown[]): ExcelTable {
  const params = SIGNATURES.CONVERSIONOPTION;
  return excelMatrix("CONVERSIONOPTION", params, () => {
    const a = read(params, args);
    checkPhases(params, a, args);
    const t = conversionOptionTable(conversionOption(a, riskOf(a)));
    const cell = (x: string | number) => (typeof x === "number" ? cellNumber(x) : x);
    return [t.header, ...t.rows.map((row) => row.map(cell))];
  });
}

export function volatilityFn(...args: unknown[]): number {
  const params = SIGNATURES.VOLATILITY;
  return excelNumber("VOLATILITY", params, () => {
    const { values, periods_per_year } = read(params, args);
    return volatility(values.values, periods_per_year, (k) => values.positions[k]);
  });
}
