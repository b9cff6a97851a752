/*
 * The fleet's life, the timing option and the network through the Excel adapters: the parameters appended to every function that mines (idle
 * opex, a stop for good, the fleet's resale, a difficulty path, a hashprice floor), and the two new
 * functions, CONVERSIONTIMING and CONVERSIONOPTION, as a formula sees them. Each expected value is
 * re-derived in floats (test/support/float-models.ts, which never calls calc) or is an identity
 * between two functions; the calc module's own tests cover the rules in depth.
 */
import { CALLS, CONVERSION_ARGS, MINING_ARGS } from "../support/calls";
import { SIGNATURES } from "../../src/functions/params";
import { excelError } from "../support/errors";
import { floatConversion as sharedFloatConversion, FloatLease, floatMining, FloatMiningPlan } from "../support/float-models";
import { README_FLEET_THS, README_LEASE, README_SITE } from "../calc/readme-example";
import { relErr } from "../support/rational";

type Id = keyof typeof SIGNATURES;
const run = (id: string, ...args: unknown[]) => CALLS[id].fn(...args) as never;
const num = (id: string, ...args: unknown[]) => run(id, ...args) as number;
const table = (id: string, ...args: unknown[]) => run(id, ...args) as (string | number)[][];
const message = (id: string, ...args: unknown[]) => excelError(() => run(id, ...args)).message;

/** A function's positional arguments: a base list, then parameters set by name (blank between). */
function argsOf(id: Id, base: readonly unknown[], named: Record<string, unknown>): unknown[] {
  const args = [...base, ...Array(Math.max(0, SIGNATURES[id].length - base.length)).fill(null)];
  for (const [name, value] of Object.entries(named)) {
    const i = SIGNATURES[id].findIndex((p) => p.name === name);
    if (i < 0) throw new Error(`${id} has no parameter ${name}`);
    args[i] = value;
  }
  return args;
}
const RISK = { price_vol_annual: 0.5, difficulty_vol_annual: 0.2, price_difficulty_corr: 0.3, paths: 200, seed: 7 };
const CALM = { price_vol_annual: 0, difficulty_vol_annual: 0, price_difficulty_corr: 0, paths: 100, seed: 1 };

/** The 100 MW site of the examples as the float model's plan (calc field names), over five years. */
const SITE: FloatMiningPlan = { ...README_SITE, months: 60 };
const FLEET_THS = README_FLEET_THS;
const LEASE: FloatLease = README_LEASE;
const H = 132;

/** A conversion in floats (test/support/float-models.ts): converting after k months, and mining throughout with the site's end value T. */
const floatConversion = (site: Partial<FloatMiningPlan> = {}, lease: Partial<FloatLease> = {}) =>
  sharedFloatConversion({ ...SITE, ...site }, { ...LEASE, ...lease }, 0.12);

