import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

// A cheap first gate for pages: no session cookie, straight to sign-in. Pages still validate the session itself.
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: "lotbridge-buyer" })) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!api/|_next/|sign-in|favicon.ico).*)"] };
