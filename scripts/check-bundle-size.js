#!/usr/bin/env node
/* CI gate: the production functions.js (loaded by Excel for every workbook using MINER) stays within its budget. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGETS = { "functions.js": 150 * 1024, "taskpane.js": 150 * 1024 };
let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const b = fs.readFileSync(path.resolve(__dirname, "..", "dist", file));
  const ok = b.length <= budget;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"} ${file}: ${(b.length / 1024).toFixed(1)} KB (gzip ${(zlib.gzipSync(b).length / 1024).toFixed(1)} KB), budget ${budget / 1024} KB`);
}
process.exit(failed ? 1 : 0);
