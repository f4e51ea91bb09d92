import { resolveTimeZone } from "./resolve-time-zone";

const zoneName = (locale: string, option: "short" | "shortOffset", timeZone: string, at: Date) =>
  new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: option })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value ?? "";

/**
 * The short name of `timeZone` at the instant `at`, as people there write it: "CET", "BST", "CDT", "UTC". Where
 * neither British nor American English has a name, the offset from UTC: "UTC+9", "UTC+5:30". Never "GMT+x":
 * GMT in a date reads as the old, raw `toUTCString()` output and is ambiguous next to summer time.
 */
export function timeZoneLabel(timeZone: string, at: Date): string {
  const zone = resolveTimeZone(timeZone);
  for (const locale of ["en-GB", "en-US"]) {
    const name = zoneName(locale, "short", zone, at);
    if (name && !name.startsWith("GMT")) return name;
  }
  const offset = zoneName("en-GB", "shortOffset", zone, at).replace(/^GMT/, "");
  return offset && !/^[+-]0(:00)?$/.test(offset) ? `UTC${offset}` : "UTC";
}
