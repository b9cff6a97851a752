/**
 * The public interface as the interface test pins it (test/functions/interface.json), and the rule
 * it holds to from 1.0 (CONTRIBUTING.md): names, parameter names, order, optionality, defaults and
 * result shapes never change; parameters are only appended, optional; functions may be added.
 */
export interface ParamShape {
  name: string;
  optional: boolean;
  default?: number | string | boolean;
}
export interface FunctionShape {
  name: string;
  /** "number", "table" (a dynamic array) or "stream" (a live number). */
  result: string;
  parameters: ParamShape[];
}

const show = (p: ParamShape) => `${p.optional ? `[${p.name}]` : p.name}${p.default === undefined ? "" : `=${JSON.stringify(p.default)}`}`;

/** What changed between two interfaces: `breaking` breaks the rule, `appended` is allowed (record it). */
export function interfaceChanges(before: FunctionShape[], after: FunctionShape[]): { breaking: string[]; appended: string[] } {
  const breaking: string[] = [];
  const appended: string[] = [];
  for (const old of before) {
    const now = after.find((f) => f.name === old.name);
    if (!now) {
      breaking.push(`MINER.${old.name} was removed or renamed`);
      continue;
    }
    if (now.result !== old.result) breaking.push(`MINER.${old.name}'s result changed from ${old.result} to ${now.result}`);
    old.parameters.forEach((p, i) => {
      const q = now.parameters[i];
      if (!q) breaking.push(`MINER.${old.name} lost its parameter ${i + 1}, ${show(p)}`);
      else if (show(q) !== show(p)) breaking.push(`MINER.${old.name}'s parameter ${i + 1} changed from ${show(p)} to ${show(q)}`);
    });
    for (const q of now.parameters.slice(old.parameters.length)) {
      if (q.optional) appended.push(`MINER.${old.name} gained ${show(q)} at its end`);
      else breaking.push(`MINER.${old.name} gained a required parameter, ${q.name}: appended parameters must be optional`);
    }
  }
  for (const f of after) if (!before.some((b) => b.name === f.name)) appended.push(`MINER.${f.name} was added`);
  return { breaking, appended };
}
