import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startThrowawayServer, type ThrowawayServer } from "../testing/start-throwaway-server";
import { createPool } from "./create-pool";
import { healthReport } from "./health-report";

let server: ThrowawayServer;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startThrowawayServer();
  // The production timeouts: health must answer in time without help from shorter ones.
  pool = createPool(server.url, () => {}, { max: 2 });
});

afterAll(async () => {
  await server?.dispose();
  await pool?.end();
});

async function health() {
  const started = performance.now();
  const response = await healthReport("test-portal", pool);
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

it("answers 503 within 5 s while the database is frozen with every connection stuck, and 200 once it thaws", async () => {
  expect((await health()).status).toBe(200);
  server.freeze();
  let stuck: Promise<unknown>[] = [];
  try {
    stuck = [pool.query("select 1"), pool.query("select 1")].map((query) => query.catch(() => undefined));
    const frozen = await health();
    expect(frozen.status).toBe(503);
    expect(frozen.body).toEqual({ status: "degraded", service: "test-portal", database: { reachable: false } });
    expect(frozen.ms).toBeLessThan(5_000);
  } finally {
    server.thaw();
  }
  await Promise.all(stuck);
  const thawed = await health();
  expect(thawed.status).toBe(200);
  expect(thawed.body.database.reachable).toBe(true);
});

it("answers 503 while the database is stopped, and 200 once it runs again on the same port, with the same pool", async () => {
  await server.stop();
  try {
    const stopped = await health();
    expect(stopped.status).toBe(503);
    expect(stopped.ms).toBeLessThan(5_000);
  } finally {
    await server.start();
  }
  expect((await health()).status).toBe(200);
});
