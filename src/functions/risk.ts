/*
 * Excel adapters for the simulation (issue 16): price quantiles for a fan chart, the distributions
 * of mining NPV and of the conversion value, and realised volatility. The numbers come from
 * src/calc/simulation (floats, seeded: the same seed gives the same bits in every Excel) and
 * src/calc/volatility.ts (decimal).
 */
import { InvalidArgumentError, NoAnswerError } from "../calc/errors";
import {
  ConversionDistribution,
  conversionDistribution,
  miningNpvDistribution,
  priceQuantiles,
  quantileLabel,
  RiskInputs,
  SimulatedDistribution,
} from "../calc/simulation";
import { volatility } from "../calc/volatility";
import { readArgs } from "./args";
import { excelMatrix, excelNumber, numberList } from "./excel";
import { readConversionPlan, readMiningNpvArgs } from "./mining";
import { SIGNATURES } from "./params";

/** A simulated number as a cell shows it; a non-finite one (an absurd growth rate overflowed) is #NUM!. */
function cellNumber(x: number): number {
  if (!Number.isFinite(x)) throw new NoAnswerError("a simulated value is beyond Excel's number range");
  return x === 0 ? 0 : x;
}

/** The quantiles argument: a row or column of fractions (blank cells skipped), or none. */
function quantilesArg(raw: unknown): number[] | undefined {
  const { values } = numberList("quantiles", raw, "skip");
  return values.length ? values : undefined;
}

function throwing(e: Error): never {
  throw e;
}

/** A required list left blank: refused as a required number is. */
function requiredList(name: string): InvalidArgumentError {
  return new InvalidArgumentError(name, "a row or column of numbers (it is required, and the argument is blank)");
}

