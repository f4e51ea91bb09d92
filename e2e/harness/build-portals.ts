import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildLockPath, takeBuildLockSync } from "../../scripts/launcher/build-lock";
import { needsBuild } from "../../scripts/launcher/needs-build";

const ROOT = join(import.meta.dirname, "..", "..");
export const APPS = { buyer: join(ROOT, "apps", "buyer-portal"), producer: join(ROOT, "apps", "producer-portal") };
export const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Production builds of both portals, made only when missing or older than their sources. */
export function buildPortals(): void {
  const release = takeBuildLockSync(buildLockPath(ROOT), (line) => process.stdout.write(`${line}\n`));
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
    release();
  }
}
