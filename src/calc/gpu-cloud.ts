/**
 * GPU cloud: the miner buys GPUs and sells GPU-hours (IREN's model), month by month.
 * Sources for inputs: docs/sources.md#gpu-cloud.
 *
 *   critical IT MW = gpus × kw_per_gpu / 1000   (kw_per_gpu: all-in server power per GPU, before PUE)
 *   capex          = shell_capex_usd_per_mw × critical IT MW at month 0, and the GPUs,
 *                    gpus × gpu_capex_usd, at month 0 (gpu_capex_timing 0, the default) or on
 *                    delivery at the end of the build, month build_months (gpu_capex_timing 1)
 *   months 1 .. build_months: building, no revenue and no power
 *   service month k = 1 .. L (L = life_years × 12; life counts from the end of the build), at
 *   month build_months + k, end of month:
 *     price     = usd_per_gpu_hour × (1 − price_decline_annual)^floor((k − 1) / 12)
 *                 (falls at each anniversary of the start of service)
 *     earned    = gpus × price × utilization × 730 h             (365/12 days)
 *     revenue   = earned × (1 − customer_prepayment_pct)          (the cash the month brings)
 *     power     = gpus × kw_per_gpu × pue × 730 h × power_price_kwh   (rented or not)
 *     opex      = opex_pct_of_revenue × earned                    (everything but power; a
 *                 prepayment changes when the customer pays, not what the service costs to run)
 *     salvage   = salvage_pct × gpus × gpu_capex_usd (the GPUs' resale value) + shell_residual_pct
 *                 × shell capex (the hall's value at the end of the GPUs' life), in service month L
 *   prepayment = customer_prepayment_pct × Σ earned over the whole life (the contract's revenue,
 *                undiscounted), received at month 0 in the revenue column
 *   net = revenue − power − opex − capex + salvage
 * Discounted as the lease: a month-m flow is worth CF / (1 + r)^(m/12), r annual effective.
 */
import { Decimal, Num, ONE, ZERO } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { doublesOf, irrOfDoubles } from "./finance";
import { MAX_LEASE_MONTHS } from "./lease";
import { Discounted, discountMonthly, monthlyDiscountFactor } from "./discounting";
import { choice, finite, fraction, nonNegative, positive, wholeMonthsOfYears, wholeNonNegative } from "./validate";

const HOURS_PER_MONTH = new Decimal(365).div(12).mul(24); // 730
const KW_PER_MW = new Decimal(1000);

/** GPU life used when none is given, years (CoreWeave 6, Nebius 4: gpu-cloud.md). */
export const DEFAULT_GPU_LIFE_YEARS = 5;

/** A GPU-cloud project, keyed by the public parameter names. */
export interface GpuCloudPlan {
  gpus: Num;
  usd_per_gpu_hour: Num;
  utilization: Num;
  /** USD per GPU (server share included), paid at month 0 or on delivery (gpu_capex_timing). */
  gpu_capex_usd: Num;
  /** All-in server power per GPU, kW, before PUE. */
  kw_per_gpu: Num;
  pue: Num;
  power_price_kwh: Num;
  opex_pct_of_revenue?: Num;
  price_decline_annual?: Num;
  life_years?: Num;
  salvage_pct?: Num;
  build_months?: Num;
  shell_capex_usd_per_mw?: Num;
  /** 0 = the GPUs are paid at month 0 (default), 1 = on delivery at the end of the build */
  gpu_capex_timing?: Num;
  /** share of the whole contract's revenue the customer pays at month 0, 0 to 1; each month's revenue falls by the same share. Default 0 */
  customer_prepayment_pct?: Num;
  /** the hall's value at the end of the GPUs' life as a share of shell capex, 0 to 1. Default 0 */
  shell_residual_pct?: Num;
}

/** One month of a GPU-cloud schedule, USD unless stated. */
export interface GpuCloudMonth {
  month: number;
  /** Whether the GPUs are in service (after the build, within their life). */
  inService: boolean;
  /** USD per GPU-hour this month (0 outside service). */
  gpuHourPrice: Decimal;
  revenue: Decimal;
  powerCost: Decimal;
  opex: Decimal;
  capex: Decimal;
  salvage: Decimal;
  net: Decimal;
}

