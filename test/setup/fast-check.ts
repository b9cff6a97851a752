/*
 * Property tests run with a fixed seed so that CI is reproducible; set FC_SEED to another number
 * (or "random") to explore further. A failure prints its seed and counterexample.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });
