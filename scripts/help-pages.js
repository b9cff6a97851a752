/*
 * Function reference pages, rendered from the generated functions.json so that the help never
 * drifts from the metadata Excel sees. One page per function (its @helpurl) and an index.
 */
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
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

function signature(namespace, f) {
  const params = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${namespace}.${f.name}(${params.join(", ")})`;
}

/**
 * @param {{functions: Array<{id:string,name:string,description?:string,helpUrl?:string,parameters:Array<{name:string,description?:string,optional?:boolean,type?:string}>,result:{dimensionality?:string}}>}} metadata
 * @param {string} namespace e.g. "MINER"
 * @returns {Record<string,string>} file name (relative to help/) -> HTML
 */
function renderHelpPages(metadata, namespace) {
  const files = {};
  const rows = [];
  for (const f of metadata.functions) {
    const params = f.parameters
      .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.optional ? "optional" : "required"}</td><td>${escapeHtml(p.description || "")}</td></tr>`)
      .join("\n");
    files[`${f.id}.html`] = page(
      `${namespace}.${f.name}`,
      `<p><a href="index.html">All MINER functions</a></p>
<h1>${escapeHtml(namespace)}.${escapeHtml(f.name)}</h1>
<p><code>${escapeHtml(signature(namespace, f))}</code></p>
<p>${escapeHtml(f.description || "")}</p>
<h2>Arguments</h2>
<table><tr><th>name</th><th></th><th>meaning, unit and default</th></tr>
${params}
</table>
<h2>Result</h2>
<p>${f.result && f.result.dimensionality === "matrix" ? "A dynamic array that spills into neighbouring cells." : "A single number."}</p>
<h2>Errors</h2>
<ul><li><b>#VALUE!</b>: an argument is text, TRUE/FALSE, blank where required, a multi-cell range, or outside its allowed range; the message names the argument.</li>
<li><b>#NUM!</b>: the inputs are valid but the answer does not exist (no breakeven, no payback, no BTC earned) or exceeds Excel's number range.</li></ul>`,
    );
    rows.push(`<tr><td><a href="${escapeHtml(f.id)}.html">${escapeHtml(namespace)}.${escapeHtml(f.name)}</a></td><td>${escapeHtml(f.description || "")}</td></tr>`);
  }
  files["index.html"] = page(
    "MINER function reference",
    `<h1>MINER function reference</h1>
<p>Rates and fractions are decimals (0.02 = 2%), as in Excel. Optional arguments are in brackets.</p>
<table><tr><th>function</th><th>what it returns</th></tr>
${rows.join("\n")}
</table>`,
  );
  return files;
}

module.exports = { renderHelpPages, escapeHtml };
