/** Where the proxy keeps the X-Forwarded-For a request arrived with, for the sign-in rate limit to judge. */
export const ARRIVED_FORWARDED_FOR = "x-lotbridge-forwarded-for";

/**
 * Run in the portals' proxy on every request. Next.js fills in X-Forwarded-For from the socket only when a request
 * has none, so removing the one the request arrived with makes X-Forwarded-For the socket address behind the proxy;
 * the arrived value is kept under our own name (any copy sent under that name is replaced) and is believed only when
 * the socket is a trusted proxy (TRUSTED_PROXIES).
 */
export function setAsideForwardedFor(headers: Headers): void {
  const arrived = headers.get("x-forwarded-for");
  headers.delete("x-forwarded-for");
  if (arrived) headers.set(ARRIVED_FORWARDED_FOR, arrived);
  else headers.delete(ARRIVED_FORWARDED_FOR);
}
