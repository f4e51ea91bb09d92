import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { createPool } from "../src/create-pool";
import { freshTestDatabase } from "./fresh-test-database";

export interface OpenTestDatabase {
  db: NodePgDatabase;
  databaseUrl: string;
  close(): Promise<void>;
}

/** For a package's tests: a database of its own, copied from one of the run's migrated templates (e.g. `webhooks`). */
export async function openTestDatabase(template: string): Promise<OpenTestDatabase> {
  const drop = await freshTestDatabase(template);
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const pool = createPool(databaseUrl, () => {}, { max: 20 });
  return {
    db: drizzle(pool),
    databaseUrl,
    close: async () => {
      await pool.end();
      await drop();
    },
  };
}
