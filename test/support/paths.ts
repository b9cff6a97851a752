/** The repository root, found from wherever this file was compiled to (tests run it in place, the benchmark from build-bench/). */
import * as fs from "fs";
import * as path from "path";

export function repoRoot(): string {
  let dir = __dirname;
  while (!(fs.existsSync(path.join(dir, "manifest.xml")) && fs.existsSync(path.join(dir, "package.json")))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("repository root not found");
    dir = up;
  }
  return dir;
}
