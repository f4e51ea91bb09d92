import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedServer } from "@lotbridge/db/embedded-server";
import { dropDatabase, ensureDatabase } from "@lotbridge/db/ensure-database";
import { freePort } from "@lotbridge/db/free-port";

/** One PostgreSQL server for a test run: DATABASE_URL's, or an embedded one in a throwaway directory. */
export async function startDatabaseServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), "lotbridge-e2e-pg-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedServer({ dataDir: join(dir, "data"), port: await freePort() });
  return {
    serverUrl: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh empty database per portal; the portals migrate them when they start. */
export async function freshDatabases(serverUrl: string) {
  const suffix = randomBytes(4).toString("hex");
  const names = { buyer: `e2e_buyer_${suffix}`, producer: `e2e_producer_${suffix}` };
  return {
    buyer: await ensureDatabase(serverUrl, names.buyer),
    producer: await ensureDatabase(serverUrl, names.producer),
    drop: async () => {
      await dropDatabase(serverUrl, names.buyer);
      await dropDatabase(serverUrl, names.producer);
    },
  };
}
