import type pg from "pg";

/** `GET /api/health`: 200 when the database answers, 503 when it does not. Public, and reveals no configuration. */
export async function healthReport(service: string, pool: pg.Pool): Promise<Response> {
  const started = performance.now();
  try {
    const { rows } = await pool.query<{ server_version: string }>("show server_version");
    return Response.json({
      status: "ok",
      service,
      database: {
        reachable: true,
        version: rows[0].server_version,
        latencyMs: Math.round(performance.now() - started),
      },
    });
  } catch {
    return Response.json({ status: "degraded", service, database: { reachable: false } }, { status: 503 });
  }
}
