"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie-name";

/**
 * Tells the server the viewer's time zone (a `tz` cookie), so that pages rendered on the server write dates in it.
 * The first page a browser ever loads is rendered in UTC (named as such); when the zone is new or changed, the page
 * is refreshed once, in place.
 */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((pair) => pair.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current && decodeURIComponent(current) === zone) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-secret preference; the Cookie Store API is not in every browser we support.
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
