/** Sent with every response of both portals, pages, API routes and static files alike (next.config.ts). */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** For what is not a page (JSON, scripts, styles): nothing in it may load or run anything, nor be framed. */
export const NON_PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy, made per request by the proxy. Next.js reads the nonce back from this header on the request and
 * puts it on its own inline hydration scripts, so no inline script runs without it; 'strict-dynamic' lets those
 * scripts load the page's chunks. Style attributes (`style={…}`) cannot carry a nonce, hence `style-src-attr`.
 * React needs eval only in development, for its error stacks.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
