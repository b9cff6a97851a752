/*
 * The decision functions through the Excel adapters: what a formula sees. Each expected value is re-derived here
 * in floats from the formulas (test/support/float-models.ts, which never calls calc), taken
 * from a published figure (named where used, copied as numbers), or is an identity between
 * two formulas (a phased lease = the sum of one lease per phase).
 */
import { CALLS, CONVERSION_ARGS, CONVERSION_ARGS_V1, GPU_ARGS, GPU_OPTIONS, MINING_ARGS, MINING_ARGS_V1, TWO_HALLS } from "../support/calls";
import { excelError } from "../support/errors";
import { floatConversion as sharedFloatConversion, floatGpu, FloatLease, floatLease, floatMining, FloatMiningPlan } from "../support/float-models";
import { README_LEASE } from "../calc/readme-example";
import { relErr } from "../support/rational";

const run = (id: string, ...args: unknown[]) => CALLS[id].fn(...args) as never;
const num = (id: string, ...args: unknown[]) => run(id, ...args) as number;
const table = (id: string, ...args: unknown[]) => run(id, ...args) as (string | number)[][];
const message = (id: string, ...args: unknown[]) => excelError(() => run(id, ...args)).message;
const code = (id: string, ...args: unknown[]) => excelError(() => run(id, ...args)).code;

/** MINING_ARGS_V1 as the float model's plan (calc field names), over `months`. */
function miningPlan(overrides: Partial<FloatMiningPlan> = {}): FloatMiningPlan {
  const [site_mw, efficiency_j_th, pue, power_price_kwh, btc_price, difficulty, start_height, months, , fees, pool, uptime, dg, pg, opex, rc, every] = MINING_ARGS_V1;
  return {
    site_mw, efficiency_j_th, pue, power_price_kwh, btc_price, difficulty, start_height, months,
    fees_btc_per_block: fees, pool_fee: pool, uptime, difficulty_growth_monthly: dg, btc_price_growth_monthly: pg,
    opex_usd_per_mw_month: opex, refresh_capex_usd_per_th: rc, refresh_every_months: every, ...overrides,
  };
}
/** MINING_ARGS with the later mining inputs (switch-off, salvage, tax, fleet convention) replaced. */
const miningArgs = (switchOff: unknown, salvage: unknown, tax: unknown, includesFleet: unknown) => [...MINING_ARGS_V1, switchOff, salvage, tax, includesFleet];

