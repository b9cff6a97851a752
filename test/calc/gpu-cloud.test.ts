import {
  Decimal,
  gpuCloudCashFlows,
  gpuCloudCriticalItMw,
  gpuCloudIrr,
  gpuCloudNpv,
  GpuCloudPlan,
  gpuCloudSchedule,
  InvalidArgumentError,
  NoAnswerError,
} from "../../src/calc";
import { floatGpu } from "../support/float-models";
import { between, prng, relErr } from "../support/rational";

/**
 * IREN–Microsoft at scale (IREN's release, via dcpulse.com and marketchameleon.com): ~$1.94B a year for 200 MW of critical IT, ~$5.8B of Dell GB300 systems.
 * GB300 class: ~1.8 kW per GPU all-in before PUE (1.7–1.9 kW in launch coverage), so 200 MW holds
 * 111,111 GPUs; $5.8B over them is $52,200 per GPU; a take-or-pay contract bills every hour
 * (utilization 1) at ~$2.00 per GPU-hour, within the contracted range (20–50% below on-demand).
 */
const IREN: GpuCloudPlan = {
  gpus: 200_000 / 1.8,
  usd_per_gpu_hour: 2.0,
  utilization: 1,
  gpu_capex_usd: 52_200,
  kw_per_gpu: 1.8,
  pue: 1.2,
  power_price_kwh: 0.04,
  opex_pct_of_revenue: 0.1,
  life_years: 5,
};

const toFloat = (p: GpuCloudPlan) => ({
  gpus: Number(p.gpus),
  price: Number(p.usd_per_gpu_hour),
  utilization: Number(p.utilization),
  gpuCapex: Number(p.gpu_capex_usd),
  kwPerGpu: Number(p.kw_per_gpu),
  pue: Number(p.pue),
  power: Number(p.power_price_kwh),
  opexPct: p.opex_pct_of_revenue === undefined ? undefined : Number(p.opex_pct_of_revenue),
  decline: p.price_decline_annual === undefined ? undefined : Number(p.price_decline_annual),
  lifeYears: p.life_years === undefined ? undefined : Number(p.life_years),
  salvagePct: p.salvage_pct === undefined ? undefined : Number(p.salvage_pct),
  build: p.build_months === undefined ? undefined : Number(p.build_months),
  shellPerMw: p.shell_capex_usd_per_mw === undefined ? undefined : Number(p.shell_capex_usd_per_mw),
});

describe("GPU cloud at IREN–Microsoft scale (sanity vectors from gpu-cloud.md)", () => {
  test("~$9.7M of revenue per critical IT MW-year and ~$29M of GPUs per MW", () => {
    const mw = gpuCloudCriticalItMw(IREN).toNumber();
    expect(mw).toBeCloseTo(200, 9);
    const firstYear = gpuCloudCashFlows(IREN).slice(1, 13).reduce((s, r) => s + r.revenue.toNumber(), 0);
    expect(relErr(firstYear / mw, 9.7e6)).toBeLessThan(0.01); // $1.94B / 200 MW
    expect(relErr(firstYear, 1.94e9)).toBeLessThan(0.01);
    expect(relErr(gpuCloudCashFlows(IREN)[0].capex.toNumber() / mw, 29e6)).toBeLessThan(0.001); // $5.8B / 200 MW
  });

  test("power at 4¢ and PUE 1.2 with 10% other opex gives IREN's ~85% project EBITDA margin", () => {
    const year = gpuCloudCashFlows(IREN).slice(1, 13);
    const revenue = year.reduce((s, r) => s + r.revenue.toNumber(), 0);
    const ebitda = year.reduce((s, r) => s + r.revenue.sub(r.powerCost).sub(r.opex).toNumber(), 0);
    expect(ebitda / revenue).toBeGreaterThan(0.84);
    expect(ebitda / revenue).toBeLessThan(0.87);
  });
});

