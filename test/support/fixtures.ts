/**
 * Recorded provider responses, kept in the repository (test/fixtures/api, see its README) so that
 * a clone passes its tests on its own, with nothing outside the repository. test/market/fixtures
 * is still searched for response shapes a test adds next to its own suite.
 */
import * as fs from "fs";
import * as path from "path";

import { repoRoot } from "./paths";

export const FIXTURE_DIRS = [path.resolve(repoRoot(), "test/fixtures/api"), path.resolve(repoRoot(), "test/market/fixtures")];

export function fixture(rel: string): string {
  for (const dir of FIXTURE_DIRS) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  }
  throw new Error(`no fixture ${rel} in ${FIXTURE_DIRS.join(" or ")}`);
}
