/**
 * `npm test`: the whole vitest suite, then every benchmark in smoke mode (seconds, tiny sizes) so that no bench rots.
 * Arguments go to vitest (`npm test -- apps/buyer-portal/src/app/api/bids`), and then the benches are left out.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const run = (command: string[]) =>
  spawnSync(process.execPath, command, { cwd: ROOT, stdio: "inherit", env: process.env }).status ?? 1;

const vitest = run([join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...args]);
if (vitest !== 0 || args.length > 0) process.exit(vitest);
process.stdout.write("\nBenchmarks in smoke mode (they prove each bench still runs; their figures mean nothing):\n");
process.exit(run(["--import", "tsx", join(ROOT, "bench", "run.ts"), "--smoke"]));
