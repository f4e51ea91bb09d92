import { calendarParts } from "./calendar-parts";
import { resolveTimeZone } from "./resolve-time-zone";
import { timeZoneLabel } from "./time-zone-label";
import { toDate } from "./to-date";

/**
 * An instant in `timeZone` with the zone named: "3 Dec 2026, 13:00 CET". Day before month, 24-hour clock, English
 * month names: unambiguous on both sides of the Atlantic. An unknown zone falls back to UTC; an unreadable value
 * gives "—".
 */
export function formatDateTime(value: string | Date | null | undefined, timeZone = "UTC"): string {
  const date = toDate(value);
  if (!date) return "—";
  const zone = resolveTimeZone(timeZone);
  const { day, time } = calendarParts(date, zone);
  return `${day}, ${time} ${timeZoneLabel(zone, date)}`;
}