describe("MININGNPV and MININGCASHFLOWS: idle opex, a stop for good, the fleet's resale", () => {
  test("each appended at its place is the float model's, the three together too", () => {
    const cases: Record<string, unknown>[] = [
      { idle_opex_pct: 0.25 },
      { stop_for_good: true },
      { fleet_resale_usd_per_th: 3 },
      { idle_opex_pct: 0.3, stop_for_good: 1, fleet_resale_usd_per_th: 4 },
    ];
    for (const named of cases) {
      const twin = floatMining({ ...SITE, ...named, stop_for_good: !!named.stop_for_good } as FloatMiningPlan, 0.12);
      expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, named))).toBeNear(twin.npv, { rel: 1e-11, label: JSON.stringify(named) });
    }
  });

  test("stopped for good: nothing runs after the stop, and the fleet's resale arrives as salvage that month", () => {
    const rows = table("MININGCASHFLOWS", ...argsOf("MININGCASHFLOWS", MINING_ARGS, { stop_for_good: true, fleet_resale_usd_per_th: 3 })).slice(1);
    const twin = floatMining({ ...SITE, stop_for_good: true, fleet_resale_usd_per_th: 3 }, 0.12);
    expect(twin.stop).toBeLessThan(60);
    expect(rows.map((r) => r[5])).toEqual(twin.rows.map((r) => (r.running ? 1 : 0)));
    expect(rows.filter((r) => r[12] !== 0).map((r) => r[0])).toEqual([twin.stop]);
    expect(rows[twin.stop - 1][12]).toBeNear(3 * FLEET_THS, { rel: 1e-14 });
    // after the stop: no opex, no power, nothing
    expect(rows.slice(twin.stop).every((r) => r.slice(6, 14).every((x) => x === 0))).toBe(true);
  });

  test("machines are bought only to run: the capex column shows the float model's purchase months, some later than due", () => {
    // 11 years, refreshes every 24 months, 3.5¢ power and BTC +2.5% a month: off from month 78 to 106.
    const site = { ...SITE, months: 132, refresh_every_months: 24, power_price_kwh: 0.035, btc_price_growth_monthly: 0.025 };
    const args = [...MINING_ARGS];
    [args[3], args[7], args[13], args[16]] = [0.035, 132, 0.025, 24];
    const rows = table("MININGCASHFLOWS", ...args).slice(1);
    const twin = floatMining(site, 0.12);
    const bought = rows.filter((r) => r[11] !== 0).map((r) => r[0] as number);
    expect(bought).toEqual(twin.rows.filter((r) => r.capex !== 0).map((r) => r.month));
    expect(bought.length).toBeGreaterThan(0);
    expect(bought.some((m, i) => m > (i === 0 ? 24 : bought[i - 1] + 24))).toBe(true); // a purchase waited for a running month
    expect(bought.every((m) => rows[m - 1][5] === 1 && 132 - m >= 24)).toBe(true);
    expect(num("MININGNPV", ...args)).toBeNear(twin.npv, { rel: 1e-11 });
  });

  test("bad inputs are #VALUE! naming the argument: idle opex outside 0–1, salvage_pct with no price to be a share of", () => {
    for (const bad of [-0.1, 1.5]) {
      expect(message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { idle_opex_pct: bad }))).toBe(
        `MININGNPV: idle_opex_pct must be a fraction from 0 to 1 (0.02 = 2%); got ${bad}`,
      );
    }
    expect(message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { stop_for_good: "yes" }))).toMatch(/^MININGNPV: stop_for_good must be TRUE or FALSE \(or 1 or 0\); got /);
    expect(message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { fleet_resale_usd_per_th: -1 }))).toMatch(/^MININGNPV: fleet_resale_usd_per_th must be a number of 0 or more; got -1$/);
    const noPrice = argsOf("MININGNPV", MINING_ARGS, { refresh_capex_usd_per_th: 0, salvage_pct: 0.1 });
    expect(message("MININGNPV", ...noPrice)).toMatch(/^MININGNPV: salvage_pct must be 0 or blank when refresh_capex_usd_per_th is 0 or blank \(salvage is a share of a new fleet's price.*give fleet_resale_usd_per_th for a resale value\); got 0.1$/);
  });
});

