/**
 * Treasury ("DAT", digital-asset treasury) metrics as the market defines them, from Strategy's
 * KPI disclosures (docs/sources.md#treasury): BTC per share, BTC Yield, BTC Gain,
 * mNAV, NAV per share; the loan-to-value of a BTC-backed loan and its threshold prices; runway.
 *
 * The held asset need not be BTC (Bitmine holds ETH): "btc" is a quantity of the treasury asset
 * in its own units and "btc_price" its price in the reporting currency (USD in the docs); any
 * asset and currency work if used consistently. Shares are share counts: assumed diluted shares
 * (Strategy's ADSO) for the per-share KPIs, as Strategy defines them.
 *
 * Convertibles are counted once, either as shares or as debt, never as both. `shares` (assumed
 * diluted shares) counts every convertible as converted, so wherever `shares` divides or
 * multiplies, the convertible notes' principal (`convertible_debt`, part of `debt`) is left out of
 * the debt: it is equity once converted. `basic_shares` counts no convertible, so wherever it is
 * used the whole `debt`, convertibles at principal, is debt. (Options and RSUs, in the diluted
 * count only, have no debt to double.)
 *
 * Functions with optional arguments take an object keyed by the public parameter names; the
 * others take their arguments in the public order. Results are exact to 40 significant digits.
 */
import { Decimal, Num, ONE } from "./decimal";
import { InvalidArgumentError, NoAnswerError } from "./errors";
import { oneOf } from "./choice";
import { finite, nonNegative, positive } from "./validate";

/**
 * BTC per share: btc / shares.
 * @param btc asset held, in its units (BTC), 0 or more
 * @param shares share count (assumed diluted shares), greater than 0
 * @returns asset units per share (× 1e8 for sats per share)
 */
export function btcPerShare(btc: Num, shares: Num): Decimal {
  return nonNegative("btc", btc).div(positive("shares", shares));
}

function startAndEnd(btcStart: Num, sharesStart: Num, btcEnd: Num, sharesEnd: Num) {
  const b0 = nonNegative("btc_start", btcStart);
  const s0 = positive("shares_start", sharesStart);
  const b1 = nonNegative("btc_end", btcEnd);
  const s1 = positive("shares_end", sharesEnd);
  if (b0.isZero()) {
    throw new NoAnswerError("btc_start is 0: with no BTC per share at the start, its change has no percentage");
  }
  return { b0, s0, b1, s1 };
}

/**
 * BTC Yield: the change of BTC per share over a period, (btc_end / shares_end) / (btc_start /
 * shares_start) − 1, computed as btc_end × shares_start / (btc_start × shares_end) − 1 (one
 * division).
 * @returns a rate (0.1097 = 10.97%)
 * @throws NoAnswerError when btc_start is 0
 */
export function btcYield(btcStart: Num, sharesStart: Num, btcEnd: Num, sharesEnd: Num): Decimal {
  const { b0, s0, b1, s1 } = startAndEnd(btcStart, sharesStart, btcEnd, sharesEnd);
  return b1.mul(s0).div(b0.mul(s1)).sub(ONE);
}

/**
 * BTC Gain: btc_start × BTC Yield, the BTC the period added for the holders of the starting
 * shares. Computed as the equal btc_end × shares_start / shares_end − btc_start (one division).
 * @returns asset units (BTC)
 * @throws NoAnswerError when btc_start is 0 (the yield, and so the gain, is undefined)
 */
export function btcGain(btcStart: Num, sharesStart: Num, btcEnd: Num, sharesEnd: Num): Decimal {
  const { b0, s0, b1, s1 } = startAndEnd(btcStart, sharesStart, btcEnd, sharesEnd);
  return b1.mul(s0).div(s1).sub(b0);
}

/** The bases of mNAV: enterprise value (Strategy since mid-2025) or market capitalisation. */
export const MNAV_BASES = ["EV", "MCAP"] as const;
export type MnavBasis = (typeof MNAV_BASES)[number];

/** Inputs of MNAV, keyed by their public parameter names. Money in one currency (USD). */
export interface MnavInputs {
  share_price: Num;
  /** assumed diluted shares (every convertible as converted) */
  shares: Num;
  btc: Num;
  btc_price: Num;
  /** debt principal, convertible notes included */
  debt?: Num;
  preferred?: Num;
  cash?: Num;
  /** "EV" (default) or "MCAP", case-insensitive */
  basis?: string;
  /** basic shares outstanding (no conversion); blank = use `shares` */
  basic_shares?: Num;
  /** the principal of the convertible notes included in `debt`, whose shares `shares` counts. Default 0 */
  convertible_debt?: Num;
}

