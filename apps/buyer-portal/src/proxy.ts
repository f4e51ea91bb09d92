import { corsHeaders } from "@lotbridge/http/cors-headers";
import { setAsideForwardedFor } from "@lotbridge/http/set-aside-forwarded-for";
import { gatePage } from "@lotbridge/ui/gate-page";
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
  return gatePage(request, requestHeaders, { cookiePrefix: "lotbridge-buyer", publicPages: PUBLIC_PAGES });
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