/** Validated plan. */
export interface ValidGpuCloudPlan {
  gpus: Decimal;
  price: Decimal;
  utilization: Decimal;
  gpuCapex: Decimal;
  kwPerGpu: Decimal;
  pue: Decimal;
  powerPrice: Decimal;
  opexShare: Decimal;
  decline: Decimal;
  lifeMonths: number;
  salvageShare: Decimal;
  buildMonths: number;
  shellCapexPerMw: Decimal;
  criticalItMw: Decimal;
  /** the GPUs are paid at the end of the build (month buildMonths) rather than month 0 */
  gpusOnDelivery: boolean;
  prepaymentShare: Decimal;
  shellResidualShare: Decimal;
}

export function validateGpuCloud(p: GpuCloudPlan): ValidGpuCloudPlan {
  const gpus = positive("gpus", p.gpus);
  const price = nonNegative("usd_per_gpu_hour", p.usd_per_gpu_hour);
  const utilization = fraction("utilization", p.utilization);
  const gpuCapex = nonNegative("gpu_capex_usd", p.gpu_capex_usd);
  const kwPerGpu = positive("kw_per_gpu", p.kw_per_gpu);
  const pue = positive("pue", p.pue);
  if (pue.lt(1)) {
    throw new InvalidArgumentError("pue", "1 or more (facility power / IT power; 1.2 = 20% overhead)", pue.toString());
  }
  const powerPrice = nonNegative("power_price_kwh", p.power_price_kwh);
  const opexShare = fraction("opex_pct_of_revenue", p.opex_pct_of_revenue ?? 0);
  const declineAllowed = "a fraction above -1 and at most 1 (0.15 = the price falls 15% a year; negative: it rises)";
  const decline = finite("price_decline_annual", p.price_decline_annual ?? 0, declineAllowed);
  if (!decline.gt(-1) || decline.gt(1)) {
    throw new InvalidArgumentError("price_decline_annual", declineAllowed, decline.toString());
  }
  const lifeMonths = wholeMonthsOfYears("life_years", p.life_years ?? DEFAULT_GPU_LIFE_YEARS, "e.g. 5 or 4.5");
  const salvageShare = fraction("salvage_pct", p.salvage_pct ?? 0);
  const buildMonths = wholeNonNegative("build_months", p.build_months ?? 0);
  if (buildMonths + lifeMonths > MAX_LEASE_MONTHS) {
    throw new InvalidArgumentError(
      buildMonths >= MAX_LEASE_MONTHS ? "build_months" : "life_years",
      `a build and life of at most ${MAX_LEASE_MONTHS} months together`,
      `${buildMonths} build months + ${lifeMonths} months of life`,
    );
  }
  const shellCapexPerMw = nonNegative("shell_capex_usd_per_mw", p.shell_capex_usd_per_mw ?? 0);
  const criticalItMw = gpus.mul(kwPerGpu).div(KW_PER_MW);
  const timing = choice(
    "gpu_capex_timing",
    p.gpu_capex_timing,
    [0, 1],
    "0 = at month 0, 1 = on delivery at the end of the build",
  );
  const prepaymentShare = fraction("customer_prepayment_pct", p.customer_prepayment_pct ?? 0);
  const shellResidualShare = fraction("shell_residual_pct", p.shell_residual_pct ?? 0);
  return {
    gpus,
    price,
    utilization,
    gpuCapex,
    kwPerGpu,
    pue,
    powerPrice,
    opexShare,
    decline,
    lifeMonths,
    salvageShare,
    buildMonths,
    shellCapexPerMw,
    criticalItMw,
    gpusOnDelivery: timing === 1,
    prepaymentShare,
    shellResidualShare,
  };
}

/** A validated plan's capital: the GPUs, the shell, and the month the GPUs are paid. */
function capitalOf(t: ValidGpuCloudPlan) {
  const gpuCapex = t.gpus.mul(t.gpuCapex);
  const shellCapex = t.shellCapexPerMw.mul(t.criticalItMw);
  return {
    gpuCapex,
    shellCapex,
    gpuCapexMonth: t.gpusOnDelivery ? t.buildMonths : 0,
    /** the GPUs' salvage and the hall's residual value, in the last month of service */
    endValue: t.salvageShare.mul(gpuCapex).add(t.shellResidualShare.mul(shellCapex)),
  };
}

