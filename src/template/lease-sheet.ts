/**
 * The Lease vs Mine sheet: the lease's NPV and IRR, mining the same MW over the same months, the
 * conversion value and breakeven price, the three strategies side by side (mine throughout,
 * convert now, convert at the best month: MINER.CONVERSIONTIMING, drawn as a curve), what each side
 * holds after its horizon, the three uses of a site MW (MINER.MWECONOMICS) and the energy tax
 * (MINER.ENERGYTAX), all MINER functions; the lease's phases and the tax's bands as editable
 * tables; and beneath them the monthly schedule of both futures in plain Excel formulas (the
 * fleet's life too: refreshes bought only in months it runs, idle opex, a stop for good, the
 * resale, the hashprice floor), which the charts and the reconciliation read.
 */
import { minerCall, SheetDraft } from "./draft";
import {
  FLEET_AND_NETWORK,
  GPU_ON_SITE,
  MINING_DECISIONS,
  MINING_OPTIONS,
  Param,
  PARAMS,
  SIGNATURES,
  SITE,
} from "../functions/params";
import { PARAMETER_LINKS } from "./links";
import { Columns, Grid, offset, Rows, Table } from "./layout";
import { ParamTable } from "./param-table";
import { absolute } from "./spec";

const USD = "#,##0";

/** The plain schedule covers months 0..SCHEDULE_MONTHS: 30 years, enough for a 25-year lease after a conversion. */
export const SCHEDULE_MONTHS = 360;
export const SCHEDULE_HEADER_ROW = 94;
export const SCHEDULE_FIRST_ROW = SCHEDULE_HEADER_ROW + 1; // month 0
export const SCHEDULE_LAST_ROW = SCHEDULE_FIRST_ROW + SCHEDULE_MONTHS;
const YEARS = SCHEDULE_MONTHS / 12;

/** The lease's phases, from row 73: rows of (build months until ready for service, critical IT MW); blank rows add nothing. */
export const PHASE_TABLE = new Grid(73, 4, new Columns("A", ["buildMonths", "mw", "note"]));
/** The energy tax's bands, from row 84: rows of (band start in kWh a year, USD per kWh); the default is New York's five. */
export const TIER_TABLE = new Grid(84, 6, new Columns("A", ["start", "rate", "tax", "source"]));

const phaseCell = (p: number, key: "buildMonths" | "mw") => absolute(PHASE_TABLE.cell(key, p));
const PHASES = Array.from({ length: PHASE_TABLE.count }, (_, p) => p);

/** When a month is inside the mining horizon: mining flows are zero outside it. */
const MINING = (r: number) => `AND(${at("month", r)}>=1,${at("month", r)}<=Horizon_Months)`;
/** Fleet TH/s the site powers, as MINER's mining schedule computes it: MW × 1e6 / (J/TH × PUE). */
const FLEET_THS = "Site_MW*1000000/(Efficiency_J_TH*Site_PUE)";
/** The difficulty the fleet alone implies: TH/s × 1e12 × 600 / 2^32 (added when the difficulty does not count it). */
const FLEET_DIFFICULTY = `${FLEET_THS}*1000000000000*600/2^32`;
/** kWh the site buys in a month it runs: MW × 1000 kW × 730 h × uptime. */
const KWH_RUN = "Site_MW*1000*24*365/12*Uptime";
/** Month r's energy tax per kWh: the rate from Energy_Tax_Start_Month on, none before. */
const TAX_RATE = (r: number) => `Energy_Tax_USD_per_kWh*(${at("month", r)}>=Energy_Tax_Start_Month)`;
/** Power and energy tax in month r if it runs: the variable cost revenue must cover. */
const VARIABLE_COST = (r: number) => `${KWH_RUN}*(Power_Price_kWh+${TAX_RATE(r)})`;
/** The site's opex in a month the fleet runs; a month off pays Idle_Opex_Pct of it. */
const OPEX = "Site_Opex_USD_per_MW_Month*Site_MW";
/** What month r must earn to run: its power and energy tax, and the opex idling would save. */
const RUNNING_COST = (r: number) => `${VARIABLE_COST(r)}+(1-Idle_Opex_Pct)*${OPEX}`;
/** A new fleet's price. */
const FLEET_PRICE = `Refresh_Capex_USD_per_TH*${FLEET_THS}`;
/** What the fleet fetches when sold: at a stop for good or a conversion. */
const RESALE = `Fleet_Resale_USD_per_TH*${FLEET_THS}`;
/** What it is worth at the horizon's end: salvage_pct of a new fleet's price when given, else its resale. */
const END_VALUE = `IF(Salvage_Pct>0,Salvage_Pct*${FLEET_PRICE},${RESALE})`;
/** Month r's difficulty on its growth path, before the floor. */
const GROWN = (r: number) => `Difficulty_Now*(1+Difficulty_Growth_Monthly)^MAX(${at("month", r)}-1,0)`;
/** The month's difficulty at price `price`: the growth path, never above the one at which hashprice is the floor. */
const flooredDifficulty = (r: number, price: string) =>
  `IF(Hashprice_Floor_USD_per_PH_Day="",${GROWN(r)},MIN(${GROWN(r)},86400000000000000000*(${at("subsidy", r)}+Fees_BTC_per_Block)*${price}/(2^32*Hashprice_Floor_USD_per_PH_Day)))`;
