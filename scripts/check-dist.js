#!/usr/bin/env node
/*
 * CI gate after `npm run build`: no file of a production dist/ (every one, text or binary: js,
 * html, json, xml, css, help pages, icons, licence notes) names this machine or a placeholder
 * host. A development leftover such as wss://localhost:3000 or a test hook's 127.0.0.1 would be
 * refused or dangerous on a user's machine. The manifest and the functions' metadata, which carry
 * the base URL, must not name an example.* host either: that would mean the base URL was guessed
 * (the pane's own help text may still show https://mempool.example.org as a sample address).
 * Usage: node scripts/check-dist.js [dist]
 */
const fs = require("fs");
const path = require("path");
const { allFiles } = require("./dist-files");

const FORBIDDEN = [/localhost/i, /127\.0\.0\.1/, /\[::1\]/, /0\.0\.0\.0/];
const PLACEHOLDER = /\bexample\.(com|org|net)\b/i;
const CARRIES_BASE_URL = /^(manifest\.xml|functions(\.[0-9a-f]+)?\.json)$/;

/** @returns {string[]} one line per finding: file, what, and the text around it */
function scanDist(dir) {
  const findings = [];
  for (const rel of allFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, rel)).toString("latin1"); // bytes as they are, binary included
    for (const re of CARRIES_BASE_URL.test(rel) ? [...FORBIDDEN, PLACEHOLDER] : FORBIDDEN) {
      const m = re.exec(text);
      if (m) findings.push(`${rel}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, " ")}…`);
    }
  }
  return findings;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
  const files = allFiles(dir);
  const findings = scanDist(dir);
  for (const f of findings) console.error(`dist check: ${f}`);
  if (findings.length) process.exit(1);
  console.log(`dist check: ${files.length} files in ${path.relative(process.cwd(), dir) || "."}, none names localhost, 127.0.0.1, ::1 or 0.0.0.0; manifest and metadata name no example.* host`);
}

module.exports = { scanDist };