/** Each service month 1..L: its GPU-hour price and the revenue it earns (before any prepayment), USD. */
function serviceMonths(t: ValidGpuCloudPlan): { price: Decimal; earned: Decimal }[] {
  const rentedHours = t.gpus.mul(t.utilization).mul(HOURS_PER_MONTH); // GPU-hours sold per month
  const keep = ONE.sub(t.decline);
  const months: { price: Decimal; earned: Decimal }[] = [];
  let price = t.price;
  let earned = rentedHours.mul(price);
  for (let k = 1; k <= t.lifeMonths; k++) {
    if (k > 1 && (k - 1) % 12 === 0) {
      price = price.mul(keep); // an anniversary of the start of service
      earned = rentedHours.mul(price);
    }
    months.push({ price, earned }); // a service year's months share one decimal
  }
  return months;
}

/** The customer's prepayment at month 0: customer_prepayment_pct × the whole life's earned revenue, USD. */
function prepaymentOf(t: ValidGpuCloudPlan, service: { earned: Decimal }[]): Decimal {
  if (t.prepaymentShare.isZero()) return ZERO;
  return service.reduce((sum, s) => sum.add(s.earned), ZERO).mul(t.prepaymentShare);
}

/** MW of critical IT the GPUs draw: gpus × kw_per_gpu / 1000. */
export function gpuCloudCriticalItMw(plan: GpuCloudPlan): Decimal {
  return positive("gpus", plan.gpus).mul(positive("kw_per_gpu", plan.kw_per_gpu)).div(KW_PER_MW);
}

/** The monthly cash flows, month 0 (capex, prepayment) to the last month of the GPUs' life. */
export function gpuCloudCashFlows(plan: GpuCloudPlan): GpuCloudMonth[] {
  const t = validateGpuCloud(plan);
  const { gpuCapex, shellCapex, gpuCapexMonth, endValue } = capitalOf(t);
  const service = serviceMonths(t);
  const prepayment = prepaymentOf(t, service);
  const kept = ONE.sub(t.prepaymentShare); // the share of each month's revenue still paid that month
  const powerCost = t.gpus.mul(t.kwPerGpu).mul(t.pue).mul(HOURS_PER_MONTH).mul(t.powerPrice);
  const rows: GpuCloudMonth[] = [];
  for (let m = 0; m <= t.buildMonths; m++) {
    const capex = (m === 0 ? shellCapex : ZERO).add(m === gpuCapexMonth ? gpuCapex : ZERO);
    const revenue = m === 0 ? prepayment : ZERO;
    rows.push({
      month: m,
      inService: false,
      gpuHourPrice: ZERO,
      revenue,
      powerCost: ZERO,
      opex: ZERO,
      capex,
      salvage: ZERO,
      net: revenue.sub(capex),
    });
  }
  // A service year's months have the same earned revenue (one decimal): their revenue, opex and
  // net are computed once (the same operations on the same operands) and shared.
  let last: { earned: Decimal; revenue: Decimal; opex: Decimal; net: Decimal } | undefined;
  for (let k = 1; k <= t.lifeMonths; k++) {
    const { price, earned } = service[k - 1];
    const salvageNow = k === t.lifeMonths ? endValue : ZERO;
    if (last?.earned !== earned || salvageNow !== ZERO) {
      const revenue = t.prepaymentShare.isZero() ? earned : earned.mul(kept);
      const opex = earned.mul(t.opexShare);
      last = { earned, revenue, opex, net: revenue.sub(powerCost).sub(opex).add(salvageNow) };
    }
    const { revenue, opex, net } = last;
    rows.push({
      month: t.buildMonths + k,
      inService: true,
      gpuHourPrice: price,
      revenue,
      powerCost,
      opex,
      capex: ZERO,
      salvage: salvageNow,
      net,
    });
  }
  return rows;
}

/** A GPU-cloud month with its discounting. */
export type DiscountedGpuCloudMonth = Discounted<GpuCloudMonth>;

/** The schedule with discount factors and present values; the present values sum to `gpuCloudNpv`. */
export function gpuCloudSchedule(plan: GpuCloudPlan, discountRate: Num): DiscountedGpuCloudMonth[] {
  return discountMonthly(gpuCloudCashFlows(plan), discountRate);
}

