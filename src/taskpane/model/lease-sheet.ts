/**
 * The Lease vs Mine sheet: the lease's NPV and IRR, mining the same MW over the same months, the
 * conversion value and breakeven price (all MINER functions), and beneath them the monthly schedule
 * of both futures in plain Excel formulas, which the charts and the reconciliation read.
 */
import { assumptionsTable, minerCall, SheetDraft } from "./draft";
import { MINING_OPTIONS, Param, SIGNATURES, SITE } from "../../functions/params";
import { PARAMETER_LINKS } from "./links";
import { columnLetters } from "./spec";

const USD = "#,##0";

/** The plain schedule covers months 0..SCHEDULE_MONTHS: 30 years, enough for a 25-year lease after a conversion. */
export const SCHEDULE_MONTHS = 360;
export const SCHEDULE_HEADER_ROW = 50;
export const SCHEDULE_FIRST_ROW = SCHEDULE_HEADER_ROW + 1; // month 0
export const SCHEDULE_LAST_ROW = SCHEDULE_FIRST_ROW + SCHEDULE_MONTHS;
const YEARS = SCHEDULE_MONTHS / 12;

/** When a month is inside the mining horizon: mining flows are zero outside it. */
const MINING = (r: number) => `AND(A${r}>=1,A${r}<=Horizon_Months)`;
/** Fleet TH/s the site powers, as MINER's mining schedule computes it: MW × 1e6 / (J/TH × PUE). */
const FLEET_THS = "Site_MW*1000000/(Efficiency_J_TH*Site_PUE)";

interface ScheduleColumn {
  key: string;
  header: string;
  format: string;
  /** The formula in row r (the row above is r − 1). */
  formula: (r: number) => string;
}

/** Cell of schedule column `key` in row r (columns are looked up by key, so adding one moves no formula). */
const at = (key: string, r: number) => `${SCHEDULE_COLUMN[key]}${r}`;
/** Power the site buys in a month it runs: MW × 1000 kW × 730 h × uptime × price. */
const POWER_RUN = "Site_MW*1000*24*365/12*Uptime*Power_Price_kWh";

