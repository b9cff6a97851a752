/**
 * The Risk sheet: the site's two futures under a simulated market. The distribution
 * functions read the same assumptions as the Lease vs Mine sheet plus a table of the risk inputs:
 * MININGNPVDIST through MINER.FROMTABLE (Site_Inputs, Mining_Horizon, Risk_Inputs), CONVERSIONDIST
 * and CONVERSIONOPTION by position from the Lease vs Mine tables' cells and its phases (which no
 * name/value table can hold), so the lease is the Lease vs Mine sheet's; the fans read the
 * Assumptions names. On the sheet:
 *   - P(leasing worth more), the conversion value's and mining NPV's mean, P10, P50, P90, beside
 *     the deterministic values of the Lease vs Mine sheet;
 *   - the timing option (CONVERSIONOPTION): converting now, mining throughout and the flexible
 *     strategy (convert when a least-squares policy says so), its premium, P(convert), the median
 *     month, the flexible value's quantiles and the exercise boundary by year;
 *   - fan charts of the BTC price and of hashprice (P10, P50, P90, ten years);
 *   - a histogram of the conversion value: 20 equal bins between its P2 and P98, each bin's
 *     probability read off the distribution function interpolated between 49 quantiles (P2, P4,
 *     …, P98) of CONVERSIONDIST.
 *
 * Hashprice = price × reward × 86,400 × 1e15 / (difficulty × 2^32): per BTC of block reward it is
 * price / difficulty × a constant, the ratio of two correlated log-normals, so itself log-normal
 * with annual volatility √(σp² + σd² − 2ρ·σp·σd) and mean growth (1 + gp) / (1 + gd) ×
 * exp((σd² − ρ·σp·σd) / 12) − 1 a month (docs/risk.md derives it). PRICEQUANTILES simulates that
 * process; each month's quantiles are then scaled by the month's block reward (subsidy by height,
 * blended across a halving, plus fees), which moves every quantile alike.
 */
import { FunctionId, PARAMS, Param, SIGNATURES } from "../functions/params";
import { minerCall, SheetDraft } from "./draft";
import { conversionArg, SCHEDULE_MONTHS } from "./lease-sheet";
import { offset, Rows, sideBySide, Table } from "./layout";
import { ParamTable } from "./param-table";
import { absolute } from "./spec";

const USD = "#,##0";
const PCT = "0.0%";

/** Months the fans cover. */
export const FAN_MONTHS = 120;
/** The fans' quantiles, in the row beside the price fan's "Quantiles" (RISK_CELLS.fanQuantiles). */
export const FAN_QUANTILES = [0.1, 0.5, 0.9];
/** The conversion value's quantiles behind the histogram: P2, P4, …, P98. */
export const HISTOGRAM_QUANTILES = Array.from({ length: 49 }, (_, k) => Number((0.02 * (k + 1)).toFixed(2)));
export const HISTOGRAM_BINS = 20;

/** The risk inputs every distribution function adds to its deterministic function's (after which come the quantiles). */
const RISK_AT = SIGNATURES.MININGNPVDIST.findIndex((p) => p.name === "price_vol_annual");
const RISK_PARAMS: Param[] = SIGNATURES.MININGNPVDIST.slice(RISK_AT, RISK_AT + 5);
const QUANTILES = PARAMS.quantiles;

/** Column `k` places right of `letters`. */
const right = offset;

/** Every block's section title sits on this row. */
const SECTION_ROW = 4;
/** The three charts, one under another in F:O, a blank row between. */
const CHARTS = ["priceFan", "hashpriceFan", "histogram"] as const;
const chartSlot = (chart: (typeof CHARTS)[number]) => {
  const top = SECTION_ROW + 19 * CHARTS.indexOf(chart);
  return { from: `F${top}`, to: `O${top + 17}` };
};

