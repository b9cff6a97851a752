/*
 * A mempool base URL is parsed strictly (issue 15, findings 3 and 9): what a person or a shared
 * workbook may name, and what never reaches the service or a header.
 */
import { MAX_BASE_URL, parseMempoolBase } from "../../src/market/source-url";

const reason = (input: string) => {
  const r = parseMempoolBase(input);
  return r.ok ? `accepted as ${r.base}` : r.reason;
};

test.each([
  ["https://mempool.example.org", "https://mempool.example.org"],
  ["  https://Mempool.Example.ORG/  ", "https://mempool.example.org"],
  ["https://node.example.org:8443/mempool/", "https://node.example.org:8443/mempool"],
  ["https://ｍempool.space", "https://mempool.space"], // a full-width letter is the same name
])("%j is accepted as %s", (input, base) => {
  expect(parseMempoolBase(input)).toMatchObject({ ok: true, base });
});

test.each([
  ["https://x;script-src", /contains ";"/], // the CSP injection of finding 3
  ["https://x.org;script-src 'none'", /contains ";"/],
  ["https://x.org/,a", /contains ","/],
  ["https://x.org/'self'", /contains "'"/],
  ['https://x.org/"', /contains "\\""/],
  ["https://x.org/a b", /contains a space or line break/],
  ["https://x.org/a\tb", /contains a space or line break/],
  ["https://x.org/a\nb", /contains a space or line break/],
  ["https://mempool.example.org?", /contains "\?"/],
  ["https://mempool.example.org#", /contains "#"/],
  ["https://mempool.example.org/?a=1", /contains "\?"/],
  ["https://user:pw@mempool.example.org", /contains "@" \(a user name\)/],
  ["https://mempool.example.org/%2e%2e", /contains "%"/],
  ["https://mempool.example.org\\evil.org", /contains "\\\\"/],
  ["http://mempool.example.org", /must start with https:\/\//],
  ["ftp://example.org", /must start with https:\/\//],
  ["javascript:alert(1)", /contains "\("/],
  ["//mempool.example.org", /must start with https:\/\//],
  ["https://", /must start with https:\/\//],
  ["", /empty/],
  ["https://10.0.0.1", /IP address/],
  ["https://192.168.1.20:8080", /IP address/],
  ["https://2130706433", /IP address/], // 127.0.0.1 in disguise
  ["https://0x7f.1", /IP address/],
  ["https://[::1]", /contains "\["/],
  ["https://localhost", /"localhost" names a local or intranet host/],
  ["https://mempool.localhost", /"localhost" names a local or intranet host/],
  ["https://mempool", /single-label \(intranet\) name/],
  ["https://intranet.corp", /"corp" names a local or intranet host/],
  ["https://node.local", /"local" names a local or intranet host/],
  ["https://mempool.internal", /"internal" names a local or intranet host/],
  ["https://router.home.arpa", /"arpa" names a local or intranet host/],
  ["https://files.lan", /"lan" names a local or intranet host/],
  ["https://a-.example.org", /not a valid DNS name/],
  [`https://${"a".repeat(64)}.example.org`, /not a valid DNS name/],
  [`https://${Array.from({ length: 55 }, () => "abcd").join(".")}.org`, /longer than 253 characters/],
  [`https://${"a.".repeat(5000)}org`, new RegExp(`longer than ${MAX_BASE_URL} characters`)],
])("%j is refused (%s)", (input, why) => {
  expect(reason(input)).toMatch(why);
});

test("an international host is kept in its punycode form, so a look-alike cannot pass for mempool.space", () => {
  const lookAlike = parseMempoolBase("https://mеmpool.space"); // Cyrillic е
  expect(lookAlike).toMatchObject({ ok: true, idn: true });
  if (!lookAlike.ok) return;
  expect(lookAlike.host).toMatch(/^xn--[a-z0-9-]+\.space$/);
  expect(lookAlike.base).not.toBe("https://mempool.space");
  expect(parseMempoolBase("https://mempool.space")).toMatchObject({ ok: true, idn: false, host: "mempool.space" });
});

test("outside test builds, plain http to 127.0.0.1 is refused like any http", () => {
  expect(reason("http://127.0.0.1:8080/mempool")).toMatch(/must start with https:\/\//);
});
