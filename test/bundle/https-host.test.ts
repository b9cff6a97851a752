/*
 * The production build, served as the deployment guide's "Host it yourself" says (test/support/https-host.ts:
 * https on 127.0.0.1 with an office-addin-dev-certs certificate, JSON MIME type and CORS for the
 * functions' metadata, the CSP header, caching), loads in headless Chromium: functions.js from it
 * registers every function with Office's custom-functions runtime, the metadata can be read
 * cross-origin as Excel reads it, and the task pane loads with its scripts and stylesheet and no
 * error of its own. Chromium trusts this host's key only; any other certificate error still fails.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext } from "playwright-core";
import { launchChromium } from "../support/browser";
import { buildProduction } from "../support/build";
import { startStaticServer, StaticServer } from "../support/static-server";
import { HttpsHost, hostHeaders, startHttpsHost } from "../support/https-host";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { distFiles } = require("../../scripts/dist-files.js");

const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

let dist: string;
let files: { functions: string; metadata: string; taskpane: string; css: string };
let host: HttpsHost;
let office: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dist = await buildProduction();
  files = distFiles(dist);
  host = await startHttpsHost(dist);
  // office.js and the custom-functions runtime from another origin, as Excel's runtime page has them
  office = await startStaticServer({ "/office/": OFFICE_DIST }, {
    "/runtime.html": `<!doctype html><html><head><meta charset="utf-8">
<script src="/office/office.js"></script>
<script src="/office/custom-functions-runtime.js"></script>
<script src="${host.url}/${files.functions}"></script>
</head><body>runtime</body></html>`,
  });
  browser = await launchChromium([host.chromiumSpkiFlag]);
}, 180_000);

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  // No test reaches the internet: refuse everything that is not on this machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await office?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

test("the host serves https with the headers the deployment guide lists", async () => {
  const page = await context.newPage();
  const json = (await page.goto(`${host.url}/${files.metadata}`))!; // through Chromium, which checks the certificate
  expect(json.status()).toBe(200);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(json.headers()["access-control-allow-origin"]).toBe("*");
  expect(json.headers()["cache-control"]).toMatch(/immutable/);
  const html = (await page.goto(`${host.url}/taskpane.html`))!;
  expect(html.headers()["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(html.headers()["cache-control"]).toBe("no-cache");
  expect(hostHeaders("manifest.xml", "x")["Cache-Control"]).toBe("no-cache");
});

test("the deployment guide's Host it yourself section asks for exactly the headers this host sends", () => {
  const guide = fs.readFileSync(path.resolve(__dirname, "../../docs/deployment.md"), "utf8");
  const section = guide.slice(guide.indexOf("## Host it yourself"), guide.indexOf("## How an update reaches users"));
  expect(section.length).toBeGreaterThan(1000);
  const json = hostHeaders(`functions.0123456789abcdef.json`, "csp");
  const page = hostHeaders("taskpane.html", "csp");
  for (const line of [
    `Content-Type: ${json["Content-Type"].split(";")[0]}`,
    `Access-Control-Allow-Origin: ${json["Access-Control-Allow-Origin"]}`,
    `Cache-Control: ${page["Cache-Control"]}`,
    json["Cache-Control"],
    "X-Content-Type-Options: nosniff",
    `Strict-Transport-Security: ${page["Strict-Transport-Security"]}`,
    "Content-Security-Policy",
  ]) {
    expect(section).toContain(line);
  }
});

test("functions.js loaded from the https host registers every function in functions.json, and the metadata reads cross-origin", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`${e}\n${e.stack ?? ""}`));
  await page.goto(`${office.url}/runtime.html`);
  await page.waitForFunction(() => typeof (window as any).CustomFunctions?._association?.mappings === "object");
  const registered = await page.evaluate(() => Object.keys((window as any).CustomFunctions._association.mappings).sort());
  // As Excel does: the metadata, fetched from the page's other origin.
  const metadata = await page.evaluate(async (url) => (await fetch(url)).json(), `${host.url}/${files.metadata}`);
  expect(registered).toEqual(metadata.functions.map((f: { id: string }) => f.id).sort());
  expect(registered.length).toBeGreaterThan(20);
  const cost = await page.evaluate(() => (window as any).CustomFunctions._association.mappings.COSTPERBTC(0.05, 17.5, 1.5e14, 3.125));
  expect(cost).toBeCloseTo(0.05 * 17.5 * 0.024 / ((1e12 * 86400 * 3.125) / (1.5e14 * 2 ** 32)), 6);
  expect(errors.filter((e) => e.includes(host.url))).toEqual([]);
});

test("the task pane loads from the https host with its hashed scripts and stylesheet, under its CSP, with no error of its own", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  const csp: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) csp.push(m.text());
  });
  await page.goto(`${host.url}/taskpane.html`);
  await page.waitForFunction(() => /Running outside Office/.test(document.getElementById("host-status")?.textContent ?? ""));
  expect(await page.locator('[data-name="BTC_Price"] .num').count()).toBe(1); // the pane's key figures rendered
  // the stylesheet applied: the pane's own rules are in force
  expect(await page.evaluate(() => [...document.styleSheets].some((s) => s.href?.includes("taskpane.") && s.cssRules.length > 0))).toBe(true);
  const served = host.log.map((r) => `${r.status} ${r.path}`);
  for (const f of ["taskpane.html", files.functions, files.taskpane, files.css]) expect(served).toContain(`200 /${f}`);
  expect(host.log.filter((r) => r.status !== 200)).toEqual([]);
  expect(errors).toEqual([]);
  expect(csp).toEqual([]);
});

test("a certificate Chromium was not told to trust is still refused", async () => {
  const other = await startHttpsHost(dist); // another key, not in the browser's list
  try {
    await expect((await context.newPage()).goto(`${other.url}/taskpane.html`)).rejects.toThrow(/ERR_CERT/);
    expect((await (await context.newPage()).goto(`${host.url}/taskpane.html`))?.status()).toBe(200);
  } finally {
    await other.close();
  }
});