/** CONVERSIONOPTION's fixed rows: a header, six results, the flexible value's P10, P50, P90; then a boundary a year. */
const OPTION_ROWS = 1 + 6 + 3;
export const RISK_SIZES = {
  MININGNPVDIST: [2, 5 + 2 * 3] as [number, number],
  CONVERSIONDIST: [2, 7 + 2 * HISTOGRAM_QUANTILES.length] as [number, number],
  PRICEQUANTILES: [1 + 2 * FAN_QUANTILES.length, FAN_MONTHS + 2] as [number, number],
  // Room for a boundary a year of the longest horizon the schedule holds (fewer rows spill for a shorter one).
  CONVERSIONOPTION: [3, OPTION_ROWS + SCHEDULE_MONTHS / 12] as [number, number],
};

// Layout: results and the risk tables in A:D, the charts in F:O, the data they are drawn from to
// the right of them, block by block with a blank column between.
const DATA = sideBySide("Q", {
  mining: RISK_SIZES.MININGNPVDIST[0], // MININGNPVDIST: label, value
  conversion: RISK_SIZES.CONVERSIONDIST[0], // CONVERSIONDIST: label, value
  option: RISK_SIZES.CONVERSIONOPTION[0], // CONVERSIONOPTION: label, value, SE
  fan: RISK_SIZES.PRICEQUANTILES[0], // PRICEQUANTILES: month, P10, P50, P90, their SEs
  hashprice: RISK_SIZES.PRICEQUANTILES[0], // hashprice per BTC of reward: its process, then PRICEQUANTILES of it
  hashpriceFan: 5, // month, block reward, P10, P50, P90 of hashprice
  quantiles: 2, // the conversion value's 49 quantiles: level, value
  bins: 5, // from, to, midpoint, share below, probability
});
const MINING_COL = DATA.mining;
const CONVERSION_COL = DATA.conversion;
const OPTION_COL = DATA.option;
const FAN_COL = DATA.fan;
const HP_COL = DATA.hashprice;
const HP_FAN_COL = DATA.hashpriceFan;
const QUANTILE_COL = DATA.quantiles;
const BIN_COL = DATA.bins;
/** The fans' quantiles' row (their label in the fan's first column). */
const FAN_QUANTILE_ROW = SECTION_ROW + 1;
const SPILL_ROW = 6;
const FAN_ROW = 7;
const HP_ROW = 9;

/** Hashprice per BTC of block reward: its log-normal process, from row 5 (label, a blank, value). */
const HP_PROCESS = new Rows(SECTION_ROW + 1, ["start", "growth", "vol"]);
const HP_VALUE = right(HP_COL, 2);

/** Where the spilled tables start, and their sizes (columns × rows) when the risk tables are as written. */
export const RISK_CELLS = {
  miningDist: `${MINING_COL}${SPILL_ROW}`,
  conversionDist: `${CONVERSION_COL}${SPILL_ROW}`,
  conversionOption: `${OPTION_COL}${SPILL_ROW}`,
  fanQuantiles: `${right(FAN_COL, 1)}${FAN_QUANTILE_ROW}:${right(FAN_COL, FAN_QUANTILES.length)}${FAN_QUANTILE_ROW}`,
  priceFan: `${FAN_COL}${FAN_ROW}`,
  hashpriceProcess: HP_PROCESS.range(HP_VALUE),
  hashpriceFanSource: `${HP_COL}${HP_ROW}`,
  hashpriceFan: `${HP_FAN_COL}${HP_ROW}`,
  histogramQuantiles: `${QUANTILE_COL}${HP_ROW}`,
  histogram: `${BIN_COL}${HP_ROW}`,
};

const MINING_LAST = SPILL_ROW + RISK_SIZES.MININGNPVDIST[1] - 1;
const CONVERSION_LAST = SPILL_ROW + RISK_SIZES.CONVERSIONDIST[1] - 1;
/** The value labelled `label` in a spilled (label, value) table. */
const lookup = (col: string, last: number, label: string) =>
  `INDEX($${right(col, 1)}$${SPILL_ROW}:$${right(col, 1)}$${last},MATCH("${label}",$${col}$${SPILL_ROW}:$${col}$${last},0))`;
