/** One `npm test` runs everything: calc, adapters, manifest, and the built bundle in headless Chromium. */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts", "<rootDir>/test/setup/fast-check.ts"],
  testTimeout: 30000,
};
