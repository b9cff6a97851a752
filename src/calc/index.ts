/** The calculation module: pure, deterministic, decimal arithmetic; no Office, network or clock. */
export * from "./decimal";
export * from "./errors";
export * from "./protocol";
export * from "./revenue";
export * from "./costs";
export * from "./finance";
export * from "./lease";
export * from "./mining-schedule";
export * from "./conversion";
export * from "./choice";
export * from "./series";
export * from "./treasury-metrics";
export * from "./treasury-schedule";
export * from "./volatility";
export * from "./simulation";
export * from "./gpu-cloud";
export * from "./energy-tax";