/**
 * The share count and debt that MNAV's EV and NAVPERSHARE use, checked, convertibles counted once:
 * basic shares with the whole debt, or diluted shares with the debt less the convertibles.
 */
function capitalStructure(i: { shares: Num; debt?: Num; basic_shares?: Num; convertible_debt?: Num }) {
  const shares = positive("shares", i.shares);
  const debt = nonNegative("debt", i.debt ?? 0);
  const convertible = nonNegative("convertible_debt", i.convertible_debt ?? 0);
  if (convertible.gt(debt)) {
    throw new InvalidArgumentError(
      "convertible_debt",
      `at most debt (${debt.toString()}): the convertible notes' principal is part of the debt`,
      convertible.toString(),
    );
  }
  if (i.basic_shares === undefined) return { diluted: shares, shares, debt: debt.sub(convertible) };
  const basic = positive("basic_shares", i.basic_shares);
  if (basic.gt(shares)) {
    // A condition on both: a basic count too large or a diluted count too small.
    throw new InvalidArgumentError(
      "basic_shares",
      `such that basic_shares ≤ shares (the assumed diluted count includes the basic shares)`,
      `${basic.toString()} basic and ${shares.toString()} diluted`,
      ["shares"],
    );
  }
  return { diluted: shares, shares: basic, debt };
}

/**
 * mNAV: the market's valuation over the Bitcoin NAV (btc × btc_price).
 *   "EV":   (S × share_price + D + preferred − cash) / (btc × btc_price)
 *   "MCAP": shares × share_price / (btc × btc_price)   (debt, preferred and cash are not used)
 * EV's share count S and debt D, so that convertibles count once:
 *   basic_shares given: S = basic_shares, D = debt (convertibles as debt at principal): Strategy's
 *     EV since mid-2025 (basic shares, debt principal, perpetual preferred notional, last cash)
 *   basic_shares blank: S = shares (assumed diluted), D = debt − convertible_debt: EV as
 *     converted. With convertible_debt 0 (the default) this is the whole debt on diluted shares:
 *     then `debt` must not include notes whose shares `shares` counts.
 * MCAP is the market capitalisation on `shares` (diluted, or basic if you pass them) alone.
 * The EV can be negative (cash above market cap plus debt): so is the mNAV then.
 * @returns a multiple (1.5 = the market values the company at 1.5× its BTC)
 * @throws InvalidArgumentError for an unknown basis (listing "EV" and "MCAP"), basic_shares above
 *   shares, convertible_debt above debt; NoAnswerError when btc is 0 (no Bitcoin NAV to divide by)
 */
export function mnav(i: MnavInputs): Decimal {
  const price = positive("share_price", i.share_price);
  const capital = capitalStructure(i);
  const btc = nonNegative("btc", i.btc);
  const btcPrice = positive("btc_price", i.btc_price);
  const preferred = nonNegative("preferred", i.preferred ?? 0);
  const cash = nonNegative("cash", i.cash ?? 0);
  const basis = oneOf<MnavBasis>("basis", i.basis ?? "EV", MNAV_BASES);
  if (btc.isZero()) throw new NoAnswerError("btc is 0: there is no Bitcoin NAV to compare the company's value with");
  const nav = btc.mul(btcPrice);
  if (basis === "MCAP") return capital.diluted.mul(price).div(nav);
  return capital.shares.mul(price).add(capital.debt).add(preferred).sub(cash).div(nav);
}

/** Inputs of NAVPERSHARE, keyed by their public parameter names. */
export interface NavPerShareInputs {
  btc: Num;
  btc_price: Num;
  /** assumed diluted shares (every convertible as converted) */
  shares: Num;
  /** debt principal, convertible notes included */
  debt?: Num;
  preferred?: Num;
  cash?: Num;
  /** basic shares outstanding; blank = per assumed diluted share */
  basic_shares?: Num;
  /** the principal of the convertible notes included in `debt`, whose shares `shares` counts. Default 0 */
  convertible_debt?: Num;
}