/**
 * BTC the fleet would mine in month r at difficulty `d`: TH/s × share earning × days × BTC per TH/s
 * per day (1e12 × 86,400 / 2^32 × reward / difficulty); a new fleet (Difficulty_Includes_Fleet 0)
 * adds its own difficulty to the network's.
 */
const btcAt = (r: number, d: string) =>
  `${FLEET_THS}*Uptime*(1-Pool_Fee)*365/12*1000000000000*86400/2^32*(${at("subsidy", r)}+Fees_BTC_per_Block)/(${d}+IF(Difficulty_Includes_Fleet,0,${FLEET_DIFFICULTY}))`;
/** The breakeven price over today's: month r's price at the breakeven is its price × this. */
const AT_BREAKEVEN = "Conversion_Breakeven_Price/BTC_Price_USD";

/**
 * The refresh chain in a column: the month of the last fleet bought, by row. A refresh falls due
 * Refresh_Every_Months after the last purchase and is bought in the first month at or after that in
 * which the fleet runs (`runs`), never with fewer than Refresh_Every_Months months of the horizon left.
 */
const lastBought = (key: string, runs: string) => (r: number) =>
  r === SCHEDULE_FIRST_ROW
    ? "0"
    : `=IF(AND(Refresh_Every_Months>0,${at(runs, r)}=1,${at("month", r)}-${at(key, r - 1)}>=Refresh_Every_Months,Horizon_Months-${at("month", r)}>=Refresh_Every_Months),${at("month", r)},${at(key, r - 1)})`;
/**
 * Mining's value, USD at month 0, if it stops for good after month r (month r's row; the fleet sold
 * then, or at the horizon's end worth its end value): the running sum of the months' operating
 * present values less the fleets bought (`operating`, `bought` for row r), plus the sale.
 * V(r) = V(r − 1) − R × df(r − 1) + (operating − bought) × df(r) + (R, or the end value at the horizon) × df(r).
 */
const valueIfStopped = (key: string, operating: (r: number) => string, bought: (r: number) => string) => (r: number) =>
  r === SCHEDULE_FIRST_ROW
    ? `=${RESALE}`
    : `=IF(${MINING(r)},${at(key, r - 1)}-${RESALE}*${at("discountFactor", r - 1)}+(${operating(r)}-${bought(r)})*${at("discountFactor", r)}+IF(${at("month", r)}<Horizon_Months,${RESALE},${END_VALUE})*${at("discountFactor", r)},"")`;
/** Month r's operating flow before any stop: revenue less power, tax and opex when it runs, idle opex when not. */
const operatingFlow = (runs: string, revenue: (r: number) => string) => (r: number) =>
  `IF(${at(runs, r)}=1,${revenue(r)}-${VARIABLE_COST(r)}-${OPEX},-Idle_Opex_Pct*${OPEX})`;
/** A fleet bought in month r (the chain `key`), before any stop. */
const boughtIn = (key: string) => (r: number) => `IF(${at(key, r)}=${at("month", r)},${FLEET_PRICE},0)`;
const revenueRun = (r: number) => `${at("btcRun", r)}*${at("price", r)}`;

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
    const b = phaseCell(p, "buildMonths");
    return term(b, phaseCell(p, "mw"), `(${at("month", r)}-${b}+Rent_Timing)`);
  }).join("+");
}
/** Rent of a phase's lease month k: MW × 1000 × rate, escalated after each completed lease year. */
const rent = (mw: string, k: string) => `${mw}*1000*Lease_Rate_USD_per_kW_Month*(1+Lease_Escalator)^INT((${k}-1)/12)`;
const inTerm = (k: string) => `AND(${k}>=1,${k}<=Lease_Term_Months)`;
/** The tenant's monthly survival, q = (1 − Tenant_Default_Annual)^(1/12). */
const Q = "(1-Tenant_Default_Annual)^(1/12)";
/** q^e, with q^0 = 1 even when q is 0 (a tenant sure to default), where Excel's 0^0 is #NUM!. */
export const qTo = (e: string) => `IF((${e})=0,1,${Q}^(${e}))`;
/**
 * The share of contracted rent expected in month r: S + (1 − S) × recovery, S = q^month, the tenant's
 * survival from month 0 (the signing): every phase is signed at month 0.
 */
