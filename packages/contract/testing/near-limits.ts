import fc from "fast-check";
import { type DecimalLimit, largest } from "../src/limits";

const digit = fc.constantFrom(..."0123456789");
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((d) => d.join(""));

/**
 * Positive decimal strings near `limit`: mostly long values of up to one digit more than it allows before and after
 * the point, and its largest value, one digit over it, and the first integer too long.
 */
export const nearLimit = (limit: DecimalLimit) =>
  fc.oneof(
    fc
      .record({
        integer: fc
          .integer({ min: 1, max: limit.integerDigits + 1 })
          .chain((n) => fc.tuple(fc.constantFrom(..."123456789"), digits(n - 1))),
        fraction: fc.integer({ min: 0, max: limit.scale + 1 }).chain(digits),
      })
      .map(({ integer, fraction }) => integer.join("") + (fraction ? `.${fraction}` : "")),
    fc.constantFrom(largest(limit), `${largest(limit)}9`, `1${"0".repeat(limit.integerDigits)}`),
  );

/** Whether a decimal string has no more digits before and after the point than a column of `limit` holds. */
export const fitsColumn = (value: string, limit: DecimalLimit) => {
  const [integer, fraction = ""] = value.split(".");
  return integer.length <= limit.integerDigits && fraction.length <= limit.scale;
};
