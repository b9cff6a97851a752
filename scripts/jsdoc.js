#!/usr/bin/env node
/*
 * Writes the JSDoc that custom-functions-metadata reads (and so Excel's functions.json) from the
 * registry: src/functions/params.ts (each parameter once) and src/functions/catalog.ts (each
 * function once). In each function file a function is
 *
 *   // MINER.COSTPERBTC: generated ...           <- this line, the JSDoc and the overload are generated
 *   /** Excel's description, @customfunction, @param per parameter, @returns, @helpurl *\/
 *   export function costPerBtc(power_price_kwh: unknown, ...): number;   <- bodiless overload
 *   export function costPerBtc(...args: unknown[]): number { ... }               <- the implementation
 *
 * so each adapter lists its arguments once (in the registry) and the metadata plugin's
 * CustomFunctions.associate binds the implementation.
 *   node scripts/jsdoc.js          rewrites the blocks (then formats the files with Prettier)
 *   node scripts/jsdoc.js --check  exits 1, naming the files, when a block is stale
 */
require("./ts-require");
const fs = require("fs");
const path = require("path");
const prettier = require("prettier");
const { PARAMS, SIGNATURES, isRequired, tooltip } = require("../src/functions/params.ts");
const { CATALOG } = require("../src/functions/catalog.ts");

const FUNCTION_FILES = require("./function-files");
const HELP_BASE = "https://localhost:3000/help/";
const MARKER = /^\/\/ MINER\.([A-Z0-9]+): generated[^\n]*\n(?:\/\*\*[\s\S]*?\*\/\n)?export function (\w+)\([^;{]*?\)[^;{]*;\n/gm;

/**
 * TypeScript type of a parameter in the overload: what custom-functions-metadata turns into type and
 * dimensionality. A table, a column, a list or a list of pairs is a range (matrix), so Excel passes it whole
 * rather than calling the function once per cell; a number typed there arrives as [[x]].
 */
const typeOf = (p) => (p.kind === "range" || p.kind === "column" || p.kind === "pairs" || p.kind === "list" ? "any[][]" : "unknown");

function block(doc, jsName) {
  const params = SIGNATURES[doc.id];
  const live = doc.shape === "live";
  const lines = [
    `// MINER.${doc.id}: generated from src/functions/params.ts and catalog.ts by scripts/jsdoc.js; edit those, not this.`,
    "/**",
    ` * ${doc.description}`,
    ` * @customfunction ${doc.id}`,
    ...params.map((p) => ` * @param ${isRequired(p) ? p.name : `[${p.name}]`} ${tooltip(p)}`),
    ` * @returns ${doc.result}`,
    ` * @helpurl ${HELP_BASE}${doc.id}.html`,
    " */",
  ];
  // A streaming function's invocation comes last, so its optional parameters cannot be `?` in TypeScript.
  const args = params.map((p) => `${p.name}${!live && !isRequired(p) ? "?" : ""}: ${typeOf(p)}`);
  if (live) args.push("invocation: CustomFunctions.StreamingInvocation<number>");
  const returns = live ? "void" : doc.shape === "table" ? "any[][]" : "number";
  lines.push(`export function ${jsName}(${args.join(", ")}): ${returns};`);
  return lines.join("\n") + "\n";
}

/** Checks the registry itself: every function documented once, with a parameter list. */
function registryProblems() {
  const problems = [];
  const ids = CATALOG.map((d) => d.id);
  for (const id of Object.keys(SIGNATURES)) if (!ids.includes(id)) problems.push(`${id} has no entry in catalog.ts`);
  for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${id} is documented twice`);
  for (const p of Object.values(PARAMS)) if (/[@*]/.test(tooltip(p))) problems.push(`${p.name}: no "@" or "*" in JSDoc text`);
  return problems;
}

/** Each function file with its blocks regenerated and Prettier-formatted: { file, before, after }. */
async function generate(root = path.resolve(__dirname, "..")) {
  const problems = registryProblems();
  const seen = new Map();
  const out = [];
  for (const rel of FUNCTION_FILES) {
    const file = path.resolve(root, rel);
    const before = fs.readFileSync(file, "utf8");
    const replaced = before.replace(MARKER, (whole, id, jsName, offset) => {
      const doc = CATALOG.find((d) => d.id === id);
      if (!doc) {
        problems.push(`${rel}: MINER.${id} is not in catalog.ts`);
        return whole;
      }
      if (seen.has(id)) problems.push(`${rel}: MINER.${id} is also in ${seen.get(id)}`);
      seen.set(id, rel);
      const rest = before.slice(offset + whole.length);
      if (!rest.startsWith(`export function ${jsName}(...args: unknown[])`)) {
        problems.push(`${rel}: MINER.${id}'s overload must be followed by export function ${jsName}(...args: unknown[])`);
      }
      return block(doc, jsName);
    });
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    out.push({ file, before, after: await prettier.format(replaced, options) });
  }
  for (const d of CATALOG) if (!seen.has(d.id)) problems.push(`MINER.${d.id} has no generated block in the function files`);
  return { files: out, problems };
}

if (require.main === module) {
  const check = process.argv.includes("--check");
  generate().then(({ files, problems }) => {
    if (problems.length) {
      console.error(problems.join("\n"));
      process.exit(1);
    }
    const stale = files.filter((f) => f.before !== f.after);
    if (check) {
      if (stale.length) {
        console.error(`stale JSDoc (run: node scripts/jsdoc.js): ${stale.map((f) => path.relative(process.cwd(), f.file)).join(", ")}`);
        process.exit(1);
      }
      console.log(`JSDoc up to date: ${CATALOG.length} functions`);
      return;
    }
    for (const f of stale) fs.writeFileSync(f.file, f.after);
    console.log(`wrote ${stale.length} file(s); ${CATALOG.length} functions`);
  });
}

module.exports = { generate, block };
