/*
 * Plain-float twins of every public function: the same formulas in doubles, with no argument
 * parsing or validation. They are the speed limit the decimal versions are compared with in
 * `npm run bench`, nothing else: they are not exact and are never shipped.
 */
import { quantileEstimates } from "../src/calc/simulation/estimators";
import { ConversionPlan } from "../src/calc/conversion";
import { SIGNATURES } from "../src/functions/params";
import { read } from "../src/functions/read";

type N = any;

const TH_DAY = (1e12 * 86400) / 4294967296;
const btcPerThDay = (d: number, fees = 0, subsidy = 3.125) => (TH_DAY * (subsidy + fees)) / d;
const MONTH_DAYS = 365 / 12;

export const SUBSIDY = (h: N) => Math.floor(5e9 / 2 ** Math.floor(h / 210000)) / 1e8;
export const NEXTHALVING = (h: N) => (Math.floor(h / 210000) + 1) * 210000;
export const NETWORKHASHRATE = (d: N) => (d * 4294967296) / 600 / 1e18;
export const DIFFICULTYFORHASHRATE = (h: N) => (h * 1e18 * 600) / 4294967296;
export const BTCPERDAY = (h: N, d: N, s: N, f: N) => h * btcPerThDay(d, f, s);
export const HASHPRICE = (p: N, d: N, s: N, f: N) => btcPerThDay(d, f, s) * 1000 * p;
export const COSTPERBTC = (pp: N, e: N, d: N, s: N, f = 0, pf = 0, o = 0) =>
  (e * 0.024 * pp + o) / (btcPerThDay(d, f, s) * (1 - pf));

function allIn(pp: N, e: N, d: N, s: N, f = 0, pf = 0, o = 0, mc = 0, life = 4, sga = 0, sbc = 0, tax = 0, up = 1) {
  const earned = btcPerThDay(d, f, s) * up * (1 - pf);
  const kwh = e * 0.024 * up;
  const parts = [kwh * pp, kwh * tax, o, sga, mc / (life * 365), sbc].map((x) => x / earned);
  return parts;
}
export const ALLINCOSTPERBTC = (...a: N[]) => (allIn as any)(...a).reduce((x: number, y: number) => x + y, 0);
export const BREAKEVENPRICE = ALLINCOSTPERBTC;
export const COSTBREAKDOWN = (...a: N[]) => {
  const p = (allIn as any)(...a);
  const cash = p[0] + p[1] + p[2] + p[3];
  return [
    ["Component", "USD per BTC"],
    ["Power", p[0]],
    ["Energy tax", p[1]],
    ["Other cash opex", p[2]],
    ["SG&A", p[3]],
    ["Cash", cash],
    ["Depreciation", p[4]],
    ["SBC", p[5]],
    ["All-in", cash + p[4] + p[5]],
    ["Subsidy", a[3]],
  ];
};
export const BREAKEVENPOWER = (p: N, e: N, d: N, s: N, f = 0, pf = 0, o = 0) =>
  (btcPerThDay(d, f, s) * (1 - pf) * p - o) / (e * 0.024);
export const BREAKEVENHASHPRICE = (pp: N, e: N, pf = 0, o = 0, mc = 0, life = 4, sga = 0, sbc = 0, tax = 0, up = 1) =>
  ((e * 0.024 * up * (pp + tax) + o + sga + mc / (life * 365) + sbc) / (up * (1 - pf))) * 1000;
export const PAYBACKMONTHS = (mc: N, h: N, e: N, pp: N, p: N, d: N, s: N, f = 0, pf = 0, o = 0, up = 1, g = 0) => {
  let revenue = btcPerThDay(d, f, s) * up * (1 - pf) * p * h * MONTH_DAYS;
  const cost = (e * 0.024 * pp * up + o) * h * MONTH_DAYS;
  let remaining = mc;
  for (let m = 1; m <= 1200; m++) {
    const margin = revenue - cost;
    if (margin >= remaining) return m - 1 + remaining / margin;
    remaining -= margin;
    revenue /= 1 + g;
  }
  return NaN;
};

export const ENERGYTAX = (kwh: N, tiers: N = null) => {
  const bands: number[][] = tiers ?? [
    [0, 0],
    [2_250_000, 0.02],
    [5_000_000, 0.03],
    [10_000_000, 0.04],
    [20_000_000, 0.05],
  ];
  let tax = 0;
  for (let i = 0; i < bands.length && kwh > bands[i][0]; i++)
    tax += (Math.min(kwh, bands[i + 1]?.[0] ?? kwh) - bands[i][0]) * bands[i][1];
  return tax;
};

