import { buildPortals } from "./harness/build-portals";
import { startDatabaseServer } from "./harness/database-server";

/** Builds the portals if their sources changed, and starts one PostgreSQL server for every test of the run. */
export default async function globalSetup() {
  buildPortals();
  const server = await startDatabaseServer();
  process.env.LOTBRIDGE_E2E_DATABASE_SERVER = server.serverUrl;
  return () => server.stop();
}
