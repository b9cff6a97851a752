#!/usr/bin/env node
/*
 * The add-in manifest, offline: a production rewrite and a validator.
 *
 *   toProductionManifest(xml, baseUrl)  every https://localhost:3000 URL -> baseUrl (all of
 *                                       them: Microsoft's template replaced only the first)
 *   checkManifest(xml, {production, assetsDir})  problems as text lines, [] when valid
 *
 * Microsoft's `office-addin-manifest validate` calls an online service; this check runs without
 * network and covers what breaks loading: Microsoft's XSDs (scripts/manifest-xsd.js: element
 * order, types), well-formed XML, the required elements, every resid defined, the shared
 * runtime and the requirement sets the code needs, ribbon commands on the runtime's page, the
 * MINER namespace, https everywhere (no localhost in production), the narrowest permission, icon
 * sizes Office accepts, and icon files of the sizes they claim.
 *
 * CLI: node scripts/manifest.js validate [manifest.xml] [--production]
 *      node scripts/manifest.js production <in.xml> <out.xml> <baseUrl>
 */
const fs = require("fs");
const path = require("path");

const DEV_BASE = "https://localhost:3000";
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadWriteDocument"]; // broader ones are refused
// MS-OWEMXML, ImageResourceReference: "Mandatory values are 16, 32, and 80. Currently supported
// optional values are 20, 24, 40, 48, and 64." The XSD types size as any integer.
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const ICON_SIZES_REQUIRED = [16, 32, 80];
/**
 * Requirement sets the code relies on: SharedRuntime 1.1 (one runtime for the functions, the pane
 * and the ribbon's ExecuteFunction command) and CustomFunctionsRuntime 1.2 (CustomFunctions.Error,
 * the #VALUE!/#NUM!/#N/A with a message every function returns).
 */
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" };

/** Hosts that are never a real deployment: this machine, and the documentation domains of RFC 2606. */
const PLACEHOLDER_HOSTS = /^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\]|(.*\.)?example\.(com|org|net))$/i;
/** Names reserved so that no one can own them (RFC 2606, 6761, 6762): a build naming one was guessed. */
const RESERVED_NAMES = /(^|\.)(test|invalid|local|example)$/i;
/** RFC 6761's name for testing, which a build served only on this machine (the tests, .ci/run) may use. */
const TEST_NAME = /(^|\.)test$/i;

/**
 * Whether a local build for a .test host is allowed: MINER_TEST_HOST=1, which the tests' builds
 * and .ci/run set for the https://miner.test/ they serve locally. A release never sets it.
 */
const testHostAllowed = (env = process.env) => env.MINER_TEST_HOST === "1";

/**
 * Whether a host name is this machine, a documentation placeholder or a reserved name (.test,
 * .invalid, .local, .example): never a real deployment. `testHost` lets a .test name through.
 */
function isPlaceholderHost(hostname, { testHost = false } = {}) {
  const host = String(hostname).replace(/\.$/, ""); // "miner.test." is miner.test
  if (PLACEHOLDER_HOSTS.test(host)) return true;
  return RESERVED_NAMES.test(host) && !(testHost && TEST_NAME.test(host));
}

/**
 * The production base URL, checked and with exactly one trailing slash. A production build must
 * never guess: it refuses anything that is not an explicit https address of a real host.
 */
