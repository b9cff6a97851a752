/**
 * The Mining sheet: cash and all-in cost per BTC with the breakdown, the margin at the current
 * price, breakevens, fleet totals, a chart of cost against price, and a sensitivity grid.
 */
import { assumptionsTable, minerCall, SheetDraft } from "./draft";
import { SIGNATURES } from "../functions/params";
import { PARAMETER_LINKS } from "./links";
import { absolute, columnLetters } from "./spec";

const USD = "#,##0";
const COST_PARAMS = SIGNATURES.ALLINCOSTPERBTC;
const TABLE_TOP = 5;

/** The value cell of a parameter in the cost table (column B), e.g. "B6". */
function costCell(param: string): string | undefined {
  const i = COST_PARAMS.findIndex((p) => p.name === param);
  return i < 0 ? undefined : `B${TABLE_TOP + i}`;
}

/** Cells other sheets read. */
export const MINING_CELLS = {
  costTable: `A${TABLE_TOP}:B${TABLE_TOP + COST_PARAMS.length - 1}`,
  subsidy: costCell("subsidy_btc_per_block") as string,
  breakdown: "F5", // spills F5:G14: header, eight lines, the subsidy assumed
  breakdownCashLines: "G6:G9", // power, energy tax, other opex, SG&A
  breakdownCash: "G10",
  breakdownOtherLines: "G11:G12", // depreciation, stock-based compensation
  breakdownAllIn: "G13",
  cashCost: "J5",
  allInCost: "J6",
  hashprice: "J10",
};

export function miningSheet(): SheetDraft {
  const d = new SheetDraft("mining");
  d.heading(
    "Mining: what a BTC costs",
    "Costs per installed TH/s per day divided by the BTC it earns after uptime and pool fee. The MINER functions read the table in A5:B17 (name, value) through MINER.FROMTABLE; the table reads the Assumptions sheet.",
  );

  d.put("A4", [["Inputs to the cost functions: name, value, unit, what it is"]], "section");
  d.put(`A${TABLE_TOP}`, assumptionsTable(COST_PARAMS, PARAMETER_LINKS));
  d.format(`C${TABLE_TOP}:D${TABLE_TOP + COST_PARAMS.length - 1}`, "note");
  d.name(
    "Cost_Inputs",
    MINING_CELLS.costTable,
    "Assumptions table (name, value) read by MINER.FROMTABLE for ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE",
  );

  d.put("F4", [["Cost per BTC by component (MINER.COSTBREAKDOWN)"]], "section");
  d.put(MINING_CELLS.breakdown, [['=MINER.FROMTABLE("COSTBREAKDOWN",Cost_Inputs)']]);
  d.format("G6:G13", undefined, USD);
  d.format("G14", undefined, "0.00000000");

  // Positional calls take their arguments from the table, in the registered order.
  const table = (param: string) => costCell(param);
  d.put("I4", [["Results"]], "section");
  d.put("I5", [
    ["Cash cost per BTC", `=${MINING_CELLS.breakdownCash}`, "USD per BTC"],
    ["All-in cost per BTC", '=MINER.FROMTABLE("ALLINCOSTPERBTC",Cost_Inputs)', "USD per BTC"],
    ["BTC price", "=BTC_Price_USD", "USD per BTC"],
    ["Cash margin per BTC", "=J7-J5", "USD per BTC"],
    ["All-in margin per BTC", "=J7-J6", "USD per BTC"],
    [
      "Hashprice",
      `=${minerCall("HASHPRICE", (p) => (p === "btc_price" ? "BTC_Price_USD" : table(p)))}`,
      "USD per PH/s per day",
    ],
    ["Breakeven hashprice, all-in", `=${minerCall("BREAKEVENHASHPRICE", table)}`, "USD per PH/s per day"],
    ["Breakeven BTC price, all-in", '=MINER.FROMTABLE("BREAKEVENPRICE",Cost_Inputs)', "USD per BTC"],
    [
      "Breakeven power price, cash (full uptime)",
      `=${minerCall("BREAKEVENPOWER", (p) => (p === "btc_price" ? "BTC_Price_USD" : table(p)))}`,
      "USD per kWh",
    ],
    [
      "Fleet BTC earned per day",
      `=${minerCall("BTCPERDAY", (p) => (p === "hashrate_ths" ? "Fleet_EHs*1000000" : table(p)))}*Uptime*(1-Pool_Fee)`,
      "BTC per day",
    ],
    ["Fleet cash cost per year", "=J14*365*J5", "USD per year"],
  ]);
  d.format("J5:J12", "result", USD);
  d.format("J10:J11", "result", "#,##0.00");
  d.format("J13", "result", "0.0000");
  d.format("J14", "result", "#,##0.000");
  d.format("J15", "result", USD);
  d.name("Cash_Cost_per_BTC", MINING_CELLS.cashCost, "Cash cost per BTC (USD): MINER model result");
  d.name("AllIn_Cost_per_BTC", MINING_CELLS.allInCost, "All-in cost per BTC (USD): MINER model result");

  d.put("M4", [["Chart data: cost per BTC vs price"]], "section");
  d.put("M5", [
    ["", "USD per BTC"],
    ["Cash cost", "=J5"],
    ["All-in cost", "=J6"],
    ["BTC price", "=J7"],
  ]);
  d.format("N6:N8", undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: "N5:N8",
    categories: "M6:M8",
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
const GRID_TOP = 22;

/** All-in cost per BTC for power price (rows) × difficulty (columns), around today's inputs. */
function sensitivityGrid(d: SheetDraft): void {
  d.put("A20", [["Sensitivity: all-in cost per BTC (USD) by power price (rows) and difficulty (columns)"]], "section");
  d.put(
    "A21",
    [
      [
        "Each cell is MINER.ALLINCOSTPERBTC on the table above with that row's power price and that column's difficulty; compare with the BTC price in J7.",
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
        const col = columnLetters(2 + j); // B, C, ...
        const arg = (param: string) => {
          if (param === "power_price_kwh") return `$A${r}`;
          if (param === "difficulty") return `${col}$${GRID_TOP}`;
          const cell = costCell(param);
          return cell && absolute(cell);
        };
        return `=${minerCall("ALLINCOSTPERBTC", arg)}`;
      }),
    ];
  });
  d.put(`A${GRID_TOP}`, [header], "header");
  d.format(`B${GRID_TOP}:G${GRID_TOP}`, "header", "0.00E+00");
  d.put(`A${GRID_TOP + 1}`, rows);
  d.format(`A${GRID_TOP + 1}:A${GRID_TOP + POWER_STEPS.length}`, "header", "0.0000");
  d.format(`B${GRID_TOP + 1}:G${GRID_TOP + POWER_STEPS.length}`, "result", USD);
}
