/*
 * The function reference, generated from the registry (src/functions/params.ts and catalog.ts),
 * never kept by hand: one HTML page per function (its @helpurl) and an index, served with the
 * add-in, and the same content as Markdown in docs/functions.md for the repository.
 *   node scripts/help-pages.js docs   rewrites docs/functions.md
 * The build passes functions.json in too: a function there without documentation fails the build.
 */
require("./ts-require");
const fs = require("fs");
const path = require("path");
const { PARAMS, SIGNATURES, longestRange, mustBeGiven, showDefault } = require("../src/functions/params.ts");
const { CATALOG } = require("../src/functions/catalog.ts");
const { sitePage, escapeHtml } = require("./site-page");

const DOCS_FILE = path.resolve(__dirname, "..", "docs", "functions.md");

const CONVENTIONS = [
  "Optional arguments are in brackets; omitted or blank, they take the default shown. Required arguments have no default: a blank one is #VALUE!.",
  "Rates and fractions are decimals, as in Excel: 0.02 = 2%. A rate without a period in its name is per year; _monthly rates are per month.",
  "Money is in USD; each parameter's unit is in its name (power_price_kwh, opex_usd_per_site_mw_month). A month is 365/12 days, a year 365 days; discounting is annual effective, flows at month ends.",
  "Hashrate is in TH/s for a machine or fleet and EH/s for the network. wall_efficiency_j_th is at the wall (the machines' J/TH × the site's PUE); machine_efficiency_j_th is at the machines, with pue given separately.",
  "Functions without a block height take the subsidy as an argument, so the formula shows what it assumed: =MINER.SUBSIDY(height), or 3.125 BTC for blocks 840,000 to 1,049,999.",
  "Any function that takes numbers can read its arguments from tables of names and values instead: =MINER.FROMTABLE(\"COSTPERBTC\", Inputs!A2:B8), or from a table typed into the formula: =MINER.FROMTABLE(\"COSTPERBTC\", {\"power_price_kwh\",0.05;\"wall_efficiency_j_th\",17.5;\"difficulty\",1.5E14;\"subsidy_btc_per_block\",3.125}).",
  "A required argument after optional ones (the risk inputs of MININGNPVDIST and CONVERSIONDIST) is shown in brackets by Excel's tooltip, because Excel cannot mark a required argument after an optional one; here it is marked required, and blank it is #VALUE!.",
  "The simulation functions (PRICEQUANTILES, MININGNPVDIST, CONVERSIONDIST) give the same numbers for the same seed in every Excel: generator xoshiro128** per path, seeded by SplitMix64 from seed; every estimate comes with its standard error (SE).",
];

const escapeCell = (s) => String(s).replace(/\|/g, "\\|");

/** A number as a formula shows it: 1.5E14 and 9E6 rather than fifteen digits. */
function showNumber(x) {
  if (Math.abs(x) >= 1e6 && Number.isFinite(x)) {
    const [m, e] = x.toExponential().split("e");
    const short = `${m}E${Number(e)}`;
    if (short.length < String(x).length) return short;
  }
  return String(x);
}
const showArg = (a) => (typeof a === "boolean" ? (a ? "TRUE" : "FALSE") : typeof a === "object" ? a.range : typeof a === "string" ? (a === "" ? "" : JSON.stringify(a)) : showNumber(a));
const formula = (ns, id, args) => `=${ns}.${id}(${args.map(showArg).join(", ")})`;

/** A long example (more than eight arguments) is also shown by name, as FROMTABLE with an inline table. */
const LONG_EXAMPLE = 8;

/**
 * The example as `=MINER.FROMTABLE("ID", {"name",value;...})`: the same arguments by name, blanks
 * and defaults left out. Undefined when an argument is a range or an array constant (a table of
 * numbers or a list cannot be a value of the table) or the example is short.
 */
function inlineForm(ns, id, args) {
  if (args.length <= LONG_EXAMPLE || args.some((a) => typeof a === "object")) return undefined;
  const params = SIGNATURES[id];
  const rows = args
    .map((a, i) => [params[i], a])
    .filter(([p, a]) => a !== "" && !(p.default !== undefined && (a === p.default || (typeof p.default !== "boolean" && a === Number(p.default)))))
    .map(([p, a]) => `"${p.name}",${showArg(a)}`);
  return `=${ns}.FROMTABLE("${id}", {${rows.join(";")}})`;
}

