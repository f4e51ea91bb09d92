/**
 * What `npm start` runs is one person's stack on one machine: the embedded PostgreSQL and Node are sized for that,
 * not for a server (bench/memory.bench.ts measures the effect; docs/performance.md has the figures).
 */

/**
 * Both portals' pools (10 each), their LISTEN connections and a psql session fit well within 50; the default of the
 * embedded server (300) is for test suites running many portals at once, and every allowed connection costs shared
 * memory (PGPROC entries, lock table) whether used or not. 32 MB of shared buffers holds the demo data many times over.
 */
export const LOCAL_POSTGRES_SETTINGS: Record<string, string> = { max_connections: "50", shared_buffers: "32MB" };

/**
 * V8's young generation grows up to 16 MiB per semi-space under load and stays committed while the process idles;
 * 2 MiB semi-spaces keep an idle portal about 15–30 MiB smaller, for more frequent (short) scavenges. Not 1 MiB (the
 * launcher's, which only relays lines): a request allocates enough that scavenging every MiB may cost throughput.
 */
const NODE_FLAGS = "--max-semi-space-size=2";

/** NODE_OPTIONS for the portals: ours first, so that a person's own NODE_OPTIONS (which come later) win. */
export function portalNodeOptions(own: string | undefined): string {
  return own ? `${NODE_FLAGS} ${own}` : NODE_FLAGS;
}
