/*
 * `decimal.js` as the test files see it (jest.config.js maps the name here): the copy
 * test/setup/environment.js loaded once per worker outside the test sandbox, where its arithmetic
 * runs without the sandbox's cost on every global it names. The same library file, the same
 * numbers: only where it is loaded changes. Run without that environment, the package's own file.
 */
module.exports = globalThis.__MINER_OUTSIDE_SANDBOX__?.decimal ?? require("decimal.js/decimal.js");
