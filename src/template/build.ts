/**
 * The whole template model for one inserted copy: every sheet's cells, formats, names and charts,
 * with formulas and names already in that copy's spelling.
 */
import { afterTaxSheet } from "./after-tax-sheet";
import { assumptionsSheet } from "./assumptions-sheet";
import { SheetDraft } from "./draft";
import { leaseSheet } from "./lease-sheet";
import { miningSheet } from "./mining-sheet";
import { reconciliationSheet } from "./reconciliation-sheet";
import { riskSheet } from "./risk-sheet";
import { treasurySheet } from "./treasury-sheet";
import { ModelSpec, Naming } from "./spec";

/** The MINER_Market names, then the MINER_History names, the Assumptions can link to. */
export const MARKET_LINKS = [
  "BTC_Price",
  "BTC_Difficulty",
  "BTC_FeesPerBlock",
  "BTC_Height",
  "Hist_Difficulty_Growth_Monthly",
  "Hist_Price_Vol_Annual",
];

function drafts(linkMarket: ReadonlySet<string>): SheetDraft[] {
  return [
    assumptionsSheet(linkMarket),
    miningSheet(),
    leaseSheet(),
    afterTaxSheet(),
    treasurySheet(),
    reconciliationSheet(),
    riskSheet(),
  ];
}

/** Every workbook name the model defines, in copy 1's spelling. */
export function modelNames(): string[] {
  return drafts(new Set()).flatMap((d) => d.names.map((n) => n.name));
}

export interface BuiltModel {
  spec: ModelSpec;
  naming: Naming;
}

/**
 * @param copy 1 for the first insert, k for the k-th copy (sheets "Mining (k)", names Site_MW_k)
 * @param linkMarket MINER_Market and MINER_History names the workbook has: the matching inputs link to them
 */
export function buildModel(copy: number, linkMarket: ReadonlySet<string>): BuiltModel {
  const sheets = drafts(linkMarket);
  const naming = new Naming(copy, modelNames());
  const rename = (v: string | number) => (typeof v === "string" && v.startsWith("=") ? naming.formula(v) : v);
  const spec: ModelSpec = {
    blocks: sheets.flatMap((d) => d.blocks.map((b) => ({ ...b, cells: b.cells.map((row) => row.map(rename)) }))),
    formats: sheets.flatMap((d) => d.formats),
    names: sheets.flatMap((d) => d.names.map((n) => ({ ...n, name: naming.name(n.name) }))),
    charts: sheets.flatMap((d) => d.charts),
    columns: sheets.map((d) => ({ sheet: d.key, widths: d.widths })),
  };
  return { spec, naming };
}
