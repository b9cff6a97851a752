#!/usr/bin/env node
/*
 * Fails (exit 1) when the functions.json the registry writes (src/functions/metadata.ts) breaks a
 * rule Excel enforces (scripts/metadata.js: `metadataProblems`). The build fails the same way;
 * the tests read the metadata through `checkMetadata`.
 * Usage: node scripts/check-metadata.js
 */
const { metadataProblems, registryMetadata } = require("./metadata");

/** The registry's functions.json (or the one given) and what is wrong with it. */
function checkMetadata(metadata = registryMetadata().metadata) {
  return { problems: metadataProblems(metadata), metadata };
}

if (require.main === module) {
  const { problems, metadata } = checkMetadata();
  if (problems.length) {
    for (const p of problems) console.error(`metadata error: ${p}`);
    process.exit(1);
  }
  console.log(`metadata OK: ${metadata.functions.length} functions`);
}

module.exports = { checkMetadata };
