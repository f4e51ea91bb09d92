/**
 * CORS for an API that only some browser origins may call. Answers with headers only when the request's Origin is
 * in `allowed`; any other origin gets none, so the browser refuses the response. Server-to-server calls send no
 * Origin and are unaffected.
 */
export function corsHeaders(origin: string | null, allowed: readonly string[], preflight: boolean): Headers {
  const headers = new Headers({ vary: "Origin" });
  if (!origin || !allowed.includes(origin)) return headers;
  headers.set("access-control-allow-origin", origin);
  if (preflight) {
    headers.set("access-control-allow-methods", "GET, POST, PUT, PATCH, OPTIONS");
    headers.set(
      "access-control-allow-headers",
      "content-type, x-api-key, authorization, idempotency-key, x-request-id, x-producer-organization",
    );
    headers.set("access-control-max-age", "600");
  } else {
    headers.set("access-control-expose-headers", "x-request-id, idempotent-replayed");
  }
  return headers;
}
