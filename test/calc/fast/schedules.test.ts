/**
 * The schedules' certified fast paths (LEASENPV, LEASEIRR and its monthly nets, GPUCLOUDNPV,
 * MININGNPV, CONVERSIONVALUE, CONVERSIONTIMING, CONVERSIONBREAKEVEN) return exactly the decimal
 * path's doubles (compared bit for bit) or its errors, on seeded random plans of every input
 * family (test/support/schedule-plans.ts); `npm run certify` runs many more. The contract is
 * identity with the decimal path, which its own tests pin against independent arithmetic.
 */
import { FAMILIES, prng } from "../../support/input-families";
import { same } from "../../support/fast-paths";
import { SCHEDULE_CASES } from "../../support/schedule-fast-paths";

/**
 * The share of answered plans the fast path must carry in the usual families. CONVERSIONTIMING
 * declines with an exit value (its last row is exactly 0, where only the decimal path knows its
 * rounding); CONVERSIONBREAKEVEN with an energy tax that starts after month 1 (its search holds one
 * running cost for every month), and it draws only a few plans a family here.
 */
const CARRIED: Record<string, number> = { CONVERSIONTIMING: 0.5, CONVERSIONBREAKEVEN: 0.6 };

describe.each(SCHEDULE_CASES)("$name: the double entry point equals the decimal path", (c) => {
  test.each([...FAMILIES])("%s plans", (family) => {
    const rand = prng(family.length * 104_729 + c.name.length);
    const mismatches: string[] = [];
    let certified = 0;
    let answered = 0;
    for (let i = 0; i < c.testRuns; i++) {
      const a = c.args(rand, family);
      const want = c.decimal(a);
      const got = c.double(a);
      if (!same(got, want)) mismatches.push(`${JSON.stringify(a).slice(0, 400)}: got ${got}, decimal ${want}`);
      if (typeof want === "number" || !want.includes("Error")) {
        answered++;
        const fast = c.fast(a);
        if (fast === fast) certified++;
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    if (family !== "extremes" && answered > 0) expect(certified / answered).toBeGreaterThan(CARRIED[c.name] ?? 0.9);
  });
});
