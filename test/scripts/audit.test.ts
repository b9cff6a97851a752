/*
 * The advisory gate: when npm audit cannot run it says COULD NOT CHECK with the reason, loudly,
 * and passes (CI here cannot reach the advisory service) unless --strict, which fails, and which
 * the release workflow runs; advisories fail it. A stand-in `npm` on PATH plays each answer, so
 * nothing reaches a registry.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../support/paths";

const FAKE_NPM = `#!/usr/bin/env node
const mode = process.env.FAKE_AUDIT;
if (process.argv[2] === "ls") { console.log("/x/node_modules/decimal.js"); process.exit(0); }
const vulns = (high) => JSON.stringify({ metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high, critical: 0, total: high } } });
if (mode === "unreachable") { console.log(JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk" })); process.exit(1); }
if (mode === "offline") { console.error("npm error code ECONNREFUSED"); console.error("npm error network request to https://registry.example failed"); process.exit(1); }
if (mode === "clean") { console.log(vulns(0)); process.exit(0); }
if (mode === "high") { console.log(vulns(2)); process.exit(1); }
if (mode === "garbage") { console.log("<html>502 Bad Gateway</html>"); process.exit(1); }
`;

let bin: string;
beforeAll(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), "miner-fake-npm-"));
  fs.writeFileSync(path.join(bin, "npm"), FAKE_NPM, { mode: 0o755 });
});
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

function audit(mode: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot(), "scripts/audit.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_AUDIT: mode, MINER_AUDIT_STRICT: "" },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test.each([
  ["unreachable", /reason: 405 Method Not Allowed - POST https:\/\/registry\.example/],
  ["offline", /reason: code ECONNREFUSED; network request to https:\/\/registry\.example failed/],
])("advisory service %s: COULD NOT CHECK with the reason, a CI warning, and a pass", (mode, reason) => {
  const r = audit(mode);
  expect(r.err).toMatch(/!!! npm audit: COULD NOT CHECK the shipped dependencies for advisories !!!/);
  expect(r.err).toMatch(reason);
  expect(r.out).toMatch(/^::warning title=npm audit could not check::/m);
  expect(r.status).toBe(0);
});

test.each(["unreachable", "garbage"])("--strict makes an unchecked audit fail: advisory service %s", (mode) => {
  const r = audit(mode, "--strict");
  expect(r.err).toMatch(/COULD NOT CHECK/);
  expect(r.err).toMatch(/--strict: failing, since the check is required here/);
  expect(r.status).toBe(2);
});

test("MINER_AUDIT_STRICT=1 is --strict", () => {
  const byEnv = spawnSync(process.execPath, [path.join(repoRoot(), "scripts/audit.js")], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_AUDIT: "offline", MINER_AUDIT_STRICT: "1" },
  });
  expect(byEnv.status).toBe(2);
});

test("the release workflow runs the strict audit after installing, before anything is built or published", () => {
  const workflow = fs.readFileSync(path.join(repoRoot(), ".github/workflows/release.yml"), "utf8");
  const testJob = workflow.slice(workflow.indexOf("\n  test:"), workflow.indexOf("\n  build:"));
  const steps = testJob.split("\n").map((l) => l.trim());
  const install = steps.findIndex((l) => /^- run: npm ci\b/.test(l));
  const strict = steps.findIndex((l) => /^(- )?run: node scripts\/audit\.js --strict$/.test(l));
  expect(install).toBeGreaterThan(0);
  expect(strict).toBeGreaterThan(install);
  expect(workflow).toMatch(/\n  build:\n    needs: test\n/); // nothing is built or published unless the test job, audit included, passed
});

test("high advisories fail the gate; none pass it, and it says which", () => {
  const high = audit("high");
  expect(high.status).toBe(1);
  expect(high.err).toMatch(/high or critical advisories in shipped dependencies/);
  const clean = audit("clean");
  expect(clean.status).toBe(0);
  expect(clean.out).toMatch(/shipped dependencies \(1\): decimal\.js/);
  expect(clean.out).toMatch(/no high or critical advisories/);
  expect(clean.err).not.toMatch(/COULD NOT CHECK/);
});
