import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 7_340_001;

/**
 * Applies the drizzle-kit SQL migrations in `folder`. An advisory lock makes concurrent starts
 * (two instances, a worker and a portal) wait for each other instead of racing.
 */
export async function migrateDatabase(databaseUrl: string, folder: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
