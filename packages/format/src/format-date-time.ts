import { resolveTimeZone } from "./resolve-time-zone";
import { timeZoneLabel } from "./time-zone-label";
import { toDate } from "./to-date";

/**
 * An instant in `timeZone` with the zone named: "3 Dec 2026, 13:00 CET". Day before month, 24-hour clock, English
 * month names (en-GB): unambiguous on both sides of the Atlantic. An unknown zone falls back to UTC; an unreadable
 * value gives "—".
 */
export function formatDateTime(value: string | Date | null | undefined, timeZone = "UTC"): string {
  const date = toDate(value);
  if (!date) return "—";
  const zone = resolveTimeZone(timeZone);
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} ${timeZoneLabel(zone, date)}`;
}
