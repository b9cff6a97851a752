import DecimalJs from "decimal.js";
import { Decimal } from "../../src/calc/decimal";
import { monthlyDiscountFactor, monthlyGrowth } from "../../src/calc/discounting";
import { prng } from "../support/rational";

/** An independent 80-digit decimal.js (its own ln/exp power), rounded to 40 digits as the module rounds. */
const Ref = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_EVEN });
const twelfthRoot40 = (x: Decimal) =>
  new Ref(x.toString()).pow(new Ref(1).div(12)).toSignificantDigits(40, DecimalJs.ROUND_HALF_EVEN).toString();

describe("monthly discounting's twelfth root", () => {
  test("(1 + r)^(1/12) is the correctly rounded 40-digit root on 2,000 rates from -1 + 1e-300 to 1e300, r = 0 included", () => {
    const rand = prng(12);
    const rates = [0, 1e-18, -1e-18, 0.1, 0.12, -0.5, 1e300, -1 + 1e-300];
    for (let i = 0; i < 2_000; i++) {
      const u = rand();
      const kind = i % 4;
      rates.push(
        kind === 0 ? u : kind === 1 ? (u - 0.5) * 10 ** (-15 * rand()) : kind === 2 ? -1 + 10 ** (-300 * u) : 10 ** (300 * u),
      );
    }
    const wrong = rates.filter((r) => !monthlyGrowth(new Decimal(1).add(r)).eq(twelfthRoot40(new Decimal(1).add(r))));
    expect(wrong).toEqual([]);
  });

  test("the monthly factor is 1 / that root; twelve of them discount by 1 / (1 + r) to 1e-38", () => {
    const v = monthlyDiscountFactor(0.12);
    expect(v.eq(new Decimal(1).div(twelfthRoot40(new Decimal(1.12))))).toBe(true);
    expect(v.pow(12).mul(1.12).sub(1).abs().toNumber()).toBeLessThan(1e-38);
    expect(monthlyDiscountFactor(0).eq(1)).toBe(true);
    expect(() => monthlyDiscountFactor(-1)).toThrow(/discount_rate must be/);
  });
});
