/**
 * The one decimal type the calculation module uses.
 *
 * A private clone of decimal.js so that no other code on the page (or another add-in in the
 * shared runtime) can change our precision or rounding. 40 significant digits: every input
 * arrives as an IEEE double (~17 digits), so 40 leaves ample guard digits for chains of
 * divisions and powers, and results round once, on the way back to a double.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Anything calc functions accept as a number: a JS number (finite), a decimal string or a Decimal. */
export type Num = number | string | Decimal;

/** Converts a value to Decimal (no validation: callers validate with `validate.ts`). */
export function dec(x: Num): Decimal {
  return x instanceof Decimal ? x : new Decimal(x);
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
