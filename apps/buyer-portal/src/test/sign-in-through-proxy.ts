import { NextRequest } from "next/server";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3000";

/**
 * A sign-in attempt as `next start` handles it: the portal's proxy sees the request as it arrived, Next.js applies
 * the request headers the proxy answered with (x-middleware-override-headers), then fills in X-Forwarded-For from
 * the socket when the request has none, and the route runs.
 */
export async function signInThroughProxy(
  socket: string,
  forwardedFor: string | undefined,
  email: string,
  password: string,
): Promise<Response> {
  const url = `${BASE}/api/auth/sign-in/email`;
  const arrived = new Headers({ "content-type": "application/json", origin: BASE });
  if (forwardedFor !== undefined) arrived.set("x-forwarded-for", forwardedFor);
  const answer = proxy(new NextRequest(url, { method: "POST", headers: arrived }));
  const overridden = answer.headers.get("x-middleware-override-headers");
  const routed = new Headers();
  for (const name of overridden ? overridden.split(",") : arrived.keys()) {
    const value = overridden ? answer.headers.get(`x-middleware-request-${name}`) : arrived.get(name);
    if (value !== null) routed.set(name, value);
  }
  if (!routed.has("x-forwarded-for")) routed.set("x-forwarded-for", socket);
  const request = new Request(url, { method: "POST", headers: routed, body: JSON.stringify({ email, password }) });
  return auth(request, { params: Promise.resolve({ all: ["sign-in", "email"] }) });
}
