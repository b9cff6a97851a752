/*
 * The support contact a build puts on its support page (docs/support.html, the manifest's
 * SupportUrl), from MINER_SUPPORT_URL: whoever ships the add-in says where its users get help.
 * A production build never guesses one: a missing contact, an http address, this machine, an
 * example.* placeholder or a reserved name (.test, .invalid, .local, .example; .test with
 * MINER_TEST_HOST=1 only) fails the build with one line saying so, as MINER_BASE_URL does. A
 * mailto: is one plain address (letters, digits and . _ + - before the @, a dotted domain after
 * it), with nothing after it: no second recipient, no ?subject= or &cc= header, no encoded line
 * break, so the page's link cannot write anything into a user's mail but the address.
 * Development builds (npm start, npm run build:dev) may go without: their page says so.
 */
const { isPlaceholderHost, testHostAllowed } = require("./manifest");

/** One plain address: a dot-separated local part of letters, digits, _ + -, and a domain of labels with a letter TLD. */
const ADDRESS = /^([A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})$/;

/**
 * @param {string | undefined} value MINER_SUPPORT_URL: an https address (a help desk, an issue
 *   tracker) or mailto:someone@company.com
 * @returns {{href: string, text: string}} the link and how the page shows it
 */
function supportContact(value, { testHost = testHostAllowed() } = {}) {
  if (value === undefined || String(value).trim() === "") {
    throw new Error(
      "the support contact is missing: set MINER_SUPPORT_URL to where your users get help, an https address or mailto:someone@yourcompany.com, " +
        "e.g. MINER_SUPPORT_URL=https://github.com/<owner>/<repo>/issues npm run build  (npm run build:dev and npm start need none)",
    );
  }
  const raw = String(value).trim();
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`MINER_SUPPORT_URL is not a URL: "${raw}"`);
  }
  if (u.protocol === "mailto:") {
    // The address as written: nothing percent-encoded (an encoded line break or "?" is refused, not decoded).
    const m = ADDRESS.exec(u.pathname);
    if (!m || u.search || u.hash || /[?#&]/.test(raw.slice("mailto:".length)))
      throw new Error(`MINER_SUPPORT_URL must be mailto: one address, with nothing after it: "${raw}"`);
    if (isPlaceholderHost(m[2], { testHost }))
      throw new Error(`MINER_SUPPORT_URL must be a real contact, not a local or example address: "${raw}"`);
    return { href: `mailto:${m[1]}@${m[2]}`, text: `${m[1]}@${m[2]}` };
  }
  if (u.protocol !== "https:") throw new Error(`MINER_SUPPORT_URL must be https:// or mailto:, got "${raw}"`);
  if (isPlaceholderHost(u.hostname, { testHost }))
    throw new Error(`MINER_SUPPORT_URL must be a real contact, not a local or example address: "${raw}"`);
  if (u.username || u.password) throw new Error(`MINER_SUPPORT_URL must not carry credentials: "${raw}"`);
  return { href: u.href, text: u.href };
}

module.exports = { supportContact };
