/**
 * The IRR root finder's shortcut for series that change sign once returns the same double as the
 * full scan and bisection it replaces (run here by disabling the shortcut), on seeded random
 * lease-like, GPU-like and arbitrary series of 2 to 600 values; and it declines where it must
 * (several sign changes, a zero first or last value).
 */
import { irr } from "../../../src/calc";
import * as rateOfReturn from "../../../src/calc/fast/rate-of-return";
import { outcome } from "../../support/fast-paths";
import { prng } from "../../support/rational";
import { loadFastPaths } from "../../../src/calc/fast/lazy";

// the fast paths are a chunk of their own (lazy.ts): here, as in a sheet, in place before the calls
beforeAll(() => loadFastPaths());

const rand = prng(7);
const between = (lo: number, hi: number) => lo + rand() * (hi - lo);

/** capex over a build period, then monthly rents escalating yearly, as a lease's net flows. */
function leaseLike(): number[] {
  const build = Math.floor(between(0, 24));
  const months = Math.floor(between(12, 360));
  const capex = -between(1e6, 2e9);
  const flows: number[] = [];
  for (let m = 0; m <= build; m++) flows.push(capex / (build + 1));
  let rent = between(1e4, 5e7);
  const escalator = between(0, 0.05);
  for (let m = 1; m <= months; m++) {
    if (m > 1 && (m - 1) % 12 === 0) rent *= 1 + escalator;
    flows.push(rent * (rand() < 0.5 ? 0.85 : 1));
  }
  return flows;
}

/** Any series with one sign change: negatives, then positives (or the reverse), of any magnitude. */
function oneChange(): number[] {
  const n = 2 + Math.floor(rand() * 200);
  const split = 1 + Math.floor(rand() * (n - 1));
  const flip = rand() < 0.5 ? 1 : -1;
  return Array.from(
    { length: n },
    (_, i) => flip * (i < split ? -1 : 1) * Math.exp(between(-5, 20)) * (rand() < 0.1 && i > 0 && i < n - 1 ? 0 : 1),
  );
}

/** IRR with the shortcut and with the scan alone; whether the shortcut answered. */
function bothWays(flows: number[], guess: number): { fast: string | number; scan: string | number; shortcut: boolean } {
  const watch = jest.spyOn(rateOfReturn, "singleSignChangeRoot");
  const fast = outcome(() => irr(flows, guess));
  const shortcut = watch.mock.results.some((r) => r.value !== undefined);
  watch.mockRestore();
  const off = jest.spyOn(rateOfReturn, "singleSignChangeRoot").mockReturnValue(undefined);
  const scan = outcome(() => irr(flows, guess));
  off.mockRestore();
  return { fast, scan, shortcut };
}

describe("IRR of a series that changes sign once: the shortcut gives the scan's double", () => {
  test.each([
    ["lease-like series (capex over the build, escalating rents)", leaseLike, 0.008],
    ["arbitrary one-change series, magnitudes e^-5 to e^20, some zeros", oneChange, 0.1],
  ])("%s", (_, make, guess) => {
    const bad: string[] = [];
    let shortcut = 0;
    for (let i = 0; i < 150; i++) {
      const flows = make();
      const r = bothWays(flows, guess as number);
      if (r.shortcut) shortcut++;
      if (!Object.is(r.fast, r.scan))
        bad.push(`${JSON.stringify(flows.slice(0, 3))}… (${flows.length}): ${r.fast} vs scan ${r.scan}`);
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(shortcut).toBeGreaterThan(100); // the shortcut does carry these series
  });

  test("a series with two sign changes, or a zero at either end, goes to the scan", () => {
    const series = { v: [-100, 300, -250], scaled: () => 0, certified: () => ({ value: 0, bound: 0 }) };
    expect(rateOfReturn.singleSignChangeRoot(series, [0, 1], 0.1)).toBeUndefined();
    expect(rateOfReturn.singleSignChangeRoot({ ...series, v: [0, -1, 2] }, [0, 1], 0.1)).toBeUndefined();
    expect(rateOfReturn.singleSignChangeRoot({ ...series, v: [-1, 2, 0] }, [0, 1], 0.1)).toBeUndefined();
  });
});
