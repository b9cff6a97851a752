/*
 * The parameters appended for the CFO's view, through the Excel adapters: the tenant's credit on
 * LEASENPV, LEASEIRR and LEASECASHFLOWS against the closed form of the expected rent; the GPU-cloud
 * deal terms (GPUs paid on delivery, the customer's prepayment, the hall's residual) against float
 * arithmetic and the audit's +$621M, 7.85% and 13.7%; MNAV and NAVPERSHARE counting convertibles
 * once, giving the audit's 2.05, 1.75 and 1.80; energy_tax_start_month and the conversion functions'
 * tenant credit in their places. Left blank, every one gives the result before it.
 */
import * as leaseModule from "../../src/functions/lease";
import * as gpuModule from "../../src/functions/gpu-cloud";
import * as treasuryModule from "../../src/functions/treasury";
import * as miningModule from "../../src/functions/mining";
import * as riskModule from "../../src/functions/risk";
import { CONVERSION_EXAMPLE, MINING_EXAMPLE } from "../../src/functions/catalog";
import { excelError } from "../support/errors";
import { GPU_ARGS } from "../support/calls";
import { SIGNATURES } from "../../src/functions/params";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value; the tests do too
type Adapter = (...args: unknown[]) => any;
const lease = leaseModule as unknown as Record<string, Adapter>;
const gpu = gpuModule as unknown as Record<string, Adapter>;
const treasury = treasuryModule as unknown as Record<string, Adapter>;
const mining = miningModule as unknown as Record<string, Adapter>;
const risk = riskModule as unknown as Record<string, Adapter>;
const col = (table: (string | number)[][], heading: string) =>
  table.slice(1).map((r) => r[table[0].indexOf(heading)] as number);

describe("tenant credit on the lease functions", () => {
  // 20 MW at $150/kW-month for 3 years, 3% escalator, $9M per MW, 15% opex, 6 months to build, at 10%
  const terms = [20, 150, 3, 0.1, 0.03, 9e6, 0.15, 6];
  const timing = (rentTiming: number) => [0, rentTiming, 0, null];

  test.each([0, 1])(
    "rent_timing %i: each month's revenue is the contracted rent × (S(m) + (1 − S(m)) × recovery), S(m) = (1 − p)^(m/12) from month 0",
    (rentTiming) => {
      const p = 0.05;
      const recovery = 0.3;
      const table = lease.leaseCashFlowsFn(...terms, ...timing(rentTiming), p, recovery);
      const contracted = col(lease.leaseCashFlowsFn(...terms, ...timing(rentTiming)), "Revenue (USD)");
      const revenue = col(table, "Revenue (USD)");
      const months = col(table, "Month");
      expect(table[0]).toHaveLength(8); // the columns stay
      let paid = 0;
      revenue.forEach((r, k) => {
        const m = months[k];
        const survival = (1 - p) ** (m / 12);
        expect(r).toBeNear(contracted[k] * (survival + (1 - survival) * recovery), {
          rel: 1e-13,
          abs: 1e-9,
          label: `month ${m}`,
        });
        if (contracted[k] > 0) paid++;
      });
      expect(paid).toBe(36);
      // opex follows the expected rent; the NPV is the present values' sum
      col(table, "Opex (USD)").forEach((o, k) => expect(o).toBeNear(0.15 * revenue[k], { rel: 1e-13, abs: 1e-9 }));
      const npv = lease.leaseNpvFn(...terms, ...timing(rentTiming), p, recovery);
      const pv = col(table, "Net cash flow (USD)").reduce((s, x, k) => s + x / 1.1 ** (months[k] / 12), 0);
      expect(npv).toBeNear(pv, { rel: 1e-12 });
    },
  );

  test("blank, 0 or full recovery give the contracted lease exactly; a higher default rate costs more", () => {
    const base = lease.leaseNpvFn(...terms);
    expect(lease.leaseNpvFn(...terms, ...timing(0), null, null)).toBe(base);
    expect(lease.leaseNpvFn(...terms, ...timing(0), 0, 0.5)).toBe(base);
    expect(lease.leaseNpvFn(...terms, ...timing(0), 0.3, 1)).toBe(base);
    expect(lease.leaseNpvFn(...terms, ...timing(0), 0.04)).toBeLessThan(lease.leaseNpvFn(...terms, ...timing(0), 0.02));
    const irr = lease.leaseIrrFn(20, 150, 3, 0.03, 9e6, 0.15, 6, ...timing(0), 0.02);
    expect(irr).toBeLessThan(lease.leaseIrrFn(20, 150, 3, 0.03, 9e6, 0.15, 6));
  });

  test("the README's 100 MW lease leg at 12%: a 2% default rate costs $65.4M of NPV, $32.7M with half recovered", () => {
    const leg = [100 / 1.4, 150, 10, 0.12, 0.03, 9e6, 0.15, 12, ...timing(0)];
    const base = lease.leaseNpvFn(...leg);
    expect(((base - lease.leaseNpvFn(...leg, 0.02)) / 1e6).toFixed(1)).toBe("65.4");
    expect(((base - lease.leaseNpvFn(...leg, 0.02, 0.5)) / 1e6).toFixed(1)).toBe("32.7");
  });

  test("a default rate or recovery outside 0 to 1 is #VALUE! naming it", () => {
    expect(excelError(() => lease.leaseNpvFn(...terms, ...timing(0), 1.2)).message).toBe(
      "LEASENPV: tenant_default_annual must be a fraction from 0 to 1 (0.02 = 2%); got 1.2",
    );
    expect(excelError(() => lease.leaseIrrFn(20, 150, 3, 0.03, 9e6, 0.15, 6, ...timing(0), 0.02, -0.5)).message).toBe(
      "LEASEIRR: default_recovery_pct must be a fraction from 0 to 1 (0.02 = 2%); got -0.5",
    );
  });
});

