/*
 * `npm run certify`: millions of comparisons of the certified fast paths with the decimal path,
 * bit for bit, beyond what `npm test` can afford (it runs thousands of the same). Exits 1 on any
 * difference. Per formula and input family (test/support/input-families.ts): how many, how many
 * the fast path certified (the rest fell back to the decimal path), differences, time. Then the
 * formulas called in random order (they share state), the exact reader against String(x),
 * decimalToDouble against toNumber(), and the IRR shortcut against the full scan. Then the
 * schedules (test/support/schedule-fast-paths.ts): random plans of every family, each function's
 * doubles (a table's every row, LEASEIRR's every monthly net) against the decimal path's.
 *
 *   npm run certify                 # the full run (about 1M per formula; ~200,000 plans)
 *   npm run certify -- --scale 0.1  # a tenth of it
 */
import { FAST_CASES, outcome, same } from "../test/support/fast-paths";
import { SCHEDULE_CASES } from "../test/support/schedule-fast-paths";
import { FAMILIES, prng } from "../test/support/input-families";
import { Dyadic, exact } from "../test/support/binary";
import { decimalOffset } from "../src/calc/fast/exact-input";
import { decimalToDouble } from "../src/calc/fast/to-double";
import * as rateOfReturn from "../src/calc/fast/rate-of-return";
import { Decimal, irr } from "../src/calc";
import { loadFastPaths } from "../src/calc/fast/lazy";

const scaleArg = process.argv.indexOf("--scale");
const SCALE = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
/** Comparisons per family of each per-cell formula (4 families: ~1M per formula at scale 1). */
const PER_FAMILY = Math.round(250_000 * SCALE);
/** NPV series are up to 480 values, each a decimal Horner step: fewer. */
const NPV_PER_FAMILY = Math.round(5_000 * SCALE);
const READER_RUNS = Math.round(2_000_000 * SCALE);
const TO_DOUBLE_RUNS = Math.round(1_000_000 * SCALE);
const IRR_RUNS = Math.round(4_000 * SCALE);
const MIXED_CALLS = Math.round(1_000_000 * SCALE);