/** The risk inputs that follow a deterministic function's `count` arguments. */
function riskArgs(id: "MININGNPVDIST" | "CONVERSIONDIST", count: number, args: unknown[]): RiskInputs {
  const params = SIGNATURES[id].slice(count);
  const a = readArgs(params, args.slice(count));
  const quantiles = quantilesArg(args[count + params.findIndex((p) => p.name === "quantiles")]);
  return {
    price_vol_annual: a.price_vol_annual,
    difficulty_vol_annual: a.difficulty_vol_annual,
    price_difficulty_corr: a.price_difficulty_corr,
    paths: a.paths,
    seed: a.seed,
    quantiles,
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

// MINER.PRICEQUANTILES: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Quantiles of the simulated BTC price at each month, with their standard errors, for a fan chart: a geometric Brownian motion whose mean path grows at btc_price_growth_monthly.
 * @customfunction PRICEQUANTILES
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param btc_price_growth_monthly BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%).
 * @param price_vol_annual Annual volatility of BTC's log price changes; the mean path keeps btc_price_growth_monthly (rate per year; 0 to 5, 0.5 = 50% a year).
 * @param months Months to schedule or simulate (months; a whole number from 1 to 1200).
 * @param quantiles Quantiles to report, as fractions in a row or column (fractions; 1 to 99, each strictly between 0 and 1).
 * @param paths Simulated paths: more give smaller standard errors and take longer (count; whole, 100 to 100,000; paths × months at most 3,600,000).
 * @param seed Seed of the random numbers: the same seed gives the same result in every Excel (dimensionless; a whole number from 0 to 2^53 - 1).
 * @returns A table under a header row (month, the quantiles, then their SEs, e.g. month, P10, P50, P90, P10 SE, P50 SE, P90 SE): one row per month 0 to months, prices in USD per BTC.
 * @helpurl https://localhost:3000/help/PRICEQUANTILES.html
 */
export function priceQuantilesFn(
  btc_price: unknown,
  btc_price_growth_monthly: unknown,
  price_vol_annual: unknown,
  months: unknown,
  quantiles: any[][],
  paths: unknown,
  seed: unknown,
): any[][];
export function priceQuantilesFn(...args: unknown[]): any[][] {
  const params = SIGNATURES.PRICEQUANTILES;
  return excelMatrix("PRICEQUANTILES", params, () => {
    const a = readArgs(params, args);
    const table = priceQuantiles({
      btc_price: a.btc_price,
      btc_price_growth_monthly: a.btc_price_growth_monthly,
      price_vol_annual: a.price_vol_annual,
      months: a.months,
      quantiles:
        quantilesArg(args[params.findIndex((p) => p.name === "quantiles")]) ?? throwing(requiredList("quantiles")),
      paths: a.paths,
      seed: a.seed,
    });
    return [table.header, ...table.rows.map((row) => row.map(cellNumber))];
  });
}

// MINER.MININGNPVDIST: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Simulated distribution of MININGNPV under random BTC price and difficulty: mean, quantiles and P(NPV < 0), each with its standard error.
 * @customfunction MININGNPVDIST
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param months Months to schedule or simulate (months; a whole number from 1 to 1200).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [price_vol_annual] Annual volatility of BTC's log price changes; the mean path keeps btc_price_growth_monthly (rate per year; 0 to 5, 0.5 = 50% a year). Required.
 * @param [difficulty_vol_annual] Annual volatility of log difficulty changes; the mean path keeps difficulty_growth_monthly (rate per year; 0 to 5, 0.2 = 20% a year). Required.
 * @param [price_difficulty_corr] Correlation of the monthly price and difficulty shocks (hashrate chases hashprice) (dimensionless; -1 to 1, 0 = independent). Required.
 * @param [paths] Simulated paths: more give smaller standard errors and take longer (count; whole, 100 to 100,000; paths × months at most 3,600,000). Required.
 * @param [seed] Seed of the random numbers: the same seed gives the same result in every Excel (dimensionless; a whole number from 0 to 2^53 - 1). Required.
 * @param [quantiles] Quantiles to report, as fractions in a row or column (fractions; 1 to 99, each strictly between 0 and 1). Default {0.1,0.5,0.9}.
 * @returns A two-column table of label and value under a header row: mean and its SE, each quantile and its SE (USD at month 0), then P(NPV < 0) and its SE; 11 rows for the default P10, P50, P90.
 * @helpurl https://localhost:3000/help/MININGNPVDIST.html
 */
export function miningNpvDistFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  months: unknown,
  discount_rate: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
  price_vol_annual?: unknown,
  difficulty_vol_annual?: unknown,
  price_difficulty_corr?: unknown,
  paths?: unknown,
  seed?: unknown,
  quantiles?: any[][],
): any[][];
export function miningNpvDistFn(...args: unknown[]): any[][] {
  return excelMatrix("MININGNPVDIST", SIGNATURES.MININGNPVDIST, () => {
    const count = SIGNATURES.MININGNPV.length;
    const { plan, discountRate } = readMiningNpvArgs(args.slice(0, count));
    const risk = riskArgs("MININGNPVDIST", count, args);
    return distributionRows(miningNpvDistribution(plan, discountRate, risk), "P(NPV < 0)");
  });
}