/**
 * NAV per share: (btc × btc_price + cash − D − preferred) / S, the BTC and cash left to each
 * share after the debt and preferred are paid. Negative when they exceed the assets.
 *   basic_shares given: S = basic_shares, D = debt (the convertibles repaid at principal)
 *   basic_shares blank: S = shares (assumed diluted), D = debt − convertible_debt (the
 *     convertibles converted, so not repaid); convertible_debt 0 gives the whole debt
 * btc_price may be 0 (a stress case).
 * @returns currency per share (USD)
 */
export function navPerShare(i: NavPerShareInputs): Decimal {
  const btc = nonNegative("btc", i.btc);
  const btcPrice = nonNegative("btc_price", i.btc_price);
  const capital = capitalStructure(i);
  const preferred = nonNegative("preferred", i.preferred ?? 0);
  const cash = nonNegative("cash", i.cash ?? 0);
  return btc.mul(btcPrice).add(cash).sub(capital.debt).sub(preferred).div(capital.shares);
}

/**
 * Loan-to-value of a BTC-backed loan: loan / (collateral_btc × btc_price).
 * @param loan outstanding principal, currency (USD), 0 or more
 * @param collateralBtc BTC pledged, greater than 0
 * @param btcPrice currency per BTC, greater than 0
 * @returns a fraction (0.5 = 50%); above 1 when the loan exceeds the collateral's value
 */
export function ltv(loan: Num, collateralBtc: Num, btcPrice: Num): Decimal {
  const l = nonNegative("loan", loan);
  const c = positive("collateral_btc", collateralBtc);
  return l.div(c.mul(positive("btc_price", btcPrice)));
}

/**
 * The BTC price at which the loan-to-value reaches `ltv`: loan / (collateral_btc × ltv). With the
 * margin-call or liquidation threshold as `ltv`, the margin-call or liquidation price.
 * @param ltvThreshold a fraction greater than 0 and at most 1 (0.75 = 75%)
 * @returns currency per BTC (USD)
 * @throws InvalidArgumentError when ltv is outside (0, 1]; NoAnswerError when loan is 0 (the LTV
 *   is 0 at every price and never reaches the threshold)
 */
export function ltvPrice(loan: Num, collateralBtc: Num, ltvThreshold: Num): Decimal {
  const l = nonNegative("loan", loan);
  const c = positive("collateral_btc", collateralBtc);
  const allowed = "a fraction greater than 0 and at most 1 (0.75 = 75%)";
  const t = finite("ltv", ltvThreshold, allowed);
  if (!t.gt(0) || t.gt(1)) throw new InvalidArgumentError("ltv", allowed, t.toString());
  if (l.isZero()) throw new NoAnswerError("loan is 0: the loan-to-value is 0 at every BTC price and never reaches ltv");
  return l.div(c.mul(t));
}

/** Inputs of RUNWAYMONTHS, keyed by their public parameter names. */
export interface RunwayInputs {
  cash: Num;
  monthly_burn: Num;
  btc?: Num;
  btc_price?: Num;
  haircut?: Num;
}

/**
 * Runway: months the cash, and the BTC sold at btc_price less a haircut, cover a constant burn:
 *   (cash + btc × btc_price × (1 − haircut)) / monthly_burn
 * A fraction of a month is kept (7.5 = seven and a half months). No interest, no income growth:
 * put non-BTC cash income (e.g. lease NOI) into the burn as a deduction. Leave pledged
 * (encumbered) BTC out of `btc`.
 * @param cash currency (USD), 0 or more
 * @param monthly_burn currency per month; ≤ 0 has no runway (NoAnswerError)
 * @param haircut a fraction from 0 up to but not including 1: the discount a forced sale takes
 * @returns months
 */
export function runwayMonths(i: RunwayInputs): Decimal {
  const cash = nonNegative("cash", i.cash);
  const burn = finite("monthly_burn", i.monthly_burn);
  const btc = nonNegative("btc", i.btc ?? 0);
  const btcPrice = nonNegative("btc_price", i.btc_price ?? 0);
  const haircutAllowed = "a fraction from 0 up to but not including 1 (0.2 = 20%)";
  const haircut = finite("haircut", i.haircut ?? 0, haircutAllowed);
  if (haircut.lt(0) || !haircut.lt(1)) throw new InvalidArgumentError("haircut", haircutAllowed, haircut.toString());
  if (!burn.gt(0)) {
    throw new NoAnswerError(`monthly_burn is ${burn.toString()}: cash is not running down, so it never runs out`);
  }
  return cash.add(btc.mul(btcPrice).mul(ONE.sub(haircut))).div(burn);
}
