#!/usr/bin/env node
/*
 * When the README became one page, everything else moved to docs/ and CONTRIBUTING.md. This check
 * proves nothing was dropped: every number, formula, code span and bold phrase of the old README
 * must appear in the new README, docs/*.md or CONTRIBUTING.md. It also reports how many of the old
 * README's sentences moved word for word, and lists the others for a reader to compare.
 *
 *   node scripts/check-docs-moved.js [old-README]   (default: the README of commit 7acaecc, from git)
 *
 * Dropped on purpose, and allowed here: the paths into the project's shared reference folder
 * (../shared/reference/*.md), which the guides replace by the public sources those files cite,
 * and the few facts RENAMED lists with what replaced them. Exit 1 when anything else is missing.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const OLD_COMMIT = "7acaecc";

/** Shared reference files the old README named; the guides cite their public sources instead. */
const REFERENCE_FILES = /^(\.\.\/shared(\/reference\/?)?[\w-]*(\.md)?|[\w-]+\.md)$/;
const isSharedReference = (token) =>
  /\.\.\/shared\/reference/.test(token) ||
  (REFERENCE_FILES.test(token) &&
    /^(mining-costs|asic-specs|formulas-and-inputs|lease-deals|gpu-cloud|treasury-and-dat|network-history|energy-tax-and-curtailment)\.md$/.test(
      token,
    ));

/**
 * Facts the move changed on purpose, each with what stands for it now (checked to be there): a
 * formula written out in full, a build command that now also takes the support contact, the tests
 * renamed with the README, and two bold lead-ins that became headings.
 */
const RENAMED = {
  "=MINER.MWECONOMICS(...the first example..., 2.01, 1, 52700, 1.8, 0.1)":
    '=MINER.FROMTABLE("MWECONOMICS", {"site_mw",100;',
  "MINER_BASE_URL=https://… npm run build": "MINER_BASE_URL=https://… MINER_SUPPORT_URL=https://… npm run build",
  "test/functions/readme.test.ts": "test/functions/docs-formulas.test.ts",
  "test/functions/readme-treasury.test.ts": "test/functions/docs-treasury.test.ts",
  "One registry.": "## One registry",
  "Assumptions tables: `MINER.FROMTABLE`.": "## Assumptions tables: MINER.FROMTABLE",
};

function oldReadme(arg) {
  if (arg) return fs.readFileSync(arg, "utf8");
  return execFileSync("git", ["show", `${OLD_COMMIT}:README.md`], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
}

function newCorpus() {
  const files = [path.join(ROOT, "README.md"), path.join(ROOT, "CONTRIBUTING.md")];
  const docs = path.join(ROOT, "docs");
  for (const f of fs.readdirSync(docs)) if (f.endsWith(".md") && f !== "functions.md") files.push(path.join(docs, f));
  return files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
}

const squash = (s) => s.replace(/\s+/g, " ").trim();

/** The facts of a Markdown text: numbers, formulas, code spans, bold phrases. */
function facts(text) {
  const noFences = text.replace(/```[\s\S]*?```/g, (block) => block.replace(/`/g, ""));
  const codeSpans = [...noFences.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  const fencedLines = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split("\n"));
  const formulas = [
    ...codeSpans.filter((c) => /MINER\.[A-Z]+\(/.test(c)),
    ...fencedLines.map((l) => /=MINER\.[A-Z]+\(.*\)/.exec(l)?.[0]).filter(Boolean),
  ];
  const bold = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
  // Numbers as written (1,586; 0.0888; 1.5E14; 24.7), without their sign, currency or unit.
  const numbers = [...text.matchAll(/\d[\d,]*(?:\.\d+)?(?:E\d+)?/g)]
    .map((m) => m[0].replace(/,$/, ""))
    .filter((n) => n.length > 1);
  return { codeSpans, formulas, bold, numbers };
}

/** Sentences of the old README's prose (not tables or code). */
function sentences(text) {
  const prose = text
    .replace(/```[\s\S]*?```/g, "")
    .split("\n")
    .filter((l) => !l.startsWith("|") && !l.startsWith("#"))
    .join("\n");
  return prose
    .split(/\n\s*\n/)
    .flatMap((p) => squash(p.replace(/^\s*[-*] /gm, "")).split(/(?<=[.!?:])\s+(?=[A-Z`(*])/))
    .map(squash)
    .filter((s) => s.length > 30);
}

function check(oldText, corpus) {
  const flat = squash(corpus);
  const has = (token) => corpus.includes(token) || flat.includes(squash(token));
  const f = facts(oldText);
  const kinds = { formulas: f.formulas, "code spans": f.codeSpans, "bold phrases": f.bold, numbers: f.numbers };
  const missing = {};
  const dropped = new Set();
  const renamed = new Set();
  const counts = {};
  for (const [kind, tokens] of Object.entries(kinds)) {
    const unique = [...new Set(tokens)];
    counts[kind] = unique.length;
    missing[kind] = unique.filter((t) => {
      if (has(t)) return false;
      if (t in RENAMED && has(RENAMED[t])) {
        renamed.add(`${t} → ${RENAMED[t]}`);
        return false;
      }
      if (isSharedReference(t) || /\.\.\/shared\/reference/.test(t)) {
        dropped.add(t);
        return false;
      }
      return true;
    });
  }
  const all = sentences(oldText);
  const moved = all.filter((s) => flat.includes(s));
  return {
    counts,
    missing,
    dropped: [...dropped],
    renamed: [...renamed],
    sentences: { all: all.length, verbatim: moved.length, rephrased: all.filter((s) => !flat.includes(s)) },
  };
}

if (require.main === module) {
  const result = check(oldReadme(process.argv[2]), newCorpus());
  for (const [kind, n] of Object.entries(result.counts)) {
    console.log(
      `${kind}: ${n} in the old README, ${n - result.missing[kind].length} found in README.md, docs/ and CONTRIBUTING.md`,
    );
    for (const t of result.missing[kind]) console.log(`  MISSING ${kind}: ${t}`);
  }
  console.log(
    `dropped on purpose (shared reference paths, replaced by their public sources): ${result.dropped.join(", ") || "none"}`,
  );
  console.log(`changed on purpose: ${result.renamed.join("; ") || "none"}`);
  console.log(
    `sentences: ${result.sentences.verbatim} of ${result.sentences.all} moved word for word; the others, rephrased (compare by hand):`,
  );
  for (const s of result.sentences.rephrased) console.log(`  ~ ${s}`);
  process.exit(Object.values(result.missing).some((m) => m.length) ? 1 : 0);
}

module.exports = { check, facts, sentences };
