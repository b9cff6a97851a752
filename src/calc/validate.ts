/**
 * Domain checks shared by the calc functions. Each takes the public parameter name so that the
 * error tells the user which argument is wrong and what it may be, and returns a Decimal.
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError } from "./errors";

/**
 * Decimals of recently seen numbers. Parsing a double into a Decimal goes through its decimal
 * string and costs more than the arithmetic of a whole formula; a recalculating sheet passes the
 * same inputs (power price, difficulty, ...) to thousands of cells, so most lookups hit.
 * Decimals are immutable, so sharing them is safe. Bounded: cleared when full.
 */
const parsed = new Map<number, Decimal>();
const ZERO = new Decimal(0);
const MAX_PARSED = 4096;

export function decimalOf(x: number): Decimal {
  let d = parsed.get(x);
  if (d === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    d = new Decimal(x);
    parsed.set(x, d);
  }
  return d;
}

function show(x: Num): string {
  return typeof x === "number" ? String(x) : x.toString();
}

/** Any finite number. */
export function finite(name: string, x: Num, allowed = "a finite number"): Decimal {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new InvalidArgumentError(name, allowed, show(x));
    return decimalOf(x);
  }
  let d: Decimal;
  try {
    d = x instanceof Decimal ? x : new Decimal(x);
  } catch {
    throw new InvalidArgumentError(name, allowed, JSON.stringify(x));
  }
  if (!d.isFinite()) throw new InvalidArgumentError(name, allowed, show(x));
  return d;
}

/** A finite number > 0. */
export function positive(name: string, x: Num): Decimal {
  const d = finite(name, x, "a number greater than 0");
  if (!d.gt(0)) throw new InvalidArgumentError(name, "a number greater than 0", show(x));
  return d;
}

/** A finite number >= 0. */
export function nonNegative(name: string, x: Num): Decimal {
  const d = finite(name, x, "a number of 0 or more");
  if (d.isNeg() && !d.isZero()) throw new InvalidArgumentError(name, "a number of 0 or more", show(x));
  return d.isZero() ? ZERO : d; // folds -0 into 0
}

/** A fraction from 0 to 1 inclusive, as Excel writes rates (0.02 = 2%). */
export function fraction(name: string, x: Num): Decimal {
  const allowed = "a fraction from 0 to 1 (0.02 = 2%)";
  const d = finite(name, x, allowed);
  if (d.lt(0) || d.gt(1)) throw new InvalidArgumentError(name, allowed, show(x));
  return d.isZero() ? ZERO : d;
}

/** A rate greater than -1 (-100%), e.g. a growth or discount rate (0.05 = 5%). */
export function rateAboveMinusOne(name: string, x: Num): Decimal {
  const allowed = "a rate greater than -1 (0.05 = 5%)";
  const d = finite(name, x, allowed);
  if (!d.gt(-1)) throw new InvalidArgumentError(name, allowed, show(x));
  return d;
}

/** A whole number >= 0 that a double represents exactly (<= 2^53 - 1). */
export function wholeNonNegative(name: string, x: Num): number {
  const allowed = "a whole number of 0 or more";
  const d = finite(name, x, allowed);
  if (!d.isInteger() || (d.isNeg() && !d.isZero())) throw new InvalidArgumentError(name, allowed, show(x));
  if (d.gt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidArgumentError(name, `${allowed} up to ${Number.MAX_SAFE_INTEGER}`, show(x));
  }
  return d.toNumber();
}