describe("GPU cloud schedule", () => {
  test("month 0 capex, build months empty, then the GPUs' life; salvage with the last month of life", () => {
    const plan = { ...IREN, build_months: 6, salvage_pct: 0.1, shell_capex_usd_per_mw: 10e6, price_decline_annual: 0.2 };
    const rows = gpuCloudCashFlows(plan);
    expect(rows).toHaveLength(1 + 6 + 60);
    expect(relErr(rows[0].capex.toNumber(), (200_000 / 1.8) * 52_200 + 10e6 * 200)).toBeLessThan(1e-14);
    for (const r of rows.slice(0, 7)) expect([r.inService, r.revenue.toNumber(), r.powerCost.toNumber()]).toEqual([false, 0, 0]);
    expect(rows[7].inService).toBe(true); // the life counts from the end of the build
    // power is paid whether or not a GPU is rented: gpus × kW × PUE × 730 h × price
    expect(relErr(rows[7].powerCost.toNumber(), (200_000 / 1.8) * 1.8 * 1.2 * 730 * 0.04)).toBeLessThan(1e-14);
    // the price falls 20% at each anniversary of the start of service
    expect(rows[18].gpuHourPrice.toNumber()).toBe(2);
    expect(rows[19].gpuHourPrice.toNumber()).toBeCloseTo(1.6, 14);
    expect(rows[66].gpuHourPrice.toNumber()).toBeCloseTo(2 * 0.8 ** 4, 14);
    expect(relErr(rows[66].salvage.toNumber(), 0.1 * (200_000 / 1.8) * 52_200)).toBeLessThan(1e-14); // of the GPUs, not the shell
    expect(rows.filter((r) => !r.salvage.isZero())).toHaveLength(1);
  });

  test("revenue = gpus × price × utilization × 730 h, whatever the utilization", () => {
    const rows = gpuCloudCashFlows({ ...IREN, utilization: 0.7 });
    expect(relErr(rows[1].revenue.toNumber(), (200_000 / 1.8) * 2 * 0.7 * 730)).toBeLessThan(1e-14);
    expect(rows[1].powerCost.eq(gpuCloudCashFlows(IREN)[1].powerCost)).toBe(true);
  });

  test("agrees with an independent float model on 200 varied projects; present values sum to the NPV", () => {
    const rand = prng(977);
    for (let i = 0; i < 200; i++) {
      const plan: GpuCloudPlan = {
        gpus: Math.round(between(rand, 8, 200_000)),
        usd_per_gpu_hour: between(rand, 1, 6),
        utilization: between(rand, 0.5, 1, false),
        gpu_capex_usd: between(rand, 20_000, 60_000),
        kw_per_gpu: between(rand, 1, 2),
        pue: between(rand, 1.05, 1.5, false),
        power_price_kwh: between(rand, 0.02, 0.12),
        opex_pct_of_revenue: between(rand, 0, 0.2, false),
        price_decline_annual: between(rand, -0.1, 0.4, false),
        life_years: [3, 4, 4.5, 5, 6][i % 5],
        salvage_pct: between(rand, 0, 0.3, false),
        build_months: Math.floor(rand() * 18),
        shell_capex_usd_per_mw: between(rand, 0, 12e6, false),
      };
      const r = between(rand, 0.05, 0.3);
      const f = floatGpu(toFloat(plan), r);
      const scale = Number(plan.gpus) * Number(plan.gpu_capex_usd);
      expect(Math.abs(gpuCloudNpv(plan, r).toNumber() - f.npv) / scale).toBeLessThan(1e-10);
      const rows = gpuCloudSchedule(plan, r);
      rows.forEach((row, m) => expect(Math.abs(row.net.toNumber() - f.flows[m]) / scale).toBeLessThan(1e-12));
      // the NPV is summed by service year (gpuCloudNpv), the schedule month by month: same number to 1e-25
      const sum = rows.reduce((s, x) => s.add(x.presentValue), new Decimal(0));
      expect(sum.sub(gpuCloudNpv(plan, r)).abs().div(sum.abs()).toNumber()).toBeLessThan(1e-25);
    }
  });

  test("the NPV by service year equals the month-by-month sum of present values to 1e-25, on 300 plans incl. r = 0", () => {
    const rand = prng(4242);
    let worst = 0;
    for (let i = 0; i < 300; i++) {
      const plan: GpuCloudPlan = {
        gpus: Math.round(between(rand, 1, 300_000)),
        usd_per_gpu_hour: between(rand, 0.2, 8),
        utilization: between(rand, 0, 1, false),
        gpu_capex_usd: between(rand, 0, 60_000, false),
        kw_per_gpu: between(rand, 0.5, 2.5),
        pue: between(rand, 1, 1.6, false),
        power_price_kwh: between(rand, 0, 0.15, false),
        opex_pct_of_revenue: between(rand, 0, 0.5, false),
        price_decline_annual: between(rand, -0.5, 0.9, false), // a rise as well as a fall
        life_years: [1 / 12, 0.5, 1, 2 + 7 / 12, 4 + 1 / 3, 5, 7.25, 10][i % 8], // fractional lives end mid-year
        salvage_pct: i % 3 === 0 ? 0 : between(rand, 0, 1, false),
        build_months: [0, 1, 11, 12, 13, 36][i % 6],
        shell_capex_usd_per_mw: between(rand, 0, 12e6, false),
      };
      // r = 0, rates near 0 of either sign, ordinary, high and negative annual rates
      const r = [0, 1e-18, -1e-12, between(rand, 0.01, 0.4), 3, -0.5, between(rand, -0.9, 10, false)][i % 7];
      const byMonth = gpuCloudSchedule(plan, r).reduce((s, x) => s.add(x.presentValue), new Decimal(0));
      const byYear = gpuCloudNpv(plan, r);
      // relative to the larger of the result and month 0's capex (an NPV can cancel to near 0)
      const scale = Decimal.max(byMonth.abs(), gpuCloudSchedule(plan, r)[0].capex, 1);
      worst = Math.max(worst, byMonth.sub(byYear).abs().div(scale).toNumber());
    }
    expect(worst).toBeLessThan(1e-25);
  });

  test("the IRR zeroes the NPV and is annual effective; no capex, no IRR", () => {
    const plan = { ...IREN, salvage_pct: 0.15, build_months: 3 };
    const r = gpuCloudIrr(plan);
    expect(Math.abs(gpuCloudNpv(plan, r).toNumber()) / 5.8e9).toBeLessThan(1e-10);
    const monthly = (1 + r.toNumber()) ** (1 / 12) - 1;
    const f = floatGpu(toFloat(plan), 0).flows;
    expect(Math.abs(f.reduce((s, x, m) => s + x / (1 + monthly) ** m, 0)) / 5.8e9).toBeLessThan(1e-9);
    expect(() => gpuCloudIrr({ ...IREN, gpu_capex_usd: 0 })).toThrow(NoAnswerError);
  });

  test("a life typed as =4+1/3 years is 52 months", () => {
    expect(gpuCloudCashFlows({ ...IREN, life_years: 4 + 1 / 3 })).toHaveLength(53);
  });

  test.each([
    [{ gpus: 0 }, /^gpus must be a number greater than 0/],
    [{ utilization: 1.1 }, /^utilization must be a fraction from 0 to 1/],
    [{ kw_per_gpu: 0 }, /^kw_per_gpu must be a number greater than 0/],
    [{ pue: 0.9 }, /^pue must be 1 or more/],
    [{ price_decline_annual: 1.5 }, /^price_decline_annual must be a fraction above -1 and at most 1/],
    [{ price_decline_annual: -1 }, /^price_decline_annual must be/],
    [{ life_years: 5.05 }, /^life_years must be a whole number of months in years/],
    [{ life_years: 0 }, /^life_years must be a number greater than 0/],
    [{ build_months: 1.5 }, /^build_months must be a whole number/],
    [{ life_years: 99, build_months: 24 }, /^life_years must be a build and life of at most 1200 months together; got 24 build months \+ 1188 months of life/],
    [{ salvage_pct: -0.1 }, /^salvage_pct must be a fraction from 0 to 1/],
    [{ shell_capex_usd_per_mw: -1 }, /^shell_capex_usd_per_mw must be a number of 0 or more/],
    [{ opex_pct_of_revenue: 2 }, /^opex_pct_of_revenue must be a fraction from 0 to 1/],
  ])("refuses %p, naming the argument", (change, message) => {
    expect(() => gpuCloudNpv({ ...IREN, ...change }, 0.1)).toThrow(InvalidArgumentError);
    expect(() => gpuCloudNpv({ ...IREN, ...change }, 0.1)).toThrow(message);
  });
});

