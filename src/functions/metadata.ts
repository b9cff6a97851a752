/**
 * Excel's functions.json, written from the registry: each function's id, description and help
 * page from catalog.ts, its parameters (name, tooltip, optional or not, range or not) from
 * params.ts. Microsoft documents this file's schema and manual association ("Manually create JSON
 * metadata for custom functions", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json);
 * functions.ts binds the implementations with CustomFunctions.associate.
 *
 * Written at build time (webpack.config.js) and read by the tests and scripts/check-metadata.js;
 * not part of the bundle, like catalog.ts.
 */
import { CATALOG } from "./catalog";
import { isRequired, Param, SIGNATURES, tooltip } from "./params";

/** The help pages' base in development; production builds point it at the add-in's host. */
export const DEV_HELP_BASE = "https://localhost:3000/help/";

export interface ParameterMetadata {
  description: string;
  /** A range: Excel passes it whole (a 2-D array) instead of calling the function once per cell. */
  dimensionality?: "matrix";
  name: string;
  optional?: true;
  /** Every MINER argument is read by the add-in (read.ts), so Excel passes any value as it is. */
  type: "any";
}

export interface FunctionMetadata {
  description: string;
  helpUrl: string;
  id: string;
  name: string;
  /** A live function: Excel keeps it open and takes each new value (CustomFunctions.StreamingInvocation). */
  options?: { stream: true };
  parameters: ParameterMetadata[];
  result: { type: "number" } | { dimensionality: "matrix" };
}

export interface FunctionsMetadata {
  /** Excel may pass formatted numbers and linked data types as objects: read.ts reads their basic values. */
  allowCustomDataForDataTypeAny: true;
  functions: FunctionMetadata[];
}

/** The kinds Excel must pass as a whole range. */
const RANGE_KINDS: readonly Param["kind"][] = ["range", "column", "pairs", "list", "textOrColumn"];

function parameter(p: Param): ParameterMetadata {
  return {
    description: tooltip(p),
    ...(RANGE_KINDS.includes(p.kind) ? { dimensionality: "matrix" as const } : {}),
    name: p.name,
    ...(isRequired(p) ? {} : { optional: true as const }),
    type: "any",
  };
}

/** functions.json: every function in the catalog's order. */
export function functionsMetadata(helpBase = DEV_HELP_BASE): FunctionsMetadata {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: CATALOG.map((doc) => ({
      description: doc.description,
      helpUrl: `${helpBase}${doc.id}.html`,
      id: doc.id,
      name: doc.id,
      ...(doc.shape === "live" ? { options: { stream: true as const } } : {}),
      parameters: SIGNATURES[doc.id].map(parameter),
      result:
        doc.shape === "table" || doc.shape === "fetched"
          ? { dimensionality: "matrix" as const }
          : { type: "number" as const },
    })),
  };
}
