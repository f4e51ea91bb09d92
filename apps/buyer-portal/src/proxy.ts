import { corsHeaders } from "@lotbridge/http/cors-headers";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { loadConfig } from "./server/config";

/** The API the producer platform calls; only these paths answer cross-origin browsers. */
const EXTERNAL_API = /^\/api\/(lots\/external|bids|contracts|events|openapi\.json|integration)(\/|$)/;

let allowedOrigins: string[] | undefined;

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/")) {
    if (!EXTERNAL_API.test(path)) return NextResponse.next();
    allowedOrigins ??= loadConfig().CORS_ALLOWED_ORIGINS;
    const origin = request.headers.get("origin");
    if (request.method === "OPTIONS") {
      return new NextResponse(null, { status: 204, headers: corsHeaders(origin, allowedOrigins, true) });
    }
    const response = NextResponse.next();
    for (const [name, value] of corsHeaders(origin, allowedOrigins, false)) response.headers.set(name, value);
    return response;
  }
  // A cheap first gate for pages: no session cookie, straight to sign-in. Pages still validate the session itself.
  if (getSessionCookie(request, { cookiePrefix: "lotbridge-buyer" })) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/|sign-in|api-reference|favicon.ico).*)"] };
