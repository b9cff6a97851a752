/*
 * The release workflow (.github/workflows/release.yml) lints clean with actionlint, a broken copy
 * does not, and it does what the deployment guide's release steps say: on a version tag, test,
 * build for the Pages URL with the repository's support contact, publish dist/ to Pages, attach
 * the production manifest and the model workbook to the release.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintWorkflows } = require("../../scripts/lint-workflows.js");

const FILE = path.resolve(__dirname, "../../.github/workflows/release.yml");
const yml = fs.readFileSync(FILE, "utf8");

test("the release workflow lints clean, and the linter finds a job output read without needing the job", async () => {
  expect(await lintWorkflows([FILE])).toEqual([]);
  const broken = path.join(path.dirname(FILE), "..", "..", "test-results", "broken-release.yml");
  fs.mkdirSync(path.dirname(broken), { recursive: true });
  fs.writeFileSync(broken, yml.replace("needs: [build, deploy]", "needs: deploy"));
  try {
    expect(await lintWorkflows([broken])).toEqual([expect.stringMatching(/property "build" is not defined/)]);
  } finally {
    fs.rmSync(broken);
  }
}, 60_000);

test("on a version tag it tests, builds for its own folder on Pages with the support contact it is given, publishes it beside the last releases and attaches the manifest and the model workbook to the release", () => {
  expect(yml).toMatch(/on:\n {2}push:\n {4}tags: \["v\*\.\*\.\*"\]/);
  expect(yml).toMatch(/- run: npm test/);
  expect(yml).toMatch(/MINER_BASE_URL: \$\{\{ steps\.pages\.outputs\.base_url \}\}\/v\$\{\{ steps\.version\.outputs\.version \}\}\/\n\s+MINER_SUPPORT_URL: \$\{\{ vars\.MINER_SUPPORT_URL \}\}\n\s+run: npm run build/);
  expect(yml).toMatch(/cp -r dist "site\/v\$VERSION"/);
  expect(yml).toMatch(/gh release download "\$tag" .* --pattern "miner-dist-\$tag\.tar\.gz"/);
  expect(yml).toMatch(/uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: site/);
  expect(yml).toMatch(/uses: actions\/deploy-pages@v\d+/);
  expect(yml).toMatch(/cp dist\/MINER-model\.xlsx MINER-model\.xlsx/);
  expect(yml).toMatch(/files="manifest\.xml MINER-model\.xlsx miner-dist-\$TAG\.tar\.gz"/);
  expect(yml).toMatch(/gh release create "\$TAG" \$files/);
  // jobs run in that order
  const order = ["  test:", "  build:\n    needs: test", "  deploy:\n    needs: build", "  release:\n    needs: [build, deploy]"].map((j) => yml.indexOf(j));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});