describe("MININGNPV and MININGCASHFLOWS: switch-off, salvage, energy tax, the fleet's share", () => {
  test("with switch-off (the default) the NPV is the float model's; the schedule shows which months ran", () => {
    const twin = floatMining(miningPlan(), 0.12);
    expect(relErr(num("MININGNPV", ...MINING_ARGS), twin.npv)).toBeLessThan(1e-11);
    const rows = table("MININGCASHFLOWS", ...MINING_ARGS).slice(1);
    expect(rows.map((r) => r[5])).toEqual(twin.rows.map((r) => (r.running ? 1 : 0)));
    expect(rows.filter((r) => r[5] === 0).map((r) => r[0])).toEqual(Array.from({ length: 31 }, (_, i) => 30 + i)); // off from month 30, after the halving
    // A month switched off mines nothing and buys no power, but pays its opex.
    const off = rows[29];
    expect([off[6], off[7], off[8], off[9], off[10]]).toEqual([0, 0, 0, 0, 1_500_000]);
  });

  test("TRUE/FALSE and 1/0 are the same switch; forced running (FALSE) is the float model without switch-off, and worth less", () => {
    const forced = num("MININGNPV", ...miningArgs(false, 0, 0, true));
    expect(num("MININGNPV", ...miningArgs(0, 0, 0, 1))).toBe(forced);
    expect(num("MININGNPV", ...miningArgs(1, 0, 0, 1))).toBe(num("MININGNPV", ...MINING_ARGS));
    expect(relErr(forced, floatMining(miningPlan({ switch_off_below_cost: false }), 0.12).npv)).toBeLessThan(1e-11);
    expect(num("MININGNPV", ...MINING_ARGS)).toBeGreaterThan(forced);
    for (const bad of ["TRUE", 2, -1, 0.5]) {
      expect(message("MININGNPV", ...miningArgs(bad, 0, 0, true))).toMatch(/^MININGNPV: switch_off_below_cost must be TRUE or FALSE \(or 1 or 0\); got /);
    }
  });

  test("a price collapse: switch-off is worth more than forced running; with every month profitable they are equal", () => {
    const collapse = [...MINING_ARGS_V1];
    collapse[13] = -0.05; // the price falls 5% a month
    const on = num("MININGNPV", ...collapse, true);
    const off = num("MININGNPV", ...collapse, false);
    expect(on).toBeGreaterThan(off);
    expect(relErr(on - off, floatMining(miningPlan({ btc_price_growth_monthly: -0.05 }), 0.12).npv - floatMining(miningPlan({ btc_price_growth_monthly: -0.05, switch_off_below_cost: false }), 0.12).npv)).toBeLessThan(1e-9);
    const cheap = [...MINING_ARGS_V1];
    cheap[3] = 0.01; // 1¢ power: every month covers its power
    expect(num("MININGNPV", ...cheap, true)).toBe(num("MININGNPV", ...cheap, false));
  });

  test("salvage and energy tax: the last month receives salvage_pct × a new fleet's price; the tax is a variable cost", () => {
    const rows = table("MININGCASHFLOWS", ...miningArgs(true, 0.1, 0.02, true)).slice(1);
    const fleetThs = (100 * 1e6) / (17.5 * 1.1);
    expect(relErr(rows[59][12] as number, 0.1 * 15 * fleetThs)).toBeLessThan(1e-14);
    expect(rows.slice(0, 59).every((r) => r[12] === 0)).toBe(true);
    const kwh = 100 * 1000 * 730 * 0.95;
    expect(relErr(rows[0][9] as number, kwh * 0.02)).toBeLessThan(1e-14);
    const twin = floatMining(miningPlan({ salvage_pct: 0.1, energy_tax_usd_per_kwh: 0.02 }), 0.12);
    expect(rows.map((r) => r[5])).toEqual(twin.rows.map((r) => (r.running ? 1 : 0)));
    expect(relErr(num("MININGNPV", ...miningArgs(true, 0.1, 0.02, true)), twin.npv)).toBeLessThan(1e-11);
  });

  test("difficulty_includes_fleet FALSE: the fleet earns f / (N + f) of the network's BTC, as the float model", () => {
    const twin = floatMining(miningPlan({ difficulty_includes_fleet: false }), 0.12);
    expect(relErr(num("MININGNPV", ...miningArgs(true, 0, 0, false)), twin.npv)).toBeLessThan(1e-11);
    const rows = table("MININGCASHFLOWS", ...miningArgs(true, 0, 0, false)).slice(1);
    expect(relErr(rows[0][6] as number, twin.rows[0].btcMined)).toBeLessThan(1e-12);
  });

  test("a fleet larger than the network is #VALUE! naming the fleet's inputs by their public names, with both hashrates in EH/s", () => {
    const huge = [...MINING_ARGS];
    huge[0] = 1e5; // 100 GW: ~5.2 ZH/s against ~1.1 ZH/s
    expect(message("MININGNPV", ...huge)).toMatch(/^MININGNPV: site_mw, machine_efficiency_j_th and pue must be .*; got a fleet of 5195 EH\/s against a network of 1088 EH\/s in month 1$/);
    huge[20] = false; // difficulty_includes_fleet FALSE: the fleet adds its own hashrate, no refusal
    expect(Number.isFinite(num("MININGNPV", ...huge))).toBe(true);
  });

  test("difficulty below 1 is #VALUE!, in every function that takes it", () => {
    const low = [...MINING_ARGS];
    low[5] = 0.5;
    expect(message("MININGNPV", ...low)).toMatch(/^MININGNPV: difficulty must be a number of 1 or more/);
    const conv = [...CONVERSION_ARGS];
    conv[5] = 0.5;
    expect(message("CONVERSIONVALUE", ...conv)).toMatch(/^CONVERSIONVALUE: difficulty must be a number of 1 or more/);
    expect(message("HASHPRICE", 91_000, 0.999, 3.125)).toMatch(/^HASHPRICE: difficulty must be a number of 1 or more/);
    expect(Number.isFinite(num("HASHPRICE", 91_000, 1, 3.125))).toBe(true);
  });
});

