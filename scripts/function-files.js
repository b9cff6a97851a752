/** The files whose JSDoc declares custom functions: read by webpack's metadata plugin and the metadata check. */
module.exports = [
  "./src/functions/protocol.ts",
  "./src/functions/revenue.ts",
  "./src/functions/costs.ts",
  "./src/functions/lease.ts",
  "./src/functions/mining.ts",
  "./src/functions/risk.ts",
  "./src/functions/treasury.ts",
  "./src/functions/energy-tax.ts",
  "./src/functions/gpu-cloud.ts",
  "./src/functions/fromtable.ts",
  "./src/functions/live.ts",
];
