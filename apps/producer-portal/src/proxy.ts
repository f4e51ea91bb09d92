import { pageContentSecurityPolicy } from "@lotbridge/http/security-headers";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/** Pages anyone may open; every other page needs a session. */
const PUBLIC_PAGES = /^\/sign-in(\/|$)/;

export function proxy(request: NextRequest) {
  // Next.js takes the nonce for its inline scripts from the policy on the request; the browser from the response.
  const policy = pageContentSecurityPolicy(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
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

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
