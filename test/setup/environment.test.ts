/*
 * test/setup/environment.js hands HyperFormula, decimal.js and fast-check to the test files from
 * outside the jest sandbox (the suites that use them run ~1.3–1.7× faster so). Each user falls
 * back to its own copy without that environment, which would pass every other test, only slower:
 * these pin that the libraries a test file gets really come from outside. An object a library
 * builds outside the sandbox is an array of the other realm: Array.isArray says yes,
 * `instanceof Array` (this sandbox's Array) says no.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { hyperformula, oneCell } from "../../scripts/hyperformula";

const otherRealmArray = (a: unknown) => Array.isArray(a) && !(a instanceof Array);

test("decimal.js is the copy loaded outside the sandbox: its digit arrays are built there", () => {
  const digits = (new Decimal("123456789.123456789") as unknown as { d: unknown }).d;
  expect(otherRealmArray(digits)).toBe(true);
  // ... and it is still the package's arithmetic, to the last digit.
  expect(new Decimal(1).div(3).toString()).toBe("0.33333333333333333333");
});

test("fast-check is the copy loaded outside the sandbox, seeded as the setup says", () => {
  const [sample] = fc.sample(fc.array(fc.nat(), { minLength: 1 }), 1);
  expect(otherRealmArray(sample)).toBe(true);
  expect(fc.readConfigureGlobal().seed).toBeDefined();
});

test("HyperFormula is the copy loaded outside the sandbox, and cells are handed to it as arrays of its side", () => {
  const hf = hyperformula.HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  expect(otherRealmArray(hf.getSheetNames())).toBe(true);
  const sheet = hf.getSheetId(hf.addSheet("S")) as number;
  hf.setCellContents({ sheet, row: 0, col: 0 }, oneCell(2));
  hf.setCellContents({ sheet, row: 0, col: 1 }, oneCell("=A1*21"));
  expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe(42);
  expect(() => oneCell([[1]])).toThrow(/a cell holds a number, text, a boolean or nothing/);
  hf.destroy();
});
