/**
 * The Lease vs Mine sheet: the lease's NPV and IRR, mining the same MW over the same months, the
 * conversion value and breakeven price, the three uses of a site MW (MINER.MWECONOMICS) and the
 * energy tax (MINER.ENERGYTAX), all MINER functions; the lease's phases and the tax's bands as
 * editable tables; and beneath them the monthly schedule of both futures in plain Excel formulas,
 * which the charts and the reconciliation read.
 */
import { assumptionsTable, minerCall, SheetDraft } from "./draft";
import { GPU_ON_SITE, MINING_DECISIONS, MINING_OPTIONS, Param, SIGNATURES, SITE } from "../functions/params";
import { PARAMETER_LINKS } from "./links";
import { columnLetters } from "./spec";

const USD = "#,##0";

/** The plain schedule covers months 0..SCHEDULE_MONTHS: 30 years, enough for a 25-year lease after a conversion. */
export const SCHEDULE_MONTHS = 360;
export const SCHEDULE_HEADER_ROW = 90;
export const SCHEDULE_FIRST_ROW = SCHEDULE_HEADER_ROW + 1; // month 0
export const SCHEDULE_LAST_ROW = SCHEDULE_FIRST_ROW + SCHEDULE_MONTHS;
const YEARS = SCHEDULE_MONTHS / 12;

/** The lease's phases: rows of (build months until ready for service, critical IT MW); blank rows add nothing. */
export const PHASE_ROWS = 4;
const PHASES_TOP = 70; // first phase row
/** The energy tax's bands: rows of (band start in kWh a year, USD per kWh); the default is New York's five. */
const TIER_ROWS = 6;
const TIERS_TOP = 80;

const phaseCell = (p: number, col: "A" | "B") => `$${col}$${PHASES_TOP + p}`;
const PHASES = Array.from({ length: PHASE_ROWS }, (_, p) => p);

/** When a month is inside the mining horizon: mining flows are zero outside it. */
const MINING = (r: number) => `AND(${at("month", r)}>=1,${at("month", r)}<=Horizon_Months)`;
/** Fleet TH/s the site powers, as MINER's mining schedule computes it: MW × 1e6 / (J/TH × PUE). */
const FLEET_THS = "Site_MW*1000000/(Efficiency_J_TH*Site_PUE)";
/** The difficulty the fleet alone implies: TH/s × 1e12 × 600 / 2^32 (added when the difficulty does not count it). */
const FLEET_DIFFICULTY = `${FLEET_THS}*1000000000000*600/2^32`;
/** kWh the site buys in a month it runs: MW × 1000 kW × 730 h × uptime. */
const KWH_RUN = "Site_MW*1000*24*365/12*Uptime";
/** Power and energy tax in a month it runs: the variable cost revenue must cover. */
const VARIABLE_COST = `${KWH_RUN}*(Power_Price_kWh+Energy_Tax_USD_per_kWh)`;

interface ScheduleColumn {
  key: string;
  header: string;
  format: string;
  /** The formula in row r (the row above is r − 1). */
  formula: (r: number) => string;
}

/** Cell of schedule column `key` in row r (columns are looked up by key, so adding one moves no formula). */
const at = (key: string, r: number) => `${SCHEDULE_COLUMN[key]}${r}`;

