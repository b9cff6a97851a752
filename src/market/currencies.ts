/**
 * The BTC price in currencies other than USD. Only the USD price is confirmed by a second
 * provider (guards.ts, agreement.ts); each other currency comes from the same response and is held
 * to its exchange rate implied against USD (price in it ÷ price in USD, units of it per USD):
 *   - always, to a fixed plausible band for that currency (FX_RANGE widened by FX_MARGIN), so a first reading, or the
 *     first time a currency appears, is never taken on trust: EUR at 10× is 8.65 EUR per USD;
 *   - against the last good rate, which may move at most FX_JUMP;
 *   - and, when the confirming provider quoted the currency too, against its price (within
 *     PRICE_AGREEMENT); only then is the price labelled as confirmed by it.
 * A price that fails is dropped from the reading (its last good value stays, marked stale).
 *
 * Plain float arithmetic: these are plausibility bands. Why these numbers: docs/live-data-checks.md.
 */
import { Currency, MarketSnapshot } from "./fields";
import { Reading } from "./providers/types";
import { FX_JUMP, PRICE_AGREEMENT } from "./guards";

type Other = Exclude<Currency, "USD">;

/**
 * Units of each currency per USD at its extremes since 1999 (the euro's first year), from the
 * Federal Reserve's H.10 historical rates (the ECB's reference rates for the euro), rounded
 * outward: EUR 1.60 USD (2008) to 0.83 USD (2000); GBP 2.11 USD (2007) to 1.04 USD (2022); CAD
 * 0.91 (2007) to 1.62 (2002); CHF 0.70 (2011) to 1.83 (2000); AUD 1.10 USD (2011) to 0.48 USD
 * (2001); JPY 75 (2011) to 162 (2024). Sources: docs/sources.md#market-data.
 */
export const FX_RANGE: Record<Other, { low: number; high: number }> = {
  EUR: { low: 0.62, high: 1.22 },
  GBP: { low: 0.47, high: 0.97 },
  CAD: { low: 0.91, high: 1.62 },
  CHF: { low: 0.7, high: 1.83 },
  AUD: { low: 0.9, high: 2.1 },
  JPY: { low: 75, high: 162 },
};
/**
 * The plausible band is that range widened by a factor of 1.5 each way: more than any of these
 * currencies has moved against USD in a year since 1999 (the largest, AUD in 2008, fell about 40%
 * from July to October), while a price in cents (×100), a 10× slip or a currency in another's
 * place (JPY for EUR) lies far outside.
 */
export const FX_MARGIN = 1.5;

/** The plausible units of `c` per USD: [low ÷ 1.5, high × 1.5]. */
export function fxBand(c: Other): { min: number; max: number } {
  const r = FX_RANGE[c];
  return { min: r.low / FX_MARGIN, max: r.high * FX_MARGIN };
}

const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const rate = (x: number) => (x >= 10 ? fmt(x, 1) : fmt(x, 3));
const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

export interface CurrencyScreen {
  /** Why each refused currency was refused, for the banner. */
  problems: string[];
  /** The currencies the confirming provider also quoted, within PRICE_AGREEMENT. */
  confirmed: Set<Currency>;
}

/**
 * Screens the other currencies of an accepted price reading (see the module's notes): drops those
 * that fail from `r`, and says which the confirming provider's reading (`witness`) confirmed.
 */
export function screenCurrencies(
  r: Reading,
  reference: MarketSnapshot | undefined,
  witness: Reading | undefined,
): CurrencyScreen {
  const out: CurrencyScreen = { problems: [], confirmed: new Set() };
  const usd = r.prices.USD;
  for (const [c, v] of Object.entries(r.prices) as [Currency, number][]) {
    if (c === "USD") continue;
    const refuse = (why: string) => {
      delete r.prices[c];
      out.problems.push(`BTC price in ${c} ${fmt(v, 2)} ${why}: refused`);
    };
    if (usd === undefined) {
      refuse("came with no USD price to check it against");
      continue;
    }
    const implied = v / usd;
    const band = fxBand(c);
    if (!(implied >= band.min && implied <= band.max)) {
      refuse(
        `implies ${rate(implied)} ${c} per USD, outside the plausible ${rate(band.min)}–${rate(band.max)} (${c}'s range since 1999, widened 1.5× each way)`,
      );
      continue;
    }
    // The last good rate: the currency's and the USD price of one reading (a kept, stale currency
    // price against a fresh USD one is no rate at all: BTC moved between them), else the band alone.
    const lastUsd = reference?.prices.USD;
    const lastPrice = reference?.prices[c];
    const last = lastPrice && lastUsd && lastPrice.asOf === lastUsd.asOf ? lastPrice.value : undefined;
    if (lastUsd !== undefined && last !== undefined) {
      const move = implied / (last / lastUsd.value) - 1;
      if (Math.abs(move) > FX_JUMP) {
        refuse(`implies a ${c}/USD rate ${pct(move)} from the last good one (more than ±${FX_JUMP * 100}%)`);
        continue;
      }
    }
    const other = witness?.prices[c];
    if (other === undefined) continue;
    if (Math.abs(v - other) > PRICE_AGREEMENT * Math.min(v, other)) {
      refuse(`disagrees with the confirming provider's ${fmt(other, 2)} by more than ±${PRICE_AGREEMENT * 100}%`);
      continue;
    }
    out.confirmed.add(c);
  }
  return out;
}
