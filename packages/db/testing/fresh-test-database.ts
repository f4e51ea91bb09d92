import { createTestDatabase } from "./test-database";

/**
 * For a portal's vitest setup file: points DATABASE_URL at a fresh copy of the portal's template database.
 * Returns the function that drops it.
 */
export async function freshTestDatabase(portal: string): Promise<() => Promise<void>> {
  const serverUrl = process.env.LOTBRIDGE_TEST_SERVER_URL;
  const run = process.env.LOTBRIDGE_TEST_RUN;
  if (!serverUrl || !run)
    throw new Error("LOTBRIDGE_TEST_SERVER_URL is not set: run tests through vitest's global setup.");
  const database = await createTestDatabase(serverUrl, run, portal);
  process.env.DATABASE_URL = database.url;
  return database.drop;
}
