/*
 * The Risk sheet evaluated by a formula engine (HyperFormula) with the MINER functions registered:
 * no error cell; its results equal the functions called directly on the inputs its tables hold; the
 * hashprice fan's log-normal shortcut matches a simulation of price and difficulty themselves; the
 * histogram's bins hold the share of simulated paths they say; it links to MINER_History's names.
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } }));

import { insertModel } from "../../src/taskpane/insert-model";
import { FAN_MONTHS, FAN_QUANTILES, HISTOGRAM_BINS, HISTOGRAM_QUANTILES, RISK_CELLS, RISK_RESULTS, RISK_SIZES } from "../../src/template/risk-sheet";
import { cellAt, columnLetters, parseCell } from "../../src/template/spec";
import { fieldOf, SIGNATURES } from "../../src/functions/params";
import { conversionPaths, ConversionPlan, marketModel, quantileEstimates, simulateMonths } from "../../src/calc";
import { exp } from "../../src/calc/simulation/float-math";
import { CALLS } from "../support/calls";
import { floatMeanSubsidy } from "../support/float-models";
import { Evaluated, evaluate } from "../../scripts/formula-engine";
import { FakeExcel, fakeExcel } from "../taskpane/fake-excel";
import { cellOf, leaseTableRows, num, QUICK_RISK } from "../support/template-model";
import { PHASES_RANGE } from "../../src/template/lease-sheet";

/** The inserted model, with `inputs` (workbook name → value) typed over it before its first calculation. */
async function model(initial?: Parameters<typeof fakeExcel>[0], inputs: Record<string, number> = {}): Promise<{ xl: FakeExcel; e: Evaluated }> {
  const xl = fakeExcel(initial);
  await insertModel(xl.context);
  return { xl, e: evaluate(xl, Object.fromEntries(Object.entries(inputs).map(([name, value]) => [cellOf(xl, name), value]))) };
}

/** A result of the Risk sheet, as the engine addresses it. */
const result = (key: (typeof RISK_RESULTS.rows.keys)[number]) => `Risk!${RISK_RESULTS.cell(key)}`;

/** "Risk!X5" for a cell `down` rows and `across` columns from `a1`. */
const at = (a1: string, down: number, across = 0) => {
  const { col, row } = parseCell(a1);
  return `Risk!${cellAt(col + across, row + down)}`;
};
/** A spilled table's cells, read back: `rows` × `cols` from `down` rows below its top-left cell. */
const spill = (e: Evaluated, a1: string, [cols, rows]: [number, number], down = 0) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => e.value(at(a1, down + r, c))));

/** The (name, value) rows of a FROMTABLE table the workbook names, evaluated; a list collects its unnamed rows. */
function tableValues(xl: FakeExcel, e: Evaluated, name: string): Map<string, unknown> {
  const [from, to] = cellOf(xl, name).split(":");
  const sheet = from.split("!")[0];
  const a = parseCell(from.split("!")[1]);
  const b = parseCell(to);
  const out = new Map<string, unknown>();
  let list: number[][] | undefined;
  for (let r = a.row; r <= b.row; r++) {
    const label = e.value(`${sheet}!${columnLetters(a.col)}${r}`);
    const value = e.value(`${sheet}!${columnLetters(a.col + 1)}${r}`);
    if ((label === null || label === "") && list) list.push([value as number]);
    else if (typeof label === "string" && label !== "") {
      list = label === "quantiles" ? [[value as number]] : undefined;
      out.set(label, list ?? value);
    }
  }
  return out;
}

/** The function called directly, its positional arguments read from the tables by name. */
function direct(id: keyof typeof SIGNATURES, tables: Map<string, unknown>[]): unknown {
  const args = SIGNATURES[id].map((p) => tables.find((t) => t.has(p.name))?.get(p.name) ?? null);
  return CALLS[id].fn(...args);
}

/** The model at its sourced defaults, calculated once: the tests below read it, and the shortcut test, which runs after them, then types its inputs over it. */
let atDefaults: ReturnType<typeof model> | undefined;
const defaults = () => (atDefaults ??= model());