const EXPECTED_SHARE = (r: number) => `(Default_Recovery_Pct+(1-Default_Recovery_Pct)*${qTo(at("month", r))})`;

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
    header: "Lease revenue (USD; the expected rent with the tenant's credit)",
    format: USD,
    // Each phase's rent starts after its own build and escalates on its own anniversaries; with the
    // tenant's credit each month's rent is the expected rent.
    formula: (r) =>
      `=(${overPhases(r, (b, mw, k) => `IF(${inTerm(k)},${rent(`N(${mw})`, k)},0)`)})*${EXPECTED_SHARE(r)}`,
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
        const [b, mw] = [phaseCell(p, "buildMonths"), `N(${phaseCell(p, "mw")})`];
        const capex = `Conversion_Capex_USD_per_MW*${mw}`;
        return `IF(AND(Capex_Timing=1,N(${b})>0),IF(${m}<N(${b}),${capex}/${b},0),IF(${m}=0,${capex},0))`;
      }).join("+")}`;
    },
  },
  {
    key: "leaseExit",
    header: "Lease exit value (USD)",
    format: USD,
    // The final lease year's (expected) NOI ÷ the exit cap rate, with the phase's last rent.
    formula: (r) =>
      `=IF(Exit_Cap_Rate>0,${PHASES.map((p) => {
        const [b, mw] = [phaseCell(p, "buildMonths"), `N(${phaseCell(p, "mw")})`];
        return `IF(${at("month", r)}=N(${b})+Lease_Term_Months-Rent_Timing,${mw}*1000*Lease_Rate_USD_per_kW_Month*(1-Lease_Opex_Pct_of_Revenue)*(Default_Recovery_Pct*Lease_Final_Year_Months+(1-Default_Recovery_Pct)*${qTo(`N(${b})-Rent_Timing+1`)}*Lease_Final_Year_Survival)/Exit_Cap_Rate,0)`;
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
    header: "Difficulty (growth, capped at the hashprice floor)",
    format: "0.000E+00",
    formula: (r) => `=${flooredDifficulty(r, at("price", r))}`,
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
    formula: (r) => `=IF(${MINING(r)},${btcAt(r, at("difficulty", r))},0)`,
  },
  {
    key: "wouldRun",
    header: "Would run, before any stop (1/0)",
    format: "0",
    // Switched off when the month's revenue would not cover its power, energy tax and the opex idling saves (a tie runs).
    formula: (r) => `=IF(AND(${MINING(r)},OR(NOT(Switch_Off_Below_Cost),${revenueRun(r)}>=${RUNNING_COST(r)})),1,0)`,
  },
  {
    key: "running",
    header: "Running (1/0)",
    format: "0",
    formula: (r) => `=IF(${at("month", r)}<=Stop_Month,${at("wouldRun", r)},0)`,
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
    formula: (r) => `=${at("running", r)}*${KWH_RUN}*${TAX_RATE(r)}`,
  },
  {
    key: "miningOpex",
    header: "Site opex (USD)",
    format: USD,
    formula: (r) =>
      `=IF(AND(${MINING(r)},${at("month", r)}<=Stop_Month),${OPEX}*IF(${at("wouldRun", r)}=1,1,Idle_Opex_Pct),0)`,
  },
  {
    key: "lastBuy",
    header: "Last fleet bought (month)",
    format: "0",
    formula: lastBought("lastBuy", "wouldRun"),
  },
  {
    key: "refreshCapex",
    header: "Fleet refresh capex (USD)",
    format: USD,
    formula: (r) =>
      `=IF(AND(${at("month", r)}>0,${at("lastBuy", r)}=${at("month", r)},${at("month", r)}<=Stop_Month),${FLEET_PRICE},0)`,
  },
  {
    key: "salvage",
    header: "Fleet sold: resale at a stop, end value at the horizon (USD)",
    format: USD,
    formula: (r) => `=IF(${at("month", r)}=Stop_Month,IF(Stop_Month<Horizon_Months,${RESALE},${END_VALUE}),0)`,
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
    key: "valueIfConverted",
    header: "Mining to here, then the fleet sold, before refreshes (USD, month 0)",
    format: USD,
    // B(r) = the months' operating present values to r + the fleet's resale × df(r): CONVERSIONTIMING's
    // mining leg to r, less the fleets it buys (the reconciliation takes those off).
    formula: (r) =>
      r === SCHEDULE_FIRST_ROW
        ? `=${RESALE}`
        : `=IF(${MINING(r)},${at("valueIfConverted", r - 1)}-${RESALE}*${at("discountFactor", r - 1)}+(${operatingFlow("wouldRun", revenueRun)(r)}+${RESALE})*${at("discountFactor", r)},"")`,
  },
  {
    key: "valueIfStopped",
    header: "Mining's value if it stops for good after this month (USD, month 0)",
    format: USD,
    formula: valueIfStopped("valueIfStopped", operatingFlow("wouldRun", revenueRun), boughtIn("lastBuy")),
  },
  {
    key: "revenueAtBreakeven",
    header: "Revenue if it ran at the breakeven price (USD)",
    format: USD,
    // The breakeven price scales every month's price by breakeven / price; the floor caps that month's
    // difficulty at it. A floor low enough to shrink the network below the fleet (a difficulty that
    // counts the fleet): the fleet earns the whole network's blocks, as the breakeven search takes it.
    formula: (r) => {
      const price = `${at("price", r)}*${AT_BREAKEVEN}`;
      const d = flooredDifficulty(r, price);
      return `=IF(${MINING(r)},${btcAt(r, `IF(Difficulty_Includes_Fleet,MAX(${d},${FLEET_DIFFICULTY}),${d})`)}*${price},0)`;
    },
  },
  {
    key: "runsAtBreakeven",
    header: "Would run at the breakeven price (1/0)",
    format: "0",
    formula: (r) =>
      `=IF(AND(${MINING(r)},OR(NOT(Switch_Off_Below_Cost),${at("revenueAtBreakeven", r)}>=${RUNNING_COST(r)})),1,0)`,
  },
  {
    key: "revenuePvAtBreakeven",
    header: "Revenue at the breakeven price in a month it runs, present value (USD)",
    format: USD,
    formula: (r) => `=${at("runsAtBreakeven", r)}*${at("revenueAtBreakeven", r)}*${at("discountFactor", r)}`,
  },
  {
    key: "lastBuyAtBreakeven",
    header: "Last fleet bought at the breakeven price (month)",
    format: "0",
    formula: lastBought("lastBuyAtBreakeven", "runsAtBreakeven"),
  },
  {
    key: "valueAtBreakeven",
    header: "Mining's value at the breakeven price if it stops after this month (USD, month 0)",
    format: USD,
    formula: valueIfStopped(
      "valueAtBreakeven",
      operatingFlow("runsAtBreakeven", (r) => at("revenueAtBreakeven", r)),
      boughtIn("lastBuyAtBreakeven"),
    ),
  },
];

/** Column letter of each schedule column, by key. */
const SCHEDULE_COLUMNS = new Columns(
  "A",
  COLUMNS.map((c) => c.key),
);
export const SCHEDULE_COLUMN: Record<string, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, SCHEDULE_COLUMNS.col(c.key)]),
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
/**
 * A difficulty path is a column: no cell of a name/value table holds one, so the tables leave it out
 * and the positional calls pass it blank (the growth and the floor make the path).
 */
