/*
 * Jest's Node environment, plus three libraries loaded once per worker outside the test files'
 * sandbox and handed to them: HyperFormula, the formula engine that stands in for Excel in the
 * template suites (scripts/formula-engine.ts); decimal.js, the calc module's arithmetic
 * (test/setup/decimal.js, mapped in jest.config.js); and fast-check, the property tests' generator
 * (test/setup/fast-check.ts). All three come through one global, __MINER_OUTSIDE_SANDBOX__; each
 * user falls back to its own require when run without this environment (slower, same results).
 * test/setup/environment.test.ts pins that they do come from outside.
 *
 * Why: code run inside the sandbox (a vm context) pays for every global it names (Math, isNaN,
 * Array, ...) through the context's interceptors. HyperFormula names globals at every cell it
 * evaluates: the template's first calculation took 3.3 s inside the sandbox and 1.9 s in plain
 * Node. The seven suites that use fast-check took 54 CPU-s with it inside, 43 outside. The calc
 * module, the adapters and the template writer, the code under test, still load inside each test
 * file's own sandbox; only these libraries' files are shared by the files a worker runs. None keeps
 * state a test could leave behind: HyperFormula's only shared state is its function registry, which
 * each template suite registers again; nothing in src or test calls Decimal.set (discounting.ts
 * takes its own Decimal.clone); fast-check's global settings are the seed, set again by each file.
 *
 * Across the boundary, HyperFormula checks `instanceof Array` on the contents it is given, so
 * `oneCell` builds the [[value]] it takes on this side. A failing property still reports its seed,
 * path and shrunk counterexample (checked).
 */
const { TestEnvironment } = require("jest-environment-node");

/** What the test files get, as globalThis.__MINER_OUTSIDE_SANDBOX__: each library loaded on first use only. */
const OUTSIDE_SANDBOX = {
  get hyperformula() {
    return require("hyperformula");
  },
  get decimal() {
    return require("decimal.js");
  },
  get fastCheck() {
    return require("fast-check");
  },
  /** [[value]] built on this side, as HyperFormula's setCellContents checks it (`instanceof Array`). */
  oneCell: (value) => [[value]],
};

class MinerTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, "__MINER_OUTSIDE_SANDBOX__", { value: OUTSIDE_SANDBOX, configurable: true });
  }
}

module.exports = MinerTestEnvironment;