const COLUMNS: ScheduleColumn[] = [
  {
    key: "month",
    header: "Month",
    format: "0",
    formula: (r) => (r === SCHEDULE_FIRST_ROW ? "0" : `=${at("month", r - 1)}+1`),
  },
  {
    key: "year",
    header: "Year",
    format: "0",
    formula: (r) => `=IF(${at("month", r)}=0,0,ROUNDUP(${at("month", r)}/12,0))`,
  },
  { key: "leaseMonth", header: "Lease month", format: "0", formula: (r) => `=${at("month", r)}-Conversion_Months` },
  {
    key: "leaseRevenue",
    header: "Lease revenue (USD)",
    format: USD,
    formula: (r) => {
      const k = at("leaseMonth", r);
      return `=IF(AND(${k}>=1,${k}<=Lease_Term_Years*12),Critical_IT_MW*1000*Lease_Rate_USD_per_kW_Month*(1+Lease_Escalator)^INT((${k}-1)/12),0)`;
    },
  },
  {
    key: "leaseOpex",
    header: "Lease opex (USD)",
    format: USD,
    formula: (r) => `=${at("leaseRevenue", r)}*Lease_Opex_Pct_of_Revenue`,
  },
  {
    key: "leaseCapex",
    header: "Conversion capex (USD)",
    format: USD,
    formula: (r) => `=IF(${at("month", r)}=0,Conversion_Capex_USD_per_MW*Critical_IT_MW,0)`,
  },
  {
    key: "leaseNet",
    header: "Lease net cash flow (USD)",
    format: USD,
    formula: (r) => `=${at("leaseRevenue", r)}-${at("leaseOpex", r)}-${at("leaseCapex", r)}`,
  },
  {
    key: "height",
    header: "Start height",
    format: "#,##0",
    formula: (r) => `=Start_Height+4380*MAX(${at("month", r)}-1,0)`,
  },
  { key: "epoch", header: "Halving epoch", format: "0", formula: (r) => `=INT(${at("height", r)}/210000)` },
  {
    key: "blocksBefore",
    header: "Blocks before the next halving",
    format: "#,##0",
    formula: (r) => `=MIN(4380,(${at("epoch", r)}+1)*210000-${at("height", r)})`,
  },
  {
    key: "subsidy",
    header: "Subsidy (BTC/block, month mean)",
    format: "0.00000000",
    // The month's 4,380 blocks at this epoch's subsidy, then any past the halving at the next one (in sats, floored as the protocol does).
    formula: (r) => {
      const [j, i] = [at("blocksBefore", r), at("epoch", r)];
      return `=(${j}*INT(5000000000/2^${i})+(4380-${j})*INT(5000000000/2^(${i}+1)))/4380/100000000`;
    },
  },
  {
    key: "difficulty",
    header: "Difficulty",
    format: "0.000E+00",
    formula: (r) => `=Difficulty_Now*(1+Difficulty_Growth_Monthly)^MAX(${at("month", r)}-1,0)`,
  },
  {
    key: "price",
    header: "BTC price (USD)",
    format: USD,
    formula: (r) => `=BTC_Price_USD*(1+BTC_Price_Growth_Monthly)^MAX(${at("month", r)}-1,0)`,
  },
  {
    key: "btcRun",
    header: "BTC the fleet would mine",
    format: "#,##0.000",
    // TH/s × share earning × days in the month × BTC per TH/s per day (1e12 × 86,400 / 2^32 × reward / difficulty)
    formula: (r) =>
      `=IF(${MINING(r)},${FLEET_THS}*Uptime*(1-Pool_Fee)*365/12*1000000000000*86400/2^32*(${at("subsidy", r)}+Fees_BTC_per_Block)/${at("difficulty", r)},0)`,
  },
  {
    key: "running",
    header: "Running (1/0)",
    format: "0",
    // Switched off when the month's revenue would not cover its power (a tie runs).
    formula: (r) => `=IF(AND(${MINING(r)},${at("btcRun", r)}*${at("price", r)}>=${POWER_RUN}),1,0)`,
  },
  {
    key: "btcMined",
    header: "BTC mined",
    format: "#,##0.000",
    formula: (r) => `=${at("btcRun", r)}*${at("running", r)}`,
  },
  {
    key: "miningRevenue",
    header: "Mining revenue (USD)",
    format: USD,
    formula: (r) => `=${at("btcMined", r)}*${at("price", r)}`,
  },
  { key: "powerCost", header: "Power cost (USD)", format: USD, formula: (r) => `=${at("running", r)}*${POWER_RUN}` },
  {
    key: "miningOpex",
    header: "Site opex (USD)",
    format: USD,
    formula: (r) => `=IF(${MINING(r)},Site_Opex_USD_per_MW_Month*Site_MW,0)`,
  },
  {
    key: "refreshCapex",
    header: "Fleet refresh capex (USD)",
    format: USD,
    formula: (r) =>
      `=IF(AND(${MINING(r)},Refresh_Every_Months>0),IF(MOD(${at("month", r)},Refresh_Every_Months)=0,Refresh_Capex_USD_per_TH*${FLEET_THS},0),0)`,
  },
  {
    key: "miningNet",
    header: "Mining net cash flow (USD)",
    format: USD,
    formula: (r) => `=${at("miningRevenue", r)}-${at("powerCost", r)}-${at("miningOpex", r)}-${at("refreshCapex", r)}`,
  },
  {
    key: "discountFactor",
    header: "Discount factor",
    format: "0.000000",
    formula: (r) => `=1/(1+Discount_Rate)^(${at("month", r)}/12)`,
  },
  {
    key: "leasePv",
    header: "Lease present value (USD)",
    format: USD,
    formula: (r) => `=${at("leaseNet", r)}*${at("discountFactor", r)}`,
  },
  {
    key: "miningPv",
    header: "Mining present value (USD)",
    format: USD,
    formula: (r) => `=${at("miningNet", r)}*${at("discountFactor", r)}`,
  },
  {
    key: "runsAtBreakeven",
    header: "Would run at the breakeven price (1/0)",
    format: "0",
    // The breakeven price scales every month's revenue by breakeven / price: the months that cover their power at it.
    formula: (r) =>
      `=IF(AND(${MINING(r)},${at("btcRun", r)}*${at("price", r)}*Conversion_Breakeven_Price/BTC_Price_USD>=${POWER_RUN}),1,0)`,
  },
];