describe("GPU payment on delivery, customer prepayment, the hall's residual value", () => {
  /** The float model's flows with the three options applied, from their definitions. */
  function floatWithOptions(plan: GpuCloudPlan, r: number) {
    const base = floatGpu(toFloat(plan), r);
    const flows = [...base.flows];
    const build = Number(plan.build_months ?? 0);
    const gpus = Number(plan.gpus) * Number(plan.gpu_capex_usd);
    const shell = Number(plan.shell_capex_usd_per_mw ?? 0) * ((Number(plan.gpus) * Number(plan.kw_per_gpu)) / 1000);
    if (plan.gpu_capex_timing === 1) {
      flows[0] += gpus;
      flows[build] -= gpus;
    }
    const prepaid = Number(plan.customer_prepayment_pct ?? 0);
    flows[0] += prepaid * base.revenue.reduce((s, x) => s + x, 0); // a share of the whole contract, at month 0
    base.revenue.forEach((rev, m) => (flows[m] -= prepaid * rev)); // each month's revenue falls by that share
    flows[flows.length - 1] += Number(plan.shell_residual_pct ?? 0) * shell;
    return { flows, npv: flows.reduce((s, x, m) => s + x / (1 + r) ** (m / 12), 0) };
  }

  test("agree with the float model on 100 varied projects, by month and by service year", () => {
    const rand = prng(2023);
    for (let i = 0; i < 100; i++) {
      const plan: GpuCloudPlan = {
        gpus: Math.round(between(rand, 8, 200_000)),
        usd_per_gpu_hour: between(rand, 1, 6),
        utilization: between(rand, 0.5, 1, false),
        gpu_capex_usd: between(rand, 20_000, 60_000),
        kw_per_gpu: between(rand, 1, 2),
        pue: between(rand, 1.05, 1.5, false),
        power_price_kwh: between(rand, 0.02, 0.12),
        opex_pct_of_revenue: between(rand, 0, 0.2, false),
        price_decline_annual: between(rand, -0.1, 0.4, false),
        life_years: [3, 4.5, 5, 6][i % 4],
        salvage_pct: between(rand, 0, 0.3, false),
        build_months: [0, 6, 12, 18][i % 4],
        shell_capex_usd_per_mw: between(rand, 0, 12e6, false),
        gpu_capex_timing: i % 2,
        customer_prepayment_pct: between(rand, 0, 0.5, false),
        shell_residual_pct: between(rand, 0, 1, false),
      };
      const r = between(rand, 0.05, 0.3);
      const f = floatWithOptions(plan, r);
      const scale = Number(plan.gpus) * Number(plan.gpu_capex_usd);
      const rows = gpuCloudSchedule(plan, r);
      rows.forEach((row, m) => expect(Math.abs(row.net.toNumber() - f.flows[m]) / scale).toBeLessThan(1e-12));
      expect(Math.abs(gpuCloudNpv(plan, r).toNumber() - f.npv) / scale).toBeLessThan(1e-10);
      const sum = rows.reduce((s, x) => s.add(x.presentValue), new Decimal(0));
      expect(sum.sub(gpuCloudNpv(plan, r)).abs().div(scale).toNumber()).toBeLessThan(1e-25);
    }
  });

  test("the schedule: GPUs in the capex of the build's last month, the prepayment in month 0's revenue, opex on the revenue earned, the residual with the salvage", () => {
    const plan = { ...IREN, build_months: 6, shell_capex_usd_per_mw: 10e6, salvage_pct: 0.1, gpu_capex_timing: 1, customer_prepayment_pct: 0.2, shell_residual_pct: 0.5 };
    const rows = gpuCloudCashFlows(plan);
    const gpus = (200_000 / 1.8) * 52_200;
    expect(rows[0].capex.toNumber()).toBeNear(10e6 * 200, { rel: 1e-14, label: "month 0: the shell" });
    expect(rows[6].capex.toNumber()).toBeNear(gpus, { rel: 1e-14, label: "month 6: the GPUs, on delivery" });
    const earned = (200_000 / 1.8) * 2 * 730;
    expect(rows[0].revenue.toNumber()).toBeNear(0.2 * 60 * earned, { rel: 1e-14, label: "prepayment" });
    expect(rows[7].revenue.toNumber()).toBeNear(0.8 * earned, { rel: 1e-14, label: "a month's revenue, net of the prepayment" });
    expect(rows[7].opex.toNumber()).toBeNear(0.1 * earned, { rel: 1e-14, label: "opex on the revenue earned" });
    expect(rows[66].salvage.toNumber()).toBeNear(0.1 * gpus + 0.5 * 10e6 * 200, { rel: 1e-14, label: "GPU salvage + hall residual" });
    // the IRR needs an investment anywhere in the schedule, not only at month 0
    expect(() => gpuCloudIrr({ ...plan, shell_capex_usd_per_mw: 0 })).not.toThrow();
  });

  /* The IREN-like example: GPU_EXAMPLE in the function catalog (110,000 GPUs at $2.01 an hour, $52,700 each, 1.8 kW, PUE 1.18, 4.5¢), 10% opex, 5 years, 10% salvage, $9M per MW of shell. */
  const GPU_EXAMPLE: GpuCloudPlan = { gpus: 110_000, usd_per_gpu_hour: 2.01, utilization: 1, gpu_capex_usd: 52_700, kw_per_gpu: 1.8, pue: 1.18, power_price_kwh: 0.045, opex_pct_of_revenue: 0.1, life_years: 5, salvage_pct: 0.1, shell_capex_usd_per_mw: 9e6 };

  test("the issue's figures: paying the GPUs on delivery after a 12-month build adds $621M at 12%", () => {
    const built = { ...GPU_EXAMPLE, build_months: 12 };
    const gain = gpuCloudNpv({ ...built, gpu_capex_timing: 1 }, 0.12).sub(gpuCloudNpv(built, 0.12)).toNumber();
    expect(gain).toBeNear(110_000 * 52_700 * (1 - 1 / 1.12), { rel: 1e-12, label: "the GPUs' cost × (1 − 1.12^−1)" });
    expect(gain / 1e6).toBeCloseTo(621.1, 1);
  });

  test("the issue's figures: IRR 5.99%, 7.85% with 20% prepaid, 13.7% with a 75% residual on top", () => {
    expect(gpuCloudIrr(GPU_EXAMPLE).toNumber()).toBeCloseTo(0.0599, 4);
    const prepaid = { ...GPU_EXAMPLE, customer_prepayment_pct: 0.2 };
    expect(gpuCloudIrr(prepaid).toNumber()).toBeCloseTo(0.0785, 4);
    expect(gpuCloudIrr({ ...prepaid, shell_residual_pct: 0.75 }).toNumber()).toBeCloseTo(0.137, 3);
    expect(gpuCloudIrr({ ...GPU_EXAMPLE, shell_residual_pct: 0.75 }).toNumber()).toBeCloseTo(0.108, 3); // the residual alone
  });

  test.each([
    [{ gpu_capex_timing: 2 }, /^gpu_capex_timing must be 0 or 1/],
    [{ customer_prepayment_pct: 1.2 }, /^customer_prepayment_pct must be a fraction from 0 to 1/],
    [{ shell_residual_pct: -0.1 }, /^shell_residual_pct must be a fraction from 0 to 1/],
  ])("refuses %p, naming the argument", (change, message) => {
    expect(() => gpuCloudNpv({ ...IREN, ...change }, 0.1)).toThrow(message);
  });
});