export const NOT_IN_TABLES = ["difficulty_path"];
const SITE_TABLE: Param[] = [
  ...SITE,
  ...MINING_OPTIONS,
  ...MINING_DECISIONS,
  ...FLEET_AND_NETWORK,
  PARAMS.energy_tax_start_month,
].filter((p) => !NOT_IN_TABLES.includes(p.name));
/** With phases, the conversion's own MW ratio and conversion months are blank: the phases give both. */
const GIVEN_BY_PHASES = ["conversion_months", "site_mw_per_critical_it_mw", "phases"];
const notSite = (params: readonly Param[]) =>
  params.filter((p) => !SITE_TABLE.includes(p) && !NOT_IN_TABLES.includes(p.name));
/** The tables, one under another from row 20: each a section title, then its rows, then a blank row. */
export const INPUT_TABLES = (() => {
  let top = 20;
  const tables = [
    { name: "Site_Inputs", title: "The site and how it is mined", params: SITE_TABLE },
    { name: "Mining_Horizon", title: "Mining horizon, for MININGNPV", params: notSite(SIGNATURES.MININGNPV) },
    {
      name: "Lease_Inputs",
      title: "The lease of the converted site, for CONVERSIONVALUE, CONVERSIONBREAKEVEN, MWECONOMICS",
      params: notSite(SIGNATURES.CONVERSIONVALUE).filter((p) => !GIVEN_BY_PHASES.includes(p.name)),
    },
    { name: "GPU_Inputs", title: "GPU cloud on the converted site, for MWECONOMICS", params: GPU_ON_SITE },
  ];
  return tables.map(({ name, title, params }) => {
    const table = new ParamTable({
      name,
      top,
      params,
      section: `${title} (${name}): name, value, unit, what it is`,
      comment: `Assumptions table (name, value) read by the site functions: ${title}`,
    });
    top = table.bottom + 3;
    return table;
  });
})();

/** The value cell of a parameter in the tables the conversion functions read (column B). */
function tableCell(param: string): string | undefined {
  return INPUT_TABLES.filter((t) => t.name !== "Mining_Horizon")
    .map((t) => t.cell(param))
    .find((cell) => cell !== undefined);
}

/** The phases table and the tax bands (two columns each, as the functions read them). */
export const PHASES_RANGE = PHASE_TABLE.range("buildMonths", "mw");
export const TIERS_RANGE = TIER_TABLE.range("start", "rate");
/** The tier table's plain column: the tax in each band. */
export const TIER_TAX_RANGE = TIER_TABLE.range("tax");

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
/**
 * The conversion functions' arguments: the tables' cells (qualified by the sheet, for a call from
 * another sheet), the phases, blanks where the phases decide and for a difficulty path.
 */
export function conversionArg(param: string, fromAnotherSheet = false): string | undefined {
  if (param === "phases") return "Lease_Phases";
  if (GIVEN_BY_PHASES.includes(param) || NOT_IN_TABLES.includes(param)) return '""';
  const cell = tableCell(param);
  return cell && fromAnotherSheet ? `{leaseVsMine}!${absolute(cell)}` : cell;
}

