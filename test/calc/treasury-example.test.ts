/*
 * The README's treasury example: a miner that holds its BTC runs out of cash
 * and becomes a forced seller; with lease income it holds everything.
 *
 * The site is the README's 100 MW example (S21-class 17.5 J/TH, PUE 1.1, 4.5¢ power, BTC $91,000
 * growing 1% a month, difficulty 152T growing 2% a month, 0.036 BTC fees, 2% pool fee, 95% uptime,
 * $15,000/MW-month opex; the S21's 17.5 J/TH from Bitmain's WDMS 2023 launch as ViaBTC recapped it,
 * the cost inputs near CoinShares' listed-miner averages: the project's reference notes), over
 * 36 months from block 925,000, so the 2028 halving falls in month 29 and the fleet refresh (month
 * 48) does not. Its BTC mined and cash costs (power + opex + capex) come from MININGCASHFLOWS,
 * which switches the fleet off in months whose revenue does not cover power: after the
 * halving, months 30 to 36 mine nothing and pay only the site opex.
 * The lease: 40 MW of critical IT already in service at another site, $150/kW-month, a 3% annual
 * escalator and 15% opex (the README's lease terms; landlord-funded 2025 deals cluster at
 * ~$150–160/kW-month, derived from the TCVs TeraWulf, Hut 8, Cipher and Applied Digital announced),
 * its build financed separately.
 * The balance sheet at the start is illustrative: $20M of cash, no BTC, min_cash 0.
 */
