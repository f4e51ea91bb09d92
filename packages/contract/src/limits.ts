/**
 * How large and how fine every quantity of the contract may be: one definition, used by the zod schemas of both
 * portals, by both databases' column types (`numeric(precision, scale)`) and by the arithmetic of totals. A value
 * one side cannot store is refused at the first door it reaches, with 422 naming the field.
 */
export interface DecimalLimit {
  /** Digits before the decimal point. */
  integerDigits: number;
  /** Digits after it. */
  scale: number;
}

/** Volume in the lot's unit: up to 999,999,999,999.999. */
export const VOLUME: DecimalLimit = { integerDigits: 12, scale: 3 };
/** Price per unit: up to 99,999,999,999.9999. */
export const PRICE: DecimalLimit = { integerDigits: 11, scale: 4 };
/** Volume × price, rounded half up to cents: up to 999,999,999,999,999,999.99. */
export const TOTAL: DecimalLimit = { integerDigits: 18, scale: 2 };

/** The SQL column type that holds every value within `limit`: `numeric(precision, scale)`. */
export function columnType(limit: DecimalLimit): { precision: number; scale: number } {
  return { precision: limit.integerDigits + limit.scale, scale: limit.scale };
}

/** The largest value within `limit`, written out, e.g. "99999999999.9999". */
export function largest(limit: DecimalLimit): string {
  return `${"9".repeat(limit.integerDigits)}.${"9".repeat(limit.scale)}`;
}
