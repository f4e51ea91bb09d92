// One fixed locale, so that a page rendered on the server, the same page hydrated in the browser, an email and the
// PDF all write a number the same way: "1,234,567.5" (comma groups thousands, point before decimals).
const LOCALE = "en-GB";

// Intl.NumberFormat takes at most 20 fraction digits; every limit of @lotbridge/contract/limits is far below that.
const MAX_FRACTION_DIGITS = 20;

const pattern = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * An exact decimal string written for a person: thousands grouped, at least `minimumFractionDigits` decimals, and
 * beyond those only the digits that are not trailing zeros. Never rounds: the string goes to Intl.NumberFormat as a
 * string (exact, no float on the way), and a value with more decimals than Intl can hold keeps its own digits.
 * Anything that is not a decimal string is returned as it came, so a surprise shows rather than a wrong number.
 */
export function formatDecimal(value: string, minimumFractionDigits = 0): string {
  const trimmed = value.trim();
  const match = pattern.exec(trimmed);
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  const digits = Math.max(minimumFractionDigits, significant.length);
  const isZero = /^0*$/.test(whole) && significant === "";
  const signed = isZero ? "" : sign;
  if (digits > MAX_FRACTION_DIGITS) {
    const grouped = new Intl.NumberFormat(LOCALE, { useGrouping: true }).format(BigInt(whole));
    return `${signed}${grouped}.${significant.padEnd(digits, "0")}`;
  }
  const format = new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: true,
  });
  // Intl's string input is exact decimal arithmetic (ECMA-402 "intl mathematical value"), not a JS number.
  return format.format(`${signed}${whole}.${significant || "0"}` as `${number}`);
}