const OPTION_LAST = SPILL_ROW + RISK_SIZES.CONVERSIONOPTION[1] - 1;
const mining = (label: string) => `=${lookup(MINING_COL, MINING_LAST, label)}`;
const conversion = (label: string) => lookup(CONVERSION_COL, CONVERSION_LAST, label);
const option = (label: string) => `=${lookup(OPTION_COL, OPTION_LAST, label)}`;
const quantileLabel = (p: number) => `P${Number((p * 100).toPrecision(12))} (USD)`;

/** The results, from A5: label, value, unit. */
export const RISK_RESULTS = new Table(
  `A${SECTION_ROW + 1}`,
  [
    {
      key: "pLeasingWins",
      label: "P(leasing is worth more than mining)",
      value: `=${conversion("P(leasing worth more)")}`,
      unit: "probability",
      numberFormat: PCT,
      name: ["P_Leasing_Wins", "P(leasing is worth more than mining), simulated: MINER model result"],
    },
    {
      key: "pLeasingWinsSe",
      label: "  its standard error",
      value: `=${conversion("P(leasing worth more) SE")}`,
      unit: "probability",
      numberFormat: PCT,
    },
    {
      key: "conversionMean",
      label: "Conversion value (lease − mining): mean",
      value: `=${conversion("Mean (USD)")}`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "conversionMeanSe",
      label: "  its standard error",
      value: `=${conversion("Mean SE (USD)")}`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "conversionP10",
      label: "Conversion value: P10",
      value: `=${conversion("P10 (USD)")}`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "conversionP50",
      label: "Conversion value: P50",
      value: `=${conversion("P50 (USD)")}`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "conversionP90",
      label: "Conversion value: P90",
      value: `=${conversion("P90 (USD)")}`,
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "conversionDeterministic",
      label: "Conversion value, deterministic (Lease vs Mine)",
      value: "=Conversion_Value",
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "miningP10",
      label: "Mining NPV: P10",
      value: mining("P10 (USD)"),
      unit: "USD",
      numberFormat: USD,
      name: ["Mining_NPV_P10", "Mining NPV, 10th percentile of the simulated paths (USD): MINER model result"],
    },
    {
      key: "miningP50",
      label: "Mining NPV: P50",
      value: mining("P50 (USD)"),
      unit: "USD",
      numberFormat: USD,
      name: ["Mining_NPV_P50", "Mining NPV, median of the simulated paths (USD): MINER model result"],
    },
    {
      key: "miningP90",
      label: "Mining NPV: P90",
      value: mining("P90 (USD)"),
      unit: "USD",
      numberFormat: USD,
      name: ["Mining_NPV_P90", "Mining NPV, 90th percentile of the simulated paths (USD): MINER model result"],
    },
    { key: "miningMean", label: "Mining NPV: mean", value: mining("Mean (USD)"), unit: "USD", numberFormat: USD },
    {
      key: "miningLossProbability",
      label: "P(mining NPV < 0)",
      value: mining("P(NPV < 0)"),
      unit: "probability",
      numberFormat: PCT,
    },
    {
      key: "miningDeterministic",
      label: "Mining NPV, deterministic (Lease vs Mine)",
      value: "=Mining_NPV",
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "optionConvertNow",
      label: "When to convert (CONVERSIONOPTION): convert now",
      value: option("Convert now"),
      unit: "USD: the lease and the fleet's sale",
      numberFormat: USD,
      name: ["Option_Convert_Now", "CONVERSIONOPTION's convert now (USD): MINER model result"],
    },
    {
      key: "optionMine",
      label: "  mine throughout: mean",
      value: option("Mine"),
      unit: "USD, with the site it keeps",
      numberFormat: USD,
    },
    {
      key: "optionFlexible",
      label: "  mine, and convert when the policy says: mean",
      value: option("Flexible"),
      unit: "USD",
      numberFormat: USD,
      name: ["Option_Flexible", "CONVERSIONOPTION's flexible strategy, mean (USD): MINER model result"],
    },
    {
      key: "optionPremium",
      label: "  option premium over the better of the two",
      value: option("Option premium"),
      unit: "USD",
      numberFormat: USD,
    },
    {
      key: "optionConvertProbability",
      label: "  P(converting before the horizon's end)",
      value: option("P(convert)"),
      unit: "probability",
      numberFormat: PCT,
    },
    {
      key: "optionMedianMonth",
      label: "  median month of conversion",
      value: option("Median conversion month"),
      unit: "months mined first",
      numberFormat: "0",
    },
  ],
  { style: "result" },
);

