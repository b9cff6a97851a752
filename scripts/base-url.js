#!/usr/bin/env node
/*
 * `npm run build` checks MINER_BASE_URL and MINER_SUPPORT_URL before webpack starts, so that a
 * missing, http, local or example.* address fails with one clear line instead of a stack trace
 * (webpack.config.js applies the same rules, scripts/manifest.js normaliseBaseUrl and
 * scripts/support-url.js supportContact, to every production build).
 */
const { normaliseBaseUrl } = require("./manifest");
const { supportContact } = require("./support-url");

try {
  console.log(`production base URL: ${normaliseBaseUrl(process.env.MINER_BASE_URL)}`);
  console.log(`support contact: ${supportContact(process.env.MINER_SUPPORT_URL).text}`);
} catch (e) {
  console.error(`npm run build: ${e.message}`);
  process.exit(1);
}
