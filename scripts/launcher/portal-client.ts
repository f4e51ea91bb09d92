/**
 * A person's session on one portal, over its public HTTP API: signs in like the sign-in page does and sends the
 * session cookie and the portal's own Origin (the portals refuse cookie-carrying writes from other origins).
 */
export class PortalSession {
  private constructor(
    readonly baseUrl: string,
    /** Who this is, for messages: "Anna Keller (buyer portal)". */
    readonly label: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, label: string, email: string, password: string): Promise<PortalSession> {
    const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      throw new Error(`${label} could not sign in as ${email} (${response.status}); was the demo password changed?`);
    }
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    return new PortalSession(baseUrl, label, cookie);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>("GET", path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>("POST", path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>("PUT", path, body);
  }

  async bytes(path: string): Promise<Uint8Array> {
    const response = await this.request("GET", path);
    return new Uint8Array(await response.arrayBuffer());
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.request(method, path, body)).json()) as T;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: this.baseUrl,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      const text = await response.text();
      let detail = text.slice(0, 300);
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
      } catch {
        // Not problem+json: the start of the body says enough.
      }
      throw new Error(`${method} ${path} as ${this.label} answered ${response.status}: ${detail}`);
    }
    return response;
  }
}

/** A step that cannot succeed by waiting longer (e.g. the buyer portal refused a bid): ends a wait at once. */
export class StoryStop extends Error {}

/**
 * Asks `check` every 150 ms until it returns a value, for at most `limitMs`; then fails with a sentence naming what
 * did not arrive (`what`, e.g. `Sun Valley Cooperative's bid on "Milling oats" did not reach the buyer portal`).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  limitMs: number,
  pauseMs = 150,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof StoryStop) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last answer: ${lastError.message})` : "";
      const within = limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`;
      throw new Error(`${what} within ${within}${why}`);
    }
    await new Promise((done) => setTimeout(done, pauseMs));
  }
}