/** The results, from A5: label, value, unit. */
export const LEASE_RESULTS = new Table(
  "A5",
  [
    {
      key: "criticalItMw",
      label: "Critical IT MW the site supports",
      value: "=Site_MW/Site_MW_per_Critical_IT_MW",
      unit: "MW",
      numberFormat: "#,##0.0",
      name: ["Critical_IT_MW", "Critical IT MW the site supports: MINER model"],
    },
    {
      key: "leasedMw",
      label: "Critical IT MW leased (the phases)",
      value: "=SUM(Lease_Phase_MW)",
      unit: "MW",
      numberFormat: "#,##0.0",
      name: ["Leased_Critical_IT_MW", "Critical IT MW leased, the phases' total: MINER model"],
    },
    {
      key: "termMonths",
      label: "Lease term",
      value: "=ROUND(Lease_Term_Years*12,0)",
      unit: "months",
      numberFormat: "0",
      name: ["Lease_Term_Months", "Lease term in months: MINER model"],
    },
    {
      key: "horizon",
      label: "Horizon: the last phase's build + the term",
      value: "=MAX(Lease_Phase_Build_Months)+Lease_Term_Months",
      unit: "months",
      numberFormat: "0",
      name: ["Horizon_Months", "Months compared: the last phase's build + the lease term: MINER model"],
    },
    {
      key: "leaseNpv",
      label: "Lease NPV",
      value: () => `=${minerCall("LEASENPV", leaseArg)}`,
      unit: "USD",
      numberFormat: USD,
      name: ["Lease_NPV", "Lease NPV (USD): MINER model result"],
    },
    {
      key: "leaseIrr",
      label: "Lease IRR",
      value: () => `=${minerCall("LEASEIRR", leaseArg)}`,
      unit: "per year",
      numberFormat: "0.00%",
      name: ["Lease_IRR", "Lease IRR (annual): MINER model result"],
    },
    {
      key: "miningNpv",
      label: "Mining NPV, same site and months",
      value: '=MINER.FROMTABLE("MININGNPV",Site_Inputs,Mining_Horizon)',
      unit: "USD",
      numberFormat: USD,
      name: ["Mining_NPV", "Mining NPV over the same months (USD): MINER model result"],
    },
    {
      key: "conversionValue",
      label: "Conversion value: convert now less mine throughout",
      value: () => `=${minerCall("CONVERSIONVALUE", (p) => conversionArg(p))}`,
      unit: "USD",
      numberFormat: USD,
      name: [
        "Conversion_Value",
        "(Lease NPV + the fleet's sale) − (mining NPV + the site mining keeps, T) (USD): MINER model result",
      ],
    },
    {
      key: "breakevenPrice",
      label: "Breakeven BTC price (mining = leasing)",
      value: () => `=${minerCall("CONVERSIONBREAKEVEN", (p) => conversionArg(p))}`,
      unit: "USD per BTC",
      numberFormat: USD,
      name: [
        "Conversion_Breakeven_Price",
        "BTC price at which mining is worth as much as leasing (USD): MINER model result",
      ],
    },
    {
      key: "verdict",
      label: "Verdict",
      // The best of the three strategies below; a tie goes to mining throughout, then to converting now.
      value: () =>
        `=IF(Best_Conversion_Gain<=0,"Mine throughout: worth the most of the three strategies at these inputs",IF(Best_Conversion_Month=0,"Convert now: worth the most of the three strategies at these inputs","Mine "&Best_Conversion_Month&" months, then convert: worth the most of the three strategies at these inputs"))`,
      unit: "the best of the three strategies (below)",
    },
    {
      key: "monthsOff",
      label: "Months the fleet is switched off",
      value: () => `=COUNTIFS(${scheduleRange("wouldRun", 1)},0,${scheduleRange("month", 1)},"<="&Stop_Month)`,
      unit: "months, to the stop or the horizon's end",
      numberFormat: "0",
      name: ["Months_Switched_Off", "Months of the horizon the fleet is switched off: MINER model"],
    },
    {
      key: "stopMonth",
      label: "Month the fleet stops for good (the horizon if it never does)",
      // With Stop_For_Good, the month that maximises mining's value (the later of equal ones).
      value: () =>
        `=IF(Stop_For_Good,MAXIFS(${scheduleRange("month", 1)},${scheduleRange("valueIfStopped", 1)},MAX(${scheduleRange("valueIfStopped", 1)})),Horizon_Months)`,
      unit: "month",
      numberFormat: "0",
      name: [
        "Stop_Month",
        "The last month the fleet mines (it stops for good after it, or the horizon ends): MINER model",
      ],
    },
  ],
  { style: "result" },
);

/** CONVERSIONTIMING's spill: k and its value, in the two columns after the schedule's, its header on the schedule's header row, so row k is month k's. */
export const TIMING = new Columns(offset(SCHEDULE_COLUMNS.to, 2), ["month", "value"]);
/** The spill's rows for every month the schedule holds (a horizon of H months spills H + 1 of them). */
const timingRange = (key: "month" | "value", header = false) =>
  `$${TIMING.col(key)}$${header ? SCHEDULE_HEADER_ROW : SCHEDULE_FIRST_ROW}:$${TIMING.col(key)}$${SCHEDULE_LAST_ROW}`;

/**
 * The three strategies side by side, from E17: each one's value at month 0 and against mining
 * throughout. Mining's value is what CONVERSIONVALUE compares (its NPV and the site it keeps, T):
 * the lease and the fleet's sale less the conversion value.
 */
export const STRATEGIES = new Table(
  "E18",
  [
    {
      key: "mine",
      label: "Mine throughout (switch-off, idle opex, a stop if set), keeping the site",
      value: (_, c) => (c === 0 ? "=Mining_NPV+Mining_Site_Value" : 0),
      unit: "MINER.MININGNPV + the site it keeps after the horizon (T)",
      numberFormat: USD,
      name: ["Mining_Value", "Mining the whole horizon, with the site it keeps after it (USD): MINER model result"],
    },
    {
      key: "now",
      label: "Convert now: sell the fleet, lease the site",
      value: (_, c) => (c === 0 ? "=Lease_NPV+Fleet_Sale_USD" : "=Conversion_Value"),
      unit: "MINER.CONVERSIONVALUE",
      numberFormat: USD,
    },
    {
      key: "best",
      label: "Mine to the best month, then convert",
      value: (_, c) => (c === 0 ? "=Mining_Value+Best_Conversion_Gain" : `=MAX(${timingRange("value")})`),
      unit: "MINER.CONVERSIONTIMING's best row",
      numberFormat: USD,
    },
    {
      key: "bestMonth",
      label: "The best month to convert (months mined first)",
      value: (_, c) =>
        c === 0 ? `=INDEX(${timingRange("month")},MATCH(MAX(${timingRange("value")}),${timingRange("value")},0))` : "",
      unit: "month k (0 = now)",
      numberFormat: "0",
      name: [
        "Best_Conversion_Month",
        "The month CONVERSIONTIMING's value is highest (the earliest of equal ones): MINER model",
      ],
    },
  ],
  { values: 2, style: "result" },
);

