import {
  btcGain,
  btcPerShare,
  btcYield,
  InvalidArgumentError,
  ltv,
  ltvPrice,
  mnav,
  navPerShare,
  NoAnswerError,
  runwayMonths,
} from "../../src/calc";
import { Q, relErr } from "../support/rational";

/*
 * Strategy's share table (Strategy's KPI disclosures in its Q1 2025 results): 31 Dec 2024 447,470 BTC and 281,735k assumed diluted shares; 30 Mar 2025 528,185
 * BTC and 299,674k. The reference derives Q1 2025 BTC Yield 10.97% and BTC Gain 49,097 BTC from
 * them; Strategy reported 11.0% and 49,131 BTC from unrounded share counts.
 */
const DEC_2024 = { btc: 447_470, shares: 281_735_000 };
const MAR_2025 = { btc: 528_185, shares: 299_674_000 };

describe("BTC per share, BTC Yield and BTC Gain (Strategy's definitions)", () => {
  const yieldQ = Q.of(MAR_2025.btc).div(MAR_2025.shares).div(Q.of(DEC_2024.btc).div(DEC_2024.shares)).sub(1);

  test("Strategy's Q1 2025: BTC Yield 10.97% (to the basis point) and BTC Gain 49,097 BTC (to the whole BTC)", () => {
    const y = btcYield(DEC_2024.btc, DEC_2024.shares, MAR_2025.btc, MAR_2025.shares);
    const g = btcGain(DEC_2024.btc, DEC_2024.shares, MAR_2025.btc, MAR_2025.shares);
    expect(y.toDecimalPlaces(4).toNumber()).toBe(0.1097);
    expect(g.toDecimalPlaces(0).toNumber()).toBe(49_097);
    // and exactly the rational values, not just their roundings
    expect(relErr(y.toNumber(), yieldQ.toNumber())).toBeLessThan(1e-15);
    expect(relErr(g.toNumber(), Q.of(DEC_2024.btc).mul(yieldQ).toNumber())).toBeLessThan(1e-15);
  });

  test("share counts in thousands, as Strategy's table gives them, give the same yield and gain", () => {
    const inThousands = btcYield(DEC_2024.btc, 281_735, MAR_2025.btc, 299_674);
    expect(inThousands.sub(btcYield(DEC_2024.btc, DEC_2024.shares, MAR_2025.btc, MAR_2025.shares)).abs().toNumber()).toBeLessThan(1e-35);
    expect(btcGain(DEC_2024.btc, 281_735, MAR_2025.btc, 299_674).toDecimalPlaces(0).toNumber()).toBe(49_097);
  });

  test("BTC per share on 31 Dec 2024: 447,470 / 281,735,000 = 158,826.56 sats a share", () => {
    const bps = btcPerShare(DEC_2024.btc, DEC_2024.shares);
    expect(relErr(bps.toNumber(), Q.of(447_470).div(281_735_000).toNumber())).toBeLessThan(1e-15);
    expect(bps.mul(1e8).toDecimalPlaces(2).toNumber()).toBe(158_826.56);
  });

  test("BTC Yield is negative when shares grow faster than BTC, and BTC Gain is then a loss", () => {
    // 100 BTC over 1,000 shares, then 150 BTC over 2,000: 0.1 → 0.075 BTC a share, −25%, −25 BTC
    expect(btcYield(100, 1000, 150, 2000).toNumber()).toBe(-0.25);
    expect(btcGain(100, 1000, 150, 2000).toNumber()).toBe(-25);
  });

  test("no BTC at the start: yield and gain have no answer", () => {
    expect(() => btcYield(0, 1000, 150, 2000)).toThrow(NoAnswerError);
    expect(() => btcGain(0, 1000, 150, 2000)).toThrow(/btc_start is 0/);
  });

  test.each([
    ["shares", () => btcPerShare(1, 0), /shares must be a number greater than 0; got 0/],
    ["shares", () => btcPerShare(1, -5), /shares must be a number greater than 0; got -5/],
    ["btc", () => btcPerShare(-1, 10), /btc must be a number of 0 or more; got -1/],
    ["shares_start", () => btcYield(1, 0, 1, 1), /shares_start must be a number greater than 0/],
    ["shares_end", () => btcGain(1, 1, 1, -1), /shares_end must be a number greater than 0/],
    ["btc_start", () => btcYield(-1, 1, 1, 1), /btc_start must be a number of 0 or more/],
    ["btc_end", () => btcGain(1, 1, -2, 1), /btc_end must be a number of 0 or more/],
  ])("%s out of range is an invalid argument naming it", (name, call, message) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });
});

