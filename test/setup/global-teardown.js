/* Removes the shared builds made during this `npm test` (see global-setup.js). */
const fs = require("fs");

module.exports = async () => {
  if (process.env.MINER_TEST_BUILDS) fs.rmSync(process.env.MINER_TEST_BUILDS, { recursive: true, force: true });
};
