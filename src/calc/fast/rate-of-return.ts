/**
 * The IRR root finder's answer (finance.ts's `solveRate`), with a few dozen evaluations of the
 * series instead of ~540, for periodic series whose values change sign once (an investment, then
 * returns: every lease and GPU-cloud project). The same double, or undefined (then the scan runs).
 *
 * `solveRate` evaluates the NPV in doubles at ~482 grid rates, bisects each bracket where the
 * double value changes sign down to adjacent doubles, and keeps the root nearest the guess. Its
 * result depends on the double values only through their signs (and zeros). For a series with
 * one sign change, those signs are certain away from the root:
 *
 * - Descartes' rule of signs: the NPV has exactly one root r* in (−1, ∞); it has the sign of the
 *   last value below r* and of the first value above.
 * - Write the NPV as Σ v_i x^i (x = 1/(1 + r)) = P(x) − N(x), P and N the sums of the positive
 *   and of the negative terms' magnitudes, split at the index b where the sign changes. N/x^b has
 *   only negative powers, P/x^b only positive ones, so N/P is monotone in x, and with it the
 *   ratio R = |P − N| / (P + N): R grows as r moves away from r*, on both sides. The scaled forms
 *   the root finder evaluates (the NPV times a power of 1 + r) have the same ratio.
 * - `Series.certified(r)` bounds the double value's error by c·(P + N) at r (c = 2(γ_4n + u)).
 *   If at an anchor z the value exceeds 4 times its bound, then R(z) > 3c/(1 + 3nu), so at every
 *   rate beyond z, R·(P + N) > c·(P + N) ≥ the error: the double value there is nonzero and has
 *   the exact sign. (A margin of 3.9u·min(|v_first|, |v_last|) also covers underflowing terms,
 *   which add at most n·2^-1070: both end values must be at least 2^-800.)
 *
 * So with anchors zl < r* < zr certified (found around an estimate of r* by Newton's method in
 * doubles), every grid rate outside (zl, zr) has a known sign: the scan's only bracket is the
 * grid interval around r* (if no grid rate falls inside (zl, zr), else undefined). Its bisection
 * is replayed step by step: a midpoint outside (zl, zr) takes its known sign; inside (the last ten
 * or so steps, where rounding noise may flip signs), the double NPV is evaluated exactly as the
 * bisection does. The replay therefore makes the same choices and returns the same double.
 */

/** What the root finder knows of a cash-flow series (finance.ts's `Series`). */
export interface RootSeries {
  readonly v: readonly number[];
  scaled(r: number): number;
  certified(r: number): { value: number; bound: number };
}

const TINY = 2 ** -800;

/**
 * The root `solveRate` would return for this periodic series, its sorted grid and the guess (the
 * points it scans are the grid with the guess inserted in order), or undefined when this shortcut
 * cannot prove it.
 */
export function singleSignChangeRoot(series: RootSeries, grid: readonly number[], guess: number): number | undefined {
  const v = series.v;
  const n = v.length;
  if (n < 2 || !(Math.abs(v[0]) >= TINY && Math.abs(v[n - 1]) >= TINY)) return undefined;
  let changes = 0;
  let sign = Math.sign(v[0]);
  for (let i = 1; i < n; i++) {
    const s = Math.sign(v[i]);
    if (s !== 0 && s !== sign) {
      changes++;
      sign = s;
    }
  }
  if (changes !== 1) return undefined;
  const below = Math.sign(v[n - 1]); // the NPV's sign for rates below the root
  const f = (r: number) => series.scaled(r);
  // the scan's points without building them: the grid with the guess at index `at`
  let at = 0; // the first grid point above the guess (binary search: the grid is sorted)
  for (let hi = grid.length; at < hi;) {
    const mid = (at + hi) >> 1;
    if (grid[mid] > guess) hi = mid;
    else at = mid + 1;
  }
  const point = (i: number) => (i < at ? grid[i] : i === at ? guess : grid[i - 1]);
  const count = grid.length + 1;

  // Where the root is, roughly (a guide only: nothing is concluded from it, the anchors below
  // certify): Newton's method from the guess, which converges for the usual series in a few
  // passes; else two neighbouring grid points whose double values have the two signs, searched
  // outwards from the guess, and Newton inside them.
  const quick = newtonFromGuess(v, guess);
  if (quick !== undefined) {
    const root = certifiedRoot(series, quick, below, point, count, f);
    if (root !== undefined) return root;
  }
  const last = count - 1;
  let lo = Math.min(last - 1, at);
  const goRight = Math.sign(f(point(lo))) === below;
  let hi = lo;
  for (let step = 1; ; step *= 2) {
    const next = goRight ? Math.min(last, lo + step) : Math.max(0, hi - step);
    const s = Math.sign(f(point(next)));
    if (goRight ? s !== below : s === below) {
      if (goRight) hi = next;
      else lo = next;
      break;
    }
    if (next === (goRight ? last : 0)) return undefined; // no sign change on the grid: the scan says so
    if (goRight) lo = next;
    else hi = next;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (Math.sign(f(point(mid))) === below) lo = mid;
    else hi = mid;
  }
  const estimate = newtonRoot(v, point(lo), point(hi));
  if (estimate === undefined) return undefined;
  return certifiedRoot(series, estimate, below, point, count, f);
}

/**
 * From an estimate of the root: certified anchors on each side, the scan's bracket around them,
 * and its bisection replayed (the module's notes); undefined when the anchors cannot be certified.
 */
