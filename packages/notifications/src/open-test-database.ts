import { createPool } from "@lotbridge/db/create-pool";
import { freshTestDatabase } from "@lotbridge/db/fresh-test-database";
import type { Database } from "@lotbridge/webhooks/database";
import { drizzle } from "drizzle-orm/node-postgres";

export interface TestDatabase {
  db: Database;
  databaseUrl: string;
  close(): Promise<void>;
}

/** For this package's tests: a database of its own with the library's tables and the outbox, from the template. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const drop = await freshTestDatabase("notifications");
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const pool = createPool(databaseUrl, () => {}, 20);
  return {
    db: drizzle(pool),
    databaseUrl,
    close: async () => {
      await pool.end();
      await drop();
    },
  };
}
