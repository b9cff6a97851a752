/**
 * The implementation of every MINER function that calculates (all but the live ones and
 * FROMTABLE), by its id. Typed so that each such function has exactly one: a function added to
 * the registry (params.ts) without an implementation here, or one here the registry does not know,
 * fails the type check. FROMTABLE runs these; functions.ts binds them, with FROMTABLE and the live
 * ones, to the ids in functions.json.
 */
import * as costs from "./costs";
import * as energyTax from "./energy-tax";
import * as gpuCloud from "./gpu-cloud";
import * as lease from "./lease";
import * as mining from "./mining";
import { CalculatedId } from "./params";
import * as protocol from "./protocol";
import * as revenue from "./revenue";
import * as risk from "./risk";
import * as taxAndDebt from "./tax-and-debt";
import * as treasury from "./treasury";

/** An adapter: Excel's arguments in, a number or a table out, or a CustomFunctions.Error thrown. */
export type Calculation = (...args: unknown[]) => number | (string | number)[][];

export const CALCULATED: Record<CalculatedId, Calculation> = {
  SUBSIDY: protocol.subsidy,
  NEXTHALVING: protocol.nextHalving,
  NETWORKHASHRATE: protocol.networkHashrate,
  DIFFICULTYFORHASHRATE: protocol.difficultyForHashrate,
  BTCPERDAY: revenue.btcPerDay,
  HASHPRICE: revenue.hashprice,
  COSTPERBTC: costs.costPerBtc,
  ALLINCOSTPERBTC: costs.allInCost,
  COSTBREAKDOWN: costs.costBreakdown,
  BREAKEVENPRICE: costs.breakevenPrice,
  BREAKEVENPOWER: costs.breakevenPower,
  BREAKEVENHASHPRICE: costs.breakevenHashprice,
  PAYBACKMONTHS: costs.paybackMonths,
  ENERGYTAX: energyTax.energyTax,
  LEASENPV: lease.leaseNpvFn,
  LEASEIRR: lease.leaseIrrFn,
  LEASECASHFLOWS: lease.leaseCashFlowsFn,
  MININGCASHFLOWS: mining.miningCashFlowsFn,
  MININGNPV: mining.miningNpvFn,
  CONVERSIONVALUE: mining.conversionValueFn,
  CONVERSIONBREAKEVEN: mining.conversionBreakevenFn,
  CONVERSIONTIMING: mining.conversionTimingFn,
  MWECONOMICS: mining.mwEconomicsFn,
  GPUCLOUDNPV: gpuCloud.gpuCloudNpvFn,
  GPUCLOUDIRR: gpuCloud.gpuCloudIrrFn,
  GPUCLOUDCASHFLOWS: gpuCloud.gpuCloudCashFlowsFn,
  PRICEQUANTILES: risk.priceQuantilesFn,
  MININGNPVDIST: risk.miningNpvDistFn,
  CONVERSIONDIST: risk.conversionDistFn,
  CONVERSIONOPTION: risk.conversionOptionFn,
  VOLATILITY: risk.volatilityFn,
  BTCPERSHARE: treasury.btcPerShareFn,
  BTCYIELD: treasury.btcYieldFn,
  BTCGAIN: treasury.btcGainFn,
  MNAV: treasury.mnavFn,
  NAVPERSHARE: treasury.navPerShareFn,
  LTV: treasury.ltvFn,
  LTVPRICE: treasury.ltvPriceFn,
  RUNWAYMONTHS: treasury.runwayMonthsFn,
  TREASURYCASHFLOWS: treasury.treasuryCashFlowsFn,
  DEPRECIATION: taxAndDebt.depreciationFn,
  AFTERTAXCASHFLOWS: taxAndDebt.afterTaxCashFlowsFn,
  DEBTCAPACITY: taxAndDebt.debtCapacityFn,
  LOANSCHEDULE: taxAndDebt.loanScheduleFn,
  EQUITYIRR: taxAndDebt.equityIrrFn,
};