describe("GPU-cloud deal terms", () => {
  // IREN–Microsoft scale (the catalog's example): 10% opex, no price decline, 5 years, 10% salvage, then build and shell
  const options = (build: number) => [0.1, 0, 5, 0.1, build, 9e6];
  const gpuCapex = 110_000 * 52_700;

  test("GPUs paid on delivery after a 12-month build: +$621M at 12%, their cost × (1 − 1.12^−1)", () => {
    const atStart = gpu.gpuCloudNpvFn(...GPU_ARGS, 0.12, ...options(12), 0);
    const onDelivery = gpu.gpuCloudNpvFn(...GPU_ARGS, 0.12, ...options(12), 1);
    expect(onDelivery - atStart).toBeNear(gpuCapex * (1 - 1 / 1.12), { rel: 1e-12 });
    expect(((onDelivery - atStart) / 1e6).toFixed(0)).toBe("621");
    const capex = col(gpu.gpuCloudCashFlowsFn(...GPU_ARGS, 0.12, ...options(12), 1), "Capex (USD)");
    expect([capex[0], capex[12]]).toEqual([9e6 * 198, gpuCapex]);
  });

  test("the prepayment: that share of the whole contract's revenue at month 0, each month's revenue less by it, opex on the revenue earned", () => {
    const table = gpu.gpuCloudCashFlowsFn(...GPU_ARGS, 0.12, 0.1, 0.15, 2, 0.1, 0, 0, 0, 0.2);
    const earned = (k: number) => 110_000 * 2.01 * 0.85 ** Math.floor((k - 1) / 12) * 730; // service month k
    const total = Array.from({ length: 24 }, (_, k) => earned(k + 1)).reduce((s, x) => s + x, 0);
    const revenue = col(table, "Revenue (USD)");
    const opex = col(table, "Opex (USD)");
    expect(revenue[0]).toBeNear(0.2 * total, { rel: 1e-13 });
    for (let k = 1; k <= 24; k++) {
      expect(revenue[k]).toBeNear(0.8 * earned(k), { rel: 1e-13, label: `month ${k}` });
      expect(opex[k]).toBeNear(0.1 * earned(k), { rel: 1e-13, label: `month ${k}` });
    }
  });

  test("the hall's residual comes with the GPUs' salvage in the last month", () => {
    const salvage = col(gpu.gpuCloudCashFlowsFn(...GPU_ARGS, 0.12, ...options(0), 0, 0, 0.75), "Salvage (USD)");
    expect(salvage[60]).toBeNear(0.1 * gpuCapex + 0.75 * 9e6 * 198, { rel: 1e-13 });
  });

  test("the audit's IRRs: 5.99% as scheduled, 7.85% with 20% prepaid, 13.7% adding a 75% residual (10.8% the residual alone)", () => {
    const irr = (...deal: number[]) => gpu.gpuCloudIrrFn(...GPU_ARGS, ...options(0), ...deal).toFixed(4);
    expect([irr(), irr(0, 0.2), irr(0, 0.2, 0.75), irr(0, 0, 0.75)]).toEqual(["0.0599", "0.0785", "0.1373", "0.1080"]);
  });

  test("blank terms give the schedule before them; a timing other than 0 or 1 is #VALUE! naming it", () => {
    expect(gpu.gpuCloudNpvFn(...GPU_ARGS, 0.12, ...options(12), null, null, null)).toBe(
      gpu.gpuCloudNpvFn(...GPU_ARGS, 0.12, ...options(12)),
    );
    expect(excelError(() => gpu.gpuCloudIrrFn(...GPU_ARGS, ...options(12), 2)).message).toBe(
      "GPUCLOUDIRR: gpu_capex_timing must be 0 or 1 (0 = at month 0, 1 = on delivery at the end of the build); got 2",
    );
    expect(excelError(() => gpu.gpuCloudIrrFn(...GPU_ARGS, ...options(12), 0, 1.5)).message).toMatch(
      /^GPUCLOUDIRR: customer_prepayment_pct must be a fraction from 0 to 1/,
    );
  });
});

