/*
 * The README's treasury example (issue 13, point 7): a miner that holds its BTC runs out of cash
 * and becomes a forced seller; with lease income it holds everything.
 *
 * The site is the README's 100 MW example (S21-class 17.5 J/TH, PUE 1.1, 4.5¢ power, BTC $91,000
 * growing 1% a month, difficulty 152T growing 2% a month, 0.036 BTC fees, 2% pool fee, 95% uptime,
 * $15,000/MW-month opex; sources in ../shared/reference/mining-costs.md and asic-specs.md), over
 * 36 months from block 925,000, so the 2028 halving falls in month 29 and the fleet refresh (month
 * 48) does not. Its BTC mined and cash costs (power + opex + capex) come from MININGCASHFLOWS.
 * The lease: 40 MW of critical IT already in service at another site, $150/kW-month, a 3% annual
 * escalator and 15% opex (the README's lease terms; landlord-funded 2025 deals cluster at
 * ~$150–160/kW-month, ../shared/reference/lease-deals.md), its build financed separately.
 * The balance sheet at the start is illustrative: $20M of cash, no BTC, min_cash 0.
 */
import { leaseCashFlows, miningCashFlows, MiningPlan, TreasuryPlan, treasuryCashFlows, treasurySummary } from "../../src/calc";
import { relErr } from "../support/rational";

export const EXAMPLE_SITE: MiningPlan = {
  site_mw: 100,
  efficiency_j_th: 17.5,
  pue: 1.1,
  power_price_kwh: 0.045,
  btc_price: 91_000,
  difficulty: 1.52e14,
  start_height: 925_000,
  months: 36,
  fees_btc_per_block: 0.036,
  pool_fee: 0.02,
  uptime: 0.95,
  difficulty_growth_monthly: 0.02,
  btc_price_growth_monthly: 0.01,
  opex_usd_per_mw_month: 15_000,
  refresh_capex_usd_per_th: 15,
  refresh_every_months: 48,
};
export const EXAMPLE_LEASE = { critical_it_mw: 40, rate_usd_per_kw_month: 150, term_years: 3, escalator: 0.03, opex_pct_of_revenue: 0.15 };

const mining = miningCashFlows(EXAMPLE_SITE);
const btcMined = mining.map((m) => m.btcMined);
const cashCosts = mining.map((m) => m.powerCost.add(m.opex).add(m.capex));
const leaseNet = leaseCashFlows(EXAMPLE_LEASE)
  .slice(1) // month 0 is the (zero) capex
  .map((m) => m.net);

export const EXAMPLE_TREASURY: TreasuryPlan = {
  cash: 20e6,
  btc: 0,
  months: 36,
  btc_mined: btcMined,
  btc_price: 91_000,
  cash_costs: cashCosts,
  policy: "HOLD",
  btc_price_growth_monthly: 0.01,
};

/** HOLD in floats, straight from the rules: sell only what keeps cash at 0 or above. */
function floatHold(mined: number[], costs: number[], income: number[]) {
  let cash = 20e6;
  let held = 0;
  const rows = [];
  for (let t = 0; t < mined.length; t++) {
    const price = 91_000 * 1.01 ** t;
    const before = cash + income[t] - costs[t];
    const forced = before < 0 ? Math.min(held + mined[t], -before / price) : 0;
    held += mined[t] - forced;
    cash = before + forced * price;
    rows.push({ price, forced, held, cash });
  }
  return rows;
}

