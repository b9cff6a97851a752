/** Recorded provider responses: ../shared/fixtures/api beside the repository, and our own additions. */
import * as fs from "fs";
import * as path from "path";

import { repoRoot } from "./paths";

export const SHARED_FIXTURES = path.resolve(repoRoot(), "../shared/fixtures/api");
export const LOCAL_FIXTURES = path.resolve(repoRoot(), "test/market/fixtures");
/** Fixtures copied into the project (test/fixtures/api/<provider>/, with a README citing each), read first. */
export const PROJECT_FIXTURES = path.resolve(repoRoot(), "test/fixtures/api");

export function fixture(rel: string): string {
  const found = [PROJECT_FIXTURES, SHARED_FIXTURES].map((dir) => path.join(dir, rel)).find((f) => fs.existsSync(f));
  return fs.readFileSync(found ?? path.join(LOCAL_FIXTURES, rel), "utf8");
}
