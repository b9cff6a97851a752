/**
 * Production webpack builds for the browser tests, as `npm run build` makes them, built once per
 * `npm test` and shared: the first suite that asks for a variant (plain production, or with test
 * hooks) compiles it in its jest worker and then, while webpack, TypeScript and the loaders are
 * loaded and warm, the other variant too (~3 s of CPU instead of ~8 s in another worker); every
 * caller gets its own copy of the output (a few hundred KB) that it may add files to or delete.
 *
 * The cache lives in MINER_TEST_BUILDS, a folder made by test/setup/global-setup.js and removed by
 * its teardown; a worker that finds a variant being built waits for it (a marker file), with no
 * timing assumption beyond a generous limit.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { repoRoot } from "./paths";

/** The production base URL the tests build with: an explicit https address on a reserved TLD (RFC 2606 .test). */
export const TEST_BASE_URL = "https://miner.test/addin/";
/** The support contact the tests build with, on the same reserved TLD. */
export const TEST_SUPPORT_URL = "https://miner.test/support/";
/** What lets a build name a .test host (scripts/manifest.js testHostAllowed): these builds are only served here. */
const TEST_HOST = { MINER_TEST_HOST: "1" };

const WAIT_LIMIT_MS = 10 * 60_000;

function cacheRoot(): string {
  if (!process.env.MINER_TEST_BUILDS) {
    // Run outside `npm test`'s global setup (e.g. the benchmark): a private cache for this process.
    process.env.MINER_TEST_BUILDS = fs.mkdtempSync(path.join(os.tmpdir(), "miner-builds-"));
    const dir = process.env.MINER_TEST_BUILDS;
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return process.env.MINER_TEST_BUILDS;
}

async function compile(out: string, env: Record<string, string>, webpackEnv: Record<string, unknown>): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(repoRoot(), "webpack.config.js"));
    const config = await makeConfig(webpackEnv, { mode: "production" });
    config.output.path = out;
    config.context = repoRoot();
    config.mode = "production";
    // The test-hooks variant is never shipped and the pane suites read none of its minified text:
    // not minifying it saves the run ~4 s of CPU. The shipped variant is minified, and bundle.test.ts,
    // https-host.test.ts and the shipped pane's soak (test/support/shipped-pane.ts) load that one in Chromium.
    if (webpackEnv.testHooks) config.optimization = { ...config.optimization, minimize: false };
    await new Promise<void>((resolve, reject) => {
      const compiler = webpack(config, (err, stats) => {
        const settle = () => {
          if (err) return reject(err);
          if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
          resolve();
        };
        // Closed either way, so nothing of webpack's (caches, minifier workers) outlives the build in this worker.
        if (compiler) compiler.close(settle);
        else settle();
      });
    });
  } finally {
    process.env = saved;
  }
}

type Variant = { env: Record<string, string>; webpackEnv: Record<string, unknown> };

/** The variants the browser suites ask for: the shipped build (bundle, https-host, the shipped pane's soak) and the pane suites' test build. */
const VARIANTS: Variant[] = [
  { env: { MINER_BASE_URL: TEST_BASE_URL, MINER_SUPPORT_URL: TEST_SUPPORT_URL, ...TEST_HOST }, webpackEnv: {} },
  { env: { MINER_BASE_URL: TEST_BASE_URL, MINER_SUPPORT_URL: TEST_SUPPORT_URL, ...TEST_HOST }, webpackEnv: { testHooks: true } },
];

const variantDir = ({ env, webpackEnv }: Variant) =>
  path.join(cacheRoot(), JSON.stringify({ env, webpackEnv }).replace(/[^A-Za-z0-9]+/g, "_").slice(0, 120));

/** Claims a variant's folder: true for exactly one worker (mkdir is atomic), which must then build it. */
function claim(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  }
}

/** Compiles a claimed variant, leaving .ready or .failed (with the reason) for the workers waiting on it. */
async function buildClaimed(dir: string, { env, webpackEnv }: Variant): Promise<void> {
  try {
    await compile(path.join(dir, "dist"), env, webpackEnv);
    fs.writeFileSync(path.join(dir, ".ready"), "");
  } catch (e) {
    fs.writeFileSync(path.join(dir, ".failed"), String((e as Error).message));
    throw e;
  }
}

/** The shared build of one variant, compiling it (and then the other known variants) if no worker has yet. */
async function sharedBuild(env: Record<string, string>, webpackEnv: Record<string, unknown>): Promise<string> {
  const asked: Variant = { env, webpackEnv };
  const dir = variantDir(asked);
  const ready = path.join(dir, ".ready");
  const failed = path.join(dir, ".failed");
  const out = path.join(dir, "dist");
  if (claim(dir)) {
    await buildClaimed(dir, asked);
    // The other variants now, while this worker's webpack is warm; a failure there is reported
    // to the suite that asks for that variant, not to this one.
    for (const other of VARIANTS) {
      const otherDir = variantDir(other);
      if (otherDir !== dir && claim(otherDir)) await buildClaimed(otherDir, other).catch(() => undefined);
    }
    return out;
  }
  const start = Date.now();
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(`the shared build failed in another worker:\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() - start > WAIT_LIMIT_MS) throw new Error(`gave up waiting for the shared build in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return out;
}

/**
 * A production build in a fresh temporary folder (the caller's to change and remove), as
 * `npm run build` makes dist/. MINER_BASE_URL defaults to TEST_BASE_URL and MINER_SUPPORT_URL to
 * TEST_SUPPORT_URL; `webpackEnv` passes
 * `--env` flags (e.g. {testHooks: true}).
 */
export async function buildProduction(env: Record<string, string> = {}, webpackEnv: Record<string, unknown> = {}): Promise<string> {
  const built = await sharedBuild({ MINER_BASE_URL: TEST_BASE_URL, MINER_SUPPORT_URL: TEST_SUPPORT_URL, ...TEST_HOST, ...env }, webpackEnv);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "miner-build-"));
  fs.cpSync(built, copy, { recursive: true });
  return copy;
}
