import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startThrowawayServer, type ThrowawayServer } from "../testing/start-throwaway-server";
import { createPool, POOL_IDLE_TIMEOUT_MS } from "./create-pool";

let server: ThrowawayServer;

beforeAll(async () => {
  server = await startThrowawayServer();
});

afterAll(async () => {
  vi.useRealTimers();
  await server?.dispose();
});

it("closes connections that sat idle for the idle timeout, so a quiet portal holds no PostgreSQL backends", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const pool = createPool(server.url, () => {});
  try {
    await Promise.all([1, 2, 3].map(() => pool.query("select pg_sleep(0.05)")));
    expect(pool.totalCount).toBe(3);
    vi.advanceTimersByTime(POOL_IDLE_TIMEOUT_MS - 1_000);
    expect(pool.totalCount).toBe(3);
    vi.advanceTimersByTime(1_000);
    expect(pool.totalCount).toBe(0);
  } finally {
    vi.useRealTimers();
    await pool.end();
  }
}, 60_000);
