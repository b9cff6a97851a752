/**
 * Month-by-month inputs that are either one number (the same every month) or a column holding
 * one value per month, e.g. MININGCASHFLOWS' BTC-mined column fed into TREASURYCASHFLOWS.
 * The Excel adapter turns a range into an array; the calc module checks its length and values.
 */
import { Decimal, Num } from "./decimal";
import { InvalidArgumentError } from "./errors";

/** A number used in every month, or one value per month (month 1 first). */
export type NumOrColumn = Num | readonly Num[];

/**
 * The value for each of `months` months, each checked by `check` (a validate.ts rule).
 * @param name the public parameter name, for errors
 * @param check validates one value and returns it as a Decimal, naming `name` when it refuses
 * @throws InvalidArgumentError naming the argument and both lengths when a column does not hold
 *   exactly `months` values, or naming the row of a value `check` refuses
 */
export function perMonth(
  name: string,
  value: NumOrColumn,
  months: number,
  check: (name: string, x: Num) => Decimal,
): Decimal[] {
  if (!Array.isArray(value)) {
    const d = check(name, value as Num);
    return new Array<Decimal>(months).fill(d);
  }
  const column = value as readonly Num[];
  if (column.length !== months) {
    throw new InvalidArgumentError(
      name,
      `a number or a column of exactly ${months} values, one per month (months = ${months})`,
      `a column of ${column.length} value${column.length === 1 ? "" : "s"}`,
    );
  }
  return checkedRows(name, column, check);
}

/** Each value checked by `check`; a refusal names the column and the row (1-based). */
function checkedRows(name: string, column: readonly Num[], check: (name: string, x: Num) => Decimal): Decimal[] {
  return column.map((x, i) => {
    try {
      return check(name, x);
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
      throw new InvalidArgumentError(
        name,
        `${e.allowed} in every row`,
        `${e.got ?? "an invalid value"} in row ${i + 1}`,
      );
    }
  });
}

/**
 * A column argument of any length (one or more values), each checked by `check`.
 * @throws InvalidArgumentError naming the argument when it is empty or a value is refused (with its row)
 */
export function numberColumn(
  name: string,
  column: readonly Num[],
  check: (name: string, x: Num) => Decimal,
): Decimal[] {
  if (!Array.isArray(column) || column.length === 0) {
    throw new InvalidArgumentError(name, "a column of one or more numbers", "no values");
  }
  return checkedRows(name, column, check);
}
