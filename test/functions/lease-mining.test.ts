import { leaseCashFlowsFn, leaseIrrFn, leaseNpvFn } from "../../src/functions/lease";
import { conversionBreakevenFn, conversionValueFn, mwEconomicsFn } from "../../src/functions/mining";
import { CONVERSION_PARAMS } from "../../src/functions/params";
import { CALLS, CONVERSION_ARGS, MINING_ARGS } from "../support/calls";
import { excelError } from "../support/errors";

const call = (id: string, args: unknown[]) => CALLS[id].fn(...args) as never;


const table = (rows: [string, unknown][]) => rows.map(([k, v]) => [k, v]);

describe("assumptions tables", () => {
  const leaseTable = table([
    ["critical_it_mw", 200],
    ["RATE_USD_PER_KW_MONTH", 150],
    [" term_years ", 15],
    ["discount_rate", 0.1],
    ["escalator", 0.03],
    ["capex_usd_per_mw", 9e6],
    ["", ""],
    ["opex_pct_of_revenue", 0.15],
    ["build_months", 12],
  ]);

  test("a two-column range of names and values gives the same result as positional arguments", () => {
    expect(leaseNpvFn(leaseTable)).toBe(leaseNpvFn([[200]], 150, 15, 0.1, 0.03, 9e6, 0.15, 12));
    expect(leaseNpvFn(leaseTable)).toBe(leaseNpvFn(200 as unknown as unknown[][], 150, 15, 0.1, 0.03, 9e6, 0.15, 12));
  });

  test("names match case-insensitively and blank rows are skipped; omitted optional names take defaults", () => {
    const short = table([["critical_it_mw", 200], ["rate_usd_per_kw_month", 150], ["term_years", 15], ["discount_rate", 0.1]]);
    expect(leaseNpvFn(short)).toBe(leaseNpvFn([[200]], 150, 15, 0.1));
  });

  test("an unknown name is #VALUE! listing the allowed names", () => {
    const e = excelError(() => leaseNpvFn([...leaseTable, ["rent", 5]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      'LEASENPV: assumptions must be a two-column range using only these names: critical_it_mw, rate_usd_per_kw_month, term_years, discount_rate, [escalator], [capex_usd_per_mw], [opex_pct_of_revenue], [build_months]; got "rent" in row 10',
    );
  });

  test("a missing required name, a duplicate, or arguments beside a table are #VALUE!", () => {
    expect(excelError(() => leaseNpvFn(leaseTable.filter(([k]) => k !== "discount_rate"))).message).toMatch(/no value for discount_rate/);
    expect(excelError(() => leaseNpvFn([...leaseTable, ["Escalator", 0.02]])).message).toMatch(/naming each input once; got "escalator" twice/);
    expect(excelError(() => leaseNpvFn(leaseTable, 150)).message).toBe("LEASENPV: rate_usd_per_kw_month must be blank when the first argument is an assumptions table");
    expect(excelError(() => leaseNpvFn(table([["critical_it_mw", "two hundred"], ["rate_usd_per_kw_month", 1], ["term_years", 1], ["discount_rate", 0]]))).message)
      .toBe('LEASENPV: critical_it_mw must be a number; got text "two hundred"');
  });

  test("one site table drives CONVERSIONVALUE, CONVERSIONBREAKEVEN and MWECONOMICS", () => {
    const site = CONVERSION_PARAMS.map((p, i) => [p.name, CONVERSION_ARGS[i]]);
    expect(conversionValueFn(site)).toBe(call("CONVERSIONVALUE", CONVERSION_ARGS));
    expect(conversionBreakevenFn(site)).toBe(call("CONVERSIONBREAKEVEN", CONVERSION_ARGS));
    expect(mwEconomicsFn(site)).toEqual(call("MWECONOMICS", CONVERSION_ARGS));
  });
});

describe("lease functions", () => {
  test("LEASECASHFLOWS: header, month 0 capex, and present values that add up to LEASENPV", () => {
    const rows = leaseCashFlowsFn([[200]], 150, 15, 0.1, 0.03, 9e6, 0.15, 12);
    expect(rows[0]).toEqual(["Month", "Revenue (USD)", "Opex (USD)", "Capex (USD)", "Net cash flow (USD)", "Discount factor", "Present value (USD)"]);
    expect(rows).toHaveLength(1 + 1 + 12 + 180);
    expect(rows[1]).toEqual([0, 0, 0, 1.8e9, -1.8e9, 1, -1.8e9]);
    const sum = rows.slice(1).reduce((s, r) => s + (r[6] as number), 0);
    const npv = leaseNpvFn([[200]], 150, 15, 0.1, 0.03, 9e6, 0.15, 12);
    expect(Math.abs(sum - npv) / 1.8e9).toBeLessThan(1e-12);
  });

  test("LEASEIRR: #NUM! without capex; #VALUE! for a term that is not whole months", () => {
    expect(excelError(() => leaseIrrFn([[200]], 150, 15)).code).toBe("#NUM!");
    const e = excelError(() => leaseNpvFn([[200]], 150, 10.05, 0.1));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^LEASENPV: term_years must be a whole number of months in years/);
  });

  test("LEASEIRR of the NPV's own rate: NPV at the IRR is zero", () => {
    const r = leaseIrrFn([[200]], 150, 15, 0.03, 9e6, 0.15, 12);
    expect(Math.abs(leaseNpvFn([[200]], 150, 15, r, 0.03, 9e6, 0.15, 12)) / 1.8e9).toBeLessThan(1e-10);
  });
});

describe("mining and decision functions", () => {
  test("MININGCASHFLOWS: 13 columns, one row per month, PVs sum to MININGNPV", () => {
    const rows = call("MININGCASHFLOWS", MINING_ARGS) as unknown[][];
    expect(rows[0]).toHaveLength(13);
    expect(rows).toHaveLength(61);
    const sum = rows.slice(1).reduce((s, r) => s + (r[12] as number), 0);
    const npv = call("MININGNPV", MINING_ARGS) as number;
    expect(Math.abs(sum - npv) / Math.abs(npv)).toBeLessThan(1e-12);
  });

  test("MWECONOMICS is a 4×3 table with a header", () => {
    const t = call("MWECONOMICS", CONVERSION_ARGS) as unknown[][];
    expect(t.map((r) => r[0])).toEqual(["Per site MW per year", "Revenue (USD)", "EBITDA (USD)", "EBITDA margin"]);
    expect(t[3][2]).toBeCloseTo(0.85, 12);
  });

  test("CONVERSIONBREAKEVEN: #NUM! when mining earns nothing", () => {
    const args = [...CONVERSION_ARGS];
    args[12] = 0; // uptime
    expect(excelError(() => call("CONVERSIONBREAKEVEN", args)).code).toBe("#NUM!");
  });
});