function leaseFlows(
  mw: N,
  rate: N,
  years: N,
  esc = 0,
  capex = 0,
  opex = 0,
  build = 0,
  exit = 0,
  rentTiming = 0,
  capexTiming = 0,
): number[] {
  const T = Math.round(years * 12);
  const flows = new Array(build + T + 1).fill(0);
  if (capexTiming === 1 && build > 0) for (let m = 0; m < build; m++) flows[m] -= (capex * mw) / build;
  else flows[0] -= capex * mw;
  let rent = mw * 1000 * rate;
  let lastYear = 0;
  for (let k = 1; k <= T; k++) {
    if (k > 1 && (k - 1) % 12 === 0) rent *= 1 + esc;
    flows[build + k - rentTiming] += rent * (1 - opex);
    if (k > T - 12) lastYear += rent * (1 - opex);
  }
  if (exit > 0) flows[build + T - rentTiming] += lastYear / exit;
  return flows;
}
const npvMonthly = (flows: number[], r: number) => {
  const q = 1 / Math.pow(1 + r, 1 / 12);
  let acc = 0;
  for (let i = flows.length - 1; i >= 0; i--) acc = acc * q + flows[i];
  return acc;
};
export const LEASENPV = (
  mw: N,
  rate: N,
  years: N,
  r: N,
  esc: N,
  capex: N,
  opex: N,
  build: N,
  exit = 0,
  rt = 0,
  ct = 0,
) => npvMonthly(leaseFlows(mw, rate, years, esc, capex, opex, build, exit, rt, ct), r);
export const LEASECASHFLOWS = (
  mw: N,
  rate: N,
  years: N,
  r: N,
  esc: N,
  capex: N,
  opex: N,
  build: N,
  exit = 0,
  rt = 0,
  ct = 0,
) => {
  const flows = leaseFlows(mw, rate, years, esc, capex, opex, build, exit, rt, ct);
  const q = 1 / Math.pow(1 + r, 1 / 12);
  let df = 1;
  return flows.map((f, m) => {
    const row = [m, f, 0, 0, 0, f, df, f * df];
    df *= q;
    return row;
  });
};
export const LEASEIRR = (mw: N, rate: N, years: N, esc: N, capex: N, opex: N, build: N, exit = 0, rt = 0, ct = 0) =>
  irrMonthly(leaseFlows(mw, rate, years, esc, capex, opex, build, exit, rt, ct));
function irrMonthly(flows: number[]): number {
  // bisection on the monthly rate, as a float solver would
  const f = (r: number) => {
    let acc = 0;
    const x = 1 / (1 + r);
    for (let i = flows.length - 1; i >= 0; i--) acc = acc * x + flows[i];
    return acc;
  };
  let lo = -0.99;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const m = (lo + hi) / 2;
    if (Math.sign(f(m)) === Math.sign(f(lo))) lo = m;
    else hi = m;
  }
  return (1 + lo) ** 12 - 1;
}

function miningRows(a: N[], keepRows = true) {
  const [
    mw,
    e,
    pue,
    pp,
    price,
    d,
    h0,
    months,
    r,
    fees = 0,
    pf = 0,
    up = 1,
    gd = 0,
    gp = 0,
    opex = 0,
    rc = 0,
    every = 0,
    switchOff = true,
    salvagePct = 0,
    tax = 0,
    includesFleet = true,
    idle = 1,
    stopForGood = false,
    resalePerTh = 0,
    path = null,
    floor = null,
  ] = a;
  const fleet = (mw * 1e6) / (e * pue);
  const fleetDifficulty = (fleet * 1e12 * 600) / 4294967296;
  const kwh = mw * 1000 * 24 * MONTH_DAYS * up;
  const q = 1 / Math.pow(1 + r, 1 / 12);
  const resale = resalePerTh * fleet;
  const end = salvagePct > 0 ? salvagePct * rc * fleet : resale;
  const column = path === null ? null : Array.isArray(path) ? path.flat() : Array(months).fill(path);
  const rows: number[][] = [];
  // The months before the fleet's life: running, operating flow; then the refreshes, the stop and the sale.
  const op = new Float64Array(months + 1);
  const run = new Uint8Array(months + 1);
  const dfs = new Float64Array(months + 1);
  let diff = d;
  let p = price;
  let df = 1;
  for (let m = 1; m <= months; m++) {
    if (m > 1) {
      diff *= 1 + gd;
      p *= 1 + gp;
    }
    df *= q;
    dfs[m] = df;
    const h = h0 + 4380 * (m - 1);
    const epochEnd = (Math.floor(h / 210000) + 1) * 210000;
    const before = Math.min(4380, epochEnd - h);
    const sub = (before * SUBSIDY(h) + (4380 - before) * SUBSIDY(epochEnd)) / 4380;
    let dm = column ? column[m - 1] : diff;
    if (floor !== null) dm = Math.min(dm, (86400e15 * (sub + fees) * p) / (4294967296 * floor));
    const btcRun =
      fleet * up * (1 - pf) * MONTH_DAYS * btcPerThDay(includesFleet ? dm : dm + fleetDifficulty, fees, sub);
    const running = !switchOff || btcRun * p >= kwh * (pp + tax) + (1 - idle) * opex * mw ? 1 : 0;
    run[m] = running;
    op[m] = running ? btcRun * p - kwh * (pp + tax) - opex * mw : -idle * opex * mw;
    if (keepRows)
      rows.push([
        m,
        h,
        sub,
        dm,
        p,
        running,
        btcRun * running,
        btcRun * running * p,
        running * kwh * pp,
        running * kwh * tax,
        running ? opex * mw : idle * opex * mw,
        0,
        0,
        op[m],
        df,
        0,
      ]);
  }
  const capex = new Float64Array(months + 1);
  for (let m = every, due = every; every > 0 && m <= months - every; m++) {
    if (m >= due && run[m]) {
      capex[m] = rc * fleet;
      due = m + every;
    }
  }
  let cum = 0;
  let best = -Infinity;
  let stop = months;
  for (let m = 1; m <= months; m++) {
    cum += (op[m] - capex[m]) * dfs[m];
    if (!stopForGood && m < months) continue;
    const v = cum + (m < months ? resale : end) * dfs[m];
    if (v >= best) {
      best = v;
      stop = m;
    }
  }
  if (keepRows) {
    for (const row of rows) {
      const m = row[0];
      if (m > stop) row.fill(0, 5, 14);
      row[11] = m <= stop ? capex[m] : 0;
      row[12] = m === stop ? (stop < months ? resale : end) : 0;
      row[13] += row[12] - row[11];
      row[15] = row[13] * row[14];
    }
  }
  return { rows, npv: best };
}
export const MININGCASHFLOWS = (...a: N[]) => miningRows(a).rows;
/** The same loop without the rows, as miningNpv sums it. */
export const MININGNPV = (...a: N[]) => miningRows(a, false).npv;

