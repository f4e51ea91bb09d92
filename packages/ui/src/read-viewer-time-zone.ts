import { resolveTimeZone } from "@lotbridge/format/resolve-time-zone";
import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie-name";

/**
 * The time zone a server-rendered page writes its dates in: the viewer's, from the cookie TimeZoneCookie sets; UTC
 * when there is none yet or it names no zone the runtime knows. Pages always name the zone they used.
 */
export async function readViewerTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!value) return "UTC";
  try {
    return resolveTimeZone(decodeURIComponent(value));
  } catch {
    return "UTC";
  }
}