const RISK_TABLE = new ParamTable({
  name: "Risk_Inputs",
  top: RISK_RESULTS.bottom + 6,
  params: RISK_PARAMS,
  section: "Risk inputs (Risk_Inputs): name, value, unit, what it is",
  comment: "Assumptions table (name, value) read by MINER.FROMTABLE: the risk inputs",
});
/** Below it after two blank rows: the same with the histogram's quantiles, a list (its name on the first row only). */
const CONVERSION_TABLE = new ParamTable({
  name: "Risk_Conversion_Inputs",
  top: RISK_TABLE.bottom + 4,
  params: RISK_PARAMS,
  more: HISTOGRAM_QUANTILES.map((p, k) =>
    k === 0 ? [QUANTILES.name, p, QUANTILES.unit, "P2, P4, …, P98: the histogram's"] : ["", p, "", ""],
  ),
  section: "Risk inputs with the histogram's quantiles (Risk_Conversion_Inputs), for CONVERSIONDIST",
  comment: "Assumptions table (name, value): the risk inputs and 49 quantiles, CONVERSIONDIST's arguments",
});
/** The histogram's quantiles in the table's value column. */
const HISTOGRAM_QUANTILE_CELLS = `$B$${CONVERSION_TABLE.bottom - HISTOGRAM_QUANTILES.length + 1}:$B$${CONVERSION_TABLE.bottom}`;

/**
 * A conversion simulation by position: the Lease vs Mine tables' cells and phases, the risk inputs
 * from `risk`'s cells, the quantiles given (or blank).
 */
function conversionSimulation(id: FunctionId, risk: ParamTable, quantiles: string): string {
  return `=${minerCall(id, (p) => {
    if (p === QUANTILES.name) return quantiles;
    const cell = risk.cell(p);
    return cell ? absolute(cell) : conversionArg(p, true);
  })}`;
}

