import DecimalJs from "decimal.js";
import { Decimal } from "../../src/calc/decimal";
import { monthlyDiscountFactor, monthlyGrowth } from "../../src/calc/discounting";
import { prng } from "../support/rational";

/** An independent 80-digit decimal.js (its own ln/exp power), rounded to 40 digits as the module rounds. */
const Ref = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_EVEN });
const twelfthRoot40 = (x: Decimal) =>
  new Ref(x.toString()).pow(new Ref(1).div(12)).toSignificantDigits(40, DecimalJs.ROUND_HALF_EVEN).toString();

describe("monthly discounting's twelfth root", () => {
  test("(1 + r)^(1/12) is the correctly rounded 40-digit root on 2,000 values of 1 + r from 1e-300 to 1e300, beyond a double's range and subnormal, r = 0 included", () => {
    const rand = prng(12);
    // 1 + r itself, built in decimal: a double -1 + 1e-300 is exactly -1.
    const xs = ["1", "1.000000000000000001", "0.999999999999999999", "1.1", "1.12", "0.5", "1e300", "1e-300", "1e-320", "4e-324", "1e-400", "1e310", "1e500"].map(
      (x) => new Decimal(x),
    );
    for (let i = 0; i < 2_000; i++) {
      const u = rand();
      const kind = i % 4;
      xs.push(
        kind === 0
          ? new Decimal(1 + u)
          : kind === 1
            ? new Decimal(1).add((u - 0.5) * 10 ** (-15 * rand()))
            : kind === 2
              ? new Decimal(10).pow(-330 * u) // down to 1e-330: subnormal doubles and below
              : new Decimal(10).pow(330 * u),
      );
    }
    const wrong = xs.filter((x) => !monthlyGrowth(x).eq(twelfthRoot40(x))).map((x) => x.toString());
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
