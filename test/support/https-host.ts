/**
 * A static https host on 127.0.0.1 that serves a dist/ folder exactly as the deployment guide's
 * "Host it yourself" section (docs/deployment.md) says a host must: https, the right Content-Type (application/json for the
 * functions' metadata), CORS on the metadata, the page's Content-Security-Policy also as a header,
 * no-cache for the page and the manifest and long caching for content-hashed files.
 *
 * Its certificate comes from office-addin-dev-certs, made offline and without sudo in a
 * temporary folder for 127.0.0.1; nothing is installed into any trust store. Chromium accepts
 * this one key only (chromiumSpkiFlag), not any certificate error.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";

/** The response headers the deployment guide asks of a host, by file. */
export function hostHeaders(file: string, pageCsp: string): Record<string, string> {
  const ext = path.extname(file);
  const TYPES: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
  };
  const headers: Record<string, string> = {
    "Content-Type": TYPES[ext] ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Strict-Transport-Security": "max-age=31536000",
  };
  // Excel reads the functions' metadata with a cross-origin request.
  if (ext === ".json") headers["Access-Control-Allow-Origin"] = "*";
  if (ext === ".html") headers["Content-Security-Policy"] = pageCsp;
  const hashed = /\.[0-9a-f]{16,}\.(js|json|css)$/.test(file);
  headers["Cache-Control"] = hashed ? "public, max-age=31536000, immutable" : "no-cache";
  return headers;
}

export interface HttpsHost {
  url: string;
  /** Chromium flag that trusts this host's key and nothing else. */
  chromiumSpkiFlag: string;
  /** Every request: path and status. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

/** Certificates for 127.0.0.1 made by office-addin-dev-certs in a fresh temporary folder. */
async function makeCertificates(): Promise<{ key: Buffer; cert: Buffer; dir: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miner-certs-"));
  const log = console.log;
  console.log = () => undefined; // it announces success on stdout
  try {
    await generateCertificates(path.join(dir, "ca.crt"), path.join(dir, "host.crt"), path.join(dir, "host.key"), 1, ["127.0.0.1"]);
  } finally {
    console.log = log;
  }
  return { key: fs.readFileSync(path.join(dir, "host.key")), cert: fs.readFileSync(path.join(dir, "host.crt")), dir };
}

/** The Content-Security-Policy a build's taskpane.html carries (its meta tag), which a host also sends as a header. */
export function pageCspOf(root: string): string {
  const html = fs.readFileSync(path.join(root, "taskpane.html"), "utf8");
  const pageCsp = /http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/.exec(html)?.[1];
  if (!pageCsp) throw new Error("taskpane.html carries no Content-Security-Policy");
  return pageCsp;
}

export async function startHttpsHost(root: string): Promise<HttpsHost> {
  const { key, cert, dir } = await makeCertificates();
  const pageCsp = pageCspOf(root);
  const log: { path: string; status: number }[] = [];
  const server = https.createServer({ key, cert }, (req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.resolve(root, "." + urlPath);
    const ok = file.startsWith(path.resolve(root) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    log.push({ path: urlPath, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, hostHeaders(file, pageCsp));
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const spki = new crypto.X509Certificate(cert).publicKey.export({ type: "spki", format: "der" });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    chromiumSpkiFlag: `--ignore-certificate-errors-spki-list=${crypto.createHash("sha256").update(spki).digest("base64")}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        fs.rmSync(dir, { recursive: true, force: true });
      }),
  };
}
