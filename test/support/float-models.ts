/**
 * Independent float models of the mining schedule, the lease and the GPU cloud, written from the
 * formulas issue 12 and the calc modules' headers state (never calling the calc module): the
 * tests compare the decimal results against these.
 */

const DAYS = 365 / 12;
const HOURS = DAYS * 24;
const BLOCKS = 4380;

/** Mean subsidy (BTC) of `count` blocks from `from`: whole satoshis, epochs of 210,000 blocks. */
export function floatMeanSubsidy(from: number, count: number): number {
  let sats = 0;
  for (let h = from; h < from + count; ) {
    const epoch = Math.floor(h / 210_000);
    const end = Math.min(from + count, (epoch + 1) * 210_000);
    sats += (end - h) * (epoch >= 64 ? 0 : Math.floor(5e9 / 2 ** epoch));
    h = end;
  }
  return sats / count / 1e8;
}

export interface FloatMiningPlan {
  site_mw: number;
  efficiency_j_th: number;
  pue: number;
  power_price_kwh: number;
  btc_price: number;
  difficulty: number;
  start_height: number;
  months: number;
  fees_btc_per_block?: number;
  pool_fee?: number;
  uptime?: number;
  difficulty_growth_monthly?: number;
  btc_price_growth_monthly?: number;
  opex_usd_per_mw_month?: number;
  refresh_capex_usd_per_th?: number;
  refresh_every_months?: number;
  energy_tax_usd_per_kwh?: number;
  switch_off_below_cost?: boolean;
  salvage_pct?: number;
  difficulty_includes_fleet?: boolean;
}

export interface FloatMiningMonth {
  month: number;
  running: boolean;
  btcMined: number;
  /** BTC the fleet would mine if it ran */
  btcRun: number;
  /** BTC the network issues in the month: 4,380 blocks × (subsidy + fees) */
  networkBtc: number;
  revenue: number;
  power: number;
  tax: number;
  opex: number;
  capex: number;
  salvage: number;
  net: number;
  pv: number;
}

/**
 * The mining schedule in doubles: fleet share of the network's blocks × 4,380 blocks × reward
 * (a different route to the BTC than the calc's per-TH-day formula).
 */
export function floatMining(p: FloatMiningPlan, rate: number): { rows: FloatMiningMonth[]; npv: number } {
  const fleetThs = (p.site_mw * 1e6) / (p.efficiency_j_th * p.pue);
  const fleetHs = fleetThs * 1e12;
  const uptime = p.uptime ?? 1;
  const earned = uptime * (1 - (p.pool_fee ?? 0));
  const kwh = p.site_mw * 1000 * HOURS * uptime;
  const powerRun = kwh * p.power_price_kwh;
  const taxRun = kwh * (p.energy_tax_usd_per_kwh ?? 0);
  const fleetPrice = (p.refresh_capex_usd_per_th ?? 0) * fleetThs;
  const every = p.refresh_every_months ?? 0;
  const rows: FloatMiningMonth[] = [];
  let npv = 0;
  for (let m = 1; m <= p.months; m++) {
    const d = p.difficulty * (1 + (p.difficulty_growth_monthly ?? 0)) ** (m - 1);
    const price = p.btc_price * (1 + (p.btc_price_growth_monthly ?? 0)) ** (m - 1);
    const network = (d * 2 ** 32) / 600; // H/s the difficulty implies
    const share = p.difficulty_includes_fleet === false ? fleetHs / (network + fleetHs) : fleetHs / network;
    const reward = floatMeanSubsidy(p.start_height + BLOCKS * (m - 1), BLOCKS) + (p.fees_btc_per_block ?? 0);
    const btcRun = share * BLOCKS * reward * earned;
    const revenueRun = btcRun * price;
    const running = p.switch_off_below_cost === false || revenueRun >= powerRun + taxRun;
    const capex = every > 0 && m % every === 0 ? fleetPrice : 0;
    const salvage = m === p.months ? (p.salvage_pct ?? 0) * fleetPrice : 0;
    const opex = (p.opex_usd_per_mw_month ?? 0) * p.site_mw;
    const revenue = running ? revenueRun : 0;
    const power = running ? powerRun : 0;
    const tax = running ? taxRun : 0;
    const net = revenue - power - tax - opex - capex + salvage;
    const pv = net / (1 + rate) ** (m / 12);
    npv += pv;
    rows.push({ month: m, running, btcMined: running ? btcRun : 0, btcRun, networkBtc: BLOCKS * reward, revenue, power, tax, opex, capex, salvage, net, pv });
  }
  return { rows, npv };
}

