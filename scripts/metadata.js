/*
 * Excel's functions.json, from the registry (src/functions/params.ts and catalog.ts through
 * src/functions/metadata.ts), for the build and the checks:
 *   - `RegistryMetadataPlugin` emits it into webpack's output (dist/functions.json), failing the
 *     build when it breaks a rule Excel enforces;
 *   - `metadataProblems` lists those breaks (Microsoft's metadata reference: ids and names of
 *     letters, digits, "." and "_", at most 128 characters, unique; a required parameter never
 *     after an optional one; a streaming function's result a number).
 * The registry is loaded fresh on every compilation, so `npm start` picks up an edited catalog.
 */
require("./ts-require");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const SRC = path.resolve(__dirname, "..", "src") + path.sep;

const HELP_PAGES = path.resolve(__dirname, "help-pages.js");

/**
 * Forgets the TypeScript sources loaded so far, and the help pages made from them (webpack's watch
 * mode), then loads `file` again.
 */
function freshRequire(file) {
  for (const key of Object.keys(require.cache)) {
    if ((key.startsWith(SRC) && key.endsWith(".ts")) || key === HELP_PAGES) delete require.cache[key];
  }
  return require(file);
}

/** The registry's functions.json (help URLs at https://localhost:3000/help/), and the source files it came from. */
function registryMetadata() {
  const { functionsMetadata } = freshRequire("../src/functions/metadata.ts");
  const files = Object.keys(require.cache).filter((key) => key.startsWith(SRC) && key.endsWith(".ts"));
  return { metadata: functionsMetadata(), files };
}

const ID = /^[A-Za-z0-9._]+$/;
const NAME = /^\p{L}[\p{L}0-9._]*$/u;

/** What in a functions.json Excel would refuse or misread; empty when it is sound. */
function metadataProblems(metadata) {
  const problems = [];
  if (!metadata || !Array.isArray(metadata.functions) || metadata.functions.length === 0) return ["no functions"];
  const seen = new Set();
  for (const f of metadata.functions) {
    const where = `function ${JSON.stringify(f.id)}`;
    if (typeof f.id !== "string" || !ID.test(f.id) || f.id.length > 128) problems.push(`${where}: an id is letters, digits, "." and "_", at most 128 characters`);
    if (typeof f.name !== "string" || !NAME.test(f.name) || f.name.length > 128) problems.push(`${where}: a name starts with a letter and has only letters, digits, "." and "_", at most 128 characters`);
    for (const key of [`id ${String(f.id).toUpperCase()}`, `name ${String(f.name).toUpperCase()}`]) {
      if (seen.has(key)) problems.push(`${where}: its ${key.split(" ")[0]} is used twice`);
      seen.add(key);
    }
    if (typeof f.description !== "string" || f.description.length === 0) problems.push(`${where}: no description`);
    const result = f.result || {};
    const resultOk = (result.type === "number" && result.dimensionality === undefined) || (result.dimensionality === "matrix" && result.type === undefined);
    if (!resultOk) problems.push(`${where}: a result is {"type":"number"} or {"dimensionality":"matrix"}`);
    if (f.options && (f.options.stream !== true || Object.keys(f.options).length !== 1)) problems.push(`${where}: the only option MINER uses is {"stream":true}`);
    if (f.options && f.options.stream && result.type !== "number") problems.push(`${where}: a streaming function returns a number`);
    if (!Array.isArray(f.parameters)) {
      problems.push(`${where}: no parameter list`);
      continue;
    }
    const names = new Set();
    let optionalSeen = false;
    for (const p of f.parameters) {
      const at = `${where}, parameter ${JSON.stringify(p.name)}`;
      if (typeof p.name !== "string" || !NAME.test(p.name) || p.name.length > 128) problems.push(`${at}: a name starts with a letter and has only letters, digits, "." and "_"`);
      if (names.has(p.name)) problems.push(`${at}: named twice`);
      names.add(p.name);
      if (p.type !== "any") problems.push(`${at}: every MINER parameter is of type "any" (the add-in reads it)`);
      if (p.dimensionality !== undefined && p.dimensionality !== "matrix") problems.push(`${at}: dimensionality is "matrix" or absent`);
      if (typeof p.description !== "string" || p.description.length === 0) problems.push(`${at}: no description`);
      if (p.optional) optionalSeen = true;
      else if (optionalSeen) problems.push(`${at}: a required parameter after an optional one (Excel refuses the add-in)`);
    }
  }
  return problems;
}

/** Emits functions.json from the registry, or fails the build naming what Excel would refuse. */
class RegistryMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RegistryMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RegistryMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { metadata, files } = registryMetadata();
        for (const file of files) compilation.fileDependencies.add(file);
        const problems = metadataProblems(metadata);
        if (problems.length) {
          compilation.errors.push(new WebpackError(`functions.json from the registry:\n${problems.join("\n")}`));
          return;
        }
        compilation.emitAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 2) + "\n"));
      });
    });
  }
}

module.exports = { RegistryMetadataPlugin, metadataProblems, registryMetadata };
