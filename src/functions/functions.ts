/*
 * Entry of the custom-functions bundle. Each topic file declares its functions with JSDoc that
 * scripts/jsdoc.js generates from the registry (params.ts, catalog.ts);
 * custom-functions-metadata-plugin reads them into functions.json and appends the
 * CustomFunctions.associate(...) calls to those files at build time.
 */
import "./outside-office"; // first: see the file
import "./protocol";
import "./revenue";
import "./costs";
import "./lease";
import "./mining";
import "./risk";
import "./energy-tax";
import "./gpu-cloud";
import "./treasury";
import "./fromtable";
import "./live";
