/*
 * Webpack loader for decimal.js's ES module (webpack.config.js): the same library without the
 * methods MINER never calls, so that functions.js carries only what the custom functions need.
 * Removed: the trigonometric and hyperbolic functions and their inverses (with their Taylor series,
 * π to 1,025 digits and its helpers), cube root, hypot, random, logarithms to a base, modulo,
 * integer division, clamping, base-2/8/16 output, fractions and toNearest, and the static forms
 * of the arithmetic (Decimal.add(x, y) for x.add(y): MINER calls the methods). Everything else,
 * the parser included, is the library's own text.
 *
 * Checked, not assumed: the source is parsed (acorn, webpack's own parser), each removal must find
 * its statement, and afterwards no removed name may be referenced anywhere in what is left (as an
 * identifier or as a method name); otherwise the build fails. A new decimal.js whose text differs
 * fails loudly here rather than shipping something else.
 */
const acorn = require("acorn");

/** Prototype methods (both of their names) removed. */
const METHODS = new Set([
  "cosine",
  "cos",
  "cubeRoot",
  "cbrt",
  "hyperbolicCosine",
  "cosh",
  "hyperbolicSine",
  "sinh",
  "hyperbolicTangent",
  "tanh",
  "inverseCosine",
  "acos",
  "inverseHyperbolicCosine",
  "acosh",
  "inverseHyperbolicSine",
  "asinh",
  "inverseHyperbolicTangent",
  "atanh",
  "inverseSine",
  "asin",
  "inverseTangent",
  "atan",
  "sine",
  "sin",
  "tangent",
  "tan",
  "toBinary",
  "toHexadecimal",
  "toHex",
  "toOctal",
  "toFraction",
  "toNearest",
  "logarithm",
  "log",
  "modulo",
  "mod",
  "dividedToIntegerBy",
  "divToInt",
  "clampedTo",
  "clamp",
  "isPositive",
  "isPos",
]);
/** Static functions (Decimal.x = x in clone(), and their declarations) removed. */
const STATICS = new Set([
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atanh",
  "atan2",
  "cbrt",
  "cos",
  "cosh",
  "hypot",
  "random",
  "sin",
  "sinh",
  "tan",
  "tanh",
  "abs",
  "add",
  "ceil",
  "clamp",
  "div",
  "exp",
  "floor",
  "ln",
  "log",
  "log10",
  "log2",
  "mod",
  "mul",
  "round",
  "sqrt",
  "sub",
  "trunc",
]);
/** Internal helpers only the removed functions use. */
const HELPERS = new Set(["cosine", "sine", "taylorSeries", "toLessThanHalfPi", "getPi", "toStringBinary", "isOdd"]);

function subset(source) {
  const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module", ranges: true });
  const cuts = []; // [start, end, replacement]
  const found = new Set();
  const assignedNames = (expr) => {
    const names = [];
    for (let e = expr; e && e.type === "AssignmentExpression"; e = e.right) {
      if (e.left.type === "MemberExpression" && !e.left.computed)
        names.push([e.left.object.name, e.left.property.name]);
    }
    return names;
  };
  for (const node of ast.body) {
    if (node.type === "ExpressionStatement") {
      const names = assignedNames(node.expression);
      if (names.length && names.every(([o, p]) => o === "P" && METHODS.has(p))) {
        cuts.push([node.start, node.end, ""]);
        names.forEach(([, p]) => found.add(`P.${p}`));
      }
      // PI = new Decimal(PI);
      const e = node.expression;
      if (e.type === "AssignmentExpression" && e.left.type === "Identifier" && e.left.name === "PI") {
        cuts.push([node.start, node.end, ""]);
        found.add("PI =");
      }
    } else if (node.type === "FunctionDeclaration") {
      const name = node.id.name;
      if (HELPERS.has(name) || STATICS.has(name)) {
        cuts.push([node.start, node.end, ""]);
        found.add(`function ${name}`);
      }
      if (name === "clone") {
        for (const s of node.body.body) {
          if (s.type !== "ExpressionStatement") continue;
          const names = assignedNames(s.expression);
          if (names.length === 1 && names[0][0] === "Decimal" && STATICS.has(names[0][1])) {
            cuts.push([s.start, s.end, ""]);
            found.add(`Decimal.${names[0][1]}`);
          }
        }
      }
    } else if (node.type === "VariableDeclaration") {
      for (const d of node.declarations) {
        // π's 1,025 digits (its name stays, as a short string nothing reads)
        if (d.id.name === "PI" && d.init && d.init.type === "Literal") {
          cuts.push([d.init.start, d.init.end, "'3'"]);
          found.add("PI digits");
        }
      }
    }
  }
  const expected = [
    ...[...METHODS].map((m) => `P.${m}`),
    ...[...STATICS].map((s) => `function ${s}`),
    ...[...STATICS].map((s) => `Decimal.${s}`),
    ...[...HELPERS].map((h) => `function ${h}`),
    "PI =",
    "PI digits",
  ];
  const missing = expected.filter((x) => !found.has(x));
  if (missing.length) throw new Error(`decimal-subset-loader: not found in decimal.js: ${missing.join(", ")}`);
  cuts.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of cuts) out = out.slice(0, start) + text + out.slice(end);
  // Nothing left may name what was removed: a removed method as a member (x.sin()), a removed
  // static or helper as a variable (sin(x), Ctor.sin is not used by the library).
  const left = acorn.parse(out, { ecmaVersion: "latest", sourceType: "module" });
  const uses = [];
  (function walk(n, parent, key) {
    if (!n || typeof n.type !== "string") return;
    if (n.type === "Identifier") {
      const member = parent && parent.type === "MemberExpression" && key === "property" && !parent.computed;
      const propertyKey = parent && parent.type === "Property" && key === "key";
      if (member && METHODS.has(n.name) && parent.object.name !== "Math") uses.push(`.${n.name}`);
      if (
        member &&
        STATICS.has(n.name) &&
        ["Decimal", "Ctor", "this"].includes(parent.object.name ?? parent.object.type)
      )
        uses.push(`static ${n.name}`);
      if (!member && !propertyKey && (STATICS.has(n.name) || HELPERS.has(n.name) || n.name === "PI")) uses.push(n.name);
    }
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (Array.isArray(v)) v.forEach((c) => walk(c, n, k));
      else if (v && typeof v.type === "string") walk(v, n, k);
    }
  })(left);
  // PI is still declared (its short string) and read by PI_PRECISION's declaration: two uses
  const unexpected = uses.filter((u) => u !== "PI");
  if (unexpected.length || uses.filter((u) => u === "PI").length > 2)
    throw new Error(`decimal-subset-loader: removed names still used: ${[...new Set(uses)].join(", ")}`);
  return out;
}

module.exports = function decimalSubsetLoader(source) {
  return subset(source);
};
module.exports.subset = subset;
