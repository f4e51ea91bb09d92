import { join } from "node:path";
import type { OperatorMembership } from "@lotbridge/auth/grant-operator";
import { bootDatabase } from "@lotbridge/db/boot-database";
import { describeError, type Logger } from "@lotbridge/http/logger";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { applyConfiguredOperators } from "./apply-configured-operators";

export interface BootOptions<C extends BootConfig = BootConfig> {
  /** As people read it, e.g. "Buyer portal". */
  label: string;
  /** This portal's database on the embedded server, e.g. `lotbridge_buyer`. */
  embeddedDatabase: string;
  loadConfig: () => C;
  logger: Logger;
  /** The portal's database once booted, where OPERATORS is applied. */
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: () => NodePgDatabase<any>;
  /** Creates demo data in an empty database; resolves false when there was data already. */
  seed: () => Promise<boolean>;
  /** Starts the process's background work (dispatcher, scheduled jobs) once the database is ready. */
  startBackgroundWork?: () => Promise<void>;
}

type BootConfig = {
  DATABASE_URL?: string;
  PUBLIC_URL: string;
  DEMO_DATA: boolean;
  SMTP_URL?: string;
  OPERATORS: OperatorMembership[];
};

const NO_OPERATOR =
  "No membership is an operator: nobody can open the Integration page or its admin routes, and nobody is told when deliveries fail. Grant one with OPERATORS=email:organization-slug or npm run grant-operator (see the runbook, section 2).";

/**
 * Runs once when a portal's server process starts (Next.js instrumentation, or `npm run migrate`): checks the
 * configuration, gets a migrated database, seeds demo data when asked to. Any failure ends the process with one
 * sentence that names the fix, never a stack trace.
 */
export async function bootPortal<C extends BootConfig>(options: BootOptions<C>): Promise<void> {
  const { logger } = options;
  try {
    const config = options.loadConfig();
    const database = await bootDatabase({
      databaseUrl: config.DATABASE_URL || undefined,
      embeddedDatabase: options.embeddedDatabase,
      migrationsFolder: join(process.cwd(), "drizzle"),
      progress: (message) => logger.info(message),
    });
    process.env.DATABASE_URL = database.url;
    if (config.DEMO_DATA && (await options.seed())) logger.info("Demo data created (first start)");
    const operators = await applyConfiguredOperators(options.db(), config.OPERATORS, logger);
    await options.startBackgroundWork?.();
    if (process.env.NODE_ENV === "production") {
      const warnings: string[] = [];
      if (!config.SMTP_URL) {
        warnings.push("SMTP_URL is not set: email is kept in the development mailbox (/dev/mailbox), not sent");
      }
      if (operators === 0) warnings.push(NO_OPERATOR);
      for (const warning of warnings) logger.warn(warning);
    }
    logger.info({ postgres: database.version, publicUrl: config.PUBLIC_URL }, `${options.label} ready`);
  } catch (error) {
    console.error(`${options.label} cannot start: ${describeError(error).message}`);
    process.exit(1);
  }
}
