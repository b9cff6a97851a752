/**
 * Each MINER parameter name, as the model feeds it: a formula on the Assumptions names. The
 * assumptions tables on the Mining and Lease vs Mine sheets are built from these, so a function
 * reads exactly the inputs a reader sees beside it.
 */
export const PARAMETER_LINKS: Record<string, string> = {
  power_price_kwh: "=Power_Price_kWh",
  // The cost functions take efficiency at the wall: the machines' J/TH times the site's PUE.
  wall_efficiency_j_th: "=Efficiency_J_TH*Site_PUE",
  difficulty: "=Difficulty_Now",
  fees_btc_per_block: "=Fees_BTC_per_Block",
  pool_fee: "=Pool_Fee",
  opex_usd_per_th_day: "=Opex_USD_per_TH_Day",
  machine_cost_usd_per_th: "=Machine_Cost_USD_per_TH",
  machine_life_years: "=Machine_Life_Years",
  sga_usd_per_th_day: "=SGA_USD_per_TH_Day",
  stock_comp_usd_per_th_day: "=Stock_Comp_USD_per_TH_Day",
  energy_tax_usd_per_kwh: "=Energy_Tax_USD_per_kWh",
  uptime: "=Uptime",
  subsidy_btc_per_block: "=MINER.SUBSIDY(Start_Height)",
  site_mw: "=Site_MW",
  machine_efficiency_j_th: "=Efficiency_J_TH",
  pue: "=Site_PUE",
  btc_price: "=BTC_Price_USD",
  start_height: "=Start_Height",
  months: "=Horizon_Months",
  discount_rate: "=Discount_Rate",
  rate_usd_per_kw_month: "=Lease_Rate_USD_per_kW_Month",
  term_years: "=Lease_Term_Years",
  difficulty_growth_monthly: "=Difficulty_Growth_Monthly",
  btc_price_growth_monthly: "=BTC_Price_Growth_Monthly",
  opex_usd_per_site_mw_month: "=Site_Opex_USD_per_MW_Month",
  refresh_capex_usd_per_th: "=Refresh_Capex_USD_per_TH",
  refresh_every_months: "=Refresh_Every_Months",
  escalator: "=Lease_Escalator",
  conversion_capex_usd_per_critical_it_mw: "=Conversion_Capex_USD_per_MW",
  conversion_months: "=Conversion_Months",
  lease_opex_pct_of_revenue: "=Lease_Opex_Pct_of_Revenue",
  site_mw_per_critical_it_mw: "=Site_MW_per_Critical_IT_MW",
};
