#!/usr/bin/env node
/*
 * `npm run build` checks MINER_BASE_URL before webpack starts, so that a missing, http, local or
 * example.* address fails with one clear line instead of a stack trace (webpack.config.js applies
 * the same rule, scripts/manifest.js normaliseBaseUrl, to every production build).
 */
const { normaliseBaseUrl } = require("./manifest");

try {
  console.log(`production base URL: ${normaliseBaseUrl(process.env.MINER_BASE_URL)}`);
} catch (e) {
  console.error(`npm run build: ${e.message}`);
  process.exit(1);
}