describe("mNAV and NAV per share", () => {
  // Hand-built: 100 shares at $50 (market cap $5,000), debt $1,000, preferred $500, cash $200
  // (EV $6,300), 2 BTC at $2,000 (Bitcoin NAV $4,000).
  const company = { share_price: 50, shares: 100, btc: 2, btc_price: 2000, debt: 1000, preferred: 500, cash: 200 };

  test("EV basis: (5,000 + 1,000 + 500 − 200) / 4,000 = 1.575; it is the default", () => {
    expect(mnav({ ...company, basis: "EV" }).toNumber()).toBe(1.575);
    expect(mnav(company).toNumber()).toBe(1.575);
  });

  test("MCAP basis: 5,000 / 4,000 = 1.25, ignoring debt, preferred and cash", () => {
    expect(mnav({ ...company, basis: "MCAP" }).toNumber()).toBe(1.25);
    expect(mnav({ ...company, debt: 0, preferred: 0, cash: 0, basis: "MCAP" }).toNumber()).toBe(1.25);
  });

  test("with no debt, preferred or cash the two bases agree", () => {
    const plain = { share_price: 50, shares: 100, btc: 2, btc_price: 2000 };
    expect(mnav({ ...plain, basis: "EV" }).eq(mnav({ ...plain, basis: "MCAP" }))).toBe(true);
  });

  test("cash above market cap plus debt gives a negative EV and a negative mNAV", () => {
    // (5,000 + 0 + 0 − 9,000) / 4,000 = −1
    expect(mnav({ ...company, debt: 0, preferred: 0, cash: 9000 }).toNumber()).toBe(-1);
  });

  test("the basis is case-insensitive and ignores surrounding spaces", () => {
    expect(mnav({ ...company, basis: "ev" }).toNumber()).toBe(1.575);
    expect(mnav({ ...company, basis: " Mcap " }).toNumber()).toBe(1.25);
  });

  test("an unknown basis is refused, listing EV and MCAP", () => {
    expect(() => mnav({ ...company, basis: "NAV" })).toThrow(InvalidArgumentError);
    expect(() => mnav({ ...company, basis: "NAV" })).toThrow('basis must be one of "EV" or "MCAP"; got "NAV"');
  });

  test("no BTC: there is no Bitcoin NAV, so no mNAV", () => {
    expect(() => mnav({ ...company, btc: 0 })).toThrow(NoAnswerError);
  });

  test("NAV per share: (2 × 2,000 + 200 − 1,000 − 500) / 100 = 27, negative when debt exceeds the assets", () => {
    const { btc, btc_price, shares, debt, preferred, cash } = company;
    expect(navPerShare({ btc, btc_price, shares, debt, preferred, cash }).toNumber()).toBe(27);
    expect(navPerShare({ btc, btc_price, shares }).toNumber()).toBe(40);
    expect(navPerShare({ btc, btc_price: 0, shares, debt }).toNumber()).toBe(-10);
  });

  test("mNAV on the MCAP basis is share price over NAV per share when there is no debt, preferred or cash", () => {
    // an identity between the two definitions, on awkward numbers
    const i = { share_price: 337.12, shares: 261_318_000, btc: 640_031, btc_price: 117_345.67 };
    const viaNav = Q.of(i.share_price).div(Q.of(i.btc).mul(i.btc_price).div(i.shares));
    expect(relErr(mnav({ ...i, basis: "MCAP" }).toNumber(), viaNav.toNumber())).toBeLessThan(1e-15);
    expect(relErr(mnav({ ...i, basis: "MCAP" }).toNumber(), i.share_price / navPerShare(i).toNumber())).toBeLessThan(1e-14);
  });

  test.each([
    [() => mnav({ ...company, shares: 0 }), /shares must be a number greater than 0/],
    [() => mnav({ ...company, btc: -1 }), /btc must be a number of 0 or more/],
    [() => mnav({ ...company, share_price: 0 }), /share_price must be a number greater than 0/],
    [() => mnav({ ...company, btc_price: -1 }), /btc_price must be a number greater than 0/],
    [() => mnav({ ...company, debt: -1 }), /debt must be a number of 0 or more/],
    [() => mnav({ ...company, cash: -1 }), /cash must be a number of 0 or more/],
    [() => navPerShare({ btc: 1, btc_price: 1, shares: -3 }), /shares must be a number greater than 0/],
    [() => navPerShare({ btc: -1, btc_price: 1, shares: 3 }), /btc must be a number of 0 or more/],
    [() => navPerShare({ btc: 1, btc_price: 1, shares: 3, preferred: -1 }), /preferred must be a number of 0 or more/],
  ])("bad input %# is an invalid argument naming it", (call, message) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });
});

