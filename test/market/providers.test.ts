import { MEMPOOL_ENDPOINTS as M } from "../../src/market/providers/mempool";
import { blockchainDifficulty, blockchainHeight, blockchainTicker, coinbaseSpot, coingeckoPrice, krakenTicker } from "../../src/market/providers/others";
import { FetchFailure } from "../../src/market/http";
import { fixture } from "../support/fixtures";

describe("parsers read the recorded real responses", () => {
  test("mempool /api/v1/prices: every currency it offers", () => {
    expect(M.prices.parse(fixture("mempool/v1-prices.json")).prices).toEqual({ USD: 91250, EUR: 78931, GBP: 69120, CAD: 127410, CHF: 73520, AUD: 139870, JPY: 14082000 });
  });
  test("mempool tip height (text)", () => {
    expect(M.tipHeight.parse(fixture("mempool/blocks-tip-height.txt")).fields).toEqual({ block_height: 975312 });
  });
  test("mempool hashrate/3d: current difficulty and hashrate in EH/s", () => {
    const r = M.hashrate3d.parse(fixture("mempool/v1-mining-hashrate-3d.json"));
    expect(r.fields.difficulty).toBe(162010345678901.25);
    expect(r.fields.network_hashrate_ehs).toBeCloseTo(1173.6318099003171, 9);
  });
  test("mempool reward-stats/144: fees per block = totalFee / 144 blocks / 1e8", () => {
    expect(M.rewardStats.parse(fixture("mempool/v1-mining-reward-stats-144.json")).fields.fees_btc_per_block).toBeCloseTo(3.6 / 144, 15);
  });
  test("mempool difficulty-adjustment: next retarget height, blocks, change (fraction) and date (Excel serial)", () => {
    const r = M.difficultyAdjustment.parse(fixture("mempool/v1-difficulty-adjustment.json"));
    expect(r.fields.next_retarget_height).toBe(975744);
    expect(r.fields.next_retarget_blocks).toBe(432);
    expect(r.fields.next_retarget_change).toBeCloseTo(0.025641025641, 12);
    expect(r.fields.next_retarget_date).toBeCloseTo(1795774320000 / 86_400_000 + 25_569, 9);
    expect(r.meanBlockSeconds).toBe(585);
  });
  test("blockchain.info difficulty, block count and ticker", () => {
    expect(blockchainDifficulty.parse(fixture("blockchain-info/q-getdifficulty.txt")).fields.difficulty).toBe(162010345678901.25);
    expect(blockchainHeight.parse(fixture("blockchain-info/q-getblockcount.txt")).fields.block_height).toBe(975312);
    expect(blockchainTicker.parse(fixture("blockchain-info/ticker.json")).prices).toEqual({ USD: 91251.4, EUR: 78935.2 });
  });
  test("Coinbase spot (amount is a string), Kraken last trade (string), CoinGecko", () => {
    expect(coinbaseSpot.parse(fixture("coinbase/v2-prices-btc-usd-spot.json")).prices).toEqual({ USD: 91248.57 });
    expect(krakenTicker.parse(fixture("kraken/0-public-ticker-xbtusd.json")).prices).toEqual({ USD: 91252.1 });
    expect(coingeckoPrice.parse(fixture("coingecko/simple-price-bitcoin-usd.json")).prices).toEqual({ USD: 91243.12 });
  });
});

describe("parsers reject what is not plausible", () => {
  const invalid = (f: () => unknown, message: RegExp) => {
    expect(f).toThrow(FetchFailure);
    expect(f).toThrow(message);
  };
  test("truncated JSON", () => invalid(() => M.prices.parse('{"USD": 912'), /not valid JSON/));
  test("wrong types", () => invalid(() => M.prices.parse('{"USD": "91250"}'), /expected a number, got "91250"/));
  test("a price of 0 or less", () => invalid(() => M.prices.parse('{"USD": 0}'), /outside the plausible range/));
  test("a price in cents, or in thousands", () => {
    invalid(() => coinbaseSpot.parse('{"data":{"amount":"9125000000","base":"BTC","currency":"USD"}}'), /outside the plausible range/);
    invalid(() => M.prices.parse('{"USD": 91.25}'), /outside the plausible range/);
  });
  test("a mempool instance whose node is down reports 0 difficulty", () =>
    invalid(() => M.hashrate3d.parse('{"hashrates":[],"difficulty":[],"currentHashrate":0,"currentDifficulty":0}'), /currentDifficulty: 0 is outside/));
  test("a height that is not a whole number", () => invalid(() => M.tipHeight.parse("975312.5"), /expected a whole number/));
  test("an HTML error page instead of a number", () => invalid(() => blockchainDifficulty.parse("<html>rate limited</html>"), /expected a number/));
  test("a retarget height that is not a multiple of 2016", () =>
    invalid(() => M.difficultyAdjustment.parse(fixture("mempool/v1-difficulty-adjustment.json").replace("975744", "975745")), /not a multiple of 2016/));
  test("Kraken's error list", () => invalid(() => krakenTicker.parse('{"error":["EGeneral:Too many requests"],"result":{}}'), /Too many requests/));
  test("Coinbase price of another pair", () =>
    invalid(() => coinbaseSpot.parse('{"data":{"amount":"3000","base":"ETH","currency":"USD"}}'), /not a BTC-USD price/));
  test("fee totals that are not sats strings or numbers", () =>
    invalid(() => M.rewardStats.parse('{"startBlock":975169,"endBlock":975312,"totalFee":"3.6 BTC"}'), /expected a number/));
});
