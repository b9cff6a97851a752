/**
 * US federal tax depreciation, year by year, from IRS Publication 946 (How To Depreciate
 * Property), Appendix A. Not tax advice: the tables are the IRS's; which class an asset falls in,
 * and whether bonus depreciation applies, is the taxpayer's question.
 *
 * Methods (`method`, case-insensitive):
 *   "MACRS5", "MACRS7", "MACRS15"  GDS, half-year convention: Table A-1's percentages, exactly as
 *                 printed (5-year 20.00, 32.00, ...; the 7- and 15-year columns are rounded to two
 *                 decimals in the table and still sum to 100.00). 5-year: computers and mining
 *                 ASICs; 7-year: most other equipment; 15-year: land improvements, and qualified
 *                 improvement property (Publication 946: an improvement to the interior of a
 *                 nonresidential building placed in service after the building was, except an
 *                 enlargement, an elevator or escalator, or the internal structural framework; so
 *                 a fit-out of an existing hall, never a new hall's shell, which is SL39). QIP is
 *                 bonus-eligible (a recovery period of 20 years or less).
 *   "SL39"        nonresidential real property, 39 years, straight line, mid-month convention:
 *                 Table A-7a. Year 1 by the month placed in service (January 2.461% ... December
 *                 0.107%), years 2–39 2.564% each, year 40 the rest (0.107% ... 2.461%).
 *   "SL"          straight line over `years`: (cost − bonus) / years each year, no convention.
 * The mid-quarter convention (more than 40% of a year's property placed in service in its last
 * quarter) is not applied: use the half-year tables' figures as a simplification, said so.
 *
 *   bonus     = bonus_pct × cost, deducted in year 1 (the special depreciation allowance; 100% for
 *               qualified property acquired after 19 January 2025, P.L. 119-21). It applies to
 *               property with a recovery period of 20 years or less, so SL39 refuses it.
 *   year y    deduction = (cost − bonus) × table percentage of year y (+ bonus in year 1)
 *   remaining basis = cost − the deductions of years 1..y
 * Rows: `years` of them (default: the method's full recovery: 6, 8, 16 or 40 years; required for
 * "SL"). Fewer rows stop early (the last row's remaining basis is what is left to deduct); more
 * rows than the recovery add years of 0. Over the full recovery the deductions sum to the cost
 * exactly (decimal arithmetic on the tables' own percentages, which sum to 100).
 */
import { Decimal, Num, ZERO } from "./decimal";
import { InvalidArgumentError } from "./errors";
import { oneOf } from "./choice";
import { DEPRECIATION_YEARS, MONTH_OF_YEAR } from "./limits";
import { fraction, nonNegative, within } from "./validate";

export const DEPRECIATION_METHODS = ["MACRS5", "MACRS7", "MACRS15", "SL39", "SL"] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

/** The most rows a schedule may have (a century of tax years: DEPRECIATION_YEARS in limits.ts). */
export const MAX_DEPRECIATION_YEARS = DEPRECIATION_YEARS.max!;

/** Publication 946, Table A-1 (GDS, 200% or 150% declining balance, half-year convention), percent. */
const TABLE_A1: Record<"MACRS5" | "MACRS7" | "MACRS15", readonly string[]> = {
  MACRS5: ["20.00", "32.00", "19.20", "11.52", "11.52", "5.76"],
  MACRS7: ["14.29", "24.49", "17.49", "12.49", "8.93", "8.92", "8.93", "4.46"],
  MACRS15: [
    "5.00",
    "9.50",
    "8.55",
    "7.70",
    "6.93",
    "6.23",
    "5.90",
    "5.90",
    "5.91",
    "5.90",
    "5.91",
    "5.90",
    "5.91",
    "5.90",
    "5.91",
    "2.95",
  ],
};

/** Publication 946, Table A-7a (39-year, mid-month): year 1 by the month placed in service, percent. */
const TABLE_A7A_FIRST_YEAR = [
  "2.461",
  "2.247",
  "2.033",
  "1.819",
  "1.605",
  "1.391",
  "1.177",
  "0.963",
  "0.749",
  "0.535",
  "0.321",
  "0.107",
];
const TABLE_A7A_MIDDLE_YEARS = "2.564"; // years 2–39