describe("a network that answers hashprice: difficulty_path and hashprice_floor_usd_per_ph_day", () => {
  const path = Array.from({ length: 60 }, (_, i) => 1.5e14 * (1 + 0.01 * i) * (1 + 0.05 * Math.sin(i)));

  test("a column, a row or a number: row m is month m's difficulty, the growth ignored; the float model's", () => {
    const want = floatMining({ ...SITE, difficulty_path: path }, 0.12).npv;
    const column = path.map((d) => [d]);
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: column }))).toBeNear(want, { rel: 1e-11 });
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: [path] }))).toBeNear(want, { rel: 1e-11 });
    // rows past the horizon are not read
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: [...column, [2e14]] }))).toBe(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: column })));
    // a number (or one cell) is that difficulty in every month
    const flat = floatMining({ ...SITE, difficulty_path: Array(60).fill(1.6e14) }, 0.12).npv;
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: 1.6e14 }))).toBeNear(flat, { rel: 1e-11 });
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: [[1.6e14]] }))).toBeNear(flat, { rel: 1e-11 });
  });

  test("blank cells after the path's last value are not read (a column selected past its end); a blank before it still names its row", () => {
    const want = floatMining({ ...SITE, difficulty_path: path }, 0.12).npv;
    const column = path.map((d) => [d]);
    const padded = [...column, [null], [""], [null]];
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: padded }))).toBeNear(want, { rel: 1e-11 });
    // trimmed, a column shorter than the horizon is still too short, with the length of its values
    const at = (value: unknown) => message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: value }));
    expect(at([...column.slice(0, 59), [null], [null]])).toMatch(/for at least the horizon's 60 months; got 59 rows$/);
    const gap = [...column.slice(0, 30), [null], ...column.slice(30), [null]];
    expect(at(gap)).toBe("MININGNPV: difficulty_path must be a finite number in every row of the range; got a blank cell in row 31");
    // nothing but blanks is a blank argument: the growth
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: [[null], [null]] }))).toBe(num("MININGNPV", ...MINING_ARGS));
  });

  test("a short column names both lengths; a blank, a negative or text names its row; a table is refused", () => {
    const at = (value: unknown) => message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { difficulty_path: value }));
    const column = path.map((d) => [d]);
    expect(at(column.slice(0, 59))).toBe(
      "MININGNPV: difficulty_path must be one difficulty per month (row m is month m), each 1 or more, for at least the horizon's 60 months; got 59 rows",
    );
    const blank = column.map((r, i) => (i === 9 ? [null] : r));
    expect(at(blank)).toBe("MININGNPV: difficulty_path must be a finite number in every row of the range; got a blank cell in row 10");
    const negative = column.map((r, i) => (i === 4 ? [-3e14] : r));
    expect(at(negative)).toBe("MININGNPV: difficulty_path must be a number of 1 or more (difficulty never falls below the genesis difficulty, 1) in every row; got -300000000000000 in row 5");
    const text = column.map((r, i) => (i === 2 ? ["152T"] : r));
    expect(at(text)).toBe('MININGNPV: difficulty_path must be a finite number in every row of the range; got text "152T" in row 3');
    expect(at([[1.5e14, 1.5e14], [1.5e14, 1.5e14]])).toBe("MININGNPV: difficulty_path must be a number or a one-column range, one value per month; got a 2×2 range");
    // for a conversion, the horizon is the lease's
    const conversion = message("CONVERSIONVALUE", ...argsOf("CONVERSIONVALUE", CONVERSION_ARGS, { difficulty_path: column }));
    expect(conversion).toMatch(/^CONVERSIONVALUE: difficulty_path must be .*for at least the horizon's 132 months; got 60 rows$/);
  });

  test("the floor across the 2028 halving is the float model's (hand-computed difficulties in network.test.ts); 0 or less is #VALUE!", () => {
    const want = floatMining({ ...SITE, hashprice_floor_usd_per_ph_day: 35 }, 0.12);
    expect(want.rows.some((r, i) => r.difficulty < 1.52e14 * 1.02 ** i)).toBe(true); // the floor binds
    expect(num("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { hashprice_floor_usd_per_ph_day: 35 }))).toBeNear(want.npv, { rel: 1e-11 });
    const rows = table("MININGCASHFLOWS", ...argsOf("MININGCASHFLOWS", MINING_ARGS, { hashprice_floor_usd_per_ph_day: 35 })).slice(1);
    rows.forEach((r, i) => expect(r[3]).toBeNear(want.rows[i].difficulty, { rel: 1e-12, label: `month ${i + 1}` }));
    for (const bad of [0, -5]) {
      expect(message("MININGNPV", ...argsOf("MININGNPV", MINING_ARGS, { hashprice_floor_usd_per_ph_day: bad }))).toBe(
        `MININGNPV: hashprice_floor_usd_per_ph_day must be a hashprice greater than 0 (USD per PH/s per day; blank for no floor); got ${bad}`,
      );
    }
  });
});

