import { calendarParts } from "./calendar-parts";
import { toDate } from "./to-date";

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day: "3 Dec 2026". A calendar date ("2026-12-03", e.g. a delivery window) is that day everywhere and is written
 * as it is, whatever the zone; an instant is the day it falls on in `timeZone` (UTC when unknown). An unreadable
 * value gives "—".
 */
export function formatDate(value: string | Date | null | undefined, timeZone = "UTC"): string {
  if (typeof value === "string" && calendarDay.test(value)) {
    const [, year, month, day] = calendarDay.exec(value)!;
    return calendarParts(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12)), "UTC").day;
  }
  const date = toDate(value);
  return date ? calendarParts(date, timeZone).day : "—";
}