// MINER.CONVERSIONDIST: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Simulated distribution of CONVERSIONVALUE (lease NPV minus mining NPV) under random BTC price and difficulty, with P(leasing worth more); every estimate with its standard error.
 * @customfunction CONVERSIONDIST
 * @param site_mw Site power capacity, gross (MW; greater than 0).
 * @param machine_efficiency_j_th Fleet efficiency at the machines; the site's PUE is applied separately (J/TH; greater than 0).
 * @param pue Power usage effectiveness: site power over machine power (1.1 = 10% cooling overhead) (ratio; 1 or more).
 * @param power_price_kwh Power price (USD per kWh; 0 or more).
 * @param btc_price BTC price now, or in month 1 of a schedule (USD per BTC; greater than 0, or 0 in NAVPERSHARE and RUNWAYMONTHS).
 * @param difficulty Network difficulty now, or in month 1 of a schedule (dimensionless; greater than 0).
 * @param start_height Block height at the start of month 1; 144 blocks a day follow, so halvings fall in their month (blocks; a whole number, 0 or more).
 * @param discount_rate Discount rate, annual effective (rate per year; greater than -1, 0.1 = 10%).
 * @param rate_usd_per_kw_month Rent (USD per kW of critical IT per month; 0 or more).
 * @param term_years Lease term; term_years × 12 must be a whole number of months (years; greater than 0).
 * @param [fees_btc_per_block] Average transaction fees per block (BTC per block; 0 or more). Default 0.
 * @param [pool_fee] Pool fee (fraction; 0 to 1, 0.02 = 2%). Default 0.
 * @param [uptime] Share of time the fleet hashes (fraction; 0 to 1). Default 1.
 * @param [difficulty_growth_monthly] Difficulty growth per month (rate per month; greater than -1, 0.02 = 2%). Default 0.
 * @param [btc_price_growth_monthly] BTC price growth per month (0 = flat) (rate per month; greater than -1, 0.01 = 1%). Default 0.
 * @param [opex_usd_per_site_mw_month] Site operating cost other than power (USD per site MW per month; 0 or more). Default 0.
 * @param [refresh_capex_usd_per_th] Fleet refresh capex, paid every refresh_every_months (USD per TH/s; 0 or more). Default 0.
 * @param [refresh_every_months] Months between fleet refreshes (0 = never) (months; a whole number, 0 or more). Default 0.
 * @param [escalator] Rent escalator, applied after each lease year (rate per year; greater than -1, 0.03 = 3%). Default 0.
 * @param [conversion_capex_usd_per_critical_it_mw] Cost of converting the site for the tenant, paid at month 0 (USD per MW of critical IT; 0 or more). Default 0.
 * @param [conversion_months] Months of conversion, with no income, before rent starts (months; a whole number, 0 or more). Default 0.
 * @param [lease_opex_pct_of_revenue] Landlord operating cost as a share of lease revenue (fraction; 0 to 1, 0.15 = 15%). Default 0.
 * @param [site_mw_per_critical_it_mw] Gross site MW per MW of critical IT load (reported deals: 1.25 to 1.45) (ratio; 1 or more). Default 1.4.
 * @param [switch_off_below_cost] Switch the fleet off in a month whose revenue is below power + energy tax (opex still paid) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [salvage_pct] Resale value at the end, as a share of the equipment's cost (a new fleet's; the GPUs') (fraction; 0 to 1, 0.1 = 10%). Default 0.
 * @param [energy_tax_usd_per_kwh] Excise tax on mining power, e.g. 0.05 for New York's proposed top band or ENERGYTAX / kWh (USD per kWh; 0 or more). Default 0.
 * @param [difficulty_includes_fleet] Whether difficulty counts this fleet already (FALSE: a new fleet adds its own hashrate) (TRUE or FALSE; or 1 or 0). Default TRUE.
 * @param [exit_cap_rate] Cap rate that values the final lease year's NOI at the end of the term (0 = no exit value) (rate per year; 0 to 1, 0.07 = 7%). Default 0.
 * @param [rent_timing] When rent is paid: 0 = at the end of each month, 1 = at its beginning (monthly in advance) (code; 0 or 1). Default 0.
 * @param [capex_timing] When capex is paid: 0 = all at month 0, 1 = evenly at the start of each build month (code; 0 or 1). Default 0.
 * @param [phases] Phased deliveries, each a lease of its own: rows of (build months to service, critical IT MW) (range: months, MW; two columns). Blank: a single lease.
 * @param [lease_discount_rate] Discount rate for the lease, annual effective (rate per year; greater than -1, 0.08 = 8%). Blank: discount_rate.
 * @param [price_vol_annual] Annual volatility of BTC's log price changes; the mean path keeps btc_price_growth_monthly (rate per year; 0 to 5, 0.5 = 50% a year). Required.
 * @param [difficulty_vol_annual] Annual volatility of log difficulty changes; the mean path keeps difficulty_growth_monthly (rate per year; 0 to 5, 0.2 = 20% a year). Required.
 * @param [price_difficulty_corr] Correlation of the monthly price and difficulty shocks (hashrate chases hashprice) (dimensionless; -1 to 1, 0 = independent). Required.
 * @param [paths] Simulated paths: more give smaller standard errors and take longer (count; whole, 100 to 100,000; paths × months at most 3,600,000). Required.
 * @param [seed] Seed of the random numbers: the same seed gives the same result in every Excel (dimensionless; a whole number from 0 to 2^53 - 1). Required.
 * @param [quantiles] Quantiles to report, as fractions in a row or column (fractions; 1 to 99, each strictly between 0 and 1). Default {0.1,0.5,0.9}.
 * @returns A two-column table of label and value under a header row: mean and its SE, each quantile and its SE (USD at month 0), P(value < 0) (mining worth more), P(leasing worth more), each with its SE; 13 rows for the default P10, P50, P90.
 * @helpurl https://localhost:3000/help/CONVERSIONDIST.html
 */
