import { btcPerDay, btcPerThDay, hashpriceUsdPerPhDay, InvalidArgumentError } from "../../src/calc";
import { between, prng, Q, relErr } from "../support/rational";

const TWO_32 = Q.of(4294967296);

/** Independent: BTC/day = h × 1e12 × 86400 × (s + f) / (D × 2^32), in exact rationals. */
function expectedBtcPerDay(h: number, d: number, f: number, s: number): number {
  return Q.of(h).mul(Q.of("1e12")).mul(86400).mul(Q.of(s).add(f)).div(Q.of(d).mul(TWO_32)).toNumber();
}

describe("BTC per day", () => {
  test("agrees with the exact formula to 1e-12 on 500 varied inputs", () => {
    const rand = prng(42);
    for (let i = 0; i < 500; i++) {
      const h = between(rand, 1e-3, 1e9);
      const d = between(rand, 1, 1e16);
      const f = between(rand, 0, 40, false);
      const s = [50, 6.25, 3.125, 1.5625, 0][i % 5];
      const got = btcPerDay(h, d, f, s).toNumber();
      expect(relErr(got, expectedBtcPerDay(h, d, f, s))).toBeLessThan(1e-12);
    }
  });

  test("a hashrate earns its share of the network’s 144 blocks a day", () => {
    // 1 EH/s = 1e6 TH/s; network ~1,073.7 EH/s at 150T, so the share of 144 × 3.125 BTC is 450/1073.7.
    const share = 1e6 * 1e12 / (150e12 * 4294967296 / 600);
    expect(relErr(btcPerDay(1e6, 150e12, 0, 3.125).toNumber(), share * 144 * 3.125)).toBeLessThan(1e-12);
  });

  test("the subsidy is always given (it halves with time): half the subsidy earns half the BTC", () => {
    expect(btcPerDay(200, 1.5e14, 0, 1.5625).mul(2).toString()).toBe(btcPerDay(200, 1.5e14, 0, 3.125).toString());
  });

  test("zero hashrate earns zero", () => {
    expect(btcPerDay(0, 1.5e14, 0, 3.125).toNumber()).toBe(0);
  });

  test.each([
    [[-1, 1e14, 0, 3.125], /hashrate_ths must be a number of 0 or more/],
    [[1, 0, 0, 3.125], /difficulty must be a number of 1 or more/],
    [[1, 0.99, 0, 3.125], /difficulty must be a number of 1 or more/],
    [[1, 1e14, -0.1, 3.125], /fees_btc_per_block must be a number of 0 or more/],
    [[1, 1e14, 0, 51], /subsidy must be a number from 0 to 50/],
    [[1, 1e14, 0, -1], /subsidy must be a number from 0 to 50 \(BTC per block\); got -1$/],
  ])("refuses %p", (args, message) => {
    const [h, d, f, s] = args as number[];
    expect(() => btcPerDay(h, d, f, s)).toThrow(InvalidArgumentError);
    expect(() => btcPerDay(h, d, f, s)).toThrow(message);
  });
});

describe("hashprice", () => {
  test("reproduces Luxor's late-Nov-2025 $38.2/PH/day from D=152T, $91,000, 0.036 BTC fees", () => {
    // Luxor's Hashrate Index reported $38.2; the formula gives $38.07.
    const hp = hashpriceUsdPerPhDay(91_000, 152e12, 0.036, 3.125).toNumber();
    expect(hp).toBeCloseTo(38.07, 2);
    expect(relErr(hp, 38.2)).toBeLessThan(0.01);
  });

  test("agrees with the exact formula to 1e-12 on varied inputs", () => {
    const rand = prng(7);
    for (let i = 0; i < 300; i++) {
      const p = between(rand, 1, 1e7);
      const d = between(rand, 1e6, 1e16);
      const f = between(rand, 0, 5, false);
      const expected = Q.of(p).mul(Q.of(3.125).add(f)).mul(86400).mul(Q.of("1e15")).div(Q.of(d).mul(TWO_32)).toNumber();
      expect(relErr(hashpriceUsdPerPhDay(p, d, f, 3.125).toNumber(), expected)).toBeLessThan(1e-12);
    }
  });

  test("is linear in price and inverse in difficulty", () => {
    const base = hashpriceUsdPerPhDay(90_000, 1.5e14, 0.02, 3.125).toNumber();
    expect(relErr(hashpriceUsdPerPhDay(180_000, 1.5e14, 0.02, 3.125).toNumber(), 2 * base)).toBeLessThan(1e-15);
    expect(relErr(hashpriceUsdPerPhDay(90_000, 3e14, 0.02, 3.125).toNumber(), base / 2)).toBeLessThan(1e-15);
  });

  test("equals BTC per TH-day × 1000 × price", () => {
    expect(hashpriceUsdPerPhDay(91_000, 152e12, 0.036, 3.125).toString()).toBe(
      btcPerThDay(152e12, 0.036, 3.125).mul(1000).mul(91_000).toString(),
    );
  });

  test("refuses a price of 0 or less", () => {
    expect(() => hashpriceUsdPerPhDay(0, 1e14, 0, 3.125)).toThrow(/btc_price must be a number greater than 0/);
  });
});
