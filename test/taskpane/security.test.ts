/* Static checks of the shipped source: nothing fetched is parsed as HTML, nothing is evaluated as code, the page never reloads itself or writes its own CSP. */
import * as fs from "fs";
import * as path from "path";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|html)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

const SRC = path.resolve(__dirname, "../../src");

test.each(sources(SRC).map((f) => [path.relative(SRC, f), f]))("%s has no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or new Function", (_, file) => {
  const text = fs.readFileSync(file, "utf8");
  expect(text).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(/);
});

test("every provider base URL in the source is https", () => {
  const text = fs.readFileSync(path.join(SRC, "market/bases.ts"), "utf8");
  const urls = text.match(/"(\w+:\/\/[^"]+)"/g) ?? [];
  expect(urls.length).toBeGreaterThanOrEqual(5);
  for (const u of urls) expect(u).toMatch(/^"https:\/\//);
});

test.each(sources(SRC).filter((f) => f.endsWith(".ts")).map((f) => [path.relative(SRC, f), f]))(
  "%s never reloads the page (it is also the custom-functions runtime) nor adds a Content-Security-Policy at run time",
  (_, file) => {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // code, not comments
    expect(text).not.toMatch(/\.reload\s*\(|location\.(href|assign|replace)\b|Content-Security-Policy|httpEquiv/);
  },
);