describe("with the sourced defaults", () => {
  let xl: FakeExcel;
  let e: Evaluated;
  beforeAll(async () => {
    ({ xl, e } = await defaults());
  }, 120_000);

  test("no cell of the model is an error, and the Risk sheet's numbers are numbers", () => {
    expect(e.errors()).toEqual([]);
    for (const key of RISK_RESULTS.rows.keys) expect(typeof num(e, result(key))).toBe("number");
  });

  test("MININGNPVDIST, CONVERSIONDIST and CONVERSIONOPTION spill exactly what the functions give called directly on the same tables and the Lease vs Mine phases", () => {
    const site = tableValues(xl, e, "Site_Inputs");
    const mining = direct("MININGNPVDIST", [site, tableValues(xl, e, "Mining_Horizon"), tableValues(xl, e, "Risk_Inputs")]) as unknown[][];
    expect(mining).toHaveLength(RISK_SIZES.MININGNPVDIST[1]);
    expect(spill(e, RISK_CELLS.miningDist, RISK_SIZES.MININGNPVDIST)).toEqual(mining);
    // The lease is the Lease vs Mine sheet's: its phases (conversion_months and the MW ratio blank).
    const phases = new Map<string, unknown>([["phases", leaseTableRows(e, PHASES_RANGE)]]);
    const lease = tableValues(xl, e, "Lease_Inputs");
    const conversion = direct("CONVERSIONDIST", [site, lease, tableValues(xl, e, "Risk_Conversion_Inputs"), phases]) as unknown[][];
    expect(conversion).toHaveLength(RISK_SIZES.CONVERSIONDIST[1]);
    expect(spill(e, RISK_CELLS.conversionDist, RISK_SIZES.CONVERSIONDIST)).toEqual(conversion);
    const option = direct("CONVERSIONOPTION", [site, lease, tableValues(xl, e, "Risk_Inputs"), phases]) as unknown[][];
    const [width, room] = RISK_SIZES.CONVERSIONOPTION;
    expect(option.length).toBeLessThanOrEqual(room);
    expect(spill(e, RISK_CELLS.conversionOption, [width, option.length])).toEqual(option);
    // its convert now is the Lease vs Mine sheet's lease NPV and the fleet's sale (0 at the defaults)
    expect(option[1]).toEqual(["Convert now", num(e, cellOf(xl, "Lease_NPV")), 0]);
    const optionResults = ["optionConvertNow", "optionMine", "optionFlexible", "optionPremium", "optionConvertProbability", "optionMedianMonth"] as const;
    expect(optionResults.map((k) => num(e, result(k)))).toEqual(["Convert now", "Mine", "Flexible", "Option premium", "P(convert)", "Median conversion month"].map((l) => option.find((r) => r[0] === l)?.[1]));
    // The results block reads them by label.
    const get = (t: unknown[][], label: string) => t.find((r) => r[0] === label)?.[1];
    const conversionResults = ["pLeasingWins", "pLeasingWinsSe", "conversionMean", "conversionMeanSe", "conversionP10", "conversionP50", "conversionP90"] as const;
    expect(conversionResults.map((k) => num(e, result(k)))).toEqual(
      ["P(leasing worth more)", "P(leasing worth more) SE", "Mean (USD)", "Mean SE (USD)", "P10 (USD)", "P50 (USD)", "P90 (USD)"].map((l) => get(conversion, l)),
    );
    const miningResults = ["miningP10", "miningP50", "miningP90", "miningMean", "miningLossProbability"] as const;
    expect(miningResults.map((k) => num(e, result(k)))).toEqual(["P10 (USD)", "P50 (USD)", "P90 (USD)", "Mean (USD)", "P(NPV < 0)"].map((l) => get(mining, l)));
    expect(num(e, result("conversionDeterministic"))).toBe(num(e, cellOf(xl, "Conversion_Value")));
    expect(num(e, result("miningDeterministic"))).toBe(num(e, cellOf(xl, "Mining_NPV")));
    // The risk inputs are the Assumptions' ones.
    const risk = tableValues(xl, e, "Risk_Inputs");
    expect([...risk.entries()]).toEqual([
      ["price_vol_annual", 0.5],
      ["difficulty_vol_annual", 0.2],
      ["price_difficulty_corr", 0],
      ["paths", 10_000],
      ["seed", 1],
    ]);
    expect(tableValues(xl, e, "Risk_Conversion_Inputs").get("quantiles")).toEqual(HISTOGRAM_QUANTILES.map((p) => [p]));
  });

  test("the price fan is PRICEQUANTILES called directly; the hashprice fan is its process's PRICEQUANTILES × each month's block reward", () => {
    const v = (name: string) => num(e, cellOf(xl, name));
    const q = [[0.1, 0.5, 0.9]];
    const price = CALLS.PRICEQUANTILES.fn(v("BTC_Price_USD"), v("BTC_Price_Growth_Monthly"), v("Price_Vol_Annual"), FAN_MONTHS, q, v("Sim_Paths"), v("Sim_Seed"));
    expect(spill(e, RISK_CELLS.priceFan, RISK_SIZES.PRICEQUANTILES)).toEqual(price);

    // The hashprice process, re-derived here in floats.
    const [startCell] = RISK_CELLS.hashpriceProcess.split(":");
    const [hp0, g, vol] = [0, 1, 2].map((k) => num(e, at(startCell, k)));
    const sp = v("Price_Vol_Annual") / Math.sqrt(12);
    const sd = v("Difficulty_Vol_Annual") / Math.sqrt(12);
    const rho = v("Price_Difficulty_Corr");
    expect(hp0).toBeCloseTo((v("BTC_Price_USD") * 86400e15) / (v("Difficulty_Now") * 2 ** 32), 10);
    expect(g).toBeCloseTo(((1 + v("BTC_Price_Growth_Monthly")) / (1 + v("Difficulty_Growth_Monthly"))) * Math.exp(sd * sd - rho * sp * sd) - 1, 14);
    expect(vol).toBeCloseTo(Math.sqrt(12 * (sp * sp + sd * sd - 2 * rho * sp * sd)), 14);
    const perReward = CALLS.PRICEQUANTILES.fn(hp0, g, vol, FAN_MONTHS, q, v("Sim_Paths"), v("Sim_Seed")) as number[][];
    expect(spill(e, RISK_CELLS.hashpriceFanSource, RISK_SIZES.PRICEQUANTILES)).toEqual(perReward);
    for (const t of [0, 1, 29, 60, 120]) {
      const reward = floatMeanSubsidy(v("Start_Height") + 4380 * t, 4380) + v("Fees_BTC_per_Block");
      const row = spill(e, RISK_CELLS.hashpriceFan, [5, 1], 1 + t)[0] as number[];
      expect(row[0]).toBe(t);
      expect(row[1]).toBeCloseTo(reward, 12);
      for (let k = 0; k < 3; k++) expect(row[2 + k] / (perReward[1 + t][1 + k] * reward)).toBeCloseTo(1, 12);
    }
  });

  test("the histogram's bins hold the share of the simulated conversion values they say, and sum to 96%", () => {
    const v = (name: string) => num(e, cellOf(xl, name));
    const bins = spill(e, RISK_CELLS.histogram, [5, HISTOGRAM_BINS], 1) as number[][];
    const total = bins.reduce((s, b) => s + b[4], 0);
    expect(total).toBeCloseTo(0.96, 12);
    for (const b of bins) expect(b[4]).toBeGreaterThanOrEqual(0);
    // The same paths, from the calc module, counted into the sheet's bins.
    const site = tableValues(xl, e, "Site_Inputs");
    const lease = tableValues(xl, e, "Lease_Inputs");
    const plan = {
      ...Object.fromEntries(
        SIGNATURES.CONVERSIONVALUE.filter((p) => site.has(p.name) || lease.has(p.name))
          .map((p) => [fieldOf(p), (site.get(p.name) ?? lease.get(p.name)) as number])
          .filter(([, v]) => v !== null && (v as unknown) !== ""), // a blank (the floor's "") takes the default
      ),
      phases: leaseTableRows(e, PHASES_RANGE),
    } as unknown as ConversionPlan;
    const { values } = conversionPaths(plan, { price_vol_annual: v("Price_Vol_Annual"), difficulty_vol_annual: v("Difficulty_Vol_Annual"), price_difficulty_corr: v("Price_Difficulty_Corr"), paths: v("Sim_Paths"), seed: v("Sim_Seed") });
    for (const [from, to, , , probability] of bins) {
      const share = Array.from(values).filter((x) => x >= from && x < to).length / values.length;
      // Linear interpolation between quantiles 2% apart: within a point of the counted share.
      expect(probability).toBeNear(share, { abs: 0.01, label: `the bin from ${from} to ${to}` });
    }
  });

  test("the Risk sheet's inputs are on the Assumptions sheet, with their sources; the charts draw the fans and the histogram", () => {
    for (const name of ["Price_Vol_Annual", "Difficulty_Vol_Annual", "Price_Difficulty_Corr", "Sim_Paths", "Sim_Seed"]) {
      expect(cellOf(xl, name)).toMatch(/^Assumptions!B\d+$/);
    }
    expect(xl.cell(`Assumptions!D${cellOf(xl, "Price_Vol_Annual").split("!B")[1]}`)).toMatch(/docs\/sources\.md#market-data/);
    const risk = xl.charts.filter((c) => c.sheet === "Risk");
    expect(risk.map((c) => [c.type, c.title])).toEqual([
      ["Line", "BTC price fan (USD): P10, P50, P90 by month"],
      ["Line", "Hashprice fan (USD per PH/s per day): P10, P50, P90 by month"],
      ["ColumnClustered", "Conversion value (USD millions): probability by range, P2 to P98"],
    ]);
    // Each chart's data has a header row, then numbers only.
    for (const c of risk) {
      const [from, to] = c.source.split(":");
      const a = parseCell(from);
      const b = parseCell(to);
      for (let col = a.col; col <= b.col; col++) {
        expect(typeof e.value(`Risk!${cellAt(col, a.row)}`)).toBe("string");
        for (let r = a.row + 1; r <= b.row; r++) expect(typeof e.value(`Risk!${cellAt(col, r)}`)).toBe("number");
      }
      const [first, last] = (c.categories as string).split(":").map(parseCell);
      for (let r = first.row; r <= last.row; r++) expect(typeof e.value(`Risk!${cellAt(first.col, r)}`)).toBe("number");
    }
  });
});

test("the hashprice fan's shortcut (hashprice per BTC of reward as one log-normal) matches simulating price and difficulty themselves", async () => {
  // Correlated and volatile difficulty, so that every term of the shortcut matters: typed over the
  // defaults' model (its tests above have run), one recalculation instead of a new engine.
  const { xl, e } = await defaults();
  const inputs: Record<string, number> = { Price_Difficulty_Corr: 0.6, Difficulty_Vol_Annual: 0.35, Price_Vol_Annual: 0.7, Sim_Paths: 4000 };
  e.hf.batch(() => {
    for (const [name, value] of Object.entries(inputs)) e.set(cellOf(xl, name), value);
  });
  for (const [name, value] of Object.entries(inputs)) expect([name, num(e, cellOf(xl, name))]).toEqual([name, value]);
  expect(e.errors()).toEqual([]);
  const v = (name: string) => num(e, cellOf(xl, name));
  const market = marketModel({
    btc_price: v("BTC_Price_USD"),
    btc_price_growth_monthly: v("BTC_Price_Growth_Monthly"),
    price_vol_annual: v("Price_Vol_Annual"),
    difficulty: v("Difficulty_Now"),
    difficulty_growth_monthly: v("Difficulty_Growth_Monthly"),
    difficulty_vol_annual: v("Difficulty_Vol_Annual"),
    price_difficulty_corr: v("Price_Difficulty_Corr"),
  });
  const months = [12, 60, 120];
  const direct = new Map<number, { value: number; se: number }[]>();
  // Another seed than the sheet's: independent draws, compared within their combined standard errors.
  simulateMonths(market, { paths: 20000, months: 120, seed: 99 }, (t, lp, ld) => {
    if (!months.includes(t)) return;
    const reward = floatMeanSubsidy(v("Start_Height") + 4380 * t, 4380) + v("Fees_BTC_per_Block");
    const ln = new Float64Array(lp.length);
    for (let p = 0; p < lp.length; p++) ln[p] = lp[p] - ld[p] + Math.log((86400e15 / 2 ** 32) * reward);
    direct.set(t, quantileEstimates(ln, [0.1, 0.5, 0.9], exp));
  });
  const perReward = spill(e, RISK_CELLS.hashpriceFanSource, RISK_SIZES.PRICEQUANTILES) as number[][];
  for (const t of months) {
    const row = spill(e, RISK_CELLS.hashpriceFan, [5, 1], 1 + t)[0] as number[];
    (direct.get(t) ?? []).forEach((d, k) => {
      const se = perReward[1 + t][4 + k] * row[1];
      expect(row[2 + k]).toBeNear(d.value, { abs: 3 * Math.hypot(se, d.se), label: `month ${t}, quantile ${FAN_QUANTILES[k]}` });
    });
  }
}, 120_000);

test("linked to MINER_History, the price volatility and difficulty growth are the history's, and the model still evaluates", async () => {
  const history = { sheets: ["MINER_History"], names: { Hist_Price_Vol_Annual: "=MINER_History!$B$2", Hist_Difficulty_Growth_Monthly: "=MINER_History!$B$3" } };
  const xl = fakeExcel(history);
  xl.edit("MINER_History!B2", 0.42);
  xl.edit("MINER_History!B3", 0.015);
  const report = await insertModel(xl.context);
  expect(report.linkedMarket).toEqual(["Hist_Difficulty_Growth_Monthly", "Hist_Price_Vol_Annual"]);
  expect(xl.cell(cellOf(xl, "Price_Vol_Annual"))).toBe("=Hist_Price_Vol_Annual");
  expect(xl.cell(cellOf(xl, "Difficulty_Growth_Monthly"))).toBe("=Hist_Difficulty_Growth_Monthly");
  const row = cellOf(xl, "Price_Vol_Annual").split("!B")[1];
  expect(xl.cell(`Assumptions!D${row}`)).toMatch(/^history: MINER_History \(Hist_Price_Vol_Annual\)/);
  const e = evaluate(xl, { [cellOf(xl, "Sim_Paths")]: QUICK_RISK.Sim_Paths }); // the links, not the simulations, are checked here
  expect(e.errors()).toEqual([]);
  expect([num(e, cellOf(xl, "Price_Vol_Annual")), num(e, cellOf(xl, "Difficulty_Growth_Monthly"))]).toEqual([0.42, 0.015]);
}, 120_000);