describe("LEASENPV, LEASEIRR, LEASECASHFLOWS: exit value, timing, phases", () => {
  const BASE = [200, 150, 15, 0.1, 0.03, 9e6, 0.15, 12];
  const floatBase = { mw: 200, rate: 150, years: 15, esc: 0.03, capexPerMw: 9e6, opexPct: 0.15, build: 12 };

  test("rent in advance, capex over the build and an exit cap rate are the float model's, each and together", () => {
    const cases: [unknown[], object][] = [
      [[0, 1, 0], { rentTiming: 1 }],
      [[0, 0, 1], { capexTiming: 1 }],
      [[0.07, 0, 0], { exitCap: 0.07 }],
      [[0.07, 1, 1], { rentTiming: 1, capexTiming: 1, exitCap: 0.07 }],
    ];
    for (const [appended, options] of cases) {
      const want = floatLease({ ...floatBase, ...options }, 0.1).npv;
      expect(num("LEASENPV", ...BASE, ...appended)).toBeNear(want, { rel: 1e-11, label: `appended ${JSON.stringify(appended)}` });
    }
  });

  test("the issue's figures: the example lease is $5.3M → $11.5M billed in advance (the 100 MW conversion's lease)", () => {
    const lease = [100 / 1.4, 150, 10, 0.12, 0.03, 9e6, 0.15, 12];
    expect(num("LEASENPV", ...lease) / 1e6).toBeCloseTo(5.33, 2);
    expect(num("LEASENPV", ...lease, 0, 1) / 1e6).toBeCloseTo(11.48, 2);
    // Capex at the start of months 0..11 (the point 2 spec), not the issue's $43.3M, which drew it at month ends.
    expect(num("LEASENPV", ...lease, 0, 0, 1) / 1e6).toBeCloseTo(37.55, 2);
  });

  test("LEASECASHFLOWS shows the terminal value in the month of the last rent; its present values sum to LEASENPV", () => {
    const rows = table("LEASECASHFLOWS", ...BASE, 0.07, 1, 0).slice(1);
    const tv = rows.filter((r) => (r[4] as number) !== 0);
    expect(tv.map((r) => r[0])).toEqual([12 + 180 - 1]); // rent in advance: paid a month early
    // The final lease year's NOI (year 15's rent, escalated 14 times) ÷ 7%.
    expect(relErr(tv[0][4] as number, (200 * 1000 * 150 * 1.03 ** 14 * 12 * 0.85) / 0.07)).toBeLessThan(1e-12);
    const sum = rows.reduce((s, r) => s + (r[7] as number), 0);
    expect(relErr(sum, num("LEASENPV", ...BASE, 0.07, 1, 0))).toBeLessThan(1e-12);
  });

  test("phases: the phased lease is exactly the sum of one lease per phase, and the float model's", () => {
    const phased = num("LEASENPV", 200, 150, 15, 0.1, 0.03, 9e6, 0.15, null, 0.07, 1, 1, TWO_HALLS);
    const one = num("LEASENPV", 100, 150, 15, 0.1, 0.03, 9e6, 0.15, 12, 0.07, 1, 1);
    const two = num("LEASENPV", 100, 150, 15, 0.1, 0.03, 9e6, 0.15, 18, 0.07, 1, 1);
    expect(relErr(phased, one + two)).toBeLessThan(1e-14);
    const want = floatLease({ ...floatBase, phases: TWO_HALLS as [number, number][], rentTiming: 1, capexTiming: 1, exitCap: 0.07 }, 0.1).npv;
    expect(relErr(phased, want)).toBeLessThan(1e-11);
    // The schedule runs to the last phase's last month.
    expect(table("LEASECASHFLOWS", 200, 150, 15, 0.1, 0.03, 9e6, 0.15, null, 0, 0, 0, TWO_HALLS)).toHaveLength(1 + 18 + 180 + 1);
  });

  test("with phases, critical_it_mw is blank or their total, build_months blank; trailing blank rows are skipped", () => {
    const withTotal = num("LEASENPV", 200, 150, 15, 0.1, 0, 0, 0, null, 0, 0, 0, TWO_HALLS);
    expect(num("LEASENPV", null, 150, 15, 0.1, 0, 0, 0, null, 0, 0, 0, TWO_HALLS)).toBe(withTotal);
    expect(num("LEASENPV", 200, 150, 15, 0.1, 0, 0, 0, null, 0, 0, 0, [...TWO_HALLS, [null, null], ["", ""]])).toBe(withTotal);
    expect(message("LEASENPV", 150, 150, 15, 0.1, 0, 0, 0, null, 0, 0, 0, TWO_HALLS)).toBe(
      "LEASENPV: critical_it_mw must be blank or the phases' total, 200 MW, when phases is given; got 150",
    );
    expect(message("LEASENPV", 200, 150, 15, 0.1, 0, 0, 0, 12, 0, 0, 0, TWO_HALLS)).toBe(
      "LEASENPV: build_months must be blank when phases is given (each phase has its own build months); got 12",
    );
    expect(message("LEASENPV", null, 150, 15, 0.1)).toMatch(/^LEASENPV: critical_it_mw must be a number \(it is required, and the argument is blank; or give phases\)$/);
  });

  test("a bad phase is #VALUE! naming phases and its row", () => {
    const at = (rows: unknown[][]) => message("LEASEIRR", null, 150, 15, 0.03, 9e6, 0.15, null, 0, 0, 0, rows);
    expect(at([[12, 100], [null, null], [18, 100]])).toMatch(/^LEASEIRR: phases must be a two-column range of numbers, a row each .*; got row 2: a blank cell$/);
    expect(at([[12, 100], [18, "100 MW"]])).toMatch(/; got row 2: text "100 MW"$/);
    expect(at([[12, 100], [1.5, 100]])).toMatch(/^LEASEIRR: phases must be .*; got row 2: build months 1.5$/);
    expect(at([[12, 100], [18, 0]])).toMatch(/; got row 2: critical IT MW 0$/);
    expect(at([[12, 100, 1]])).toMatch(/^LEASEIRR: phases must be a two-column range of numbers.*; got a 1×3 range$/);
  });

  test("a term typed as =7+4/12 years is 88 months, not #VALUE!", () => {
    const typed = 7 + 4 / 12;
    // Excel shows 7.333333333333333; read as that decimal, × 12 is 87.999999999999996, not whole.
    expect(String(typed)).toBe("7.333333333333333");
    expect(num("LEASENPV", 200, 150, typed, 0.1)).toBe(num("LEASENPV", 200, 150, 88 / 12, 0.1));
    expect(table("LEASECASHFLOWS", 200, 150, typed, 0.1)).toHaveLength(1 + 1 + 88);
    expect(message("LEASENPV", 200, 150, 7.3, 0.1)).toMatch(/^LEASENPV: term_years must be a whole number of months in years/);
  });
});

