/**
 * Least squares on a quadratic in one standardised variable, for the least-squares Monte Carlo of
 * conversion-option.ts. Floats (the simulation's), with only +, −, ×, ÷ and float-math's sqrt in a
 * fixed order, so the same bits in every engine.
 *
 * Fit y ≈ β0 + β1·z + β2·z², z = (x − mean(x)) / sd(x) (standardising keeps the normal equations
 * well conditioned whatever the unit of x). The normal equations (3×3, from the sums of z^0..z^4
 * and of y·z^0..z^2) are solved by Gaussian elimination with partial pivoting. When they are
 * singular or nearly so (a pivot below 1e-10 of the matrix's largest entry: x takes one or two
 * values, e.g. every volatility 0), the fit drops to a line, then to the mean of y: with one value
 * of x the fitted value there is exactly the mean of y.
 */
import { sqrt } from "./float-math";

/** A fitted quadratic in standardised x. */
export interface QuadraticFit {
  /** β0, β1, β2 (the unused ones 0). */
  b0: number;
  b1: number;
  b2: number;
  /** x's mean and standard deviation (1 when x has a single value). */
  mean: number;
  sd: number;
  /** The range of x the fit saw. */
  min: number;
  max: number;
}

/** The fitted value at x. */
export function fitted(f: QuadraticFit, x: number): number {
  const z = (x - f.mean) / f.sd;
  return f.b0 + z * (f.b1 + z * f.b2);
}

/** Solves the n×n system a·β = c (row-major a, modified in place) by elimination with partial pivoting; false when singular. */
function solve(a: number[], c: number[], n: number, out: number[]): boolean {
  let largest = 0;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.abs(a[i]));
  if (!(largest > 0)) return false;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    if (!(Math.abs(a[pivot * n + col]) > 1e-10 * largest)) return false;
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        const t = a[col * n + j];
        a[col * n + j] = a[pivot * n + j];
        a[pivot * n + j] = t;
      }
      const t = c[col];
      c[col] = c[pivot];
      c[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / a[col * n + col];
      for (let j = col; j < n; j++) a[r * n + j] -= f * a[col * n + j];
      c[r] -= f * c[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = c[r];
    for (let j = r + 1; j < n; j++) s -= a[r * n + j] * out[j];
    out[r] = s / a[r * n + r];
  }
  return true;
}

/** Least squares of y[0..n) on 1, z, z² (z the standardised x), falling back to a line, then a constant (module header). */
export function fitQuadratic(x: ArrayLike<number>, y: ArrayLike<number>, n: number): QuadraticFit {
  let sx = 0;
  let sy = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  const mean = sx / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    ss += d * d;
  }
  const sd = sqrt(ss / n);
  const constant: QuadraticFit = { b0: sy / n, b1: 0, b2: 0, mean, sd: 1, min, max };
  if (!(sd > 0)) return constant;
  // Sums of z^0..z^4 and y·z^0..z^2.
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < n; i++) {
    const z = (x[i] - mean) / sd;
    const z2 = z * z;
    s1 += z;
    s2 += z2;
    s3 += z2 * z;
    s4 += z2 * z2;
    t0 += y[i];
    t1 += y[i] * z;
    t2 += y[i] * z2;
  }
  const beta = [0, 0, 0];
  if (solve([n, s1, s2, s1, s2, s3, s2, s3, s4], [t0, t1, t2], 3, beta))
    return { b0: beta[0], b1: beta[1], b2: beta[2], mean, sd, min, max };
  if (solve([n, s1, s1, s2], [t0, t1], 2, beta)) return { b0: beta[0], b1: beta[1], b2: 0, mean, sd, min, max };
  return constant;
}

/**
 * The smallest x in (min, max] at which the fit crosses 0 from below, given that it is below 0 at
 * min: the upper end of the region of low x where the fit is negative. The fit's max when it stays
 * below 0 over the whole range; 0 when it is not below 0 at min.
 */
export function firstRootAbove(f: QuadraticFit): number {
  if (!(fitted(f, f.min) < 0)) return 0;
  if (f.b1 === 0 && f.b2 === 0) return f.max; // a constant below 0
  const zMin = (f.min - f.mean) / f.sd;
  const zMax = (f.max - f.mean) / f.sd;
  let root = Infinity;
  if (f.b2 === 0) {
    const z = -f.b0 / f.b1;
    if (z > zMin) root = z;
  } else {
    const disc = f.b1 * f.b1 - 4 * f.b2 * f.b0;
    if (disc >= 0) {
      // roots without cancellation: q = −(b1 + sign(b1)·√disc) / 2; z = q / b2 and b0 / q
      const q = -(f.b1 + (f.b1 < 0 ? -sqrt(disc) : sqrt(disc))) / 2;
      for (const z of [q / f.b2, q !== 0 ? f.b0 / q : Infinity]) if (z > zMin && z < root) root = z;
    }
  }
  return root <= zMax ? f.mean + root * f.sd : f.max;
}
