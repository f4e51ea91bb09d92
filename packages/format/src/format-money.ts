import { formatDecimal } from "./format-decimal";

/**
 * An amount of money: "EUR 1,234,567.50" — the ISO currency code first, at least cents, and further decimals only
 * when they are not zero ("USD 198.125" stays exact). Never rounded.
 */
export function formatMoney(amount: string, currency: string): string {
  return `${currency} ${formatDecimal(amount, 2)}`;
}
