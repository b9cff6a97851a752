/*
 * Builds the add-in's static files into dist/:
 *   functions.<hash>.js + functions.<hash>.json  custom functions and their metadata (written from the
 *                                  registry, scripts/metadata.js); functions.js also holds the code
 *                                  the pane shares (decimal.js, calc)
 *   fast.<hash>.js                 the certified fast paths, a chunk functions.js asks for as it starts
 *                                  (src/calc/fast/lazy.ts): faster, never different, answers
 *   market.<hash>.js               the live-data code, a chunk the first live cell, MINER.HISTORY cell
 *                                  or the pane asks for (src/market/lazy.ts)
 *   words.<hash>.js                the registry's descriptions, units and examples, for the pane's page
 *                                  (scripts/registry-words-loader.js)
 *   taskpane.html + taskpane.<hash>.js           the task pane, which is also the shared runtime page;
 *                                  taskpane.js depends on functions.js and words.js (webpack dependOn): one copy
 *   help/*.html                    the function reference, rendered from functions.json
 *   docs/*.html, docs/*.png        the guides (docs/*.md), rendered with marked (scripts/docs-site.js),
 *                                  the support page with the build's contact (MINER_SUPPORT_URL)
 *   manifest.xml                   its <Version> from package.json; in production every
 *                                  https://localhost:3000 URL points at MINER_BASE_URL and at the hashed files
 *   assets/                        icons
 * Production (`npm run build`) needs MINER_BASE_URL, an explicit https address of the host that
 * serves dist/, and MINER_SUPPORT_URL, where its users get help; it refuses a missing, http, local
 * or example.* one rather than guess.
 * Development (`npm start`, `npm run build:dev`) serves the same files, unhashed, at https://localhost:3000.
 */
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { Compilation, DefinePlugin, sources } = require("webpack");
const { RegistryMetadataPlugin } = require("./scripts/metadata");
const { manifestVersion, normaliseBaseUrl, setManifestVersion, toProductionManifest } = require("./scripts/manifest");
const { supportContact } = require("./scripts/support-url");
const { execFileSync } = require("child_process");
const pkg = require("./package.json");

