/*
 * `node scripts/check-engines.js`: runs the simulation probe (test/engines/probe.ts) in every
 * JavaScript engine found here and compares the digests of its numbers with those recorded in
 * test/engines/probe.golden.json (which the Node test suite also checks). Engines: Node (V8);
 * JavaScriptCore, the engine of Excel on the Mac, when its shell is installed (`jsc`, Debian's
 * libjavascriptcoregtk-4.0-bin); headless Chromium (V8 as in WebView2) when Debian's headless shell or chromium,
 * or CHROMIUM_PATH, exists (scripts/chromium-path.js). Needs no network. Exits 1 when any engine disagrees.
 * `--record` rewrites the recorded digests, only when every engine found agrees (after a
 * deliberate change to the simulation's numbers; say so in the commit).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const webpack = require("webpack");

const root = path.resolve(__dirname, "..");
const golden = JSON.parse(fs.readFileSync(path.join(root, "test/engines/probe.golden.json"), "utf8"));

function bundle() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "miner-probe-"));
  const config = {
    mode: "production",
    target: ["web", "es2020"],
    context: root,
    entry: "./test/engines/probe-entry.ts",
    output: { path: out, filename: "probe.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "node" } },
        },
      ],
    },
    optimization: { minimize: false },
    performance: { hints: false },
    // One file, as each engine loads it: the calc module's lazy fast-path chunk is inlined.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || stats.hasErrors()) return reject(err || new Error(stats.toString({ all: false, errors: true })));
      resolve(path.join(out, "probe.js"));
    }),
  );
}

function which(cmd) {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The WebKitGTK version of Debian's jsc, when dpkg knows it. */
function jscVersion() {
  try {
    return `(WebKitGTK ${execFileSync("dpkg-query", ["-W", "-f", "${Version}", "libjavascriptcoregtk-4.0-bin"], { encoding: "utf8" })})`;
  } catch {
    return "";
  }
}

async function inChromium(file) {
  const exe = require("./chromium-path.js").chromiumPath();
  if (!exe || !fs.existsSync(exe)) return undefined;
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({ executablePath: exe, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const printed = [];
    page.on("console", (m) => printed.push(m.text()));
    await page.addScriptTag({ content: fs.readFileSync(file, "utf8") });
    return { name: `Chromium ${browser.version()}`, out: printed.join("\n") };
  } finally {
    await browser.close();
  }
}

async function main() {
  const file = await bundle();
  const runs = [{ name: `Node ${process.version}`, out: execFileSync(process.execPath, [file], { encoding: "utf8" }) }];
  const jsc = which("jsc");
  if (jsc) runs.push({ name: `JavaScriptCore ${jscVersion()}`.trim(), out: execFileSync(jsc, [file], { encoding: "utf8" }) });
  else console.log("JavaScriptCore: not installed (apt-get install libjavascriptcoregtk-4.0-bin), skipped");
  const chrome = await inChromium(file);
  if (chrome) runs.push(chrome);
  else console.log("Chromium: not found, skipped");
  const results = runs.map((r) => ({ ...r, got: JSON.parse(r.out.trim().split("\n").pop()) }));
  if (process.argv.includes("--record")) {
    const all = new Set(results.map((r) => JSON.stringify(r.got.digests)));
    if (all.size !== 1) throw new Error("the engines disagree: nothing recorded");
    const record = {
      engines: results.map((r) => r.name),
      digests: results[0].got.digests,
      samples: results[0].got.samples,
    };
    fs.writeFileSync(path.join(root, "test/engines/probe.golden.json"), JSON.stringify(record, null, 2) + "\n");
    golden.digests = record.digests;
  }
  let bad = 0;
  for (const r of results) {
    const got = r.got;
    const same = JSON.stringify(got.digests) === JSON.stringify(golden.digests);
    if (!same) bad++;
    console.log(`${same ? "same" : "DIFFERENT"}  ${r.name}: ${JSON.stringify(got.digests)}`);
    if (!same) console.log(`  samples: ${JSON.stringify(got.samples)}`);
  }
  console.log(`recorded: ${JSON.stringify(golden.digests)}`);
  process.exit(bad ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
