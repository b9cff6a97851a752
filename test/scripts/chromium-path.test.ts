/*
 * Which browser the browser tests launch (scripts/chromium-path.js): CHROMIUM_PATH when set,
 * else Debian's headless shell, else Debian's full chromium, else none (ensure-chromium then
 * installs the headless shell or says what to install).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath } = require("../../scripts/chromium-path.js");

const SHELL = "/usr/bin/chromium-headless-shell";
const FULL = "/usr/bin/chromium";
const installed = (...exes: string[]) => (exe: string) => exes.includes(exe);

test("CHROMIUM_PATH wins, even over an installed headless shell", () => {
  expect(chromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" }, installed(SHELL, FULL))).toBe("/opt/chrome/chrome");
});

test("Debian's headless shell is preferred to the full chromium when both are installed", () => {
  expect(chromiumPath({}, installed(FULL, SHELL))).toBe(SHELL);
});

test("the full chromium is used when it is the only one", () => {
  expect(chromiumPath({}, installed(FULL))).toBe(FULL);
});

test("none installed and no CHROMIUM_PATH: undefined, not a path that does not exist", () => {
  expect(chromiumPath({}, installed())).toBeUndefined();
  expect(chromiumPath({ CHROMIUM_PATH: "" }, installed())).toBeUndefined();
});