describe("CONVERSIONVALUE, CONVERSIONBREAKEVEN, MWECONOMICS: the lease leg's terms and its own discount rate", () => {
  /**
   * The 100 MW conversion (catalog example) in floats: the lease at `leaseRate` and the fleet sold
   * now, less mining at 12% over the lease's months and, with an exit cap rate, the site the mining
   * side keeps: the lease signed at the horizon's end, max(0, L) brought back at 12%.
   */
  const floatConversion = (lease: Partial<FloatLease>, leaseRate = 0.12, mining: Partial<FloatMiningPlan> = {}) =>
    sharedFloatConversion(miningPlan(mining), { ...README_LEASE, ...lease }, 0.12, leaseRate).value;

  test("the README's example and its timing variants are the float model's", () => {
    expect(relErr(num("CONVERSIONVALUE", ...CONVERSION_ARGS), floatConversion({}))).toBeLessThan(1e-10);
    const timed = [...CONVERSION_ARGS_V1, true, 0.1, 0.01, true, 0.07, 1, 1, null, 0.08];
    const want = floatConversion({ rentTiming: 1, capexTiming: 1, exitCap: 0.07 }, 0.08, { salvage_pct: 0.1, energy_tax_usd_per_kwh: 0.01 });
    expect(relErr(num("CONVERSIONVALUE", ...timed), want)).toBeLessThan(1e-10);
  });

  test("lease_discount_rate blank is discount_rate; given, it discounts the lease leg only", () => {
    const blank = num("CONVERSIONVALUE", ...CONVERSION_ARGS);
    const same = [...CONVERSION_ARGS];
    same[31] = 0.12;
    expect(num("CONVERSIONVALUE", ...same)).toBe(blank);
    same[31] = 0.08;
    expect(relErr(num("CONVERSIONVALUE", ...same), floatConversion({}, 0.08))).toBeLessThan(1e-10);
    same[31] = -2;
    expect(message("CONVERSIONVALUE", ...same)).toMatch(/^CONVERSIONVALUE: lease_discount_rate must be a rate greater than -1/);
  });

  test("phases replace the site's critical IT and conversion_months: both must be blank, and the lease is the phases'", () => {
    const args: unknown[] = [...CONVERSION_ARGS];
    args[20] = null; // conversion_months
    args[22] = null; // site_mw_per_critical_it_mw
    args[30] = TWO_HALLS;
    const want = floatLease({ mw: 0, rate: 150, years: 10, esc: 0.03, capexPerMw: 9e6, opexPct: 0.15, phases: TWO_HALLS as [number, number][] }, 0.12);
    const mining = floatMining(miningPlan({ months: 18 + 120 }), 0.12);
    expect(relErr(num("CONVERSIONVALUE", ...args), want.npv - mining.npv)).toBeLessThan(1e-10);
    args[20] = 12;
    expect(message("CONVERSIONVALUE", ...args)).toBe(
      "CONVERSIONVALUE: conversion_months must be blank when phases is given (the phases give the lease's critical IT MW and build months); got 12",
    );
    args[20] = null;
    args[22] = 1.4;
    expect(message("CONVERSIONVALUE", ...args)).toMatch(/^CONVERSIONVALUE: site_mw_per_critical_it_mw must be blank when phases is given/);
  });

  test("every error names the function's own argument: never build_months or capex_usd_per_mw", () => {
    for (const id of ["CONVERSIONVALUE", "CONVERSIONBREAKEVEN", "MWECONOMICS"]) {
      const args = [...CALLS[id].valid];
      args[20] = 1.5;
      expect(message(id, ...args)).toMatch(new RegExp(`^${id}: conversion_months must be a whole number`));
      args[20] = 1190; // with a 10-year term: past the 1,200 months a schedule holds
      expect(message(id, ...args)).toMatch(new RegExp(`^${id}: term_years must be at most 10 months in years .* after 1190 months of conversion_months`));
      args[20] = 12;
      args[19] = -1;
      expect(message(id, ...args)).toMatch(new RegExp(`^${id}: conversion_capex_usd_per_critical_it_mw must be a number of 0 or more; got -1$`));
    }
  });

  test("CONVERSIONBREAKEVEN: the float model's conversion value changes sign across it; switch-off lowers it from $197,840 to $144,190", () => {
    const be = num("CONVERSIONBREAKEVEN", ...CONVERSION_ARGS);
    const at = (price: number, mining: Partial<FloatMiningPlan> = {}) => floatConversion({}, 0.12, { btc_price: price, ...mining });
    // The figures an independent float model gives: $144,190, forced $197,840.
    expect(be).toBeCloseTo(144_190.14, 2);
    expect(at(be * (1 - 1e-7))).toBeGreaterThan(0); // below it leasing is worth more
    expect(at(be * (1 + 1e-7))).toBeLessThan(0);
    // Below it leasing wins at every price (a scan of the float model), so it is the lowest such price.
    for (let p = 20_000; p < be; p *= 1.01) expect(at(p)).toBeGreaterThan(0);
    // Not monotone: a refresh bought in month 48 makes leasing worth more again between ~$159,340 and ~$174,570.
    expect(at(165_000)).toBeGreaterThan(0);
    expect(at(180_000)).toBeLessThan(0);
    const forced = num("CONVERSIONBREAKEVEN", ...CONVERSION_ARGS_V1, false);
    expect(forced).toBeCloseTo(197_839.75, 2);
    expect(at(forced * (1 - 1e-7), { switch_off_below_cost: false })).toBeGreaterThan(0);
    expect(at(forced * (1 + 1e-7), { switch_off_below_cost: false })).toBeLessThan(0);
  });

  test("MWECONOMICS: three uses per site MW, each re-derived; capital ~$6.4M per MW leasing against ~$0.8M mining", () => {
    const t = table("MWECONOMICS", ...CONVERSION_ARGS, 2.01, 1, 52_700, 1.8, 0.1);
    const critical = 100 / 1.4;
    const twin = floatMining(miningPlan({ months: 12 }), 0);
    const miningRevenue = twin.rows.reduce((s, r) => s + r.revenue, 0);
    const miningEbitda = twin.rows.reduce((s, r) => s + r.revenue - r.power - r.tax - r.opex, 0);
    const gpus = (critical * 1000) / 1.8;
    const gpuRevenue = gpus * 2.01 * 1 * 8760;
    const gpuEbitda = gpuRevenue * 0.9 - gpus * 1.8 * 1.1 * 8760 * 0.045; // the site's PUE (1.1) and power price
    const want = [
      ["Per site MW", "Mining", "Colocation lease", "GPU cloud"],
      ["Revenue per MW-year (USD)", miningRevenue / 100, (critical * 1000 * 150 * 12) / 100, gpuRevenue / 100],
      ["EBITDA per MW-year (USD)", miningEbitda / 100, (critical * 1000 * 150 * 12 * 0.85) / 100, gpuEbitda / 100],
      ["EBITDA margin", miningEbitda / miningRevenue, 0.85, gpuEbitda / gpuRevenue],
      ["Capital per MW (USD)", (15 * 1e8) / (17.5 * 1.1) / 100, (9e6 * critical) / 100, (gpus * 52_700 + 9e6 * critical) / 100],
    ];
    t.forEach((row, i) => row.forEach((cell, j) => {
      const w = want[i][j];
      if (typeof w === "number") expect(cell).toBeNear(w, { rel: 1e-12, label: `row ${i}, column ${j}` });
      else expect([i, j, cell]).toEqual([i, j, w]);
    }));
    expect((t[4][2] as number) / 1e6).toBeCloseTo(6.43, 2);
    expect((t[4][1] as number) / 1e6).toBeCloseTo(0.78, 2);
  });

  test("MWECONOMICS: per-year figures are per year for a 0.5-year lease", () => {
    const args = [...CONVERSION_ARGS];
    args[9] = 0.5;
    const t = table("MWECONOMICS", ...args);
    expect(relErr(t[1][2] as number, ((100 / 1.4) * 1000 * 150 * 12) / 100)).toBeLessThan(1e-12);
  });

  test("MWECONOMICS: the GPU-cloud inputs come all or none; each given one is checked first", () => {
    const gpu = [2.01, 1, 52_700, 1.8, 0.1];
    const partial: unknown[] = [...gpu];
    partial[2] = null;
    expect(message("MWECONOMICS", ...CONVERSION_ARGS, ...partial)).toBe(
      "MWECONOMICS: gpu_capex_usd must be a number when usd_per_gpu_hour, utilization, kw_per_gpu are given (the GPU-cloud inputs: usd_per_gpu_hour, utilization, gpu_capex_usd, kw_per_gpu, all or none); got blank",
    );
    partial[1] = 1.2;
    expect(message("MWECONOMICS", ...CONVERSION_ARGS, ...partial)).toMatch(/^MWECONOMICS: utilization must be a fraction from 0 to 1/);
    const opex = [...gpu];
    opex[4] = 2;
    expect(message("MWECONOMICS", ...CONVERSION_ARGS, ...opex)).toMatch(/^MWECONOMICS: opex_pct_of_revenue must be a fraction/);
    const leaseOpex = [...CONVERSION_ARGS];
    leaseOpex[21] = 2;
    expect(message("MWECONOMICS", ...leaseOpex, ...gpu)).toMatch(/^MWECONOMICS: lease_opex_pct_of_revenue must be a fraction/);
  });
});

