/*
 * Matchers that say what they compared. `expect(got).toBeNear(wanted, { rel, abs, label })` passes
 * when |got − wanted| ≤ max(abs, rel × |wanted|), and on failure prints the label, both values,
 * their difference and the relative difference against the tolerance, instead of "expected true".
 * A NaN or an infinity on either side never passes (unless both are the same infinity).
 */
export interface Nearness {
  /** Largest relative difference allowed, |got − wanted| / |wanted|. */
  rel?: number;
  /** Largest absolute difference allowed (for wanted values at or near 0). */
  abs?: number;
  /** What is compared (a formula, a row label, a month): printed on failure. */
  label?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeNear(wanted: number, tolerance: Nearness): R;
    }
  }
}

const show = (x: number) => (Number.isFinite(x) ? x.toPrecision(17).replace(/\.?0+(e|$)/, "$1") : String(x));

expect.extend({
  toBeNear(got: unknown, wanted: number, tolerance: Nearness) {
    const { rel = 0, abs = 0, label } = tolerance;
    if (!(rel >= 0 && abs >= 0) || (rel === 0 && abs === 0)) throw new Error("toBeNear needs rel > 0 or abs > 0");
    const where = label === undefined ? "" : `${label}: `;
    if (typeof got !== "number") {
      return {
        pass: false,
        message: () => `${where}got ${this.utils.printReceived(got)}, not a number; wanted ${show(wanted)}`,
      };
    }
    const diff = Math.abs(got - wanted);
    const allowed = Math.max(abs, rel * Math.abs(wanted));
    const pass = got === wanted || (Number.isFinite(diff) && diff <= allowed);
    const relDiff = wanted === 0 ? Infinity : diff / Math.abs(wanted);
    const limits = [rel ? `rel ${rel}` : "", abs ? `abs ${abs}` : ""].filter(Boolean).join(", ");
    return {
      pass,
      message: () =>
        `${where}${pass ? "expected a difference over the tolerance" : "too far"}\n` +
        `  got:      ${show(got)}\n  wanted:   ${show(wanted)}\n` +
        `  diff:     ${show(got - wanted)} (relative ${show(relDiff)})\n  allowed:  ${limits}`,
    };
  },
});
