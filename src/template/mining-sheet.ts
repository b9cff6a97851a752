/**
 * The Mining sheet: cash and all-in cost per BTC with the breakdown, the margin at the current
 * price, breakevens, fleet totals, a chart of cost against price, and a sensitivity grid.
 */
import { minerCall, SheetDraft } from "./draft";
import { SIGNATURES } from "../functions/params";
import { offset, Rows, Table } from "./layout";
import { ParamTable } from "./param-table";
import { absolute } from "./spec";

const USD = "#,##0";
const COST_PARAMS = SIGNATURES.ALLINCOSTPERBTC;

/** The cost functions' assumptions table, from row 5. */
const COST_TABLE = new ParamTable({
  name: "Cost_Inputs",
  top: 5,
  params: COST_PARAMS,
  section: "Inputs to the cost functions: name, value, unit, what it is",
  comment:
    "Assumptions table (name, value) read by MINER.FROMTABLE for ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE",
});
const costCell = (param: string) => COST_TABLE.cell(param);

/** MINER.COSTBREAKDOWN's spill from F5: its rows, in the function's order (labels in F, USD per BTC in G). */
export const BREAKDOWN = new Rows(5, [
  "header",
  "power",
  "energyTax",
  "opex",
  "sga",
  "cash",
  "depreciation",
  "stockComp",
  "allIn",
  "subsidy",
]);
const BREAKDOWN_LABEL = "F";
/** The column of the breakdown's amounts. */
export const BREAKDOWN_VALUE = "G";

/** Positional calls take their arguments from the cost table, in the registered order. */
const withPrice = (p: string) => (p === "btc_price" ? "BTC_Price_USD" : costCell(p));

/** The results, from I5: label, value, unit. */
export const MINING_RESULTS = new Table(
  "I5",
  [
    {
      key: "cashCost",
      label: "Cash cost per BTC",
      value: () => `=${BREAKDOWN.cell(BREAKDOWN_VALUE, "cash")}`,
      unit: "USD per BTC",
      numberFormat: USD,
      name: ["Cash_Cost_per_BTC", "Cash cost per BTC (USD): MINER model result"],
    },
    {
      key: "allInCost",
      label: "All-in cost per BTC",
      value: '=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)',
      unit: "USD per BTC",
      numberFormat: USD,
      name: ["AllIn_Cost_per_BTC", "All-in cost per BTC (USD): MINER model result"],
    },
    { key: "btcPrice", label: "BTC price", value: "=BTC_Price_USD", unit: "USD per BTC", numberFormat: USD },
    {
      key: "cashMargin",
      label: "Cash margin per BTC",
      value: (at) => `=${at("btcPrice")}-${at("cashCost")}`,
      unit: "USD per BTC",
      numberFormat: USD,
    },
    {
      key: "allInMargin",
      label: "All-in margin per BTC",
      value: (at) => `=${at("btcPrice")}-${at("allInCost")}`,
      unit: "USD per BTC",
      numberFormat: USD,
    },
    {
      key: "hashprice",
      label: "Hashprice",
      value: () => `=${minerCall("HASHPRICE", withPrice)}`,
      unit: "USD per PH/s per day",
      numberFormat: "#,##0.00",
    },
    {
      key: "breakevenHashprice",
      label: "Breakeven hashprice, all-in",
      value: () => `=${minerCall("BREAKEVENHASHPRICE", costCell)}`,
      unit: "USD per PH/s per day",
      numberFormat: "#,##0.00",
    },
    {
      key: "breakevenPrice",
      label: "Breakeven BTC price, all-in",
      value: '=MINER.FROMTABLE("BREAKEVENPRICE",Cost_Inputs)',
      unit: "USD per BTC",
      numberFormat: USD,
    },
    {
      key: "breakevenPower",
      label: "Breakeven power price, cash (full uptime)",
      value: () => `=${minerCall("BREAKEVENPOWER", withPrice)}`,
      unit: "USD per kWh",
      numberFormat: "0.0000",
    },
    {
      key: "fleetBtcPerDay",
      label: "Fleet BTC earned per day",
      value: () =>
        `=${minerCall("BTCPERDAY", (p) => (p === "hashrate_ths" ? "Fleet_EHs*1000000" : costCell(p)))}*Uptime*(1-Pool_Fee)`,
      unit: "BTC per day",
      numberFormat: "#,##0.000",
    },
    {
      key: "fleetCashCostPerYear",
      label: "Fleet cash cost per year",
      value: (at) => `=${at("fleetBtcPerDay")}*365*${at("cashCost")}`,
      unit: "USD per year",
      numberFormat: USD,
    },
  ],
  { style: "result" },
);

/** The chart's bars: results, by their key in MINING_RESULTS. */
const BARS = { cashCost: "Cash cost", allInCost: "All-in cost", btcPrice: "BTC price" } as const;
/** The chart's data, from M5: a header row, then one row per bar (its label, USD per BTC). */
const CHART_DATA = new Rows(6, Object.keys(BARS) as (keyof typeof BARS)[]);
const CHART_HEADER_ROW = CHART_DATA.first - 1;
const [CHART_LABEL, CHART_VALUE] = ["M", "N"];