/** The #VALUE! cases of a function's arguments, by their kinds (number, text option, number or column). */
function valueErrors(params) {
  const has = (kind) => params.some((p) => p.kind === kind);
  if (!has("text") && !has("column") && !has("textOrColumn")) {
    return [
      "#VALUE! when an argument is text, TRUE/FALSE where a number is expected, blank where required, a multi-cell range where one value is expected, NaN/infinite, or outside its allowed range; the message names the function and the argument (and a table's row).",
    ];
  }
  const numbers = params.filter((p) => !p.kind).map((p) => p.name);
  return [
    `#VALUE! when a number argument (${numbers.join(", ")}) is text, TRUE/FALSE, blank where required, a multi-cell range, NaN/infinite, or outside its allowed range; the message names the function and the argument.`,
    ...params
      .filter((p) => p.kind === "text")
      .map((p) => `#VALUE! when ${p.name} is not ${p.allowed}; the message lists them.`),
    ...params
      .filter((p) => p.kind === "textOrColumn")
      .map((p) => `#VALUE! when ${p.name} is not ${p.allowed} (a single column or row of finite numbers; the message names a bad row).`),
    ...(has("column")
      ? [
          `#VALUE! when a column argument (${params
            .filter((p) => p.kind === "column")
            .map((p) => p.name)
            .join(", ")}) is neither a number nor a single column or row, holds a blank, text or a value outside its allowed range (the message names the row), or has a length other than ${params.some((p) => p.name === "months") ? "months" : "the function takes"} (the message gives both).`,
        ]
      : []),
  ];
}

/** A range in an example: a table of names and values, or a column of values. */
const isColumn = (r) => r.rows.every((row) => row.length === 1);

/** A function's documentation, ready to render. */
function describe(ns, doc) {
  const params = SIGNATURES[doc.id].map((p) => ({
    name: p.name,
    // A required argument after optional ones is bracketed in Excel's tooltip, but required all the same.
    required: mustBeGiven(p),
    description: p.description,
    unit: p.unit,
    allowed:
      p.kind !== "column"
        ? p.allowed
        : p.series
          ? `${p.allowed}; a column, one value per ${p.series} (at most ${longestRange(p).toLocaleString("en-US")})`
          : `${p.allowed}; a number, or a column with one value per month (at most ${longestRange(p).toLocaleString("en-US")})`,
    default: p.default === undefined ? (p.optional && !p.afterOptional ? (p.blank ?? "none") : "") : showDefault(p.default, p.kind),
  }));
  const live = doc.shape === "live";
  const fetched = doc.shape === "fetched";
  const table = doc.id === "FROMTABLE";
  const errors = live
    ? [
        "#N/A when there is no data yet, the machine is offline, or every provider failed; the message says which.",
        ...params.map((p) => `#VALUE! when ${p.name} is not one of the allowed values; the message lists them.`),
      ]
    : fetched
      ? [
          "#N/A when the data cannot be had: a provider fails or does not answer, a response or series is refused by the checks, or a date asked for has no value; the message says which and why, and no partial table is returned.",
          ...params.map((p) => `#VALUE! when ${p.name} is not ${p.allowed}; the message says what it got.`),
        ]
      : table
      ? [
          "#VALUE! when function_name is not a MINER function that takes numbers, or a table is not two columns, or a name is unknown, repeated or missing; the message lists the function's names.",
          "Otherwise exactly the errors of the function named, with its messages (e.g. \"LEASENPV: term_years must be ...\"), #NUM! cases included.",
        ]
      : [
          ...valueErrors(SIGNATURES[doc.id]),
          ...(doc.noAnswer || []).map((c) => `#NUM! when ${c.when}, e.g. ${formula(ns, doc.id, c.args[0])}.`),
          "#NUM! when the result would be beyond Excel's number range (about ±1.8E308), which only extreme inputs reach.",
        ];
  return {
    id: doc.id,
    name: `${ns}.${doc.id}`,
    signature: `=${ns}.${doc.id}(${params.map((p) => (p.required ? p.name : `[${p.name}]`)).join(", ")})`,
    description: doc.description,
    params,
    result: `${doc.result}${doc.shape === "table" || fetched ? " A dynamic array: it spills into the cells below and to the right." : ""}`,
    formula: doc.formula,
    notes: doc.notes || [],
    examples: doc.examples.map((e) => ({
      formula: formula(ns, doc.id, e.args),
      inline: live || fetched ? undefined : inlineForm(ns, doc.id, e.args),
      result: e.result,
      note: e.note,
      // A range's contents are listed; an array constant such as {0.1,0.5,0.9} shows itself.
      ranges: e.args.filter((a) => typeof a === "object" && !a.range.startsWith("{")),
    })),
    errors,
  };
}

