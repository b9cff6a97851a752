/*
 * The built files of a dist/ folder by role. Production names carry a content hash
 * (functions.<hash>.js), so scripts and tests look them up here rather than guess.
 */
const fs = require("fs");
const path = require("path");

const ROLES = {
  functions: /^functions(\.[0-9a-f]+)?\.js$/,
  /** The certified fast paths, a chunk functions.js loads as it starts (src/calc/fast/lazy.ts). */
  fast: /^fast(\.[0-9a-f]+)?\.js$/,
  /** The live-data code, a chunk loaded by the first live cell, MINER.HISTORY cell or the pane (src/market/lazy.ts). */
  market: /^market(\.[0-9a-f]+)?\.js$/,
  /** The registry's words for the pane (scripts/registry-words-loader.js). */
  words: /^words(\.[0-9a-f]+)?\.js$/,
  metadata: /^functions(\.[0-9a-f]+)?\.json$/,
  taskpane: /^taskpane(\.[0-9a-f]+)?\.js$/,
  css: /^taskpane(\.[0-9a-f]+)?\.css$/,
};

/** @returns {{functions: string, fast: string, market: string, words: string, metadata: string, taskpane: string, css: string}} file names in dir */
function distFiles(dir) {
  const names = fs.readdirSync(dir);
  const out = {};
  for (const [role, re] of Object.entries(ROLES)) {
    const found = names.filter((n) => re.test(n));
    if (found.length !== 1) throw new Error(`${dir}: expected one ${role} file, found ${found.length ? found.join(", ") : "none"}`);
    out[role] = found[0];
  }
  return out;
}

/** Every file under dir (relative paths, sorted). */
function allFiles(dir, rel = "") {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

module.exports = { distFiles, allFiles };
