import { irr, NoAnswerError, npv, xirr, xnpv } from "../../src/calc";
import { prng, Q, relErr } from "../support/rational";

/** Excel date serial (days since 1899-12-30) of a UTC calendar date. */
const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

describe("Microsoft's documented examples (the NPV, XNPV, IRR and XIRR help pages on support.microsoft.com)", () => {
  test("NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44", () => {
    expect(npv(0.1, [-10000, 3000, 4200, 6800]).toDecimalPlaces(2).toNumber()).toBe(1188.44);
  });
  test("NPV(8%, 8000, 9200, 10000, 12000, 14500) - 40000 = 1,922.06", () => {
    expect(npv(0.08, [8000, 9200, 10000, 12000, 14500]).sub(40000).toDecimalPlaces(2).toNumber()).toBe(1922.06);
  });
  test("NPV(8%, 8000, 9200, 10000, 12000, 14500, -9000) - 40000 = -3,749.47", () => {
    expect(npv(0.08, [8000, 9200, 10000, 12000, 14500, -9000]).sub(40000).toDecimalPlaces(2).toNumber()).toBe(-3749.47);
  });

  const values = [-10000, 2750, 4250, 3250, 2750];
  const dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"].map(serial);
  test("XNPV(9%, ...) = 2,086.65 (2086.6476)", () => {
    expect(dates[0]).toBe(39448);
    expect(xnpv(0.09, values, dates).toDecimalPlaces(4).toNumber()).toBe(2086.6476);
  });
  test("XIRR(...) = 0.373362535, Excel's value to its own 1e-8 tolerance; the exact root to 1e-15", () => {
    const r = xirr(values, dates).toNumber();
    // Excel stops within 0.000001% (1e-8); the exact root (50-digit bisection) is 0.3733625335188315...
    expect(Math.abs(r - 0.373362535)).toBeLessThan(1e-8);
    expect(Math.abs(r - 0.3733625335188315)).toBeLessThan(1e-15);
  });

  test("IRR({-70000, 12000, 15000, 18000, 21000}) = -2.1% (-0.0212448)", () => {
    expect(Math.abs(irr([-70000, 12000, 15000, 18000, 21000]).toNumber() - -0.0212448)).toBeLessThan(5e-8);
  });
  test("IRR({... , 26000}) = 8.7% (0.0866309)", () => {
    expect(Math.abs(irr([-70000, 12000, 15000, 18000, 21000, 26000]).toNumber() - 0.0866309)).toBeLessThan(5e-8);
  });
  test("IRR({-70000, 12000, 15000}, -10%) = -44.4% (-0.4435069)", () => {
    expect(Math.abs(irr([-70000, 12000, 15000], -0.1).toNumber() - -0.4435069)).toBeLessThan(5e-8);
  });
  test("a series with no real rate of return (-100, 300, -250) is no answer, not a number", () => {
    expect(() => irr([-100, 300, -250])).toThrow(NoAnswerError);
  });
});

describe("Excel's rules", () => {
  test("XNPV/XIRR: a date before the first, or unequal lengths, is no answer", () => {
    expect(() => xnpv(0.1, [-1, 2], [40000, 39999])).toThrow(NoAnswerError);
    expect(() => xnpv(0.1, [-1, 2, 3], [40000, 40001])).toThrow(NoAnswerError);
    expect(() => xirr([-1, 2], [40000, 39999])).toThrow(NoAnswerError);
  });
  test("XNPV truncates dates to whole days", () => {
    expect(xnpv(0.1, [-100, 110], [40000.9, 40365.2]).toString()).toBe(xnpv(0.1, [-100, 110], [40000, 40365]).toString());
  });
  test("IRR needs a positive and a negative value", () => {
    expect(() => irr([100, 200])).toThrow(/at least one positive and one negative/);
    expect(() => irr([-100, 0])).toThrow(NoAnswerError);
  });
  test("a rate of -100% or less is refused", () => {
    expect(() => npv(-1, [1])).toThrow(/rate must be a rate greater than -1/);
  });
});

