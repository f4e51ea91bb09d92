import { pageContentSecurityPolicy } from "@lotbridge/http/security-headers";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * What each portal's proxy does for a page: a fresh CSP nonce (Next.js takes it for its inline scripts from the policy
 * on the request; the browser from the response), and a cheap first gate: no session cookie, straight to sign-in.
 * Pages still validate the session themselves.
 */
export function gatePage(
  request: NextRequest,
  requestHeaders: Headers,
  options: { cookiePrefix: string; publicPages: RegExp },
): NextResponse {
  const policy = pageContentSecurityPolicy(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
  requestHeaders.set("content-security-policy", policy);
  const path = request.nextUrl.pathname;
  let response: NextResponse;
  if (options.publicPages.test(path) || getSessionCookie(request, { cookiePrefix: options.cookiePrefix })) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", path);
    response = NextResponse.redirect(url);
  }
  response.headers.set("content-security-policy", policy);
  return response;
}
