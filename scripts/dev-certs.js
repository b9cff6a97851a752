/*
 * HTTPS options for the dev server at https://localhost:3000. Office requires https even for
 * localhost. office-addin-dev-certs makes a local CA and a localhost certificate and tries to
 * trust the CA system-wide (it shells out to sudo); where that is impossible (no sudo, CI), the
 * certificates are still made and the user is told how to trust the CA by hand.
 */
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");

async function httpsOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await generateCertificates();
    }
    console.warn(
      `\n[dev-certs] Could not install the development CA as trusted (${String(err.message || err).split("\n")[0]}).\n` +
        `[dev-certs] Certificates are in ${defaults.certificateDirectory}. Trust ${defaults.caCertificatePath}\n` +
        `[dev-certs] in the browser or OS that runs Excel, or Excel will refuse https://localhost:3000.\n`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

module.exports = { httpsOptions };