export function riskSheet(): SheetDraft {
  const d = new SheetDraft("risk");
  d.heading(
    "Risk: the site's two futures under a simulated BTC price and difficulty",
    "The same site and lease as the Lease vs Mine sheet; price and difficulty follow correlated log-normal paths whose means are the Assumptions' growth rates. Every estimate has a standard error (SE); the seed makes every recalculation give the same numbers.",
  );

  d.put(`A${SECTION_ROW}`, [["Results, from the simulations at the right", "", ""]], "section");
  RISK_RESULTS.write(d);

  riskTables(d);

  d.put(`${MINING_COL}${SECTION_ROW}`, [["Mining NPV over the horizon (MINER.MININGNPVDIST)"]], "section");
  d.put(RISK_CELLS.miningDist, [['=MINER.FROMTABLE("MININGNPVDIST",Site_Inputs,Mining_Horizon,Risk_Inputs)']]);
  d.format(`${right(MINING_COL, 1)}${SPILL_ROW + 1}:${right(MINING_COL, 1)}${MINING_LAST - 2}`, undefined, USD);
  d.put(
    `${CONVERSION_COL}${SECTION_ROW}`,
    [["Conversion value, with the histogram's quantiles (MINER.CONVERSIONDIST)"]],
    "section",
  );
  d.put(RISK_CELLS.conversionDist, [
    [conversionSimulation("CONVERSIONDIST", CONVERSION_TABLE, HISTOGRAM_QUANTILE_CELLS)],
  ]);
  d.format(
    `${right(CONVERSION_COL, 1)}${SPILL_ROW + 1}:${right(CONVERSION_COL, 1)}${CONVERSION_LAST - 4}`,
    undefined,
    USD,
  );
  d.put(`${OPTION_COL}${SECTION_ROW}`, [["When to convert: the timing option (MINER.CONVERSIONOPTION)"]], "section");
  d.put(RISK_CELLS.conversionOption, [[conversionSimulation("CONVERSIONOPTION", RISK_TABLE, '""')]]);
  d.format(`${right(OPTION_COL, 1)}${SPILL_ROW + 1}:${right(OPTION_COL, 2)}${OPTION_LAST}`, undefined, "#,##0.00");

  fans(d);
  histogram(d);
  d.width({
    A: 300,
    B: 120,
    C: 110,
    D: 330,
    [MINING_COL]: 150,
    [right(MINING_COL, 1)]: 120,
    [CONVERSION_COL]: 230,
    [right(CONVERSION_COL, 1)]: 120,
    [OPTION_COL]: 200,
    [right(OPTION_COL, 1)]: 120,
    [right(OPTION_COL, 2)]: 100,
    [HP_COL]: 230,
    [QUANTILE_COL]: 150,
    [right(QUANTILE_COL, 1)]: 120,
  });
  return d;
}

/** The risk inputs as FROMTABLE tables: one for MININGNPVDIST, one with the histogram's quantiles for CONVERSIONDIST. */
function riskTables(d: SheetDraft): void {
  RISK_TABLE.write(d);
  CONVERSION_TABLE.write(d);
}

/** The monthly mean block subsidy (BTC) of the 4,380 blocks from height h, blended across a halving. */
function monthSubsidy(h: string): string {
  const epoch = `INT((${h})/210000)`;
  const before = `MIN(4380,(${epoch}+1)*210000-(${h}))`;
  return `(${before}*INT(5000000000/2^${epoch})+(4380-${before})*INT(5000000000/2^(${epoch}+1)))/4380/100000000`;
}

