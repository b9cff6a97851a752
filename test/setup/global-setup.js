/*
 * Once per `npm test`: a folder in which the browser suites share their production builds
 * (test/support/build.ts). Jest starts its workers after this, so they inherit the variable.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async () => {
  process.env.MINER_TEST_BUILDS = fs.mkdtempSync(path.join(os.tmpdir(), "miner-builds-"));
};
