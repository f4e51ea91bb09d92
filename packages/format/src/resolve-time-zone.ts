/**
 * `timeZone` if the runtime knows it as an IANA zone ("Europe/Berlin"), otherwise "UTC". A cookie, a header or an
 * old stored preference may hold anything; a page must still render, with its zone named.
 */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone || timeZone.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}