/** A conversion's positional arguments: the lease leg L, the fleet's sale R, mining M over the horizon and the site's end value T. */
function conversion(a: N[]) {
  const [
    mw,
    e,
    pue,
    pp,
    price,
    d,
    h0,
    r,
    rate,
    years,
    fees = 0,
    pf = 0,
    up = 1,
    gd = 0,
    gp = 0,
    opex = 0,
    rc = 0,
    every = 0,
    esc = 0,
    capex = 0,
    months = 0,
    lopex = 0,
    ratio = 1.4,
    so = true,
    sal = 0,
    tax = 0,
    inc = true,
    exit = 0,
    rt = 0,
    ct = 0,
    ,
    lr = null,
    ...fleetAndNetwork
  ] = a;
  const lease = LEASENPV(mw / ratio, rate, years, lr ?? r, esc, capex, lopex, months, exit, rt, ct);
  const horizon = months + years * 12;
  const mining = MININGNPV(
    mw,
    e,
    pue,
    pp,
    price,
    d,
    h0,
    horizon,
    r,
    fees,
    pf,
    up,
    gd,
    gp,
    opex,
    rc,
    every,
    so,
    sal,
    tax,
    inc,
    ...fleetAndNetwork,
  );
  const sale = (fleetAndNetwork[2] ?? 0) * ((mw * 1e6) / (e * pue));
  const site = exit > 0 ? Math.max(0, lease) * Math.pow(1 + r, -horizon / 12) : 0;
  return { lease, sale, site, mining: mining + site, horizon };
}
export const CONVERSIONVALUE = (...a: N[]) => {
  const v = conversion(a);
  return v.lease + v.sale - v.mining;
};
export const CONVERSIONBREAKEVEN = (...a: N[]) => {
  // Bisection on the price for the crossing (the decimal search finds the lowest of several, which this skips).
  const { lease, sale } = conversion(a);
  const at = (p: number) => {
    const x = [...a];
    x[4] = p;
    return conversion(x).mining - lease - sale;
  };
  let lo = 0;
  let hi = a[4];
  while (at(hi) < 0) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const m = (lo + hi) / 2;
    if (at(m) < 0) lo = m;
    else hi = m;
  }
  return hi;
};
/**
 * CONVERSIONTIMING's twin without a stop for good: the schedule's rows once, then every row k from
 * prefix sums, P(k) − C(k − N) + R·df_k + L·df_k − (M + T).
 */
export const CONVERSIONTIMING = (...a: N[]) => {
  const { lease, mining, horizon } = conversion(a);
  const [mw, e, pue, , , , , r, , , , , , , , , , every = 0, , , , , , , , , , , , , , , , , , resalePerTh = 0] = a;
  const m = [...a.slice(0, 7), horizon, r, ...a.slice(10, 18), ...a.slice(23, 27), ...a.slice(32)];
  const { rows } = miningRows(m);
  const resale = resalePerTh * ((mw * 1e6) / (e * pue));
  const out: number[][] = [["k", "value"] as N];
  let p = 0;
  const c = [0];
  for (let k = 1; k <= horizon; k++) c.push(c[k - 1] + rows[k - 1][11] * rows[k - 1][14]);
  out.push([0, lease + resale - mining]);
  for (let k = 1; k <= horizon; k++) {
    const row = rows[k - 1];
    p += (row[13] + row[11] - row[12]) * row[14];
    const capex = every > 0 && k > every ? c[k - every] : 0;
    out.push([k, p - capex + (resale + lease) * Math.pow(1 + r, -k / 12) - mining]);
  }
  return out;
};
export const MWECONOMICS = (...a: N[]) => {
  const { rows } = miningRows([
    ...a.slice(0, 7),
    12,
    ...a.slice(7, 8),
    ...a.slice(10, 18),
    ...a.slice(23, 27),
    a[37] ?? 1,
    false,
    0,
    a[40] ?? null,
    a[41] ?? null,
  ]);
  const revenue = rows.reduce((s, r) => s + r[7], 0) / a[0];
  const lease = ((a[0] / (a[22] ?? 1.4)) * 1000 * a[8] * 12) / a[0];
  return [
    ["", "Mining", "Leasing"],
    ["Revenue", revenue, lease],
  ];
};

