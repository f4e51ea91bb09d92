import { inspect } from "node:util";
import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Auth } from "@lotbridge/auth/create-auth";
import { currentMember } from "@lotbridge/auth/current-member";
import { session } from "@lotbridge/auth/tables";
import { ensureDatabase } from "@lotbridge/db/ensure-database";
import { migrateDatabase } from "@lotbridge/db/migrate";
import { startThrowawayServer, type ThrowawayServer } from "@lotbridge/db/testing/start-throwaway-server";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";

export interface OutagePortal {
  service: string;
  baseUrl: string;
  databaseName: string;
  migrationsFolder: string;
  portal: () => { db: NodePgDatabase<Record<string, unknown>>; auth: Auth };
  closePortal: () => Promise<void>;
  routes: { health: Handler; me: Handler; authGet: Handler; authPost: Handler };
  /** What the portal's logger writes; the file mocks its logger to fill it (vi.mock is hoisted per file). */
  logged: string[];
}

/**
 * A database outage as both portals must answer it, run against the portal's real routes on a PostgreSQL server of
 * the suite's own, which the tests freeze, stop and start again.
 */
export function describeDatabaseOutage(target: OutagePortal): void {
  const { service, baseUrl: BASE, portal, closePortal, logged } = target;
  const { health, me, authGet, authPost: auth } = target.routes;
  const EMAIL = "olga@outage.example";
  const PASSWORD = "correct-horse-battery";
  let server: ThrowawayServer;
  let cookie: string;
  let sessionToken: string;

  // The portal on a PostgreSQL server of this file's own, which the tests freeze, stop and start again.
  beforeAll(async () => {
    server = await startThrowawayServer();
    const databaseUrl = await ensureDatabase(server.url, target.databaseName);
    await migrateDatabase(databaseUrl, target.migrationsFolder);
    await closePortal();
    vi.stubEnv("DATABASE_URL", databaseUrl);
    // Shorter than the defaults, through the variables an operator would set, to keep the test quick.
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "1000");
    vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", "1000");
    await createOrganizationWithUsers(portal().db, { name: "Outage Organization", slug: "outage-organization" }, [
      { name: "Olga", email: EMAIL, password: PASSWORD, role: "admin" },
    ]);
    cookie = await signIn(auth, BASE, EMAIL, PASSWORD);
    // The cookie holds "<token>.<signature>"; the token is what the session table is queried by.
    sessionToken = decodeURIComponent(cookie.split("=")[1]).split(".")[0];
  });

  afterAll(async () => {
    await closePortal();
    await server?.dispose();
    vi.unstubAllEnvs();
  });

  beforeEach(() => {
    logged.length = 0;
    for (const method of ["error", "warn", "info", "log"] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => logged.push(args.map((a) => inspect(a)).join(" ")));
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
    // Whatever happened, the session token is nowhere in what was logged or printed.
    expect(logged.join("\n")).not.toContain(sessionToken);
  });

  async function timed(send: () => Promise<Response>) {
    const started = performance.now();
    const response = await send();
    return { response, status: response.status, body: await response.json(), ms: performance.now() - started };
  }

  const checkHealth = () => timed(() => call(health, `${BASE}/api/health`));
  const whoAmI = () => timed(() => call(me, `${BASE}/api/me`, { cookie }));
  const readSession = () => timed(() => call(authGet, `${BASE}/api/auth/get-session`, { cookie }));
  const signInAgain = () =>
    timed(() =>
      call(auth, `${BASE}/api/auth/sign-in/email`, {
        body: { email: EMAIL, password: PASSWORD },
        headers: { "x-forwarded-for": "198.51.100.1" },
      }),
    );
  const countSessions = async () => (await portal().db.$count(session)) ?? 0;

  function expectUnavailable(answer: Awaited<ReturnType<typeof timed>>) {
    expect(answer.status).toBe(503);
    expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.response.headers.get("retry-after")).toBe("10");
    expect(answer.body.type).toBe("urn:lotbridge:problem:database-unavailable");
  }

  it("while the database is frozen, health answers 503 within 5 s and API calls 503 database-unavailable; both recover without a restart", async () => {
    expect((await checkHealth()).status).toBe(200);
    server.freeze();
    try {
      const frozen = await checkHealth();
      expect(frozen.status).toBe(503);
      expect(frozen.body).toEqual({ status: "degraded", service, database: { reachable: false } });
      expect(frozen.ms).toBeLessThan(5_000);
      const answer = await whoAmI();
      expectUnavailable(answer);
      expect(answer.ms).toBeLessThan(8_000);
    } finally {
      server.thaw();
    }
    expect((await checkHealth()).status).toBe(200);
    const back = await whoAmI();
    expect(back.status).toBe(200);
    expect(back.body.user.email).toBe(EMAIL);
  });

  it("while the database is frozen, sign-in answers 503 database-unavailable and starts no session; after the thaw it signs in", async () => {
    const sessionsBefore = await countSessions();
    server.freeze();
    try {
      const answer = await signInAgain();
      expectUnavailable(answer);
      expect(answer.response.headers.getSetCookie()).toEqual([]);
      expect(answer.ms).toBeLessThan(8_000);
    } finally {
      server.thaw();
    }
    expect(await countSessions()).toBe(sessionsBefore);
    expect((await signInAgain()).status).toBe(200);
  });

  it("while the database is stopped, health, API calls and sign-in answer 503; once it is started again on the same port, 200", async () => {
    const sessionsBefore = await countSessions();
    await server.stop();
    try {
      expect((await checkHealth()).status).toBe(503);
      expectUnavailable(await whoAmI());
      expectUnavailable(await signInAgain());
    } finally {
      await server.start();
    }
    expect(await countSessions()).toBe(sessionsBefore);
    expect((await checkHealth()).status).toBe(200);
    expect((await whoAmI()).status).toBe(200);
    expect((await signInAgain()).status).toBe(200);
  });

  it("while the database is stopped, nothing logged, printed or thrown quotes the session token: API and session calls answer 503, and the member lookup every page makes throws without it", async () => {
    await server.stop();
    try {
      expectUnavailable(await whoAmI());
      expectUnavailable(await readSession());
      // A page that throws is logged by Next.js with console.error: the error, its causes and their fields.
      const thrown = await currentMember(portal().auth, portal().db, new Headers({ cookie })).catch((error) => error);
      expect(thrown).toBeInstanceOf(Error);
      expect(inspect(thrown, { depth: Infinity })).not.toContain(sessionToken);
      expect(inspect(thrown, { depth: Infinity })).toContain("ECONNREFUSED");
      expect(logged.join("\n")).toContain("database unavailable");
      expect(logged.join("\n")).not.toContain(sessionToken);
    } finally {
      await server.start();
    }
    expect((await readSession()).status).toBe(200);
  });
}
