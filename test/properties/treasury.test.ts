/*
 * TREASURYCASHFLOWS on random inputs (fast-check, fixed seed from test/setup/fast-check.ts):
 * every row agrees with an independent exact-rational re-computation written here from the
 * issue's rules, and the identities hold on the rows the code returns.
 */
import fc from "fast-check";
import { Decimal, TreasuryMonth, treasuryCashFlows, TreasuryPlan } from "../../src/calc";
import { Q } from "../support/rational";

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
/** Q in lowest terms, so that a couple of dozen months of exact arithmetic stay small. */
const red = (q: Q): Q => {
  const g = gcd(q.n, q.d);
  return g > 1n ? new Q(q.n / g, q.d / g) : q;
};
const add = (a: Q, b: Q) => red(a.add(b));
const sub = (a: Q, b: Q) => red(a.sub(b));
const mul = (a: Q, b: Q) => red(a.mul(b));
const div = (a: Q, b: Q) => red(a.div(b));
const sign = (q: Q) => (q.n > 0n ? 1 : q.n < 0n ? -1 : 0);
const lt = (a: Q, b: Q) => sign(a.sub(b)) < 0;
const abs = (q: Q) => (q.n < 0n ? new Q(-q.n, q.d) : q);
const ZERO = Q.of(0);
const qOf = (x: number | Decimal) => Q.of(typeof x === "number" ? x : x.toString());

type Column = number | number[];
interface Plan {
  cash: number;
  btc: number;
  months: number;
  btc_mined: Column;
  btc_price: Column;
  cash_costs: Column;
  policy: string;
  btc_price_growth_monthly?: number;
  other_income?: Column;
  debt_service?: Column;
  sell_fraction?: number;
  min_cash?: number;
}

const at = (c: Column | undefined, t: number): Q => (c === undefined ? ZERO : qOf(Array.isArray(c) ? c[t] : c));

interface ModelMonth {
  price: Q;
  mined: Q;
  planned: Q;
  forced: Q;
  sold: Q;
  held: Q;
  cash: Q;
  insolvent: boolean;
}

/**
 * The treasury from the rules, in exact rationals. Month t's price is `prices[t]` when
 * given: the exact compounding of a growing price runs to hundreds of digits within two years, so
 * the test checks the returned prices against it and then runs the rules on those prices.
 */
function model(p: Plan, prices?: Q[]): ModelMonth[] {
  let cash = qOf(p.cash);
  let held = qOf(p.btc);
  const minCash = qOf(p.min_cash ?? 0);
  const f = qOf(p.sell_fraction ?? 0);
  const growth = add(Q.of(1), qOf(p.btc_price_growth_monthly ?? 0));
  const policy = p.policy.trim().toUpperCase();
  let price = at(p.btc_price, 0);
  const out: ModelMonth[] = [];
  for (let t = 0; t < p.months; t++) {
    if (Array.isArray(p.btc_price)) price = qOf(p.btc_price[t]);
    else if (t > 0) price = mul(price, growth);
    const exactPrice = price;
    if (prices) price = prices[t];
    const mined = at(p.btc_mined, t);
    const income = at(p.other_income, t);
    const costs = at(p.cash_costs, t);
    const debt = at(p.debt_service, t);
    const planned = policy === "HOLD" ? ZERO : policy === "SELLALL" ? mined : mul(f, mined);
    const before = sub(sub(add(add(cash, mul(planned, price)), income), costs), debt);
    const left = sub(add(held, mined), planned);
    let forced = ZERO;
    if (lt(before, minCash) && sign(left) > 0) {
      const need = div(sub(minCash, before), price);
      forced = lt(left, need) ? left : need;
    }
    const sold = add(planned, forced);
    held = sub(add(held, mined), sold);
    cash = sub(sub(add(add(cash, mul(sold, price)), income), costs), debt);
    out.push({ price: exactPrice, mined, planned, forced, sold, held, cash, insolvent: sign(held) === 0 && sign(cash) < 0 });
  }
  return out;
}

/** |a − b| ≤ 1e-30 × scale: agreement to 30 of the code's 40 significant digits. */
function near(a: Q, b: Q, scale: Q): boolean {
  return !lt(mul(scale, Q.of("1e-30")), abs(sub(a, b)));
}
const maxQ = (...qs: Q[]) => qs.reduce((m, q) => (lt(m, abs(q)) ? abs(q) : m), Q.of(1));

// Amounts: exact zeros and round numbers (to meet boundaries exactly) as well as arbitrary doubles.
const amount = (max: number, smallest: number) =>
  fc.oneof(fc.constant(0), fc.integer({ min: 1, max }), fc.double({ min: smallest, max, noNaN: true }));
const money = amount(1e9, 0.01);
const btcAmount = amount(1e4, 1e-8);
const price = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 1, max: 1e6, noNaN: true }));
const orColumn = <T>(arb: fc.Arbitrary<T>, months: number) => fc.oneof(arb, fc.array(arb, { minLength: months, maxLength: months }));

const plans: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 24 }).chain((months) =>
  fc
    .record(
      {
        cash: money,
        btc: btcAmount,
        btc_mined: orColumn(btcAmount, months),
        btc_price: orColumn(price, months),
        cash_costs: orColumn(money, months),
        policy: fc.constantFrom("HOLD", "SELLALL", "SELLPCT", "hold", " SellPct "),
        btc_price_growth_monthly: fc.oneof(fc.constant(0), fc.double({ min: -0.3, max: 0.3, noNaN: true })),
        other_income: orColumn(fc.oneof(money, money.map((x) => -x)), months),
        debt_service: orColumn(money, months),
        sell_fraction: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        min_cash: money,
      },
      { requiredKeys: ["cash", "btc", "btc_mined", "btc_price", "cash_costs", "policy"] },
    )
    .map((p) => {
      const plan = { ...p, months } as Plan;
      if (Array.isArray(plan.btc_price)) delete plan.btc_price_growth_monthly; // a column takes no growth
      return plan;
    }),
);

