#!/usr/bin/env node
/*
 * CI gate after `npm run build`: no file of a production dist/ (every one, text or binary: js,
 * html, json, xml, css, help pages, icons, licence notes) names this machine or a placeholder
 * host. A development leftover such as wss://localhost:3000 or a test hook's 127.0.0.1 would be
 * refused or dangerous on a user's machine. The manifest and the functions' metadata, which carry
 * the base URL, must not name an example.* host either: that would mean the base URL was guessed
 * (the pane's own help text may still show https://mempool.example.org as a sample address).
 * The build tools stay out of the code: no bundle carries HyperFormula (GPL-3.0, which calculates
 * the model workbook's cached values at build time) or an .xlsx writer (ExcelJS, which writes it).
 * The model workbook, MINER-model.xlsx, must be there (npm run build's last step writes it), its
 * parts, unzipped, are scanned like every other file, and every formula must carry its cached
 * value, none an error.
 * Usage: node scripts/check-dist.js [dist]
 */
const fs = require("fs");
const path = require("path");
const { allFiles } = require("./dist-files");

const FORBIDDEN = [/localhost/i, /127\.0\.0\.1/, /\[::1\]/, /0\.0\.0\.0/];
const PLACEHOLDER = /\bexample\.(com|org|net)\b/i;
const CARRIES_BASE_URL = /^(manifest\.xml|functions(\.[0-9a-f]+)?\.json)$/;
/** Code of the build tools, by strings their code carries: HyperFormula's name and licence key, an .xlsx writer's part names. */
const BUILD_TOOL_CODE = [/hyperformula/i, /gpl-v3/, /sharedStrings\.xml/];
const MODEL_WORKBOOK = "MINER-model.xlsx";

/** @returns {string[]} one line per finding: file, what, and the text around it */
function scanDist(dir) {
  const findings = [];
  for (const rel of allFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, rel)).toString("latin1"); // bytes as they are, binary included
    for (const re of CARRIES_BASE_URL.test(rel) ? [...FORBIDDEN, PLACEHOLDER] : FORBIDDEN) {
      const m = re.exec(text);
      if (m)
        findings.push(
          `${rel}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, " ")}…`,
        );
    }
    if (rel.endsWith(".js")) {
      for (const re of BUILD_TOOL_CODE) if (re.test(text)) findings.push(`${rel}: build-tool code in a bundle (${re})`);
    }
  }
  return findings;
}

/** The model workbook is there, and none of its parts, unzipped, names a local address. */
async function scanModelWorkbook(dir) {
  const file = path.join(dir, MODEL_WORKBOOK);
  if (!fs.existsSync(file)) return [`${MODEL_WORKBOOK} is missing: npm run build writes it (scripts/build-xlsx.js)`];
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const findings = [];
  for (const part of Object.keys(zip.files)) {
    const text = await zip.files[part].async("string");
    for (const re of FORBIDDEN) if (re.test(text)) findings.push(`${MODEL_WORKBOOK}/${part}: "${re.exec(text)[0]}"`);
  }
  return [...findings, ...(await modelValueFindings(zip))];
}

/**
 * The built file must show numbers on open: in each sheet's XML, every formula cell carries its
 * cached value (<v>, empty text included: t="str" with an empty <v>), and none is an error
 * (t="e"); a model with no formulas is no model. (Read as XML: ExcelJS reads an empty text back
 * as no value.)
 */
async function modelValueFindings(zip) {
  const findings = [];
  let formulas = 0;
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.files[part].async("string");
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>/]*)>(.*?)<\/c>/g)) {
      const [, address, attributes, inner] = m;
      if (!inner.includes("<f")) continue;
      formulas++;
      if (findings.length >= 20) continue;
      if (!/<v>[^<]*<\/v>|<v\/>/.test(inner))
        findings.push(`${MODEL_WORKBOOK}/${part}: ${address} has no cached value`);
      else if (/\bt="e"/.test(attributes)) findings.push(`${MODEL_WORKBOOK}/${part}: ${address} caches an error`);
    }
  }
  if (formulas === 0) findings.push(`${MODEL_WORKBOOK} holds no formula`);
  return findings;
}

if (require.main === module) {
  (async () => {
    const dir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
    const files = allFiles(dir);
    const findings = [...scanDist(dir), ...(await scanModelWorkbook(dir))];
    for (const f of findings) console.error(`dist check: ${f}`);
    if (findings.length) process.exit(1);
    console.log(
      `dist check: ${files.length} files in ${path.relative(process.cwd(), dir) || "."}, none names localhost, 127.0.0.1, ::1 or 0.0.0.0 (${MODEL_WORKBOOK}'s parts unzipped); ` +
        "manifest and metadata name no example.* host; no bundle carries HyperFormula or an .xlsx writer",
    );
  })();
}

module.exports = { scanDist, scanModelWorkbook };
