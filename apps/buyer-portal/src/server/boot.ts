import { join } from "node:path";
import { bootDatabase } from "@lotbridge/db/boot-database";
import { describeError } from "@lotbridge/http/logger";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";

/**
 * Runs once when the server process starts (Next.js instrumentation): checks the configuration, gets a migrated
 * database, seeds demo data when asked to. Any failure ends the process with one sentence that names the fix.
 */
export async function boot(): Promise<void> {
  try {
    const config = loadConfig();
    const database = await bootDatabase({
      databaseUrl: config.DATABASE_URL || undefined,
      embeddedDatabase: "lotbridge_buyer",
      migrationsFolder: join(process.cwd(), "drizzle"),
      progress: (message) => logger.info(message),
    });
    process.env.DATABASE_URL = database.url;
    if (config.DEMO_DATA && (await seedDemoData(portal().db))) {
      logger.info("Demo data created (first start)");
    }
    logger.info({ postgres: database.version, publicUrl: config.PUBLIC_URL }, "buyer portal ready");
  } catch (error) {
    // A sentence for the operator, not a stack trace.
    console.error(`Buyer portal cannot start: ${describeError(error).message}`);
    process.exit(1);
  }
}
