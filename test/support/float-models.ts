/**
 * Independent float models of the mining schedule, the lease and the GPU cloud, written from the
 * formulas the calc modules' headers state (never calling the calc module): the
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
  idle_opex_pct?: number;
  stop_for_good?: boolean;
  fleet_resale_usd_per_th?: number;
  difficulty_path?: number[];
  /** Month m's BTC price at index m − 1 (a simulated path); else btc_price with its growth. */
  price_path?: number[];
  hashprice_floor_usd_per_ph_day?: number;
  /** The first month that pays the energy tax (default 1). */
  energy_tax_start_month?: number;
}

export interface FloatMiningMonth {
  month: number;
  running: boolean;
  /** The month's network difficulty (after the floor) */
  difficulty: number;
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
 * (a different route to the BTC than the calc's per-TH-day formula). The fleet's life by brute
 * force: a refresh is due refresh_every_months after the start or the last
 * purchase and bought in the first month at or after that in which the fleet runs, if at least
 * refresh_every_months months of the horizon remain; with stop_for_good every stop month s is
 * tried (months after s: nothing; the fleet sold at s for its resale value) and the best kept
 * (the later on a tie); the last month gets salvage_pct × fleet price when salvage_pct > 0, else
 * the resale value. `stopValues`, when given, gets the NPV of stopping at each month s = 1..M at
 * index s (s = M: run to the end), whatever stop_for_good says.
 */
export function floatMining(
  p: FloatMiningPlan,
  rate: number,
  stopValues?: number[],
): { rows: FloatMiningMonth[]; npv: number; stop: number } {
  const fleetThs = (p.site_mw * 1e6) / (p.efficiency_j_th * p.pue);
  const fleetHs = fleetThs * 1e12;
  const uptime = p.uptime ?? 1;
  const earned = uptime * (1 - (p.pool_fee ?? 0));
  const kwh = p.site_mw * 1000 * HOURS * uptime;
  const powerRun = kwh * p.power_price_kwh;
  const taxRate = p.energy_tax_usd_per_kwh ?? 0;
  const taxStart = p.energy_tax_start_month ?? 1;
  // The tax is a cost only from its first month on, when deciding to run as when paying.
  const taxIn = (m: number) => (m >= taxStart ? kwh * taxRate : 0);
  const fleetPrice = (p.refresh_capex_usd_per_th ?? 0) * fleetThs;
  const every = p.refresh_every_months ?? 0;
  const opexRun = (p.opex_usd_per_mw_month ?? 0) * p.site_mw;
  const opexIdle = opexRun * (p.idle_opex_pct ?? 1);
  const resale = (p.fleet_resale_usd_per_th ?? 0) * fleetThs;
  const endValue = (p.salvage_pct ?? 0) > 0 ? (p.salvage_pct ?? 0) * fleetPrice : resale;
  const M = p.months;
  // Operating months first (nothing here depends on the fleet's life).
  const base: { m: number; d: number; btcRun: number; revenueRun: number; running: boolean; networkBtc: number }[] = [];
  for (let m = 1; m <= M; m++) {
    const price = p.price_path ? p.price_path[m - 1] : p.btc_price * (1 + (p.btc_price_growth_monthly ?? 0)) ** (m - 1);
    const reward = floatMeanSubsidy(p.start_height + BLOCKS * (m - 1), BLOCKS) + (p.fees_btc_per_block ?? 0);
    let d = p.difficulty_path
      ? p.difficulty_path[m - 1]
      : p.difficulty * (1 + (p.difficulty_growth_monthly ?? 0)) ** (m - 1);
    const floor = p.hashprice_floor_usd_per_ph_day;
    const excluded = p.difficulty_includes_fleet === false;
    if (floor !== undefined) {
      // the hashprice the fleet earns is the floor: at the network's difficulty with the fleet in it
      const atFloor = (price * 86400e15 * reward) / (2 ** 32 * floor);
      d = Math.min(d, excluded ? atFloor - (fleetHs * 600) / 2 ** 32 : atFloor);
    }
    const network = (d * 2 ** 32) / 600; // H/s the difficulty implies
    const share = excluded ? fleetHs / (network + fleetHs) : fleetHs / network;
    const btcRun = share * BLOCKS * reward * earned;
    const revenueRun = btcRun * price;
    // Runs when it earns at least what running costs over idling.
    const running = p.switch_off_below_cost === false || revenueRun >= powerRun + taxIn(m) + opexRun - opexIdle;
    base.push({ m, d, btcRun, revenueRun, running, networkBtc: BLOCKS * reward });
  }
  const bought = new Set<number>();
  if (every > 0) {
    let due = every;
    for (let m = 1; m <= M; m++) {
      if (m < due || !base[m - 1].running) continue;
      if (M - m >= every) bought.add(m); // enough of the horizon left
      due = m + every;
    }
  }
  const rowsUpTo = (stop: number): FloatMiningMonth[] =>
    base.map(({ m, d, btcRun, revenueRun, running: runs, networkBtc }) => {
      const active = m <= stop;
      const running = active && runs;
      const capex = active && bought.has(m) ? fleetPrice : 0;
      const salvage = m === stop ? (stop < M ? resale : endValue) : 0;
      const revenue = running ? revenueRun : 0;
      const power = running ? powerRun : 0;
      const tax = running ? taxIn(m) : 0;
      const opex = !active ? 0 : running ? opexRun : opexIdle;
      const net = revenue - power - tax - opex - capex + salvage;
      const pv = net / (1 + rate) ** (m / 12);
      return {
        month: m,
        running,
        difficulty: d,
        btcMined: running ? btcRun : 0,
        btcRun,
        networkBtc,
        revenue,
        power,
        tax,
        opex,
        capex,
        salvage,
        net,
        pv,
      };
    });
  if (stopValues) {
    for (let s = 1; s <= M; s++) stopValues[s] = rowsUpTo(s).reduce((a, r) => a + r.pv, 0);
  }
  let best = { rows: rowsUpTo(M), npv: 0, stop: M };
  best.npv = best.rows.reduce((s, r) => s + r.pv, 0);
  if (p.stop_for_good) {
    for (let s = M - 1; s >= 1; s--) {
      const rows = rowsUpTo(s);
      const npv = rows.reduce((a, r) => a + r.pv, 0);
      if (npv > best.npv) best = { rows, npv, stop: s };
    }
  }
  return best;
}

/**
 * Mining k months as a horizon of its own, then the fleet sold at month k for its resale value:
 * the k-th row of a conversion-timing table before the lease. k = 0: the fleet sold at once.
 */
export function floatMiningThenSell(p: FloatMiningPlan, rate: number, k: number): number {
  if (k === 0) return (p.fleet_resale_usd_per_th ?? 0) * ((p.site_mw * 1e6) / (p.efficiency_j_th * p.pue));
  return floatMining({ ...p, months: k, salvage_pct: 0 }, rate).npv;
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
  /** The tenant's annual default probability p: rent in schedule month m is weighted by recovery + (1 − recovery) × (1 − p)^(m/12). */
  defaultAnnual?: number;
  recovery?: number;
}

/** A lease's monthly net cash flows (index = month) and NPV at an annual effective rate. */
export function floatLease(l: FloatLease, r: number): { flows: number[]; npv: number; terminal: number[] } {
  const phases = l.phases ?? [[l.build ?? 0, l.mw]];
  const T = Math.round(l.years * 12);
  const last = Math.max(...phases.map(([b]) => b)) + T;
  const flows = new Array(last + 1).fill(0);
  const terminal = new Array(last + 1).fill(0);
  const shift = l.rentTiming === 1 ? 1 : 0;
  const rec = l.recovery ?? 0;
  const expected = (m: number) => rec + (1 - rec) * (1 - (l.defaultAnnual ?? 0)) ** (m / 12);
  for (const [b, mw] of phases) {
    const capex = (l.capexPerMw ?? 0) * mw;
    if (l.capexTiming === 1 && b > 0) for (let m = 0; m < b; m++) flows[m] -= capex / b;
    else flows[0] -= capex;
    let lastYear = 0;
    for (let k = 1; k <= T; k++) {
      const m = b + k - shift;
      const noi = mw * 1000 * l.rate * (1 + (l.esc ?? 0)) ** Math.floor((k - 1) / 12) * (1 - (l.opexPct ?? 0)) * expected(m);
      flows[m] += noi;
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

/**
 * The stop for good as a miner decides it month by month, knowing only the past and the next
 * month's levels: at each month t = 1..M − 1 it projects the levels of index t (month t + 1's
 * price and difficulty) along the plan's own growth, values every later stop month on that
 * projection, and stops at t when stopping now is worth strictly more than the best of them.
 * Brute force: one whole schedule per month t. `price` and `difficulty` are the path's levels,
 * month m at index m − 1.
 */
export function floatMiningKnownThen(
  p: FloatMiningPlan,
  rate: number,
  price: number[],
  difficulty: number[],
): { npv: number; stop: number } {
  const M = p.months;
  const plan = { ...p, stop_for_good: false };
  const actual: number[] = [];
  floatMining({ ...plan, price_path: price, difficulty_path: difficulty }, rate, actual);
  const gp = 1 + (p.btc_price_growth_monthly ?? 0);
  const gd = 1 + (p.difficulty_growth_monthly ?? 0);
  for (let t = 1; t < M; t++) {
    const projected = (x: number[], g: number) => x.slice(0, M).map((v, j) => (j <= t ? v : x[t] * g ** (j - t)));
    const seen: number[] = [];
    floatMining({ ...plan, price_path: projected(price, gp), difficulty_path: projected(difficulty, gd) }, rate, seen);
    if (actual[t] > Math.max(...seen.slice(t + 1))) return { npv: actual[t], stop: t };
  }
  return { npv: actual[M], stop: M };
}

/**
 * A conversion in floats: the lease leg L (at `leaseRate`), the fleet sold at once R, and against
 * them mining the site over the lease's months H (build + term) at `rate` plus the site mining
 * keeps T (with an exit cap rate: the same lease signed at H, max(0, L) brought back at `rate`).
 * convertAfter(k) is mining k months as a horizon of its own, the fleet sold at k, then the lease
 * signed at k; value is CONVERSIONVALUE, (L + R) − (mining + T).
 */
export function floatConversion(site: Omit<FloatMiningPlan, "months">, lease: FloatLease, rate: number, leaseRate = rate) {
  const l = floatLease(lease, leaseRate);
  const H = l.flows.length - 1;
  const p = { ...site, months: H };
  const L = l.npv;
  const R = floatMiningThenSell(p, rate, 0);
  const T = lease.exitCap ? Math.max(0, L) / (1 + rate) ** (H / 12) : 0;
  const mining = floatMining(p, rate).npv + T;
  const convertAfter = (k: number) => floatMiningThenSell(p, rate, k) + L / (1 + rate) ** (k / 12);
  return { L, R, T, H, mining, convertAfter, value: L + R - mining };
}

/**
 * EQUITYIRR from its definition: the equity's flows (loan − capex at month 0, then each month's
 * cash flow less its debt service), their monthly IRR by float bisection on the NPV, annualised.
 */
export function floatEquityIrr(flows: number[], capex: number, loan: number, service: number[]): number {
  const equity = [loan - capex, ...flows.map((f, k) => f - (service[k] ?? 0))];
  const npv = (r: number) => equity.reduce((s, x, m) => s + x / (1 + r) ** m, 0);
  let lo = 1e-6;
  let hi = 0.5;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (npv(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (1 + lo) ** 12 - 1;
}
