import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import { call, type Handler } from "./test-client";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * `npm test` runs a few requests per operation from a fixed seed, so a failure is the same on every machine;
 * `npm run fuzz` sets FUZZ_RUNS and takes a new seed each time (FUZZ_SEED replays one).
 */
function fuzzBudget(): { numRuns: number; seed: number; verbose: boolean } {
  const runs = Number(process.env.FUZZ_RUNS);
  if (!runs) return { numRuns: 10, seed: 13, verbose: false };
  const seed = Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);
  console.log(`fuzzing with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
  return { numRuns: runs, seed, verbose: true };
}

const budget = fuzzBudget();

/** Long enough for one operation's runs at a slow request each: pass to `it` for the larger `npm run fuzz` budget. */
export const FUZZ_TIMEOUT_MS = 30_000 + budget.numRuns * 1000;

/** Every route file under `appDir` (a portal's src/app) as its URL path with [segments] kept, e.g. /api/lots/[id]. */
export function routeFiles(appDir: string): { path: string; file: string }[] {
  const found: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const path = `/${relative(appDir, dir).split(sep).join("/")}`.replace(/\/\([^)]+\)/g, "");
        found.push({ path, file: full });
      }
    }
  };
  walk(appDir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Rows in every table of the database, one statement so a snapshot is consistent and cheap. */
export async function rowCounts(
  query: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<Record<string, number>> {
  const tables = await query(
    "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
  );
  const ident = (name: unknown) => `"${String(name).replaceAll('"', '""')}"`;
  const counts = await query(
    tables
      .map(
        ({ schemaname, tablename }) =>
          `select '${schemaname}.${tablename}' as name, count(*)::int as n from ${ident(schemaname)}.${ident(tablename)}`,
      )
      .join(" union all "),
  );
  return Object.fromEntries(counts.map(({ name, n }) => [String(name), Number(n)]));
}

export interface FuzzRequest {
  method: string;
  /** The URL path with its segments filled in (encoded). */
  path: string;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body?: { text: string; contentType: string };
}

const shorten = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
};

export interface FuzzTarget {
  /** The operation, e.g. POST /api/bids/[id]/withdraw. */
  name: string;
  origin: string;
  handler: Handler;
  requests: fc.Arbitrary<FuzzRequest>;
  rowCounts: () => Promise<Record<string, number>>;
  /** Tables a refusal may still change, each with why. */
  changesOnRefusal: Record<string, string>;
}

/**
 * Sends generated requests to one route handler and checks each answer: never a 5xx, and a 4xx stores nothing.
 * A failure names the seed, the request (long values cut short) and the response.
 */
export async function fuzzRoute(target: FuzzTarget): Promise<void> {
  const { numRuns, seed, verbose } = budget;
  const statuses = new Map<number, number>();
  const property = fc.asyncProperty(target.requests, async (request) => {
    const before = await target.rowCounts();
    const response = await call(target.handler, `${target.origin}${request.path}${request.query}`, {
      method: request.method,
      params: request.params,
      headers: {
        ...request.headers,
        ...(request.body ? { "content-type": request.body.contentType } : {}),
      },
      body: request.body?.text,
    });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    let answer = "";
    if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) await response.body?.cancel();
    else answer = await response.text();
    const what = () =>
      `${request.method} ${request.path}${request.query} params=${shorten(request.params)} headers=${shorten(
        request.headers,
      )} body=${shorten(request.body)} → ${response.status} ${answer.slice(0, 400)}`;
    if (response.status >= 500) throw new Error(`5xx: ${what()}`);
    if (response.status >= 400) {
      const after = await target.rowCounts();
      const changed = Object.keys(after).filter(
        (table) => after[table] !== before[table] && !(table in target.changesOnRefusal),
      );
      if (changed.length > 0) {
        const counts = changed.map((table) => `${table} ${before[table]} → ${after[table]}`).join(", ");
        throw new Error(`refused but stored (${counts}): ${what()}`);
      }
    }
  });
  await fc.assert(property, {
    numRuns,
    seed,
    // Shrinking re-sends requests against a database the earlier ones changed: slow, and rarely simpler to read.
    endOnFailure: true,
    reporter: (details) => {
      if (details.failed) {
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance;
        throw new Error(`seed ${details.seed}, path ${details.counterexamplePath}: ${error}`);
      }
    },
  });
  if (verbose) {
    const seen = [...statuses].sort(([a], [b]) => a - b).map(([status, times]) => `${status}×${times}`);
    console.log(`${target.name}: ${seen.join(" ")}`);
  }
}
