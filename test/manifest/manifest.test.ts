import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, toProductionManifest, parseXml } = require("../../scripts/manifest.js");

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const assetsDir = path.join(ROOT, "assets");
const PROD = "https://addin.example.com/miner/";

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
    expect((prod.match(/https:\/\/addin\.example\.com\/miner\//g) ?? []).length).toBe(count);
    expect(prod).toMatch(/<SourceLocation DefaultValue="https:\/\/addin\.example\.com\/miner\/taskpane\.html"\/>/);
    expect(checkManifest(prod, { production: true, assetsDir })).toEqual([]);
  });

  test("normalises the base URL's trailing slash", () => {
    expect(toProductionManifest(xml, "https://addin.example.com/miner")).toBe(toProductionManifest(xml, PROD));
  });

  test("refuses an http, local or malformed base URL", () => {
    expect(() => toProductionManifest(xml, "http://addin.example.com/")).toThrow(/must be https/);
    expect(() => toProductionManifest(xml, "https://localhost:8443/")).toThrow(/must not be local/);
    expect(() => toProductionManifest(xml, "addin.example.com")).toThrow(/is not a URL/);
  });

  test("a production manifest with one localhost URL left fails the production check", () => {
    const prod = toProductionManifest(xml, PROD).replace("https://addin.example.com/miner/functions.js", "https://localhost:3000/functions.js");
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
  test("a stray '<'", () => expect(broken("<Version>1.0.0.0</Version>", "<Version>1 < 2</Version>")[0]).toMatch(/does not start a tag/));
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

describe("icons", () => {
  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a square PNG of that size", (size) => {
    const b = fs.readFileSync(path.join(assetsDir, `icon-${size}.png`));
    expect(b.toString("latin1", 1, 4)).toBe("PNG");
    expect([b.readUInt32BE(16), b.readUInt32BE(20)]).toEqual([size, size]);
  });
});
