/**
 * The template's inputs: label, unit, default and where the default comes from. Network inputs
 * link to the MINER_Market sheet's names, and the price volatility and difficulty growth to the
 * MINER_History sheet's, when the workbook has them; the rest are documented, sourced industry
 * values (docs/sources.md gives each source in full, by section) or are marked illustrative
 * where no source gives a value.
 */

export interface ModelInput {
  /** Workbook name of the input's cell; formulas in the model use it. */
  name: string;
  label: string;
  unit: string;
  /** Default: a number, or a formula on other inputs (a derived default the user may overwrite). */
  value: number | string;
  numberFormat: string;
  source: string;
  /**
   * A workbook name the task pane writes (on MINER_Market, or MINER_History for the Hist_ names)
   * to link to when the workbook has it: then the value is "=BTC_Price".
   */
  market?: string;
}

export interface InputSection {
  title: string;
  inputs: ModelInput[];
}

const USD = "#,##0";
const USD_CENTS = "#,##0.00";
const PCT = "0.00%";
const RATIO = "0.00";

export const INPUT_SECTIONS: InputSection[] = [
  {
    title: "Network and market",
    inputs: [
      {
        name: "BTC_Price_USD",
        label: "BTC price",
        unit: "USD per BTC",
        value: 91_000,
        numberFormat: USD,
        source: "~$91k in late Nov 2025 (ebtcnews.com; docs/sources.md#revenue-and-hashprice)",
        market: "BTC_Price",
      },
      {
        name: "Difficulty_Now",
        label: "Network difficulty",
        unit: "dimensionless",
        value: 149_300_000_000_000,
        numberFormat: "0.000E+00",
        source: "149.30T at block 925,344, 2025-11-27 (binance.bh; docs/sources.md#market-data)",
        market: "BTC_Difficulty",
      },
      {
        name: "Fees_BTC_per_Block",
        label: "Transaction fees per block",
        unit: "BTC per block",
        value: 0.036,
        numberFormat: "0.0000",
        source: "2025 average (hashlabs.io; docs/sources.md#revenue-and-hashprice)",
        market: "BTC_FeesPerBlock",
      },
      {
        name: "Start_Height",
        label: "Block height at the start",
        unit: "blocks",
        value: 925_344,
        numberFormat: "#,##0",
        source: "block of the 2025-11-27 adjustment (docs/sources.md#market-data)",
        market: "BTC_Height",
      },
      {
        name: "Difficulty_Growth_Monthly",
        label: "Difficulty growth",
        unit: "per month",
        value: "=1.35^(1/12)-1",
        numberFormat: PCT,
        source: "+35% over 2025 as a monthly rate (jpyxx.com, cryptocoinbizz.com; docs/sources.md#market-data)",
        market: "Hist_Difficulty_Growth_Monthly",
      },
      {
        name: "BTC_Price_Growth_Monthly",
        label: "BTC price growth",
        unit: "per month",
        value: 0,
        numberFormat: PCT,
        source: "flat: a scenario input, not a forecast",
      },
      {
        name: "Hashprice_Floor_USD_per_PH_Day",
        label: "Hashprice floor, the network's marginal cost (blank = none; suggested 35)",
        unit: "USD per PH/s per day",
        value: "",
        numberFormat: USD_CENTS,
        source:
          "the MINER functions' default (none). Suggested: 35, hashprice's all-time low ($35.06 on 22 Nov 2025, Luxor), after which difficulty fell 11% by Feb 2026 (mempool.space): hashrate leaves at it (docs/sources.md#revenue-and-hashprice). Without a floor, difficulty growing 35% a year takes hashprice far below any machine's power cost; with one, a long price fall can shrink the network below this site's own fleet, which the functions refuse (#VALUE!), so it is yours to set",
      },
    ],
  },
  {
    title: "Fleet and mining costs",
    inputs: [
      {
        name: "Efficiency_J_TH",
        label: "Machine efficiency",
        unit: "J/TH at the machine",
        value: 17.5,
        numberFormat: RATIO,
        source: "Antminer S21 (viabtc.com/blog/en/268; docs/sources.md#mining-costs)",
      },
      {
        name: "Site_PUE",
        label: "PUE (site power / machine power)",
        unit: "ratio, 1 or more",
        value: 1.1,
        numberFormat: RATIO,
        source: "well-optimised air cooling ~1.10 (d-central.tech; docs/sources.md#mining-costs)",
      },
      {
        name: "Uptime",
        label: "Uptime",
        unit: "fraction of time hashing",
        value: 0.95,
        numberFormat: PCT,
        source: "illustrative: no published curtailment rate",
      },
      {
        name: "Pool_Fee",
        label: "Pool fee",
        unit: "fraction of earnings",
        value: 0.025,
        numberFormat: PCT,
        source: "Antpool PPS ~2.5% (coin-mining.uk, weak source; docs/sources.md#mining-costs)",
      },
      {
        name: "Power_Price_kWh",
        label: "Power price",
        unit: "USD per kWh",
        value: 0.045,
        numberFormat: "0.0000",
        source: "illustrative: set your power contract",
      },
      {
        name: "Site_Opex_USD_per_MW_Month",
        label: "Site opex other than power",
        unit: "USD per MW per month",
        value: 12_000,
        numberFormat: USD,
        source: "illustrative: set your site's costs",
      },
      {
        name: "Opex_USD_per_TH_Day",
        label: "Other cash opex per TH",
        unit: "USD per TH/s per day",
        value: "=Site_Opex_USD_per_MW_Month*Efficiency_J_TH*Site_PUE/1000000/(365/12)",
        numberFormat: "0.00000",
        source: "derived: the site opex spread over the TH/s one MW powers",
      },
      {
        name: "SGA_USD_per_TH_Day",
        label: "Cash SG&A",
        unit: "USD per TH/s per day",
        value: 0.004,
        numberFormat: "0.00000",
        source: "illustrative: set your company's",
      },
      {
        name: "Stock_Comp_USD_per_TH_Day",
        label: "Stock-based compensation",
        unit: "USD per TH/s per day",
        value: 0.004,
        numberFormat: "0.00000",
        source: "illustrative: set your company's",
      },
      {
        name: "Machine_Cost_USD_per_TH",
        label: "Machine price",
        unit: "USD per TH/s",
        value: 21.4,
        numberFormat: USD_CENTS,
        source: "Riot's 2023 bulk order, ~$21.4/TH (business-line.com; docs/sources.md#mining-costs)",
      },
      {
        name: "Machine_Life_Years",
        label: "Machine depreciation life",
        unit: "years, straight line",
        value: 4,
        numberFormat: "0.0",
        source: "the MINER functions' default",
      },
      {
        name: "Energy_Tax_Applies",
        label: "Apply New York's tiered excise (1 = yes)",
        unit: "1 or 0",
        value: 0,
        numberFormat: "0",
        source:
          "S8518/A9138 is in committee, not enacted; it would apply from 2027 (nysenate.gov/legislation/bills/2025/S8518; docs/sources.md#energy-tax)",
      },
      {
        name: "Energy_Tax_USD_per_kWh",
        label: "Energy excise tax",
        unit: "USD per kWh",
        value: "=Energy_Tax_Applies*Energy_Tax_Effective_Rate",
        numberFormat: "0.0000",
        source:
          "derived: the effective rate of the tier table on Lease vs Mine (MINER.ENERGYTAX / kWh) when it applies, else 0",
      },
      {
        name: "Energy_Tax_Start_Month",
        label: "First month the energy tax applies",
        unit: "month of the schedule (1 = the first)",
        value: 14,
        numberFormat: "0",
        source:
          "S8518 applies to tax years from 1 January 2027 (nysenate.gov/legislation/bills/2025/S8518; docs/sources.md#energy-tax): from the start height's date (27 Nov 2025, 365/12-day months), 1 January 2027 falls in month 14. Set it again when the start moves",
      },
      {
        name: "Switch_Off_Below_Cost",
        label: "Switch the fleet off below cost (1 = yes)",
        unit: "1 or 0",
        value: 1,
        numberFormat: "0",
        source: "the MINER functions' default: a month whose revenue does not cover power + energy tax mines nothing",
      },
      {
        name: "Salvage_Pct",
        label: "Fleet resale value at the end",
        unit: "fraction of a new fleet's price",
        value: 0,
        numberFormat: PCT,
        source: "the MINER functions' default (none): set your resale assumption",
      },
      {
        name: "Idle_Opex_Pct",
        label: "Site opex still paid in a month the fleet is off",
        unit: "fraction of the site opex",
        value: 1,
        numberFormat: PCT,
        source:
          "the MINER functions' default (all of it); a mothballed site pays less, typically 20–30% (illustrative: no published figure)",
      },
      {
        name: "Stop_For_Good",
        label: "Stop the fleet for good in the best month (1 = yes)",
        unit: "1 or 0 (TRUE or FALSE)",
        value: 0,
        numberFormat: "0",
        source:
          "the MINER functions' default (no): 1 stops it after the month that maximises mining's NPV, with hindsight of the price path, and sells it then",
      },
      {
        name: "Fleet_Resale_USD_per_TH",
        label: "Fleet resale value when sold (a stop, a conversion, the end)",
        unit: "USD per TH/s",
        value: 0,
        numberFormat: USD_CENTS,
        source:
          "the MINER functions' default (none): used machines have sold for $16–60 per TH (2022–23, Hashrate Index's ASIC Price Index; docs/sources.md#revenue-and-hashprice), moving with hashprice",
      },
      {
        name: "Difficulty_Includes_Fleet",
        label: "Difficulty already counts this fleet (1 = yes)",
        unit: "1 or 0",
        value: 1,
        numberFormat: "0",
        source:
          "1: the site is hashing today; 0 for a new site, whose hashrate the network adds (MINER's default is 1)",
      },
      {
        name: "Fleet_EHs",
        label: "Fleet hashrate",
        unit: "EH/s",
        value: "=Site_MW/(Efficiency_J_TH*Site_PUE)",
        numberFormat: "0.000",
        source: "derived: the fleet the site powers (MW / (J/TH × PUE)); set your company's fleet",
      },
    ],
  },
  {
    title: "Site, lease and capital",
    inputs: [
      {
        name: "Site_MW",
        label: "Site power capacity",
        unit: "MW, gross",
        value: 100,
        numberFormat: "#,##0.0",
        source: "Core Scientific Muskogee, 100 MW gross (einpresswire.com/article/763962088; docs/sources.md#leases)",
      },
      {
        name: "Site_MW_per_Critical_IT_MW",
        label: "Gross site MW per critical IT MW",
        unit: "ratio, 1 or more",
        value: 1.43,
        numberFormat: RATIO,
        source: "Muskogee 100 MW gross = ~70 MW critical IT (Core Scientific's releases; docs/sources.md#leases)",
      },
      {
        name: "Lease_Rate_USD_per_kW_Month",
        label: "Lease rent",
        unit: "USD per kW of critical IT per month",
        value: 155,
        numberFormat: USD_CENTS,
        source: "landlord-funded 2025 deals imply ~$150–160 (docs/sources.md#leases)",
      },
      {
        name: "Lease_Term_Years",
        label: "Lease term",
        unit: "years",
        value: 10,
        numberFormat: "0.0",
        source: "Cipher–Fluidstack and TeraWulf base terms (the companies' releases; docs/sources.md#leases)",
      },
      {
        name: "Lease_Escalator",
        label: "Rent escalator",
        unit: "per year",
        value: 0.03,
        numberFormat: PCT,
        source: "Hut 8–Fluidstack 3.0% (PRNewswire text; docs/sources.md#leases)",
      },
      {
        name: "Conversion_Capex_USD_per_MW",
        label: "Conversion capex",
        unit: "USD per MW of critical IT",
        value: 9_000_000,
        numberFormat: USD,
        source: "Cipher $9–11M, TeraWulf $8–10M per critical IT MW (the companies' guidance; docs/sources.md#leases)",
      },
      {
        name: "Conversion_Months",
        label: "Conversion time, no income",
        unit: "months",
        value: 12,
        numberFormat: "0",
        source: "illustrative: TeraWulf announced Aug 2025 and delivers the first ~40 MW in 1H2026",
      },
      {
        name: "Lease_Opex_Pct_of_Revenue",
        label: "Landlord opex",
        unit: "fraction of lease revenue",
        value: 0.15,
        numberFormat: PCT,
        source: "NOI margins of 80–90% (Cipher, TeraWulf; docs/sources.md#leases)",
      },
      {
        name: "Rent_Timing",
        label: "Rent paid (0 = month end, 1 = in advance)",
        unit: "0 or 1",
        value: 1,
        numberFormat: "0",
        source: "rent is usually billed monthly in advance (docs/sources.md#leases)",
      },
      {
        name: "Capex_Timing",
        label: "Conversion capex (0 = at month 0, 1 = over the build)",
        unit: "0 or 1",
        value: 1,
        numberFormat: "0",
        source: "build capex is drawn over the build, not all on day one (docs/sources.md#leases)",
      },
      {
        name: "Exit_Cap_Rate",
        label: "Exit cap rate on the final lease year's NOI",
        unit: "per year (0 = no exit value)",
        value: 0,
        numberFormat: PCT,
        source:
          "0 = none (MINER's default); deals carry 5-year renewals (docs/sources.md#leases): set a cap rate to value them",
      },
      {
        name: "Tenant_Default_Annual",
        label: "Tenant's annual probability of default",
        unit: "per year, a constant hazard from month 0",
        value: 0,
        numberFormat: PCT,
        source:
          "the MINER functions' default (a tenant that never defaults); hyperscaler backstops cover about half the contract (Google: $1.4B of Cipher's ~$3.0B, Cipher's announcement; docs/sources.md#tax-and-financing): set a rate for the tenant's credit",
      },
      {
        name: "Default_Recovery_Pct",
        label: "Rent still received after a default",
        unit: "fraction of the contracted rent",
        value: 0,
        numberFormat: PCT,
        source:
          "the MINER functions' default (nothing): re-leasing or a backstop recovers part (docs/sources.md#tax-and-financing)",
      },
      {
        name: "Lease_Discount_Rate",
        label: "Lease discount rate",
        unit: "per year, effective",
        value: "=Discount_Rate",
        numberFormat: PCT,
        source: "derived: the discount rate; a hyperscaler-backed lease may warrant a lower one",
      },
      {
        name: "Refresh_Capex_USD_per_TH",
        label: "Fleet refresh capex",
        unit: "USD per TH/s",
        value: "=Machine_Cost_USD_per_TH",
        numberFormat: USD_CENTS,
        source: "derived: new machines at today's price",
      },
      {
        name: "Refresh_Every_Months",
        label: "Fleet refresh every",
        unit: "months (0 = never)",
        value: "=ROUND(Machine_Life_Years*12,0)",
        numberFormat: "0",
        source: "derived: at the end of the depreciation life",
      },
      {
        name: "Discount_Rate",
        label: "Discount rate",
        unit: "per year, effective",
        value: 0.12,
        numberFormat: PCT,
        source: "illustrative: set your cost of capital",
      },
    ],
  },
  {
    title: "GPU cloud on the converted site (MWECONOMICS)",
    inputs: [
      {
        name: "GPU_USD_per_Hour",
        label: "GPU-hour price",
        unit: "USD per GPU-hour",
        value: 2.01,
        numberFormat: USD_CENTS,
        source:
          "IREN–Microsoft: ~$1.94B a year for ~200 MW of GB300s ⇒ ~$2.01 at full use (IREN's announcement, 3 Nov 2025; docs/sources.md#gpu-cloud)",
      },
      {
        name: "GPU_Utilization",
        label: "GPU-hours sold",
        unit: "fraction",
        value: 1,
        numberFormat: PCT,
        source: "contracted capacity is paid for whether used or not (IREN–Microsoft; docs/sources.md#gpu-cloud)",
      },
      {
        name: "GPU_Capex_USD",
        label: "Price per GPU, server included",
        unit: "USD per GPU",
        value: 52_700,
        numberFormat: USD,
        source: "Dell's ~$5.8B for ~110,000 GB300s (IREN's announcement, 3 Nov 2025; docs/sources.md#gpu-cloud)",
      },
      {
        name: "GPU_kW",
        label: "Server power per GPU, before PUE",
        unit: "kW per GPU",
        value: 1.8,
        numberFormat: RATIO,
        source: "GB300 class 1.7–1.9 kW all-in (docs/sources.md#gpu-cloud)",
      },
      {
        name: "GPU_Opex_Pct_of_Revenue",
        label: "GPU-cloud opex other than power",
        unit: "fraction of GPU revenue",
        value: 0.1,
        numberFormat: PCT,
        source: "IREN's ~85% project EBITDA margin less power (docs/sources.md#gpu-cloud)",
      },
    ],
  },
  {
    // The Treasury sheet's company: an illustrative balance sheet, to be replaced by the company's own.
    title: "Treasury, loans and shares",
    inputs: [
      {
        name: "Treasury_Cash_Start",
        label: "Cash at the start",
        unit: "USD",
        value: 100_000_000,
        numberFormat: USD,
        source: "illustrative: set the company's last reported cash",
      },
      {
        name: "Treasury_BTC_Start",
        label: "BTC held at the start",
        unit: "BTC (or the treasury asset's units)",
        value: 1_000,
        numberFormat: "#,##0.00",
        source:
          "illustrative: set the company's holdings; MARA held 52,850 BTC and Riot 19,287 on 30 Sep 2025 (MARA's Q3 2025 shareholder letter, Riot's Q3 10-Q; docs/sources.md#treasury)",
      },
      {
        name: "Treasury_Policy",
        label: "Selling policy",
        unit: "text: HOLD, SELLALL or SELLPCT",
        value: "HOLD",
        numberFormat: "General",
        source:
          "illustrative: HOLD keeps the mined BTC and sells only to keep the cash floor, as miners that hold do (docs/sources.md#treasury)",
      },
      {
        name: "Treasury_Sell_Fraction",
        label: "Share of mined BTC sold (SELLPCT only)",
        unit: "fraction",
        value: 0.5,
        numberFormat: PCT,
        source: "illustrative: used by SELLPCT only",
      },
      {
        name: "Treasury_Min_Cash",
        label: "Cash floor",
        unit: "USD",
        value: 10_000_000,
        numberFormat: USD,
        source: "illustrative: the cash the CFO keeps; BTC is sold to hold it",
      },
      {
        name: "Lease_Share_of_Site",
        label: "Share of the site leased (mining + lease)",
        unit: "fraction of the site's MW",
        value: 0.5,
        numberFormat: PCT,
        source: "illustrative: miners convert sites in phases; the rest of the site keeps mining",
      },
      {
        name: "Project_Loan_to_Cost",
        label: "Conversion capex financed by a project loan",
        unit: "fraction of the capex",
        value: 0.85,
        numberFormat: PCT,
        source:
          "Hut 8 River Bend: project financing up to 85% loan-to-cost (Hut 8's announcement, 17 Dec 2025; docs/sources.md#tax-and-financing)",
      },
      {
        name: "Project_Loan_Rate",
        label: "Project loan rate",
        unit: "per year, paid monthly (rate / 12)",
        value: 0.08,
        numberFormat: PCT,
        source: "illustrative: set the facility's rate",
      },
      {
        name: "BTC_Loan_USD",
        label: "BTC-backed loan",
        unit: "USD principal",
        value: 30_000_000,
        numberFormat: USD,
        source:
          "illustrative; Riot's Coinbase facility was $100M, then $200M (Riot's 8-K and 10-Q; docs/sources.md#treasury)",
      },
      {
        name: "BTC_Loan_Collateral_BTC",
        label: "BTC pledged for it",
        unit: "BTC (part of the BTC held)",
        value: 500,
        numberFormat: "#,##0.00",
        source: "illustrative: set the loan's collateral",
      },
      {
        name: "BTC_Loan_Rate",
        label: "BTC-backed loan rate",
        unit: "per year, interest paid monthly (rate / 12)",
        value: 0.085,
        numberFormat: PCT,
        source:
          "Riot–Coinbase: max(Fed funds, 3.25%) + 4.50% (Riot's 8-K of 22 Apr 2025; docs/sources.md#treasury), with Fed funds taken as 4% (illustrative)",
      },
      {
        name: "Margin_Call_LTV",
        label: "Margin-call LTV",
        unit: "fraction: loan / collateral value",
        value: 0.75,
        numberFormat: PCT,
        source: "market convention ~70–80%, not contract terms: read the loan's (docs/sources.md#treasury)",
      },
      {
        name: "Liquidation_LTV",
        label: "Liquidation LTV",
        unit: "fraction: loan / collateral value",
        value: 0.85,
        numberFormat: PCT,
        source: "market convention ~80–90%, not contract terms: read the loan's (docs/sources.md#treasury)",
      },
      {
        name: "Shares_Diluted",
        label: "Assumed diluted shares",
        unit: "shares",
        value: 100_000_000,
        numberFormat: "#,##0",
        source:
          "illustrative: every convertible, option and RSU as if converted (Strategy's assumed diluted shares, its releases; docs/sources.md#treasury)",
      },
      {
        name: "Shares_Diluted_in_12_Months",
        label: "Assumed diluted shares in 12 months",
        unit: "shares",
        value: "=Shares_Diluted",
        numberFormat: "#,##0",
        source: "derived: no shares issued; set the count you expect",
      },
      {
        name: "Share_Price",
        label: "Share price",
        unit: "USD per share",
        value: 2.5,
        numberFormat: USD_CENTS,
        source: "illustrative: set the last close",
      },
      {
        name: "Debt_USD",
        label: "Debt principal",
        unit: "USD",
        value: "=BTC_Loan_USD",
        numberFormat: USD,
        source: "derived: the BTC-backed loan alone; add convertible notes and other debt at principal",
      },
      {
        name: "Preferred_USD",
        label: "Preferred stock, notional",
        unit: "USD",
        value: 0,
        numberFormat: USD,
        source: "illustrative: none",
      },
    ],
  },
  {
    // The After tax & financing sheet: the tax rules and the lenders' terms (the loan's rate and its
    // loan-to-cost cap are the project loan's, above). Not tax advice.
    title: "Tax and project debt (the After tax & financing sheet; not tax advice)",
    inputs: [
      {
        name: "Tax_Rate",
        label: "Income tax rate",
        unit: "fraction of taxable income",
        value: 0.21,
        numberFormat: PCT,
        source:
          "the US federal corporate rate, IRC §11 (docs/sources.md#tax-and-financing); state taxes come on top: add your state's",
      },
      {
        name: "Loss_Treatment",
        label: "A year's tax loss",
        unit: "text: GROUP or NOL",
        value: "GROUP",
        numberFormat: "General",
        source:
          "the MINER functions' default: GROUP, a consolidated group uses the loss at once; NOL for a standalone company, carried forward against 80% of later income (IRC §172(a) and (b); docs/sources.md#tax-and-financing)",
      },
      {
        name: "Equipment_Method",
        label: "Depreciation of refreshes and GPUs",
        unit: "text: MACRS5, MACRS7 or MACRS15",
        value: "MACRS5",
        numberFormat: "General",
        source:
          "ASICs and GPU servers are 5-year property, computers and peripheral equipment (IRS Publication 946, Table A-1; docs/sources.md#tax-and-financing)",
      },
      {
        name: "Equipment_Bonus_Pct",
        label: "Bonus depreciation on refreshes and GPUs",
        unit: "fraction of the cost, in the year placed in service",
        value: 1,
        numberFormat: PCT,
        source:
          "100% for property acquired after 19 January 2025 (Public Law 119-21; docs/sources.md#tax-and-financing)",
      },
      {
        name: "Conversion_Bonus_Share",
        label: "Conversion capex taking the bonus (cost-segregated)",
        unit: "fraction of the conversion capex, deducted at once; the rest 39-year",
        value: 0.5,
        numberFormat: PCT,
        source:
          "illustrative: cost segregation moves a hall's electrical and cooling equipment into 5-, 7- and 15-year classes, which take the 100% bonus; the share is site-specific (docs/sources.md#tax-and-financing). The rest is 39-year real property (Publication 946, Table A-7a)",
      },
      {
        name: "Hall_In_Service_Month",
        label: "Month the hall is placed in service",
        unit: "month of the schedule",
        value: "=MAX(Lease_Phase_Build_Months)",
        numberFormat: "0",
        source:
          "derived: when the last hall is ready (the phases' longest build), for the lease and the GPU cloud; its month of the tax year picks SL39's first-year rate",
      },
      {
        name: "Min_DSCR",
        label: "Lowest debt-service coverage the lender accepts",
        unit: "ratio: CFADS / debt service",
        value: 1.3,
        numberFormat: RATIO,
        source:
          "lenders size contracted rent at 1.20–1.40× for investment-grade or backstopped tenants (docs/sources.md#tax-and-financing)",
      },
      {
        name: "Debt_Tenor_Months",
        label: "Project loan tenor",
        unit: "months from the draw at month 0 (at most 360)",
        value: 120,
        numberFormat: "0",
        source:
          "illustrative: 10 years, shorter than the lease as lenders size it (docs/sources.md#tax-and-financing); the loan's rate and loan-to-cost cap are Project_Loan_Rate and Project_Loan_to_Cost",
      },
    ],
  },
  {
    title: "Risk: the simulated market (the Risk sheet)",
    inputs: [
      {
        name: "Price_Vol_Annual",
        label: "BTC price volatility",
        unit: "per year, of log changes",
        value: 0.5,
        numberFormat: PCT,
        source:
          "BTC's annualised volatility of daily log returns: mostly 40–80% since 2020, ~35–55% in 2024–25 (docs/sources.md#market-data)",
        market: "Hist_Price_Vol_Annual",
      },
      {
        name: "Difficulty_Vol_Annual",
        label: "Difficulty volatility",
        unit: "per year, of log changes",
        value: 0.2,
        numberFormat: PCT,
        source:
          "illustrative: a single retarget has moved difficulty up to −11.16% (~7 Feb 2026, the largest drop since 2021; docs/sources.md#market-data)",
      },
      {
        name: "Price_Difficulty_Corr",
        label: "Correlation of monthly price and difficulty shocks",
        unit: "-1 to 1",
        value: 0,
        numberFormat: RATIO,
        source:
          "illustrative: 0 = independent; hashrate follows hashprice, but with a lag of months the model does not carry",
      },
      {
        name: "Sim_Paths",
        label: "Simulated paths",
        unit: "100 to 100,000",
        value: 10_000,
        numberFormat: "#,##0",
        source: "the functions' documented default paths; a simulation cell then takes about 0.1–0.5 s (docs/risk.md)",
      },
      {
        name: "Sim_Seed",
        label: "Random seed",
        unit: "whole number",
        value: 1,
        numberFormat: "0",
        source:
          "default 1, fixed: the workbook recalculates to the same numbers; another seed shows the simulation's noise",
      },
    ],
  },
];

export const MODEL_INPUTS: ModelInput[] = INPUT_SECTIONS.flatMap((s) => s.inputs);
