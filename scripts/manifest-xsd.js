/*
 * Schema validation of an add-in manifest against Microsoft's XSDs (scripts/manifest-schema, see
 * its README for the source and the patches), offline: libxml2 compiled to WebAssembly
 * (xmllint-wasm), so no native build and no network.
 */
const fs = require("fs");
const path = require("path");

const SCHEMA_DIR = path.join(__dirname, "manifest-schema");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

/**
 * @param {string} xml the manifest's text
 * @param {string} [fileName] how to name it in messages
 * @returns {Promise<string[]>} schema problems, [] when valid
 */
async function validateManifestSchema(xml, fileName = "manifest.xml") {
  const { validateXML } = require("xmllint-wasm");
  const schemas = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(ROOT_SCHEMA)],
    preload: schemas.filter((f) => f !== ROOT_SCHEMA).map(read),
  });
  if (result.valid) return [];
  return result.errors.map((e) => `schema: ${e.loc ? `line ${e.loc.lineNumber}: ` : ""}${e.message.replace(/^.*?Schemas validity error : /, "").trim()}`);
}

module.exports = { validateManifestSchema, SCHEMA_DIR };
