/*
 * test/setup/fast-check.ts seeds fast-check when a test file imports it: property runs are the same
 * on every machine unless FC_SEED asks for another seed (or "random").
 */
import fc from "fast-check";

test("property runs use the project's fixed seed, or FC_SEED's", () => {
  const asked = process.env.FC_SEED;
  if (asked === "random") return;
  expect(fc.readConfigureGlobal().seed).toBe(asked ? Number(asked) : 20261125);
});
