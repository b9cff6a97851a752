/*
 * COSTPERBTC in headless Chromium, as the issue measured it: the adapter on the decimal path alone,
 * the shipped adapter (fast path) and the float twin, in one page, medians of interleaved rounds after a
 * warm-up. The three are bundled by webpack (production mode, like functions.js) into one script.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { launchChromium } from "../test/support/browser";
import { repoRoot } from "../test/support/paths";

/** The page's side: the three functions and the interleaved timing (performance.now only). */
const entrySource = (root: string) => `
import ${JSON.stringify(path.join(root, "src/functions/outside-office"))};
import { costPerBtc } from ${JSON.stringify(path.join(root, "src/functions/costs"))};
import { DECIMAL_ADAPTERS } from ${JSON.stringify(path.join(root, "scripts/decimal-adapters"))};
import { COSTPERBTC as twin } from ${JSON.stringify(path.join(root, "scripts/bench-twins"))};
const valid = [0.05, 17.5, 1.5e14, 3.125, 0.03, 0.02, 0.001];
const varied = (i: number) => { const a = [...valid]; a[0] = 0.05 * (1 + (i % 97) * 1e-6); return a; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
(window as any).benchCostPerBtc = () => {
  const variants: [(...a: unknown[]) => unknown, number][] = [[DECIMAL_ADAPTERS.COSTPERBTC, 2000], [costPerBtc as any, 20000], [twin as any, 20000]];
  const times: number[][] = variants.map(() => []);
  let sink = 0, i = 0;
  for (let round = 0; round < 20; round++) variants.forEach(([fn, calls], k) => {
    const t = performance.now();
    for (let j = 0; j < calls; j++) sink += fn(...varied(i++)) as number;
    if (round >= 5) times[k].push(((performance.now() - t) * 1000) / calls);
  });
  return { decimalUs: median(times[0]), fastUs: median(times[1]), twinUs: median(times[2]), sink };
};
`;

async function bundle(dir: string): Promise<string> {
  const entry = path.join(dir, "entry.ts");
  fs.writeFileSync(entry, entrySource(repoRoot()));
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(
      {
        mode: "production",
        target: "web",
        context: repoRoot(),
        entry,
        output: { path: dir, filename: "bench.js" },
        resolve: { extensions: [".ts", ".js"] },
        resolveLoader: { modules: [path.join(repoRoot(), "node_modules")] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: { transpileOnly: true, configFile: path.join(repoRoot(), "tsconfig.json") },
              exclude: /node_modules/,
            },
          ],
        },
        performance: { hints: false },
      },
      (err, stats) => {
        const settle = () =>
          err
            ? reject(err)
            : stats?.hasErrors()
              ? reject(new Error(stats.toString({ all: false, errors: true })))
              : resolve();
        if (compiler) compiler.close(settle);
        else settle();
      },
    );
  });
  return fs.readFileSync(path.join(dir, "bench.js"), "utf8");
}

/** COSTPERBTC's per-call medians in Chromium (µs) and the ratios to the twin. */
export async function costPerBtcInChromium(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miner-bench-"));
  try {
    const script = await bundle(dir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: script });
      const r = (await page.evaluate("benchCostPerBtc()")) as Record<string, number>;
      const out = {
        decimalUs: r.decimalUs,
        fastUs: r.fastUs,
        twinUs: r.twinUs,
        fastOverTwin: r.fastUs / r.twinUs,
        decimalOverTwin: r.decimalUs / r.twinUs,
      };
      console.log(
        `\nCOSTPERBTC in headless Chromium (medians of 15 interleaved rounds): decimal ${r.decimalUs.toFixed(3)} µs, fast ${r.fastUs.toFixed(3)} µs, float twin ${r.twinUs.toFixed(3)} µs: fast ${out.fastOverTwin.toFixed(1)}× the twin (decimal ${out.decimalOverTwin.toFixed(0)}×)   target ≤ 20× ${out.fastOverTwin <= 20 ? "(met)" : "(MISSED)"}`,
      );
      return out;
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
