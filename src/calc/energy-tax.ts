/**
 * An excise on the electricity a miner uses, charged at marginal rates by annual kWh band (like an
 * income tax): tax = Σ over bands of rate × the kWh that fall inside the band.
 *
 * The default table is New York S8518 / A9138 as introduced (Oct 2025; proposed Tax Law §186-h,
 * per taxpayer per year, affiliates counted as one): 0 up to 2,250,000 kWh, then 2¢ to 5,000,000,
 * 3¢ to 10,000,000, 4¢ to 20,000,000 and 5¢ above. Source: the bill text,
 * nysenate.gov/legislation/bills/2025/S8518 (not enacted; docs/sources.md#energy-tax). The effective rate,
 * tax / annual_kwh, is what `energy_tax_usd_per_kwh` takes.
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { TAX_BANDS } from "./limits";
import { nonNegative, Rows, tableNumber, tableRows } from "./validate";

/** New York S8518 / A9138 as introduced: rows of (band start, kWh a year; USD per kWh). */
export const NY_S8518_TIERS: readonly (readonly [number, number])[] = [
  [0, 0],
  [2_250_000, 0.02],
  [5_000_000, 0.03],
  [10_000_000, 0.04],
  [20_000_000, 0.05],
];

const TIERS_ALLOWED =
  "a two-column range of rows (band start in kWh a year, USD per kWh), the first band starting at 0, starts ascending, rates of 0 or more";

interface Band {
  start: Decimal;
  rate: Decimal;
}

function validTiers(tiers: Rows): Band[] {
  tableRows("tiers", tiers, 2, "(band start in kWh a year, USD per kWh)", TAX_BANDS);
  const bands: Band[] = [];
  tiers.forEach(([s, r], i) => {
    const row = `row ${i + 1}`;
    const start = tableNumber("tiers", TIERS_ALLOWED, i + 1, "band start", s);
    const rate = tableNumber("tiers", TIERS_ALLOWED, i + 1, "rate", r);
    if (i === 0 && !start.isZero()) {
      throw new InvalidArgumentError("tiers", TIERS_ALLOWED, `${row} starts at ${start.toString()} kWh, not 0`);
    }
    if (i > 0 && !start.gt(bands[i - 1].start)) {
      throw new InvalidArgumentError(
        "tiers",
        TIERS_ALLOWED,
        `${row} starts at ${start.toString()} kWh, not above row ${i}'s ${bands[i - 1].start.toString()}`,
      );
    }
    if (rate.isNeg() && !rate.isZero()) {
      throw new InvalidArgumentError("tiers", TIERS_ALLOWED, `${row} has a negative rate, ${rate.toString()}`);
    }
    bands.push({ start, rate });
  });
  return bands;
}

/**
 * Energy tax for a year's consumption under a marginal tier table.
 * @param annual_kwh kWh used in the year (>= 0)
 * @param tiers rows of (band start in kWh, USD per kWh), ascending from 0; default New York S8518
 * @returns USD per year
 */
export function energyTaxUsdPerYear(annual_kwh: Num, tiers: Rows = NY_S8518_TIERS): Decimal {
  const kwh = nonNegative("annual_kwh", annual_kwh);
  const bands = validTiers(tiers);
  let tax = new Decimal(0);
  for (let i = 0; i < bands.length; i++) {
    const from = bands[i].start;
    if (!kwh.gt(from)) break;
    const to = i + 1 < bands.length && bands[i + 1].start.lt(kwh) ? bands[i + 1].start : kwh;
    tax = tax.add(to.sub(from).mul(bands[i].rate));
  }
  return tax;
}
