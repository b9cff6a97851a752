#!/usr/bin/env node
/*
 * CI gate: each production bundle stays within its budget (raw bytes as served; gzip shown).
 * functions.js is loaded by Excel for every workbook that uses MINER and carries the code the
 * pane shares (decimal.js, calc, market service); taskpane.js holds only the pane's own code
 * (it depends on functions.js, webpack dependOn), so a second copy of decimal.js or calc in it
 * would break its budget. That code is mostly the template model (its formulas and labels), which
 * grows with the sheets: 104 KB with the Treasury and Risk sheets and the History writer (issues
 * 13, 16); 112.6 KB before the After tax & financing sheet and 135.3 KB with it (issue 23: its
 * formula builders and labels ~16 KB, its reconciliation, inputs and the Lease vs Mine credit and
 * tax-start formulas the rest), so 140 KB, where a second decimal.js (~32 KB minified) is still caught.
 * functions.js is 204 KB with the 52 functions (issue 22's fleet rules, breakeven search, timing
 * and least-squares Monte Carlo; the tax and debt functions; HISTORY's market code). 210 KB holds
 * it only until the words only the pane and the metadata read leave the bundle (target 150 KB).
 * Usage: node scripts/check-bundle-size.js [dist]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { distFiles } = require("./dist-files");

const KB = 1024;
const BUDGETS = { functions: 210 * KB, taskpane: 140 * KB };

/** @returns {{role: string, file: string, bytes: number, gzip: number, budget: number, ok: boolean}[]} */
function bundleSizes(dir) {
  const files = distFiles(dir);
  return Object.entries(BUDGETS).map(([role, budget]) => {
    const b = fs.readFileSync(path.join(dir, files[role]));
    return {
      role,
      file: files[role],
      bytes: b.length,
      gzip: zlib.gzipSync(b, { level: 9 }).length,
      budget,
      ok: b.length <= budget,
    };
  });
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
  const rows = bundleSizes(dir);
  for (const r of rows) {
    console.log(
      `${r.ok ? "ok  " : "OVER"} ${r.role}.js (${r.file}): ${(r.bytes / KB).toFixed(1)} KB (gzip ${(r.gzip / KB).toFixed(1)} KB), budget ${r.budget / KB} KB`,
    );
  }
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

module.exports = { bundleSizes, BUDGETS };
