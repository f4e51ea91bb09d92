import { DomainError } from "@lotbridge/contract/problem";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for every state-changing request a browser could send with the portal's session cookie. SameSite=Lax
 * is not enough: a page on another port or a sibling subdomain is the same *site*, so its requests carry the cookie.
 * The request must come from the portal's own origin: `Origin` equal to it or, where a browser leaves Origin out,
 * `Sec-Fetch-Site: same-origin`. Calls with an API key and calls without any cookie (the external API, the signed
 * webhook receiver) have no ambient authority to abuse and pass; sign-in and the rest of `/api/auth/*` are always
 * checked, so no other page can sign a browser in as someone else.
 */
export function refuseCrossOriginRequest(request: Request, ownOrigin: () => string): void {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return;
  const { headers } = request;
  const auth = new URL(request.url).pathname.startsWith("/api/auth/");
  const byApiKey =
    Boolean(headers.get("x-api-key")?.trim()) || /^Bearer\s+\S/i.test(headers.get("authorization") ?? "");
  if (!auth && (byApiKey || !headers.has("cookie"))) return;
  const origin = headers.get("origin");
  const sameOrigin = origin === null ? headers.get("sec-fetch-site") === "same-origin" : origin === ownOrigin();
  if (sameOrigin) return;
  throw new DomainError(
    "cross-origin-request",
    403,
    "This request did not come from the portal's own pages, so it was refused and nothing was changed. Use the portal itself, or the external API with an API key.",
  );
}
