import pg from "pg";
import { redactUrl } from "./database-url";

export interface ServerFacts {
  version: string;
  latencyMs: number;
}

/** Connects once and reports the server version, or throws a sentence naming the URL (without its password). */
export async function checkConnection(databaseUrl: string, timeoutMs = 5000): Promise<ServerFacts> {
  if (!URL.canParse(databaseUrl) || !["postgres:", "postgresql:"].includes(new URL(databaseUrl).protocol)) {
    throw new Error("DATABASE_URL is not a postgres:// URL: expected postgres://user:password@host:5432/database.");
  }
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>("show server_version");
    return { version: result.rows[0].server_version, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the database at ${redactUrl(databaseUrl)}: ${reason}. Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => {});
  }
}
