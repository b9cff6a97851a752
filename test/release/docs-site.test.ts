/*
 * The guides as the site publishes them (scripts/docs-site.js, run by the build) and the support
 * contact a release must name (scripts/support-url.js): links between guides resolve, the
 * renderer passes no HTML of the Markdown through, and a production build without a contact is
 * refused. The built pages themselves are checked in test/bundle/bundle.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { siteHref, slugger } = require("../../scripts/docs-site.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { supportContact } = require("../../scripts/support-url.js");

const ROOT = path.resolve(__dirname, "../..");
const DOCS = path.join(ROOT, "docs");
const GUIDES = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md"));

/** The anchors a guide's headings get (GitHub's, and the site's: the same slugger). */
function anchors(file: string): Set<string> {
  const slug = slugger();
  return new Set([...fs.readFileSync(file, "utf8").matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1])));
}

test("every link between the README and the guides resolves, anchors included", () => {
  const sources = [path.join(ROOT, "README.md"), ...GUIDES.map((g) => path.join(DOCS, g))];
  const broken: string[] = [];
  let checked = 0;
  for (const source of sources) {
    const text = fs.readFileSync(source, "utf8").replace(/```[\s\S]*?```/g, "");
    for (const [, href] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const [file, anchor] = href.split("#");
      const target = file ? path.resolve(path.dirname(source), file) : source;
      const where = `${path.relative(ROOT, source)} → ${href}`;
      if (!fs.existsSync(target)) broken.push(`${where}: no such file`);
      else if (anchor && target.endsWith(".md") && !anchors(target).has(anchor)) broken.push(`${where}: no such heading`);
      checked++;
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(60);
});

test("on the site a link to a guide goes to its page, the reference to the help pages, and repository files stay text", () => {
  const missing = new Set<string>();
  expect(siteHref("costs.md", GUIDES, missing)).toBe("costs.html");
  expect(siteHref("market-data.md#live-cells-that-stay-live", GUIDES, missing)).toBe(
    "market-data.html#live-cells-that-stay-live",
  );
  expect(siteHref("README.md", GUIDES, missing)).toBe("index.html");
  expect(siteHref("functions.md#minercostperbtc", GUIDES, missing)).toBe("../help/COSTPERBTC.html");
  expect(siteHref("functions.md", GUIDES, missing)).toBe("../help/index.html");
  expect(siteHref("../CONTRIBUTING.md", GUIDES, missing)).toBeUndefined();
  expect(siteHref("fan-chart.png", GUIDES, missing)).toBe("fan-chart.png");
  expect(siteHref("no-such-guide.md", GUIDES, missing)).toBeUndefined();
  expect([...missing]).toEqual(["no-such-guide.md"]);
});

test("the renderer shows raw HTML as text, names the support contact, links the model workbook, and gives headings GitHub's anchors", () => {
  // marked is an ES module: render in plain Node, as the build does.
  const script = `import("marked").then(({ Marked }) => {
    const { renderGuide } = require("./scripts/docs-site.js");
    const md = "# Support\\n\\n<!-- support-contact -->\\n\\n<!-- model-workbook-download -->\\n\\n<script>alert(1)</script>\\n\\n## Live cells: F9, and Refresh All\\n\\n[costs](costs.md) [code](../src/calc/costs.ts)";
    process.stdout.write(renderGuide(md, { Marked, guides: ["costs.md"], contact: { href: "mailto:help@miner.test", text: "help@miner.test" } }));
  })`;
  const html = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain('<strong>Contact:</strong> <a href="mailto:help@miner.test">help@miner.test</a>');
  // The model workbook sits beside the pane, one folder up from the guides.
  expect(html).toContain('<strong>Download:</strong> <a href="../MINER-model.xlsx">MINER-model.xlsx</a>');
  expect(html).not.toContain("model-workbook-download");
  expect(html).toContain('<h2 id="live-cells-f9-and-refresh-all">');
  expect(html).toContain('<a href="costs.html">costs</a> code');
  expect(html).toMatch(
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">/,
  );
});

test("the support contact is an https address or a mailto:, never guessed: missing, http, local, example.* or a reserved name is refused", () => {
  expect(supportContact("https://github.com/miner-project/miner/issues")).toEqual({
    href: "https://github.com/miner-project/miner/issues",
    text: "https://github.com/miner-project/miner/issues",
  });
  expect(supportContact("mailto:help@miner-project.org")).toEqual({ href: "mailto:help@miner-project.org", text: "help@miner-project.org" });
  expect(supportContact("mailto:first.last+miner@mail.company.co.uk").text).toBe("first.last+miner@mail.company.co.uk");
  // Reserved names (RFC 2606, 6761, 6762) are guesses; .test only for the tests' local builds (MINER_TEST_HOST=1).
  for (const reserved of ["https://miner.test/help", "mailto:help@miner.test", "https://help.corp.local/", "mailto:help@miner.invalid", "https://miner.example/"]) {
    expect(() => supportContact(reserved, { testHost: false })).toThrow(/not a local or example address/);
  }
  expect(supportContact("mailto:help@miner.test", { testHost: true })).toEqual({ href: "mailto:help@miner.test", text: "help@miner.test" });
  expect(() => supportContact("mailto:help@miner.invalid", { testHost: true })).toThrow(/not a local or example address/);
  // One plain address and nothing else: no second recipient, header, encoded line break or quoted name.
  for (const injected of [
    "mailto:a@miner-project.org?subject=x",
    "mailto:a@miner-project.org&cc=boss@miner-project.org",
    "mailto:a,boss@miner-project.org",
    "mailto:a@miner-project.org,boss@miner-project.org",
    "mailto:a@miner-project.org%0D%0ABcc:boss@miner-project.org",
    "mailto:a%0A@miner-project.org",
    'mailto:"a b"@miner-project.org',
    "mailto:a@localhost",
    "mailto:.a@miner-project.org",
  ]) {
    expect(() => supportContact(injected)).toThrow(/one address|not a local or example address/);
  }
  expect(() => supportContact(undefined)).toThrow(/support contact is missing: set MINER_SUPPORT_URL/);
  expect(() => supportContact(" ")).toThrow(/missing/);
  expect(() => supportContact("http://miner.test/help")).toThrow(/must be https:\/\/ or mailto:/);
  for (const guess of [
    "https://support.example.com/",
    "https://localhost/help",
    "https://127.0.0.1/",
    "mailto:help@example.org",
  ]) {
    expect(() => supportContact(guess)).toThrow(/not a local or example address/);
  }
  expect(() => supportContact("https://user:pw@miner-project.org/")).toThrow(/credentials/);
});

test("npm run build refuses to start without MINER_SUPPORT_URL, with one line saying so", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, MINER_BASE_URL: "https://miner.test/addin/", MINER_TEST_HOST: "1" };
  delete env.MINER_SUPPORT_URL;
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/base-url.js")], { env, encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^npm run build: the support contact is missing: set MINER_SUPPORT_URL/);
  // A .test host only with MINER_TEST_HOST=1, which the release never sets.
  const reserved = spawnSync(process.execPath, [path.join(ROOT, "scripts/base-url.js")], {
    env: { ...env, MINER_SUPPORT_URL: "mailto:help@miner.test", MINER_TEST_HOST: "" },
    encoding: "utf8",
  });
  expect([reserved.status, reserved.stderr]).toEqual([1, expect.stringMatching(/^npm run build: production base URL must be the real host/)]);
  const ok = spawnSync(process.execPath, [path.join(ROOT, "scripts/base-url.js")], {
    env: { ...env, MINER_SUPPORT_URL: "mailto:help@miner.test", MINER_TEST_HOST: "1" },
    encoding: "utf8",
  });
  expect([ok.status, ok.stdout]).toEqual([
    0,
    "production base URL: https://miner.test/addin/\nsupport contact: help@miner.test\n",
  ]);
});

test("the README stays one page: at most 10 KB, with install, the first formula and the developers' two commands", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(10 * 1024);
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  expect(headings).toEqual(expect.arrayContaining(["Install it", "The first formula", "For developers"]));
  for (const command of ["npm ci && npm start", "npm ci && npm test"]) expect(readme).toContain(command);
});