/** Σ over the phase rows of `term(b, mw, k)`: b, mw the phase's cells, k its lease month paid in row r. */
function overPhases(r: number, term: (b: string, mw: string, k: string) => string): string {
  return PHASES.map((p) => {
    const b = phaseCell(p, "A");
    return term(b, phaseCell(p, "B"), `(${at("month", r)}-${b}+Rent_Timing)`);
  }).join("+");
}
/** Rent of a phase's lease month k: MW × 1000 × rate, escalated after each completed lease year. */
const rent = (mw: string, k: string) => `${mw}*1000*Lease_Rate_USD_per_kW_Month*(1+Lease_Escalator)^INT((${k}-1)/12)`;
const inTerm = (k: string) => `AND(${k}>=1,${k}<=Lease_Term_Months)`;

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
  {
    key: "leaseMw",
    header: "Critical IT MW paying rent",
    format: "#,##0.0",
    formula: (r) => `=${overPhases(r, (b, mw, k) => `IF(${inTerm(k)},N(${mw}),0)`)}`,
  },
  {
    key: "leaseRevenue",
    header: "Lease revenue (USD)",
    format: USD,
    // Each phase's rent starts after its own build and escalates on its own anniversaries.
    formula: (r) => `=${overPhases(r, (b, mw, k) => `IF(${inTerm(k)},${rent(`N(${mw})`, k)},0)`)}`,
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
    // All at month 0, or (Capex_Timing 1) evenly at the start of each of the phase's build months.
    formula: (r) => {
      const m = at("month", r);
      return `=${PHASES.map((p) => {
        const [b, mw] = [phaseCell(p, "A"), `N(${phaseCell(p, "B")})`];
        const capex = `Conversion_Capex_USD_per_MW*${mw}`;
        return `IF(AND(Capex_Timing=1,N(${b})>0),IF(${m}<N(${b}),${capex}/${b},0),IF(${m}=0,${capex},0))`;
      }).join("+")}`;
    },
  },
  {
    key: "leaseExit",
    header: "Lease exit value (USD)",
    format: USD,
    // The final lease year's NOI ÷ the exit cap rate, with the phase's last rent.
    formula: (r) =>
      `=IF(Exit_Cap_Rate>0,${PHASES.map((p) => {
        const [b, mw] = [phaseCell(p, "A"), `N(${phaseCell(p, "B")})`];
        return `IF(${at("month", r)}=N(${b})+Lease_Term_Months-Rent_Timing,${mw}*1000*Lease_Rate_USD_per_kW_Month*(1-Lease_Opex_Pct_of_Revenue)*Lease_Final_Year_Months/Exit_Cap_Rate,0)`;
      }).join("+")},0)`,
  },
  {
    key: "leaseNet",
    header: "Lease net cash flow (USD)",
    format: USD,
    formula: (r) => `=${at("leaseRevenue", r)}-${at("leaseOpex", r)}-${at("leaseCapex", r)}+${at("leaseExit", r)}`,
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
    // TH/s × share earning × days in the month × BTC per TH/s per day (1e12 × 86,400 / 2^32 × reward /
    // difficulty); a new fleet (Difficulty_Includes_Fleet 0) adds its own difficulty to the network's.
    formula: (r) =>
      `=IF(${MINING(r)},${FLEET_THS}*Uptime*(1-Pool_Fee)*365/12*1000000000000*86400/2^32*(${at("subsidy", r)}+Fees_BTC_per_Block)/(${at("difficulty", r)}+IF(Difficulty_Includes_Fleet,0,${FLEET_DIFFICULTY})),0)`,
  },
  {
    key: "running",
    header: "Running (1/0)",
    format: "0",
    // Switched off when the month's revenue would not cover its power and energy tax (a tie runs).
    formula: (r) =>
      `=IF(AND(${MINING(r)},OR(NOT(Switch_Off_Below_Cost),${at("btcRun", r)}*${at("price", r)}>=${VARIABLE_COST})),1,0)`,
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
  {
    key: "powerCost",
    header: "Power cost (USD)",
    format: USD,
    formula: (r) => `=${at("running", r)}*${KWH_RUN}*Power_Price_kWh`,
  },
  {
    key: "energyTax",
    header: "Energy tax (USD)",
    format: USD,
    formula: (r) => `=${at("running", r)}*${KWH_RUN}*Energy_Tax_USD_per_kWh`,
  },
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
    key: "salvage",
    header: "Fleet salvage (USD)",
    format: USD,
    formula: (r) => `=IF(${at("month", r)}=Horizon_Months,Salvage_Pct*Refresh_Capex_USD_per_TH*${FLEET_THS},0)`,
  },
  {
    key: "miningNet",
    header: "Mining net cash flow (USD)",
    format: USD,
    formula: (r) =>
      `=${at("miningRevenue", r)}-${at("powerCost", r)}-${at("energyTax", r)}-${at("miningOpex", r)}-${at("refreshCapex", r)}+${at("salvage", r)}`,
  },
  {
    key: "discountFactor",
    header: "Discount factor",
    format: "0.000000",
    formula: (r) => `=1/(1+Discount_Rate)^(${at("month", r)}/12)`,
  },
  {
    key: "leaseDiscountFactor",
    header: "Lease discount factor",
    format: "0.000000",
    formula: (r) => `=1/(1+Lease_Discount_Rate)^(${at("month", r)}/12)`,
  },
  {
    key: "leasePv",
    header: "Lease present value (USD)",
    format: USD,
    formula: (r) => `=${at("leaseNet", r)}*${at("leaseDiscountFactor", r)}`,
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
    // The breakeven price scales every month's revenue by breakeven / price: the months that cover their variable cost at it.
    formula: (r) =>
      `=IF(AND(${MINING(r)},OR(NOT(Switch_Off_Below_Cost),${at("btcRun", r)}*${at("price", r)}*Conversion_Breakeven_Price/BTC_Price_USD>=${VARIABLE_COST})),1,0)`,
  },
];

