#!/usr/bin/env node
/*
 * The browser tests drive Debian's Chromium (never a downloaded browser): the headless shell
 * (package chromium-headless-shell) when installed, else the full browser (package chromium), or
 * CHROMIUM_PATH (scripts/chromium-path.js). Before `npm test`, make sure one is there: as root
 * with apt-get available (a fresh CI or dev machine here) install Debian's headless shell;
 * otherwise say what to install and stop.
 */
const fs = require("fs");
const { execSync } = require("child_process");
const { chromiumPath } = require("./chromium-path.js");

const found = chromiumPath();
if (found && fs.existsSync(found)) {
  if (found === "/usr/bin/chromium") {
    console.log("[ensure-chromium] using /usr/bin/chromium; Debian's chromium-headless-shell package makes the browser tests about 40 % lighter.");
  }
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`[ensure-chromium] CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log("[ensure-chromium] no Chromium found: installing Debian's chromium-headless-shell package...");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell", { stdio: "inherit" });
  if (chromiumPath()) process.exit(0);
}
console.error(`[ensure-chromium] The browser tests need Debian's Chromium: /usr/bin/chromium-headless-shell or /usr/bin/chromium.
Install one (Debian: sudo apt-get install chromium-headless-shell, or chromium) or set CHROMIUM_PATH.`);
process.exit(1);
