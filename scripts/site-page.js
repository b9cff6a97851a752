/*
 * One HTML shell for every page the add-in's site serves besides the pane: the function
 * reference (help/) and the guides (docs/). Static pages with their own Content-Security-Policy:
 * no script at all, styles inline only, images only from the site itself.
 */

const STYLE = `body{font-family:Segoe UI,system-ui,sans-serif;max-width:56rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
code{background:#f3f3f3;padding:0 .2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}`;

/** Extra rules for the guides: long formulas (inline tables) wrap rather than widen the page; images that fit; the top links. */
const GUIDE_STYLE = `pre{background:#f3f3f3;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}pre code{padding:0}td code{overflow-wrap:anywhere}img{max-width:100%;height:auto}
nav{font-size:.9rem;margin-bottom:1rem}nav a{margin-right:1rem}`;

function escapeHtml(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

/**
 * A whole page. `images` allows the site's own images (the guides' screenshots and charts).
 * @param {{title: string, body: string, images?: boolean, guide?: boolean}} page
 */
function sitePage({ title, body, images = false, guide = false }) {
  const csp = `default-src 'none'; style-src 'unsafe-inline'${images ? "; img-src 'self'" : ""}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}${guide ? `\n${GUIDE_STYLE}` : ""}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = { sitePage, escapeHtml };