/** Every parameter once, with the functions that take it. */
function glossary() {
  return Object.values(PARAMS).map((p) => ({
    ...p,
    usedBy: Object.entries(SIGNATURES)
      .filter(([, ps]) => ps.some((q) => q.name === p.name))
      .map(([id]) => id),
  }));
}

function checkCovers(metadata) {
  const documented = new Set(CATALOG.map((d) => d.id));
  const missing = metadata.functions.map((f) => f.id).filter((id) => !documented.has(id));
  if (missing.length) throw new Error(`no documentation in src/functions/catalog.ts for ${missing.join(", ")}`);
}

const page = (title, body) => sitePage({ title, body });

const htmlTable = (head, rows) =>
  `<table><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>\n${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("\n")}\n</table>`;

/**
 * @param {{functions: object[]}} metadata functions.json (checked to be all documented)
 * @param {string} ns the namespace, "MINER"
 * @returns {Record<string,string>} file name (relative to help/) -> HTML
 */
function renderHelpPages(metadata, ns) {
  checkCovers(metadata);
  const files = {};
  for (const doc of CATALOG) {
    const d = describe(ns, doc);
    const args = htmlTable(
      ["argument", "", "what it is", "unit", "allowed", "default"],
      d.params.map((p) => [`<code>${escapeHtml(p.name)}</code>`, p.required ? "required" : "optional", escapeHtml(p.description), escapeHtml(p.unit), escapeHtml(p.allowed), escapeHtml(p.default)]),
    );
    const examples = d.examples
      .map((e) => {
        const cell = (c) => escapeHtml(typeof c === "number" ? showNumber(c) : c);
        const ranges = e.ranges
          .map((r) => (r.described ? `<p>${escapeHtml(r.range)} holds ${escapeHtml(r.described)}.</p>` : isColumn(r) ? `<p>${escapeHtml(r.range)} holds ${r.rows.map(([c]) => cell(c)).join(", ")}.</p>` : `<p>${escapeHtml(r.range)} holds:</p>\n${htmlTable(r.columns ?? (r.rows[0].length === 2 ? ["name", "value"] : ["value"]), r.rows.map((row) => row.map(cell)))}`))
          .join("\n");
        const byName = e.inline ? `<br>By name: <code>${escapeHtml(e.inline)}</code>` : "";
        return `<li><code>${escapeHtml(e.formula)}</code> returns <b>${escapeHtml(e.result)}</b>${e.note ? `: ${escapeHtml(e.note)}` : ""}.${byName}${ranges ? `\n${ranges}` : ""}</li>`;
      })
      .join("\n");
    files[`${doc.id}.html`] = page(
      d.name,
      `<p><a href="index.html">All ${escapeHtml(ns)} functions</a></p>
<h1>${escapeHtml(d.name)}</h1>
<p><code>${escapeHtml(d.signature)}</code></p>
<p>${escapeHtml(d.description)}</p>
<h2>Arguments</h2>
${args}
<h2>Result</h2>
<p>${escapeHtml(d.result)}</p>
<h2>How it is calculated</h2>
<p>${escapeHtml(d.formula)}</p>
${d.notes.length ? `<ul>${d.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : ""}
<h2>Examples</h2>
<ul>${examples}</ul>
<h2>Errors</h2>
<ul>${d.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul>`,
    );
  }
  files["index.html"] = page(
    `${ns} function reference`,
    `<h1>${escapeHtml(ns)} function reference</h1>
<ul>${CONVENTIONS.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>
${htmlTable(["function", "what it returns"], CATALOG.map((doc) => [`<a href="${escapeHtml(doc.id)}.html">${escapeHtml(`${ns}.${doc.id}`)}</a>`, escapeHtml(doc.description)]))}
<h2>Parameters</h2>
<p>Each name has one meaning in every function that takes it.</p>
${htmlTable(["parameter", "what it is", "unit", "allowed", "functions"], glossary().map((p) => [`<code>${escapeHtml(p.name)}</code>`, escapeHtml(p.description), escapeHtml(p.unit), escapeHtml(p.allowed), escapeHtml(p.usedBy.join(", "))]))}`,
  );
  return files;
}

/** The same reference as one Markdown document. */
function renderMarkdown(metadata, ns) {
  checkCovers(metadata);
  const out = [
    `# ${ns} function reference`,
    "",
    "Generated from the registry (`src/functions/params.ts`, `src/functions/catalog.ts`) by `node scripts/help-pages.js docs`; do not edit by hand.",
    "",
    ...CONVENTIONS.map((c) => `- ${c}`),
    "",
    "| function | what it returns |",
    "|---|---|",
    ...CATALOG.map((doc) => `| [${ns}.${doc.id}](#${(ns + doc.id).toLowerCase()}) | ${escapeCell(doc.description)} |`),
    "",
  ];
  for (const doc of CATALOG) {
    const d = describe(ns, doc);
    out.push(`## ${d.name}`, "", "`" + d.signature + "`", "", d.description, "");
    out.push("| argument | | what it is | unit | allowed | default |", "|---|---|---|---|---|---|");
    for (const p of d.params) {
      out.push(`| \`${p.name}\` | ${p.required ? "required" : "optional"} | ${escapeCell(p.description)} | ${escapeCell(p.unit)} | ${escapeCell(p.allowed)} | ${escapeCell(p.default)} |`);
    }
    out.push("", `Result: ${d.result}`, "", `How it is calculated: ${d.formula}`, "");
    if (d.notes.length) out.push(...d.notes.map((n) => `- ${n}`), "");
    out.push("Examples:", "");
    for (const e of d.examples) {
      out.push(`- \`${e.formula}\` returns **${e.result}**${e.note ? `: ${e.note}` : ""}.`);
      if (e.inline) out.push(`  By name: \`${e.inline}\`.`);
      const show = (v) => (typeof v === "number" ? showNumber(v) : v);
      for (const r of e.ranges) {
        const cell = (v) => (typeof v === "number" ? showNumber(v) : v);
        // pairs of numbers, a (name, value) table, or a list of values
        const rows = r.columns ? r.rows.map(([k, v]) => `(${cell(k)}, ${cell(v)})`) : r.rows.map((row) => (row.length === 2 ? `${row[0]} ${cell(row[1])}` : row.map(cell).join(", ")));
        out.push(r.described ? `  ${r.range} holds ${r.described}.` : isColumn(r) ? `  ${r.range} holds ${r.rows.map(([c]) => cell(c)).join(", ")}.` : `  ${r.range} holds${r.columns ? ` rows of (${r.columns.join(", ")})` : ""}: ${rows.join("; ")}.`);
      }
    }
    out.push("", "Errors:", "", ...d.errors.map((e) => `- ${e}`), "");
  }
  out.push("## Parameters", "", "Each name has one meaning in every function that takes it.", "");
  out.push("| parameter | what it is | unit | allowed | functions |", "|---|---|---|---|---|");
  for (const p of glossary()) {
    out.push(`| \`${p.name}\` | ${escapeCell(p.description)} | ${escapeCell(p.unit)} | ${escapeCell(p.allowed)} | ${p.usedBy.join(", ")} |`);
  }
  return out.join("\n") + "\n";
}

if (require.main === module && process.argv[2] === "docs") {
  const { checkMetadata } = require("./check-metadata");
  const { problems, metadata } = checkMetadata();
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  fs.writeFileSync(DOCS_FILE, renderMarkdown(metadata, "MINER"));
  console.log(`wrote ${DOCS_FILE}`);
}

module.exports = { renderHelpPages, renderMarkdown, describe, inlineForm, escapeHtml, showNumber, DOCS_FILE, CONVENTIONS };