const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Content-Security-Policy of the task pane: Office's CDN for office.js, nothing inline, no eval,
 * https only. It is fixed here at build time and never built from a setting: connect-src allows
 * any https host, because a user's or a workbook's mempool instance must work without reloading
 * the page (a reload restarts the shared custom-functions runtime, office-js#1107); the code
 * itself only contacts the providers and a base URL that passed src/market/source-url.ts.
 * Test builds also reach the fake API on 127.0.0.1.
 */
function contentSecurityPolicy(dev, testHooks) {
  const office = "https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
    "style-src 'self' 'unsafe-inline'", // office.js injects inline styles for its dialogs
    "img-src 'self' data:",
    `connect-src 'self' https:${dev ? " wss://localhost:3000" : ""}${testHooks ? " http://127.0.0.1:*" : ""}`,
    `frame-src ${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

const shortHash = (text) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Emits help pages from functions.json and, in production, points help URLs at the base URL. */
class HelpAndUrlsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpAndUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpAndUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // metadata errors: the metadata plugin has already failed the build
          // Loaded now, after the metadata plugin reloaded the registry (watch mode: an edited catalog).
          const { renderHelpPages } = require("./scripts/help-pages");
          let json = asset.source.source().toString();
          if (this.baseUrl !== DEV_BASE_URL) {
            json = json.split(DEV_BASE_URL).join(this.baseUrl);
            compilation.updateAsset("functions.json", new sources.RawSource(json));
          }
          const pages = renderHelpPages(JSON.parse(json), "MINER");
          for (const [name, html] of Object.entries(pages)) {
            compilation.emitAsset(`help/${name}`, new sources.RawSource(html));
          }
        },
      );
    });
  }
}

/**
 * The guides as HTML (docs/*.html), rendered by scripts/docs-site.js in a child process (marked is
 * an ES module, and test builds run inside jest, which cannot load one). The support page names
 * `supportUrl`; a development build without one says that a release names it.
 */
class DocsSitePlugin {
  constructor({ supportUrl, dev }) {
    this.env = { ...process.env, MINER_SUPPORT_URL: supportUrl ?? "", MINER_DOCS_DEV: dev ? "1" : "" };
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DocsSitePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "DocsSitePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const docs = path.resolve(compiler.context, "docs");
        compilation.contextDependencies.add(docs);
        const script = path.resolve(compiler.context, "scripts", "docs-site.js");
        const out = execFileSync(process.execPath, [script, "--json"], { env: this.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        for (const [name, html] of Object.entries(JSON.parse(out).files)) compilation.emitAsset(name, new sources.RawSource(html));
      });
    });
  }
}

/**
 * The manifest, written last (after webpack's real content hashes): its <Version> from
 * package.json, and in production its URLs at the base URL and the hashed file names, with
 * functions.json renamed to carry its own content hash. So a manifest always names exactly the
 * code and metadata it was built with, and a new release never meets a cached old file.
 */
class ManifestPlugin {
  constructor({ baseUrl, production }) {
    this.baseUrl = baseUrl;
    this.production = production;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const source = path.resolve(compiler.context, "manifest.xml");
        compilation.fileDependencies.add(source);
        let xml = setManifestVersion(fs.readFileSync(source, "utf8"), manifestVersion(pkg.version));
        if (this.production) {
          const files = {};
          const entryFile = (name) => compilation.entrypoints.get(name).getEntrypointChunk().files.values().next().value;
          files["functions.js"] = entryFile("functions");
          const metadata = compilation.getAsset("functions.json");
          if (metadata) {
            const hashed = `functions.${shortHash(metadata.source.source().toString())}.json`;
            compilation.renameAsset("functions.json", hashed);
            files["functions.json"] = hashed;
          }
          xml = toProductionManifest(xml, this.baseUrl, files);
        }
        compilation.emitAsset("manifest.xml", new sources.RawSource(xml));
      });
      // The stylesheet is copied with a content hash in production; point the page at it.
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("ManifestPlugin", (data) => {
        const css = Object.keys(compilation.assets).find((name) => /^taskpane\.[0-9a-f]+\.css$/.test(name));
        if (css) data.html = data.html.replace('href="taskpane.css"', `href="${css}"`);
        return data;
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  // Test builds only: provider URLs injectable (window.MINER_TEST_BASES) and plain http to 127.0.0.1.
  const testHooks = !!(env && env.testHooks);
  const baseUrl = dev ? DEV_BASE_URL : normaliseBaseUrl(process.env.MINER_BASE_URL);
  // Production names where users get help, or does not build; development may go without.
  const support = dev && !process.env.MINER_SUPPORT_URL ? undefined : supportContact(process.env.MINER_SUPPORT_URL);
  const hashed = (name) => (dev ? name : name.replace(/(\.[a-z]+)$/, ".[contenthash:16]$1"));
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // The registry's words (descriptions, units, examples), which only the pane's template tables
      // read: split out of functions.js at build time and given back to its objects on the pane's
      // page (scripts/registry-words-loader.js; CONTRIBUTING.md, "The bundle").
      words: { import: "./src/functions/params.ts?words", dependOn: "functions" },
      // The pane runs on the same page after functions.js: it takes decimal.js, calc and the
      // market service from there instead of carrying its own copy.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: ["functions", "words"] },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: hashed("[name].js"),
      chunkFilename: hashed("[name].js"), // fast.js and market.js (src/calc/fast/lazy.ts, src/market/lazy.ts)
      // the chunk loader reads the global object as globalThis (else webpack's fallback is new Function)
      environment: { globalThis: true },
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      // Type-checking is `npm run typecheck`'s job; the build only transpiles (tsconfig sets isolatedModules).
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } } },
        // the registry without the words only the pane and the metadata read (and, ?words, those words)
        { test: /[\\/]src[\\/]functions[\\/]params\.ts$/, enforce: "pre", use: path.resolve(__dirname, "scripts/registry-words-loader.js") },
        // decimal.js without the functions MINER never calls (trigonometry, base-2/8/16 output, ...): CONTRIBUTING.md, "The bundle"
        { test: /[\\/]node_modules[\\/]decimal\.js[\\/]decimal\.mjs$/, use: path.resolve(__dirname, "scripts/decimal-subset-loader.js") },
      ],
    },
    performance: { hints: false }, // budgets: scripts/check-bundle-size.js
    plugins: [
      new RegistryMetadataPlugin(),
      new HelpAndUrlsPlugin(baseUrl),
      new ManifestPlugin({ baseUrl, production: !dev }),
      new DocsSitePlugin({ supportUrl: support?.href, dev }),
      new DefinePlugin({ __MINER_TEST_HOOKS__: JSON.stringify(testHooks), __MINER_DEV_SERVER__: JSON.stringify(dev) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "words", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { csp: contentSecurityPolicy(dev, testHooks), testHooks },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "docs/*.png", to: "docs/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: hashed("taskpane.css").replace("[contenthash:16]", "[contenthash]") },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost", // serve this machine only
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: false },
    },
  };
  if (dev && env.WEBPACK_SERVE) {
    const { httpsOptions } = require("./scripts/dev-certs");
    config.devServer.server = { type: "https", options: await httpsOptions() };
  }
  return config;
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
