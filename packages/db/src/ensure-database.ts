import pg from "pg";
import { databaseName, withDatabase } from "./database-url";

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates `database` on the server behind `serverUrl` unless it exists, and returns its URL.
 * Identifiers cannot be bound as parameters, hence the strict name check.
 */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<string> {
  for (const name of [database, template]) {
    if (name !== undefined && !SAFE_NAME.test(name)) throw new Error(`Unsafe database name: ${name}`);
  }
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database "${database}"${template ? ` template "${template}"` : ""}`).catch((error) => {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!SAFE_NAME.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await client.end();
  }
}

export { databaseName };
