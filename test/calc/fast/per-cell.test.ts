/**
 * The certified fast paths return exactly the decimal path's double (compared bit for bit) or
 * its error, on seeded random arguments of every input family (test/support/input-families.ts);
 * `npm run certify` runs millions of the same comparisons. The expected values are the decimal
 * path's own results: the contract is identity with it, which its own tests pin against
 * independent arithmetic.
 */
import { FAMILIES, prng } from "../../support/input-families";
import { FAST_CASES, same } from "../../support/fast-paths";
import { loadFastPaths } from "../../../src/calc/fast/lazy";

// the fast paths are a chunk of their own (lazy.ts): here, as in a sheet, in place before the calls
beforeAll(() => loadFastPaths());

describe.each(FAST_CASES)("$name: the double entry point equals the decimal path", (c) => {
  test.each([...FAMILIES])("%s arguments", (family) => {
    const rand = prng(family.length * 7919 + c.name.length);
    const mismatches: string[] = [];
    let certified = 0;
    let answered = 0;
    for (let i = 0; i < c.testRuns; i++) {
      const a = c.args(rand, family);
      const want = c.decimal(a);
      const got = c.double(a);
      if (!same(got, want)) mismatches.push(`${JSON.stringify(a)}: got ${got}, decimal ${want}`);
      const fast = c.fast(a);
      if (fast === fast) {
        certified++;
        // a certified fast result is the decimal path's number, never a stand-in for its error
        if (typeof want !== "number" && c.name !== "COSTBREAKDOWN")
          mismatches.push(`${JSON.stringify(a)}: fast ${fast} where decimal threw ${want}`);
      }
      if (typeof want === "number" || !want.includes("Error")) answered++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The fast path carries the usual families; extremes may legitimately fall back.
    if (family !== "extremes") expect(certified / answered).toBeGreaterThan(0.99);
  });
});

describe("the fast paths share registers, caches and each formula's last denominator: any order of calls gives the decimal path's results", () => {
  test("20,000 calls of all formulas in random order, each drawing from a few argument lists (so that remembered parts are reused after other formulas ran)", () => {
    const rand = prng(4242);
    // a few argument lists per formula, of every family: repeats make the remembered parts hit
    const pools = FAST_CASES.filter((c) => !c.name.startsWith("NPV")).map((c) => ({
      c,
      lists: Array.from({ length: 6 }, (_, k) => c.args(rand, FAMILIES[k % FAMILIES.length])),
    }));
    const wanted = pools.map((p) => p.lists.map((a) => p.c.decimal(a)));
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000 && mismatches.length < 5; i++) {
      const f = Math.floor(rand() * pools.length);
      const k = Math.floor(rand() * pools[f].lists.length);
      const got = pools[f].c.double(pools[f].lists[k]);
      if (!same(got, wanted[f][k]))
        mismatches.push(`${pools[f].c.name} ${JSON.stringify(pools[f].lists[k])}: ${got} vs ${wanted[f][k]}`);
    }
    expect(mismatches).toEqual([]);
  });
});
