/** The cookie that carries the viewer's IANA time zone ("Europe/Berlin") from the browser to server-rendered pages. */
export const TIME_ZONE_COOKIE = "tz";
