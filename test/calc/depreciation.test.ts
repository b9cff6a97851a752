import { Decimal, depreciation, InvalidArgumentError } from "../../src/calc";

/*
 * IRS Publication 946 (How To Depreciate Property), Appendix A, typed in from the publication:
 * Table A-1, 3-, 5-, 7-, 10-, 15- and 20-year property, half-year convention (the 5-, 7- and
 * 15-year columns), and Table A-7a, nonresidential real property, mid-month convention, straight
 * line, 39 years (year 1 by the month placed in service; years 2–39 2.564%; year 40 the rest).
 */
const PUB946_A1: Record<string, number[]> = {
  MACRS5: [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
  MACRS7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  MACRS15: [5.0, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95],
};
const PUB946_A7A_YEAR1 = [2.461, 2.247, 2.033, 1.819, 1.605, 1.391, 1.177, 0.963, 0.749, 0.535, 0.321, 0.107];
const PUB946_A7A_YEAR40 = [0.107, 0.321, 0.535, 0.749, 0.963, 1.177, 1.391, 1.605, 1.819, 2.033, 2.247, 2.461];

/** Publication 946's percentage of a year, as a decimal fraction of the cost (from the typed-in table). */
const pct = (p: number) => new Decimal(String(p)).div(100);
const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.add(x), new Decimal(0));
const COST = 1_234_567.89;

describe("DEPRECIATION follows Publication 946's tables exactly", () => {
  test.each(Object.keys(PUB946_A1))("%s: each year is Table A-1's percentage of the cost, and they sum to the cost exactly", (method) => {
    const rows = depreciation({ cost_usd: COST, method });
    const table = PUB946_A1[method];
    expect(rows.map((r) => r.year)).toEqual(table.map((_, i) => i + 1));
    rows.forEach((r, i) => expect(r.deduction.eq(pct(table[i]).mul(COST))).toBe(true));
    expect(sum(rows.map((r) => r.deduction)).eq(COST)).toBe(true);
    expect(rows[rows.length - 1].remainingBasis.isZero()).toBe(true);
    expect(rows[0].remainingBasis.eq(new Decimal(COST).sub(pct(table[0]).mul(COST)))).toBe(true);
  });

  test("SL39, every month placed in service: Table A-7a's year 1, 2.564% for years 2–39, year 40 the rest; the sum is the cost exactly", () => {
    for (let month = 1; month <= 12; month++) {
      const rows = depreciation({ cost_usd: COST, method: "SL39", placed_in_service_month: month });
      expect(rows).toHaveLength(40);
      expect(rows[0].deduction.eq(pct(PUB946_A7A_YEAR1[month - 1]).mul(COST))).toBe(true);
      for (let y = 2; y <= 39; y++) expect(rows[y - 1].deduction.eq(pct(2.564).mul(COST))).toBe(true);
      expect(rows[39].deduction.eq(pct(PUB946_A7A_YEAR40[month - 1]).mul(COST))).toBe(true);
      expect(sum(rows.map((r) => r.deduction)).eq(COST)).toBe(true);
      expect(rows[39].remainingBasis.isZero()).toBe(true);
    }
  });

  test("SL39's month 1 is close to the exact mid-month fraction 11.5 / 12 / 39 (the table moves 0.004% into year 1)", () => {
    const first = depreciation({ cost_usd: 100, method: "SL39" })[0].deduction.toNumber();
    expect(Math.abs(first - (11.5 / 12 / 39) * 100)).toBeLessThan(0.005);
  });
});

describe("bonus depreciation, straight line and the number of rows", () => {
  test("bonus is deducted in year 1 and the table applies to the rest: 60% bonus on MACRS5", () => {
    const rows = depreciation({ cost_usd: 1000, method: "MACRS5", bonus_pct: 0.6 });
    // 600 bonus, then 400 × (20%, 32%, 19.2%, 11.52%, 11.52%, 5.76%)
    expect(rows.map((r) => r.deduction.toNumber())).toEqual([680, 128, 76.8, 46.08, 46.08, 23.04]);
    expect(sum(rows.map((r) => r.deduction)).eq(1000)).toBe(true);
  });

  test("100% bonus deducts the whole cost in year 1 and nothing after", () => {
    const rows = depreciation({ cost_usd: 5e6, method: "MACRS7", bonus_pct: 1 });
    expect(rows[0].deduction.toNumber()).toBe(5e6);
    expect(rows.slice(1).every((r) => r.deduction.isZero() && r.remainingBasis.isZero())).toBe(true);
  });

  test("SL over 3 years: a third a year, the last year taking the rest, so the sum is the cost exactly", () => {
    const rows = depreciation({ cost_usd: 100, method: "SL", years: 3, bonus_pct: 0.1 });
    expect(rows[0].deduction.toNumber()).toBeCloseTo(10 + 30, 12);
    expect(rows[1].deduction.toNumber()).toBeCloseTo(30, 12);
    expect(sum(rows.map((r) => r.deduction)).eq(100)).toBe(true);
    expect(rows[2].remainingBasis.isZero()).toBe(true);
  });

  test("years shortens the table (the remaining basis shows what is left) or extends it with years of 0", () => {
    const short = depreciation({ cost_usd: 1000, method: "MACRS5", years: 2 });
    expect(short.map((r) => r.remainingBasis.toNumber())).toEqual([800, 480]);
    const long = depreciation({ cost_usd: 1000, method: "MACRS5", years: 10 });
    expect(long).toHaveLength(10);
    expect(long.slice(6).every((r) => r.deduction.isZero() && r.remainingBasis.isZero())).toBe(true);
  });

  test("the method is read in any case; the month is ignored outside SL39", () => {
    const a = depreciation({ cost_usd: 1000, method: "macrs7", placed_in_service_month: 11 });
    const b = depreciation({ cost_usd: 1000, method: "MACRS7" });
    expect(a.map((r) => r.deduction.toString())).toEqual(b.map((r) => r.deduction.toString()));
  });
});

describe("bad inputs name the argument", () => {
  const bad = (args: Parameters<typeof depreciation>[0], argument: string) => {
    let error: unknown;
    try {
      depreciation(args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    return error as InvalidArgumentError;
  };
  test("an unknown method lists the allowed ones", () => {
    expect(bad({ cost_usd: 1, method: "MACRS3" }, "method").message).toMatch(/"MACRS5", "MACRS7", "MACRS15", "SL39" or "SL"/);
  });
  test("a month placed in service of 13 (or 0, or 2.5)", () => {
    bad({ cost_usd: 1, method: "SL39", placed_in_service_month: 13 }, "placed_in_service_month");
    bad({ cost_usd: 1, method: "SL39", placed_in_service_month: 0 }, "placed_in_service_month");
    bad({ cost_usd: 1, method: "SL39", placed_in_service_month: 2.5 }, "placed_in_service_month");
  });
  test("bonus on 39-year property, a bonus above 100%, a negative cost", () => {
    expect(bad({ cost_usd: 1, method: "SL39", bonus_pct: 0.5 }, "bonus_pct").message).toMatch(/20 years or less/);
    bad({ cost_usd: 1, method: "MACRS5", bonus_pct: 1.5 }, "bonus_pct");
    bad({ cost_usd: -1, method: "MACRS5" }, "cost_usd");
  });
  test("SL without years, years of 0 or above 100", () => {
    bad({ cost_usd: 1, method: "SL" }, "years");
    bad({ cost_usd: 1, method: "MACRS5", years: 0 }, "years");
    bad({ cost_usd: 1, method: "MACRS5", years: 101 }, "years");
  });
});
