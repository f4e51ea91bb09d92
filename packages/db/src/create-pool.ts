import pg from "pg";
import { type DatabaseTimeouts, DEFAULT_DATABASE_TIMEOUTS } from "./database-timeouts";
import { GuardedClient } from "./guarded-client";

/**
 * How much longer than the statement timeout the client waits for any answer. The server's statement_timeout cannot
 * fire on a server that does not run (frozen, swapping, cut off by the network); this client-side limit can.
 */
const ANSWER_GRACE_MS = 2_000;

/**
 * How long a connection may sit idle in the pool before it is closed. Every open connection is a PostgreSQL backend
 * of a few MiB; a busy portal keeps its connections in use and never reaches this, a quiet one gives them back.
 * (node-postgres's own default; 30 s kept a portal's start-up connections open through the first half-minute idle.)
 */
export const POOL_IDLE_TIMEOUT_MS = 10_000;

/**
 * A connection pool that survives a database outage and recovers by itself when the database returns. A connection
 * that breaks while idle is dropped and reported through `onError`; one that breaks or stops answering while in use
 * fails its queries and is dropped (see GuardedClient). No request waits longer than the timeouts, and nothing ends
 * the process.
 */
export function createPool(
  databaseUrl: string,
  onError: (error: Error) => void,
  options: Partial<DatabaseTimeouts> & { max?: number } = {},
): pg.Pool {
  const { max = 10, ...given } = options;
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...given };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    Client: GuardedClient,
    max,
    idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + ANSWER_GRACE_MS,
    // Notices a peer that vanished (host down, connection dropped by a firewall) on an otherwise idle connection.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  pool.on("error", onError);
  return pool;
}
