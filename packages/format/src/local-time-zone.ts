/**
 * The time zone of the runtime this runs in: in a browser, the viewer's own. For components that render only in the
 * browser (lists fetched after the page loaded); a server-rendered page uses the viewer's zone from its request.
 */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
