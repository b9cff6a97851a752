import {
  blocksToNextHalving,
  cumulativeSubsidySats,
  difficultyForHashrateEhs,
  halvingEpoch,
  InvalidArgumentError,
  networkHashrateEhs,
  networkHashrateHs,
  nextHalvingHeight,
  subsidyBtc,
  subsidySats,
} from "../../src/calc";

describe("subsidy follows Bitcoin Core's GetBlockSubsidy", () => {
  test.each([
    [0, 50],
    [1, 50],
    [209_999, 50],
    [210_000, 25],
    [419_999, 25],
    [420_000, 12.5],
    [630_000, 6.25],
    [839_999, 6.25],
    [840_000, 3.125],
    [925_000, 3.125],
    [1_049_999, 3.125],
    [1_050_000, 1.5625],
    [1_260_000, 0.78125],
  ])("height %d pays %d BTC", (height, btc) => {
    expect(subsidyBtc(height).toNumber()).toBe(btc);
  });

  test("is whole satoshis: epoch 32 pays 1 sat, epoch 33 and later pay 0", () => {
    expect(subsidySats(32 * 210_000)).toBe(1); // floor(5e9 / 2^32)
    expect(subsidySats(33 * 210_000 - 1)).toBe(1);
    expect(subsidySats(33 * 210_000)).toBe(0);
    expect(subsidySats(63 * 210_000)).toBe(0);
    expect(subsidySats(64 * 210_000)).toBe(0);
    expect(subsidySats(Number.MAX_SAFE_INTEGER)).toBe(0);
  });

  test("every epoch's subsidy is the previous one right-shifted by one bit", () => {
    for (let epoch = 1; epoch < 70; epoch++) {
      const prev = BigInt(subsidySats((epoch - 1) * 210_000));
      expect(BigInt(subsidySats(epoch * 210_000))).toBe(epoch >= 64 ? 0n : prev >> 1n);
    }
  });

  test("all subsidies sum to 20,999,999.9769 BTC, just under 21M", () => {
    expect(cumulativeSubsidySats(64 * 210_000).toString()).toBe("2099999997690000");
    expect(cumulativeSubsidySats(10 ** 9).toString()).toBe("2099999997690000");
    expect(cumulativeSubsidySats(209_999).toString()).toBe(String(210_000 * 5_000_000_000));
  });

  test.each([[-1], [1.5], [NaN], [Infinity], [2 ** 53]])("refuses height %p", (h) => {
    expect(() => subsidySats(h)).toThrow(InvalidArgumentError);
    expect(() => subsidySats(h)).toThrow(/height must be a whole number/);
  });
});

describe("halvings", () => {
  test.each([
    [0, 210_000],
    [209_999, 210_000],
    [210_000, 420_000],
    [839_999, 840_000],
    [840_000, 1_050_000],
    [925_000, 1_050_000],
  ])("after height %d the next halving is at %d", (h, next) => {
    expect(nextHalvingHeight(h)).toBe(next);
  });

  test("blocks to the next halving count from the given height", () => {
    expect(blocksToNextHalving(975_312)).toBe(1_050_000 - 975_312);
    expect(blocksToNextHalving(840_000)).toBe(210_000);
    expect(halvingEpoch(840_000)).toBe(4);
  });
});

describe("difficulty and hashrate", () => {
  test("hashrate is difficulty × 2^32 / 600, exactly", () => {
    // 600 × 2^32 / 2^32 = 600: a difficulty of 600 is exactly 2^32 H/s.
    expect(networkHashrateHs(600).toString()).toBe("4294967296");
    // 155.97T (2025-10-29 adjustment) implies ~1.117 ZH/s (mining-costs.md reports ~1.13 ZH/s).
    expect(networkHashrateEhs(155.97e12).toString()).toBe("1116.4767485952"); // 155.97 × 4294967296 / 600 / 1e6
  });

  test("difficulty for a hashrate inverts the implied hashrate", () => {
    for (const d of [1, 1.5e14, 155.97e12, 3.3, 9.9e20]) {
      const back = difficultyForHashrateEhs(networkHashrateEhs(d)).toNumber();
      expect(Math.abs(back - d) / d).toBeLessThan(1e-15);
    }
  });

  test.each([[0], [-1], [0.999999], [NaN], [-Infinity]])("refuses difficulty %p (below the protocol's minimum of 1)", (d) => {
    expect(() => networkHashrateEhs(d)).toThrow(/difficulty must be a number of 1 or more/);
  });

  test("accepts the minimum difficulty, 1: 2^32 hashes per 600 s", () => {
    expect(networkHashrateHs(1).toNumber()).toBe(2 ** 32 / 600);
  });
});
