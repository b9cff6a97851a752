/**
 * One `npm test` runs everything: calc, adapters, manifest, and the built bundle in headless Chromium.
 * Two workers on this project's 2-core machines: the browser suites spend most of their time
 * waiting on Chromium and the fake servers, so a second worker runs the other suites meanwhile.
 * The production builds the browser suites load are made once and shared (test/support/build.ts).
 */
// A larger young generation for the workers (inherited through the environment): the template and
// simulation suites allocate heavily, and with Node's default 16 MB semi-space about a sixth of
// their time went to scavenges. Measured: the non-browser suites took ~15% less CPU at 32 MB.
if (!/--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "")) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-semi-space-size=32`.trim();
}

module.exports = {
  // HyperFormula, decimal.js and fast-check load once per worker outside the test sandbox (why: test/setup/environment.js).
  testEnvironment: "<rootDir>/test/setup/environment.js",
  moduleNameMapper: { "^decimal\\.js$": "<rootDir>/test/setup/decimal.js" },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts", "<rootDir>/test/setup/fast-check.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup/matchers.ts"],
  globalSetup: "<rootDir>/test/setup/global-setup.js",
  globalTeardown: "<rootDir>/test/setup/global-teardown.js",
  maxWorkers: 2,
  testSequencer: "<rootDir>/test/setup/sequencer.js",
  testTimeout: 30000,
};
