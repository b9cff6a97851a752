/*
 * The reader's limits and the calc module's guards agree: for every function and every number
 * argument with limits, values at and just outside each bound (and between whole numbers) give the same outcome
 * (a result, #VALUE! or #NUM!) whether the reader checks the limits first or only calc does. So
 * the reader refuses nothing calc accepts (it checks the same limits once, by the public name) and
 * calc, for direct callers, refuses what the reader refuses. The reader's check is switched off
 * with a jest module mock of `breaks` (src/calc/limits.ts), which calc's guards do not use.
 */
import type { CALLS as Calls } from "../support/calls";
import { SIGNATURES } from "../../src/functions/params";
import { Limits, MAX_WHOLE } from "../../src/calc/limits";

function loadCalls(readerChecks: boolean): typeof Calls {
  let calls: typeof Calls | undefined;
  jest.isolateModules(() => {
    if (!readerChecks)
      jest.doMock("../../src/calc/limits", () => ({
        ...jest.requireActual("../../src/calc/limits"),
        breaks: () => undefined,
      }));
    calls = require("../support/calls").CALLS;
  });
  jest.dontMock("../../src/calc/limits");
  return calls!;
}

/** Values at each bound and just outside it, and, for whole numbers, halfway to the next. */
function probes(l: Limits): number[] {
  const out: number[] = [];
  const step = (b: number) => (b === MAX_WHOLE ? 1 : 1e-6 * (Math.abs(b) + 1));
  if (l.min !== undefined) out.push(l.min, l.min - step(l.min));
  if (l.max !== undefined) out.push(l.max, l.max + step(l.max));
  if (l.whole) out.push((l.min ?? 0) + 0.5);
  return out.length ? out : [-1e9, 0, 1e9];
}

const outcome = (call: () => unknown): string => {
  try {
    call();
    return "a result";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

const checked = loadCalls(true);
const unchecked = loadCalls(false);

/**
 * Arguments calc never reads in the valid list's case: MWECONOMICS' GPU-cloud opex share without
 * the GPU-cloud inputs (no GPU-cloud column). The adapter refused a bad one before calc ran, and
 * still does: a value that would be ignored is not silently taken.
 */
const UNREAD: Record<string, string[]> = { MWECONOMICS: ["opex_pct_of_revenue"] };

// A function whose parameter list is another's (ALLINCOSTPERBTC's and COSTBREAKDOWN's, the
// NPVs' and their schedules') reads and checks its arguments the same way: probed once.
const probed = Object.keys(checked).filter(
  (id, i, ids) =>
    !ids
      .slice(0, i)
      .some((other) => SIGNATURES[other as keyof typeof SIGNATURES] === SIGNATURES[id as keyof typeof SIGNATURES]),
);

test.each(probed)("%s: the same outcome at every bound, with or without the reader's check", (id) => {
  const params = SIGNATURES[id as keyof typeof SIGNATURES];
  // A distribution's deterministic arguments are its deterministic function's, probed there.
  const base = /DIST$|OPTION$/.test(id) ? (id === "MININGNPVDIST" ? "MININGNPV" : "CONVERSIONVALUE") : undefined;
  const deterministic = new Set<string>(base ? SIGNATURES[base].map((p) => p.name) : []);
  const { valid } = checked[id];
  const differ: string[] = [];
  params.forEach((p, i) => {
    if (deterministic.has(p.name) || !p.limits || (p.kind !== undefined && p.kind !== "column") || UNREAD[id]?.includes(p.name)) return;
    for (const x of probes(p.limits)) {
      const args = [...valid];
      args[i] = x;
      const withReader = outcome(() => checked[id].fn(...args));
      const calcOnly = outcome(() => unchecked[id].fn(...args));
      if (withReader !== calcOnly)
        differ.push(`${p.name} = ${x}: ${withReader} with the reader, ${calcOnly} from calc alone`);
    }
  });
  expect(differ).toEqual([]);
});
