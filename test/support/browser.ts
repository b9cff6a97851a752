/**
 * Headless Chromium from Debian (/usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core.
 * Never a downloaded browser: CI installs Debian's package.
 */
import { Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** @param extraArgs further Chromium flags, e.g. one that trusts a test host's certificate key */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", ...extraArgs],
  });
}