/** Column letter of each schedule column, by key. */
export const SCHEDULE_COLUMN: Record<string, string> = Object.fromEntries(
  COLUMNS.map((c, i) => [c.key, columnLetters(i + 1)]),
);

/** "$G$92:$G$451": a schedule column from month `fromMonth` to the last month. */
export function scheduleRange(key: string, fromMonth = 0): string {
  const col = SCHEDULE_COLUMN[key];
  return `$${col}$${SCHEDULE_FIRST_ROW + fromMonth}:$${col}$${SCHEDULE_LAST_ROW}`;
}

/**
 * The visible tables the site functions read: the site and how it is mined (shared; MININGNPV reads
 * it with the horizon through MINER.FROMTABLE), the lease of the converted site, and the GPU cloud
 * on it. The conversion functions also take the phases table, which FROMTABLE cannot pass (a cell
 * of a name/value table holds one value), so they are called by position from these tables' cells.
 */
const SITE_TABLE: Param[] = [...SITE, ...MINING_OPTIONS, ...MINING_DECISIONS];
/** With phases, the conversion's own MW ratio and conversion months are blank: the phases give both. */
const GIVEN_BY_PHASES = ["conversion_months", "site_mw_per_critical_it_mw", "phases"];
const notSite = (params: readonly Param[]) => params.filter((p) => !SITE_TABLE.includes(p));
export const INPUT_TABLES = [
  { name: "Site_Inputs", title: "The site and how it is mined", top: 20, params: SITE_TABLE },
  { name: "Mining_Horizon", title: "Mining horizon, for MININGNPV", top: 41, params: notSite(SIGNATURES.MININGNPV) },
  {
    name: "Lease_Inputs",
    title: "The lease of the converted site, for CONVERSIONVALUE, CONVERSIONBREAKEVEN, MWECONOMICS",
    top: 45,
    params: notSite(SIGNATURES.CONVERSIONVALUE).filter((p) => !GIVEN_BY_PHASES.includes(p.name)),
  },
  { name: "GPU_Inputs", title: "GPU cloud on the converted site, for MWECONOMICS", top: 57, params: GPU_ON_SITE },
];
const tableRange = (t: (typeof INPUT_TABLES)[number]) => `A${t.top}:B${t.top + t.params.length - 1}`;

/** The value cell of a parameter in the tables the conversion functions read (column B). */
function tableCell(param: string): string | undefined {
  for (const t of INPUT_TABLES.filter((x) => x.name !== "Mining_Horizon")) {
    const i = t.params.findIndex((p) => p.name === param);
    if (i >= 0) return `B${t.top + i}`;
  }
  return undefined;
}

/** Cells other sheets read. */
export const LEASE_CELLS = {
  criticalItMw: "B5",
  leasedMw: "B6",
  termMonths: "B7",
  horizon: "B8",
  leaseNpv: "B9",
  leaseIrr: "B10",
  miningNpv: "B11",
  conversionValue: "B12",
  breakevenPrice: "B13",
  verdict: "B14",
  monthsOff: "B15",
  fleetSalvage: "B16",
  leaseExit: "B17",
  economics: "E4", // spills E4:H8
  annualKwh: "F12",
  energyTax: "F13",
  effectiveTaxRate: "F14",
  finalYearMonths: "B76",
};

