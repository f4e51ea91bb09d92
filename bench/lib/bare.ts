import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { freePort } from "@lotbridge/db/free-port";
import { NEXT_BIN } from "../../e2e/harness/build-portals";
import { needsBuild } from "../../scripts/launcher/needs-build";

const APP = join(import.meta.dirname, "..", "bare");

export interface BareRoute {
  /** `GET` answers `{ ok: true }` and does nothing else. */
  url: string;
  stop(): Promise<void>;
}

/** Builds the bare app (bench/bare) with the repository's own `next`, when it has no build or its files changed. */
export function buildBare(): void {
  if (!needsBuild(APP, [join(APP, "app"), join(APP, "next.config.mjs")])) return;
  process.stdout.write("Building the bare Next.js app…\n");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: APP,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build of bench/bare failed");
}

/**
 * A bare Next.js route (the same `next`, production build, `next start`) on a free loopback port: the baseline every
 * throughput figure is divided by, measured in the same run on the same cores as what it is compared with.
 */
export async function startBareRoute(): Promise<BareRoute> {
  buildBare();
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const url = `http://127.0.0.1:${port}/api/ok`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bare app exited:\n${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the bare app did not answer within 60 s:\n${output}`);
}
