import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkConnection } from "./check-connection";
import { type EmbeddedServer, startEmbeddedServer } from "./embedded-server";
import { ensureDatabase } from "./ensure-database";
import { migrateDatabase } from "./migrate";

export const DEFAULT_EMBEDDED_PORT = 54329;

export interface BootOptions {
  /** The portal's DATABASE_URL; unset means the embedded server. */
  databaseUrl?: string;
  /** Database to use on the embedded server, e.g. `lotbridge_buyer`. */
  embeddedDatabase: string;
  migrationsFolder: string;
  progress?: (message: string) => void;
}

export interface BootedDatabase {
  url: string;
  version: string;
  /** Set when this process started the embedded server and must stop it on exit. */
  embedded?: EmbeddedServer;
}

/**
 * Gives a portal a migrated database: the server named by DATABASE_URL, or the embedded server under `.data/`,
 * started here unless another process (the launcher, the other portal) already runs it.
 */
export async function bootDatabase(options: BootOptions): Promise<BootedDatabase> {
  const progress = options.progress ?? (() => {});
  let url = options.databaseUrl;
  let embedded: EmbeddedServer | undefined;
  if (!url) {
    const port = Number(process.env.LOTBRIDGE_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
    const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const running = await checkConnection(serverUrl, 1500).then(
      () => true,
      () => false,
    );
    if (!running) {
      embedded = await startEmbeddedServer({ dataDir: embeddedDataDir(), port, onProgress: progress });
    }
    url = await ensureDatabase(serverUrl, options.embeddedDatabase);
  }
  const { version } = await checkConnection(url);
  progress(`Applying database migrations (PostgreSQL ${version})…`);
  await migrateDatabase(url, options.migrationsFolder);
  return { url, version, embedded };
}

/** `.data/postgres` at the repository root, or LOTBRIDGE_DATA_DIR. */
export function embeddedDataDir(): string {
  if (process.env.LOTBRIDGE_DATA_DIR) return resolve(process.env.LOTBRIDGE_DATA_DIR, "postgres");
  return join(repositoryRoot(), ".data", "postgres");
}

function repositoryRoot(): string {
  let dir = process.cwd();
  while (dirname(dir) !== dir) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).workspaces) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
