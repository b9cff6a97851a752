/**
 * GPUCLOUDNPV in double-double, by service year as gpu-cloud.ts's `gpuCloudNpv` sums it,
 * certified against its double:
 *
 *   NPV = −shell capex − GPU capex × v^G + prepayment + Σ_y flow_y × v^(B + 12(y − 1)) × A(n_y)
 *         + (salvage + hall residual) × v^(B + L)
 *   flow_y = GPU-hours sold × price_y × (1 − opex share − prepayment share) − power
 *
 * (v = (1 + r)^(−1/12), A(n) = v + … + vⁿ, price_y = usd_per_gpu_hour × (1 − decline)^(y − 1)).
 * Error bound as lease-npv.ts's: every term's relative error is at most
 *   ε = 10·3u² + 24·18u² + 2·28u² + Y·(ε_keep + 18u²) + (E + 12)·(ε_v + 3·18u²) + 40·6u²
 * (inputs, operations, the price's Y declines, powers of v up to E = the last month), applied to
 * a year's revenue and power separately (their difference may cancel), and the net share
 * 1 − opex − prepayment's absolute error (it may cancel too) times the revenue; the decimal path's error scales with each
 * year's revenue (× (1 + opex share + prepayment share)) and power, the capex and the end value.
 */
import { Num } from "../decimal";
import { GpuCloudPlan, gpuCloudNpv, DEFAULT_GPU_LIFE_YEARS } from "../gpu-cloud";
import { MAX_LEASE_MONTHS } from "../lease";
import { add, ADD_ERR, copy, DIV_ERR, divDouble, mul, mulDouble, MUL_ERR, reg, set } from "./double-double";
import { INPUT_ERR, readInto } from "./exact-input";
import { monthlyDiscountInto } from "./monthly-factor";
import { addToSum, certifiedSum, startSum, widenSum } from "./certified-sum";
import { powerInto } from "./lease-npv";
import { resultDouble } from "./per-cell";
import {
  allRead,
  codeArg,
  fractionArg,
  monthsOfYears,
  nonNegativeArg,
  positiveArg,
  rateArg,
  wholeArg,
} from "./schedule-inputs";

const V = 0;
const HOURS = 1; // GPU-hours sold a month
const POWER = 2; // power, USD a month
const SHARE = 3; // 1 − opex share − prepayment share
const KEEP = 4; // 1 − decline
const PRICE = 5;
const YEAR = 6; // v^(B + 12(y − 1))
const V12 = 7;
const A = 8; // A(12), then A(n)
const T1 = 9;
const T2 = 10;
const GPUS = 11;
const ONE = 12;
const EARNED = 13; // Σ price_y × n_y
const T3 = 14;

/** The plan's arguments in the order read below, or undefined when the decimal path might refuse one. */
function gpuDoubles(p: GpuCloudPlan): number[] | undefined {
  const life = monthsOfYears(p.life_years, DEFAULT_GPU_LIFE_YEARS);
  const build = wholeArg(p.build_months, MAX_LEASE_MONTHS, 0);
  const decline = rateArg(p.price_decline_annual, 0);
  const pue = positiveArg(p.pue);
  const v = [
    positiveArg(p.gpus),
    nonNegativeArg(p.usd_per_gpu_hour),
    fractionArg(p.utilization),
    nonNegativeArg(p.gpu_capex_usd),
    positiveArg(p.kw_per_gpu),
    pue >= 1 ? pue : NaN,
    nonNegativeArg(p.power_price_kwh),
    fractionArg(p.opex_pct_of_revenue, 0),
    decline <= 1 ? decline : NaN,
    life,
    fractionArg(p.salvage_pct, 0),
    build,
    nonNegativeArg(p.shell_capex_usd_per_mw, 0),
    codeArg(p.gpu_capex_timing),
    fractionArg(p.customer_prepayment_pct, 0),
    fractionArg(p.shell_residual_pct, 0),
  ];
  return allRead(...v) && build + life <= MAX_LEASE_MONTHS ? v : undefined;
}

