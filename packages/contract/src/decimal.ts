import { z } from "zod";
import { fieldError } from "./field-error";
import { type DecimalLimit, largest, PRICE, TOTAL, VOLUME } from "./limits";

/**
 * A decimal carried as a string ("245.50"): JSON numbers are floats, and money and volume must not be.
 * `scale` is the most digits allowed after the point; values are non-negative, at most `integerDigits` before it.
 */
export function decimalString(scale: number, integerDigits = 12) {
  const pattern = new RegExp(`^\\d{1,${integerDigits}}(\\.\\d{1,${scale}})?$`);
  return (
    z
      .string({ error: fieldError('must be a decimal number written as a string, e.g. "245.50"') })
      .trim()
      // abort: later checks (greater than zero, comparisons) only ever see a well-formed decimal.
      .regex(pattern, {
        error: `must be a non-negative decimal with at most ${scale} decimals, e.g. "245.50"`,
        abort: true,
      })
  );
}

/** A decimal string within one of the limits of limits.ts. */
export function limitedDecimal(limit: DecimalLimit) {
  return decimalString(limit.scale, limit.integerDigits);
}

export const volumeString = () =>
  limitedDecimal(VOLUME).describe(`Volume as a decimal string, in the lot's unit, at most ${largest(VOLUME)}`);
export const priceString = () =>
  limitedDecimal(PRICE).describe(`Price per unit as a decimal string, at most ${largest(PRICE)}`);
export const amountString = () =>
  limitedDecimal(TOTAL).describe(
    `Total as a decimal string: volume × price per unit, rounded half up to cents, at most ${largest(TOTAL)}`,
  );

/** Whether volume × price, rounded to cents, fits TOTAL: what a contract on these terms could store. */
export function totalFits(volume: string, pricePerUnit: string): boolean {
  return compareDecimals(lineTotal(volume, pricePerUnit), largest(TOTAL)) <= 0;
}

/** What a person reads when volume × price would not fit TOTAL. */
export const totalTooLarge = (volumeField = "volume", priceField = "pricePerUnit") =>
  `would make the total (${volumeField} × ${priceField}) more than ${largest(TOTAL)}, the largest a contract can hold; lower the volume or the price`;

// Longer than any limit allows is its field's own issue; the cap also keeps a hostile 1 MB digit string from BigInt.
const wellFormed = (value: unknown): value is string =>
  typeof value === "string" && value.trim().length <= 40 && /^\d+(\.\d+)?$/.test(value.trim());

/**
 * A schema refinement for every place a volume and a price meet: the issue names `priceField` when their total would
 * not fit TOTAL. Values that are missing or malformed are left to their own field's issue.
 */
export function requireTotalFits<T extends object>(volumeField: keyof T & string, priceField: keyof T & string) {
  return (value: T, context: z.RefinementCtx<T>) => {
    const volume: unknown = value[volumeField];
    const price: unknown = value[priceField];
    if (wellFormed(volume) && wellFormed(price) && !totalFits(volume.trim(), price.trim())) {
      context.addIssue({ code: "custom", path: [priceField], message: totalTooLarge(volumeField, priceField) });
    }
  };
}

const greaterThanZero = (value: string) => compareDecimals(value, "0") > 0;

export const positiveVolume = () => volumeString().refine(greaterThanZero, { error: "must be greater than 0" });
export const positivePrice = () => priceString().refine(greaterThanZero, { error: "must be greater than 0" });

/** Exact comparison of two non-negative decimal strings, without floats. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  const width = Math.max(af.length, bf.length);
  const left = BigInt(ai + af.padEnd(width, "0"));
  const right = BigInt(bi + bf.padEnd(width, "0"));
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `a − b` for non-negative decimal strings, exact, with the larger of their scales; negative results get a "-". */
export function subtractDecimals(a: string, b: string): string {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  const scale = Math.max(af.length, bf.length);
  const difference = BigInt(ai + af.padEnd(scale, "0")) - BigInt(bi + bf.padEnd(scale, "0"));
  const sign = difference < 0n ? "-" : "";
  const digits = (difference < 0n ? -difference : difference).toString().padStart(scale + 1, "0");
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The total of an offer: volume × price per unit, exact, then rounded half up to 2 decimals. */
export function lineTotal(volume: string, pricePerUnit: string): string {
  const [vi, vf = ""] = volume.split(".");
  const [pi, pf = ""] = pricePerUnit.split(".");
  const scale = vf.length + pf.length;
  const product = BigInt(vi + vf) * BigInt(pi + pf);
  const cents =
    scale <= 2
      ? product * 10n ** BigInt(2 - scale)
      : (product + 5n * 10n ** BigInt(scale - 3)) / 10n ** BigInt(scale - 2);
  const digits = cents.toString().padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A decimal string as an integer of units of 10^-scale; negative strings ("-1.5") allowed. */
function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const units = BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
  return negative ? -units : units;
}

function written(units: bigint, scale: number): string {
  const sign = units < 0n ? "-" : "";
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const scaleOf = (value: string) => value.split(".")[1]?.length ?? 0;

/** `a + b`, exact, with the larger of their scales; either may be negative. */
export function addDecimals(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return written(scaled(a, scale) + scaled(b, scale), scale);
}

/** `a × b`, exact (the scale is the sum of theirs); either may be negative. */
export function multiplyDecimals(a: string, b: string): string {
  return written(scaled(a, scaleOf(a)) * scaled(b, scaleOf(b)), scaleOf(a) + scaleOf(b));
}

/** `value` rounded half away from zero to `scale` decimals, written with exactly `scale` decimals. */
export function roundDecimal(value: string, scale: number): string {
  const from = scaleOf(value);
  if (from <= scale) return written(scaled(value, scale), scale);
  const units = scaled(value, from);
  const divisor = 10n ** BigInt(from - scale);
  const half = divisor / 2n;
  const rounded = units < 0n ? -((-units + half) / divisor) : (units + half) / divisor;
  return written(rounded, scale);
}
