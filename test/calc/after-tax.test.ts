import { afterTaxCashFlows, AfterTaxInputs, InvalidArgumentError } from "../../src/calc";
import { between, prng } from "../support/rational";

/**
 * Independent float model, written from the definition: group the months into model years (month 0
 * with months 1–12), tax each year's flows (capex added back) less its deduction, and pay the tax in
 * the year's last month present. NOL: a loss carries forward and offsets at most 80% of a later
 * year's taxable income.
 */
function floatAfterTax(flows: number[], deductions: number[], rate: number, nol: boolean, capex: number[], first: number) {
  const months = flows.map((_, k) => first + k);
  const yearOf = (m: number) => (m <= 12 ? 1 : Math.ceil(m / 12));
  const income = new Map<number, number>();
  const lastIndex = new Map<number, number>();
  months.forEach((m, k) => {
    income.set(yearOf(m), (income.get(yearOf(m)) ?? 0) + flows[k] + capex[k]);
    lastIndex.set(yearOf(m), k);
  });
  const tax = flows.map(() => 0);
  const carriedAtYearEnd = new Map<number, number>(); // month index of a year end → NOL left
  let carried = 0;
  for (const [year, k] of [...lastIndex.entries()].sort((a, b) => a[0] - b[0])) {
    const taxable = (income.get(year) ?? 0) - (deductions[year - 1] ?? 0);
    if (!nol) tax[k] = rate * taxable;
    else if (taxable < 0) carried -= taxable;
    else {
      const used = Math.min(carried, 0.8 * taxable);
      carried -= used;
      tax[k] = rate * (taxable - used);
    }
    carriedAtYearEnd.set(k, carried);
  }
  // the balance changes at year ends and holds between them
  const loss: number[] = [];
  flows.forEach((_, k) => loss.push(carriedAtYearEnd.get(k) ?? (k > 0 ? loss[k - 1] : 0)));
  return { tax, afterTax: flows.map((f, k) => f - tax[k]), loss };
}

const num = (x: { toNumber(): number }) => x.toNumber();

describe("AFTERTAXCASHFLOWS against a float re-derivation", () => {
  test.each([
    ["GROUP", false],
    ["NOL", true],
  ])("%s: 120 random projects (losses and profits, month 0 or 1 first, capex added back) agree to 1e-9", (treatment, nol) => {
    const rand = prng(nol ? 23 : 32);
    for (let c = 0; c < 120; c++) {
      const n = 1 + Math.floor(rand() * 70);
      const first = c % 2;
      const flows = Array.from({ length: n }, () => (rand() < 0.35 ? -1 : 1) * between(rand, 1e3, 1e6));
      const capex = flows.map((f) => (f < 0 && rand() < 0.5 ? -f : 0));
      const years = first + n - 1 <= 12 ? 1 : Math.ceil((first + n - 1) / 12);
      const deductions = Array.from({ length: 1 + Math.floor(rand() * years) }, () => between(rand, 1e3, 2e6));
      const rate = between(rand, 0.05, 0.4, false);
      const want = floatAfterTax(flows, deductions, rate, nol, capex, first);
      const got = afterTaxCashFlows({ cash_flows: flows, depreciation: deductions, tax_rate: rate, loss_treatment: treatment, capex, first_month: first });
      expect(got.map((r) => r.month)).toEqual(flows.map((_, k) => first + k));
      const scale = 1e6 * n;
      got.forEach((r, k) => {
        expect(num(r.preTax)).toBe(flows[k]);
        expect(Math.abs(num(r.tax) - want.tax[k])).toBeLessThan(1e-9 * scale);
        expect(Math.abs(num(r.afterTax) - want.afterTax[k])).toBeLessThan(1e-9 * scale);
        expect(Math.abs(num(r.lossCarriedForward) - want.loss[k])).toBeLessThan(1e-9 * scale);
      });
    }
  });
});