function certifiedRoot(
  series: RootSeries,
  estimate: number,
  below: number,
  point: (i: number) => number,
  count: number,
  f: (r: number) => number,
): number | undefined {
  // Certified anchors on each side of the root, as near as the rounding noise allows.
  const zl = anchor(series, estimate, -1, below);
  const zr = anchor(series, estimate, 1, -below);
  if (zl === undefined || zr === undefined) return undefined;

  // The scan's bracket: the two grid points around (zl, zr), none inside it.
  let k = 0;
  while (k < count && point(k) < zr) k++;
  if (k === 0 || k === count || point(k - 1) > zl) return undefined;

  // The bisection, replayed.
  let a = point(k - 1);
  let b = point(k);
  for (let iter = 0; iter < 2100; iter++) {
    const m = a + (b - a) / 2;
    if (m === a || m === b) break;
    let s: number;
    if (m <= zl) s = below;
    else if (m >= zr) s = -below;
    else {
      const fm = f(m);
      if (fm === 0) return m;
      s = Math.sign(fm);
    }
    if (s === below) a = m;
    else b = m;
  }
  return a + (b - a) / 2;
}

/**
 * An estimate of the root by Newton's method from the guess, on the polynomial P(x) = Σ v_i x^i
 * in x = 1/(1 + r) (one sign change: one positive root); undefined unless it settles within 30
 * steps at an x in (0, 1] (a rate of 0 or more), and when the guess is below 0 (there the root
 * finder's scaling changes: the grid guide handles both).
 */
function newtonFromGuess(v: readonly number[], guess: number): number | undefined {
  if (!(guess >= 0)) return undefined;
  const n = v.length;
  let x = 1 / (1 + guess);
  for (let iter = 0; iter < 30; iter++) {
    let p = 0;
    let d = 0;
    for (let i = n - 1; i >= 0; i--) {
      d = d * x + p;
      p = p * x + v[i];
    }
    if (!(d !== 0 && Number.isFinite(p) && Number.isFinite(d))) return undefined;
    const next = x - p / d;
    if (!(next > 0 && next <= 1)) return undefined; // a rate below 0 or no root found this way
    const settled = Math.abs(next - x) <= next * 2 ** -30;
    x = next;
    if (settled) {
      const r = 1 / x - 1;
      return Number.isFinite(r) && r >= 0 ? r : undefined;
    }
  }
  return undefined;
}

/**
 * A rate on the given side of the estimate (−1 below, +1 above) where the double NPV certainly
 * has the sign `sign` with the margin above (4 × its bound): tried at distances growing from
 * about 2^-44 of the rate's scale, eightfold each time.
 */
function anchor(series: RootSeries, estimate: number, side: number, sign: number): number | undefined {
  const scale = Math.max(Math.abs(estimate), Math.abs(1 + estimate));
  for (let distance = scale * 2 ** -44; distance < scale; distance *= 8) {
    const z = estimate + side * distance;
    if (!(z > -1)) return undefined;
    const c = series.certified(z);
    if (Math.sign(c.value) === sign && Math.abs(c.value) > 4 * c.bound && Math.abs(c.value) >= TINY) return z;
  }
  return undefined;
}

/**
 * An estimate of the root in [a, b] (the NPV changes sign there), by Newton's method on the
 * polynomial the root finder evaluates there (in x = 1/(1 + r) for r ≥ 0, in y = 1 + r below
 * 0), kept inside the bracket by bisection. Only a guide for `anchor`: its accuracy affects speed,
 * not the result.
 */
function newtonRoot(v: readonly number[], a: number, b: number): number | undefined {
  const n = v.length;
  const negative = b <= 0;
  // the polynomial's variable at the bracket's ends, and back to a rate
  const toZ = (r: number) => (negative ? 1 + r : 1 / (1 + r));
  const toR = (z: number) => (negative ? z - 1 : 1 / z - 1);
  let zLo = Math.min(toZ(a), toZ(b));
  let zHi = Math.max(toZ(a), toZ(b));
  const valueAt = (t: number) => {
    let p = 0;
    if (negative) for (let i = 0; i < n; i++) p = p * t + v[i];
    else for (let i = n - 1; i >= 0; i--) p = p * t + v[i];
    return p;
  };
  const pLo = valueAt(zLo);
  const pHi = valueAt(zHi);
  const sLo = Math.sign(pLo);
  // start where the chord crosses zero (regula falsi), else at the middle
  let z = zLo - (pLo * (zHi - zLo)) / (pHi - pLo);
  if (!(z > zLo && z < zHi)) z = (zLo + zHi) / 2;
  // Quadratic convergence: a step below 2^-30 of z leaves an error near the square of it, below
  // the anchors' first distance (2^-44 of the scale); were it not, the anchors only start farther.
  for (let iter = 0; iter < 40; iter++) {
    // value and derivative by Horner's rule
    let p = 0;
    let d = 0;
    if (negative) {
      for (let i = 0; i < n; i++) {
        d = d * z + p;
        p = p * z + v[i];
      }
    } else {
      for (let i = n - 1; i >= 0; i--) {
        d = d * z + p;
        p = p * z + v[i];
      }
    }
    if (p === 0 || !Number.isFinite(p)) break;
    if (Math.sign(p) === sLo) zLo = z;
    else zHi = z;
    let next = z - p / d;
    // a Newton step landing on or beyond an end of the bracket has reached the root to within
    // rounding (the end is the nearest double past it), unless it is far: then bisect
    if (next <= zLo || next >= zHi) {
      if (Math.abs(next - z) <= Math.abs(z) * 2 ** -40) break;
      next = (zLo + zHi) / 2;
    }
    const small = Math.abs(next - z) <= Math.abs(z) * 2 ** -30;
    z = next;
    if (small) break;
  }
  const r = toR(z);
  return Number.isFinite(r) && r > -1 ? r : undefined;
}
