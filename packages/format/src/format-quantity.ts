import { formatDecimal } from "./format-decimal";

/** A volume as people write it: "5,000 t", "12.5 t" — grouped, no trailing zeros, never rounded. */
export function formatQuantity(value: string, unit: string): string {
  return `${formatDecimal(value)} ${unit}`;
}
