/*
 * Order of the test files: the browser suites first, the slowest first (they wait on Chromium,
 * fake servers and their production builds, which two of them compile at once on the two
 * workers), then the rest as jest orders them (slowest known first). A fresh clone has no timing
 * cache, so without this the order would follow file sizes.
 */
const Sequencer = require("@jest/test-sequencer").default;

// The first two compile the two production builds (with and without test hooks) at once, one on
// each worker; the other browser suites then share them.
const FIRST = [
  "taskpane/pane-market.test.ts",
  "bundle/bundle.test.ts",
  "taskpane/pane-a11y.test.ts",
  "taskpane/pane-excel.test.ts",
  "taskpane/pane-history.test.ts",
  "bundle/https-host.test.ts",
];
const rank = (test) => {
  const i = FIRST.findIndex((suffix) => test.path.endsWith(suffix));
  return i < 0 ? FIRST.length : i;
};

class BrowserSuitesFirst extends Sequencer {
  sort(tests) {
    const rest = super.sort(tests.filter((t) => rank(t) === FIRST.length));
    return [...tests.filter((t) => rank(t) < FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}

module.exports = BrowserSuitesFirst;
