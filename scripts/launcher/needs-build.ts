import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** True when the app has no production build, or a source file it is built from changed since. */
export function needsBuild(appDir: string, sourceRoots: string[]): boolean {
  const buildId = join(appDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return sourceRoots.some((root) => newestMtime(root) > builtAt);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === ".next" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}