describe("README example: the forced seller and the leased miner", () => {
  const hold = treasuryCashFlows(EXAMPLE_TREASURY);
  const leased = treasuryCashFlows({ ...EXAMPLE_TREASURY, other_income: leaseNet });
  const minedF = btcMined.map((x) => x.toNumber());
  const costsF = cashCosts.map((x) => x.toNumber());

  test("the inputs: $4,620,750 of cash costs every month (100 MW × 730 h × 95% × 4.5¢ + $1.5M opex), 1,478.84 BTC mined in 36 months", () => {
    expect(costsF.every((c) => c === 100 * 1000 * 730 * 0.95 * 0.045 + 1_500_000)).toBe(true);
    expect(costsF[0]).toBe(4_620_750);
    expect(treasurySummary(hold).btcMined.toDecimalPlaces(2).toNumber()).toBe(1478.84);
  });

  test("HOLD agrees with a float re-run of the rules", () => {
    const want = floatHold(minedF, costsF, new Array(36).fill(0));
    hold.forEach((r, i) => {
      expect(Math.abs(r.btcForced.toNumber() - want[i].forced)).toBeLessThan(1e-9);
      expect(relErr(r.btcHeld.toNumber(), want[i].held)).toBeLessThan(1e-12);
      expect(Math.abs(r.cash.toNumber() - want[i].cash)).toBeLessThan(1e-6);
    });
  });

  test("HOLD: the $20M lasts four months; in month 5 it must sell 32.78 BTC, and 1,327.94 BTC (90% of output) over three years", () => {
    const s = treasurySummary(hold);
    expect(hold[3].cash.toNumber()).toBe(1_517_000); // 20M − 4 × 4,620,750
    expect(s.firstForcedMonth).toBe(5);
    expect(hold[4].btcForced.toDecimalPlaces(2).toNumber()).toBe(32.78);
    expect(s.btcForced.toDecimalPlaces(2).toNumber()).toBe(1327.94);
    expect(s.soldToMined!.toDecimalPlaces(3).toNumber()).toBe(0.898);
    expect(hold[35].btcHeld.toDecimalPlaces(2).toNumber()).toBe(150.91);
    expect(hold.slice(4).every((r) => r.cash.isZero())).toBe(true);
    expect(s.firstInsolventMonth).toBeNull();
  });

  test("HOLD after the 2028 halving (month 29): month 30 sells 38.05 BTC against 17.52 mined, 217% of output", () => {
    expect(mining[28].subsidy.toNumber()).toBeLessThan(3.125); // the blended halving month
    const m30 = hold[29];
    expect(m30.btcSold.toDecimalPlaces(2).toNumber()).toBe(38.05);
    expect(m30.btcMined.toDecimalPlaces(2).toNumber()).toBe(17.52);
    expect(m30.btcSold.div(m30.btcMined).toDecimalPlaces(2).toNumber()).toBe(2.17);
    // from month 21 on, it sells more than it mines every month, and the stack shrinks
    expect(hold.slice(20).every((r) => r.btcSold.gt(r.btcMined))).toBe(true);
    expect(hold.slice(0, 20).every((r) => r.btcSold.lte(r.btcMined))).toBe(true);
  });

  test("with the lease it sells nothing: it keeps all 1,478.84 BTC and ends with $42,816,080", () => {
    const s = treasurySummary(leased);
    expect(s.btcSold.isZero()).toBe(true);
    expect(leased[35].btcHeld.eq(s.btcMined)).toBe(true);
    // 20M + 12 × 40 MW × 1000 × $150 × 0.85 × (1 + 1.03 + 1.03²) − 36 × 4,620,750
    const rent = 40 * 1000 * 150 * 0.85;
    const expected = 20e6 + 12 * rent * (1 + 1.03 + 1.03 * 1.03) - 36 * 4_620_750;
    expect(Math.round(expected)).toBe(42_816_080);
    expect(leased[35].cash.toNumber()).toBe(42_816_080);
    expect(leaseNet[0].toNumber()).toBe(rent); // $5.1M a month in lease year 1
  });

  test("SELLALL is never forced: it ends with no BTC and $9,113,635.50", () => {
    const rows = treasuryCashFlows({ ...EXAMPLE_TREASURY, policy: "SELLALL" });
    expect(treasurySummary(rows).firstForcedMonth).toBeNull();
    expect(rows[35].btcHeld.isZero()).toBe(true);
    expect(rows[35].cash.toDecimalPlaces(2).toNumber()).toBe(9_113_635.5);
  });
});
