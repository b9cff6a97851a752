/*
 * `npm start` sideloads through office-addin-debugging only where desktop Excel exists and the
 * tool can run (Windows, macOS); on Linux and in CI it prints the manual steps. The decision is
 * scripts/start.js sideloadPlan, checked here for each case without starting anything.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sideloadPlan, MANUAL_STEPS, FIRST_STEPS, FIRST_FORMULA } = require("../../scripts/start.js");

const missing = () => {
  throw new Error("not installed");
};

test("on Linux it does not sideload and the manual steps say how (Excel on the web, or the tool on Windows/Mac)", () => {
  expect(sideloadPlan({ platform: "linux", env: {}, resolve: missing })).toEqual({ sideload: false, why: "no desktop Excel on linux" });
  expect(MANUAL_STEPS).toMatch(/Upload My Add-in/);
  expect(MANUAL_STEPS).toMatch(/npx office-addin-debugging@7\.0\.0 start manifest\.xml desktop --app excel/);
});

test("in CI, or with MINER_SIDELOAD=0, it never sideloads", () => {
  expect(sideloadPlan({ platform: "win32", env: { CI: "true" }, resolve: missing }).sideload).toBe(false);
  expect(sideloadPlan({ platform: "darwin", env: { MINER_SIDELOAD: "0" }, resolve: missing }).sideload).toBe(false);
});

test("on Windows and macOS it runs office-addin-debugging: the installed copy when there is one, else npx fetches it", () => {
  const installed = sideloadPlan({ platform: "darwin", env: {}, resolve: () => "/g/office-addin-debugging/cli.js" });
  expect(installed).toMatchObject({ sideload: true, command: process.execPath });
  expect(installed.args.slice(0, 4)).toEqual(["/g/office-addin-debugging/cli.js", "start", expect.stringMatching(/manifest\.xml$/), "desktop"]);
  expect(installed.args).toEqual(expect.arrayContaining(["--app", "excel", "--dev-server-port", "3000"]));
  const fetched = sideloadPlan({ platform: "win32", env: {}, resolve: missing });
  expect(fetched).toMatchObject({ sideload: true, command: "npx.cmd" });
  // npx runs what it fetches: an exact version, never a range or a tag such as latest.
  expect(fetched.args.slice(0, 3)).toEqual(["--yes", expect.stringMatching(/^office-addin-debugging@\d+\.\d+\.\d+$/), "start"]);
  expect(sideloadPlan({ platform: "linux", env: { MINER_SIDELOAD: "1" }, resolve: missing })).toMatchObject({ sideload: true, command: "npx" });
});

test("every start prints a first formula that works today (the subsidy given) with what it returns; the formula test runs it", () => {
  expect(FIRST_FORMULA.formula).toBe("=MINER.COSTPERBTC(0.05, 17.5, 1.5E14, 3.125)");
  expect(FIRST_STEPS).toContain(`type ${FIRST_FORMULA.formula} in a cell: it returns ${FIRST_FORMULA.result}`);
  expect(FIRST_STEPS).toMatch(/Home > MINER > Market data/);
  // The sideload steps no longer carry a formula of their own (the old one lacked the subsidy: #VALUE!).
  expect(MANUAL_STEPS).not.toMatch(/=MINER\./);
});
