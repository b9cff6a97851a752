/*
 * Lets plain Node scripts (and webpack's config) require the TypeScript registry in
 * src/functions (params.ts, catalog.ts): each .ts file is transpiled on load with the project's
 * own TypeScript, types stripped, nothing type-checked (`npm run typecheck` does that).
 */
const fs = require("fs");
const ts = require("typescript");

// Under Jest, ts-jest already loads .ts files (and require.extensions is not Node's).
if (require.extensions && !require.extensions[".ts"]) {
  require.extensions[".ts"] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
}
