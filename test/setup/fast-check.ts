/*
 * Property tests run with a fixed seed so that CI is reproducible; set FC_SEED to another number
 * (or "random") to explore further. A failure prints its seed and counterexample.
 *
 * Configured when a test file first imports fast-check, not here: loading it in every suite cost
 * ~0.3 s of CPU per file, and most files use no property.
 */
jest.mock("fast-check", () => {
  // The copy test/setup/environment.js loads outside the sandbox, when there is one.
  type FastCheck = typeof import("fast-check");
  const outside = (globalThis as { __MINER_OUTSIDE_SANDBOX__?: { fastCheck: FastCheck } }).__MINER_OUTSIDE_SANDBOX__;
  const fc: FastCheck = outside?.fastCheck ?? jest.requireActual<FastCheck>("fast-check");
  const seed = process.env.FC_SEED;
  if (seed !== "random") fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });
  return fc;
});
