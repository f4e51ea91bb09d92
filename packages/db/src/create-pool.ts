import pg from "pg";

/**
 * A connection pool that survives a dropped connection (database restart, failover): the broken client is
 * discarded and reported through `onError`, instead of an unhandled 'error' event ending the process.
 */
export function createPool(databaseUrl: string, onError: (error: Error) => void, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, idleTimeoutMillis: 30_000 });
  pool.on("error", onError);
  return pool;
}