const run = (p: Plan): TreasuryMonth[] => treasuryCashFlows(p as TreasuryPlan);

test("every row equals an exact-rational re-computation of the issue's rules (to 30 of 40 digits; flags exactly)", () => {
  let forcedSeen = 0;
  let insolventSeen = 0;
  fc.assert(
    fc.property(plans, (p) => {
      const rows = run(p);
      const want = model(p, rows.map((r) => qOf(r.price)));
      if (rows.length !== p.months) return false;
      const moneyScale = maxQ(qOf(p.cash), ...want.flatMap((w) => [w.cash, mul(w.sold, w.price), mul(w.held, w.price)]), ...rows.flatMap((r) => [qOf(r.cashIn), qOf(r.cashOut)]));
      const btcScale = maxQ(qOf(p.btc), ...want.flatMap((w) => [w.held, w.mined, w.sold]));
      return rows.every((r, i) => {
        const w = want[i];
        if (w.forced.n > 0n) forcedSeen++;
        if (w.insolvent) insolventSeen++;
        return (
          r.month === i + 1 &&
          near(qOf(r.price), w.price, maxQ(w.price)) &&
          near(qOf(r.btcMined), w.mined, btcScale) &&
          near(qOf(r.btcSold), w.sold, btcScale) &&
          near(qOf(r.btcForced), w.forced, btcScale) &&
          near(qOf(r.btcHeld), w.held, btcScale) &&
          near(qOf(r.cash), w.cash, moneyScale) &&
          r.insolvent === w.insolvent
        );
      });
    }),
    { numRuns: 300 },
  );
  // the runs reach the branches that matter
  expect(forcedSeen).toBeGreaterThan(50);
  expect(insolventSeen).toBeGreaterThan(20);
});

test("the issue's identities hold on the rows returned: BTC and cash roll forward, cash in − cash out, the floor kept while BTC remains", () => {
  fc.assert(
    fc.property(plans, (p) => {
      const rows = run(p);
      const minCash = qOf(p.min_cash ?? 0);
      let held = qOf(p.btc);
      let cash = qOf(p.cash);
      const moneyScale = maxQ(qOf(p.cash), ...rows.flatMap((r) => [qOf(r.cashIn), qOf(r.cashOut), qOf(r.cash)]));
      const btcScale = maxQ(qOf(p.btc), ...rows.flatMap((r) => [qOf(r.btcHeld), qOf(r.btcMined), qOf(r.btcSold)]));
      for (const [i, r] of rows.entries()) {
        const price = qOf(r.price);
        const [sold, mined, forced] = [qOf(r.btcSold), qOf(r.btcMined), qOf(r.btcForced)];
        const flows = sub(sub(add(at(p.other_income, i), mul(sold, price)), at(p.cash_costs, i)), at(p.debt_service, i));
        // held_t = held_{t−1} + mined_t − sold_t
        if (!near(qOf(r.btcHeld), sub(add(held, mined), sold), btcScale)) return false;
        // cash_t = cash_{t−1} + sold_t × price_t + income_t − costs_t − debt_t
        if (!near(qOf(r.cash), add(cash, flows), moneyScale)) return false;
        // cash_t = cash_{t−1} + cash in − cash out, and both are 0 or more
        if (!near(qOf(r.cash), sub(add(cash, qOf(r.cashIn)), qOf(r.cashOut)), moneyScale)) return false;
        if (r.cashIn.isNeg() || r.cashOut.isNeg()) return false;
        // never below min_cash while BTC remains (exactly, on the values returned)
        if (r.btcHeld.gt(0) && lt(qOf(r.cash), minCash)) return false;
        // forced sales are 0 or more, within what was sold, and the rest is the policy's sale
        if (r.btcForced.isNeg() || r.btcHeld.isNeg() || lt(sold, forced)) return false;
        const policy = p.policy.trim().toUpperCase();
        const planned = policy === "HOLD" ? ZERO : policy === "SELLALL" ? mined : mul(qOf(p.sell_fraction ?? 0), mined);
        if (!near(sub(sold, forced), planned, btcScale)) return false;
        // insolvent exactly when no BTC is left and cash is below 0 (below the floor alone is not insolvency)
        if (r.insolvent !== (r.btcHeld.isZero() && qOf(r.cash).n < 0n)) return false;
        held = qOf(r.btcHeld);
        cash = qOf(r.cash);
      }
      return true;
    }),
    { numRuns: 300 },
  );
});

test("a column of the same number every month gives the same schedule as the number", () => {
  fc.assert(
    fc.property(plans, (p) => {
      const asColumns: Plan = { ...p };
      for (const k of ["btc_mined", "cash_costs", "other_income", "debt_service"] as const) {
        const v = p[k];
        if (typeof v === "number") asColumns[k] = new Array<number>(p.months).fill(v);
      }
      const a = run(p);
      const b = run(asColumns);
      return a.every((r, i) => r.cash.eq(b[i].cash) && r.btcHeld.eq(b[i].btcHeld) && r.btcSold.eq(b[i].btcSold) && r.insolvent === b[i].insolvent);
    }),
    { numRuns: 100 },
  );
});