/** The price fan (PRICEQUANTILES) and the hashprice fan (PRICEQUANTILES of hashprice per BTC of reward × reward). */
function fans(d: SheetDraft): void {
  const [qFrom, qTo] = RISK_CELLS.fanQuantiles.split(":");
  const quantiles = `$${qFrom.replace(/(\d+)$/, "$$$1")}:$${qTo.replace(/(\d+)$/, "$$$1")}`;
  const fanLast = FAN_ROW + RISK_SIZES.PRICEQUANTILES[1] - 1;
  const col = (k: number) => right(FAN_COL, k);
  d.put(
    `${FAN_COL}${SECTION_ROW}`,
    [[`BTC price fan, USD per BTC (MINER.PRICEQUANTILES, ${FAN_MONTHS} months)`]],
    "section",
  );
  d.put(`${FAN_COL}${FAN_QUANTILE_ROW}`, [["Quantiles"]]);
  d.put(qFrom, [FAN_QUANTILES], "input", "0.00");
  d.put(RISK_CELLS.priceFan, [
    [
      `=MINER.PRICEQUANTILES(BTC_Price_USD,BTC_Price_Growth_Monthly,Price_Vol_Annual,${FAN_MONTHS},${quantiles},Sim_Paths,Sim_Seed)`,
    ],
  ]);
  d.format(`${col(1)}${FAN_ROW + 1}:${col(6)}${fanLast}`, undefined, USD);
  d.chart({
    type: "Line",
    source: `${col(1)}${FAN_ROW}:${col(3)}${fanLast}`,
    categories: `${FAN_COL}${FAN_ROW + 1}:${FAN_COL}${fanLast}`,
    title: "BTC price fan (USD): P10, P50, P90 by month",
    ...chartSlot("priceFan"),
  });

  // Hashprice per BTC of block reward: a log-normal process of its own (module header).
  const hp = (k: number) => right(HP_COL, k);
  const [start, growth, vol] = HP_PROCESS.keys.map((k) => HP_PROCESS.cell(HP_VALUE, k));
  d.put(`${HP_COL}${SECTION_ROW}`, [["Hashprice fan, USD per PH/s per day"]], "section");
  d.put(`${HP_COL}${HP_PROCESS.first}`, [
    ["Hashprice per BTC of block reward, now", "", "=BTC_Price_USD*86400*1000000000000000/(Difficulty_Now*2^32)"],
    [
      "Its mean growth per month",
      "",
      "=(1+BTC_Price_Growth_Monthly)/(1+Difficulty_Growth_Monthly)*EXP((Difficulty_Vol_Annual^2-Price_Difficulty_Corr*Price_Vol_Annual*Difficulty_Vol_Annual)/12)-1",
    ],
    [
      "Its annual volatility",
      "",
      "=SQRT(Price_Vol_Annual^2+Difficulty_Vol_Annual^2-2*Price_Difficulty_Corr*Price_Vol_Annual*Difficulty_Vol_Annual)",
    ],
  ]);
  d.format(start, undefined, "0.0000");
  d.format(`${growth}:${vol}`, undefined, "0.000%");
  const hpLast = HP_ROW + RISK_SIZES.PRICEQUANTILES[1] - 1;
  d.put(RISK_CELLS.hashpriceFanSource, [
    [`=MINER.PRICEQUANTILES(${start},${growth},${vol},${FAN_MONTHS},${quantiles},Sim_Paths,Sim_Seed)`],
  ]);
  const fan = (k: number) => right(HP_FAN_COL, k);
  d.put(
    `${HP_FAN_COL}${HP_ROW - 1}`,
    [[`Hashprice = the quantile per BTC of reward (${hp(1)}:${hp(3)}) × the month's block reward`]],
    "note",
  );
  d.put(RISK_CELLS.hashpriceFan, [["Month", "Block reward (BTC)", "P10", "P50", "P90"]], "header");
  const rows = Array.from({ length: FAN_MONTHS + 1 }, (_, t) => {
    const r = HP_ROW + 1 + t;
    return [
      `=${HP_COL}${r}`,
      `=${monthSubsidy(`Start_Height+4380*${fan(0)}${r}`)}+Fees_BTC_per_Block`,
      `=${hp(1)}${r}*$${fan(1)}${r}`,
      `=${hp(2)}${r}*$${fan(1)}${r}`,
      `=${hp(3)}${r}*$${fan(1)}${r}`,
    ];
  });
  d.put(`${fan(0)}${HP_ROW + 1}`, rows);
  d.format(`${fan(1)}${HP_ROW + 1}:${fan(1)}${hpLast}`, undefined, "0.0000");
  d.format(`${fan(2)}${HP_ROW + 1}:${fan(4)}${hpLast}`, undefined, "#,##0.00");
  d.chart({
    type: "Line",
    source: `${fan(2)}${HP_ROW}:${fan(4)}${hpLast}`,
    categories: `${fan(0)}${HP_ROW + 1}:${fan(0)}${hpLast}`,
    title: "Hashprice fan (USD per PH/s per day): P10, P50, P90 by month",
    ...chartSlot("hashpriceFan"),
  });
}

