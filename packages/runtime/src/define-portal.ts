import { type Auth, createAuth } from "@lotbridge/auth/create-auth";
import { type CurrentMember, currentMember } from "@lotbridge/auth/current-member";
import { isOperator } from "@lotbridge/auth/is-operator";
import { forbidden, unauthenticated } from "@lotbridge/contract/problem";
import { createPool } from "@lotbridge/db/create-pool";
import { describeError, type Logger } from "@lotbridge/http/logger";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";

export interface PortalConfig {
  DATABASE_URL?: string;
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
  PUBLIC_URL: string;
  AUTH_SECRET: string;
  TRUSTED_PROXIES: string[];
}

export interface PortalDefinition<C extends PortalConfig, S extends Record<string, unknown>> {
  /** Distinguishes the portals' singletons and cookies, e.g. "buyer". */
  name: string;
  appName: string;
  schema: S;
  loadConfig: () => C;
  logger: Logger;
}

export interface Portal<C, S extends Record<string, unknown>> {
  config: C;
  pool: pg.Pool;
  db: NodePgDatabase<S>;
  auth: Auth;
}

const OPERATORS_ONLY =
  "Only the portal's operators can do this; an organization's admin is not one. The operator who runs the portal grants it (npm run grant-operator).";

/**
 * A portal's long-lived parts — configuration, pool, typed database, auth — built on first use and kept on globalThis,
 * because Next.js may load a module once per route bundle and the pool must be shared.
 */
export function definePortal<C extends PortalConfig, S extends Record<string, unknown>>(
  definition: PortalDefinition<C, S>,
) {
  const key = Symbol.for(`lotbridge.${definition.name}-portal`);
  const holder = globalThis as { [key: symbol]: Portal<C, S> | undefined };

  function portal(): Portal<C, S> {
    const existing = holder[key];
    if (existing) return existing;
    const { logger } = definition;
    const config = definition.loadConfig();
    if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set: the portal must be booted first.");
    const pool = createPool(
      config.DATABASE_URL,
      (error) => logger.warn({ error: describeError(error) }, "database connection lost"),
      {
        connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    );
    const db = drizzle(pool, { schema: definition.schema, casing: "snake_case" });
    const auth = createAuth({
      db,
      appName: definition.appName,
      baseURL: config.PUBLIC_URL,
      secret: config.AUTH_SECRET,
      cookiePrefix: `lotbridge-${definition.name}`,
      trustedProxies: config.TRUSTED_PROXIES,
      log: (level, message) => logger[level === "error" ? "error" : "warn"]({ source: "better-auth" }, message),
    });
    const built = { config, pool, db, auth };
    holder[key] = built;
    return built;
  }

  async function closePortal(): Promise<void> {
    await holder[key]?.pool.end();
    holder[key] = undefined;
  }

  /** The signed-in user and their organization, or a 401 problem. */
  async function requireMember(request: Request): Promise<CurrentMember> {
    const { auth, db } = portal();
    const member = await currentMember(auth, db, request.headers);
    if (!member) throw unauthenticated();
    return member;
  }

  /**
   * The signed-in operator of the portal, or a 401 (no session) or 403 problem. Portal-wide administration concerns
   * every organization, so an organization's admin is not enough: the caller's membership must hold the operator grant.
   */
  async function requireOperator(request: Request): Promise<CurrentMember> {
    const member = await requireMember(request);
    if (!(await isOperator(portal().db, member.memberId))) throw forbidden(OPERATORS_ONLY);
    return member;
  }

  return { portal, closePortal, requireMember, requireOperator };
}
