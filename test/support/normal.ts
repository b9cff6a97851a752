/**
 * The standard normal distribution for tests, computed independently of the simulation code,
 * from the Maclaurin series of erf:
 *   erf(y) = 2/√π · Σ_{n≥0} (−1)^n y^(2n+1) / (n! (2n + 1)),   Φ(x) = (1 + erf(x/√2)) / 2
 * in decimal.js (50 digits, nothing lost to cancellation for |x| ≤ 8) or in doubles (absolute
 * error below 1e-10 for |x| ≤ 6, where the largest term is ~1e5); Φ⁻¹ by bisection.
 */
import DecimalJs from "decimal.js";

const D = DecimalJs.clone({ precision: 50 });
type D = InstanceType<typeof D>;

const TWO_OVER_SQRT_PI = new D(2).div(D.acos(-1).sqrt());
const SQRT2 = new D(2).sqrt();

/** Φ(x), the standard normal CDF, in decimal (|x| ≤ 8). */
export function normalCdfDecimal(x: number): D {
  const y = new D(x).div(SQRT2);
  const y2 = y.mul(y);
  let term = y; // (−1)^n y^(2n+1) / n!
  let sum = new D(0);
  for (let n = 0; n < 2000; n++) {
    const add = term.div(2 * n + 1);
    sum = sum.add(add);
    if (add.abs().lt(1e-40)) break;
    term = term
      .mul(y2)
      .neg()
      .div(n + 1);
  }
  return new D(1).add(sum.mul(TWO_OVER_SQRT_PI)).div(2);
}

const FLOAT_TWO_OVER_SQRT_PI = 1.1283791670955126;

/** Φ(x) in doubles, |x| ≤ 6 (absolute error < 1e-10). */
export function normalCdf(x: number): number {
  if (x < -6 || x > 6) throw new Error("normalCdf: |x| ≤ 6 only");
  const y = x / Math.SQRT2;
  const y2 = y * y;
  let term = y;
  let sum = 0;
  for (let n = 0; n < 500; n++) {
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17) break;
    term = (-term * y2) / (n + 1);
  }
  return (1 + sum * FLOAT_TWO_OVER_SQRT_PI) / 2;
}

/** Φ⁻¹(p) for 1e-9 < p < 1 − 1e-9, by bisection on Φ to 1e-12. */
export function normalQuantile(p: number): number {
  let lo = -6;
  let hi = 6;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The density φ(x) = exp(−x²/2)/√(2π) (for expected standard errors only). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
