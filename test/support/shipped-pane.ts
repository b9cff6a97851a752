/**
 * The shipped task pane in headless Chromium: the production build as released (test/support/build.ts's
 * shipped variant, the one test/bundle loads: no test hooks, so the providers' public https
 * addresses and production's hedge, timeouts and back-off), at the address it was built for
 * (TEST_BASE_URL), with the stand-ins for Office, Excel and the custom-functions runtime of
 * test/support/pane.ts.
 *
 * Nothing goes over a network. Playwright's routes take every request before the network does, and
 * answer
 *   - the pane's files from the build, with the headers the deployment guide asks of a host
 *     (test/support/https-host.ts), the Content-Security-Policy among them;
 *   - office.js on Office's CDN with an empty script: the stand-ins play Office;
 *   - the providers' real addresses (PROVIDERS) with the fake API's answers (test/support/fake-api.ts),
 *     CORS headers and faults included, so the browser applies its CORS rules to them as it does
 *     to the real APIs' (an unexposed Retry-After stays unreadable).
 * Any other request, a provider path the fake API has no recording for included, is aborted and
 * recorded in `unexpected`; the suite fails a test that made one.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Page, Route } from "playwright-core";
import { launchChromium } from "./browser";
import { buildProduction, TEST_BASE_URL } from "./build";
import { FakeAnswers, fakeAnswers } from "./fake-api";
import { hostHeaders, pageCspOf } from "./https-host";
import { PANE_VIEWPORT } from "./pane";

/**
 * The providers' public base URLs, as their documentation gives them, written here rather than
 * imported from src/market/bases.ts so that a changed address in the build is a request this suite
 * refuses; each maps to the fake API's path prefix for that provider.
 */
export const PROVIDERS: Record<string, string> = {
  "https://mempool.space": "/mempool",
  "https://blockchain.info": "/blockchain",
  "https://api.coinbase.com": "/coinbase",
  "https://api.kraken.com": "/kraken",
  "https://api.coingecko.com": "/coingecko",
};

/** Where the shipped taskpane.html loads office.js from. */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** A same-origin address the suite answers at once (`settleUrl`). */
const SETTLE_PATH = "/__settle";

export interface ShippedPaneSuite {
  /** The fake providers' faults and request counts (by fake API path, e.g. "/mempool/api/v1/prices"). */
  api: FakeAnswers;
  /** The pane's address: TEST_BASE_URL + taskpane.html. */
  paneUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  cspViolations: string[];
  /** Requests no route expected ("GET https://..."), aborted. */
  unexpected: string[];
  /**
   * A same-origin address answered at once: after a round trip of the page's own fetch to it, the
   * answers routed before it have reached the page. Real time; the page's clock does not move.
   */
  settleUrl: string;
}

/** Registers the suite's hooks: one shipped build and one browser per file, a new context and page per test. */
export function shippedPaneSuite(): ShippedPaneSuite {
  const s = { api: fakeAnswers(), unexpected: [] as string[] } as ShippedPaneSuite;
  const base = new URL(TEST_BASE_URL);
  s.paneUrl = new URL("taskpane.html", base).href;
  s.settleUrl = new URL(SETTLE_PATH, base).href;
  let dist = "";
  let pageCsp = "";

  const refuse = (route: Route) => {
    s.unexpected.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort("blockedbyclient").catch(() => undefined);
  };

  /** The pane's host: its files from the build, and the settle address. */
  async function servePane(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.pathname === SETTLE_PATH) return route.fulfill({ status: 204 });
    const rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
    const file = path.resolve(dist, rel);
    const inBuild = url.pathname.startsWith(base.pathname) && file.startsWith(dist + path.sep);
    if (route.request().method() !== "GET" || !inBuild || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return refuse(route);
    return route.fulfill({ status: 200, headers: hostHeaders(rel, pageCsp), body: fs.readFileSync(file) });
  }

  /** A provider's address: the fake API's answer, held as long as its fault says. */
  async function serveProvider(route: Route, prefix: string): Promise<void> {
    const fakePath = prefix + new URL(route.request().url()).pathname;
    if (route.request().method() !== "GET" || !s.api.isRecorded(fakePath)) return refuse(route);
    const a = s.api.answer(fakePath);
    if (a.until) await a.until.catch(() => undefined);
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    // The page may have given up on it meanwhile (a timeout, a hedge won elsewhere).
    await route.fulfill({ status: a.status, headers: a.headers, body: a.body }).catch(() => undefined);
  }

  beforeAll(async () => {
    [dist, s.browser] = await Promise.all([buildProduction(), launchChromium()]);
    dist = fs.realpathSync(dist);
    pageCsp = pageCspOf(dist);
  }, 240_000);

  afterAll(async () => {
    await s.browser?.close();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(async () => {
    s.api.reset();
    s.unexpected = [];
    s.pageErrors = [];
    s.cspViolations = [];
    s.context = await s.browser.newContext({ viewport: PANE_VIEWPORT, serviceWorkers: "block" });
    // The last route registered is tried first: this one takes whatever no other does.
    await s.context.route("**/*", refuse);
    await s.context.route((u) => u.origin === base.origin, servePane);
    await s.context.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "/* Office: the test's stand-in */" }),
    );
    for (const [origin, prefix] of Object.entries(PROVIDERS))
      await s.context.route(
        (u) => u.origin === origin,
        (route) => serveProvider(route, prefix),
      );
    s.page = await s.context.newPage();
    s.page.on("pageerror", (e) => s.pageErrors.push(String(e)));
    s.page.on("console", (m) => {
      if (/Content Security Policy/.test(m.text())) s.cspViolations.push(m.text());
    });
  });

  afterEach(async () => {
    await s.context?.close();
    expect(s.unexpected).toEqual([]);
    expect(s.cspViolations).toEqual([]);
  });
  return s;
}