// The balance sheet: the same formulas in floats.
export const BTCPERSHARE = (b: N, s: N) => b / s;
export const BTCYIELD = (b0: N, s0: N, b1: N, s1: N) => (b1 * s0) / (b0 * s1) - 1;
export const BTCGAIN = (b0: N, s0: N, b1: N, s1: N) => (b1 * s0) / s1 - b0;
export const MNAV = (p: N, s: N, b: N, price: N, debt = 0, pref = 0, cash = 0, basis = "EV") =>
  (s * p + (String(basis).toUpperCase() === "EV" ? debt + pref - cash : 0)) / (b * price);
export const NAVPERSHARE = (b: N, price: N, s: N, debt = 0, pref = 0, cash = 0) => (b * price + cash - debt - pref) / s;
export const LTV = (loan: N, c: N, price: N) => loan / (c * price);
export const LTVPRICE = (loan: N, c: N, ltv: N) => loan / (c * ltv);
export const RUNWAYMONTHS = (cash: N, burn: N, b = 0, price = 0, haircut = 0) =>
  (cash + b * price * (1 - haircut)) / burn;
/** TREASURYCASHFLOWS with numbers for the by-month inputs. */
export const TREASURYCASHFLOWS = (
  cash: N,
  held: N,
  months: N,
  mined: N,
  p0: N,
  costs: N,
  policy: string,
  g = 0,
  income = 0,
  debt = 0,
  f = 0,
  floor = 0,
) => {
  const rows: number[][] = [];
  for (let t = 1; t <= months; t++) {
    const price = p0 * (1 + g) ** (t - 1);
    const planned = policy === "HOLD" ? 0 : policy === "SELLALL" ? mined : mined * f;
    let available = held + mined - planned;
    let next = cash + planned * price + income - costs - debt;
    let forced = 0;
    if (next < floor && available > 0) {
      forced = Math.min(available, (floor - next) / price);
      next = forced === available ? next + available * price : floor;
      available -= forced;
    }
    cash = next;
    held = available;
    rows.push([t, price, mined, planned + forced, held, 0, 0, cash, forced, held === 0 && cash < floor ? 1 : 0]);
  }
  return rows;
};

function gpuFlows(a: N[], withRate: boolean): { flows: number[]; rate: number } {
  const [gpus, price, util, gpuCapex, kw, pue, pp] = a;
  const rest = a.slice(withRate ? 8 : 7);
  const [opex = 0, decline = 0, life = 5, salvage = 0, build = 0, shell = 0] = rest;
  const L = Math.round(life * 12);
  const flows = new Array(build + L + 1).fill(0);
  flows[0] = -(gpus * gpuCapex + shell * ((gpus * kw) / 1000));
  const hours = 24 * MONTH_DAYS;
  const power = gpus * kw * pue * hours * pp;
  let p = price;
  for (let k = 1; k <= L; k++) {
    if (k > 1 && (k - 1) % 12 === 0) p *= 1 - decline;
    const revenue = gpus * p * util * hours;
    flows[build + k] = revenue * (1 - opex) - power + (k === L ? salvage * gpus * gpuCapex : 0);
  }
  return { flows, rate: withRate ? a[7] : 0 };
}
/** GPUCLOUDNPV by service year, as gpuCloudNpv sums it: 12-term annuity, then one term a year. */
export const GPUCLOUDNPV = (...a: N[]) => {
  const [
    gpus,
    price,
    util,
    gpuCapex,
    kw,
    pue,
    pp,
    r,
    opex = 0,
    decline = 0,
    life = 5,
    salvage = 0,
    build = 0,
    shell = 0,
  ] = a;
  const L = Math.round(life * 12);
  const hours = 24 * MONTH_DAYS;
  const power = gpus * kw * pue * hours * pp;
  const netHours = gpus * util * hours * (1 - opex);
  const v = 1 / Math.pow(1 + r, 1 / 12);
  const vPow = [1];
  const annuity = [0];
  for (let n = 1; n <= 12; n++) {
    vPow.push(vPow[n - 1] * v);
    annuity.push(annuity[n - 1] + vPow[n]);
  }
  let yearFactor = v ** build;
  let p = price;
  let npv = -(gpus * gpuCapex + shell * ((gpus * kw) / 1000));
  for (let start = 0; start < L; start += 12) {
    if (start > 0) {
      p *= 1 - decline;
      yearFactor *= vPow[12];
    }
    const n = Math.min(12, L - start);
    npv += (netHours * p - power) * yearFactor * annuity[n];
    if (start + n === L) npv += salvage * gpus * gpuCapex * yearFactor * vPow[n];
  }
  return npv;
};
export const GPUCLOUDIRR = (...a: N[]) => irrMonthly(gpuFlows(a, false).flows);
export const GPUCLOUDCASHFLOWS = (...a: N[]) => {
  const g = gpuFlows(a, true);
  const q = 1 / Math.pow(1 + g.rate, 1 / 12);
  let df = 1;
  return g.flows.map((f, m) => {
    const row = [m, 1, 0, f, 0, 0, 0, 0, f, df, f * df];
    df *= q;
    return row;
  });
};

