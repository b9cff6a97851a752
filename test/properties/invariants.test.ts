/* The field's invariants, over random inputs (fast-check). */
import fc from "fast-check";
import {
  breakevenPowerPrice,
  cashCostPerBtc,
  Decimal,
  hashpriceUsdPerPhDay,
  irr,
  leaseCashFlows,
  leaseIrr,
  leaseNpv,
  miningCashFlows,
  miningNpv,
  NoAnswerError,
  npv,
  subsidySats,
} from "../../src/calc";

const price = fc.double({ min: 1_000, max: 1_000_000, noNaN: true });
const powerPrice = fc.double({ min: 0.001, max: 0.3, noNaN: true });
const efficiency = fc.double({ min: 5, max: 120, noNaN: true });
const difficulty = fc.double({ min: 1e12, max: 1e16, noNaN: true });
const fees = fc.double({ min: 0, max: 2, noNaN: true });
const poolFee = fc.double({ min: 0, max: 0.1, noNaN: true });
const opex = fc.double({ min: 0, max: 0.01, noNaN: true });
const factor = fc.double({ min: 1.0001, max: 10, noNaN: true });

test("cost per BTC rises with power price, efficiency (J/TH) and difficulty", () => {
  fc.assert(
    fc.property(powerPrice, efficiency, difficulty, fees, poolFee, opex, factor, (p, e, d, f, pf, o, k) => {
      const base = cashCostPerBtc(p, e, d, f, pf, o);
      return cashCostPerBtc(p * k, e, d, f, pf, o).gt(base) && cashCostPerBtc(p, e * k, d, f, pf, o).gt(base) && cashCostPerBtc(p, e, d * k, f, pf, o).gt(base);
    }),
  );
});

test("hashprice is linear in price and inverse in difficulty", () => {
  fc.assert(
    fc.property(price, difficulty, fees, factor, (p, d, f, k) => {
      const base = hashpriceUsdPerPhDay(p, d, f);
      const kp = hashpriceUsdPerPhDay(new Decimal(p).mul(k), d, f);
      const kd = hashpriceUsdPerPhDay(p, new Decimal(d).mul(k), f);
      return kp.div(base).sub(k).abs().lt(1e-30) && kd.mul(k).div(base).sub(1).abs().lt(1e-30);
    }),
  );
});

test("the breakeven power price gives a zero cash margin", () => {
  fc.assert(
    fc.property(price, efficiency, difficulty, fees, poolFee, opex, (p, e, d, f, pf, o) => {
      let be: Decimal;
      try {
        be = breakevenPowerPrice(p, e, d, f, pf, o);
      } catch (err) {
        return err instanceof NoAnswerError;
      }
      return cashCostPerBtc(be, e, d, f, pf, o).div(p).sub(1).abs().lt(1e-25);
    }),
  );
});

const flows = fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 60 });
const rate = fc.double({ min: -0.5, max: 2, noNaN: true });

test("NPV of non-negative returns falls as the discount rate rises", () => {
  // Returns of 0 or at least 1, rates at least 1e-6 apart: differences the 40-digit arithmetic
  // resolves (5e-324 beside -1 is below any fixed precision).
  const returns = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 60 });
  fc.assert(
    fc.property(returns, rate, rate, (returns, r1, r2) => {
      fc.pre(Math.abs(r1 - r2) > 1e-6);
      fc.pre(returns.some((x) => x > 0));
      const [lo, hi] = r1 < r2 ? [r1, r2] : [r2, r1];
      return npv(hi, returns).lt(npv(lo, returns));
    }),
  );
});

