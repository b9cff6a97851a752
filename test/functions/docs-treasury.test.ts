/*
 * The treasury worked example (docs/examples.md, "The forced seller, and the miner with a lease"),
 * every number in it rebuilt through the Excel functions a reader would use: MININGCASHFLOWS' BTC
 * mined and cash costs (revenue less net cash flow, read by column heading) and LEASECASHFLOWS'
 * net cash flow fed to TREASURYCASHFLOWS. The numbers are read from the guide, so the text cannot
 * drift from the functions.
 */
import * as fs from "fs";
import * as path from "path";
import * as mining from "../../src/functions/mining";
import * as lease from "../../src/functions/lease";
import * as treasury from "../../src/functions/treasury";
import * as debtAndTax from "../../src/functions/tax-and-debt";
import { TREASURY_SCHEDULE_HEADER } from "../../src/functions/treasury";

type Table = (string | number)[][];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes any value
const call = (fn: unknown, ...args: unknown[]) => (fn as (...a: unknown[]) => any)(...args) as Table;

const GUIDE = fs.readFileSync(path.resolve(__dirname, "../../docs/examples.md"), "utf8");
const SECTION = GUIDE.slice(GUIDE.indexOf("## The forced seller, and the miner with a lease"));

/** A column of a function's table by its heading, months 1.. (the header row dropped). */
function column(table: Table, heading: string): number[] {
  const k = table[0].indexOf(heading);
  expect(table[0]).toContain(heading);
  return table.slice(1).map((r) => r[k] as number);
}
const asColumn = (xs: number[]) => xs.map((x) => [x]);

// The example's formulas, as the guide writes them.
const schedule = call(mining.miningCashFlowsFn, 100, 17.5, 1.1, 0.045, 91000, 1.52e14, 925000, 36, 0.12, 0.036, 0.02, 0.95, 0.02, 0.01, 15000, 15, 48);
const btcMined = column(schedule, "BTC mined");
const revenue = column(schedule, "Revenue (USD)");
const cashCosts = column(schedule, "Net cash flow (USD)").map((net, i) => revenue[i] - net);
const leaseNet = column(call(lease.leaseCashFlowsFn, 40, 150, 3, 0.12, 0.03, 0, 0.15, 0), "Net cash flow (USD)").slice(1); // months 1-36
/** The lease's build debt as the guide states it: the payment it passes to TREASURYCASHFLOWS. */
const debtService = Number(/"HOLD", 0\.01, Lease_Income, ([\d.]+)\)/.exec(SECTION)![1]);
const run = (other?: number[], debt?: number) =>
  call(treasury.treasuryCashFlowsFn, 20e6, 0, 36, asColumn(btcMined), 91000, asColumn(cashCosts), "HOLD", 0.01, other ? asColumn(other) : null, debt ?? null).slice(1);
const ways = { "mining only": run(), "with the lease, its build paid": run(leaseNet), "with the lease and its build debt": run(leaseNet, debtService) };

const col = (key: string) => TREASURY_SCHEDULE_HEADER.indexOf(key);
const total = (rows: Table, key: string) => rows.reduce((s, r) => s + (r[col(key)] as number), 0);
const month = (rows: Table, m: number, key: string) => rows[m - 1][col(key)] as number;

/** What each row of the guide's table says, computed. */
const ROWS: Record<string, (rows: Table) => number | string> = {
  "month cash runs out (first forced sale)": (rows) => {
    const i = rows.findIndex((r) => (r[col("BTC sold beyond policy (forced)")] as number) > 0);
    return i < 0 ? "never" : i + 1;
  },
  "BTC sold in month 5": (rows) => month(rows, 5, "BTC sold"),
  "BTC sold in month 30 (fleet off)": (rows) => month(rows, 30, "BTC sold"),
  "BTC mined": (rows) => total(rows, "BTC mined"),
  "BTC sold beyond the policy (forced)": (rows) => total(rows, "BTC sold beyond policy (forced)"),
  "sold / mined (liquidation-to-production ratio)": (rows) => total(rows, "BTC sold") / total(rows, "BTC mined"),
  "BTC held after 36 months": (rows) => month(rows, 36, "BTC held"),
  "cash after 36 months": (rows) => month(rows, 36, "Cash (USD)"),
};

