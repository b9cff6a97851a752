/** Runs the production webpack build into a temporary folder, as `npm run build` does into dist/. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { repoRoot } from "./paths";

export async function buildProduction(env: Record<string, string> = {}, webpackEnv: Record<string, unknown> = {}): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "miner-build-"));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(repoRoot(), "webpack.config.js"));
    const config = await makeConfig(webpackEnv, { mode: "production" });
    config.output.path = out;
    config.context = repoRoot();
    config.mode = "production";
    await new Promise<void>((resolve, reject) => {
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    });
  } finally {
    process.env = saved;
  }
  return out;
}
