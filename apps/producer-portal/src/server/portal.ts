import { type Auth, createAuth } from "@lotbridge/auth/create-auth";
import { createPool } from "@lotbridge/db/create-pool";
import { describeError } from "@lotbridge/http/logger";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { ProducerDb } from "../db/database";
import * as schema from "../db/schema";
import { loadConfig, type ProducerConfig } from "./config";
import { logger } from "./logger";

export interface ProducerPortal {
  config: ProducerConfig;
  pool: pg.Pool;
  db: ProducerDb;
  auth: Auth;
}

const globalKey = Symbol.for("lotbridge.producer-portal");
type Holder = { [globalKey]?: ProducerPortal };

/**
 * The portal's long-lived parts, built on first use. Kept on globalThis because Next.js may load this module
 * once per route bundle, and the pool must be shared.
 */
export function portal(): ProducerPortal {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    const config = loadConfig();
    if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set: the portal must be booted first.");
    const pool = createPool(config.DATABASE_URL, (error) =>
      logger.warn({ err: describeError(error) }, "database connection lost"),
    );
    const db = drizzle(pool, { schema, casing: "snake_case" });
    const auth = createAuth({
      db,
      appName: "Lotbridge Producer Portal",
      baseURL: config.PUBLIC_URL,
      secret: config.AUTH_SECRET,
      cookiePrefix: "lotbridge-producer",
      log: (level, message) => logger[level === "error" ? "error" : "warn"]({ source: "better-auth" }, message),
    });
    holder[globalKey] = { config, pool, db, auth };
  }
  return holder[globalKey];
}

export async function closePortal(): Promise<void> {
  const holder = globalThis as Holder;
  await holder[globalKey]?.pool.end();
  holder[globalKey] = undefined;
}
