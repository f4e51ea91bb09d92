import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@lotbridge/db/free-port";
import { keepOutput } from "./run-log";

const ROOT = join(import.meta.dirname, "..", "..");

export interface Stack {
  buyerUrl: string;
  producerUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/** A data directory for one test's stacks, readable by the `postgres` user the embedded server runs as under root. */
export function makeDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "lotbridge-e2e-"));
  chmodSync(path, 0o755);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Starts the whole local stack the way a newcomer does (`npm start`'s entry, scripts/launch.mjs: embedded PostgreSQL, both portals as production
 * builds, demo data) on free ports, and resolves once it prints its sign-ins.
 */
export async function startStack(dataDir: string): Promise<Stack> {
  const buyerPort = await freePort();
  const producerPort = await freePort();
  const env = {
    ...process.env,
    LOTBRIDGE_DATA_DIR: dataDir,
    BUYER_PORT: String(buyerPort),
    PRODUCER_PORT: String(producerPort),
    LOTBRIDGE_DB_PORT: String(await freePort()),
    LOG_LEVEL: "warn",
  };
  const child: ChildProcess = spawn(process.execPath, ["--max-semi-space-size=1", "scripts/launch.mjs"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk) => {
      output += chunk;
      keepOutput(`npm-start-${buyerPort}`, chunk);
    });
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Press Ctrl-C")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    buyerUrl: `http://localhost:${buyerPort}`,
    producerUrl: `http://localhost:${producerPort}`,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGINT");
      }),
  };
}