/** The table's percentages (as fractions) for a method; SL39 by the month placed in service. */
function tableFractions(method: Exclude<DepreciationMethod, "SL">, month: number): Decimal[] {
  const percent =
    method === "SL39"
      ? [
          TABLE_A7A_FIRST_YEAR[month - 1],
          ...new Array<string>(38).fill(TABLE_A7A_MIDDLE_YEARS),
          TABLE_A7A_FIRST_YEAR[12 - month], // year 40 mirrors year 1
        ]
      : TABLE_A1[method];
  return percent.map((p) => new Decimal(p).div(100));
}

/** The method's full recovery in tax years (the half-year and mid-month conventions add one). */
export function recoveryYears(method: Exclude<DepreciationMethod, "SL">): number {
  return method === "SL39" ? 40 : TABLE_A1[method].length;
}

/** Inputs of DEPRECIATION, keyed by their public parameter names. */
export interface DepreciationInputs {
  /** depreciable basis, USD, 0 or more */
  cost_usd: Num;
  /** "MACRS5", "MACRS7", "MACRS15", "SL39" or "SL", case-insensitive */
  method: string;
  /** share of the cost deducted in year 1 as bonus depreciation, 0 to 1. Default 0 */
  bonus_pct?: Num;
  /** month placed in service, 1 (January) to 12; used by SL39 only. Default 1 */
  placed_in_service_month?: Num;
  /** rows (tax years); default the method's full recovery; required for SL (its recovery period) */
  years?: Num;
}

/** One tax year, USD. */
export interface DepreciationYear {
  year: number;
  deduction: Decimal;
  /** the basis not yet deducted at the end of the year */
  remainingBasis: Decimal;
}

/**
 * The year-by-year deductions (see the module comment for the tables and conventions).
 * @returns one row per tax year, 1..years
 * @throws InvalidArgumentError naming the argument: an unknown method (the allowed ones listed), a
 *   month outside 1–12, bonus with SL39, years missing for SL or not a whole number from 1 to 100
 */
export function depreciation(i: DepreciationInputs): DepreciationYear[] {
  const cost = nonNegative("cost_usd", i.cost_usd);
  const method = oneOf<DepreciationMethod>("method", i.method, DEPRECIATION_METHODS);
  const bonusShare = fraction("bonus_pct", i.bonus_pct ?? 0);
  const month = within("placed_in_service_month", i.placed_in_service_month ?? 1, MONTH_OF_YEAR).toNumber();
  if (method === "SL39" && !bonusShare.isZero()) {
    throw new InvalidArgumentError(
      "bonus_pct",
      "0 with SL39 (bonus depreciation applies to property with a recovery period of 20 years or less, not to 39-year real property; put the cost-segregated part in MACRS5, MACRS7 or MACRS15)",
      bonusShare.toString(),
    );
  }
  if (method === "SL" && i.years === undefined) {
    throw new InvalidArgumentError(
      "years",
      `a whole number of years from 1 to ${MAX_DEPRECIATION_YEARS} with SL (the straight line's recovery period)`,
      "blank",
    );
  }
  const years =
    i.years === undefined
      ? recoveryYears(method as Exclude<DepreciationMethod, "SL">)
      : within("years", i.years, DEPRECIATION_YEARS).toNumber();

  const bonus = cost.mul(bonusShare);
  const rest = cost.sub(bonus);
  const shares =
    method === "SL" ? new Array<Decimal>(years).fill(new Decimal(1).div(years)) : tableFractions(method, month);
  const rows: DepreciationYear[] = [];
  let deducted = ZERO;
  for (let y = 1; y <= years; y++) {
    const share = shares[y - 1];
    let deduction = share === undefined ? ZERO : rest.mul(share);
    if (y === 1) deduction = deduction.add(bonus);
    // SL's last year takes what is left, so that 1/years × years rounding leaves no basis behind
    if (method === "SL" && y === years) deduction = cost.sub(deducted);
    deducted = deducted.add(deduction);
    rows.push({ year: y, deduction, remainingBasis: cost.sub(deducted) });
  }
  return rows;
}
