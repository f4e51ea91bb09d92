import { z } from "zod";

/**
 * A decimal carried as a string ("245.50"): JSON numbers are floats, and money and volume must not be.
 * `scale` is the most digits allowed after the point; values are non-negative, at most 12 integer digits.
 */
export function decimalString(scale: number) {
  const pattern = new RegExp(`^\\d{1,12}(\\.\\d{1,${scale}})?$`);
  return z
    .string({ error: 'must be a decimal number written as a string, e.g. "245.50"' })
    .trim()
    .regex(pattern, { error: `must be a non-negative decimal with at most ${scale} decimals, e.g. "245.50"` });
}

export const volumeString = () => decimalString(3).describe("Volume as a decimal string");
export const priceString = () => decimalString(4).describe("Price per unit as a decimal string");

/** Exact comparison of two non-negative decimal strings, without floats. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  const width = Math.max(af.length, bf.length);
  const left = BigInt(ai + af.padEnd(width, "0"));
  const right = BigInt(bi + bf.padEnd(width, "0"));
  return left < right ? -1 : left > right ? 1 : 0;
}
