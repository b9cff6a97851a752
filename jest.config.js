/**
 * One `npm test` runs everything: calc, adapters, manifest, and the built bundle in headless Chromium.
 * Two workers on this project's 2-core machines: the browser suites spend most of their time
 * waiting on Chromium and the fake servers, so a second worker runs the other suites meanwhile.
 * The production builds the browser suites load are made once and shared (test/support/build.ts).
 */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts", "<rootDir>/test/setup/fast-check.ts"],
  globalSetup: "<rootDir>/test/setup/global-setup.js",
  globalTeardown: "<rootDir>/test/setup/global-teardown.js",
  maxWorkers: 2,
  testSequencer: "<rootDir>/test/setup/sequencer.js",
  testTimeout: 30000,
};