export interface FloatLease {
  mw: number;
  rate: number;
  years: number;
  esc?: number;
  capexPerMw?: number;
  opexPct?: number;
  build?: number;
  rentTiming?: 0 | 1;
  capexTiming?: 0 | 1;
  exitCap?: number;
  /** [build months, MW] rows: replace mw and build */
  phases?: [number, number][];
}

/** A lease's monthly net cash flows (index = month) and NPV at an annual effective rate. */
export function floatLease(l: FloatLease, r: number): { flows: number[]; npv: number; terminal: number[] } {
  const phases = l.phases ?? [[l.build ?? 0, l.mw]];
  const T = Math.round(l.years * 12);
  const last = Math.max(...phases.map(([b]) => b)) + T;
  const flows = new Array(last + 1).fill(0);
  const terminal = new Array(last + 1).fill(0);
  const shift = l.rentTiming === 1 ? 1 : 0;
  for (const [b, mw] of phases) {
    const capex = (l.capexPerMw ?? 0) * mw;
    if (l.capexTiming === 1 && b > 0) for (let m = 0; m < b; m++) flows[m] -= capex / b;
    else flows[0] -= capex;
    let lastYear = 0;
    for (let k = 1; k <= T; k++) {
      const noi = mw * 1000 * l.rate * (1 + (l.esc ?? 0)) ** Math.floor((k - 1) / 12) * (1 - (l.opexPct ?? 0));
      flows[b + k - shift] += noi;
      if (k > T - 12) lastYear += noi;
    }
    if (l.exitCap) {
      const tv = (T < 12 ? (lastYear * 12) / T : lastYear) / l.exitCap;
      flows[b + T - shift] += tv;
      terminal[b + T - shift] += tv;
    }
  }
  let npv = 0;
  for (let m = flows.length - 1; m >= 0; m--) npv += flows[m] / (1 + r) ** (m / 12);
  return { flows, npv, terminal };
}

export interface FloatGpu {
  gpus: number;
  price: number;
  utilization: number;
  gpuCapex: number;
  kwPerGpu: number;
  pue: number;
  power: number;
  opexPct?: number;
  decline?: number;
  lifeYears?: number;
  salvagePct?: number;
  build?: number;
  shellPerMw?: number;
}

/** A GPU-cloud project's monthly net cash flows (index = month) and NPV. */
export function floatGpu(g: FloatGpu, r: number): { flows: number[]; revenue: number[]; npv: number } {
  const build = g.build ?? 0;
  const L = Math.round((g.lifeYears ?? 5) * 12);
  const flows = new Array(build + L + 1).fill(0);
  const revenue = new Array(build + L + 1).fill(0);
  flows[0] = -(g.gpus * g.gpuCapex + (g.shellPerMw ?? 0) * ((g.gpus * g.kwPerGpu) / 1000));
  for (let k = 1; k <= L; k++) {
    const price = g.price * (1 - (g.decline ?? 0)) ** Math.floor((k - 1) / 12);
    const rev = g.gpus * price * g.utilization * HOURS;
    const power = g.gpus * g.kwPerGpu * g.pue * HOURS * g.power;
    revenue[build + k] = rev;
    flows[build + k] = rev * (1 - (g.opexPct ?? 0)) - power + (k === L ? (g.salvagePct ?? 0) * g.gpus * g.gpuCapex : 0);
  }
  let npv = 0;
  for (let m = flows.length - 1; m >= 0; m--) npv += flows[m] / (1 + r) ** (m / 12);
  return { flows, revenue, npv };
}