/** "1,153.31", "$64,661,330", "85%", "never": the value and half a unit of its last digit. */
function stated(text: string): { value: number | string; tolerance: number } {
  if (text === "never") return { value: text, tolerance: 0 };
  const m = /^\$?([\d,]+)(?:\.(\d+))?(%)?$/.exec(text);
  if (!m) throw new Error(`cannot read ${text}`);
  const scale = m[3] ? 0.01 : 1;
  const digits = (m[2] ?? "").length;
  return { value: Number(`${m[1].replace(/,/g, "")}.${m[2] ?? "0"}`) * scale, tolerance: 0.5 * 10 ** -digits * scale };
}

test("the guide's table: every row is what TREASURYCASHFLOWS gives, mining only and with the lease", () => {
  const lines = SECTION.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| HOLD"));
  const rows = lines.map((l) => l.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, "").trim()));
  expect(rows.map(([label]) => label)).toEqual(Object.keys(ROWS));
  for (const [label, ...values] of rows) {
    Object.values(ways).forEach((schedule, k) => {
      const want = stated(values[k]);
      const got = ROWS[label](schedule);
      if (typeof want.value === "string") expect([label, k, got]).toEqual([label, k, want.value]);
      else expect(got).toBeNear(want.value, { abs: want.tolerance, label: `${label}, column ${k + 1}` });
    });
  }
});

test("the prose: $4,620,750 a month of cash costs while the fleet runs, 4.33 months of runway, off from month 30, $5,100,000 of lease income in year 1", () => {
  const costs = /runs at \$([\d,]+) a month of cash costs/.exec(SECTION)![1];
  expect(cashCosts[0]).toBe(Number(costs.replace(/,/g, "")));
  expect(cashCosts[0]).toBe(100 * 1000 * 730 * 0.95 * 0.045 + 1_500_000);
  expect(call(treasury.runwayMonthsFn, 20e6, cashCosts[0]) as unknown as number).toBeCloseTo(4.33, 2);
  expect(SECTION).toMatch(/RUNWAYMONTHS\(20E6, 4620750\)` is 4\.33 months/);
  // The halving falls in month 29; the fleet mines nothing from month 30.
  expect(column(schedule, "Subsidy (BTC/block)").findIndex((s) => s < 3.125) + 1).toBe(29);
  expect(btcMined.findIndex((b) => b === 0) + 1).toBe(30);
  expect(btcMined.slice(29).every((b) => b === 0)).toBe(true);
  expect(SECTION).toMatch(/switched off\s+from month 30/);
  const rent = /so\s+\$([\d,]+) a month of net lease income in\s+year 1/.exec(SECTION)![1];
  expect(leaseNet[0]).toBe(Number(rent.replace(/,/g, "")));
  expect(leaseNet[0]).toBe(40 * 1000 * 150 * 0.85);
  expect(leaseNet).toHaveLength(36);
});

test("the lease's build debt: 85% of $360M at 8% compounded monthly over 10 years is $3,712,624 a month, the payment passed as debt_service; year 1's NOI less it is $1.39M a month", () => {
  const rate = (1 + 0.08 / 12) ** 12 - 1;
  expect(SECTION).toContain(`(${rate.toFixed(10)} annual effective)`);
  const loan = call(debtAndTax.loanScheduleFn, 0.85 * 40 * 9e6, Number(rate.toFixed(10)), 120);
  const payment = loan[1][loan[0].indexOf("Payment (USD)")] as number;
  expect(/the \$306M loan costs \$([\d,]+)\s+a month/.exec(SECTION)![1]).toBe(Math.round(payment).toLocaleString("en-US"));
  expect(debtService).toBeNear(payment, { abs: 0.005 });
  const left = /less \$([\d.]+)M of debt service, leaves \$([\d.]+)M a\s+month/.exec(SECTION)!;
  expect([Number(left[1]), Number(left[2])]).toEqual([Number((payment / 1e6).toFixed(2)), Number(((leaseNet[0] - payment) / 1e6).toFixed(2))]);
  // It sells in months 7 to 29, nothing from month 30.
  const sold = ways["with the lease and its build debt"].map((r) => r[col("BTC sold")] as number);
  expect(sold.map((x, k) => (x > 0 ? k + 1 : 0)).filter((m) => m > 0)).toEqual(Array.from({ length: 23 }, (_, i) => i + 7));
  expect(SECTION).toMatch(/sells in\s+every month from 7 to 29; from month 30/);
});