// The simulation: the same loops as the calc module's, with Math.random normals (Box–Muller),
// Math.exp and Math.pow, and the same quantile selection for the summary.

/** A standard normal from Math.random (Box–Muller, one of the pair). */
const gauss = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
const listOf = (x: N): number[] => (Array.isArray(x) ? x.flat() : [x]);

export const PRICEQUANTILES = (p0: N, g: N, vol: N, months: N, q: N, paths: N) => {
  const ps = listOf(q);
  const s = vol / Math.sqrt(12);
  const drift = Math.log(1 + g) - (s * s) / 2;
  const w = new Float64Array(paths);
  const wd = new Float64Array(paths);
  const logPrice = new Float64Array(paths);
  const rows: number[][] = [[0, ...ps.map(() => p0), ...ps.map(() => 0)]];
  for (let t = 1; t <= months; t++) {
    const base = Math.log(p0) + t * drift;
    for (let p = 0; p < paths; p++) {
      w[p] += gauss();
      wd[p] += gauss(); // the difficulty normal every function draws
      logPrice[p] = base + s * w[p];
    }
    const e = quantileEstimates(logPrice.slice(), ps, Math.exp);
    rows.push([t, ...e.map((x) => x.value), ...e.map((x) => x.se)]);
  }
  return rows;
};

/** Per path: two normals a month, both levels by Math.exp, then the NPV loop of mining-paths.ts (switch-off on). */
function miningValuesTwin(a: N[], months: number, risk: N[]): Float64Array {
  const [mw, e, pue, pp, price, d, h0, , r, fees = 0, pf = 0, up = 1, gd = 0, gp = 0, opex = 0, rc = 0, every = 0] = a;
  const [pv, dv, corr, paths] = risk;
  const fleet = (mw * 1e6) / (e * pue);
  const fleetDifficulty = (fleet * 1e12 * 600) / 4294967296;
  const v = mw * 1000 * 24 * MONTH_DAYS * up * pp;
  const c = new Float64Array(months + 1);
  const df = new Float64Array(months + 1);
  let fixed = 0;
  for (let m = 1; m <= months; m++) {
    const h = h0 + 4380 * (m - 1);
    const epochEnd = (Math.floor(h / 210000) + 1) * 210000;
    const before = Math.min(4380, epochEnd - h);
    const sub = (before * SUBSIDY(h) + (4380 - before) * SUBSIDY(epochEnd)) / 4380;
    c[m] = fleet * up * (1 - pf) * MONTH_DAYS * TH_DAY * (sub + fees);
    df[m] = Math.pow(1 + r, -m / 12);
    fixed += df[m] * opex * mw;
  }
  const sp = pv / Math.sqrt(12);
  const sd = dv / Math.sqrt(12);
  const mp = Math.log(1 + gp) - (sp * sp) / 2;
  const md = Math.log(1 + gd) - (sd * sd) / 2;
  const comp = Math.sqrt(1 - corr * corr);
  const lp0 = Math.log(price);
  const ld0 = Math.log(d);
  const prices = new Float64Array(months);
  const diffs = new Float64Array(months);
  const values = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    let wp = 0;
    let wd = 0;
    for (let t = 0; t < months; t++) {
      if (t > 0) {
        const z1 = gauss();
        const z2 = gauss();
        wp += z1;
        wd += corr * z1 + comp * z2;
      }
      prices[t] = Math.exp(lp0 + t * mp + sp * wp);
      diffs[t] = Math.exp(ld0 + t * md + sd * wd);
    }
    let npv = -fixed;
    let due = every > 0 ? every : Infinity; // a refresh is bought in a running month at or after it is due
    for (let m = 1; m <= months; m++) {
      const dm = diffs[m - 1];
      const revenue = (c[m] * prices[m - 1]) / (dm > fleetDifficulty ? dm : fleetDifficulty);
      if (revenue >= v) {
        npv += df[m] * (revenue - v);
        if (m >= due && months - m >= every) {
          npv -= df[m] * rc * fleet;
          due = m + every;
        }
      }
    }
    values[p] = npv;
  }
  return values;
}

/** Mean, quantiles and P(value < 0) with SEs, as estimators.ts's summary does. */
function summaryTwin(values: Float64Array, ps: number[]) {
  const n = values.length;
  let sum = 0;
  let below = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    if (values[i] < 0) below++;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (n - 1) / n), quantiles: quantileEstimates(values, ps), below: below / n };
}

