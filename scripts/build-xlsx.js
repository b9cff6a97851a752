#!/usr/bin/env node
/*
 * `npm run build`'s last step: dist/MINER-model.xlsx, the template model the pane's Insert model
 * writes (the same spec, copy 1, no MINER_Market links: its inputs hold their sourced defaults),
 * as a workbook that travels. Every formula is calculated here first by the build's formula
 * engine, which the template tests use too (HyperFormula, with the MINER functions registered
 * through the same adapters and calc module: scripts/formula-engine.ts), and the file caches each
 * value (scripts/model-xlsx.ts says how, and what Excel does on open). Nothing here reads test/.
 *
 * HyperFormula (GPL-3.0) and ExcelJS run here as build tools, like the compiler: no code of
 * theirs is in the file or anywhere in dist/ (scripts/check-dist.js checks the bundles).
 * Usage: node scripts/build-xlsx.js [out.xlsx]   (default dist/MINER-model.xlsx)
 */
const fs = require("fs");
const path = require("path");

const FILE_NAME = "MINER-model.xlsx";

async function main() {
  const started = Date.now();
  require("./ts-require");
  // The adapters throw CustomFunctions.Error: the stand-in the add-in uses outside Office.
  require("../src/functions/outside-office");
  const { buildModel } = require("../src/template/build");
  const { modelContents } = require("../src/template/contents");
  const { evaluate } = require("./formula-engine");
  const { modelXlsx } = require("./model-xlsx");

  const { spec, naming } = buildModel(1, new Set());
  const calculated = evaluate(modelContents(spec, naming));
  const errors = calculated.errors();
  if (errors.length)
    throw new Error(
      `the model calculates to errors, so no workbook is written:\n  ${errors.slice(0, 10).join("\n  ")}`,
    );
  const bytes = await modelXlsx(spec, naming, calculated);

  const out = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist", FILE_NAME));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${path.relative(process.cwd(), out)}: ${(bytes.length / 1024).toFixed(0)} KB, the template model with its calculated values (${seconds} s)`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`build-xlsx: ${e.message}`);
    process.exit(1);
  });
}

module.exports = { FILE_NAME };
