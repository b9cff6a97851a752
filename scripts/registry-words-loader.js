/*
 * Webpack loader for the registry (src/functions/params.ts), which writes every parameter once:
 * its name, limits and kind, which the custom functions read, and its words (description, unit,
 * example), which only Excel's metadata (written at build time, scripts/metadata.js), the help
 * pages and the pane's template tables read. So the build splits the one file in two:
 *   - params.ts as functions.js carries it: the entries without their words (a unit stays where
 *     the reader quotes it, a "pairs" argument's; every note stays, since it is part of the
 *     allowed values each error message quotes);
 *   - params.ts?words, the pane's words.js: the words of every entry, given back to the registry's
 *     objects (the same objects the pane reads, shared from functions.js) before the pane runs.
 * Checked, not assumed: each word must be a literal (a string, number or boolean), so nothing is
 * computed from what was removed; otherwise the build fails. CONTRIBUTING.md, "The bundle".
 */
const ts = require("typescript");

const WORDS = ["description", "unit", "example"];

/** The entries of `define({ ... })`: [name, object literal]. */
function entries(sf) {
  let found;
  (function visit(n) {
    if (
      !found &&
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === "define" &&
      n.arguments.length === 1 &&
      ts.isObjectLiteralExpression(n.arguments[0])
    ) {
      found = n.arguments[0].properties.map((p) => {
        if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer))
          throw new Error(
            `registry-words-loader: an entry of define() that is not "name: { ... }": ${p.getText(sf).slice(0, 60)}`,
          );
        return [p.name.getText(sf), p.initializer];
      });
    }
    ts.forEachChild(n, visit);
  })(sf);
  if (!found) throw new Error("registry-words-loader: no define({ ... }) in params.ts");
  return found;
}

const literal = (e) =>
  ts.isStringLiteral(e) ||
  ts.isNoSubstitutionTemplateLiteral(e) ||
  ts.isNumericLiteral(e) ||
  e.kind === ts.SyntaxKind.TrueKeyword ||
  e.kind === ts.SyntaxKind.FalseKeyword ||
  (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand));

/** The registry without its words, and the words by entry name (as source text). */
function split(source) {
  const sf = ts.createSourceFile("params.ts", source, ts.ScriptTarget.Latest, true);
  const cuts = [];
  const words = [];
  for (const [name, object] of entries(sf)) {
    const props = object.properties;
    const prop = (key) => props.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === key);
    const kind = prop("kind")?.initializer.getText(sf).slice(1, -1);
    const kept = [];
    const given = [];
    for (const p of props) {
      const key = ts.isPropertyAssignment(p) ? p.name.getText(sf) : "";
      const needed = key === "unit" && kind === "pairs";
      if (!WORDS.includes(key) || needed) {
        kept.push(p.getText(sf));
        continue;
      }
      // The words moved to words.js must stand alone there, so they must be literals.
      if (!literal(p.initializer)) throw new Error(`registry-words-loader: ${name}.${key} is not a literal`);
      given.push(p.getText(sf));
    }
    cuts.push([object.getStart(sf), object.getEnd(), `{ ${kept.join(", ")} }`]);
    words.push(`${JSON.stringify(name)}: { ${given.join(", ")} }`);
  }
  let stripped = source;
  for (const [start, end, text] of cuts.sort((a, b) => b[0] - a[0]))
    stripped = stripped.slice(0, start) + text + stripped.slice(end);
  return { stripped, words };
}

/** words.js: the entries' words, given to every registry object of that name the pane can reach. */
function wordsModule(words) {
  return `import * as registry from "./params";
const WORDS: Record<string, object> = {
${words.join(",\n")}
};
const given = new Set<object>();
function give(p: unknown): void {
  if (!p || typeof p !== "object" || given.has(p)) return;
  const w = WORDS[(p as { name?: string }).name ?? ""];
  if (w === undefined) return;
  given.add(p);
  Object.assign(p, w);
}
for (const value of Object.values(registry) as unknown[]) {
  if (Array.isArray(value)) value.forEach(give);
  else if (value && typeof value === "object")
    for (const x of Object.values(value)) (Array.isArray(x) ? x.forEach(give) : give(x));
}
`;
}

module.exports = function registryWordsLoader(source) {
  const { stripped, words } = split(source);
  return this.resourceQuery === "?words" ? wordsModule(words) : stripped;
};
module.exports.split = split;
