#!/usr/bin/env node
/*
 * The guides (docs/*.md) as HTML pages of the add-in's site, dist/docs/<page>.html beside the
 * function reference (dist/help/), rendered at build time from the same Markdown the repository
 * shows, with marked. docs/README.md becomes docs/index.html; docs/functions.md is not rendered
 * again (dist/help/ is its HTML form), and links to it go to the help pages.
 *
 * The pages carry no script (a Content-Security-Policy of their own: styles inline, images from
 * the site). Raw HTML in the Markdown is shown as text, never passed through. A link to another
 * guide becomes a link to its page; a link to a file that is not shipped (CONTRIBUTING.md,
 * source files) stays as its text; a link to a guide that does not exist is reported in
 * `missing` and shown as text.
 *
 * The support page gets the build's support contact (scripts/support-url.js) where
 * docs/support.md has the line SUPPORT_CONTACT_MARK, and a guide with the line
 * MODEL_WORKBOOK_MARK gets a download link to the release's model workbook, which sits beside the
 * pane (dist/MINER-model.xlsx, written by scripts/build-xlsx.js): the repository has no such file
 * to link to, so on GitHub the line is an invisible comment.
 *
 * marked is an ES module and the build also runs inside jest (whose module system cannot load
 * it), so webpack.config.js runs this file in a child process:
 *   node scripts/docs-site.js --json   prints {"files": {"docs/index.html": "<html>…"}, "missing": [...]}
 * with MINER_SUPPORT_URL (required unless MINER_DOCS_DEV=1) in the environment.
 */
const fs = require("fs");
const path = require("path");
const { sitePage, escapeHtml } = require("./site-page");
const { supportContact } = require("./support-url");

const DOCS = path.resolve(__dirname, "..", "docs");
/** Where docs/support.md wants the contact: a line of its own. */
const SUPPORT_CONTACT_MARK = "<!-- support-contact -->";
/** Where a guide wants the download link of the model workbook: a line of its own. */
const MODEL_WORKBOOK_MARK = "<!-- model-workbook-download -->";
/** The model workbook as a guide's page links it: one folder up, beside the pane. */
const MODEL_WORKBOOK_HREF = "../MINER-model.xlsx";
/** Guides rendered elsewhere: the function reference is dist/help/. */
const NOT_RENDERED = new Set(["functions.md"]);

/** The page a guide becomes: README.md is the index. */
const pageOf = (md) => (md === "README.md" ? "index.html" : md.replace(/\.md$/, ".html"));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; repeats numbered. */
function slugger() {
  const seen = new Map();
  return (text) => {
    const base = text
      .toLowerCase()
      .replace(/<[^>]*>/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  };
}

/** The href a link in docs/<from> gets on the site, or undefined when its target is not shipped. */
function siteHref(href, guides, missing) {
  if (/^(https:|mailto:|#)/.test(href) || href === MODEL_WORKBOOK_HREF) return href;
  const [file, anchor] = href.split("#");
  if (file === "functions.md") {
    // The reference: a function's section is its own help page.
    const fn = /^miner([a-z]+)$/.exec(anchor ?? "");
    return fn ? `../help/${fn[1].toUpperCase()}.html` : "../help/index.html";
  }
  if (/^[\w-]+\.md$/.test(file)) {
    if (!guides.includes(file)) {
      missing.add(file);
      return undefined;
    }
    return pageOf(file) + (anchor ? `#${anchor}` : "");
  }
  if (/^[\w-]+\.png$/.test(file) && fs.existsSync(path.join(DOCS, file))) return file;
  return undefined; // ../CONTRIBUTING.md, ../src/…: the repository's, not the site's
}

/** The text a support page shows for the contact. */
function contactMarkdown(contact) {
  if (!contact) {
    return "**Contact:** this is a development build. A release names its support contact when it is built (`MINER_SUPPORT_URL`).";
  }
  return `**Contact:** [${contact.text.replace(/[[\]\\]/g, "\\$&")}](${contact.href})`;
}

/**
 * One guide's Markdown as a whole page of the site.
 * @param {string} source the Markdown
 * @param {{Marked: typeof import("marked").Marked, guides: string[], contact?: {href: string, text: string}, missing?: Set<string>, title?: string}} options
 */
function renderGuide(source, { Marked, guides, contact, missing = new Set(), title }) {
  if (source.includes(SUPPORT_CONTACT_MARK)) source = source.split(SUPPORT_CONTACT_MARK).join(contactMarkdown(contact));
  source = source
    .split(MODEL_WORKBOOK_MARK)
    .join(`**Download:** [MINER-model.xlsx](${MODEL_WORKBOOK_HREF}), this release's model workbook.`);
  const slug = slugger();
  const marked = new Marked({
    gfm: true,
    renderer: {
      // Raw HTML in a guide is shown as text: no markup, and never a script, reaches the page.
      html: ({ text }) => escapeHtml(text),
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${escapeHtml(slug(text))}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, title: linkTitle, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const to = siteHref(href, guides, missing);
        if (to === undefined) return inner;
        return `<a href="${escapeHtml(to)}"${linkTitle ? ` title="${escapeHtml(linkTitle)}"` : ""}>${inner}</a>`;
      },
      image({ href, title: imageTitle, text }) {
        const to = siteHref(href, guides, missing);
        if (to === undefined) return escapeHtml(text);
        return `<img src="${escapeHtml(to)}" alt="${escapeHtml(text)}"${imageTitle ? ` title="${escapeHtml(imageTitle)}"` : ""}>`;
      },
    },
  });
  const nav = `<nav><a href="index.html">MINER guides</a><a href="../help/index.html">Function reference</a><a href="support.html">Support</a><a href="privacy.html">Privacy</a></nav>`;
  const heading = title ?? (/^# (.+)$/m.exec(source) || [])[1] ?? "guide";
  return sitePage({ title: `MINER: ${heading}`, body: `${nav}\n${marked.parse(source)}`, images: true, guide: true });
}

/**
 * Every guide in docs/ as a page of the site.
 * @param {{Marked: typeof import("marked").Marked, contact?: {href: string, text: string}}} options
 * @returns {{files: Record<string, string>, missing: string[]}} page path (docs/…) → HTML
 */
function renderDocsSite({ Marked, contact }) {
  const guides = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md"));
  const missing = new Set();
  const files = {};
  for (const guide of guides.filter((g) => !NOT_RENDERED.has(g))) {
    files[`docs/${pageOf(guide)}`] = renderGuide(fs.readFileSync(path.join(DOCS, guide), "utf8"), {
      Marked,
      guides,
      contact,
      missing,
    });
  }
  return { files, missing: [...missing].sort() };
}

async function main() {
  const { Marked } = await import("marked");
  const contact =
    process.env.MINER_DOCS_DEV === "1" && !process.env.MINER_SUPPORT_URL
      ? undefined
      : supportContact(process.env.MINER_SUPPORT_URL);
  process.stdout.write(JSON.stringify(renderDocsSite({ Marked, contact })));
}

if (require.main === module && process.argv.includes("--json")) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

module.exports = {
  renderDocsSite,
  renderGuide,
  siteHref,
  pageOf,
  slugger,
  SUPPORT_CONTACT_MARK,
  MODEL_WORKBOOK_MARK,
  MODEL_WORKBOOK_HREF,
  DOCS,
};