/** The phases table and the tax bands (two columns each, as the functions read them). */
export const PHASES_RANGE = `A${PHASES_TOP}:B${PHASES_TOP + PHASE_ROWS - 1}`;
export const TIERS_RANGE = `A${TIERS_TOP}:B${TIERS_TOP + TIER_ROWS - 1}`;
/** The tier table's plain column: the tax in each band. */
export const TIER_TAX_RANGE = `C${TIERS_TOP}:C${TIERS_TOP + TIER_ROWS - 1}`;

/**
 * LEASENPV's and LEASEIRR's arguments: the phases' MW (their total, which the function checks),
 * no single build (the phases have theirs), the lease's own discount rate, and the lease inputs.
 */
const LEASE_ARGS: Record<string, string> = {
  critical_it_mw: "Leased_Critical_IT_MW",
  capex_usd_per_critical_it_mw: "Conversion_Capex_USD_per_MW",
  build_months: '""',
  discount_rate: "Lease_Discount_Rate",
  phases: "Lease_Phases",
};
const leaseArg = (param: string) => LEASE_ARGS[param] ?? PARAMETER_LINKS[param]?.slice(1);
/** The conversion functions' arguments: the tables' cells, the phases, blanks where the phases decide. */
const conversionArg = (param: string) =>
  param === "phases" ? "Lease_Phases" : GIVEN_BY_PHASES.includes(param) ? '""' : tableCell(param);

export function leaseSheet(): SheetDraft {
  const d = new SheetDraft("leaseVsMine");
  d.heading(
    "Lease vs Mine: the site's futures",
    "Leasing the site's critical IT MW to an AI/HPC tenant after a conversion (in the phases below), against mining the same site over the same months. Values at month 0, annual effective discount rates, month-end flows unless the lease bills in advance.",
  );

  d.put("A3", [["Results"]], "section");
  d.put("A5", [
    ["Critical IT MW the site supports", "=Site_MW/Site_MW_per_Critical_IT_MW", "MW"],
    ["Critical IT MW leased (the phases)", "=SUM(Lease_Phase_MW)", "MW"],
    ["Lease term", "=ROUND(Lease_Term_Years*12,0)", "months"],
    ["Horizon: the last phase's build + the term", "=MAX(Lease_Phase_Build_Months)+Lease_Term_Months", "months"],
    ["Lease NPV", `=${minerCall("LEASENPV", leaseArg)}`, "USD"],
    ["Lease IRR", `=${minerCall("LEASEIRR", leaseArg)}`, "per year"],
    ["Mining NPV, same site and months", '=MINER.FROMTABLE("MININGNPV",Site_Inputs,Mining_Horizon)', "USD"],
    ["Conversion value (lease − mining)", `=${minerCall("CONVERSIONVALUE", conversionArg)}`, "USD"],
    ["Breakeven BTC price (mining = leasing)", `=${minerCall("CONVERSIONBREAKEVEN", conversionArg)}`, "USD per BTC"],
    [
      "Verdict",
      `=IF(${LEASE_CELLS.conversionValue}>0,"Lease: worth more than mining at these inputs","Mine: worth at least as much as leasing at these inputs")`,
      "",
    ],
    [
      "Months the fleet is switched off",
      `=COUNTIFS(${scheduleRange("running", 1)},0,${scheduleRange("month", 1)},"<="&Horizon_Months)`,
      "months of the horizon",
    ],
    ["Fleet salvage at the end of the horizon", `=SUM(${scheduleRange("salvage")})`, "USD"],
    ["Lease exit value (all phases)", `=SUM(${scheduleRange("leaseExit")})`, "USD"],
  ]);
  d.format("B5:B6", "result", "#,##0.0");
  d.format("B7:B8", "result", "0");
  d.format("B9", "result", USD);
  d.format("B10", "result", "0.00%");
  d.format("B11:B13", "result", USD);
  d.format("B14", "result");
  d.format("B15", "result", "0");
  d.format("B16:B17", "result", USD);
  const names: [string, keyof typeof LEASE_CELLS, string][] = [
    ["Critical_IT_MW", "criticalItMw", "Critical IT MW the site supports: MINER model"],
    ["Leased_Critical_IT_MW", "leasedMw", "Critical IT MW leased, the phases' total: MINER model"],
    ["Lease_Term_Months", "termMonths", "Lease term in months: MINER model"],
    ["Horizon_Months", "horizon", "Months compared: the last phase's build + the lease term: MINER model"],
    ["Lease_NPV", "leaseNpv", "Lease NPV (USD): MINER model result"],
    ["Lease_IRR", "leaseIrr", "Lease IRR (annual): MINER model result"],
    ["Mining_NPV", "miningNpv", "Mining NPV over the same months (USD): MINER model result"],
    ["Conversion_Value", "conversionValue", "Lease NPV − mining NPV (USD): MINER model result"],
    [
      "Conversion_Breakeven_Price",
      "breakevenPrice",
      "BTC price at which mining is worth as much as leasing (USD): MINER model result",
    ],
    ["Months_Switched_Off", "monthsOff", "Months of the horizon the fleet is switched off: MINER model"],
    ["Energy_Tax_Effective_Rate", "effectiveTaxRate", "Energy tax ÷ kWh (USD per kWh): MINER model"],
    ["Lease_Final_Year_Months", "finalYearMonths", "Final lease year's rent in months of year-1 rent"],
  ];
  for (const [name, cell, comment] of names) d.name(name, LEASE_CELLS[cell], comment);

  d.put("E3", [["Three uses of a site MW, first year of each (MINER.MWECONOMICS)"]], "section");
  d.put(LEASE_CELLS.economics, [[`=${minerCall("MWECONOMICS", conversionArg)}`]]);
  d.format("F5:H6", undefined, USD);
  d.format("F7:H7", undefined, "0.0%");
  d.format("F8:H8", undefined, USD);

  energyTax(d);
  for (const t of INPUT_TABLES) {
    d.put(`A${t.top - 1}`, [[`${t.title} (${t.name}): name, value, unit, what it is`]], "section");
    d.put(`A${t.top}`, assumptionsTable(t.params, PARAMETER_LINKS));
    d.format(`C${t.top}:D${t.top + t.params.length - 1}`, "note");
    d.name(t.name, tableRange(t), `Assumptions table (name, value) read by the site functions: ${t.title}`);
  }
  phases(d);
  annualSummary(d);
  schedule(d);
  d.width({ A: 230, B: 120, C: 150, D: 330, E: 200, F: 120, G: 120, H: 120, I: 120 });
  return d;
}

