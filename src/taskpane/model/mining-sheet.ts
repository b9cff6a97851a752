/**
 * The Mining sheet: cash and all-in cost per BTC with the breakdown, the margin at the current
 * price, breakevens, fleet totals, a chart of cost against price, and a sensitivity grid.
 */
import { assumptionsTable, SheetDraft } from "./draft";
import { ALL_IN_PARAMS } from "../../functions/params";
import { PARAMETER_LINKS } from "./links";
import { columnLetters } from "./spec";

const USD = "#,##0";

/** Cells other sheets read. */
export const MINING_CELLS = {
  costTable: "A5:B17",
  subsidy: "B17",
  breakdown: "D5", // spills D5:E13
  breakdownAllIn: "E13",
  cashCost: "H5",
  allInCost: "H6",
  hashprice: "H10",
};

export function miningSheet(): SheetDraft {
  const d = new SheetDraft("mining");
  d.heading(
    "Mining: what a BTC costs",
    "Costs per installed TH/s per day divided by the BTC it earns after uptime and pool fee. The MINER functions read the table in A5:B17, which reads the Assumptions sheet.",
  );

  d.put("A4", [["Inputs to the cost functions (name, value)"]], "section");
  // Cost functions take efficiency at the wall: the machine's J/TH times the site's PUE.
  const links = { ...PARAMETER_LINKS, efficiency_j_th: PARAMETER_LINKS.efficiency_at_wall };
  d.put("A5", assumptionsTable(ALL_IN_PARAMS, links));
  d.name(
    "Cost_Inputs",
    MINING_CELLS.costTable,
    "Assumptions table read by MINER.ALLINCOSTPERBTC, COSTBREAKDOWN and BREAKEVENPRICE",
  );

  d.put("D4", [["Cost per BTC by component (MINER.COSTBREAKDOWN)"]], "section");
  d.put(MINING_CELLS.breakdown, [["=MINER.COSTBREAKDOWN(Cost_Inputs)"]]);
  d.format("E6:E13", undefined, USD);

  d.put("G4", [["Results"]], "section");
  d.put("G5", [
    ["Cash cost per BTC", "=E10", "USD per BTC"],
    ["All-in cost per BTC", "=MINER.ALLINCOSTPERBTC(Cost_Inputs)", "USD per BTC"],
    ["BTC price", "=BTC_Price_USD", "USD per BTC"],
    ["Cash margin per BTC", "=H7-H5", "USD per BTC"],
    ["All-in margin per BTC", "=H7-H6", "USD per BTC"],
    ["Hashprice", "=MINER.HASHPRICE(BTC_Price_USD,B7,B8,B17)", "USD per PH/s per day"],
    [
      "Breakeven hashprice, all-in",
      "=MINER.BREAKEVENHASHPRICE(B5,B6,B9,B10,B11,B12,B13,B14,B15,B16)",
      "USD per PH/s per day",
    ],
    ["Breakeven BTC price, all-in", "=MINER.BREAKEVENPRICE(Cost_Inputs)", "USD per BTC"],
    [
      "Breakeven power price, cash (full uptime)",
      "=MINER.BREAKEVENPOWER(BTC_Price_USD,B6,B7,B8,B9,B10,B17)",
      "USD per kWh",
    ],
    ["Fleet BTC earned per day", "=MINER.BTCPERDAY(Fleet_EHs*1000000,B7,B8,B17)*Uptime*(1-Pool_Fee)", "BTC per day"],
    ["Fleet cash cost per year", "=H14*365*H5", "USD per year"],
  ]);
  d.format("H5:H12", "result", USD);
  d.format("H10:H11", "result", "#,##0.00");
  d.format("H13", "result", "0.0000");
  d.format("H14", "result", "#,##0.000");
  d.format("H15", "result", USD);
  d.name("Cash_Cost_per_BTC", MINING_CELLS.cashCost, "Cash cost per BTC (USD): MINER model result");
  d.name("AllIn_Cost_per_BTC", MINING_CELLS.allInCost, "All-in cost per BTC (USD): MINER model result");

  d.put("K4", [["Chart data: cost per BTC vs price"]], "section");
  d.put("K5", [
    ["", "USD per BTC"],
    ["Cash cost", "=H5"],
    ["All-in cost", "=H6"],
    ["BTC price", "=H7"],
  ]);
  d.format("L6:L8", undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: "L5:L8",
    categories: "K6:K8",
    title: "Cost per BTC vs BTC price (USD)",
    from: "N4",
    to: "U19",
  });

  sensitivityGrid(d);
  d.width({ A: 190, B: 110, C: 20, D: 170, E: 100, F: 20, G: 240, H: 110, I: 140, K: 110, L: 100 });
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
        "Each cell is MINER.ALLINCOSTPERBTC on the table above with that row's power price and that column's difficulty; compare with the BTC price in H7.",
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
        return `=MINER.ALLINCOSTPERBTC($A${r},$B$6,${col}$${GRID_TOP},$B$8,$B$9,$B$10,$B$11,$B$12,$B$13,$B$14,$B$15,$B$16,$B$17)`;
      }),
    ];
  });
  d.put(`A${GRID_TOP}`, [header], "header");
  d.format(`B${GRID_TOP}:G${GRID_TOP}`, "header", "0.00E+00");
  d.put(`A${GRID_TOP + 1}`, rows);
  d.format(`A${GRID_TOP + 1}:A${GRID_TOP + POWER_STEPS.length}`, "header", "0.0000");
  d.format(`B${GRID_TOP + 1}:G${GRID_TOP + POWER_STEPS.length}`, "result", USD);
}
