import { inspect } from "node:util";
import { createPool } from "@lotbridge/db/create-pool";
import { type OpenTestDatabase, openTestDatabase } from "@lotbridge/db/testing/open-test-database";
import { createRoute } from "@lotbridge/http/create-route";
import { createLogger } from "@lotbridge/http/logger";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { createOrganizationWithUsers } from "./create-account";
import { type Auth, createAuth } from "./create-auth";

// The database failing in the middle of a request, after better-auth's rate limit check (which meets an outage
// first, and is covered by the portals' outage tests): the queries of one table fail while the others succeed.

const BASE = "http://localhost:3000";
const EMAIL = "ines@guard.example";
const PASSWORD = "correct-horse-battery";
let database: OpenTestDatabase;
let pool: pg.Pool;
let auth: Auth;
let cookie: string;
const lines: string[] = [];
const printed: string[] = [];
const answer = createRoute(createLogger("test", "info", { write: (line: string) => lines.push(line) }), {
  ownOrigin: () => BASE,
})((request) => auth.handler(request));

beforeAll(async () => {
  database = await openTestDatabase("buyer");
  pool = createPool(database.databaseUrl, () => {});
  const db = drizzle(pool);
  auth = createAuth({
    db,
    appName: "Guard",
    baseURL: BASE,
    secret: "a-test-secret-of-32-characters!!",
    cookiePrefix: "t",
  });
  await createOrganizationWithUsers(db, { name: "Guard Mill", slug: "guard-mill" }, [
    { name: "Ines", email: EMAIL, password: PASSWORD, role: "admin" },
  ]);
  cookie = await signIn(answer, BASE, EMAIL, PASSWORD);
});

afterAll(async () => {
  await pool?.end();
  await database?.close();
});

beforeEach(() => {
  lines.length = 0;
  printed.length = 0;
  vi.spyOn(console, "error").mockImplementation((...args) => printed.push(args.map((a) => inspect(a)).join(" ")));
});

afterEach(() => vi.restoreAllMocks());

/** Makes the queries whose SQL matches `pattern` fail with `error`; returns the values each was sent with. */
function failQueries(pattern: RegExp, error: () => Error): unknown[][] {
  const sent: unknown[][] = [];
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown[]) => Promise<unknown>;
  vi.spyOn(pool, "query").mockImplementation(((config: { text: string }, values?: unknown[]) => {
    if (!pattern.test(config.text)) return query(config, values);
    sent.push(values ?? []);
    return Promise.reject(error());
  }) as never);
  return sent;
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const cancelled = () =>
  Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014", severity: "ERROR" });
const readSession = () => call(answer, `${BASE}/api/auth/get-session`, { cookie });

it("a session better-auth cannot read because the database went away is a 503 database-unavailable, not its own 500", async () => {
  failQueries(/from "session"/, refused);
  const response = await readSession();
  expect(response.status).toBe(503);
  expect((await response.json()).type).toBe("urn:lotbridge:problem:database-unavailable");
  vi.restoreAllMocks();
  expect((await readSession()).status).toBe(200);
});

it("sign-out while the database is away answers 503 and keeps the session, instead of a 200 that only clears the cookie", async () => {
  failQueries(/"session"/, refused);
  const response = await call(answer, `${BASE}/api/auth/sign-out`, { cookie, body: {} });
  expect(response.status).toBe(503);
  expect(response.headers.getSetCookie()).toEqual([]);
  vi.restoreAllMocks();
  expect(await (await readSession()).json()).toMatchObject({ user: { email: EMAIL } });
});

it("an unexpected failure inside sign-in is the route wrapper's 500, logged without the new session's token, and nothing is printed", async () => {
  const sent = failQueries(/^insert into "session"/, cancelled);
  const response = await call(answer, `${BASE}/api/auth/sign-in/email`, {
    body: { email: EMAIL, password: PASSWORD },
    headers: { "x-forwarded-for": "198.51.100.9" },
  });
  expect(response.status).toBe(500);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const token = sent[0]?.find((value) => typeof value === "string" && value.length === 32);
  expect(token).toBeDefined();
  expect(lines.join("\n")).toContain('"name":"QueryFailed"');
  expect(lines.join("\n")).not.toContain(token);
  expect(printed).toEqual([]);
});