describe("loan-to-value and its threshold prices", () => {
  test("a $30M loan on 500 BTC at $100,000: LTV 60%", () => {
    expect(ltv(30e6, 500, 100_000).toNumber()).toBe(0.6);
  });

  test("margin call at 75% LTV: $80,000; liquidation at 85%: $70,588.24", () => {
    expect(ltvPrice(30e6, 500, 0.75).toNumber()).toBe(80_000);
    const liquidation = ltvPrice(30e6, 500, 0.85);
    expect(relErr(liquidation.toNumber(), Q.of(30e6).div(Q.of(500).mul(0.85)).toNumber())).toBeLessThan(1e-15);
    expect(liquidation.toDecimalPlaces(2).toNumber()).toBe(70_588.24);
  });

  test("at the threshold price the LTV is the threshold", () => {
    for (const t of [0.4, 0.7, 0.75, 0.85, 1]) {
      expect(ltv(12_345_678, 321.5, ltvPrice(12_345_678, 321.5, t)).sub(t).abs().toNumber()).toBeLessThan(1e-35);
    }
  });

  test("an LTV above 100% is reported, not refused: the loan exceeds the collateral", () => {
    expect(ltv(60e6, 500, 100_000).toNumber()).toBe(1.2);
  });

  test("no loan: LTV 0, and no price ever reaches a threshold", () => {
    expect(ltv(0, 500, 100_000).toNumber()).toBe(0);
    expect(() => ltvPrice(0, 500, 0.75)).toThrow(NoAnswerError);
  });

  test.each([0, -0.1, 1.01, 75])("ltv %p is outside (0, 1]: an invalid argument naming ltv", (t) => {
    expect(() => ltvPrice(30e6, 500, t)).toThrow(InvalidArgumentError);
    expect(() => ltvPrice(30e6, 500, t)).toThrow(/^ltv must be a fraction greater than 0 and at most 1 \(0.75 = 75%\); got /);
  });

  test.each([
    [() => ltv(1, 0, 1), /collateral_btc must be a number greater than 0/],
    [() => ltv(1, -2, 1), /collateral_btc must be a number greater than 0/],
    [() => ltv(-1, 2, 1), /loan must be a number of 0 or more/],
    [() => ltv(1, 2, 0), /btc_price must be a number greater than 0/],
    [() => ltvPrice(1, -2, 0.5), /collateral_btc must be a number greater than 0/],
  ])("bad input %# is an invalid argument naming it", (call, message) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });
});

