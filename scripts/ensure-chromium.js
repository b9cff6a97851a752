#!/usr/bin/env node
/*
 * The browser tests drive Debian's Chromium (never a downloaded browser). Before `npm test`, make
 * sure it is there: as root with apt-get available (a fresh CI or dev machine here) install the
 * Debian package; otherwise say what to install and stop.
 */
const fs = require("fs");
const { execSync } = require("child_process");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log(`[ensure-chromium] ${chromium} is missing: installing Debian's chromium package...`);
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  if (fs.existsSync(chromium)) process.exit(0);
}
console.error(`[ensure-chromium] The browser tests need Chromium at ${chromium}.
Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
process.exit(1);