import { leaseCashFlows, miningCashFlows, MiningPlan, TreasuryPlan, treasuryCashFlows, treasurySummary } from "../../src/calc";
import { relErr } from "../support/rational";
import { floatMining } from "../support/float-models";

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

  test("the inputs: the fleet runs in months 1-29 at $4,620,750 of cash costs (100 MW × 730 h × 95% × 4.5¢ + $1.5M opex), is off in 30-36 at $1.5M, and mines 1,363.16 BTC", () => {
    // The float model (written from the formulas, not the calc) decides the same months.
    const twin = floatMining(EXAMPLE_SITE as Parameters<typeof floatMining>[0], 0).rows;
    expect(mining.map((m) => m.running)).toEqual(twin.map((m) => m.running));
    expect(twin.map((m) => m.running)).toEqual(Array.from({ length: 36 }, (_, i) => i < 29));
    const running = 100 * 1000 * 730 * 0.95 * 0.045 + 1_500_000;
    expect(costsF).toEqual(Array.from({ length: 36 }, (_, i) => (i < 29 ? running : 1_500_000)));
    expect(costsF[0]).toBe(4_620_750);
    mining.forEach((m, i) => expect(relErr(m.btcMined.toNumber(), twin[i].btcMined)).toBeLessThan(1e-12));
    expect(treasurySummary(hold).btcMined.toDecimalPlaces(2).toNumber()).toBe(1363.16);
  });

  test("HOLD agrees with a float re-run of the rules", () => {
    const want = floatHold(minedF, costsF, new Array(36).fill(0));
    hold.forEach((r, i) => {
      expect(Math.abs(r.btcForced.toNumber() - want[i].forced)).toBeLessThan(1e-9);
      expect(relErr(r.btcHeld.toNumber(), want[i].held)).toBeLessThan(1e-12);
      expect(Math.abs(r.cash.toNumber() - want[i].cash)).toBeLessThan(1e-6);
    });
  });

  test("HOLD: the $20M lasts four months; in month 5 it must sell 32.78 BTC, and 1,153.31 BTC (85% of output) over three years", () => {
    const s = treasurySummary(hold);
    expect(hold[3].cash.toNumber()).toBe(1_517_000); // 20M − 4 × 4,620,750
    expect(s.firstForcedMonth).toBe(5);
    expect(hold[4].btcForced.toDecimalPlaces(2).toNumber()).toBe(32.78);
    expect(s.btcForced.toDecimalPlaces(2).toNumber()).toBe(1153.31);
    expect(s.soldToMined!.toDecimalPlaces(3).toNumber()).toBe(0.846);
    expect(hold[35].btcHeld.toDecimalPlaces(2).toNumber()).toBe(209.85);
    expect(hold.slice(4).every((r) => r.cash.isZero())).toBe(true);
    expect(s.firstInsolventMonth).toBeNull();
  });

  test("HOLD after the 2028 halving (month 29): from month 30 the fleet is off, mines nothing and sells 12.35 BTC to pay the $1.5M opex", () => {
    expect(mining[28].subsidy.toNumber()).toBeLessThan(3.125); // the blended halving month
    const m30 = hold[29];
    expect(m30.btcMined.isZero()).toBe(true);
    expect(m30.btcSold.toDecimalPlaces(2).toNumber()).toBe(12.35);
    // 1.5M of opex at month 30's price, 91,000 × 1.01^29
    expect(relErr(m30.btcSold.toNumber(), 1_500_000 / (91_000 * 1.01 ** 29))).toBeLessThan(1e-12);
    // from month 21 on, it sells more than it mines every month, and the stack shrinks
    expect(hold.slice(20).every((r) => r.btcSold.gt(r.btcMined))).toBe(true);
    expect(hold.slice(0, 20).every((r) => r.btcSold.lte(r.btcMined))).toBe(true);
  });

  test("with the lease it sells nothing: it keeps all 1,363.16 BTC and ends with $64,661,330", () => {
    const s = treasurySummary(leased);
    expect(s.btcSold.isZero()).toBe(true);
    expect(leased[35].btcHeld.eq(s.btcMined)).toBe(true);
    // 20M + 12 × 40 MW × 1000 × $150 × 0.85 × (1 + 1.03 + 1.03²) − 29 × 4,620,750 − 7 × 1,500,000
    const rent = 40 * 1000 * 150 * 0.85;
    const expected = 20e6 + 12 * rent * (1 + 1.03 + 1.03 * 1.03) - 29 * 4_620_750 - 7 * 1_500_000;
    expect(Math.round(expected)).toBe(64_661_330);
    expect(leased[35].cash.toNumber()).toBe(64_661_330);
    expect(leaseNet[0].toNumber()).toBe(rent); // $5.1M a month in lease year 1
  });

  test("with the lease and its build debt (85% of $360M at 8% compounded monthly over 10 years, level): forced from month 7, 48% of the output sold, 707.95 BTC kept", () => {
    // The level payment in floats: 306M × i / (1 − (1 + i)^−120), i = 0.08 / 12 (nominal 8% compounded monthly).
    const i = 0.08 / 12;
    const payment = (306e6 * i) / (1 - (1 + i) ** -120);
    expect(payment).toBeCloseTo(3_712_624.39, 2);
    const financed = treasuryCashFlows({ ...EXAMPLE_TREASURY, other_income: leaseNet, debt_service: payment });
    const want = floatHold(minedF, costsF.map((c) => c + payment), leaseNet.map((x) => x.toNumber()));
    financed.forEach((r, k) => {
      expect(Math.abs(r.btcForced.toNumber() - want[k].forced)).toBeLessThan(1e-9);
      expect(Math.abs(r.cash.toNumber() - want[k].cash)).toBeLessThan(1e-6);
    });
    const s = treasurySummary(financed);
    expect(s.firstForcedMonth).toBe(7);
    expect(s.soldToMined!.toDecimalPlaces(2).toNumber()).toBe(0.48);
    expect(financed[35].btcHeld.toDecimalPlaces(2).toNumber()).toBe(707.95);
    expect(s.firstInsolventMonth).toBeNull();
  });

  test("SELLALL is never forced: it ends with no BTC and $16,492,644.20", () => {
    const rows = treasuryCashFlows({ ...EXAMPLE_TREASURY, policy: "SELLALL" });
    expect(treasurySummary(rows).firstForcedMonth).toBeNull();
    expect(rows[35].btcHeld.isZero()).toBe(true);
    // 20M + Σ (BTC mined × 91,000 × 1.01^(t−1) − cash costs), in floats
    const floatCash = minedF.reduce((cash, b, t) => cash + b * 91_000 * 1.01 ** t - costsF[t], 20e6);
    expect(Math.abs(floatCash - 16_492_644.2)).toBeLessThan(0.01);
    expect(rows[35].cash.toDecimalPlaces(2).toNumber()).toBe(16_492_644.2);
  });
});
