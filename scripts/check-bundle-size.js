#!/usr/bin/env node
/*
 * CI gate: each production bundle stays within its budget (raw bytes as served; gzip shown).
 * functions.js is loaded by Excel for every workbook that uses MINER: it holds what every custom
 * function needs to answer, exactly (decimal.js without the parts MINER never calls, calc's decimal
 * paths, the argument reader, the market service the pane shares), within 180 KB (held there
 * until the market code leaves it). What only makes the answers faster, the certified fast paths,
 * is fast.js, a chunk functions.js asks for as it starts (src/calc/fast/lazy.ts), within 48 KB;
 * what only the pane's template tables read, the registry's words, is words.js, loaded by the
 * pane's page, within 20 KB (CONTRIBUTING.md, "The bundle"). BUDGETS below is the one place they
 * are set. taskpane.js holds only the pane's own code (it depends on functions.js and words.js,
 * webpack dependOn), so a second copy of decimal.js or calc in it would break its budget: mostly the
 * template model (its formulas and labels), 135 KB with the After tax & financing sheet, under
 * 140 KB, where a second decimal.js (~20 KB minified) would still be caught.
 * Usage: node scripts/check-bundle-size.js [dist]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { distFiles } = require("./dist-files");

const KB = 1024;
const BUDGETS = { functions: 180 * KB, fast: 48 * KB, words: 20 * KB, taskpane: 140 * KB };

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
