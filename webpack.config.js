/*
 * Builds the add-in's static files into dist/:
 *   functions.js + functions.json  custom functions (self-contained; also loaded by the pane)
 *   taskpane.html + taskpane.js    the task pane, which is also the shared runtime page
 *   help/*.html                    the function reference, rendered from functions.json
 *   manifest.xml                   production: every https://localhost:3000 URL rewritten
 *   assets/                        icons
 * Development: `npm start` serves the same files at https://localhost:3000.
 * Production base URL: env MINER_BASE_URL (https only), else package.json config.productionBaseUrl.
 */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { Compilation, DefinePlugin, sources } = require("webpack");
const { renderHelpPages } = require("./scripts/help-pages");
const pkg = require("./package.json");

const DEV_BASE_URL = "https://localhost:3000/";
const FUNCTION_FILES = require("./scripts/function-files");

function productionBaseUrl() {
  const url = process.env.MINER_BASE_URL || pkg.config.productionBaseUrl;
  if (!/^https:\/\/[^/\s]+/.test(url)) throw new Error(`MINER_BASE_URL must be an https:// URL, got "${url}"`);
  return url.endsWith("/") ? url : url + "/";
}

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

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  // Test builds only: provider URLs injectable (window.MINER_TEST_BASES) and plain http to 127.0.0.1.
  const testHooks = !!(env && env.testHooks);
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new HelpAndUrlsPlugin(baseUrl),
      new DefinePlugin({ __MINER_TEST_HOOKS__: JSON.stringify(testHooks) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { csp: contentSecurityPolicy(dev, testHooks), testHooks },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : require("./scripts/manifest").toProductionManifest(content.toString(), baseUrl)),
          },
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
module.exports.FUNCTION_FILES = FUNCTION_FILES;