/** Where the risk inputs start: after the deterministic function's parameters as they were when they came. */
const MINING_COUNT = SIGNATURES.MININGNPVDIST.findIndex((p) => p.name === "price_vol_annual");
const CONVERSION_COUNT = SIGNATURES.CONVERSIONDIST.findIndex((p) => p.name === "price_vol_annual");
export const MININGNPVDIST = (...a: N[]) => {
  const risk = a.slice(MINING_COUNT);
  return summaryTwin(miningValuesTwin(a, a[7], risk), listOf(risk[5] ?? [0.1, 0.5, 0.9]));
};
export const CONVERSIONDIST = (...a: N[]) => {
  const risk = a.slice(CONVERSION_COUNT);
  // (L + R) − (M + T) on each path: the fleet's sale R and the site mining keeps T, as CONVERSIONDIST
  const { lease, sale, site } = conversion(a.slice(0, CONVERSION_COUNT));
  const months = (a[20] ?? 0) + a[9] * 12;
  const mining = miningValuesTwin([...a.slice(0, 7), months, ...a.slice(7, 8), ...a.slice(10, 18)], months, risk);
  for (let p = 0; p < mining.length; p++) mining[p] = lease + sale - (mining[p] + site);
  return summaryTwin(mining, listOf(risk[5] ?? [0.1, 0.5, 0.9]));
};
/** The risk inputs a simulation twin draws with. */
export interface TwinRisk {
  price_vol_annual: number;
  difficulty_vol_annual: number;
  price_difficulty_corr: number;
}

/**
 * Ordinary least squares of y on 1, z, z² (z = x standardised) by the 3×3 normal equations and
 * Cramer's rule, for the option twin; the mean where x takes one value (or the system is singular).
 */
function quadraticTwin(x: Float64Array, y: Float64Array, n: number): (v: number) => number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let vx = 0;
  for (let i = 0; i < n; i++) vx += (x[i] - mx) ** 2;
  const sx = Math.sqrt(vx / n);
  if (!(sx > 0)) return () => my;
  let s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0; // prettier-ignore
  for (let i = 0; i < n; i++) {
    const z = (x[i] - mx) / sx;
    const z2 = z * z;
    s2 += z2;
    s3 += z2 * z;
    s4 += z2 * z2;
    t0 += y[i];
    t1 += y[i] * z;
    t2 += y[i] * z2;
  }
  // [[n, 0, s2], [0, s2, s3], [s2, s3, s4]] (Σz = 0 after standardising) × [a, b, c] = [t0, t1, t2]
  const det3 = (a: number[]) =>
    a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const m = [n, 0, s2, 0, s2, s3, s2, s3, s4];
  const d = det3(m);
  if (!(Math.abs(d) > 1e-12 * n * s4 * s4)) return () => my;
  const a0 = det3([t0, 0, s2, t1, s2, s3, t2, s3, s4]) / d;
  const a1 = det3([n, t0, s2, 0, t1, s3, s2, t2, s4]) / d;
  const a2 = det3([n, 0, t0, 0, s2, t1, s2, s3, t2]) / d;
  return (v: number) => {
    const z = (v - mx) / sx;
    return a0 + z * (a1 + z * a2);
  };
}

/**
 * CONVERSIONOPTION's twin, its own float code: the same fitting and valuation passes over the
 * README-style plan (switch-off, idle opex, energy tax from its month, refreshes bought in running
 * months with a fleet's life left, the fleet's resale and end value, the site's terminal value T),
 * Math.random Box–Muller normals and Math.exp, the mining legs P(k) − C(k − N) + R·df_k from prefix
 * sums, a quadratic least-squares fit by Cramer's rule. No stop for good, floor or difficulty path
 * (the bench's plan has none). Not reproducible and never shipped: the speed limit the real one is
 * judged against.
 */