describe("PAYBACKMONTHS with start_height", () => {
  const MACHINE = [3500, 200, 17.5, 0.035, 91_000, 1.52e14, 3.125, 0.036, 0.02, 0, 1];

  test("the README's 33.5 months crosses the 2028 halving: from block 925,000 it never pays back, with $386.73 owed", () => {
    expect(num("PAYBACKMONTHS", ...MACHINE, 0.01)).toBeCloseTo(33.47, 2);
    const e = excelError(() => run("PAYBACKMONTHS", ...MACHINE, 0.01, 925_000));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("PAYBACKMONTHS: the cash margin turns non-positive in month 30 (-3.42228 USD) with 386.735 USD still owed: the machine never pays back");
    // In floats: month k's margin with the blended subsidy; the remainder owed after month 29.
    const btcPerThDay = (d: number, reward: number) => (1e12 * 86400 * reward) / (d * 2 ** 32);
    const cost = 17.5 * 0.024 * 0.035 * 200 * (365 / 12);
    let owed = 3500;
    let margin = 0;
    for (let k = 1; k <= 30; k++) {
      const h = 925_000 + 4380 * (k - 1);
      const before = Math.min(4380, Math.max(0, 1_050_000 - h));
      const subsidy = (before * 3.125 + (4380 - before) * 1.5625) / 4380;
      margin = btcPerThDay(1.52e14 * 1.01 ** (k - 1), subsidy + 0.036) * 0.98 * 91_000 * 200 * (365 / 12) - cost;
      if (k < 30) owed -= margin;
    }
    expect(margin).toBeCloseTo(-3.42228, 4);
    expect(owed).toBeCloseTo(386.735, 2);
  });

  test("a payback before the halving is unchanged by start_height; a subsidy that is not start_height's is #VALUE!", () => {
    expect(num("PAYBACKMONTHS", ...MACHINE, 0, 925_000)).toBe(num("PAYBACKMONTHS", ...MACHINE, 0));
    const wrong = [...MACHINE];
    wrong[6] = 1.5625;
    expect(message("PAYBACKMONTHS", ...wrong, 0, 925_000)).toMatch(/^PAYBACKMONTHS: subsidy_btc_per_block must be the subsidy at start_height 925000, 3.125 BTC/);
  });

  test("a free machine that loses money never pays back: #NUM!, not 0 months", () => {
    expect(code("PAYBACKMONTHS", 0, 200, 17.5, 0.5, 91_000, 1.52e14, 3.125, 0.036, 0.02)).toBe("#NUM!");
    expect(num("PAYBACKMONTHS", 0, 200, 17.5, 0.035, 91_000, 1.52e14, 3.125, 0.036, 0.02)).toBe(0);
  });
});

