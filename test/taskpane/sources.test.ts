/* Friendly source names and their full addresses (src/taskpane/sources.ts). */
import { PUBLIC_BASES } from "../../src/market/bases";
import { describeSource } from "../../src/taskpane/sources";

const bases = PUBLIC_BASES;

test.each([
  ["mempool.space /api/v1/prices", "mempool.space", "https://mempool.space/api/v1/prices"],
  ["Coinbase /v2/prices/BTC-USD/spot", "Coinbase", "https://api.coinbase.com/v2/prices/BTC-USD/spot"],
  ["Kraken /0/public/Ticker", "Kraken", "https://api.kraken.com/0/public/Ticker"],
  ["CoinGecko /api/v3/simple/price", "CoinGecko", "https://api.coingecko.com/api/v3/simple/price"],
  ["blockchain.info /q/getdifficulty", "blockchain.info", "https://blockchain.info/q/getdifficulty"],
])("%s is shown as %s, with its URL", (source, name, detail) => {
  expect(describeSource(source, bases)).toEqual({ name, detail });
});

test("a user's own instance is named by its host; its URL keeps the base's path", () => {
  const own = { ...bases, mempool: "https://node.example.org/mempool/" };
  expect(describeSource("node.example.org /api/v1/prices", own)).toEqual({
    name: "node.example.org",
    detail: "https://node.example.org/mempool/api/v1/prices",
  });
});

test("a confirmed jump names both providers", () => {
  expect(describeSource("mempool.space /api/v1/prices, confirmed by Coinbase /v2/prices/BTC-USD/spot", bases)).toEqual({
    name: "mempool.space, confirmed by Coinbase",
    detail: "https://mempool.space/api/v1/prices, confirmed by https://api.coinbase.com/v2/prices/BTC-USD/spot",
  });
});

test("a derived value is 'derived', with its formula in full", () => {
  const formula = "derived: MINER.NETWORKHASHRATE(BTC_Difficulty)";
  expect(describeSource(formula, bases)).toEqual({ name: "derived", detail: formula });
});

test("a label that is no provider of ours is shown as it is", () => {
  expect(describeSource("somewhere.example /x", bases)).toEqual({ name: "somewhere.example", detail: "somewhere.example /x" });
});
