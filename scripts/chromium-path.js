/*
 * Which Debian Chromium the browser tests and scripts drive (never a downloaded browser).
 *
 * CHROMIUM_PATH wins when set. Otherwise Debian's `chromium-headless-shell` package when it is
 * installed, then Debian's `chromium`. The headless shell is the same Blink and V8 without the
 * full browser's UI layer: on this project's 2-core machine the browser suites took about 40 %
 * less CPU with it (pane-a11y run alone: 49.9 → 24.7 CPU-s, bundle 40.1 → 25.2; `npm test`
 * 150 → 107 s wall), with every test passing on both.
 */
const fs = require("fs");

/** Debian's headless shell first (lighter), then the full browser. */
const DEBIAN_BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

/**
 * The executable to launch, or undefined when none is installed (and CHROMIUM_PATH is unset).
 * `env` and `exists` are the process's own unless a test passes others.
 */
function chromiumPath(env = process.env, exists = fs.existsSync) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return DEBIAN_BROWSERS.find((exe) => exists(exe));
}

module.exports = { chromiumPath, DEBIAN_BROWSERS };
