import { energyTaxUsdPerYear, InvalidArgumentError, NY_S8518_TIERS } from "../../src/calc";
import { prng, Q } from "../support/rational";

/**
 * New York S8518 / A9138 as introduced (S8518, Sen. Krueger, 1 Oct 2025; A9138, 17 Oct 2025: the
 * sponsor's bill text), written out band by band: exact rationals.
 */
function nyTax(kwh: number): Q {
  const k = Q.of(kwh);
  const band = (from: number, to: number, cents: number): Q => {
    const top = Number.isFinite(to) && kwh > to ? Q.of(to) : k;
    return kwh > from ? top.sub(from).mul(cents).div(100) : Q.of(0);
  };
  return band(2_250_000, 5_000_000, 2).add(band(5_000_000, 10_000_000, 3)).add(band(10_000_000, 20_000_000, 4)).add(band(20_000_000, Infinity, 5));
}

describe("ENERGYTAX with New York S8518 as introduced (the default)", () => {
  test.each([
    // the source's derived burden at a flat load all year (8,760 h)
    [1, 167_800, 1.92],
    [10, 3_985_000, 4.55],
    [100, 43_405_000, 4.95],
  ])("%p MW all year: $%p, %p¢ effective", (mw, usd, cents) => {
    const kwh = mw * 1000 * 8760;
    const tax = energyTaxUsdPerYear(kwh);
    expect(tax.toNumber()).toBe(usd);
    expect(Number(tax.div(kwh).mul(100).toFixed(2))).toBe(cents);
  });

  test("nothing up to 2.25M kWh; the marginal rate is each band's, so the tax is continuous at every band start", () => {
    expect(energyTaxUsdPerYear(0).toNumber()).toBe(0);
    expect(energyTaxUsdPerYear(2_250_000).toNumber()).toBe(0);
    expect(energyTaxUsdPerYear(2_250_001).toNumber()).toBe(0.02);
    expect(energyTaxUsdPerYear(5_000_000).toNumber()).toBe(55_000);
    expect(energyTaxUsdPerYear(5_000_001).toNumber()).toBeCloseTo(55_000.03, 9);
    expect(energyTaxUsdPerYear(20_000_000).toNumber()).toBe(55_000 + 150_000 + 400_000);
  });

  test("equals the band-by-band rational formula on 2,000 consumptions", () => {
    const rand = prng(8518);
    for (let i = 0; i < 2000; i++) {
      const kwh = Number((rand() ** 3 * 2e9).toPrecision(10));
      expect([kwh, energyTaxUsdPerYear(kwh).toString()]).toEqual([kwh, String(nyTax(kwh).toNumber())]);
    }
  });

  test("the default table is the bill's", () => {
    expect(NY_S8518_TIERS).toEqual([
      [0, 0],
      [2_250_000, 0.02],
      [5_000_000, 0.03],
      [10_000_000, 0.04],
      [20_000_000, 0.05],
    ]);
  });
});

describe("ENERGYTAX with a table of one's own", () => {
  test("a flat rate is one band from 0; a two-band table taxes the excess at the higher rate", () => {
    expect(energyTaxUsdPerYear(1e6, [[0, 0.05]]).toNumber()).toBe(50_000);
    expect(energyTaxUsdPerYear(3e6, [[0, 0.01], [1e6, 0.02]]).toNumber()).toBe(10_000 + 40_000);
    expect(energyTaxUsdPerYear("5e5", [["0", "0.01"], ["1e6", "0.02"]]).toNumber()).toBe(5_000);
  });

  test.each([
    [[], /^tiers must be a range of rows \(band start in kWh a year, USD per kWh\); got no rows$/],
    [[[0, 0.01, 1]], /^tiers must be a 2-column range, each row .*; got 3 cells in row 1$/],
    [[[0, 0.01], [5]], /^tiers must be a 2-column range.*; got 1 cells in row 2$/],
    [[[1000, 0.01]], /^tiers must be .*; got row 1 starts at 1000 kWh, not 0$/],
    [[[0, 0], [5e6, 0.03], [2.25e6, 0.02]], /^tiers must be .*; got row 3 starts at 2250000 kWh, not above row 2's 5000000$/],
    [[[0, 0], [0, 0.02]], /^tiers must be .*; got row 2 starts at 0 kWh, not above row 1's 0$/],
    [[[0, 0], [-5, 0.02]], /^tiers must be .*; got row 2 starts at -5 kWh/],
    [[[0, 0], [1e6, -0.02]], /^tiers must be .*; got row 2 has a negative rate, -0.02$/],
    [[[0, "abc"]], /^tiers must be a two-column range of rows.*; got row 1: rate "abc"$/],
    [[[0, 0], [NaN, 0.01]], /^tiers must be .*; got row 2: band start NaN$/],
  ])("refuses tiers %j, naming the row", (tiers, message) => {
    expect(() => energyTaxUsdPerYear(1e6, tiers as never)).toThrow(InvalidArgumentError);
    expect(() => energyTaxUsdPerYear(1e6, tiers as never)).toThrow(message);
  });

  test("refuses a negative consumption", () => {
    expect(() => energyTaxUsdPerYear(-1)).toThrow(/^annual_kwh must be a number of 0 or more/);
  });
});
