/**
 * Headless Chromium from Debian, driven by playwright-core: CHROMIUM_PATH, else Debian's
 * chromium-headless-shell, else Debian's chromium (scripts/chromium-path.js says why that order).
 * Never a downloaded browser: CI installs Debian's package.
 */
import * as path from "path";
import { Browser, chromium } from "playwright-core";
import { repoRoot } from "./paths";

// From the repository root, so the benchmark's compiled copy (build-bench/) finds it too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath, DEBIAN_BROWSERS } = require(path.join(repoRoot(), "scripts/chromium-path.js"));

/** The executable the browser tests launch (the first Debian one when none is installed, so the error names it). */
export const CHROMIUM_PATH: string = chromiumPath() ?? DEBIAN_BROWSERS[DEBIAN_BROWSERS.length - 1];

/** @param extraArgs further Chromium flags, e.g. one that trusts a test host's certificate key */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", ...extraArgs],
  });
}