/**
 * The lease's phases (each a lease of its own: its build, its MW, the full term), fed to LEASENPV,
 * LEASEIRR and the conversion functions, and to the plain schedule.
 */
function phases(d: SheetDraft): void {
  d.put(
    `A${PHASES_TOP - 2}`,
    [["Lease phases (Lease_Phases): each hall is a lease of its own, the full term from when it is ready"]],
    "section",
  );
  d.put(`A${PHASES_TOP - 1}`, [["Build months until ready for service", "Critical IT MW", "Note"]], "header");
  const note =
    "illustrative: two halls six months apart, as deals deliver (TeraWulf ~40 MW in 1H2026, the rest by year end; reference/lease-deals.md). Blank rows add nothing.";
  d.put(
    `A${PHASES_TOP}`,
    PHASES.map((p) =>
      p === 0
        ? ["=Conversion_Months", "=Critical_IT_MW/2", note]
        : p === 1
          ? ["=Conversion_Months+6", "=Critical_IT_MW/2", ""]
          : ["", "", ""],
    ),
  );
  d.format(PHASES_RANGE, "input", "#,##0.0");
  d.format(`C${PHASES_TOP}:C${PHASES_TOP + PHASE_ROWS - 1}`, "note");
  d.name("Lease_Phases", PHASES_RANGE, "Lease phases (build months, critical IT MW): MINER model input table");
  d.name("Lease_Phase_Build_Months", `A${PHASES_TOP}:A${PHASES_TOP + PHASE_ROWS - 1}`, "Lease phases' build months");
  d.name("Lease_Phase_MW", `B${PHASES_TOP}:B${PHASES_TOP + PHASE_ROWS - 1}`, "Lease phases' critical IT MW");
  // The exit value's final lease year, in months of year-1 rent: the last 12 lease months escalated
  // (a year, or a part year and the 12 − a months before it), annualised for a term under a year.
  const y = "ROUNDUP(Lease_Term_Months/12,0)";
  const a = `(Lease_Term_Months-12*(${y}-1))`;
  d.put(`A${PHASES_TOP + PHASE_ROWS + 2}`, [
    [
      "Final lease year's rent, in months of year-1 rent",
      `=IF(Lease_Term_Months<12,12,${a}*(1+Lease_Escalator)^(${y}-1)+(12-${a})*(1+Lease_Escalator)^(${y}-2))`,
      "for the exit value: its NOI ÷ Exit_Cap_Rate",
    ],
  ]);
  d.format(LEASE_CELLS.finalYearMonths, "result", "0.0000");
}