export function conversionOptionTwin(plan: ConversionPlan, risk: TwinRisk, paths: number): number {
  const x = (v: unknown, d = 0) => (v === undefined || v === null ? d : Number(v));
  const mw = x(plan.site_mw);
  const r = x(plan.discount_rate);
  const ratio = x(plan.site_mw_per_critical_it_mw, 1.4);
  const build = x(plan.conversion_months);
  const years = x(plan.term_years);
  const H = build + Math.round(years * 12);
  const L = LEASENPV(mw / ratio, x(plan.rate_usd_per_kw_month), years, x(plan.lease_discount_rate, r), x(plan.escalator), x(plan.conversion_capex_usd_per_mw), x(plan.opex_pct_of_revenue), build, x(plan.exit_cap_rate), x(plan.rent_timing), x(plan.capex_timing)); // prettier-ignore
  const fleet = (mw * 1e6) / (x(plan.efficiency_j_th) * x(plan.pue));
  const fleetDifficulty = (fleet * 1e12 * 600) / 4294967296;
  const up = x(plan.uptime, 1);
  const kwh = mw * 1000 * 24 * MONTH_DAYS * up;
  const opex = x(plan.opex_usd_per_mw_month) * mw;
  const idle = x(plan.idle_opex_pct, 1) * opex;
  const taxFrom = x(plan.energy_tax_start_month, 1);
  const N = x(plan.refresh_every_months);
  const fleetPrice = x(plan.refresh_capex_usd_per_th) * fleet;
  const R = x(plan.fleet_resale_usd_per_th) * fleet;
  const salvage = x(plan.salvage_pct);
  const E = salvage > 0 ? salvage * fleetPrice : R;
  const includesFleet = plan.difficulty_includes_fleet !== false;
  const switchOff = plan.switch_off_below_cost !== false;
  const T = x(plan.exit_cap_rate) > 0 ? Math.max(0, L) * Math.pow(1 + r, -H / 12) : 0;
  const coin = new Float64Array(H + 1);
  const hp = new Float64Array(H + 1);
  const cost = new Float64Array(H + 1);
  const df = new Float64Array(H + 1);
  const leasePv = new Float64Array(H + 1);
  const fees = x(plan.fees_btc_per_block);
  for (let m = 0; m <= H; m++) {
    df[m] = Math.pow(1 + r, -m / 12);
    leasePv[m] = L * df[m];
    if (m === 0) continue;
    const h = x(plan.start_height) + 4380 * (m - 1);
    const epochEnd = (Math.floor(h / 210000) + 1) * 210000;
    const before = Math.min(4380, epochEnd - h);
    const sub = (before * SUBSIDY(h) + (4380 - before) * SUBSIDY(epochEnd)) / 4380;
    coin[m] = fleet * up * (1 - x(plan.pool_fee)) * MONTH_DAYS * TH_DAY * (sub + fees);
    hp[m] = 1000 * TH_DAY * (sub + fees);
    cost[m] = kwh * (x(plan.power_price_kwh) + (m >= taxFrom ? x(plan.energy_tax_usd_per_kwh) : 0)) + opex;
  }
  const sp = risk.price_vol_annual / Math.sqrt(12);
  const sd = risk.difficulty_vol_annual / Math.sqrt(12);
  const mp = Math.log(1 + x(plan.btc_price_growth_monthly)) - (sp * sp) / 2;
  const md = Math.log(1 + x(plan.difficulty_growth_monthly)) - (sd * sd) / 2;
  const corr = risk.price_difficulty_corr;
  const comp = Math.sqrt(1 - corr * corr);
  const lp0 = Math.log(x(plan.btc_price));
  const ld0 = Math.log(x(plan.difficulty));
  const legs = new Float64Array(H + 1);
  const hashprice = new Float64Array(H + 1);
  const P = new Float64Array(H + 1);
  const C = new Float64Array(H + 1);
  /** One path: legs[k] and the state hashprice[m]; returns never converting, N = M + T. */
  const path = () => {
    let wp = 0;
    let wd = 0;
    let due = N;
    for (let m = 1; m <= H; m++) {
      const t = m - 1;
      if (t > 0) {
        const rr = Math.sqrt(-2 * Math.log(1 - Math.random()));
        const a = 2 * Math.PI * Math.random();
        wp += rr * Math.cos(a);
        wd += corr * rr * Math.cos(a) + comp * rr * Math.sin(a);
      }
      const price = Math.exp(lp0 + t * mp + sp * wp);
      const d = Math.exp(ld0 + t * md + sd * wd);
      const earning = includesFleet ? Math.max(d, fleetDifficulty) : d + fleetDifficulty;
      const revenue = (coin[m] * price) / earning;
      hashprice[m] = (hp[m] * price) / (includesFleet ? d : earning);
      const runs = !switchOff || revenue >= cost[m] - idle;
      P[m] = P[m - 1] + df[m] * (runs ? revenue - cost[m] : -idle);
      C[m] = C[m - 1];
      if (N > 0 && runs && m >= due) {
        C[m] += df[m] * fleetPrice;
        due = m + N;
      }
    }
    legs[0] = R;
    for (let k = 1; k <= H; k++) legs[k] = P[k] - (N > 0 && k > N ? C[k - N] : 0) + R * df[k];
    return P[H] - (N > 0 && H > N ? C[H - N] : 0) + E * df[H] + T;
  };
  const X = new Float64Array(paths * (H + 1));
  const S = new Float64Array(paths * (H + 1));
  const Y = new Float64Array(paths);
  for (let i = 0; i < paths; i++) {
    const never = path();
    for (let k = 0; k <= H; k++) X[i * (H + 1) + k] = legs[k] + leasePv[k];
    for (let k = 1; k < H; k++) S[i * (H + 1) + k] = hashprice[k + 1];
    Y[i] = Math.max(X[i * (H + 1) + H], never);
  }
  const gain = new Float64Array(paths);
  const h = new Float64Array(paths);
  const fits: ((v: number) => number)[] = [];
  for (let k = H - 1; k >= 1; k--) {
    for (let i = 0; i < paths; i++) {
      gain[i] = Y[i] - X[i * (H + 1) + k];
      h[i] = S[i * (H + 1) + k];
    }
    const fit = quadraticTwin(h, gain, paths);
    fits[k] = fit;
    for (let i = 0; i < paths; i++) if (fit(h[i]) < 0) Y[i] = X[i * (H + 1) + k];
  }
  let meanGain = 0;
  for (let i = 0; i < paths; i++) meanGain += (Y[i] - X[i * (H + 1)]) / paths;
  if (meanGain < 0) return legs[0] + leasePv[0]; // convert at once, on every path
  let sum = 0;
  for (let i = 0; i < paths; i++) {
    const never = path();
    let value = Math.max(legs[H] + leasePv[H], never);
    for (let k = 1; k < H; k++) {
      if (fits[k](hashprice[k + 1]) < 0) {
        value = legs[k] + leasePv[k];
        break;
      }
    }
    sum += value;
  }
  return sum / paths;
}
/** CONVERSIONOPTION's twin from Excel's positional arguments (read once: a negligible part of a simulation). */
export const CONVERSIONOPTION = (...a: N[]) => {
  const plan = read(SIGNATURES.CONVERSIONOPTION, a);
  return conversionOptionTwin(plan, plan, plan.paths);
};
export const VOLATILITY = (values: N, perYear: N) => {
  const v = listOf(values);
  const r = v.slice(1).map((x, i) => Math.log(x / v[i]));
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  return Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1)) * Math.sqrt(perYear);
};

