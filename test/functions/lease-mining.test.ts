import * as lease from "../../src/functions/lease";
import { CALLS, CONVERSION_ARGS, Fn, MINING_ARGS } from "../support/calls";
import { excelError } from "../support/errors";

const call = (id: string, args: unknown[]) => CALLS[id].fn(...args) as never;
const leaseNpvFn = lease.leaseNpvFn as Fn as (...args: unknown[]) => number;
const leaseIrrFn = lease.leaseIrrFn as Fn as (...args: unknown[]) => number;
const leaseCashFlowsFn = lease.leaseCashFlowsFn as Fn as (...args: unknown[]) => (string | number)[][];


describe("lease functions", () => {
  test("LEASECASHFLOWS: header, month 0 capex, and present values that add up to LEASENPV", () => {
    const rows = leaseCashFlowsFn([[200]], 150, 15, 0.1, 0.03, 9e6, 0.15, 12);
    expect(rows[0]).toEqual(["Month", "Revenue (USD)", "Opex (USD)", "Capex (USD)", "Terminal value (USD)", "Net cash flow (USD)", "Discount factor", "Present value (USD)"]);
    expect(rows).toHaveLength(1 + 1 + 12 + 180);
    expect(rows[1]).toEqual([0, 0, 0, 1.8e9, 0, -1.8e9, 1, -1.8e9]);
    const sum = rows.slice(1).reduce((s, r) => s + (r[7] as number), 0);
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
  test("MININGCASHFLOWS: 16 columns, one row per month, PVs sum to MININGNPV", () => {
    const rows = call("MININGCASHFLOWS", MINING_ARGS) as unknown[][];
    expect(rows[0]).toHaveLength(16);
    expect(rows).toHaveLength(61);
    const sum = rows.slice(1).reduce((s, r) => s + (r[15] as number), 0);
    const npv = call("MININGNPV", MINING_ARGS) as number;
    expect(Math.abs(sum - npv) / Math.abs(npv)).toBeLessThan(1e-12);
  });

  test("MWECONOMICS is a 4×4 table under a header: mining, colocation lease and GPU cloud (n/a without its inputs)", () => {
    const t = call("MWECONOMICS", CONVERSION_ARGS) as unknown[][];
    expect(t.map((r) => r[0])).toEqual(["Per site MW", "Revenue per MW-year (USD)", "EBITDA per MW-year (USD)", "EBITDA margin", "Capital per MW (USD)"]);
    expect(t[0]).toEqual(["Per site MW", "Mining", "Colocation lease", "GPU cloud"]);
    expect(t[3][2]).toBeCloseTo(0.85, 12);
    expect(t.slice(1).map((r) => r[3])).toEqual(["n/a", "n/a", "n/a", "n/a"]);
  });

  test("CONVERSIONBREAKEVEN: #NUM! when mining earns nothing", () => {
    const args = [...CONVERSION_ARGS];
    args[12] = 0; // uptime
    expect(excelError(() => call("CONVERSIONBREAKEVEN", args)).code).toBe("#NUM!");
  });
});