describe("MNAV and NAVPERSHARE count convertibles once", () => {
  // 100,000 BTC at $100,000 ($10B); 150M basic shares at $100; $2.5B of notes converting into 30M shares (180M diluted)
  const company = [100, 180e6, 100_000, 100_000, 2.5e9, 0, 0];

  test("the audit's 2.05 (counted twice, the old default), 1.75 on basic shares (Strategy's EV), 1.80 as converted", () => {
    expect(treasury.mnavFn(...company)).toBe((18e9 + 2.5e9) / 1e10);
    expect(treasury.mnavFn(...company, "EV", 150e6)).toBe((15e9 + 2.5e9) / 1e10);
    expect(treasury.mnavFn(...company, "EV", null, 2.5e9)).toBe(18e9 / 1e10);
    // with basic shares the notes are debt, whatever convertible_debt says; MCAP is on shares (diluted) alone
    expect(treasury.mnavFn(...company, "EV", 150e6, 2.5e9)).toBe(1.75);
    expect(treasury.mnavFn(...company, "MCAP", 150e6, 2.5e9)).toBe(1.8);
    expect(treasury.mnavFn(...company, "EV", null, 0)).toBe(treasury.mnavFn(...company));
  });

  test("NAV per share: $50 per basic share, $55.56 per diluted share as converted, $41.67 counted twice", () => {
    const nav = [100_000, 100_000, 180e6, 2.5e9, 0, 0];
    expect(treasury.navPerShareFn(...nav, 150e6)).toBe(7.5e9 / 150e6);
    expect(treasury.navPerShareFn(...nav, null, 2.5e9)).toBeNear(1e10 / 180e6, { rel: 1e-15 });
    expect(treasury.navPerShareFn(...nav)).toBeNear(7.5e9 / 180e6, { rel: 1e-15 });
  });

  test("basic shares above the diluted count, or convertibles above the debt, are #VALUE! naming them", () => {
    expect(excelError(() => treasury.mnavFn(...company, "EV", 200e6)).message).toBe(
      "MNAV: basic_shares and shares must be such that basic_shares ≤ shares (the assumed diluted count includes the basic shares); got 200000000 basic and 180000000 diluted",
    );
    expect(excelError(() => treasury.navPerShareFn(100_000, 100_000, 180e6, 1e9, 0, 0, null, 2.5e9)).message).toBe(
      "NAVPERSHARE: convertible_debt must be at most debt (1000000000): the convertible notes' principal is part of the debt; got 2500000000",
    );
    expect(excelError(() => treasury.mnavFn(...company, "EV", 0)).message).toBe(
      "MNAV: basic_shares must be a number greater than 0; got 0",
    );
  });
});