describe("runway", () => {
  test("$10M cash and 100 BTC at $100,000 with a 20% haircut, burning $2M a month: (10 + 8) / 2 = 9 months", () => {
    expect(runwayMonths({ cash: 10e6, monthly_burn: 2e6, btc: 100, btc_price: 100_000, haircut: 0.2 }).toNumber()).toBe(9);
  });

  test("cash alone, with the defaults: cash / burn, fractions of a month kept", () => {
    expect(runwayMonths({ cash: 10e6, monthly_burn: 4e6 }).toNumber()).toBe(2.5);
    expect(runwayMonths({ cash: 0, monthly_burn: 4e6 }).toNumber()).toBe(0);
  });

  test("Strategy's USD reserve: $1.44B covering ~21 months means a burn of about $68.6M a month", () => {
    // treasury-and-dat.md [S]: $1.44B on 1 Dec 2025, ~21 months of dividends and interest
    const months = runwayMonths({ cash: 1.44e9, monthly_burn: 1.44e9 / 21 }).toNumber();
    expect(relErr(months, 21)).toBeLessThan(1e-15);
  });

  test.each([0, -1e6])("burn %p: cash is not running down, so there is no runway", (burn) => {
    expect(() => runwayMonths({ cash: 10e6, monthly_burn: burn })).toThrow(NoAnswerError);
    expect(() => runwayMonths({ cash: 10e6, monthly_burn: burn })).toThrow(/cash is not running down/);
  });

  test.each([1, 1.5, -0.1])("haircut %p is outside [0, 1): an invalid argument naming haircut", (h) => {
    expect(() => runwayMonths({ cash: 1, monthly_burn: 1, btc: 1, btc_price: 1, haircut: h })).toThrow(
      /^haircut must be a fraction from 0 up to but not including 1/,
    );
  });

  test("a bad argument is reported before a burn with no answer", () => {
    expect(() => runwayMonths({ cash: 1, monthly_burn: 0, btc: -1 })).toThrow(/btc must be a number of 0 or more/);
  });

  test("a haircut just below 1 is accepted", () => {
    expect(relErr(runwayMonths({ cash: 0, monthly_burn: 1, btc: 1, btc_price: 1000, haircut: 0.999 }).toNumber(), 1)).toBeLessThan(1e-12);
  });
});

/*
 * Convertibles counted once. The issue reports mNAV 2.05 with diluted shares and the convertibles
 * also in debt, 1.75 on basic shares (Strategy's EV) and 1.80 as converted, without its inputs. This
 * company is built to give those three ratios: 100,000 BTC at $100,000 ($10B of Bitcoin NAV);
 * 150M basic shares at $100; $2.5B of convertible notes converting into 30M shares (in the money at
 * $83.33 a share), so 180M assumed diluted shares; no other debt, preferred or cash.
 */
describe("MNAV and NAVPERSHARE count convertibles once", () => {
  const company = { share_price: 100, shares: 180e6, btc: 100_000, btc_price: 100_000, debt: 2.5e9 };

  test("diluted shares with the notes also in debt: (18 + 2.5) / 10 = 2.05, the double count (today's default)", () => {
    expect(mnav(company).toNumber()).toBe(2.05);
  });
  test("basic_shares: Strategy's EV, (15 + 2.5) / 10 = 1.75, the notes as debt", () => {
    expect(mnav({ ...company, basic_shares: 150e6 }).toNumber()).toBe(1.75);
    expect(mnav({ ...company, basic_shares: 150e6, convertible_debt: 2.5e9 }).toNumber()).toBe(1.75); // not subtracted twice either
  });
  test("convertible_debt on diluted shares: as converted, 18 / 10 = 1.80, the notes as equity", () => {
    expect(mnav({ ...company, convertible_debt: 2.5e9 }).toNumber()).toBe(1.8);
    expect(mnav({ ...company, debt: 3.5e9, convertible_debt: 2.5e9 }).toNumber()).toBe(1.9); // other debt stays in
  });
  test("MCAP is market cap on `shares` alone, whatever the debt", () => {
    expect(mnav({ ...company, basis: "MCAP", basic_shares: 150e6, convertible_debt: 2.5e9 }).toNumber()).toBe(1.8);
  });
  test("NAV per share: $50 per basic share, $55.56 per diluted share as converted ($41.67 double counted)", () => {
    const nav = { btc: 100_000, btc_price: 100_000, shares: 180e6, debt: 2.5e9 };
    expect(navPerShare({ ...nav, basic_shares: 150e6 }).toNumber()).toBe(50);
    expect(navPerShare({ ...nav, convertible_debt: 2.5e9 }).toNumber()).toBeCloseTo(1e10 / 180e6, 12);
    expect(navPerShare(nav).toNumber()).toBeCloseTo(7.5e9 / 180e6, 12);
  });
  test("basic shares above the diluted count, or convertibles above the debt, are refused", () => {
    expect(() => mnav({ ...company, basic_shares: 200e6 })).toThrow(/^basic_shares and shares must be such that basic_shares ≤ shares/);
    expect(() => navPerShare({ btc: 1, btc_price: 1, shares: 10, debt: 5, convertible_debt: 6 })).toThrow(/^convertible_debt must be at most debt/);
    expect(() => mnav({ ...company, basic_shares: 0 })).toThrow(InvalidArgumentError);
  });
});
