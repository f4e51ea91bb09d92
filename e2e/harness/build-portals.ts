import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { needsBuild } from "../../scripts/launcher/needs-build";

const ROOT = join(import.meta.dirname, "..", "..");
export const APPS = { buyer: join(ROOT, "apps", "buyer-portal"), producer: join(ROOT, "apps", "producer-portal") };
export const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
/** Held while building, so that two runs on one working copy (a bench and the browser suite) never build at once. */
const LOCK = join(ROOT, ".data", "build-portals.lock");

/** Production builds of both portals, made only when missing or older than their sources. */
export function buildPortals(): void {
  takeLock();
  try {
    for (const [name, dir] of Object.entries(APPS)) {
      if (!needsBuild(dir, [join(dir, "src"), join(ROOT, "packages"), join(dir, "next.config.ts")])) continue;
      process.stdout.write(`Building the ${name} portal for the browser and cross-process tests…\n`);
      const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
        cwd: dir,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: "inherit",
      });
      if (result.status !== 0) throw new Error(`next build of the ${name} portal failed`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function takeLock(): void {
  mkdirSync(join(ROOT, ".data"), { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock older than any build is left by a run that was killed.
      const age = Date.now() - (statSafe(LOCK) ?? Date.now());
      if (age > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (waited % 30 === 0) process.stdout.write("Waiting for another run's build of the portals…\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

function statSafe(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
