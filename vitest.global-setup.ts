import { startTestServer, type TestServer } from "@lotbridge/db/testing/test-server";

let server: TestServer | undefined;

/**
 * One PostgreSQL server for the whole run (DATABASE_URL, or an embedded one), with a migrated template database
 * per portal. Test files copy a template into a database of their own.
 */
export async function setup() {
  server = await startTestServer({
    buyer: "apps/buyer-portal/drizzle",
    producer: "apps/producer-portal/drizzle",
    webhooks: "packages/webhooks/drizzle-test",
    notifications: "packages/notifications/drizzle-test",
  });
  process.env.LOTBRIDGE_TEST_SERVER_URL = server.serverUrl;
  process.env.LOTBRIDGE_TEST_RUN = server.run;
}

export async function teardown() {
  await server?.stop();
}