describe("what is taxed, and when", () => {
  // Three years: a $1,000 loss, then $1,000 of income twice (a flow in each year's month 6), 21%.
  const flows = Array.from({ length: 36 }, (_, k) => (k === 5 ? -1000 : k === 17 || k === 29 ? 1000 : 0));
  const run = (loss_treatment?: string) => afterTaxCashFlows({ cash_flows: flows, depreciation: [0], tax_rate: 0.21, loss_treatment });

  test("GROUP (the default): the loss is a $210 saving in month 12; later years pay $210 each", () => {
    const rows = run();
    expect(rows.filter((r) => !r.tax.isZero()).map((r) => [r.month, num(r.tax)])).toEqual([
      [12, -210],
      [24, 210],
      [36, 210],
    ]);
    expect(num(rows[11].afterTax)).toBe(210);
    expect(rows.every((r) => r.lossCarriedForward.isZero())).toBe(true);
  });

  test("NOL: the loss offsets 80% of year 2 ($800, tax $42) and the last $200 in year 3 (tax $168)", () => {
    const rows = run("NOL");
    expect(rows.filter((r) => !r.tax.isZero()).map((r) => [r.month, num(r.tax)])).toEqual([
      [24, 42],
      [36, 168],
    ]);
    expect(num(rows[11].lossCarriedForward)).toBe(1000);
    expect(num(rows[12].lossCarriedForward)).toBe(1000); // held until the next year end
    expect(num(rows[23].lossCarriedForward)).toBe(200);
    expect(num(rows[35].lossCarriedForward)).toBe(0);
  });

  test("capex is added back and recovered through depreciation; month 0 falls in year 1", () => {
    // month 0: −$1,200 of capex; months 1–12: $100 a month; year 1 deducts $240 (MACRS5's 20%)
    const rows = afterTaxCashFlows({
      cash_flows: [-1200, ...new Array(12).fill(100)],
      capex: [1200, ...new Array(12).fill(0)],
      depreciation: [240],
      tax_rate: 0.25,
      first_month: 0,
    });
    expect(rows).toHaveLength(13);
    expect(num(rows[12].tax)).toBe(0.25 * (1200 - 240));
  });

  test("a short final year is taxed in the flows' last month", () => {
    const rows = afterTaxCashFlows({ cash_flows: new Array(15).fill(100), depreciation: [0], tax_rate: 0.2 });
    expect(rows.filter((r) => !r.tax.isZero()).map((r) => [r.month, num(r.tax)])).toEqual([
      [12, 240],
      [15, 60],
    ]);
  });
});

describe("bad inputs name the argument", () => {
  const argumentOf = (i: AfterTaxInputs) => {
    try {
      afterTaxCashFlows(i);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      return e as InvalidArgumentError;
    }
    throw new Error("no error");
  };
  const ok = { cash_flows: new Array(24).fill(1), depreciation: [1, 1], tax_rate: 0.21 };

  test("a negative tax rate, an unknown loss treatment, a negative deduction", () => {
    expect(argumentOf({ ...ok, tax_rate: -0.21 }).argument).toBe("tax_rate");
    expect(argumentOf({ ...ok, loss_treatment: "CARRYBACK" }).message).toMatch(/"GROUP" or "NOL"/);
    expect(argumentOf({ ...ok, depreciation: [1, -1] }).message).toMatch(/depreciation.*row 2/);
  });

  test("more deduction years than the flows cover, and a capex column of another length, give both lengths", () => {
    const longer = argumentOf({ ...ok, depreciation: [1, 1, 1] });
    expect(longer.argument).toBe("depreciation");
    expect(longer.message).toMatch(/24 months from month 1 make 2 years.*got 3 years/);
    const capex = argumentOf({ ...ok, capex: [0, 0] });
    expect(capex.argument).toBe("capex");
    expect(capex.message).toMatch(/24 values.*got a column of 2 values/);
  });

  test("no flows at all", () => {
    expect(argumentOf({ ...ok, cash_flows: [] }).argument).toBe("cash_flows");
  });
});
