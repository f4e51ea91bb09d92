import { ARRIVED_FORWARDED_FOR } from "@lotbridge/http/set-aside-forwarded-for";

/** The only header better-auth reads a client's address from; set here on every request, whatever a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-lotbridge-client-address";

/**
 * The request with the address chain better-auth's rate limit counts by. After the proxy (setAsideForwardedFor),
 * X-Forwarded-For is the socket address Next.js filled in. With no trusted proxies that address alone is the client;
 * with them, the forwarded chain is appended before it and better-auth walks it from the right, past trusted hops.
 */
export function withClientAddress(request: Request, trustedProxies: readonly string[]): Request {
  const socket = request.headers.get("x-forwarded-for") ?? "";
  const forwarded = request.headers.get(ARRIVED_FORWARDED_FOR);
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, trustedProxies.length > 0 && forwarded ? `${forwarded}, ${socket}` : socket);
  return new Request(request, { headers });
}
