import { resolveTimeZone } from "./resolve-time-zone";

// Our own month names: ICU versions disagree ("Sep" or "Sept" in en-GB), and a page rendered by Node must read the
// same when the browser renders it again, as must the PDF on both portals.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The calendar day and the time of day of `date` in `timeZone` (UTC when unknown), e.g. "3 Dec 2026" and "13:00". */
export function calendarParts(date: Date, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: resolveTimeZone(timeZone),
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${Number(part("day"))} ${MONTHS[Number(part("month")) - 1]} ${part("year")}`,
    time: `${part("hour")}:${part("minute")}`,
  };
}
