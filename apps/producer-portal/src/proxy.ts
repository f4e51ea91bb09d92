import { pageContentSecurityPolicy } from "@lotbridge/http/security-headers";
import { setAsideForwardedFor } from "@lotbridge/http/set-aside-forwarded-for";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/** Pages anyone may open; every other page needs a session. */
const PUBLIC_PAGES = /^\/sign-in(\/|$)/;

export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  setAsideForwardedFor(requestHeaders);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next({ request: { headers: requestHeaders } });
  // Next.js takes the nonce for its inline scripts from the policy on the request; the browser from the response.
  const policy = pageContentSecurityPolicy(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
  requestHeaders.set("content-security-policy", policy);
  // A cheap first gate for pages: no session cookie, straight to sign-in. Pages still validate the session itself.
  let response: NextResponse;
  if (
    PUBLIC_PAGES.test(request.nextUrl.pathname) ||
    getSessionCookie(request, { cookiePrefix: "lotbridge-producer" })
  ) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", request.nextUrl.pathname);
    response = NextResponse.redirect(url);
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

// Of the API only sign-in and the rest of better-auth, whose rate limit needs the socket address (see
// setAsideForwardedFor); other API routes stay out, so that large webhook bodies do not pass through the proxy.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)", "/api/auth/:path*"] };