/** What each side holds after its horizon, from E23: the lease (converting now) and mining (throughout), side by side. */
export const TERMINALS = new Table(
  "E24",
  [
    {
      key: "fleet",
      label: "The fleet, sold (USD at month 0)",
      value: (_, c) =>
        c === 0 ? `=${RESALE}` : `=SUMPRODUCT(${scheduleRange("salvage", 1)},${scheduleRange("discountFactor", 1)})`,
      unit: "lease: resold at once; mining: at its stop or the horizon's end",
      numberFormat: USD,
      name: ["Fleet_Sale_USD", "The fleet's resale value, when the site converts now (USD): MINER model"],
    },
    {
      key: "site",
      label: "The site after the horizon (USD at month 0)",
      value: (_, c) =>
        c === 0
          ? `=SUMPRODUCT(${scheduleRange("leaseExit")},${scheduleRange("leaseDiscountFactor")})`
          : "=IF(Exit_Cap_Rate>0,MAX(0,Lease_NPV)*(1+Discount_Rate)^(-Horizon_Months/12),0)",
      unit: "lease: the exit cap rate's value; mining (with an exit cap rate): MINER.LEASENPV signed at its end, never below 0, at month 0 (T)",
      numberFormat: USD,
    },
  ],
  { values: 2, style: "result" },
);

/**
 * MINER.MWECONOMICS' spill from E4, in the function's order: a header row, then revenue, EBITDA,
 * margin and capital (rows), for each use of a site MW (columns, labels in E).
 */
export const MW_ECONOMICS = {
  rows: new Rows(4, ["header", "revenue", "ebitda", "margin", "capital"]),
  columns: new Columns("E", ["label", "mining", "lease", "gpuCloud"]),
};
type EconomicsLine = (typeof MW_ECONOMICS.rows.keys)[number];
/** The economics' line `line` across the three uses ("F5:H6" from `line` to `to`). */
const economicsLines = (line: EconomicsLine, to = line) =>
  `${MW_ECONOMICS.columns.col("mining")}${MW_ECONOMICS.rows.row(line)}:${MW_ECONOMICS.columns.to}${MW_ECONOMICS.rows.row(to)}`;

/** The energy tax on the site's year, from E12: label, value, unit. */
export const ENERGY_TAX = new Table(
  "E12",
  [
    {
      key: "annualKwh",
      label: "Site kWh a year",
      value: "=Site_MW*1000*8760*Uptime",
      unit: "kWh",
      numberFormat: USD,
      name: ["Annual_kWh", "The site's kWh a year: MINER model"],
    },
    {
      key: "taxPerYear",
      label: "Tax a year",
      value: "=MINER.ENERGYTAX(Annual_kWh,Energy_Tax_Tiers)",
      unit: "USD",
      numberFormat: USD,
      name: ["Energy_Tax_per_Year", "Energy tax a year (USD): MINER model result"],
    },
    {
      key: "effectiveRate",
      label: "Effective rate",
      value: "=IF(Annual_kWh>0,Energy_Tax_per_Year/Annual_kWh,0)",
      unit: "USD per kWh",
      numberFormat: "0.0000",
      name: ["Energy_Tax_Effective_Rate", "Energy tax ÷ kWh (USD per kWh): MINER model"],
    },
  ],
  { style: "result" },
);

// The exit value's final lease year, in months of year-1 rent: the last 12 lease months escalated
// (a year, or a part year and the 12 − a months before it), annualised for a term under a year.
const FINAL_YEARS = "ROUNDUP(Lease_Term_Months/12,0)";
const FINAL_PART = `(Lease_Term_Months-12*(${FINAL_YEARS}-1))`;
/** Σ q^j for j = a..b (0 when b < a): a geometric series, a count when the tenant never defaults. */
export const survivalMonths = (a: string, b: string) =>
  `IF(Tenant_Default_Annual=0,(${b})-(${a})+1,(${qTo(a)}-${qTo(`${b}+1`)})/(1-${Q}))`;
