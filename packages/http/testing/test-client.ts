// biome-ignore lint/suspicious/noExplicitAny: route handlers differ in their params
export type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /**
   * The page the request comes from, as a browser sends it in `Origin`: by default the URL's own origin;
   * another origin to act as a foreign page, or null to send none.
   */
  origin?: string | null;
}

/**
 * Calls a Next.js route handler the way the server does: a real Request in, a real Response out.
 * For tests of a portal's HTTP interface against its real database.
 */
export async function call(handler: Handler, url: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  const origin = options.origin === undefined ? new URL(url).origin : options.origin;
  if (origin !== null && !headers.has("origin")) headers.set("origin", origin);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(url, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

/** Signs in through the portal's auth handler and returns the Cookie header for later calls. */
export async function signIn(authHandler: Handler, baseUrl: string, email: string, password: string): Promise<string> {
  const response = await call(authHandler, `${baseUrl}/api/auth/sign-in/email`, {
    body: { email, password },
    headers: { "x-forwarded-for": "198.51.100.1" },
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