/** The energy tax on the site's power: MINER.ENERGYTAX on its annual kWh and a tier table. */
function energyTax(d: SheetDraft): void {
  d.put("E10", [["Energy tax (MINER.ENERGYTAX): New York's proposed tiered excise"]], "section");
  d.put("E12", [
    ["Site kWh a year", "=Site_MW*1000*8760*Uptime", "kWh"],
    ["Tax a year", "=MINER.ENERGYTAX(Annual_kWh,Energy_Tax_Tiers)", "USD"],
    ["Effective rate", "=IF(Annual_kWh>0,Energy_Tax_per_Year/Annual_kWh,0)", "USD per kWh"],
  ]);
  d.format("F12", "result", USD);
  d.format("F13", "result", USD);
  d.format("F14", "result", "0.0000");
  d.name("Annual_kWh", LEASE_CELLS.annualKwh, "The site's kWh a year: MINER model");
  d.name("Energy_Tax_per_Year", LEASE_CELLS.energyTax, "Energy tax a year (USD): MINER model result");

  d.put(
    `A${TIERS_TOP - 2}`,
    [["Energy tax bands (Energy_Tax_Tiers): New York S8518/A9138 as introduced; edit when the bill changes"]],
    "section",
  );
  d.put(`A${TIERS_TOP - 1}`, [["Band start (kWh a year)", "USD per kWh", "Tax in the band (plain)"]], "header");
  const ny = [
    [0, 0],
    [2_250_000, 0.02],
    [5_000_000, 0.03],
    [10_000_000, 0.04],
    [20_000_000, 0.05],
  ];
  d.put(
    `A${TIERS_TOP}`,
    Array.from({ length: TIER_ROWS }, (_, i) => {
      const r = TIERS_TOP + i;
      const next = i + 1 < TIER_ROWS ? `IF(A${r + 1}="",Annual_kWh,A${r + 1})` : "Annual_kWh";
      const band = `=IF(A${r}="",0,B${r}*MAX(0,MIN(Annual_kWh,${next})-A${r}))`;
      return [...(ny[i] ?? ["", ""]), band];
    }),
  );
  d.format(TIERS_RANGE, "input", "#,##0.####");
  d.format(TIER_TAX_RANGE, undefined, USD);
  d.put(`D${TIERS_TOP}`, [["reference/energy-tax-and-curtailment.md (nysenate.gov); not enacted"]], "note");
  d.name("Energy_Tax_Tiers", TIERS_RANGE, "Energy tax bands (band start kWh, USD per kWh): MINER model input table");
}

const ANNUAL_TOP = 16;

/** Net cash flow by year (year 0 = month 0), summed from the schedule: the chart's data. */
function annualSummary(d: SheetDraft): void {
  d.put("J15", [["Net cash flow by year (USD), from the schedule below"]], "section");
  d.put(`J${ANNUAL_TOP}`, [["Year", "Mining", "Lease"]], "header");
  const year = scheduleRange("year");
  const rows = Array.from({ length: YEARS + 1 }, (_, y) => {
    const r = ANNUAL_TOP + 1 + y;
    return [
      y === 0 ? 0 : `=J${r - 1}+1`,
      `=SUMIFS(${scheduleRange("miningNet")},${year},J${r})`,
      `=SUMIFS(${scheduleRange("leaseNet")},${year},J${r})`,
    ];
  });
  const address = d.put(`J${ANNUAL_TOP + 1}`, rows);
  d.format(address.replace(/^J/, "K"), undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: `K${ANNUAL_TOP}:L${ANNUAL_TOP + 1 + YEARS}`,
    categories: `J${ANNUAL_TOP + 1}:J${ANNUAL_TOP + 1 + YEARS}`,
    title: "Net cash flow by year (USD): mining vs leasing the site",
    from: "N15",
    to: "W35",
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