test("IRR sets the NPV to zero: the exact NPV changes sign across it; returns worth a hundredth of the outlay always have one", () => {
  let checked = 0;
  fc.assert(
    fc.property(flows, fc.double({ min: 1, max: 1e9, noNaN: true }), (returns, outlay) => {
      const series = [-outlay, ...returns];
      let r: Decimal;
      try {
        r = irr(series);
      } catch (err) {
        // A root exists whenever some return is positive, but it may sit too close to -100% to
        // confirm, or above 1,000,000%; returns of 1% to 1,000× the outlay put it well inside (IRR < total/outlay − 1).
        const total = returns.reduce((s, x) => s + x, 0);
        return err instanceof NoAnswerError && (total < outlay / 100 || total > outlay * 1000);
      }
      checked++;
      // near -100% the NPV is too steep for a small |NPV| test; a sign change just either side is the claim
      const at = (x: Decimal) => npv(x, series.slice(1)).add(series[0]);
      const eps = Math.max(1, Math.abs(r.toNumber())) * 1e-12; // a root as precise as doubles allow, relative for large rates
      const lo = at(r.sub(eps));
      const hi = at(r.add(eps));
      return lo.isZero() || hi.isZero() || lo.isNeg() !== hi.isNeg();
    }),
    { numRuns: 300 },
  );
  expect(checked).toBeGreaterThan(100);
});

/** Excel's NPV of monthly flows at an annual effective rate: month 0 undiscounted, then NPV((1 + r)^(1/12) − 1, ...). */
function excelMonthlyNpv(nets: Decimal[], annualRate: number): Decimal {
  const monthly = new Decimal(1).add(annualRate).pow(new Decimal(1).div(12)).sub(1);
  return nets[0].add(nets.length > 1 ? npv(monthly, nets.slice(1)) : 0);
}
const sameMoney = (a: Decimal, b: Decimal) => a.sub(b).abs().lte(b.abs().mul(1e-25).add(1e-20));

const lease = fc.record({
  critical_it_mw: fc.double({ min: 1, max: 500, noNaN: true }),
  rate_usd_per_kw_month: fc.double({ min: 50, max: 300, noNaN: true }),
  term_years: fc.integer({ min: 1, max: 30 }),
  escalator: fc.double({ min: 0, max: 0.05, noNaN: true }),
  capex_usd_per_mw: fc.double({ min: 1e6, max: 12e6, noNaN: true }),
  opex_pct_of_revenue: fc.double({ min: 0, max: 0.4, noNaN: true }),
  build_months: fc.integer({ min: 0, max: 24 }),
});

test("a lease's NPV is Excel's monthly NPV of its cash flows, and the IRR zeroes it", () => {
  fc.assert(
    fc.property(lease, fc.double({ min: 0, max: 0.3, noNaN: true }), (terms, r) => {
      if (!sameMoney(leaseNpv(terms, r), excelMonthlyNpv(leaseCashFlows(terms).map((row) => row.net), r))) return false;
      try {
        const x = leaseIrr(terms);
        return leaseNpv(terms, x).abs().div(terms.capex_usd_per_mw * terms.critical_it_mw).lt(1e-9);
      } catch (err) {
        return err instanceof NoAnswerError;
      }
    }),
    { numRuns: 60 },
  );
});

test("a mining plan's NPV is Excel's monthly NPV of its cash flows", () => {
  fc.assert(
    fc.property(
      fc.record({
        site_mw: fc.double({ min: 1, max: 500, noNaN: true }),
        efficiency_j_th: efficiency,
        pue: fc.double({ min: 1, max: 1.6, noNaN: true }),
        power_price_kwh: powerPrice,
        btc_price: price,
        difficulty,
        start_height: fc.integer({ min: 0, max: 2_000_000 }),
        months: fc.integer({ min: 1, max: 120 }),
        difficulty_growth_monthly: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      }),
      fc.double({ min: 0, max: 0.3, noNaN: true }),
      // months start at 1: nothing happens at month 0
      (plan, r) => sameMoney(miningNpv(plan, r), excelMonthlyNpv([new Decimal(0), ...miningCashFlows(plan).map((row) => row.net)], r)),
    ),
    { numRuns: 60 },
  );
});

test("the subsidy never increases with height", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (h, dh) => subsidySats(h + dh) <= subsidySats(h)));
});
