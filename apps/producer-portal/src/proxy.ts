import { setAsideForwardedFor } from "@lotbridge/http/set-aside-forwarded-for";
import { gatePage } from "@lotbridge/ui/gate-page";
import { type NextRequest, NextResponse } from "next/server";

/** Pages anyone may open; every other page needs a session. */
const PUBLIC_PAGES = /^\/sign-in(\/|$)/;

export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  setAsideForwardedFor(requestHeaders);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next({ request: { headers: requestHeaders } });
  return gatePage(request, requestHeaders, { cookiePrefix: "lotbridge-producer", publicPages: PUBLIC_PAGES });
}

// Of the API only sign-in and the rest of better-auth, whose rate limit needs the socket address (see
// setAsideForwardedFor); other API routes stay out, so that large webhook bodies do not pass through the proxy.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)", "/api/auth/:path*"] };