/** 20 equal bins between the conversion value's P2 and P98, each bin's probability from the interpolated quantiles. */
function histogram(d: SheetDraft): void {
  const qTop = HP_ROW + 1;
  const qLast = qTop + HISTOGRAM_QUANTILES.length - 1;
  const level = right(QUANTILE_COL, 0);
  const value = right(QUANTILE_COL, 1);
  const P = `$${level}$${qTop}:$${level}$${qLast}`;
  const Q = `$${value}$${qTop}:$${value}$${qLast}`;
  const n = HISTOGRAM_QUANTILES.length;
  const lowest = HISTOGRAM_QUANTILES[0];
  const highest = HISTOGRAM_QUANTILES[n - 1];
  const step = Number((HISTOGRAM_QUANTILES[1] - HISTOGRAM_QUANTILES[0]).toFixed(12));
  const edges = new Table(
    `${QUANTILE_COL}${SECTION_ROW + 1}`,
    [
      { key: "lo", label: "Lowest edge: P2", value: `=${conversion(quantileLabel(lowest))}` },
      { key: "hi", label: "Highest edge: P98", value: `=${conversion(quantileLabel(highest))}` },
      {
        key: "width",
        label: "Bin width",
        value: (at) => `=(${absolute(at("hi"))}-${absolute(at("lo"))})/${HISTOGRAM_BINS}`,
      },
    ],
    { numberFormat: USD },
  );
  const [lo, width] = [absolute(edges.cell("lo")), absolute(edges.cell("width"))];

  d.put(
    `${QUANTILE_COL}${SECTION_ROW}`,
    [["Histogram of the conversion value: probability by range (USD)"]],
    "section",
  );
  edges.write(d);
  d.put(
    `${QUANTILE_COL}${edges.bottom + 1}`,
    [["The bins hold the middle 96% of the paths: the bars sum to 0.96."]],
    "note",
  );
  d.put(RISK_CELLS.histogramQuantiles, [["Level", "Quantile (USD)"]], "header");
  d.put(
    `${level}${qTop}`,
    HISTOGRAM_QUANTILES.map((p) => [p, `=${conversion(quantileLabel(p))}`]),
  );
  d.format(`${value}${qTop}:${value}${qLast}`, undefined, USD);

  // F(x): the share of paths below x, interpolated linearly between the quantiles around it.
  const k = (x: string) => `MATCH(${x},${Q},1)`;
  const cdf = (x: string) =>
    `IF(${x}>=INDEX(${Q},${n}),${highest},IF(${x}<=INDEX(${Q},1),${lowest},IFERROR(INDEX(${P},${k(x)})+(${x}-INDEX(${Q},${k(x)}))/(INDEX(${Q},${k(x)}+1)-INDEX(${Q},${k(x)}))*${step},INDEX(${P},${k(x)}))))`;
  const b = (j: number) => right(BIN_COL, j);
  d.put(
    RISK_CELLS.histogram,
    [["From (USD)", "To (USD)", "Midpoint (USD millions)", "Share of paths below To", "Probability"]],
    "header",
  );
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, j) => {
    const r = HP_ROW + 1 + j;
    return [
      `=${lo}+${j}*${width}`,
      `=${lo}+${j + 1}*${width}`,
      `=(${b(0)}${r}+${b(1)}${r})/2/1000000`,
      `=${cdf(`${b(1)}${r}`)}`,
      j === 0 ? `=${b(3)}${r}-${lowest}` : `=${b(3)}${r}-${b(3)}${r - 1}`,
    ];
  });
  d.put(`${b(0)}${HP_ROW + 1}`, bins);
  const last = HP_ROW + HISTOGRAM_BINS;
  d.format(`${b(0)}${HP_ROW + 1}:${b(1)}${last}`, undefined, USD);
  d.format(`${b(2)}${HP_ROW + 1}:${b(2)}${last}`, undefined, "#,##0.0");
  d.format(`${b(3)}${HP_ROW + 1}:${b(4)}${last}`, undefined, PCT);
  d.chart({
    type: "ColumnClustered",
    source: `${b(4)}${HP_ROW}:${b(4)}${last}`,
    categories: `${b(2)}${HP_ROW + 1}:${b(2)}${last}`,
    title: "Conversion value (USD millions): probability by range, P2 to P98",
    ...chartSlot("histogram"),
  });
}
