import { resolve } from "node:path";
import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { ensureDatabase } from "@lotbridge/db/ensure-database";
import { migrateDatabase } from "@lotbridge/db/migrate";
import { startThrowawayServer, type ThrowawayServer } from "@lotbridge/db/start-throwaway-server";
import { call, signIn } from "@lotbridge/http/test-client";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { closePortal, portal } from "@/server/portal";
import { GET as health } from "./route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let server: ThrowawayServer;
let cookie: string;

// The portal on a PostgreSQL server of this file's own, which the tests freeze, stop and start again.
beforeAll(async () => {
  server = await startThrowawayServer();
  const databaseUrl = await ensureDatabase(server.url, "lotbridge_buyer");
  await migrateDatabase(databaseUrl, resolve(import.meta.dirname, "../../../../drizzle"));
  await closePortal();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  // Shorter than the defaults, through the variables an operator would set, to keep the test quick.
  vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "1000");
  vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", "1000");
  await createOrganizationWithUsers(portal().db, { name: "Outage Mill", slug: "outage-mill" }, [
    { name: "Olga", email: "olga@outage.example", password: PASSWORD, role: "admin" },
  ]);
  cookie = await signIn(auth, BASE, "olga@outage.example", PASSWORD);
});

afterAll(async () => {
  await closePortal();
  await server?.dispose();
  vi.unstubAllEnvs();
});

async function timed(send: () => Promise<Response>) {
  const started = performance.now();
  const response = await send();
  return { response, status: response.status, body: await response.json(), ms: performance.now() - started };
}

const checkHealth = () => timed(() => call(health, `${BASE}/api/health`));
const whoAmI = () => timed(() => call(me, `${BASE}/api/me`, { cookie }));

it("while the database is frozen, health answers 503 within 5 s and API calls 503 database-unavailable; both recover without a restart", async () => {
  expect((await checkHealth()).status).toBe(200);
  server.freeze();
  try {
    const frozen = await checkHealth();
    expect(frozen.status).toBe(503);
    expect(frozen.body).toEqual({ status: "degraded", service: "buyer-portal", database: { reachable: false } });
    expect(frozen.ms).toBeLessThan(5_000);
    const answer = await whoAmI();
    expect(answer.status).toBe(503);
    expect(answer.response.headers.get("retry-after")).toBe("10");
    expect(answer.body.type).toBe("urn:lotbridge:problem:database-unavailable");
    expect(answer.ms).toBeLessThan(8_000);
  } finally {
    server.thaw();
  }
  expect((await checkHealth()).status).toBe(200);
  const back = await whoAmI();
  expect(back.status).toBe(200);
  expect(back.body.user.email).toBe("olga@outage.example");
});

it("while the database is stopped, health and API calls answer 503; once it is started again on the same port, 200", async () => {
  await server.stop();
  try {
    expect((await checkHealth()).status).toBe(503);
    const answer = await whoAmI();
    expect(answer.status).toBe(503);
    expect(answer.body.type).toBe("urn:lotbridge:problem:database-unavailable");
  } finally {
    await server.start();
  }
  expect((await checkHealth()).status).toBe(200);
  expect((await whoAmI()).status).toBe(200);
});
