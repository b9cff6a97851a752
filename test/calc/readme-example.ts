/**
 * The README's 100 MW example, written once for the calc tests and the simulation bench: an S21-class
 * fleet at PUE 1.1 and 4.5¢, BTC $91,000 growing 1% a month, difficulty 152T growing 2% a month,
 * $15/TH refreshes every 48 months, against a 10-year lease at $150/kW-month (3% escalator, $9M per
 * critical IT MW, 12 months of conversion, 15% opex, 1.4 site MW per critical IT MW), at 12%.
 */
import type { ConversionPlan } from "../../src/calc";
import type { FloatLease } from "../support/float-models";

/** The site and how it is mined (no horizon: add `months`). */
export const README_SITE = {
  site_mw: 100,
  efficiency_j_th: 17.5,
  pue: 1.1,
  power_price_kwh: 0.045,
  btc_price: 91_000,
  difficulty: 1.52e14,
  start_height: 925_000,
  fees_btc_per_block: 0.036,
  pool_fee: 0.02,
  uptime: 0.95,
  difficulty_growth_monthly: 0.02,
  btc_price_growth_monthly: 0.01,
  opex_usd_per_mw_month: 15_000,
  refresh_capex_usd_per_th: 15,
  refresh_every_months: 48,
};

/** The site against its lease: CONVERSIONVALUE's example (a 132-month horizon). */
export const README_CONVERSION: ConversionPlan = {
  ...README_SITE,
  discount_rate: 0.12,
  rate_usd_per_kw_month: 150,
  term_years: 10,
  escalator: 0.03,
  conversion_capex_usd_per_mw: 9e6,
  conversion_months: 12,
  opex_pct_of_revenue: 0.15,
  site_mw_per_critical_it_mw: 1.4,
};

/** The lease leg for the float lease model. */
export const README_LEASE: FloatLease = {
  mw: 100 / 1.4,
  rate: 150,
  years: 10,
  esc: 0.03,
  capexPerMw: 9e6,
  opexPct: 0.15,
  build: 12,
};

/** The fleet's TH/s: 100 MW / (17.5 J/TH × 1.1). */
export const README_FLEET_THS = 100e6 / 19.25;
