import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { withDatabase } from "../src/database-url";
import { startEmbeddedServer } from "../src/embedded-server";
import { dropDatabase, ensureDatabase } from "../src/ensure-database";
import { freePort } from "../src/free-port";
import { migrateDatabase } from "../src/migrate";

export interface TestServer {
  serverUrl: string;
  /** Prefix of every database this run creates; test files pass it on through LOTBRIDGE_TEST_RUN. */
  run: string;
  stop(): Promise<void>;
}

/**
 * For a test run's global setup: the server named by DATABASE_URL, or an embedded one in a data directory of its own
 * on a free port. Builds one migrated template database per portal so that each test file can get a fresh copy in
 * milliseconds. Every name carries the run's id, so concurrent runs on one server never touch each other's databases.
 */
export async function startTestServer(templates: Record<string, string>): Promise<TestServer> {
  const run = `lbt_${randomBytes(4).toString("hex")}`;
  const dataDir = resolve(".data", "test-postgres", run);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedServer({ dataDir, port: await freePort() });
  const serverUrl = process.env.DATABASE_URL ?? embedded?.url ?? "";
  for (const [name, migrationsFolder] of Object.entries(templates)) {
    const url = await ensureDatabase(serverUrl, templateName(run, name));
    await migrateDatabase(url, migrationsFolder);
  }
  return {
    serverUrl,
    run,
    stop: async () => {
      await dropRunDatabases(serverUrl, run);
      if (embedded) {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export function templateName(run: string, portal: string): string {
  return `${run}_template_${portal}`;
}

async function dropRunDatabases(serverUrl: string, run: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
    `${run}\\_%`,
  ]);
  await client.end();
  for (const { datname } of rows) await dropDatabase(serverUrl, datname);
}