/** Below the phases, after two blank rows. */
const FINAL_YEAR = new Table(
  `A${PHASE_TABLE.bottom + 3}`,
  [
    {
      key: "finalYearMonths",
      label: "Final lease year's rent, in months of year-1 rent",
      value: `=IF(Lease_Term_Months<12,12,${FINAL_PART}*(1+Lease_Escalator)^(${FINAL_YEARS}-1)+(12-${FINAL_PART})*(1+Lease_Escalator)^(${FINAL_YEARS}-2))`,
      unit: "for the exit value: its NOI ÷ Exit_Cap_Rate",
      numberFormat: "0.0000",
      name: ["Lease_Final_Year_Months", "Final lease year's rent in months of year-1 rent"],
    },
    {
      key: "finalYearSurvival",
      label: "The same, each month weighted by the tenant's survival from the phase's first rent month",
      value: `=IF(Lease_Term_Months<12,12/Lease_Term_Months*${survivalMonths("0", "Lease_Term_Months-1")},(1+Lease_Escalator)^(${FINAL_YEARS}-1)*${survivalMonths(`Lease_Term_Months-${FINAL_PART}`, "Lease_Term_Months-1")}+(1+Lease_Escalator)^(${FINAL_YEARS}-2)*${survivalMonths("Lease_Term_Months-12", `Lease_Term_Months-${FINAL_PART}-1`)})`,
      unit: "for the exit value with the tenant's credit: × q^(first rent month) per phase",
      numberFormat: "0.0000",
      name: [
        "Lease_Final_Year_Survival",
        "Final lease year's rent in months of year-1 rent, weighted by survival from the first rent month",
      ],
    },
  ],
  { style: "result" },
);

export function leaseSheet(): SheetDraft {
  const d = new SheetDraft("leaseVsMine");
  d.heading(
    "Lease vs Mine: the site's futures",
    "Leasing the site's critical IT MW to an AI/HPC tenant after a conversion (in the phases below), against mining the same site over the same months. Values at month 0, annual effective discount rates, month-end flows unless the lease bills in advance.",
  );

  d.put(`${LEASE_RESULTS.labelColumn}${LEASE_RESULTS.top - 2}`, [["Results"]], "section");
  LEASE_RESULTS.write(d);

  const economics = MW_ECONOMICS.columns.col("label");
  d.put(
    `${economics}${MW_ECONOMICS.rows.first - 1}`,
    [["Three uses of a site MW, first year of each (MINER.MWECONOMICS)"]],
    "section",
  );
  d.put(`${economics}${MW_ECONOMICS.rows.first}`, [[`=${minerCall("MWECONOMICS", (p) => conversionArg(p))}`]]);
  d.format(economicsLines("revenue", "ebitda"), undefined, USD);
  d.format(economicsLines("margin"), undefined, "0.0%");
  d.format(economicsLines("capital"), undefined, USD);

  energyTax(d);
  strategies(d);
  for (const t of INPUT_TABLES) t.write(d);
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
  const left = (i: number) => `${PHASE_TABLE.columns.from}${PHASE_TABLE.top + i}`;
  d.put(
    left(-2),
    [["Lease phases (Lease_Phases): each hall is a lease of its own, the full term from when it is ready"]],
    "section",
  );
  d.put(left(-1), [["Build months until ready for service", "Critical IT MW", "Note"]], "header");
  const note =
    "illustrative: two halls six months apart, as deals deliver (TeraWulf ~40 MW in 1H2026, the rest by year end: TeraWulf's releases; docs/sources.md#leases). Blank rows add nothing.";
  d.put(
    left(0),
    PHASES.map((p) =>
      p === 0
        ? ["=Conversion_Months", "=Critical_IT_MW/2", note]
        : p === 1
          ? ["=Conversion_Months+6", "=Critical_IT_MW/2", ""]
          : ["", "", ""],
    ),
  );
  d.format(PHASES_RANGE, "input", "#,##0.0");
  d.format(PHASE_TABLE.range("note"), "note");
  d.name("Lease_Phases", PHASES_RANGE, "Lease phases (build months, critical IT MW): MINER model input table");
  d.name("Lease_Phase_Build_Months", PHASE_TABLE.range("buildMonths"), "Lease phases' build months");
  d.name("Lease_Phase_MW", PHASE_TABLE.range("mw"), "Lease phases' critical IT MW");
  FINAL_YEAR.write(d);
}

/**
 * The three strategies and both sides' ends (E16 down), and CONVERSIONTIMING beside the schedule,
 * drawn as the conversion-timing curve under the annual chart.
 */
function strategies(d: SheetDraft): void {
  const label = STRATEGIES.labelColumn;
  d.put(`${label}${STRATEGIES.top - 2}`, [["Three strategies for the site, values at month 0"]], "section");
  d.put(`${label}${STRATEGIES.top - 1}`, [["Strategy", "Value (USD)", "Against mining throughout (USD)"]], "header");
  STRATEGIES.write(d);
  d.name(
    "Best_Conversion_Gain",
    STRATEGIES.cell("best", 1),
    "CONVERSIONTIMING's best row: converting at the best month against mining throughout (USD): MINER model result",
  );
  d.put(`${label}${TERMINALS.top - 2}`, [["What each side holds after its horizon"]], "section");
  d.put(`${label}${TERMINALS.top - 1}`, [["", "Lease (convert now)", "Mining (throughout)"]], "header");
  TERMINALS.write(d);
  d.name(
    "Mining_Site_Value",
    TERMINALS.cell("site", 1),
    "T: the site mining keeps after its horizon, at month 0 (USD): MINER model result",
  );

  d.put(
    `${TIMING.from}${SCHEDULE_HEADER_ROW - 1}`,
    [["When to convert (MINER.CONVERSIONTIMING): mine k months, then convert"]],
    "section",
  );
  d.put(`${TIMING.from}${SCHEDULE_HEADER_ROW}`, [[`=${minerCall("CONVERSIONTIMING", (p) => conversionArg(p))}`]]);
  d.format(timingRange("value").replace(/\$/g, ""), undefined, USD);
  d.chart({
    type: "Line",
    source: timingRange("value", true).replace(/\$/g, ""),
    categories: timingRange("month").replace(/\$/g, ""),
    title: "Converting after k months, against mining throughout (USD): CONVERSIONTIMING",
    from: "N37",
    to: "W57",
  });
}

