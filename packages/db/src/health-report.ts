import type pg from "pg";

/**
 * How long health waits for the database. A frozen server accepts connections and never answers, and a pool full of
 * stuck clients makes even the check wait for one; monitoring and load balancers (often with a 5 s limit) must still
 * hear "degraded" rather than nothing.
 */
const ANSWER_WITHIN_MS = 3_000;

/**
 * `GET /api/health`: 200 when the database answers, 503 when it does not or not within 3 s, plus any `details` (e.g.
 * the outbox backlog) for monitoring to alert on. Public, and reveals no configuration.
 */
export async function healthReport(
  service: string,
  pool: pg.Pool,
  details: Record<string, () => Promise<unknown>> = {},
): Promise<Response> {
  const report = await withinDeadline(readReport(service, pool, details), ANSWER_WITHIN_MS);
  if (report) return Response.json(report);
  return Response.json({ status: "degraded", service, database: { reachable: false } }, { status: 503 });
}

async function readReport(service: string, pool: pg.Pool, details: Record<string, () => Promise<unknown>>) {
  const started = performance.now();
  const { rows } = await pool.query<{ server_version: string }>("show server_version");
  const database = {
    reachable: true,
    version: rows[0].server_version,
    latencyMs: Math.round(performance.now() - started),
  };
  const reported: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(details)) reported[name] = await read();
  return { status: "ok", service, database, ...reported };
}

/** What `work` resolves to, or undefined when it fails or is late; late work is left to finish on its own. */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(resolve, () => resolve(undefined)).finally(() => clearTimeout(timer));
  });
}
