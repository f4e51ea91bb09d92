/**
 * Runs the benchmarks: `npm run bench` (all), `npm run bench -- intake search` (some), `--smoke` (each in seconds at
 * tiny sizes, as `npm test` does so that no bench rots). Every bench is a `bench/<name>.bench.ts` whose default export
 * measures, prints its table and its `BENCH {json}` line (lib/report.ts), and stops everything it started.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export interface BenchOptions {
  smoke: boolean;
}

const DIR = import.meta.dirname;
/** The order `npm run bench` runs them in: memory last, so that it can tell what the others left behind. */
const ORDER = ["intake", "search", "dispatch", "latency", "scaling", "memory"];
const args = process.argv.slice(2);
const smoke = args.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const available = readdirSync(DIR)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.slice(0, -".bench.ts".length))
  .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
const wanted = args.filter((arg) => !arg.startsWith("--"));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench ${unknown.join(", ")}: the benches are ${available.join(", ")}.\n`);
  process.exit(2);
}

/** Each bench is stopped past this; `BENCH_LIMIT_MINUTES` raises it (e.g. to measure older, slower code). */
const LIMIT_MINUTES =
  Number(process.env.BENCH_LIMIT_MINUTES) > 0 ? Number(process.env.BENCH_LIMIT_MINUTES) : smoke ? 5 : 20;
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  const started = performance.now();
  process.stdout.write(`\n▶ ${name}${smoke ? " (smoke)" : ""}…\n`);
  const bench = (await import(join(DIR, `${name}.bench.ts`))) as { default: (o: BenchOptions) => Promise<void> };
  const limit = setTimeout(() => {
    process.stderr.write(`✗ ${name} ran past ${LIMIT_MINUTES} minutes: stopped.\n`);
    process.exit(1);
  }, LIMIT_MINUTES * 60_000);
  try {
    await bench.default({ smoke });
    process.stdout.write(`✓ ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`✗ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  } finally {
    clearTimeout(limit);
  }
}
process.exit(failed ? 1 : 0);
