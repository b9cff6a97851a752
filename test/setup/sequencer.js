/*
 * Order of the test files: the bundle suite first (it compiles the production builds, the shipped
 * one and then the pane suites' test build, test/support/build.ts) while the other worker runs the
 * longest suite that needs no build; then the other browser suites, the slowest first (they wait
 * on Chromium and the fake servers); then the rest as jest orders them (slowest known first). A
 * fresh clone has no timing cache, so without this the order would follow file sizes.
 */
const Sequencer = require("@jest/test-sequencer").default;

const FIRST = [
  "bundle/bundle.test.ts",
  "template/model-engine.test.ts",
  "taskpane/pane-market.test.ts",
  "taskpane/pane-a11y.test.ts",
  "taskpane/pane-excel.test.ts",
  "taskpane/pane-history.test.ts",
  "taskpane/shipped-soak.test.ts",
  "bundle/https-host.test.ts",
];
const rank = (test) => {
  const i = FIRST.findIndex((suffix) => test.path.endsWith(suffix));
  return i < 0 ? FIRST.length : i;
};

class BuildsAndBrowsersFirst extends Sequencer {
  sort(tests) {
    const rest = super.sort(tests.filter((t) => rank(t) === FIRST.length));
    return [...tests.filter((t) => rank(t) < FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}

module.exports = BuildsAndBrowsersFirst;
