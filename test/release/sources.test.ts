/*
 * Comments and published docs cite public sources: docs/sources.md (by section) or the source
 * itself, never the project's private notes beside the repository (../shared), which a reader
 * of the repository, the function reference or a help page cannot open.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
/** The template's spec is moving (src/taskpane/model to src/template) on another branch: its citations move with it. */
const MOVING = [path.join("src", "taskpane", "model"), path.join("src", "template")];

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return MOVING.includes(rel) ? [] : files(rel, ext);
    return ext.test(e.name) ? [rel] : [];
  });
}

const PUBLISHED = [...files("src", /\.ts$/), ...files("docs", /\.md$/), "README.md", "CONTRIBUTING.md"];

/** GitHub's anchor for a heading: lower case, spaces to hyphens, punctuation dropped. */
const anchor = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");

test("no source comment or published doc cites ../shared", () => {
  const citing = PUBLISHED.filter((f) => /\.\.\/shared\/(reference|fixtures)/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
  expect(citing).toEqual([]);
});

test("every docs/sources.md section cited exists", () => {
  const headings = [...fs.readFileSync(path.join(ROOT, "docs/sources.md"), "utf8").matchAll(/^## (.+)$/gm)].map((m) => anchor(m[1]));
  expect(headings).toContain("mining-costs");
  const cited = new Set(PUBLISHED.flatMap((f) => [...fs.readFileSync(path.join(ROOT, f), "utf8").matchAll(/sources\.md#([a-z0-9-]+)/g)].map((m) => m[1])));
  expect(cited.size).toBeGreaterThan(5);
  expect([...cited].filter((c) => !headings.includes(c))).toEqual([]);
});