/** Column letter of each schedule column, by key. */
export const SCHEDULE_COLUMN: Record<string, string> = Object.fromEntries(
  COLUMNS.map((c, i) => [c.key, columnLetters(i + 1)]),
);

/** "$G$52:$G$411": a schedule column from month `fromMonth` to the last month. */
export function scheduleRange(key: string, fromMonth = 0): string {
  const col = SCHEDULE_COLUMN[key];
  return `$${col}$${SCHEDULE_FIRST_ROW + fromMonth}:$${col}$${SCHEDULE_LAST_ROW}`;
}

/**
 * The site functions read their inputs through MINER.FROMTABLE from three tables: the site and how
 * it is mined (shared), the mining horizon (MININGNPV) and the lease of the converted site
 * (CONVERSIONVALUE, CONVERSIONBREAKEVEN, MWECONOMICS).
 */
const SITE_TABLE: Param[] = [...SITE, ...MINING_OPTIONS];
const notSite = (params: readonly Param[]) => params.filter((p) => !SITE_TABLE.includes(p));
export const INPUT_TABLES = [
  { name: "Site_Inputs", title: "The site and how it is mined", top: 16, params: SITE_TABLE },
  { name: "Mining_Horizon", title: "Mining horizon, for MININGNPV", top: 33, params: notSite(SIGNATURES.MININGNPV) },
  {
    name: "Lease_Inputs",
    title: "The lease of the converted site, for CONVERSIONVALUE, CONVERSIONBREAKEVEN, MWECONOMICS",
    top: 37,
    params: notSite(SIGNATURES.CONVERSIONVALUE),
  },
];
const tableRange = (t: (typeof INPUT_TABLES)[number]) => `A${t.top}:B${t.top + t.params.length - 1}`;

/** Cells other sheets read. */
export const LEASE_CELLS = {
  criticalItMw: "B5",
  horizon: "B6",
  leaseNpv: "B7",
  leaseIrr: "B8",
  miningNpv: "B9",
  conversionValue: "B10",
  breakevenPrice: "B11",
  economics: "E4", // spills E4:G7
};

/** LEASENPV's and LEASEIRR's arguments: the critical IT MW the site leases, and the lease inputs. */
const LEASE_ARGS: Record<string, string> = {
  critical_it_mw: LEASE_CELLS.criticalItMw,
  capex_usd_per_critical_it_mw: "Conversion_Capex_USD_per_MW",
  build_months: "Conversion_Months",
};
const leaseArg = (param: string) => LEASE_ARGS[param] ?? PARAMETER_LINKS[param]?.slice(1);