/** GPUCLOUDNPV's double when certified, else NaN. */
export function gpuCloudNpvFast(plan: GpuCloudPlan, rate: number): number {
  const a = gpuDoubles(plan);
  if (!a) return NaN;
  const [
    gpus,
    price,
    util,
    gpuCapex,
    kw,
    pue,
    powerPrice,
    opex,
    decline,
    L,
    salvage,
    B,
    shell,
    timing,
    prepay,
    residual,
  ] = a;
  const epsV = monthlyDiscountInto(V, T1, rate);
  if (epsV !== epsV) return NaN;
  for (const x of [price, util, gpuCapex, kw, pue, powerPrice, opex, decline, salvage, shell, prepay, residual])
    if (!readInto(T1, x)) return NaN;
  if (!readInto(GPUS, gpus)) return NaN;
  const read = (k: number, x: number) => readInto(k, x);
  // hours sold = gpus × utilization × 730; power = gpus × kW × PUE × 730 × price of power
  read(T1, util);
  mul(HOURS, GPUS, T1);
  mulDouble(HOURS, HOURS, 730);
  read(T1, kw);
  mul(POWER, GPUS, T1);
  read(T1, pue);
  mul(POWER, POWER, T1);
  mulDouble(POWER, POWER, 730);
  read(T1, powerPrice);
  mul(POWER, POWER, T1);
  // 1 − opex − prepayment: an absolute error of 6u²(1 + o) + 6u²(|1 − o| + p) and the inputs', relative to it
  set(ONE, 1, 0);
  read(T1, opex);
  add(SHARE, ONE, T1, -1);
  read(T1, prepay);
  add(SHARE, SHARE, T1, -1);
  // its absolute error: 6u²(1 + o) + 6u²(|1 − o| + p) and the inputs' 3u² (it may cancel to 0)
  const shareErr = (ADD_ERR * (2 + 2 * opex + prepay) + INPUT_ERR * (opex + prepay)) * 1.001;
  const share = Math.abs(1 - opex - prepay) + 2 ** -50;
  read(T1, decline);
  add(KEEP, ONE, T1, -1);
  const epsKeep =
    decline === 1 ? 0 : ((ADD_ERR * (1 + Math.abs(decline)) + INPUT_ERR * Math.abs(decline)) / (1 - decline)) * 1.001;
  const years = Math.ceil(L / 12);
  const E = B + L + 12;
  const eps =
    10 * INPUT_ERR +
    24 * MUL_ERR +
    2 * DIV_ERR +
    years * (epsKeep + MUL_ERR) +
    (E + 12) * (epsV + 3 * MUL_ERR) +
    40 * ADD_ERR;
  const mixed = 1 + opex + prepay; // the decimal path's magnitude of revenue's share, before it cancels
  startSum();
  // capex: the shell at month 0, the GPUs at month 0 or on delivery (month B)
  read(T1, kw);
  mul(T1, T1, GPUS);
  divDouble(T1, T1, 1000);
  read(T2, shell);
  mul(T3, T1, T2); // shell capex (kept in T3 for the hall's residual)
  addToSum(T3, -1, eps, Math.abs(reg[2 * T3]));
  read(T1, gpuCapex);
  mul(T2, GPUS, T1); // GPU capex (kept in T2)
  if (timing === 1 && B > 0) {
    powerInto(T1, V, B, YEAR);
    mul(T1, T1, T2);
  } else copy(T1, T2);
  addToSum(T1, -1, eps, Math.abs(reg[2 * T1]));
  // end value = salvage × GPU capex + residual × shell capex, kept in T3
  read(T1, salvage);
  mul(T2, T2, T1);
  read(T1, residual);
  mul(T3, T3, T1);
  add(T3, T3, T2);
  // years of service: v^12, and A(n) = v + … + vⁿ for a whole year (and the last, when shorter)
  powerInto(YEAR, V, B, T1);
  read(PRICE, price);
  set(EARNED, 0, 0);
  for (let start = 0; start < L; start += 12) {
    const n = Math.min(12, L - start);
    if (start === 0 || n < 12) {
      set(A, 0, 0);
      set(V12, 1, 0);
      for (let j = 0; j < n; j++) {
        mul(V12, V12, V);
        add(A, A, V12);
      }
    } else {
      mul(PRICE, PRICE, KEEP);
      mul(YEAR, YEAR, V12);
    }
    if (start > 0 && n < 12) {
      // the last year, shorter: its start (V12 now holds vⁿ, so the step is v^12 again)
      mul(PRICE, PRICE, KEEP);
      powerInto(T1, V, 12, T2);
      mul(YEAR, YEAR, T1);
    }
    // flow × year factor × A(n); its error: the flow's parts', relative (it may cancel), and the products'
    mul(T1, HOURS, PRICE);
    const revenue = Math.abs(reg[2 * T1]);
    mul(T1, T1, SHARE);
    add(T1, T1, POWER, -1);
    mul(T1, T1, YEAR);
    mul(T1, T1, A);
    const discount = Math.abs(reg[2 * YEAR] * reg[2 * A]);
    const parts = (revenue * share + Math.abs(reg[2 * POWER])) * discount;
    addToSum(T1, 1, eps, (revenue * mixed + Math.abs(reg[2 * POWER])) * discount);
    widenSum((eps + ADD_ERR) * parts + shareErr * revenue * discount, 0);
    if (prepay > 0) {
      mulDouble(T2, PRICE, n);
      add(EARNED, EARNED, T2);
    }
    if (start + n === L) {
      // the end value in the last month of service: × year factor × vⁿ (V12 holds vⁿ)
      mul(T2, YEAR, V12);
      mul(T2, T2, T3);
      addToSum(T2, 1, eps, Math.abs(reg[2 * T2]));
    }
  }
  if (prepay > 0) {
    // the prepayment: hours sold × Σ price_y n_y × prepayment share, at month 0
    mul(T1, HOURS, EARNED);
    read(T2, prepay);
    mul(T1, T1, T2);
    addToSum(T1, 1, eps, Math.abs(reg[2 * T1]));
  }
  return certifiedSum();
}

/** `gpuCloudNpv(plan, rate).toNumber()` (GPUCLOUDNPV), certified fast path first; a zero is +0. */
export function gpuCloudNpvDouble(plan: GpuCloudPlan, discountRate: Num): number {
  if (typeof discountRate === "number") {
    const n = gpuCloudNpvFast(plan, discountRate);
    if (n === n) return n;
  }
  return resultDouble(gpuCloudNpv(plan, discountRate));
}
