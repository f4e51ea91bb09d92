import { buildPortals } from "./harness/build-portals";
import { startDatabaseServer } from "./harness/database-server";
import { assertNoLeaks, clearRunLogs } from "./harness/run-log";

/**
 * Builds the portals if their sources changed, and starts one PostgreSQL server for every test of the run. At its end,
 * every line the portals printed is scanned for secrets and query values (a leak fails the run).
 */
export default async function globalSetup() {
  buildPortals();
  clearRunLogs();
  const server = await startDatabaseServer();
  process.env.LOTBRIDGE_E2E_DATABASE_SERVER = server.serverUrl;
  return async () => {
    await server.stop();
    assertNoLeaks();
  };
}