export function miningSheet(): SheetDraft {
  const d = new SheetDraft("mining");
  d.heading(
    "Mining: what a BTC costs",
    `Costs per installed TH/s per day divided by the BTC it earns after uptime and pool fee. The MINER functions read the table in ${COST_TABLE.range} (name, value) through MINER.FROMTABLE; the table reads the Assumptions sheet.`,
  );

  COST_TABLE.write(d);

  const breakdown = BREAKDOWN.cell(BREAKDOWN_LABEL, "header");
  d.put(`${BREAKDOWN_LABEL}${BREAKDOWN.first - 1}`, [["Cost per BTC by component (MINER.COSTBREAKDOWN)"]], "section");
  d.put(breakdown, [['=MINER.FROMTABLE("COSTBREAKDOWN",Cost_Inputs)']]);
  d.format(BREAKDOWN.range(BREAKDOWN_VALUE, "power", "allIn"), undefined, USD);
  d.format(BREAKDOWN.cell(BREAKDOWN_VALUE, "subsidy"), undefined, "0.00000000");

  d.put(`${MINING_RESULTS.labelColumn}${MINING_RESULTS.top - 1}`, [["Results"]], "section");
  MINING_RESULTS.write(d);

  d.put(`${CHART_LABEL}${CHART_HEADER_ROW - 1}`, [["Chart data: cost per BTC vs price"]], "section");
  d.put(`${CHART_LABEL}${CHART_HEADER_ROW}`, [
    ["", "USD per BTC"],
    ...CHART_DATA.keys.map((k) => [BARS[k], `=${MINING_RESULTS.cell(k)}`]),
  ]);
  d.format(CHART_DATA.range(CHART_VALUE), undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: `${CHART_VALUE}${CHART_HEADER_ROW}:${CHART_VALUE}${CHART_DATA.last}`,
    categories: CHART_DATA.range(CHART_LABEL),
    title: "Cost per BTC vs BTC price (USD)",
    from: "P4",
    to: "W19",
  });

  sensitivityGrid(d);
  d.width({ A: 190, B: 110, C: 140, D: 330, E: 20, F: 170, G: 100, H: 20, I: 240, J: 110, K: 140, M: 110, N: 100 });
  return d;
}

const POWER_STEPS = [0.5, 0.75, 1, 1.25, 1.5];
const DIFFICULTY_STEPS = [0.8, 0.9, 1, 1.1, 1.2, 1.3];
/** The grid's header row (the difficulties) and first column (the power prices). */
const GRID_TOP = 22;
const GRID_LEFT = "A";
const gridColumn = (j: number) => offset(GRID_LEFT, 1 + j);
const GRID_RIGHT = gridColumn(DIFFICULTY_STEPS.length - 1);
const GRID_BOTTOM = GRID_TOP + POWER_STEPS.length;

/** All-in cost per BTC for power price (rows) × difficulty (columns), around today's inputs. */
function sensitivityGrid(d: SheetDraft): void {
  d.put(
    `${GRID_LEFT}${GRID_TOP - 2}`,
    [["Sensitivity: all-in cost per BTC (USD) by power price (rows) and difficulty (columns)"]],
    "section",
  );
  d.put(
    `${GRID_LEFT}${GRID_TOP - 1}`,
    [
      [
        `Each cell is MINER.ALLINCOSTPERBTC on the table above with that row's power price and that column's difficulty; compare with the BTC price in ${MINING_RESULTS.cell("btcPrice")}.`,
      ],
    ],
    "note",
  );
  const header = ["USD/kWh \\ difficulty", ...DIFFICULTY_STEPS.map((m) => `=Difficulty_Now*${m}`)];
  const rows = POWER_STEPS.map((p, i) => {
    const r = GRID_TOP + 1 + i;
    return [
      `=Power_Price_kWh*${p}`,
      ...DIFFICULTY_STEPS.map((_, j) => {
        const arg = (param: string) => {
          if (param === "power_price_kwh") return `$${GRID_LEFT}${r}`;
          if (param === "difficulty") return `${gridColumn(j)}$${GRID_TOP}`;
          const cell = costCell(param);
          return cell && absolute(cell);
        };
        return `=${minerCall("ALLINCOSTPERBTC", arg)}`;
      }),
    ];
  });
  d.put(`${GRID_LEFT}${GRID_TOP}`, [header], "header");
  d.format(`${gridColumn(0)}${GRID_TOP}:${GRID_RIGHT}${GRID_TOP}`, "header", "0.00E+00");
  d.put(`${GRID_LEFT}${GRID_TOP + 1}`, rows);
  d.format(`${GRID_LEFT}${GRID_TOP + 1}:${GRID_LEFT}${GRID_BOTTOM}`, "header", "0.0000");
  d.format(`${gridColumn(0)}${GRID_TOP + 1}:${GRID_RIGHT}${GRID_BOTTOM}`, "result", USD);
}
