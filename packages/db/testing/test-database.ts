import { randomBytes } from "node:crypto";
import { dropDatabase, ensureDatabase } from "../src/ensure-database";
import { templateName } from "./test-server";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of one portal's schema, private to the calling test file. */
export async function createTestDatabase(serverUrl: string, run: string, portal: string): Promise<TestDatabase> {
  const name = `${run}_${portal}_${randomBytes(5).toString("hex")}`;
  const url = await ensureDatabase(serverUrl, name, templateName(run, portal));
  return { url, drop: () => dropDatabase(serverUrl, name) };
}
