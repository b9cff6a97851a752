/** Timing for the benches: wall clock and this process's CPU time, which is steadier on a shared machine. */

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

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
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: med(walls), cpu: med(cpus) };
}
