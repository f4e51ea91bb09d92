import type pg from "pg";

/**
 * `GET /api/health`: 200 when the database answers, 503 when it does not, plus any `details` (e.g. the outbox
 * backlog) for monitoring to alert on. Public, and reveals no configuration.
 */
export async function healthReport(
  service: string,
  pool: pg.Pool,
  details: Record<string, () => Promise<unknown>> = {},
): Promise<Response> {
  const started = performance.now();
  try {
    const { rows } = await pool.query<{ server_version: string }>("show server_version");
    const database = {
      reachable: true,
      version: rows[0].server_version,
      latencyMs: Math.round(performance.now() - started),
    };
    const reported: Record<string, unknown> = {};
    for (const [name, read] of Object.entries(details)) reported[name] = await read();
    return Response.json({ status: "ok", service, database, ...reported });
  } catch {
    return Response.json({ status: "degraded", service, database: { reachable: false } }, { status: 503 });
  }
}
