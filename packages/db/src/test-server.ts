import { resolve } from "node:path";
import pg from "pg";
import { withDatabase } from "./database-url";
import { startEmbeddedServer } from "./embedded-server";
import { dropDatabase, ensureDatabase } from "./ensure-database";
import { freePort } from "./free-port";
import { migrateDatabase } from "./migrate";

export const TEST_DATABASE_PREFIX = "lotbridge_test_";

export interface TestServer {
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * For a test run's global setup: the server named by DATABASE_URL, or an embedded one under
 * `.data/test-postgres` on a free port. Builds one migrated template database per portal so that
 * each test file can get a fresh copy in milliseconds.
 */
export async function startTestServer(templates: Record<string, string>): Promise<TestServer> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedServer({ dataDir: resolve(".data/test-postgres"), port: await freePort() });
  const serverUrl = process.env.DATABASE_URL ?? embedded?.url ?? "";
  await dropTestDatabases(serverUrl);
  for (const [name, migrationsFolder] of Object.entries(templates)) {
    const url = await ensureDatabase(serverUrl, templateName(name));
    await migrateDatabase(url, migrationsFolder);
  }
  return {
    serverUrl,
    stop: async () => {
      await dropTestDatabases(serverUrl);
      await embedded?.stop();
    },
  };
}

export function templateName(name: string): string {
  return `${TEST_DATABASE_PREFIX}template_${name}`;
}

async function dropTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
    `${TEST_DATABASE_PREFIX}%`,
  ]);
  await client.end();
  for (const { datname } of rows) await dropDatabase(serverUrl, datname);
}
