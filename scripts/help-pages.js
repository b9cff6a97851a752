/*
 * The function reference, generated from functions.json (the metadata Excel reads), never kept by
 * hand: one HTML page per function (its @helpurl) and an index, served with the add-in, and the
 * same content as Markdown in docs/functions.md for the repository.
 *   node scripts/help-pages.js docs   rewrites docs/functions.md from the sources
 */
const fs = require("fs");
const path = require("path");

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The parts of a function's documentation, read from its metadata. */
function describe(namespace, f) {
  const text = f.description || "";
  const m = /^(.*?)\s*Example: (=\S.*?\)) returns (.*?)\.?$/.exec(text);
  // "#NUM! when ...." sentences name the function's own no-answer cases; they go under Errors.
  const noAnswer = /\s*#NUM! when (.+?)\.(?=\s+[A-Z]|$)/g;
  const numCases = [...(m ? m[1] : text).matchAll(noAnswer)].map((x) => x[1]);
  const summary = (m ? m[1] : text).replace(noAnswer, "");
  const params = f.parameters.map((p) => {
    const required = !p.optional || /Required\./.test(p.description || "");
    const d = (p.description || "").replace(/\s*Required\./, "");
    const def = /Default ([^.]+(?:\.\d+)?)\./.exec(d);
    return { name: p.name, required, meaning: d.replace(/\s*Default [^.]+(?:\.\d+)?\./, "").trim(), default: def ? def[1] : undefined };
  });
  const streaming = !!(f.options && f.options.stream);
  const errors = streaming
    ? [
        "#N/A when there is no data yet, the machine is offline, or every provider failed; the message says which.",
        ...f.parameters.map((p) => `#VALUE! when ${p.name} is not one of the allowed values; the message lists them.`),
      ]
    : [
        "#VALUE! when an argument is text, TRUE/FALSE, blank where required, a multi-cell range, NaN/infinite, or outside its allowed range; the message names the function and the argument.",
        ...numCases.map((c) => `#NUM! when ${c}.`),
        "#NUM! when the result would be beyond Excel's number range (about ±1.8E308), which only extreme inputs reach.",
      ];
  return {
    name: `${namespace}.${f.name}`,
    signature: `=${namespace}.${f.name}(${params.map((p) => (p.required ? p.name : `[${p.name}]`)).join(", ")})`,
    summary,
    numCases,
    params,
    example: m ? { formula: m[2], result: m[3] } : undefined,
    result: f.result && f.result.dimensionality === "matrix" ? "A dynamic array that spills into neighbouring cells." : streaming ? "A number that updates live." : "A single number.",
    errors,
  };
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:Segoe UI,system-ui,sans-serif;max-width:50rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
code{background:#f3f3f3;padding:0 .2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * @param {{functions: object[]}} metadata functions.json
 * @param {string} namespace e.g. "MINER"
 * @returns {Record<string,string>} file name (relative to help/) -> HTML
 */
function renderHelpPages(metadata, namespace) {
  const files = {};
  const rows = [];
  for (const f of metadata.functions) {
    const d = describe(namespace, f);
    const params = d.params
      .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.required ? "required" : "optional"}</td><td>${escapeHtml(p.meaning)}</td><td>${p.default === undefined ? "" : escapeHtml(p.default)}</td></tr>`)
      .join("\n");
    files[`${f.id}.html`] = page(
      d.name,
      `<p><a href="index.html">All ${escapeHtml(namespace)} functions</a></p>
<h1>${escapeHtml(d.name)}</h1>
<p><code>${escapeHtml(d.signature)}</code></p>
<p>${escapeHtml(d.summary)}</p>
<h2>Arguments</h2>
<table><tr><th>name</th><th></th><th>meaning and unit</th><th>default</th></tr>
${params}
</table>
<h2>Result</h2>
<p>${escapeHtml(d.result)}</p>
${d.example ? `<h2>Example</h2>\n<p><code>${escapeHtml(d.example.formula)}</code> returns <b>${escapeHtml(d.example.result)}</b>.</p>` : ""}
<h2>Errors</h2>
<ul>${d.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul>`,
    );
    rows.push(`<tr><td><a href="${escapeHtml(f.id)}.html">${escapeHtml(d.name)}</a></td><td>${escapeHtml(d.summary)}</td></tr>`);
  }
  files["index.html"] = page(
    `${namespace} function reference`,
    `<h1>${escapeHtml(namespace)} function reference</h1>
<p>Rates and fractions are decimals (0.02 = 2%), as in Excel. Optional arguments are in brackets.</p>
<table><tr><th>function</th><th>what it returns</th></tr>
${rows.join("\n")}
</table>`,
  );
  return files;
}

/** The same reference as one Markdown document. */
function renderMarkdown(metadata, namespace) {
  const out = [
    `# ${namespace} function reference`,
    "",
    "Generated from the functions' metadata by `node scripts/help-pages.js docs`; do not edit by hand.",
    "Rates and fractions are decimals (0.02 = 2%), as in Excel. Optional arguments are in brackets.",
    "",
  ];
  for (const f of metadata.functions) {
    const d = describe(namespace, f);
    out.push(`## ${d.name}`, "", "`" + d.signature + "`", "", d.summary, "", "| argument | | meaning and unit | default |", "|---|---|---|---|");
    for (const p of d.params) out.push(`| \`${p.name}\` | ${p.required ? "required" : "optional"} | ${p.meaning.replace(/\|/g, "\\|")} | ${p.default ?? ""} |`);
    out.push("", `Result: ${d.result}`, "");
    if (d.example) out.push(`Example: \`${d.example.formula}\` returns **${d.example.result}**.`, "");
    out.push("Errors:", "", ...d.errors.map((e) => `- ${e}`), "");
  }
  return out.join("\n");
}

if (require.main === module && process.argv[2] === "docs") {
  const { checkMetadata, DEFAULT_FILES } = require("./check-metadata");
  checkMetadata(DEFAULT_FILES).then(({ problems, metadata }) => {
    if (problems.length) {
      console.error(problems.join("\n"));
      process.exit(1);
    }
    const file = path.resolve(__dirname, "..", "docs", "functions.md");
    fs.writeFileSync(file, renderMarkdown(metadata, "MINER"));
    console.log(`wrote ${file}`);
  });
}

module.exports = { renderHelpPages, renderMarkdown, describe, escapeHtml };
