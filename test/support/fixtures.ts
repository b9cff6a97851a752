/** Recorded provider responses: ../shared/fixtures/api beside the repository, and our own additions. */
import * as fs from "fs";
import * as path from "path";

export const SHARED_FIXTURES = path.resolve(__dirname, "../../../shared/fixtures/api");
export const LOCAL_FIXTURES = path.resolve(__dirname, "../market/fixtures");

export function fixture(rel: string): string {
  const shared = path.join(SHARED_FIXTURES, rel);
  return fs.readFileSync(fs.existsSync(shared) ? shared : path.join(LOCAL_FIXTURES, rel), "utf8");
}
