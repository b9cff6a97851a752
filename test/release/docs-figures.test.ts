/**
 * Figures the guides state in prose, away from a printed formula (test/functions/docs-formulas
 * pins those): each re-derived here in plain floats from the protocol and the example's inputs,
 * and found in the guide as written.
 */
import * as fs from "fs";
import * as path from "path";
import { README_CONVERSION, README_SITE } from "../calc/readme-example";
import type { ConversionPlan } from "../../src/calc";
import { conversionDistribution } from "../../src/calc/simulation";

const guide = (name: string) => fs.readFileSync(path.join(__dirname, "../../docs", name), "utf8").replace(/\s+/g, " ");

/** Hashprice, USD per PH/s per day: price × (subsidy + fees) × 86,400 × 10^15 / (difficulty × 2^32). */
const hashprice = (price: number, difficulty: number, subsidy: number, fees: number) =>
  (price * (subsidy + fees) * 86_400 * 1e15) / (difficulty * 2 ** 32);
/** The subsidy of the block at `height`, BTC: 50 halved every 210,000 blocks, in whole satoshis. */
const subsidyAt = (height: number) => Math.floor(5e9 / 2 ** Math.floor(height / 210_000)) / 1e8;

test("decision.md: 2% a month difficulty growth for 11 years takes hashprice from $38.07 to $1.41 per PH/s per day", () => {
  const s = README_SITE;
  const at = (month: number) =>
    hashprice(
      s.btc_price * (1 + s.btc_price_growth_monthly) ** (month - 1),
      s.difficulty * (1 + s.difficulty_growth_monthly) ** (month - 1),
      subsidyAt(s.start_height + 4_380 * (month - 1)),
      s.fees_btc_per_block,
    );
  const first = at(1).toFixed(2);
  const last = at(132).toFixed(2); // 11 years: three halvings later, 0.390625 BTC a block
  expect([first, last]).toEqual(["38.07", "1.41"]);
  expect(guide("decision.md")).toContain(`from $${first} to $${last} per PH/s per day`);
});

test("timing-option.md: CONVERSIONDIST's P(leasing worth more) for the 100 MW example, 0.908, and 0.710 with idle opex at 25%, as the function gives them", () => {
  const risk = {
    price_vol_annual: 0.5,
    difficulty_vol_annual: 0.2,
    price_difficulty_corr: 0.3,
    paths: 10_000,
    seed: 1,
  };
  const p = (plan: ConversionPlan) => conversionDistribution(plan, risk).leasingWorthMore.value.toFixed(3);
  const base = p(README_CONVERSION);
  const idle = p({ ...README_CONVERSION, idle_opex_pct: 0.25 });
  expect(guide("timing-option.md")).toContain(
    `P(leasing worth more) is ${base} with the fix (0.92 before it) and ${idle} with idle opex at 25%.`,
  );
});

test("the README's 'Mine or lease?' figures are the guides' pinned ones (printed formulas and the after-tax table, run by docs-formulas)", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8").replace(/\s+/g, " ");
  const lines = (name: string) => fs.readFileSync(path.join(__dirname, "../../docs", name), "utf8").split("\n");
  const pinned: [string, string, RegExp][] = [
    ["+$73.1M", "decision.md", /^\| `=MINER\.CONVERSIONVALUE\(/],
    ["$144,190", "decision.md", /^\| `=MINER\.CONVERSIONBREAKEVEN\(/],
    ["−$23.2M", "after-tax-and-financing.md", /^\| none \(all 39-year\) \|/],
    ["+$13.9M", "after-tax-and-financing.md", /^\| 50% \|/],
    ["+$36.1M", "after-tax-and-financing.md", /^\| 80% \|/],
    ["$552.2M", "after-tax-and-financing.md", /^=MINER\.DEBTCAPACITY\(/],
    ["35.8%", "after-tax-and-financing.md", /^=MINER\.EQUITYIRR\(/],
  ];
  for (const [figure, guide, line] of pinned) {
    expect([figure, readme.includes(`**${figure}**`)]).toEqual([figure, true]);
    expect([figure, lines(guide).filter((l) => line.test(l) && l.includes(figure)).length]).toEqual([figure, 1]);
  }
});