export function conversionDistFn(
  site_mw: unknown,
  machine_efficiency_j_th: unknown,
  pue: unknown,
  power_price_kwh: unknown,
  btc_price: unknown,
  difficulty: unknown,
  start_height: unknown,
  discount_rate: unknown,
  rate_usd_per_kw_month: unknown,
  term_years: unknown,
  fees_btc_per_block?: unknown,
  pool_fee?: unknown,
  uptime?: unknown,
  difficulty_growth_monthly?: unknown,
  btc_price_growth_monthly?: unknown,
  opex_usd_per_site_mw_month?: unknown,
  refresh_capex_usd_per_th?: unknown,
  refresh_every_months?: unknown,
  escalator?: unknown,
  conversion_capex_usd_per_critical_it_mw?: unknown,
  conversion_months?: unknown,
  lease_opex_pct_of_revenue?: unknown,
  site_mw_per_critical_it_mw?: unknown,
  switch_off_below_cost?: unknown,
  salvage_pct?: unknown,
  energy_tax_usd_per_kwh?: unknown,
  difficulty_includes_fleet?: unknown,
  exit_cap_rate?: unknown,
  rent_timing?: unknown,
  capex_timing?: unknown,
  phases?: any[][],
  lease_discount_rate?: unknown,
  price_vol_annual?: unknown,
  difficulty_vol_annual?: unknown,
  price_difficulty_corr?: unknown,
  paths?: unknown,
  seed?: unknown,
  quantiles?: any[][],
): any[][];
export function conversionDistFn(...args: unknown[]): any[][] {
  return excelMatrix("CONVERSIONDIST", SIGNATURES.CONVERSIONDIST, () => {
    const count = SIGNATURES.CONVERSIONVALUE.length;
    const plan = readConversionPlan(args.slice(0, count));
    const d: ConversionDistribution = conversionDistribution(plan, riskArgs("CONVERSIONDIST", count, args));
    return [
      ...distributionRows(d, "P(value < 0): mining worth more"),
      ["P(leasing worth more)", d.leasingWorthMore.value],
      ["P(leasing worth more) SE", d.leasingWorthMore.se],
    ];
  });
}

// MINER.VOLATILITY: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.
/**
 * Annualised volatility of a series' log returns: the sample standard deviation of ln(v_t / v_(t−1)) × √periods_per_year.
 * @customfunction VOLATILITY
 * @param values Levels in time order, oldest first, e.g. daily BTC prices (e.g. USD per BTC; a row or column of at least 3 numbers greater than 0).
 * @param periods_per_year Periods a year between consecutive values: 365 for daily BTC prices, 52 weekly, 12 monthly (count; greater than 0).
 * @returns Annual volatility as a fraction (0.5 = 50% a year).
 * @helpurl https://localhost:3000/help/VOLATILITY.html
 */
export function volatilityFn(values: any[][], periods_per_year: unknown): number;
export function volatilityFn(...args: unknown[]): number {
  const params = SIGNATURES.VOLATILITY;
  return excelNumber("VOLATILITY", params, () => {
    const { periods_per_year } = readArgs(params, args);
    const { values, positions } = numberList("values", args[0], "ends");
    if (values.length === 0) throw requiredList("values");
    return volatility(values, periods_per_year, (k) => positions[k]);
  });
}