// Tax and project debt: the same schedules in floats.
/** Publication 946 Table A-1 (half-year convention), percent; SL39 by Table A-7a's mid-month rule. */
const MACRS: Record<string, number[]> = {
  MACRS5: [20, 32, 19.2, 11.52, 11.52, 5.76],
  MACRS7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  MACRS15: [5, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95],
};
function sl39Percent(year: number, month: number): number {
  const first = ((12 - month + 0.5) / 12 / 39) * 100;
  if (year === 1) return first;
  if (year <= 39) return 100 / 39;
  return year === 40 ? 100 - first - (38 * 100) / 39 : 0;
}
export const DEPRECIATION = (cost: N, method: N, bonusPct = 0, month = 1, years: N = null) => {
  const code = String(method).toUpperCase();
  const bonus = cost * bonusPct;
  const rest = cost - bonus;
  const n = years ?? (code === "SL39" ? 40 : MACRS[code].length);
  const rows: N[][] = [["Year", "Deduction (USD)", "Remaining basis (USD)"]];
  let basis = cost;
  for (let y = 1; y <= n; y++) {
    const pct = code === "SL39" ? sl39Percent(y, month) : code === "SL" ? 100 / n : (MACRS[code][y - 1] ?? 0);
    const deduction = (rest * pct) / 100 + (y === 1 ? bonus : 0);
    basis -= deduction;
    rows.push([y, deduction, basis]);
  }
  return rows;
};
const seriesOf = (x: N): number[] => (Array.isArray(x) ? x.flat() : [x]);
export const AFTERTAXCASHFLOWS = (flows: N, depreciation: N, rate: N, loss = "GROUP", capex: N = 0, firstMonth = 1) => {
  const cf = seriesOf(flows);
  const cx = Array.isArray(capex) ? seriesOf(capex) : cf.map((_, k) => (k === 0 ? capex : 0));
  const dep = seriesOf(depreciation);
  const rows: N[][] = [
    ["Month", "Pre-tax cash flow (USD)", "Tax (USD)", "After-tax cash flow (USD)", "Loss carried forward (USD)"],
  ];
  let nol = 0;
  let income = 0;
  cf.forEach((c, k) => {
    const month = k + firstMonth;
    const year = Math.max(1, Math.ceil(month / 12));
    income += c + (cx[k] ?? 0);
    let tax = 0;
    if (month === 12 * year || k === cf.length - 1) {
      const taxable = income - (dep[year - 1] ?? 0);
      if (loss === "NOL") {
        const used = taxable > 0 ? Math.min(nol, 0.8 * taxable) : 0;
        nol += taxable < 0 ? -taxable : -used;
        tax = taxable > 0 ? rate * (taxable - used) : 0;
      } else tax = rate * taxable;
      income = 0;
    }
    rows.push([month, c, tax, c - tax, nol]);
  });
  return rows;
};
const monthlyRate = (annual: number) => (1 + annual) ** (1 / 12) - 1;
export const DEBTCAPACITY = (cfads: N, annual: N, tenor: N, dscr: N, cap: N = null) => {
  const c = seriesOf(cfads);
  const v = 1 / (1 + monthlyRate(annual));
  let pv = 0;
  for (let m = tenor; m >= 1; m--) pv = (pv + Math.max(c[Math.min(m, c.length) - 1], 0)) * v;
  return cap === null ? pv / dscr : Math.min(cap, pv / dscr);
};
export const LOANSCHEDULE = (principal: N, annual: N, tenor: N, grace = 0, repayment = "LEVEL") => {
  const i = monthlyRate(annual);
  const rows: N[][] = [
    ["Month", "Opening balance (USD)", "Interest (USD)", "Principal (USD)", "Payment (USD)", "Closing balance (USD)"],
  ];
  let balance = principal;
  let level = 0;
  let straight = 0;
  for (let m = 1; m <= tenor; m++) {
    const interest = balance * i;
    if (m === grace + 1) {
      const n = tenor - grace;
      level = i === 0 ? balance / n : (balance * i) / (1 - (1 + i) ** -n);
      straight = balance / n;
    }
    const payment =
      m <= grace ? interest : m === tenor ? balance + interest : repayment === "LEVEL" ? level : straight + interest;
    const closing = m === tenor ? 0 : balance - (payment - interest);
    rows.push([m, balance, interest, payment - interest, payment, closing]);
    balance = closing;
  }
  return rows;
};
export const EQUITYIRR = (flows: N, capex: N, loan: N, service: N) => {
  const cf = seriesOf(flows);
  const ds = Array.isArray(service) ? seriesOf(service) : cf.map(() => service);
  return irrMonthly([loan - capex, ...cf.map((c, k) => c - (ds[k] ?? 0))]); // annual, as EQUITYIRR
};
