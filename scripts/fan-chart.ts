/*
 * `npm run fan-chart`: docs/fan-chart.png, the README's PRICEQUANTILES example drawn as a fan chart.
 *
 * Computes =MINER.PRICEQUANTILES(91000, 0.01, 0.5, 120, {0.1,0.5,0.9}, 10000, 1) through the Excel
 * adapter (the numbers a cell shows), draws them as an inline SVG (the band between P10 and P90,
 * the three quantile lines, and the mean path 91,000 × 1.01^t for reference) on a log price axis,
 * and has headless Chromium (Debian's, test/support/browser.ts) render and screenshot it. Nothing
 * is fetched: the page is set from the numbers.
 */
import * as fs from "fs";
import * as path from "path";
import "../src/functions/outside-office"; // the CustomFunctions global, as outside Office
import { priceQuantilesFn } from "../src/functions/risk";
import { launchChromium } from "../test/support/browser";

const EXAMPLE = { btcPrice: 91_000, growth: 0.01, vol: 0.5, months: 120, quantiles: [0.1, 0.5, 0.9], paths: 10_000, seed: 1 };
const OUT = path.resolve(__dirname, "../../docs/fan-chart.png");

const W = 900;
const H = 520;
const PAD = { left: 84, right: 120, top: 84, bottom: 70 };

/** The SVG of a fan: rows of [month, P10, P50, P90, ...SEs]. */
export function fanSvg(rows: number[][], meanPath: (t: number) => number): string {
  const months = rows[rows.length - 1][0];
  const lows = rows.map((r) => r[1]);
  const highs = rows.map((r) => r[3]);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...lows)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...highs, meanPath(months))));
  const x = (t: number) => PAD.left + (t / months) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - Math.log(v / yMin) / Math.log(yMax / yMin)) * (H - PAD.top - PAD.bottom);
  const line = (k: number) => rows.map((r) => `${x(r[0]).toFixed(1)},${y(r[k]).toFixed(1)}`).join(" ");
  const band = `${line(1)} ${[...rows].reverse().map((r) => `${x(r[0]).toFixed(1)},${y(r[3]).toFixed(1)}`).join(" ")}`;
  const mean = rows.map((r) => `${x(r[0]).toFixed(1)},${y(meanPath(r[0])).toFixed(1)}`).join(" ");
  const ticks: string[] = [];
  for (let decade = yMin; decade < yMax; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const v = decade * m;
      if (v < yMin || v > yMax) continue;
      const label = v >= 1e6 ? `$${v / 1e6}M` : `$${v / 1e3}k`;
      ticks.push(
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>` +
          `<text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end">${label}</text>`,
      );
    }
  }
  const years = Array.from({ length: months / 12 + 1 }, (_, k) =>
    `<line x1="${x(12 * k)}" x2="${x(12 * k)}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom + 5}" stroke="#555"/>` +
      `<text x="${x(12 * k)}" y="${H - PAD.bottom + 20}" text-anchor="middle">${k}</text>`,
  ).join("");
  const end = rows[rows.length - 1];
  const endLabel = (v: number, text: string, color: string) =>
    `<text x="${x(months) + 8}" y="${y(v) + 4}" fill="${color}">${text} $${Math.round(v / 1000)}k</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="Segoe UI, DejaVu Sans, sans-serif" font-size="13">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${PAD.left}" y="28" font-size="18" font-weight="bold">BTC price fan, USD per BTC: P10, P50 and P90 by month</text>
<text x="${PAD.left}" y="50" font-family="DejaVu Sans Mono, monospace">=MINER.PRICEQUANTILES(91000, 0.01, 0.5, 120, {0.1,0.5,0.9}, 10000, 1)</text>
<text x="${PAD.left}" y="70" fill="#555">$91,000 today, mean growth 1% a month, 50% annual volatility; 10,000 simulated paths, seed 1; log scale</text>
${ticks.join("\n")}
<polygon points="${band}" fill="#9ecae1" fill-opacity="0.45" stroke="none"/>
<polyline points="${line(1)}" fill="none" stroke="#3182bd" stroke-width="2"/>
<polyline points="${line(3)}" fill="none" stroke="#3182bd" stroke-width="2"/>
<polyline points="${line(2)}" fill="none" stroke="#08519c" stroke-width="3"/>
<polyline points="${mean}" fill="none" stroke="#d95f0e" stroke-width="2" stroke-dasharray="6 4"/>
${endLabel(end[3], "P90", "#3182bd")}
${endLabel(end[2], "P50", "#08519c")}
${endLabel(end[1], "P10", "#3182bd")}
${endLabel(meanPath(months), "mean", "#d95f0e")}
<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" stroke="#555"/>
<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#555"/>
${years}
<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 24}" text-anchor="middle">years from today (the table has one row a month)</text>
<text x="${PAD.left}" y="${H - 6}" fill="#555" font-size="11">The band is P10 to P90; the median falls below the mean path because the price is log-normal: the mean is pulled up by the rare high paths.</text>
</svg>`;
}

async function main(): Promise<void> {
  const { btcPrice, growth, vol, months, quantiles, paths, seed } = EXAMPLE;
  const table = priceQuantilesFn(btcPrice, growth, vol, months, [quantiles], paths, seed) as (string | number)[][];
  const rows = table.slice(1) as number[][];
  const svg = fanSvg(rows, (t) => btcPrice * (1 + growth) ** t);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: W, height: H } });
  } finally {
    await browser.close();
  }
  const last = rows[rows.length - 1];
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: month ${last[0]} P10 ${last[1].toFixed(0)}, P50 ${last[2].toFixed(0)}, P90 ${last[3].toFixed(0)} USD`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