/** The energy tax on the site's power: MINER.ENERGYTAX on its annual kWh and a tier table. */
function energyTax(d: SheetDraft): void {
  d.put(
    `${ENERGY_TAX.labelColumn}${ENERGY_TAX.top - 2}`,
    [["Energy tax (MINER.ENERGYTAX): New York's proposed tiered excise"]],
    "section",
  );
  ENERGY_TAX.write(d);

  const left = (i: number) => `${TIER_TABLE.columns.from}${TIER_TABLE.top + i}`;
  d.put(
    left(-2),
    [["Energy tax bands (Energy_Tax_Tiers): New York S8518/A9138 as introduced; edit when the bill changes"]],
    "section",
  );
  d.put(left(-1), [["Band start (kWh a year)", "USD per kWh", "Tax in the band (plain)"]], "header");
  const ny = [
    [0, 0],
    [2_250_000, 0.02],
    [5_000_000, 0.03],
    [10_000_000, 0.04],
    [20_000_000, 0.05],
  ];
  const { count } = TIER_TABLE;
  d.put(
    left(0),
    Array.from({ length: count }, (_, i) => {
      const [start, rate] = [TIER_TABLE.cell("start", i), TIER_TABLE.cell("rate", i)];
      const nextStart = i + 1 < count ? TIER_TABLE.cell("start", i + 1) : undefined;
      const next = nextStart ? `IF(${nextStart}="",Annual_kWh,${nextStart})` : "Annual_kWh";
      const band = `=IF(${start}="",0,${rate}*MAX(0,MIN(Annual_kWh,${next})-${start}))`;
      return [...(ny[i] ?? ["", ""]), band];
    }),
  );
  d.format(TIERS_RANGE, "input", "#,##0.####");
  d.format(TIER_TAX_RANGE, undefined, USD);
  d.put(
    TIER_TABLE.cell("source", 0),
    [
      [
        "New York Senate bill S8518 (nysenate.gov/legislation/bills/2025/S8518; docs/sources.md#energy-tax); not enacted",
      ],
    ],
    "note",
  );
  d.name("Energy_Tax_Tiers", TIERS_RANGE, "Energy tax bands (band start kWh, USD per kWh): MINER model input table");
}

/** Net cash flow by year: its header row (the data below it, year 0 first) and its columns. */
const ANNUAL_TOP = 16;
const ANNUAL = new Columns("J", ["year", "mining", "lease"]);

/** Net cash flow by year (year 0 = month 0), summed from the schedule: the chart's data. */
function annualSummary(d: SheetDraft): void {
  const [first, last] = [ANNUAL_TOP + 1, ANNUAL_TOP + 1 + YEARS];
  const year = (r: number) => `${ANNUAL.col("year")}${r}`;
  d.put(year(ANNUAL_TOP - 1), [["Net cash flow by year (USD), from the schedule below"]], "section");
  d.put(year(ANNUAL_TOP), [["Year", "Mining", "Lease"]], "header");
  const schedule = scheduleRange("year");
  const rows = Array.from({ length: YEARS + 1 }, (_, y) => {
    const r = first + y;
    return [
      y === 0 ? 0 : `=${year(r - 1)}+1`,
      `=SUMIFS(${scheduleRange("miningNet")},${schedule},${year(r)})`,
      `=SUMIFS(${scheduleRange("leaseNet")},${schedule},${year(r)})`,
    ];
  });
  d.put(year(first), rows);
  d.format(`${ANNUAL.col("mining")}${first}:${ANNUAL.col("lease")}${last}`, undefined, USD);
  d.chart({
    type: "ColumnClustered",
    source: `${ANNUAL.col("mining")}${ANNUAL_TOP}:${ANNUAL.col("lease")}${last}`,
    categories: `${year(first)}:${year(last)}`,
    title: "Net cash flow by year (USD): mining vs leasing the site",
    from: "N15",
    to: "W35",
  });
}

function schedule(d: SheetDraft): void {
  const left = (row: number) => `${SCHEDULE_COLUMNS.from}${row}`;
  d.put(
    left(SCHEDULE_HEADER_ROW - 1),
    [[`Monthly schedule in plain Excel formulas (months 0 to ${SCHEDULE_MONTHS}; flows past the horizon are 0)`]],
    "section",
  );
  d.put(left(SCHEDULE_HEADER_ROW), [COLUMNS.map((c) => c.header)], "header");
  const rows: (string | number)[][] = [];
  for (let r = SCHEDULE_FIRST_ROW; r <= SCHEDULE_LAST_ROW; r++) {
    rows.push(COLUMNS.map((c) => (r === SCHEDULE_FIRST_ROW && c.key === "month" ? 0 : c.formula(r))));
  }
  d.put(left(SCHEDULE_FIRST_ROW), rows);
  for (const c of COLUMNS) d.format(scheduleRange(c.key).replace(/\$/g, ""), undefined, c.format);
}
