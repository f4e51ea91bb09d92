import { corsHeaders } from "@lotbridge/http/cors-headers";
import { pageContentSecurityPolicy } from "@lotbridge/http/security-headers";
import { setAsideForwardedFor } from "@lotbridge/http/set-aside-forwarded-for";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { loadConfig } from "./server/config";

/** The API the producer platform calls; only these paths answer cross-origin browsers. */
const EXTERNAL_API = /^\/api\/(lots\/external|bids|contracts|events|openapi\.json|integration)(\/|$)/;
/** Pages anyone may open; every other page needs a session. */
const PUBLIC_PAGES = /^\/(sign-in|api-reference)(\/|$)/;

let allowedOrigins: string[] | undefined;

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const requestHeaders = new Headers(request.headers);
  setAsideForwardedFor(requestHeaders);
  if (path.startsWith("/api/")) {
    if (!EXTERNAL_API.test(path)) return NextResponse.next({ request: { headers: requestHeaders } });
    allowedOrigins ??= loadConfig().CORS_ALLOWED_ORIGINS;
    const origin = request.headers.get("origin");
    if (request.method === "OPTIONS") {
      return new NextResponse(null, { status: 204, headers: corsHeaders(origin, allowedOrigins, true) });
    }
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const [name, value] of corsHeaders(origin, allowedOrigins, false)) response.headers.set(name, value);
    return response;
  }
  // Next.js takes the nonce for its inline scripts from the policy on the request; the browser from the response.
  const policy = pageContentSecurityPolicy(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
  requestHeaders.set("content-security-policy", policy);
  // A cheap first gate for pages: no session cookie, straight to sign-in. Pages still validate the session itself.
  let response: NextResponse;
  if (PUBLIC_PAGES.test(path) || getSessionCookie(request, { cookiePrefix: "lotbridge-buyer" })) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", request.nextUrl.pathname);
    response = NextResponse.redirect(url);
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
