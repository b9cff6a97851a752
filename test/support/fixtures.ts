/** Recorded provider responses: ../shared/fixtures/api beside the repository, and our own additions. */
import * as fs from "fs";
import * as path from "path";

import { repoRoot } from "./paths";

export const SHARED_FIXTURES = path.resolve(repoRoot(), "../shared/fixtures/api");
export const LOCAL_FIXTURES = path.resolve(repoRoot(), "test/market/fixtures");

export function fixture(rel: string): string {
  const shared = path.join(SHARED_FIXTURES, rel);
  return fs.readFileSync(fs.existsSync(shared) ? shared : path.join(LOCAL_FIXTURES, rel), "utf8");
}
