import { z } from "zod";
import { fieldError } from "./field-error";

/**
 * The years a business date or time a caller sends may fall in. Nothing traded here is due before 2000 or after
 * 2100, and outside them lie values PostgreSQL refuses (year 0) or a typo (20266) that would sort oddly for ever.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const inRange = `must be between ${FIRST_YEAR} and ${LAST_YEAR}`;
// Ill-formed text passes here: the format check has already said what is wrong with it.
const yearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return !/^\d{4}-/.test(text) || (year >= FIRST_YEAR && year <= LAST_YEAR);
};
const momentInRange = (text: string) => {
  const time = Date.parse(text);
  return Number.isNaN(time) || yearInRange(new Date(time).toISOString());
};

/** A moment the API reports: ISO-8601 in UTC, e.g. "2026-08-15T12:00:00.000Z". */
export function timestamp() {
  return z.iso.datetime({ error: fieldError("must be a UTC date and time like 2026-08-15T12:00:00Z") });
}

/**
 * A moment a caller sends: ISO-8601 with `Z` or an explicit offset, in the years 2000–2100; the API stores and
 * answers it in UTC.
 */
export function timestampInput(example = "2026-08-15T12:00:00Z") {
  return z.iso
    .datetime({ offset: true, error: fieldError(`must be a date and time like ${example}`) })
    .refine(momentInRange, { error: inRange, abort: true });
}

/** A calendar day without time of day in the years 2000–2100, e.g. the first day of a delivery window. */
export function calendarDate(example = "2026-09-01") {
  return z.iso
    .date({ error: fieldError(`must be a date like ${example}`) })
    .refine(yearInRange, { error: inRange, abort: true });
}