/**
 * NPV of the GPU-cloud project at an annual effective discount rate: the sum of
 * `gpuCloudSchedule`'s present values, by service year instead of by month.
 *
 * The monthly flow is constant within a service year (the price moves only at anniversaries;
 * power and the opex share are constant), so with v = (1 + r)^(−1/12) (the schedule's own monthly
 * factor) and A(n) = v + v² + … + vⁿ:
 *
 *   NPV = −shell capex − GPU capex × v^G + prepayment + Σ_y flow_y × v^(B + 12(y − 1)) × A(n_y)
 *         + (salvage + hall residual) × v^(B + L)
 *   flow_y = GPU-hours sold × price_y × (1 − opex share − prepayment share) − power
 *   prepayment = prepayment share × Σ_y GPU-hours sold × price_y × n_y
 *
 * B = build_months, G = the month the GPUs are paid (0, or B on delivery), L = months of life,
 * n_y = months of service in year y (12, or fewer in the last year of a fractional life). A(n) is
 * summed term by term once (12 terms): no 1 − v in a denominator, so a rate near 0 loses nothing.
 * Agrees with the month-by-month sum to 1e-25 relative (test/calc/gpu-cloud.test.ts, 300 random
 * plans).
 * @returns USD at month 0
 */
export function gpuCloudNpv(plan: GpuCloudPlan, discountRate: Num): Decimal {
  const t = validateGpuCloud(plan);
  const v = monthlyDiscountFactor(discountRate);
  const { gpuCapex, shellCapex, gpuCapexMonth, endValue } = capitalOf(t);
  const rentedHours = t.gpus.mul(t.utilization).mul(HOURS_PER_MONTH);
  const powerCost = t.gpus.mul(t.kwPerGpu).mul(t.pue).mul(HOURS_PER_MONTH).mul(t.powerPrice);
  const netShare = ONE.sub(t.opexShare).sub(t.prepaymentShare); // of earned revenue, paid in its month net of opex
  const keep = ONE.sub(t.decline);
  // vPow[n] = vⁿ and annuity[n] = A(n), n = 0..12.
  const vPow = [ONE];
  const annuity = [ZERO];
  for (let n = 1; n <= 12; n++) {
    vPow.push(vPow[n - 1].mul(v));
    annuity.push(annuity[n - 1].add(vPow[n]));
  }
  let yearFactor = v.pow(t.buildMonths); // v^(B + 12(y − 1)) for y = 1
  const netHours = rentedHours.mul(netShare); // × the year's price = the month's cash less opex, USD
  let price = t.price;
  let npv = shellCapex.neg().sub(gpuCapexMonth === 0 ? gpuCapex : gpuCapex.mul(v.pow(gpuCapexMonth)));
  let earnedHoursPrice = ZERO; // Σ price_y × n_y: the life's earned revenue per GPU-hour sold each month
  for (let start = 0; start < t.lifeMonths; start += 12) {
    if (start > 0) {
      price = price.mul(keep);
      yearFactor = yearFactor.mul(vPow[12]);
    }
    const n = Math.min(12, t.lifeMonths - start);
    const flow = netHours.mul(price).sub(powerCost);
    npv = npv.add(flow.mul(yearFactor).mul(annuity[n]));
    earnedHoursPrice = earnedHoursPrice.add(price.mul(n));
    if (start + n === t.lifeMonths) npv = npv.add(endValue.mul(yearFactor).mul(vPow[n]));
  }
  if (!t.prepaymentShare.isZero()) npv = npv.add(rentedHours.mul(earnedHoursPrice).mul(t.prepaymentShare));
  return npv;
}

/**
 * Annual effective IRR: the monthly IRR r_m of the schedule, as (1 + r_m)^12 − 1.
 * @throws NoAnswerError when there is no investment (capex 0) or no rate sets the NPV to zero
 */
export function gpuCloudIrr(plan: GpuCloudPlan): Decimal {
  const rows = gpuCloudCashFlows(plan);
  if (rows.every((r) => r.capex.isZero())) {
    throw new NoAnswerError("there is no investment (GPU and shell capex are 0), so the project has no rate of return");
  }
  const nets = rows.map((r) => r.net);
  const monthly = irrOfDoubles(doublesOf(nets), () => nets, 0.01);
  return ONE.add(monthly).pow(12).sub(1);
}
