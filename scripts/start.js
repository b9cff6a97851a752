#!/usr/bin/env node
/*
 * `npm start`: serves the add-in at https://localhost:3000 (webpack dev server, development
 * certificates) and sideloads manifest.xml into desktop Excel through Microsoft's
 * office-addin-debugging where that tool runs (Windows, macOS); elsewhere, or when it cannot,
 * it prints the manual steps.
 *
 * office-addin-debugging is not a dependency: its tree brings ~400 packages (the Microsoft 365
 * Agents Toolkit CLI, the Azure SDK) and keytar, a native module whose build fails on Linux
 * without libsecret, on every `npm ci`. It is used when installed (npm i -g office-addin-debugging,
 * or in node_modules), or fetched on demand with npx on Windows and macOS, where keytar ships
 * prebuilt. MINER_SIDELOAD=0 turns the sideload off; MINER_SIDELOAD=1 tries it on any platform.
 */
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
// An exact version: npx runs what it fetches, so never a range or "latest" (the manual steps print the same).
const DEBUGGING = "office-addin-debugging@7.0.0";

/**
 * The first formula a newcomer types, with what it returns: the README and docs print the same
 * one, and the formula test runs it through the shipped bundle.
 */
const FIRST_FORMULA = {
  formula: "=MINER.COSTPERBTC(0.05, 17.5, 1.5E14, 3.125)",
  result: "50,107.95",
  meaning: "USD of power per BTC mined at 5¢/kWh, 17.5 J/TH, difficulty 1.5E14 and a 3.125 BTC subsidy",
};

const MANUAL_STEPS = `
Sideload it once the server says "compiled successfully":
  Excel on the web: open a workbook > Home > Add-ins > More add-ins > My add-ins >
                    Upload My Add-in > choose ${MANIFEST}
  Excel desktop (Windows/Mac): npx ${DEBUGGING} start manifest.xml desktop --app excel
                    (Microsoft's tool; it needs keytar, which installs on Windows and macOS),
                    or copy manifest.xml to a shared-folder catalog (Trust Center >
                    Trusted Add-in Catalogs) and insert it from Add-ins > Shared Folder.
The browser or Excel must trust the development CA in ~/.office-addin-dev-certs/ca.crt.
`;

/** Printed on every start, sideloaded or not. */
const FIRST_STEPS = `Once MINER is loaded, type ${FIRST_FORMULA.formula} in a cell: it returns ${FIRST_FORMULA.result}
(${FIRST_FORMULA.meaning}). Live data: Home > MINER > Market data.
`;

/**
 * How to sideload, decided from the platform and the environment (pure, so it can be tested).
 * @returns {{sideload: false, why: string} | {sideload: true, command: string, args: string[]}}
 */
function sideloadPlan({ platform = process.platform, env = process.env, resolve = (id) => require.resolve(id) } = {}) {
  if (env.CI) return { sideload: false, why: "CI" };
  if (env.MINER_SIDELOAD === "0") return { sideload: false, why: "MINER_SIDELOAD=0" };
  const desktopExcel = platform === "win32" || platform === "darwin";
  if (!desktopExcel && env.MINER_SIDELOAD !== "1") return { sideload: false, why: `no desktop Excel on ${platform}` };
  const args = ["start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", "3000", "--no-debug"];
  let cli;
  try {
    cli = resolve("office-addin-debugging/cli.js");
  } catch {
    cli = undefined;
  }
  if (cli) return { sideload: true, command: process.execPath, args: [cli, ...args] };
  return { sideload: true, command: platform === "win32" ? "npx.cmd" : "npx", args: ["--yes", DEBUGGING, ...args] };
}

function main() {
  const plan = sideloadPlan();
  console.log(`\nMINER add-in: starting the dev server at https://localhost:3000 ...`);
  if (plan.sideload) console.log("Then sideloading manifest.xml into desktop Excel with office-addin-debugging.");
  else console.log(`(No automatic sideload: ${plan.why}.)${MANUAL_STEPS}`);
  console.log(FIRST_STEPS);

  const server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { stdio: "inherit", cwd: ROOT });
  server.on("exit", (code) => process.exit(code ?? 0));

  if (plan.sideload) {
    // office-addin-debugging waits for the dev server on port 3000, then opens Excel with the add-in.
    const sideload = spawn(plan.command, plan.args, { stdio: "inherit", cwd: ROOT });
    sideload.on("error", (e) => console.warn(`\nCould not run office-addin-debugging (${e.message}).${MANUAL_STEPS}`));
    sideload.on("exit", (code) => {
      if (code) console.warn(`\noffice-addin-debugging exited with ${code}; the dev server keeps running.${MANUAL_STEPS}`);
    });
  }
}

if (require.main === module) main();

module.exports = { sideloadPlan, MANUAL_STEPS, FIRST_STEPS, FIRST_FORMULA };