export function leaseSheet(): SheetDraft {
  const d = new SheetDraft("leaseVsMine");
  d.heading(
    "Lease vs Mine: the site's two futures",
    "Leasing the site's critical IT MW to an AI/HPC tenant after a conversion, against mining the same MW over the same months. Values at month 0, annual effective discount rate, end-of-month flows.",
  );

  d.put("A3", [["Results"]], "section");
  d.put("A5", [
    ["Critical IT MW", "=Site_MW/Site_MW_per_Critical_IT_MW", "MW"],
    ["Horizon: conversion + lease term", "=Conversion_Months+Lease_Term_Years*12", "months"],
    ["Lease NPV", `=${minerCall("LEASENPV", leaseArg)}`, "USD"],
    ["Lease IRR", `=${minerCall("LEASEIRR", leaseArg)}`, "per year"],
    ["Mining NPV, same site and months", '=MINER.FROMTABLE("MININGNPV",Site_Inputs,Mining_Horizon)', "USD"],
    ["Conversion value (lease − mining)", '=MINER.FROMTABLE("CONVERSIONVALUE",Site_Inputs,Lease_Inputs)', "USD"],
    [
      "Breakeven BTC price (mining = leasing)",
      '=MINER.FROMTABLE("CONVERSIONBREAKEVEN",Site_Inputs,Lease_Inputs)',
      "USD per BTC",
    ],
    [
      "Verdict",
      '=IF(B10>0,"Lease: worth more than mining at these inputs","Mine: worth at least as much as leasing at these inputs")',
      "",
    ],
  ]);
  d.format("B5", "result", "#,##0.0");
  d.format("B6", "result", "0");
  d.format("B7", "result", USD);
  d.format("B8", "result", "0.00%");
  d.format("B9:B11", "result", USD);
  d.format("B12", "result");
  d.name("Critical_IT_MW", LEASE_CELLS.criticalItMw, "Critical IT MW the site would lease: MINER model");
  d.name("Horizon_Months", LEASE_CELLS.horizon, "Months compared: conversion + lease term: MINER model");
  d.name("Lease_NPV", LEASE_CELLS.leaseNpv, "Lease NPV (USD): MINER model result");
  d.name("Lease_IRR", LEASE_CELLS.leaseIrr, "Lease IRR (annual): MINER model result");
  d.name("Mining_NPV", LEASE_CELLS.miningNpv, "Mining NPV over the same months (USD): MINER model result");
  d.name("Conversion_Value", LEASE_CELLS.conversionValue, "Lease NPV − mining NPV (USD): MINER model result");
  d.name(
    "Conversion_Breakeven_Price",
    LEASE_CELLS.breakevenPrice,
    "BTC price at which mining is worth as much as leasing (USD): MINER model result",
  );

  d.put("E3", [["Per site MW per year, first year of each (MINER.MWECONOMICS)"]], "section");
  d.put(LEASE_CELLS.economics, [['=MINER.FROMTABLE("MWECONOMICS",Site_Inputs,Lease_Inputs)']]);
  d.format("F5:G6", undefined, USD);
  d.format("F7:G7", undefined, "0.0%");

  for (const t of INPUT_TABLES) {
    d.put(`A${t.top - 1}`, [[`${t.title} (${t.name}): name, value, unit, what it is`]], "section");
    d.put(`A${t.top}`, assumptionsTable(t.params, PARAMETER_LINKS));
    d.format(`C${t.top}:D${t.top + t.params.length - 1}`, "note");
    d.name(t.name, tableRange(t), `Assumptions table (name, value) read by MINER.FROMTABLE: ${t.title}`);
  }

  annualSummary(d);
  schedule(d);
  d.width({ A: 230, B: 120, C: 150, D: 330, E: 120, F: 110, G: 120, H: 120, I: 120 });
  return d;
}

const ANNUAL_TOP = 16;

/** Net cash flow by year (year 0 = month 0), summed from the schedule: the chart's data. */
function annualSummary(d: SheetDraft): void {
  d.put("G15", [["Net cash flow by year (USD), from the schedule below"]], "section");
  d.put(`G${ANNUAL_TOP}`, [["Year", "Mining", "Lease"]], "header");
  const year = scheduleRange("year");
  const rows = Array.from({ length: YEARS + 1 }, (_, y) => {
    const r = ANNUAL_TOP + 1 + y;
    return [
      y === 0 ? 0 : `=G${r - 1}+1`,
      `=SUMIFS(${scheduleRange("miningNet")},${year},G${r})`,
      `=SUMIFS(${scheduleRange("leaseNet")},${year},G${r})`,
    ];
  });
  const address = d.put(`G${ANNUAL_TOP + 1}`, rows);
  d.format(address.replace(/^G/, "H"), undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: `H${ANNUAL_TOP}:I${ANNUAL_TOP + 1 + YEARS}`,
    categories: `G${ANNUAL_TOP + 1}:G${ANNUAL_TOP + 1 + YEARS}`,
    title: "Net cash flow by year (USD): mining vs leasing the site",
    from: "K15",
    to: "T35",
  });
}

function schedule(d: SheetDraft): void {
  d.put(
    `A${SCHEDULE_HEADER_ROW - 1}`,
    [[`Monthly schedule in plain Excel formulas (months 0 to ${SCHEDULE_MONTHS}; flows past the horizon are 0)`]],
    "section",
  );
  d.put(`A${SCHEDULE_HEADER_ROW}`, [COLUMNS.map((c) => c.header)], "header");
  const rows: (string | number)[][] = [];
  for (let r = SCHEDULE_FIRST_ROW; r <= SCHEDULE_LAST_ROW; r++) {
    rows.push(COLUMNS.map((c) => (r === SCHEDULE_FIRST_ROW && c.key === "month" ? 0 : c.formula(r))));
  }
  d.put(`A${SCHEDULE_FIRST_ROW}`, rows);
  COLUMNS.forEach((c, i) => {
    const col = columnLetters(i + 1);
    d.format(`${col}${SCHEDULE_FIRST_ROW}:${col}${SCHEDULE_LAST_ROW}`, undefined, c.format);
  });
}