let failed = false;
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(4)}%`);

function formulas(): void {
  console.log(
    "Per formula and family: comparisons, certified by the fast path (of those the decimal path answers), differences\n",
  );
  for (const c of FAST_CASES) {
    const runs = c.name.startsWith("NPV") ? NPV_PER_FAMILY : PER_FAMILY;
    const started = performance.now();
    const row: string[] = [];
    for (const family of FAMILIES) {
      const rand = prng(FAMILIES.indexOf(family) * 1_000_003 + c.name.length);
      let answered = 0;
      let certified = 0;
      let differences = 0;
      for (let i = 0; i < runs; i++) {
        const a = c.args(rand, family);
        const want = c.decimal(a);
        const got = c.double(a);
        if (!same(got, want)) {
          differences++;
          if (differences <= 3)
            console.log(`  DIFFERENCE ${c.name} ${family}: ${JSON.stringify(a)}: ${got} vs decimal ${want}`);
        }
        if (typeof want === "number" || !want.includes("Error")) {
          answered++;
          const fast = c.fast(a);
          if (fast === fast) certified++;
        }
      }
      if (differences) failed = true;
      row.push(`${family} ${pct(certified, answered)}${differences ? ` (${differences} DIFFERENCES)` : ""}`);
    }
    console.log(
      `${c.name.padEnd(32)} ${(runs * FAMILIES.length).toLocaleString("en-US").padStart(9)}  ${row.join("  ")}  ${seconds(started)}`,
    );
  }
}

/**
 * All formulas called in random order, each from a few argument lists drawn afresh every 1,000
 * calls: the fast paths share registers, the reader's cache and each formula's last denominator,
 * and no call may see what another left behind.
 */
function mixedOrder(): void {
  const started = performance.now();
  const rand = prng(14);
  const cases = FAST_CASES.filter((c) => !c.name.startsWith("NPV"));
  let pools: { lists: unknown[][]; wanted: (string | number)[] }[] = [];
  let differences = 0;
  for (let i = 0; i < MIXED_CALLS; i++) {
    if (i % 1000 === 0) {
      pools = cases.map((c) => {
        const lists = Array.from({ length: 6 }, (_, k) => c.args(rand, FAMILIES[k % FAMILIES.length]));
        return { lists, wanted: lists.map((a) => c.decimal(a)) };
      });
    }
    const f = Math.floor(rand() * cases.length);
    const k = Math.floor(rand() * 6);
    const got = cases[f].double(pools[f].lists[k]);
    if (!same(got, pools[f].wanted[k])) {
      differences++;
      if (differences <= 3)
        console.log(
          `  DIFFERENCE mixed order ${cases[f].name}: ${JSON.stringify(pools[f].lists[k])}: ${got} vs ${pools[f].wanted[k]}`,
        );
    }
  }
  if (differences) failed = true;
  console.log(
    `\nAll formulas in random order (shared registers and remembered parts): ${MIXED_CALLS.toLocaleString("en-US")} calls, ${differences} differences  ${seconds(started)}`,
  );
}

function reader(): void {
  const started = performance.now();
  const rand = prng(11);
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
  const kinds: [string, () => number][] = [
    ["typed", () => Number(logUniform(1e-6, 1e16).toPrecision(1 + Math.floor(rand() * 6)))],
    ["full", () => (rand() < 0.5 ? -1 : 1) * logUniform(1e-6, 1e17)],
    ["few fraction bits", () => Math.floor(logUniform(2 ** 40, 2 ** 56)) + Math.floor(rand() * 16) / 16],
  ];
  let declined = 0;
  let differences = 0;
  for (let i = 0; i < READER_RUNS; i++) {
    const x = kinds[i % kinds.length][1]();
    const offset = decimalOffset(x);
    if (Number.isNaN(offset)) {
      declined++;
      continue;
    }
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x)) as RegExpExecArray;
    const digits = BigInt(m[2] + (m[3] ?? "")) * (m[1] ? -1n : 1n);
    const k = Number(m[4] ?? 0) - (m[3] ?? "").length;
    const scale = new Dyadic(10n ** BigInt(Math.max(0, -k)), 0);
    const wanted = new Dyadic(digits * 10n ** BigInt(Math.max(0, k)), 0).sub(exact(x).mul(scale));
    if (
      !exact(offset)
        .mul(scale)
        .sub(wanted)
        .abs()
        .le(exact(2.01 * 2 ** -53).mul(wanted.abs()))
    ) {
      differences++;
      if (differences <= 3) console.log(`  DIFFERENCE reader: ${String(x)} → ${offset}`);
    }
  }
  if (differences) failed = true;
  console.log(
    `\nReader (decimalOffset vs String(x), exact): ${READER_RUNS.toLocaleString("en-US")} doubles, ${declined} declined, ${differences} differences  ${seconds(started)}`,
  );
}

function toDouble(): void {
  const started = performance.now();
  const rand = prng(12);
  let differences = 0;
  for (let i = 0; i < TO_DOUBLE_RUNS; i++) {
    const kind = i % 4;
    const d =
      kind === 0
        ? new Decimal(rand()).div(rand() * 1e3 + 1e-3).mul(new Decimal(10).pow(Math.floor(rand() * 90 - 45)))
        : kind === 1
          ? new Decimal(2).pow(Math.floor(rand() * 100 - 50)).mul(2 ** 53 + 2 * Math.floor(rand() * 2 ** 20) + 1)
          : kind === 2
            ? new Decimal(rand() - 0.5).mul("1e-310")
            : new Decimal(Math.floor(rand() * 1e15)).mul(new Decimal(10).pow(Math.floor(rand() * 60 - 30)));
    if (!Object.is(decimalToDouble(d), d.toNumber())) {
      differences++;
      if (differences <= 3) console.log(`  DIFFERENCE decimalToDouble: ${d.toString()}`);
    }
  }
  if (differences) failed = true;
  console.log(
    `decimalToDouble vs toNumber(): ${TO_DOUBLE_RUNS.toLocaleString("en-US")} decimals, ${differences} differences  ${seconds(started)}`,
  );
}

function irrShortcut(): void {
  const started = performance.now();
  const rand = prng(13);
  const original = rateOfReturn.singleSignChangeRoot;
  const exports = rateOfReturn as { singleSignChangeRoot: typeof original };
  let shortcut = 0;
  let differences = 0;
  for (let i = 0; i < IRR_RUNS; i++) {
    const n = 2 + Math.floor(rand() * 400);
    const build = Math.floor(rand() * Math.min(n - 1, 24)) + 1;
    const flows = Array.from({ length: n }, (_, k) => (k < build ? -1 : 1) * Math.exp(rand() * 25 - 5));
    const guess = [0.008, 0.1, -0.5, 2][i % 4];
    let answered = false;
    exports.singleSignChangeRoot = (s, grid, g) => {
      const r = original(s, grid, g);
      answered = r !== undefined;
      return r;
    };
    const fast = outcome(() => irr(flows, guess));
    exports.singleSignChangeRoot = () => undefined;
    const scan = outcome(() => irr(flows, guess));
    exports.singleSignChangeRoot = original;
    if (answered) shortcut++;
    if (!same(fast, scan)) {
      differences++;
      if (differences <= 3)
        console.log(`  DIFFERENCE IRR: ${JSON.stringify(flows.slice(0, 3))}… (${n}): ${fast} vs scan ${scan}`);
    }
  }
  if (differences) failed = true;
  console.log(
    `IRR shortcut vs full scan: ${IRR_RUNS.toLocaleString("en-US")} one-change series, shortcut answered ${pct(shortcut, IRR_RUNS)}, ${differences} differences  ${seconds(started)}`,
  );
}

/**
 * The schedules: per function and family, plans compared, the doubles in them (a table's rows, a
 * schedule's monthly nets: each a comparison), the fast path's share of the plans the decimal path
 * answers, differences.
 */
function schedules(): void {
  console.log(
    "\nSchedules, per function and family: plans (doubles compared), certified by the fast path (of the plans the decimal path answers), differences\n",
  );
  for (const c of SCHEDULE_CASES) {
    const runs = Math.max(1, Math.round(c.certifyRuns * SCALE));
    const started = performance.now();
    const row: string[] = [];
    let doubles = 0;
    for (const family of FAMILIES) {
      const rand = prng(FAMILIES.indexOf(family) * 7_919 + c.name.length * 31);
      let answered = 0;
      let certified = 0;
      let differences = 0;
      for (let i = 0; i < runs; i++) {
        const a = c.args(rand, family);
        const want = c.decimal(a);
        const got = c.double(a);
        doubles += typeof want === "string" && !want.includes("Error") ? want.split(" ").length : 1;
        if (!same(got, want)) {
          differences++;
          if (differences <= 3)
            console.log(
              `  DIFFERENCE ${c.name} ${family}: ${JSON.stringify(a).slice(0, 2000)}: ${String(got).slice(0, 300)} vs decimal ${String(want).slice(0, 300)}`,
            );
        }
        if (typeof want === "number" || !want.includes("Error")) {
          answered++;
          const fast = c.fast(a);
          if (fast === fast) certified++;
        }
      }
      if (differences) failed = true;
      row.push(`${family} ${pct(certified, answered)}${differences ? ` (${differences} DIFFERENCES)` : ""}`);
    }
    console.log(
      `${c.name.padEnd(26)} ${(runs * FAMILIES.length).toLocaleString("en-US").padStart(7)} (${doubles.toLocaleString("en-US").padStart(9)})  ${row.join("  ")}  ${seconds(started)}`,
    );
  }
}

async function main(): Promise<void> {
  await loadFastPaths(); // the fast paths' chunk (src/calc/fast/lazy.ts), as a sheet has it
  const started = performance.now();
  formulas();
  mixedOrder();
  reader();
  toDouble();
  irrShortcut();
  schedules();
  console.log(`\n${failed ? "FAILED" : "All identical"} in ${seconds(started)}`);
  process.exit(failed ? 1 : 0);
}

void main();