function normaliseBaseUrl(baseUrl, { testHost = testHostAllowed() } = {}) {
  if (baseUrl === undefined || String(baseUrl).trim() === "") {
    throw new Error(
      "the production base URL is missing: set MINER_BASE_URL to the https address dist/ will be served from, " +
        "e.g. MINER_BASE_URL=https://<owner>.github.io/<repo>/ npm run build  (npm run build:dev and npm start need none)",
    );
  }
  let u;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new Error(`production base URL is not a URL: "${baseUrl}"`);
  }
  if (u.protocol !== "https:") throw new Error(`production base URL must be https://, got "${baseUrl}"`);
  if (isPlaceholderHost(u.hostname, { testHost })) {
    throw new Error(`production base URL must be the real host that serves dist/, not a local or example address (nor a reserved .test, .invalid, .local or .example name): "${baseUrl}"`);
  }
  if (u.username || u.password) throw new Error(`production base URL must not carry credentials: "${baseUrl}"`);
  if (u.search || u.hash || /[?#]/.test(baseUrl)) throw new Error(`production base URL must not have a query or fragment: "${baseUrl}"`);
  return u.href.replace(/\/+$/, "") + "/";
}

/** Office's four-part version (x.y.z.w) from package.json's semver x.y.z; pre-release tags are refused. */
function manifestVersion(pkgVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(pkgVersion));
  if (!m) throw new Error(`package.json version must be x.y.z (Office manifests take numbers only), got "${pkgVersion}"`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The manifest with its <Version> set (Office updates an installed add-in only when it grows). */
function setManifestVersion(xml, version) {
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("the manifest has no <Version> element");
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/**
 * Every https://localhost:3000 URL (with or without a path) pointed at baseUrl. `files` renames
 * built files whose names carry a content hash, e.g. {"functions.js": "functions.1a2b3c.js"}.
 */
function toProductionManifest(xml, baseUrl, files = {}) {
  const base = normaliseBaseUrl(baseUrl);
  let out = xml.replace(/https:\/\/localhost:3000\/?/g, base);
  for (const [from, to] of Object.entries(files)) out = out.split(`${base}${from}"`).join(`${base}${to}"`);
  return out;
}

// ---- a small strict XML reader: elements, attributes, text, comments, declarations --------

function parseXml(xml) {
  const problems = [];
  let i = 0;
  const root = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  let rootCount = 0;
  const lineOf = (pos) => xml.slice(0, pos).split("\n").length;
  const fail = (msg, pos = i) => {
    problems.push(`XML line ${lineOf(pos)}: ${msg}`);
  };
  while (i < xml.length && problems.length === 0) {
    const top = stack[stack.length - 1];
    if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i + 4);
      if (end < 0) return fail("comment is never closed"), { root, problems };
      if (xml.slice(i + 4, end).includes("--")) fail("'--' inside a comment");
      i = end + 3;
    } else if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i);
      if (end < 0) return fail("declaration is never closed"), { root, problems };
      if (i !== 0 && xml.startsWith("<?xml", i)) fail("the XML declaration must come first");
      i = end + 2;
    } else if (xml.startsWith("<![CDATA[", i)) {
      const end = xml.indexOf("]]>", i);
      if (end < 0) return fail("CDATA is never closed"), { root, problems };
      if (stack.length === 1) fail("text outside the root element");
      top.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(i));
      if (!m) return fail("malformed closing tag"), { root, problems };
      if (stack.length === 1 || top.name !== m[1]) {
        return fail(`closing tag </${m[1]}> does not match <${stack.length > 1 ? top.name : "(none)"}>`), { root, problems };
      }
      stack.pop();
      i += m[0].length;
    } else if (xml[i] === "<") {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i));
      if (!m) return fail("'<' that does not start a tag"), { root, problems };
      const el = { name: m[1], attrs: {}, children: [], text: "", line: lineOf(i) };
      i += m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))[0];
        i += ws.length;
        if (xml.startsWith("/>", i)) {
          i += 2;
          break;
        }
        if (xml[i] === ">") {
          i += 1;
          stack.push(el);
          break;
        }
        if (!ws) return fail(`attributes of <${el.name}> need white space between them`), { root, problems };
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
        if (!a) return fail(`malformed or unquoted attribute in <${el.name}>`), { root, problems };
        if (a[1] in el.attrs) fail(`attribute ${a[1]} repeated in <${el.name}>`);
        el.attrs[a[1]] = decode(a[3] ?? a[4], fail);
        i += a[0].length;
      }
      if (stack.length === 1 || (stack.length === 2 && stack[1] === el)) {
        // a child of the document
        rootCount++;
        if (rootCount > 1) fail(`a second root element <${el.name}>`);
      }
      top.children.push(el);
    } else {
      const next = xml.indexOf("<", i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (stack.length === 1 && text.trim()) fail("text outside the root element");
      top.text += decode(text, fail);
      i = next < 0 ? xml.length : next;
    }
  }
  if (problems.length === 0 && stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`);
  if (problems.length === 0 && rootCount === 0) fail("no root element");
  return { root: root.children[0], problems };
}

function decode(s, fail) {
  return s.replace(/&([^;\s]*);?/g, (whole, name) => {
    const known = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (!whole.endsWith(";")) return fail(`'&' that is not an entity`), whole;
    if (name in known) return known[name];
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-fA-F]+$/.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    fail(`unknown entity &${name};`);
    return whole;
  });
}

// ---- checks ----------------------------------------------------------------------------------

const local = (name) => name.split(":").pop();
const children = (el, name) => (el ? el.children.filter((c) => local(c.name) === name) : []);
const child = (el, name) => children(el, name)[0];
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * @param {string} xml
 * @param {{production?: boolean, assetsDir?: string}} [options]
 * @returns {string[]} problems
 */
function checkManifest(xml, options = {}) {
  const { root, problems } = parseXml(xml);
  if (problems.length || !root) return problems;
  const need = (cond, msg) => {
    if (!cond) problems.push(msg);
  };
  need(local(root.name) === "OfficeApp", `the root element must be OfficeApp, not ${root.name}`);
  need(root.attrs["xsi:type"] === "TaskPaneApp", 'OfficeApp must have xsi:type="TaskPaneApp"');
  const id = child(root, "Id");
  need(id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text.trim()), "Id must be a GUID");
  need(child(root, "Version") && /^\d+(\.\d+){1,3}$/.test(child(root, "Version").text.trim()), "Version must be like 1.0.0.0");
  for (const name of ["ProviderName", "DefaultLocale"]) need(child(root, name) && child(root, name).text.trim(), `${name} is required`);
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    need(child(root, name) && child(root, name).attrs.DefaultValue, `${name} with a DefaultValue is required`);
  }
  need(children(child(root, "Hosts"), "Host").some((h) => h.attrs.Name === "Workbook"), 'Hosts must include <Host Name="Workbook"/> (Excel)');
  need(child(child(root, "DefaultSettings"), "SourceLocation"), "DefaultSettings/SourceLocation is required");
  const permission = child(root, "Permissions") && child(root, "Permissions").text.trim();
  need(PERMISSIONS.includes(permission), `Permissions must be one of ${PERMISSIONS.join(", ")} (the narrowest that works), got ${permission || "none"}`);
  const sets = children(child(child(root, "Requirements"), "Sets"), "Set");
  // What the code needs on every host: one runtime for functions, pane and ribbon, and custom functions' error messages.
  for (const [name, version] of Object.entries(REQUIRED_SETS)) {
    const set = sets.find((s) => s.attrs.Name === name);
    need(set && Number(set.attrs.MinVersion ?? "1.1") >= Number(version), `Requirements must ask for ${name} ${version} or later`);
  }

  const overrides = child(root, "VersionOverrides");
  need(overrides, "VersionOverrides is required");
  const all = [...walk(root)];
  const runtime = all.find((e) => local(e.name) === "Runtime");
  need(runtime && runtime.attrs.lifetime === "long", 'a shared runtime needs <Runtime lifetime="long">');
  const cf = all.find((e) => local(e.name) === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
  need(cf, "an ExtensionPoint of type CustomFunctions is required");
  if (cf) {
    for (const part of ["Script", "Page", "Metadata"]) need(child(child(cf, part), "SourceLocation"), `CustomFunctions needs ${part}/SourceLocation`);
    need(child(cf, "Namespace"), "CustomFunctions needs a Namespace");
  }

  // Resources: every resid used is defined once; the namespace resolves to MINER.
  const defined = new Map();
  const resources = child(overrides, "Resources");
  for (const e of resources ? walk(resources) : []) {
    if (e.attrs.id && ["Image", "Url", "String"].includes(local(e.name))) {
      if (defined.has(e.attrs.id)) problems.push(`resource id ${e.attrs.id} is defined twice`);
      defined.set(e.attrs.id, e.attrs.DefaultValue);
    }
  }
  for (const e of all) {
    if (e.attrs.resid !== undefined) need(defined.has(e.attrs.resid), `resid "${e.attrs.resid}" (in <${local(e.name)}>, line ${e.line}) is not defined in Resources`);
  }
  if (cf && child(cf, "Namespace")) {
    need(defined.get(child(cf, "Namespace").attrs.resid) === "MINER", "the custom functions namespace must be MINER");
  }
  if (runtime) need(/\.html$/.test(defined.get(runtime.attrs.resid) || ""), "the runtime must point at an HTML page");

  // URLs: https everywhere; localhost only in development, and only at port 3000.
  const urls = [];
  for (const e of all) {
    // xmlns values are namespace names, not addresses anything fetches
    for (const [k, v] of Object.entries(e.attrs)) if (!k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v)) urls.push(v);
  }
  for (const u of urls) {
    need(u.startsWith("https://"), `every URL must be https: ${u}`);
    if (options.production) need(!/localhost|127\.0\.0\.1/.test(u), `a production manifest must not point at localhost: ${u}`);
    else if (/localhost/.test(u)) need(u.startsWith(`${DEV_BASE}/`), `development URLs must be under ${DEV_BASE}/: ${u}`);
  }
  if (options.production) need(!/localhost/.test(xml), "a production manifest must not mention localhost anywhere");

  // Ribbon icons: sizes Office accepts, and the three it requires, in every <Icon>.
  for (const icon of all.filter((e) => local(e.name) === "Icon")) {
    const sizes = children(icon, "Image").map((img) => Number(img.attrs.size));
    for (const size of sizes) need(ICON_SIZES.includes(size), `an icon of size ${size} (line ${icon.line}): Office accepts ${ICON_SIZES.join(", ")}`);
    for (const size of ICON_SIZES_REQUIRED) need(sizes.includes(size), `an <Icon> (line ${icon.line}) lacks the required size ${size} (16, 32 and 80 are required)`);
  }

  // Icons: each image resource claiming a size (assets/<name>-<size>.png) exists in assets/ at that size.
  if (options.assetsDir) {
    for (const [rid, url] of defined) {
      const m = /\/assets\/([\w-]+-(\d+)\.png)$/.exec(url || "");
      if (!m) continue;
      const file = path.join(options.assetsDir, m[1]);
      if (!fs.existsSync(file)) {
        problems.push(`${rid}: ${file} does not exist`);
        continue;
      }
      const size = pngSize(file);
      need(size && size.width === Number(m[2]) && size.height === Number(m[2]), `${rid}: ${file} is not ${m[2]}×${m[2]} pixels`);
    }
  }

  // Ribbon commands run in the shared runtime: the function file is the runtime's page.
  const functionFile = all.find((e) => local(e.name) === "FunctionFile");
  const commands = all.filter((e) => local(e.name) === "Action" && e.attrs["xsi:type"] === "ExecuteFunction");
  if (commands.length) {
    need(functionFile && runtime && functionFile.attrs.resid === runtime.attrs.resid, "a ribbon command (ExecuteFunction) needs <FunctionFile> on the shared runtime's page");
    for (const c of commands) need(child(c, "FunctionName") && child(c, "FunctionName").text.trim(), `an ExecuteFunction action (line ${c.line}) needs a FunctionName`);
  }
  return problems;
}

async function main(argv) {
  const [command, ...rest] = argv;
  const { validateManifestSchema } = require("./manifest-xsd");
  if (command === "validate") {
    const production = rest.includes("--production");
    const file = rest.find((a) => !a.startsWith("--")) || "manifest.xml";
    const xml = fs.readFileSync(file, "utf8");
    const problems = [...(await validateManifestSchema(xml, path.basename(file))), ...checkManifest(xml, { production, assetsDir: path.resolve(path.dirname(file), "assets") })];
    for (const p of problems) console.error(`${file}: ${p}`);
    if (problems.length) return 1;
    console.log(`manifest OK: ${file}${production ? " (production)" : ""}: Microsoft's schemas and the offline checks`);
    return 0;
  }
  if (command === "production" && rest.length === 3) {
    const [input, output, base] = rest;
    const xml = toProductionManifest(fs.readFileSync(input, "utf8"), base);
    const problems = [...(await validateManifestSchema(xml, path.basename(output))), ...checkManifest(xml, { production: true })];
    for (const p of problems) console.error(`${output}: ${p}`);
    if (problems.length) return 1;
    fs.writeFileSync(output, xml);
    console.log(`wrote ${output} for ${base}`);
    return 0;
  }
  console.error("usage: node scripts/manifest.js validate [manifest.xml] [--production]\n       node scripts/manifest.js production <in.xml> <out.xml> <baseUrl>");
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}

module.exports = { toProductionManifest, checkManifest, parseXml, normaliseBaseUrl, isPlaceholderHost, testHostAllowed, manifestVersion, setManifestVersion, REQUIRED_SETS };
