/*
 * Comments and published docs cite public sources: docs/sources.md (by section) or the source
 * itself, never the project's private notes beside the repository (../shared), which a reader
 * of the repository, the function reference or a help page cannot open.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel, ext);
    return ext.test(e.name) ? [rel] : [];
  });
}

const PUBLISHED = [...files("src", /\.ts$/), ...files("docs", /\.md$/), "README.md", "CONTRIBUTING.md"];

/** GitHub's anchor for a heading: lower case, spaces to hyphens, punctuation dropped. */
const anchor = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");

/**
 * A citation of the private notes: a path into ../shared, or one of its reference files by its
 * short name ("reference/lease-deals.md"), as the template's source notes once wrote them.
 */
const PRIVATE_CITATION = /\.\.\/shared\/|\breference\/[\w-]+\.md/;

test("the private-citation pattern catches both forms and passes public ones", () => {
  const caught = [
    "(../shared/reference/lease-deals.md)",
    "see ../shared/fixtures/api/x.json",
    "Hut 8–Fluidstack 3.0% (PRNewswire text; reference/lease-deals.md)",
    "(shared/reference/gpu-cloud.md)",
  ];
  const passed = ["(PRNewswire text; docs/sources.md#leases)", "the function reference (functions.md)", "docs/reference.md"];
  expect(caught.filter((t) => !PRIVATE_CITATION.test(t))).toEqual([]);
  expect(passed.filter((t) => PRIVATE_CITATION.test(t))).toEqual([]);
});

test("no source comment, template note or published doc cites the private notes (../shared, reference/*.md)", () => {
  const citing = PUBLISHED.flatMap((f) => {
    const hit = PRIVATE_CITATION.exec(fs.readFileSync(path.join(ROOT, f), "utf8"));
    return hit ? [`${f}: ${hit[0]}`] : [];
  });
  expect(PUBLISHED).toContain(path.join("src", "template", "inputs.ts"));
  expect(citing).toEqual([]);
});

test("every docs/sources.md section cited exists", () => {
  const headings = [...fs.readFileSync(path.join(ROOT, "docs/sources.md"), "utf8").matchAll(/^## (.+)$/gm)].map((m) => anchor(m[1]));
  expect(headings).toContain("mining-costs");
  const cited = new Set(PUBLISHED.flatMap((f) => [...fs.readFileSync(path.join(ROOT, f), "utf8").matchAll(/sources\.md#([a-z0-9-]+)/g)].map((m) => m[1])));
  expect(cited.size).toBeGreaterThan(5);
  expect([...cited].filter((c) => !headings.includes(c))).toEqual([]);
});
