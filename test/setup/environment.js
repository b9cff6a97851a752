/*
 * Jest's Node environment, plus two libraries loaded once per worker outside the test files'
 * sandbox and handed to them: HyperFormula, the formula engine that stands in for Excel in the
 * template suites (test/support/formula-engine.ts), and decimal.js, the calc module's arithmetic
 * (test/setup/decimal.js, mapped in jest.config.js).
 *
 * Why: code run inside the sandbox (a vm context) pays for every global it names (Math, isNaN,
 * Array, ...) through the context's interceptors. HyperFormula names globals at every cell it
 * evaluates: the template's first calculation took 3.3 s inside the sandbox and 1.9 s in plain
 * Node. The calc module, the adapters and the template writer, the code under test, still load
 * inside each test file's own sandbox; only these two libraries' files are shared by the files a
 * worker runs. Neither keeps state a test could leave behind: HyperFormula's only shared state is
 * its function registry, which each template suite registers again; nothing in src or test calls
 * Decimal.set (discounting.ts takes its own Decimal.clone).
 *
 * Across the boundary, HyperFormula checks `instanceof Array` on the contents it is given, so
 * `oneCell` builds the [[value]] it takes on this side.
 */
const { TestEnvironment } = require("jest-environment-node");

class MinerTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const shared = {
      // Loaded on first use only: most suites never ask for it.
      get module() {
        return require("hyperformula");
      },
      oneCell: (value) => [[value]],
    };
    Object.defineProperty(this.global, "__MINER_HYPERFORMULA__", { value: shared, configurable: true });
    Object.defineProperty(this.global, "__MINER_DECIMAL__", { get: () => require("decimal.js"), configurable: true });
  }
}

module.exports = MinerTestEnvironment;
