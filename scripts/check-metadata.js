#!/usr/bin/env node
/*
 * Fails (exit 1) when the custom-functions metadata has errors. The custom-functions-metadata
 * CLI prints "Errors found" and still exits 0, so it cannot gate a build on its own; the
 * webpack plugin fails the build, and this script does the same for any file list (tests use it).
 * Usage: node scripts/check-metadata.js [file.ts ...]   (default: the add-in's function files)
 */
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata/lib/generate");

const DEFAULT_FILES = require("./function-files");

async function checkMetadata(files) {
  const result = await generateCustomFunctionsMetadata(files.map((f) => path.resolve(f)), false);
  const problems = [...result.errors];
  let metadata = { functions: [] };
  if (problems.length === 0) {
    metadata = JSON.parse(result.metadataJson);
    if (metadata.functions.length === 0) problems.push("no @customfunction found");
  }
  return { problems, metadata };
}

if (require.main === module) {
  const files = process.argv.slice(2);
  checkMetadata(files.length ? files : DEFAULT_FILES).then(({ problems, metadata }) => {
    if (problems.length) {
      for (const p of problems) console.error(`metadata error: ${p}`);
      process.exit(1);
    }
    console.log(`metadata OK: ${metadata.functions.length} functions`);
  });
}

module.exports = { checkMetadata, DEFAULT_FILES };
