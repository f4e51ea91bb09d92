import { z } from "zod";
import { fieldError } from "./field-error";

/** A moment the API reports: ISO-8601 in UTC, e.g. "2026-08-15T12:00:00.000Z". */
export function timestamp() {
  return z.iso.datetime({ error: fieldError("must be a UTC date and time like 2026-08-15T12:00:00Z") });
}

/** A moment a caller sends: ISO-8601 with `Z` or an explicit offset; the API stores and answers it in UTC. */
export function timestampInput(example = "2026-08-15T12:00:00Z") {
  return z.iso.datetime({ offset: true, error: fieldError(`must be a date and time like ${example}`) });
}

/** A calendar day without time of day, e.g. the first day of a delivery window. */
export function calendarDate(example = "2026-09-01") {
  return z.iso.date({ error: fieldError(`must be a date like ${example}`) });
}