describe("the conversion and mining functions' appended inputs, through their adapters", () => {
  /** Blanks up to a position, then the values: an argument list as a sheet types it. */
  const at = (args: unknown[], from: number, ...values: unknown[]) => [...args, ...Array(from - args.length).fill(null), ...values];
  const NY = 43405000 / 876000000;

  test("energy_tax_start_month is the 27th of MININGNPV and the 38th of CONVERSIONVALUE; the tenant's credit the 39th and 40th; blank gives the result before them", () => {
    const withTax = [...MINING_EXAMPLE, true, 0, NY];
    expect(mining.miningNpvFn(...at(withTax, 26, 1))).toBe(mining.miningNpvFn(...withTax));
    expect(mining.miningNpvFn(...at(withTax, 26, 14))).toBeNear(-41_978_059.82, { abs: 0.005 });
    expect(mining.conversionValueFn(...at(CONVERSION_EXAMPLE, 37, null, null, null))).toBe(mining.conversionValueFn(...CONVERSION_EXAMPLE));
    expect(mining.conversionValueFn(...at(CONVERSION_EXAMPLE, 37, 1, 0.02))).toBeNear(7_650_453.98, { abs: 0.005 });
    // the credit moves the lease leg only: the breakeven falls with it, MWECONOMICS' mining column stays
    expect(mining.conversionBreakevenFn(...at(CONVERSION_EXAMPLE, 37, 1, 0.02))).toBeLessThan(mining.conversionBreakevenFn(...CONVERSION_EXAMPLE));
    const e = mining.mwEconomicsFn(...at(CONVERSION_EXAMPLE, 42, 1, 0.02, 0.5)) as (string | number)[][];
    const plain = mining.mwEconomicsFn(...CONVERSION_EXAMPLE) as (string | number)[][];
    expect(e.map((r) => r[1])).toEqual(plain.map((r) => r[1]));
    expect(e[1][2] as number).toBeLessThan(plain[1][2] as number);
    const t = mining.conversionTimingFn(...at(CONVERSION_EXAMPLE, 37, 1, 0.02)) as number[][];
    expect(t[1][1]).toBe(mining.conversionValueFn(...at(CONVERSION_EXAMPLE, 37, 1, 0.02)));
  });

  test("a start month of 0 or 2.5, or a default rate above 1, is #VALUE! naming the argument, in the deterministic and the simulated functions", () => {
    const place = (id: keyof typeof SIGNATURES, name: string) => SIGNATURES[id].findIndex((p) => p.name === name);
    const dist = at(CONVERSION_EXAMPLE, place("CONVERSIONDIST", "price_vol_annual"), 0.5, 0.2, 0, 100, 1);
    const start = (id: keyof typeof SIGNATURES) => place(id, "energy_tax_start_month");
    expect([start("MININGNPV"), start("CONVERSIONVALUE"), start("CONVERSIONDIST")]).toEqual([26, 37, 43]);
    expect(excelError(() => mining.miningNpvFn(...at(MINING_EXAMPLE, 26, 0))).message).toMatch(/^MININGNPV: energy_tax_start_month must be a whole number of 1 or more/);
    expect(excelError(() => mining.conversionTimingFn(...at(CONVERSION_EXAMPLE, 37, 2.5))).message).toMatch(/^CONVERSIONTIMING: energy_tax_start_month must be a whole number/);
    expect(excelError(() => mining.conversionValueFn(...at(CONVERSION_EXAMPLE, 37, 1, 1.5))).message).toMatch(/^CONVERSIONVALUE: tenant_default_annual must be a fraction from 0 to 1/);
    expect(excelError(() => risk.conversionOptionFn(...at(dist, start("CONVERSIONOPTION"), 0))).message).toMatch(/^CONVERSIONOPTION: energy_tax_start_month must be/);
    expect(excelError(() => risk.conversionDistFn(...at(dist, start("CONVERSIONDIST"), 1, 0, 2))).message).toMatch(/^CONVERSIONDIST: default_recovery_pct must be a fraction from 0 to 1/);
  });
});