describe("the conversion functions take them at the end of their lists", () => {
  test("CONVERSIONVALUE with idle opex, a stop, a resale, a floor and an exit cap rate is the float model's (L + R) − (M + T)", () => {
    const site = { idle_opex_pct: 0.25, stop_for_good: true, fleet_resale_usd_per_th: 3, hashprice_floor_usd_per_ph_day: 30 };
    const f = floatConversion(site, { exitCap: 0.07 });
    const args = argsOf("CONVERSIONVALUE", CONVERSION_ARGS, { ...site, exit_cap_rate: 0.07 });
    expect(num("CONVERSIONVALUE", ...args)).toBeNear(f.value, { rel: 1e-10 });
  });

  test("MWECONOMICS: a first year with months off pays idle opex in them, as the float model", () => {
    const site = { power_price_kwh: 0.06, idle_opex_pct: 0.25 }; // runs 6 months, then off
    const twin = floatMining({ ...SITE, ...site, months: 12 }, 0);
    expect(twin.rows.some((r) => !r.running) && twin.rows.some((r) => r.running)).toBe(true);
    const ebitda = twin.rows.reduce((s, r) => s + r.revenue - r.power - r.tax - r.opex, 0) / 100;
    const t = table("MWECONOMICS", ...argsOf("MWECONOMICS", CALLS.MWECONOMICS.valid, site));
    expect(t[2][1]).toBeNear(ebitda, { rel: 1e-12 });
  });
});

