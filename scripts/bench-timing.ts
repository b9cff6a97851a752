/**
 * Timing for the benches: wall clock and this process's CPU time, which is steadier on a shared
 * machine; medians; and variants run in interleaved rounds (bench-fast.ts, bench-schedules.ts), so
 * that a busy machine slows every variant alike and their ratios hold better than their times.
 */

/** CPU time of this process (user + system), ms. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The median (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One variant of a measure: a call (given a running index, to vary its arguments) and its batch size. */
export interface Variant {
  label?: string;
  call: (i: number) => unknown;
  /** calls per round, so that a round takes some milliseconds */
  calls: number;
}

/**
 * Per-call times of the variants in interleaved rounds: warm-up rounds first (until the JIT has
 * settled), then `rounds` rounds in which each variant runs its batch in turn; medians of the
 * rounds, wall and CPU, in µs.
 */
export function interleaved(variants: Variant[], rounds = 15, warmup = 5): { wallUs: number[]; cpuUs: number[] } {
  const wall: number[][] = variants.map(() => []);
  const cpu: number[][] = variants.map(() => []);
  let sink = 0;
  let i = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    variants.forEach((v, k) => {
      const w = performance.now();
      const c = cpuMs();
      for (let j = 0; j < v.calls; j++) {
        const r = v.call(i++);
        sink += typeof r === "number" ? r : 1;
      }
      if (round >= warmup) {
        cpu[k].push(((cpuMs() - c) * 1000) / v.calls);
        wall[k].push(((performance.now() - w) * 1000) / v.calls);
      }
    });
  }
  if (sink === -1) console.log(""); // the results are used, so no call is optimised away
  return { wallUs: wall.map(median), cpuUs: cpu.map(median) };
}

/** Median wall and CPU milliseconds of `runs` calls after one warm-up: for calls that take a good part of a second. */
export function timeLong(fn: () => unknown, runs = 5): { wall: number; cpu: number } {
  fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const w = performance.now();
    const c = cpuMs();
    fn();
    cpus.push(cpuMs() - c);
    walls.push(performance.now() - w);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
