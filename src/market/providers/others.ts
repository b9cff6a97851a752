/**
 * Independent fallbacks: blockchain.info (difficulty, height, prices), Coinbase, Kraken and
 * CoinGecko (price). Shapes from each provider's documentation; recorded in test/fixtures/api/.
 */
import { CURRENCIES, Currency } from "../fields";
import { at, clip, parseJson, plausible, preview, RANGES } from "../check";
import { FetchFailure } from "../http";
import { Endpoint, reading } from "./types";

function wholeText(body: string, what: string): number {
  const t = body.trim();
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t))
    throw new FetchFailure("invalid", `${what}: expected a number, got ${preview(t)}`);
  return Number(t);
}

/** blockchain.info /q/getdifficulty: plain-text difficulty. `cors=true` lets browsers read it. */
export const blockchainDifficulty: Endpoint = {
  provider: "blockchain.info",
  path: "/q/getdifficulty?cors=true",
  parse: (body) =>
    reading({
      fields: {
        difficulty: plausible(
          wholeText(body, "blockchain.info difficulty"),
          "blockchain.info difficulty",
          ...RANGES.difficulty,
        ),
      },
    }),
};

/** blockchain.info /q/getblockcount: plain-text height. */
export const blockchainHeight: Endpoint = {
  provider: "blockchain.info",
  path: "/q/getblockcount?cors=true",
  parse(body) {
    const h = wholeText(body, "blockchain.info block count");
    if (!Number.isInteger(h)) throw new FetchFailure("invalid", `blockchain.info block count: ${h} is not whole`);
    return reading({ fields: { block_height: plausible(h, "blockchain.info block count", ...RANGES.height) } });
  },
};

/** blockchain.info /ticker: { USD: { last, ... }, EUR: {...} }. */
export const blockchainTicker: Endpoint = {
  provider: "blockchain.info",
  path: "/ticker?cors=true",
  parse(body) {
    const json = parseJson(body, "blockchain.info ticker");
    const prices: Partial<Record<Currency, number>> = {};
    for (const c of CURRENCIES) {
      const v = at(json, c, "last");
      if (v === undefined && c !== "USD") continue;
      const [min, max] = c === "USD" ? RANGES.priceUsd : RANGES.priceOther;
      prices[c] = plausible(v, `blockchain.info ticker ${c}`, min, max);
    }
    return reading({ prices });
  },
};

/** Coinbase /v2/prices/BTC-USD/spot: { data: { amount: "91248.57", base: "BTC", currency: "USD" } }. */
export const coinbaseSpot: Endpoint = {
  provider: "coinbase",
  path: "/v2/prices/BTC-USD/spot",
  parse(body) {
    const json = parseJson(body, "coinbase spot");
    if (at(json, "data", "base") !== "BTC" || at(json, "data", "currency") !== "USD") {
      throw new FetchFailure("invalid", "coinbase spot: not a BTC-USD price");
    }
    return reading({
      prices: { USD: plausible(at(json, "data", "amount"), "coinbase spot amount", ...RANGES.priceUsd, true) },
    });
  },
};

/** Kraken /0/public/Ticker?pair=XBTUSD: result.XXBTZUSD.c[0] is the last trade price (a string). */
export const krakenTicker: Endpoint = {
  provider: "kraken",
  path: "/0/public/Ticker?pair=XBTUSD",
  parse(body) {
    const json = parseJson(body, "kraken ticker");
    const errors = at(json, "error");
    if (!Array.isArray(errors) || errors.length > 0) {
      // Kraken's own words, but bounded: a few short strings, never a nested structure.
      const said = Array.isArray(errors)
        ? errors
            .slice(0, 3)
            .map((e) => (typeof e === "string" ? clip(e) : preview(e)))
            .join("; ") + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : "")
        : "no error list";
      throw new FetchFailure("invalid", `kraken ticker: ${said}`);
    }
    return reading({
      prices: { USD: plausible(at(json, "result", "XXBTZUSD", "c", 0), "kraken last trade", ...RANGES.priceUsd, true) },
    });
  },
};

/** CoinGecko /api/v3/simple/price: { bitcoin: { usd, eur, ..., last_updated_at } }. */
export const coingeckoPrice: Endpoint = {
  provider: "coingecko",
  path: `/api/v3/simple/price?ids=bitcoin&vs_currencies=${CURRENCIES.map((c) => c.toLowerCase()).join(",")}&include_last_updated_at=true`,
  parse(body) {
    const json = parseJson(body, "coingecko price");
    const prices: Partial<Record<Currency, number>> = {};
    for (const c of CURRENCIES) {
      const v = at(json, "bitcoin", c.toLowerCase());
      if (v === undefined && c !== "USD") continue;
      const [min, max] = c === "USD" ? RANGES.priceUsd : RANGES.priceOther;
      prices[c] = plausible(v, `coingecko ${c}`, min, max);
    }
    return reading({ prices });
  },
};
