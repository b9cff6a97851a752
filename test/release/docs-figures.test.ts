/**
 * Figures the guides state in prose, away from a printed formula (test/functions/docs-formulas
 * pins those): each re-derived here in plain floats from the protocol and the example's inputs,
 * and found in the guide as written.
 */
import * as fs from "fs";
import * as path from "path";
import { README_SITE } from "../calc/readme-example";

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
