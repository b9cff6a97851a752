import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { execFileSync, spawnSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, toProductionManifest, parseXml, manifestVersion, normaliseBaseUrl, testHostAllowed } = require("../../scripts/manifest.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifestSchema } = require("../../scripts/manifest-xsd.js");

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const assetsDir = path.join(ROOT, "assets");
const PROD = "https://miner.test/addin/";
// PROD is on RFC 6761's .test, which a build may name only with MINER_TEST_HOST=1, as the tests' builds set it (test/support/build.ts).
process.env.MINER_TEST_HOST = "1";

describe("the development manifest", () => {
  test("passes the offline check, icons included", () => {
    expect(checkManifest(xml, { assetsDir })).toEqual([]);
  });

  test("declares a shared runtime, the MINER namespace, the narrowest permission and a stable GUID", () => {
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="MINER"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<Id>dd82e91d-fe97-4672-b072-f600da333cf1<\/Id>/);
  });

  test("declares the requirement sets the code relies on: SharedRuntime 1.1, CustomFunctionsRuntime 1.2 (errors with messages), ExcelApi 1.4 (the MINER_Market writer)", () => {
    const sets = [...xml.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.2"],
      ["ExcelApi", "1.4"],
    ]);
    // The adapters build their errors with CustomFunctions.Error (CustomFunctionsRuntime 1.2) ...
    expect(fs.readFileSync(path.join(ROOT, "src/functions/excel.ts"), "utf8")).toMatch(/new CustomFunctions\.Error\(/);
    // ... and the pane checks at run time what it needs beyond ExcelApi 1.4.
    const pane = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.ts"), "utf8");
    expect(pane).toMatch(/MODEL_REQUIREMENT = "1\.7"/);
    // Without the shared runtime, or with custom functions' 1.1 (errors without messages), the check fails.
    expect(checkManifest(xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""))).toEqual(["Requirements must ask for SharedRuntime 1.1 or later"]);
    expect(checkManifest(xml.replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'))).toEqual([
      "Requirements must ask for CustomFunctionsRuntime 1.2 or later",
    ]);
  });

  test("the ribbon's MINER group has Refresh (a shared-runtime command, no pane) and Market data (the pane)", () => {
    const group = /<Group id="MinerGroup">([\s\S]*?)<\/Group>/.exec(xml)![1];
    const controls = [...group.matchAll(/<Control xsi:type="Button" id="(\w+)">[\s\S]*?<Action xsi:type="(\w+)">([\s\S]*?)<\/Action>/g)].map((m) => [m[1], m[2], m[3].replace(/\s+/g, "")]);
    expect(controls).toEqual([
      ["MinerRefreshButton", "ExecuteFunction", "<FunctionName>refreshMarketData</FunctionName>"],
      ["MinerMarketButton", "ShowTaskpane", '<TaskpaneId>MinerTaskpane</TaskpaneId><SourceLocationresid="Taskpane.Url"/>'],
    ]);
    expect(xml).toMatch(/<bt:String id="RefreshButton.Label" DefaultValue="Refresh"\/>/);
    expect(xml).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="Market data"\/>/);
    // the command runs in the shared runtime: its function file is the runtime's page
    expect(xml).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(checkManifest(xml.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'))).toEqual([
      "a ribbon command (ExecuteFunction) needs <FunctionFile> on the shared runtime's page",
    ]);
  });

  test("SupportUrl is the support page the build ships (docs/support.html), at the production address after the rewrite", () => {
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/docs\/support\.html"\/>/);
    expect(toProductionManifest(xml, PROD)).toMatch(/<SupportUrl DefaultValue="https:\/\/miner\.test\/addin\/docs\/support\.html"\/>/);
  });

  test("Microsoft's own manifest reader (office-addin-manifest) parses it", () => {
    // It does not load inside jest 30's module system (an ESM dependency), so run it in plain Node.
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => console.log(JSON.stringify(i)))`;
    const out = execFileSync(process.execPath, ["-e", script, path.join(ROOT, "manifest.xml")], { cwd: ROOT, encoding: "utf8" });
    const info = JSON.parse(out);
    expect(info.id).toBe("dd82e91d-fe97-4672-b072-f600da333cf1");
    expect(info.displayName).toBe("MINER");
    expect(info.defaultLocale).toBe("en-US");
    expect(info.hosts).toEqual(["Workbook"]);
  });
});

describe("the production rewrite", () => {
  test("replaces every localhost URL, not only the first (the Microsoft template's bug)", () => {
    const count = (xml.match(/https:\/\/localhost:3000/g) ?? []).length;
    expect(count).toBeGreaterThan(5);
    const prod = toProductionManifest(xml, PROD);
    expect(prod).not.toMatch(/localhost/);
    expect((prod.match(/https:\/\/miner\.test\/addin\//g) ?? []).length).toBe(count);
    expect(prod).toMatch(/<SourceLocation DefaultValue="https:\/\/miner\.test\/addin\/taskpane\.html"\/>/);
    expect(checkManifest(prod, { production: true, assetsDir })).toEqual([]);
  });

  test("normalises the base URL's trailing slash", () => {
    expect(toProductionManifest(xml, "https://miner.test/addin")).toBe(toProductionManifest(xml, PROD));
  });

  test("points the code and metadata URLs at the content-hashed files it is given", () => {
    const prod = toProductionManifest(xml, PROD, { "functions.js": "functions.0123abcd.js", "functions.json": "functions.4567ef01.json" });
    expect(prod).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://miner.test/addin/functions.0123abcd.js"/>');
    expect(prod).toContain('<bt:Url id="Functions.Metadata.Url" DefaultValue="https://miner.test/addin/functions.4567ef01.json"/>');
    expect(prod).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://miner.test/addin/taskpane.html"/>');
  });

  test("refuses to guess a base URL: missing, http, local, an example.* placeholder or reserved name (.test, .invalid, .local, .example), malformed, or with credentials or a query", () => {
    expect(() => toProductionManifest(xml, undefined)).toThrow(/base URL is missing: set MINER_BASE_URL/);
    expect(() => toProductionManifest(xml, "")).toThrow(/base URL is missing/);
    expect(() => toProductionManifest(xml, "http://miner.test/")).toThrow(/must be https/);
    for (const local of ["https://localhost:8443/", "https://127.0.0.1/", "https://127.1.2.3/x/", "https://[::1]/", "https://dev.localhost/"]) {
      expect(() => normaliseBaseUrl(local)).toThrow(/not a local or example address/);
    }
    for (const placeholder of ["https://addin.example.com/miner/", "https://example.org/", "https://x.example.net/"]) {
      expect(() => normaliseBaseUrl(placeholder)).toThrow(/not a local or example address/);
    }
    // Names reserved so that no one owns them (RFC 2606, 6761, 6762) are guesses too; .test only
    // with MINER_TEST_HOST=1 (the tests' and .ci/run's local builds).
    for (const reserved of ["https://miner.test/", "https://addins.corp.local/", "https://miner.invalid/", "https://miner.example/", "https://MINER.TEST./x/"]) {
      expect(() => normaliseBaseUrl(reserved, { testHost: false })).toThrow(/not a local or example address/);
    }
    expect(normaliseBaseUrl("https://miner.test/addin", { testHost: true })).toBe("https://miner.test/addin/");
    for (const stillRefused of ["https://miner.invalid/", "https://miner.local/", "https://miner.example/", "https://example.com/"]) {
      expect(() => normaliseBaseUrl(stillRefused, { testHost: true })).toThrow(/not a local or example address/);
    }
    expect([testHostAllowed({ MINER_TEST_HOST: "1" }), testHostAllowed({}), testHostAllowed({ MINER_TEST_HOST: "true" })]).toEqual([true, false, false]);
    expect(normaliseBaseUrl("https://contest.example-miner.org/")).toBe("https://contest.example-miner.org/"); // a name that merely contains "test"
    expect(() => toProductionManifest(xml, "miner.test")).toThrow(/is not a URL/);
    expect(() => normaliseBaseUrl("https://user:pw@miner-project.github.io/")).toThrow(/credentials/);
    expect(() => normaliseBaseUrl("https://miner-project.github.io/?v=1")).toThrow(/query or fragment/);
    expect(() => normaliseBaseUrl("https://miner-project.github.io/?")).toThrow(/query or fragment/);
    expect(normaliseBaseUrl("https://miner-project.github.io/miner")).toBe("https://miner-project.github.io/miner/");
  });

  test("Office's four-part version comes from package.json's x.y.z", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("12.34.5")).toBe("12.34.5.0");
    expect(() => manifestVersion("1.2.3-beta.1")).toThrow(/must be x\.y\.z/);
    expect(() => manifestVersion("1.2")).toThrow(/must be x\.y\.z/);
  });

  test("a production manifest with one localhost URL left fails the production check", () => {
    const prod = toProductionManifest(xml, PROD).replace("https://miner.test/addin/functions.js", "https://localhost:3000/functions.js");
    expect(checkManifest(prod, { production: true })).toEqual(
      expect.arrayContaining(["a production manifest must not point at localhost: https://localhost:3000/functions.js"]),
    );
  });
});

describe("the offline check finds what would stop Excel loading the add-in", () => {
  const broken = (from: string | RegExp, to: string) => checkManifest(xml.replace(from, to));
  test("an unclosed tag", () => expect(broken("<ProviderName>MINER project</ProviderName>", "<ProviderName>MINER project")[0]).toMatch(/does not match|never closed/));
  test("an unquoted attribute", () => expect(broken('<Host Name="Workbook"/>', "<Host Name=Workbook/>")[0]).toMatch(/unquoted attribute/));
  test("two root elements", () => expect(checkManifest(xml + "<OfficeApp/>")[0]).toMatch(/second root element/));
  test("a stray '<'", () => expect(broken(/<Version>[^<]*<\/Version>/, "<Version>1 < 2</Version>")[0]).toMatch(/does not start a tag/));
  test("a resid with no resource", () =>
    expect(broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nmespace"/>')).toEqual(
      expect.arrayContaining([expect.stringMatching(/resid "Functions.Nmespace" .* is not defined/)]),
    ));
  test("a broader permission", () =>
    expect(broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>")).toEqual([
      "Permissions must be one of Restricted, ReadDocument, ReadWriteDocument (the narrowest that works), got ReadWriteMailbox",
    ]));
  test("another namespace", () =>
    expect(broken('id="Functions.Namespace" DefaultValue="MINER"', 'id="Functions.Namespace" DefaultValue="CONTOSO"')).toEqual(["the custom functions namespace must be MINER"]));
  test("no shared runtime", () => expect(broken('lifetime="long"', 'lifetime="short"')).toEqual(['a shared runtime needs <Runtime lifetime="long">']));
  test("an http URL", () => expect(broken("https://localhost:3000/functions.json", "http://localhost:3000/functions.json")).toContain("every URL must be https: http://localhost:3000/functions.json"));
  test("a Refresh icon file of another size than it claims", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miner-icons-"));
    try {
      fs.cpSync(assetsDir, dir, { recursive: true });
      fs.copyFileSync(path.join(assetsDir, "refresh-32.png"), path.join(dir, "refresh-16.png"));
      expect(checkManifest(xml, { assetsDir: dir })).toEqual([`Refresh.16x16: ${path.join(dir, "refresh-16.png")} is not 16×16 pixels`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  test("an icon of the wrong size", () => {
    const problems = checkManifest(xml.replace("assets/icon-80.png", "assets/icon-64.png"), { assetsDir });
    expect(problems).toEqual([]); // 64 exists at 64 px: consistent
    const wrong = checkManifest(xml.replace("assets/icon-80.png", "assets/icon-81.png"), { assetsDir });
    expect(wrong[0]).toMatch(/icon-81.png does not exist/);
  });
  test("the reader itself: entities, comments and a missing root", () => {
    expect(parseXml("<a x='1 &amp; 2'><!-- c --><b/>t &lt; u</a>").problems).toEqual([]);
    expect(parseXml("<a>&nbsp;</a>").problems[0]).toMatch(/unknown entity/);
    expect(parseXml("<!-- only a comment -->").problems[0]).toMatch(/no root element/);
  });
});

describe("Microsoft's schemas, offline (scripts/manifest-schema)", () => {
  test("the development and production manifests are schema-valid", async () => {
    expect(await validateManifestSchema(xml)).toEqual([]);
    expect(await validateManifestSchema(toProductionManifest(xml, PROD))).toEqual([]);
  });

  test("elements out of the schema's order are refused", async () => {
    const swapped = xml.replace(/(<ProviderName>.*<\/ProviderName>)(\s*)(<DefaultLocale>.*<\/DefaultLocale>)/, "$3$2$1");
    expect(swapped).not.toBe(xml);
    expect(checkManifest(swapped)).toEqual([]); // the element checks alone do not see it
    const problems: string[] = await validateManifestSchema(swapped);
    expect(problems).toEqual([expect.stringMatching(/DefaultLocale': This element is not expected\. Expected is .*ProviderName/)]);
  });

  test("a ribbon command without its function name, and a requirement set without a name, are refused", async () => {
    expect((await validateManifestSchema(xml.replace("<FunctionName>refreshMarketData</FunctionName>", "")))[0]).toMatch(/ExecuteFunction|FunctionName|Missing child element/);
    expect((await validateManifestSchema(xml.replace('<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set MinVersion="1.4"/>')))[0]).toMatch(/attribute 'Name' is required/);
  });

  test("a <Runtime> with an unknown lifetime and an unknown element are refused", async () => {
    expect((await validateManifestSchema(xml.replace('lifetime="long"', 'lifetime="forever"')))[0]).toMatch(/lifetime.*forever/);
    expect((await validateManifestSchema(xml.replace("<Permissions>", "<Colour>orange</Colour><Permissions>")))[0]).toMatch(/Colour': This element is not expected/);
  });

  test("an icon of size 100 is refused (Office accepts 16, 20, 24, 32, 40, 48, 64, 80); 16, 32 and 80 are required", () => {
    const big = xml.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="100" resid="Icon.80x80"/>');
    expect(big).not.toBe(xml);
    const problems: string[] = checkManifest(big);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^an icon of size 100 \(line \d+\): Office accepts 16, 20, 24, 32, 40, 48, 64, 80$/), expect.stringMatching(/lacks the required size 80/)]),
    );
  });

  /** `npm run validate -- <file>` on a copy of the manifest, beside a copy of the icons. */
  function validateCli(manifestText: string): { status: number | null; output: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miner-manifest-"));
    try {
      fs.cpSync(assetsDir, path.join(dir, "assets"), { recursive: true });
      fs.writeFileSync(path.join(dir, "manifest.xml"), manifestText);
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/manifest.js"), "validate", path.join(dir, "manifest.xml")], { encoding: "utf8" });
      return { status: r.status, output: r.stdout + r.stderr };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test("npm run validate passes the manifest and fails, naming the problem, on elements out of order or an icon of size 100", () => {
    const ok = validateCli(xml);
    expect(ok).toEqual({ status: 0, output: expect.stringMatching(/manifest OK/) });
    const swapped = validateCli(xml.replace(/(<ProviderName>.*<\/ProviderName>)(\s*)(<DefaultLocale>.*<\/DefaultLocale>)/, "$3$2$1"));
    expect(swapped.status).toBe(1);
    expect(swapped.output).toMatch(/schema: line \d+: Element '\{http:\/\/schemas\.microsoft\.com\/office\/appforoffice\/1\.1\}DefaultLocale': This element is not expected/);
    const big = validateCli(xml.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="100" resid="Icon.80x80"/>'));
    expect(big.status).toBe(1);
    expect(big.output).toMatch(/an icon of size 100/);
  });
});

describe("icons", () => {
  test.each([...[16, 32, 64, 80, 128].map((n) => `icon-${n}`), ...[16, 32, 80].map((n) => `refresh-${n}`)])("assets/%s.png is a square PNG of that size", (name) => {
    const size = Number(name.split("-")[1]);
    const b = fs.readFileSync(path.join(assetsDir, `${name}.png`));
    expect(b.toString("latin1", 1, 4)).toBe("PNG");
    expect([b.readUInt32BE(16), b.readUInt32BE(20)]).toEqual([size, size]);
  });
});