describe("ENERGYTAX", () => {
  test("New York S8518 by default: the published burdens for 1, 10 and 100 MW all year (energy-tax-and-curtailment.md)", () => {
    expect(num("ENERGYTAX", 8_760_000)).toBe(167_800);
    expect(num("ENERGYTAX", 87_600_000)).toBe(3_985_000);
    expect(num("ENERGYTAX", 876_000_000)).toBe(43_405_000);
    expect(num("ENERGYTAX", 876_000_000) / 876_000_000).toBeCloseTo(0.0495, 4); // 4.95¢ effective
    expect(num("ENERGYTAX", 8_760_000) / 8_760_000).toBeCloseTo(0.0192, 4);
  });

  test("a table of one's own, bands re-derived by hand; trailing blank rows skipped", () => {
    const tiers = [[0, 0.01], [1e6, 0.03], [null, null]];
    expect(num("ENERGYTAX", 3e6, tiers)).toBeCloseTo(1e6 * 0.01 + 2e6 * 0.03, 6);
    expect(num("ENERGYTAX", 5e5, tiers)).toBeCloseTo(5e5 * 0.01, 6);
  });

  test("bad tiers are #VALUE! naming the row", () => {
    expect(message("ENERGYTAX", 1e6, [[100, 0.01]])).toMatch(/^ENERGYTAX: tiers must be .*; got row 1 starts at 100 kWh, not 0$/);
    expect(message("ENERGYTAX", 1e6, [[0, 0.01], [5e6, 0.02], [2e6, 0.03]])).toMatch(/; got row 3 starts at 2000000 kWh, not above row 2's 5000000$/);
    expect(message("ENERGYTAX", 1e6, [[0, 0.01], [5e6, -0.02]])).toMatch(/; got row 2 has a negative rate, -0.02$/);
    expect(message("ENERGYTAX", 1e6, [[0, "2¢"]])).toMatch(/^ENERGYTAX: tiers must be a two-column range of numbers.*; got row 1: text "2¢"$/);
    expect(message("ENERGYTAX", -1)).toMatch(/^ENERGYTAX: annual_kwh must be a number of 0 or more; got -1$/);
  });

  test("its effective rate fed to energy_tax_usd_per_kwh is the float model's mining with that tax", () => {
    const rate = num("ENERGYTAX", 876_000_000) / 876_000_000;
    const twin = floatMining(miningPlan({ energy_tax_usd_per_kwh: rate }), 0.12);
    expect(relErr(num("MININGNPV", ...miningArgs(true, 0, rate, true)), twin.npv)).toBeLessThan(1e-11);
  });
});

describe("GPUCLOUDNPV, GPUCLOUDIRR, GPUCLOUDCASHFLOWS", () => {
  const floatPlan = (o: object = {}) => ({ gpus: 110_000, price: 2.01, utilization: 1, gpuCapex: 52_700, kwPerGpu: 1.8, pue: 1.18, power: 0.045, opexPct: 0.1, decline: 0, lifeYears: 5, salvagePct: 0.1, build: 0, shellPerMw: 9e6, ...o });

  test("the NPV is the float model's, with a build, a falling price and a short life too", () => {
    expect(relErr(num("GPUCLOUDNPV", ...GPU_ARGS, 0.12, ...GPU_OPTIONS), floatGpu(floatPlan(), 0.12).npv)).toBeLessThan(1e-11);
    const other = floatGpu(floatPlan({ decline: 0.15, lifeYears: 4.5, build: 6, salvagePct: 0.2 }), 0.1).npv;
    expect(relErr(num("GPUCLOUDNPV", ...GPU_ARGS, 0.1, 0.1, 0.15, 4.5, 0.2, 6, 9e6), other)).toBeLessThan(1e-11);
  });

  test("GPUCLOUDCASHFLOWS: a header, month 0 to the end of life, salvage in the last month, PVs summing to the NPV", () => {
    const rows = table("GPUCLOUDCASHFLOWS", ...GPU_ARGS, 0.12, 0.1, 0.15, 5, 0.1, 6, 9e6);
    expect(rows[0]).toEqual(["Month", "In service (1/0)", "GPU-hour price (USD)", "Revenue (USD)", "Power (USD)", "Opex (USD)", "Capex (USD)", "Salvage (USD)", "Net cash flow (USD)", "Discount factor", "Present value (USD)"]);
    expect(rows).toHaveLength(1 + 1 + 6 + 60);
    expect(rows.slice(1, 8).map((r) => r[1])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rows[8][1]).toBe(1);
    expect(rows[8 + 12][2]).toBeCloseTo(2.01 * 0.85, 12); // the price falls at the first anniversary of service
    expect(relErr(rows[rows.length - 1][7] as number, 0.1 * 110_000 * 52_700)).toBeLessThan(1e-14);
    const sum = rows.slice(1).reduce((s, r) => s + (r[10] as number), 0);
    expect(relErr(sum, num("GPUCLOUDNPV", ...GPU_ARGS, 0.12, 0.1, 0.15, 5, 0.1, 6, 9e6))).toBeLessThan(1e-12);
  });

  test("GPUCLOUDIRR zeroes the NPV; no capex or no revenue is #NUM!", () => {
    const irr = num("GPUCLOUDIRR", ...GPU_ARGS, ...GPU_OPTIONS);
    expect(irr).toBeCloseTo(0.0599, 4);
    expect(Math.abs(floatGpu(floatPlan(), irr).npv) / 7.579e9).toBeLessThan(1e-9);
    expect(code("GPUCLOUDIRR", 110_000, 2.01, 1, 0, 1.8, 1.18, 0.045)).toBe("#NUM!");
    expect(code("GPUCLOUDIRR", 110_000, 0, 1, 52_700, 1.8, 1.18, 0.045)).toBe("#NUM!");
  });

  test("bad inputs are #VALUE! naming them", () => {
    expect(message("GPUCLOUDNPV", 110_000, 2.01, 1.2, 52_700, 1.8, 1.18, 0.045, 0.12)).toMatch(/^GPUCLOUDNPV: utilization must be a fraction from 0 to 1/);
    expect(message("GPUCLOUDNPV", 110_000, 2.01, 1, 52_700, 1.8, 0.9, 0.045, 0.12)).toMatch(/^GPUCLOUDNPV: pue must be a number of 1 or more/);
    expect(message("GPUCLOUDNPV", ...GPU_ARGS, 0.12, 0, 0, 4.05)).toMatch(/^GPUCLOUDNPV: life_years must be a whole number of months in years/);
  });
});
