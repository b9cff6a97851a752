/**
 * The simulation's numbers for fixed seeds, bit for bit, as recorded when Node (V8), headless
 * Chromium (V8, as Excel's WebView2) and JavaScriptCore (Excel on the Mac) all gave the same
 * (scripts/check-engines.js; the engines are listed in probe.golden.json). A change here means
 * every saved workbook's simulated numbers change: re-run that script with --record only for a
 * deliberate change, and say so.
 */
import * as fs from "fs";
import * as path from "path";
import { probe } from "./probe";

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "probe.golden.json"), "utf8"));

test("exp/log/sqrt, normals, PRICEQUANTILES, simulated paths, VOLATILITY and CONVERSIONOPTION give the recorded bits", () => {
  const got = probe();
  expect(got.samples).toEqual(golden.samples);
  expect(got.digests).toEqual(golden.digests);
});