describe("CONVERSIONTIMING", () => {
  test("a header, then k = 0 … 132 and each value: the float model's for several k; row 0 is CONVERSIONVALUE", () => {
    const t = table("CONVERSIONTIMING", ...CONVERSION_ARGS);
    expect(t[0]).toEqual(["Months mined, then converted (k)", "Value relative to mining throughout (USD)"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(Array.from({ length: H + 1 }, (_, k) => k));
    const f = floatConversion();
    for (const k of [0, 1, 19, 48, 100, 132]) expect(t[k + 1][1]).toBeNear(f.convertAfter(k) - f.mining, { abs: 1e-9 * 3e8, label: `k = ${k}` });
    expect(t[1][1]).toBe(num("CONVERSIONVALUE", ...CONVERSION_ARGS));
    // the figures: converting now $5.33M; after 19 months $13.56M, +$81.33M against mining throughout
    expect((f.convertAfter(0) / 1e6).toFixed(2)).toBe("5.33");
    expect((f.convertAfter(19) / 1e6).toFixed(2)).toBe("13.56");
    const best = t.slice(1).reduce((b, r) => ((r[1] as number) > (b[1] as number) ? r : b));
    expect([best[0], ((best[1] as number) / 1e6).toFixed(2)]).toEqual([19, "81.33"]);
  });

  test("with a stop, a resale and the lease's own rate the rows are the float model's; phases refuse conversion_months", () => {
    const named = { stop_for_good: true, fleet_resale_usd_per_th: 4 };
    const t = table("CONVERSIONTIMING", ...argsOf("CONVERSIONTIMING", CONVERSION_ARGS, named));
    const f = floatConversion(named);
    for (const k of [0, 20, 131]) expect(t[k + 1][1]).toBeNear(f.convertAfter(k) - f.mining, { abs: 1e-9 * 3e8, label: `k = ${k}` });
    const phased = argsOf("CONVERSIONTIMING", CONVERSION_ARGS, { phases: [[12, 40], [18, 31]] });
    expect(message("CONVERSIONTIMING", ...phased)).toBe(
      "CONVERSIONTIMING: conversion_months must be blank when phases is given (the phases give the lease's critical IT MW and build months); got 12",
    );
  });
});

describe("CONVERSIONOPTION", () => {
  const option = (named: Record<string, unknown>) => table("CONVERSIONOPTION", ...argsOf("CONVERSIONOPTION", CONVERSION_ARGS, named));
  const rowOf = (t: (string | number)[][], label: string) => t.find((r) => r[0] === label)!;

  test("its parameters are CONVERSIONDIST's, in its order; CONVERSIONTIMING's are CONVERSIONVALUE's", () => {
    expect(SIGNATURES.CONVERSIONOPTION.map((p) => p.name)).toEqual(SIGNATURES.CONVERSIONDIST.map((p) => p.name));
    expect(SIGNATURES.CONVERSIONTIMING.map((p) => p.name)).toEqual(SIGNATURES.CONVERSIONVALUE.map((p) => p.name));
  });

  test("with every volatility 0: convert now is L + R, mine is M + T, and flexible − mine is max(0, the float model's best month)", () => {
    for (const named of [{}, { fleet_resale_usd_per_th: 3, exit_cap_rate: 0.07 }]) {
      const t = option({ ...CALM, ...named });
      const f = floatConversion({ fleet_resale_usd_per_th: (named as { fleet_resale_usd_per_th?: number }).fleet_resale_usd_per_th }, { exitCap: (named as { exit_cap_rate?: number }).exit_cap_rate });
      let best = -Infinity;
      for (let k = 0; k <= H; k++) best = Math.max(best, f.convertAfter(k) - f.mining);
      expect(rowOf(t, "Convert now")[1]).toBeNear(f.convertAfter(0), { rel: 1e-10 });
      expect(rowOf(t, "Mine")[1]).toBeNear(f.mining, { rel: 1e-9 });
      const gain = (rowOf(t, "Flexible")[1] as number) - (rowOf(t, "Mine")[1] as number);
      expect(gain).toBeNear(Math.max(0, best), { abs: 1e-9 * Math.abs(f.mining), label: JSON.stringify(named) });
    }
  });

  test("the table: a header, the issue's labels with value and SE, the flexible value's quantiles as asked, a boundary a year", () => {
    const t = option({ ...RISK, quantiles: [[0.05, 0.95]] });
    expect(t[0]).toEqual(["Strategy", "Value", "SE"]);
    expect(t.slice(1).map((r) => r[0])).toEqual([
      "Convert now", "Mine", "Flexible", "Option premium", "P(convert)", "Median conversion month", "Flexible P5", "Flexible P95",
      ...Array.from({ length: 11 }, (_, y) => `Boundary year ${y + 1}`),
    ]);
    expect(t.every((r) => r.length === 3)).toBe(true);
    expect(rowOf(t, "Median conversion month")[2]).toBe("");
    const p = rowOf(t, "P(convert)")[1] as number;
    expect(p >= 0 && p <= 1).toBe(true);
  });

  test("more paths × months than a cell may take is #NUM! saying the limit; a blank risk input is #VALUE!", () => {
    const e = excelError(() => option({ ...RISK, paths: 15_000 }));
    expect([e.code, e.message]).toEqual([
      "#NUM!",
      "CONVERSIONOPTION: paths: at most 1,800,000 paths × months in one CONVERSIONOPTION cell (13,636 paths over 132 months), so that a cell stays well under 2 seconds; got 15,000 × 132",
    ]);
    expect(message("CONVERSIONOPTION", ...argsOf("CONVERSIONOPTION", CONVERSION_ARGS, { ...RISK, seed: null }))).toBe(
      "CONVERSIONOPTION: seed must be a number (it is required, and the argument is blank)",
    );
  });
});

describe("the distribution functions take them after the quantiles", () => {
  test("with every volatility 0, CONVERSIONDIST's mean is CONVERSIONVALUE's and MININGNPVDIST's MININGNPV's, each with the appended inputs", () => {
    const named = { idle_opex_pct: 0.25, fleet_resale_usd_per_th: 3, hashprice_floor_usd_per_ph_day: 30 };
    const dist = table("CONVERSIONDIST", ...argsOf("CONVERSIONDIST", CONVERSION_ARGS, { ...CALM, ...named }));
    const value = num("CONVERSIONVALUE", ...argsOf("CONVERSIONVALUE", CONVERSION_ARGS, named));
    expect(relErr(dist[1][1] as number, value)).toBeLessThan(1e-9);
    expect(relErr(value, floatConversion(named).value)).toBeLessThan(1e-10);
    const mining = table("MININGNPVDIST", ...argsOf("MININGNPVDIST", MINING_ARGS, { ...CALM, stop_for_good: true }));
    expect(relErr(mining[1][1] as number, floatMining({ ...SITE, stop_for_good: true }, 0.12).npv)).toBeLessThan(1e-9);
  });
});
