import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "../src/ensure-database";
import { migrateDatabase } from "../src/migrate";

export interface DatabaseBeforeMigration {
  url: string;
  client: pg.Client;
  /** Applies `migration` and every later one, as an upgrade does. */
  upgrade(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For tests of a data migration: a database of the test run migrated from `folder` up to, not including, the
 * migration tagged `migration`; rows written through `client` are then upgraded by the real migration files.
 */
export async function databaseBeforeMigration(folder: string, migration: string): Promise<DatabaseBeforeMigration> {
  const serverUrl = process.env.LOTBRIDGE_TEST_SERVER_URL ?? "";
  const name = `${process.env.LOTBRIDGE_TEST_RUN}_migration_${randomBytes(4).toString("hex")}`;
  const url = await ensureDatabase(serverUrl, name);
  const earlier = mkdtempSync(join(tmpdir(), "lotbridge-migrations-"));
  cpSync(folder, earlier, { recursive: true });
  const journalPath = join(earlier, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === migration);
  if (cut < 1) throw new Error(`No migration tagged ${migration} after the first in ${folder}.`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  await migrateDatabase(url, earlier);
  rmSync(earlier, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    upgrade: () => migrateDatabase(url, folder),
    close: async () => {
      await client.end();
      await dropDatabase(serverUrl, name);
    },
  };
}