/** Exact NPV at a rational rate, for checking roots: Σ v_i / (1 + r)^i. */
function exactNpv(rate: number, v: number[]): Q {
  const x = Q.of(1).div(Q.of(1).add(rate));
  let acc = Q.of(0);
  for (let i = v.length - 1; i >= 0; i--) acc = acc.add(v[i]).mul(x);
  return acc;
}

describe("series that are hard for a solver", () => {
  test("30-year monthly lease-like series of $1e9 flows: IRR sets NPV to zero", () => {
    const v = [-9e9, ...Array.from({ length: 360 }, (_, m) => 1e9 * 0.02 * 1.03 ** Math.floor(m / 12))];
    const r = irr(v).toNumber();
    expect(r).toBeGreaterThan(0);
    // the NPV changes sign within ±1e-12 of the root
    const npvAt = (x: number) => npv(x, v.slice(1)).add(v[0]).toNumber();
    expect(Math.sign(npvAt(r - 1e-12))).not.toBe(Math.sign(npvAt(r + 1e-12)));
  });

  test("rates near zero keep full relative precision", () => {
    // -1000 then 1000.000001: the IRR is 1e-9 exactly
    const r = irr([-1000, 1000.000001]).toNumber();
    expect(relErr(r, 1e-9)).toBeLessThan(1e-6);
    const r2 = irr([-1e9, 1e9 + 1e-3]).toNumber();
    expect(relErr(r2, 1e-12)).toBeLessThan(1e-3);
  });

  test("rates near -100%", () => {
    // -1 then 1e-6 one period later: 1 + r = 1e-6
    expect(relErr(irr([-1, 1e-6]).toNumber(), -0.999999)).toBeLessThan(1e-12);
    // a long series at -99%: -1 now, 1e-240 after 120 periods: (1 + r)^120 = 1e-240, still found, no overflow
    const v = [-1, ...Array.from({ length: 119 }, () => 0), 1e-240];
    expect(relErr(irr(v).toNumber(), -0.99)).toBeLessThan(1e-12);
  });

  test("several sign changes: every root is a root, and the one nearest the guess is chosen", () => {
    // NPV × (1+r)^3 = −(x − 1.1)(x − 1.3)(x − 1.5) with x = 1 + r: roots 10%, 30%, 50%
    const v = [-1, 3.9, -5.03, 2.145];
    expect(irr(v, 0.1).toNumber()).toBeCloseTo(0.1, 12);
    expect(irr(v, 0.29).toNumber()).toBeCloseTo(0.3, 12);
    expect(irr(v, 0.6).toNumber()).toBeCloseTo(0.5, 12);
  });

  test("random series: IRR sets the exact NPV to zero (sign change across ±1e-12 relative)", () => {
    const rand = prng(11);
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      const len = 2 + Math.floor(rand() * 60);
      const v = [-(1 + rand() * 1e6), ...Array.from({ length: len }, () => Number(((rand() - 0.2) * 1e5).toFixed(2)))];
      let r: number;
      try {
        r = irr(v).toNumber();
      } catch (e) {
        expect(e).toBeInstanceOf(NoAnswerError);
        continue;
      }
      const eps = Math.max(1, Math.abs(r)) * 1e-12;
      const a = exactNpv(r - eps, v.slice(1)).add(v[0]);
      const b = exactNpv(r + eps, v.slice(1)).add(v[0]);
      expect(a.n === 0n || b.n === 0n || (a.n < 0n) !== (b.n < 0n)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  test("XIRR on a monthly 30-year schedule agrees with IRR annualised", () => {
    // Equal 365/12-day months are not whole days, so use IRR on yearly flows with 365-day years.
    const v = [-5000, ...Array.from({ length: 30 }, (_, y) => 400 * 1.02 ** y)];
    const d = v.map((_, i) => 40000 + 365 * i);
    expect(xirr(v, d).toNumber()).toBeCloseTo(irr(v).toNumber(), 12);
  });
});

test("IRR searches up to the 1,000,000% its error message promises: a root at 999,900.000000001% is found", () => {
  expect(irr([-1, 10000.000000000011, 0]).toNumber()).toBeCloseTo(9999, 9);
  expect(() => irr([-1, 10002])).toThrow(/between −100% and 1,000,000%/);
});
