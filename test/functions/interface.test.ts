/*
 * The public interface, pinned. From 1.0 a workbook's formulas must keep working in every later
 * version, so function names, parameter names, order, optionality, defaults and result shapes never
 * change; parameters are only appended (optional) and functions only added (CONTRIBUTING.md).
 * test/functions/interface.json is the committed record; an allowed change is recorded with
 *   UPDATE_INTERFACE=1 npx jest test/functions/interface.test.ts
 * which refuses to record a breaking one.
 */
import * as fs from "fs";
import * as path from "path";
import { SIGNATURES } from "../../src/functions/params";
import { FunctionShape, interfaceChanges } from "../support/interface";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkMetadata } = require("../../scripts/check-metadata.js");

const SNAPSHOT = path.resolve(__dirname, "interface.json");

interface Meta {
  name: string;
  parameters: { name: string; optional?: boolean }[];
  result: { dimensionality?: string };
  options?: { stream?: boolean };
}

/** The interface Excel sees (functions.json), with each optional parameter's default from the registry. */
function currentInterface(): FunctionShape[] {
  const { problems, metadata } = checkMetadata();
  expect(problems).toEqual([]);
  return (metadata.functions as Meta[]).map((f) => {
    const registered = SIGNATURES[f.name as keyof typeof SIGNATURES];
    return {
      name: f.name,
      result: f.options?.stream ? "stream" : f.result.dimensionality === "matrix" ? "table" : "number",
      parameters: f.parameters.map((p, i) => {
        const dflt = registered[i]?.default;
        return { name: p.name, optional: !!p.optional, ...(dflt === undefined ? {} : { default: dflt }) };
      }),
    };
  });
}

test("the interface is the recorded one: nothing renamed, reordered, removed or redefaulted; appends recorded", () => {
  const recorded: FunctionShape[] = fs.existsSync(SNAPSHOT) ? JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) : [];
  // Functions are found by name, not by their place in functions.json: in the record's order, new ones last.
  const rank = (f: FunctionShape) => {
    const i = recorded.findIndex((r) => r.name === f.name);
    return i < 0 ? recorded.length : i;
  };
  const now = currentInterface().sort((a, b) => rank(a) - rank(b));
  const { breaking, appended } = interfaceChanges(recorded, now);
  // Breaking changes are never recorded: a workbook written against the recorded interface would break.
  expect(breaking).toEqual([]);
  if (process.env.UPDATE_INTERFACE) {
    fs.writeFileSync(SNAPSHOT, JSON.stringify(now, null, 2) + "\n");
    return;
  }
  // Allowed, but the record must follow it (run with UPDATE_INTERFACE=1), so the next change is held to it.
  expect(appended).toEqual([]);
  expect(now).toEqual(recorded);
});

describe("what the interface rule allows and refuses", () => {
  const base: FunctionShape[] = [
    {
      name: "COSTPERBTC",
      result: "number",
      parameters: [
        { name: "power_price_kwh", optional: false },
        { name: "pool_fee", optional: true, default: 0 },
      ],
    },
  ];
  const edit = (f: (x: FunctionShape) => void) => {
    const copy: FunctionShape[] = JSON.parse(JSON.stringify(base));
    f(copy[0]);
    return copy;
  };

  test.each([
    ["a rename", edit((f) => (f.parameters[0].name = "power_price_usd_per_kwh")), /parameter 1 changed/],
    ["a reorder", edit((f) => f.parameters.reverse()), /parameter 1 changed/],
    ["a new default", edit((f) => (f.parameters[1].default = 0.02)), /parameter 2 changed from \[pool_fee\]=0 to \[pool_fee\]=0.02/],
    ["an optional parameter made required", edit((f) => (f.parameters[1].optional = false)), /parameter 2 changed/],
    ["a parameter removed", edit((f) => f.parameters.pop()), /lost its parameter 2/],
    ["a required parameter appended", edit((f) => f.parameters.push({ name: "uptime", optional: false })), /appended parameters must be optional/],
    ["a scalar turned into a table", edit((f) => (f.result = "table")), /result changed from number to table/],
    ["a function renamed", edit((f) => (f.name = "CASHCOSTPERBTC")), /MINER.COSTPERBTC was removed or renamed/],
  ])("refuses %s", (_, after, message) => {
    const { breaking } = interfaceChanges(base, after);
    expect(breaking.join("\n")).toMatch(message);
  });

  test("allows an optional parameter appended and a function added", () => {
    const after = edit((f) => f.parameters.push({ name: "uptime", optional: true, default: 1 }));
    after.push({ name: "HASHPRICE", result: "number", parameters: [] });
    expect(interfaceChanges(base, after)).toEqual({
      breaking: [],
      appended: ["MINER.COSTPERBTC gained [uptime]=1 at its end", "MINER.HASHPRICE was added"],
    });
  });
});
