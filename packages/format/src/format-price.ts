import { formatMoney } from "./format-money";

/** A price per unit: "USD 198.00 / t", "USD 198.125 / t". Never rounded. */
export function formatPrice(amount: string, currency: string, unit: string): string {
  return `${formatMoney(amount, currency)} / ${unit}`;
}
