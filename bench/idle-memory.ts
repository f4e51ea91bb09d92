/**
 * Idle memory of the whole local stack: `npm start`'s launcher, both portals (production builds) and the embedded
 * PostgreSQL, measured as PSS (proportional set size: shared pages split between the processes sharing them, so
 * PostgreSQL's shared buffers are not counted once per backend as RSS would).
 *
 *   npx tsx bench/idle-memory.ts            # uses a throwaway data directory and free ports
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@lotbridge/db/free-port";

const ROOT = join(import.meta.dirname, "..");
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 15);

function children(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry), ...children(Number(entry)));
    } catch {}
  }
  return found;
}

function pssKiB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function name(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const line = cmd.join(" ");
    if (line.includes("postgres")) return "postgres";
    if (line.includes("next-server") || line.includes("next start"))
      return `next (${readFileSync(`/proc/${pid}/cwd/package.json`, "utf8").match(/"name": "@lotbridge\/([^"]+)"/)?.[1] ?? "?"})`;
    if (line.includes("start.ts")) return "launcher";
    return cmd[0]?.split("/").pop() ?? "?";
  } catch {
    return "?";
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "lotbridge-bench-"));
// PostgreSQL runs as the `postgres` user when we are root; it must be able to enter the directory.
chmodSync(dataDir, 0o755);
const env = {
  ...process.env,
  LOTBRIDGE_DATA_DIR: dataDir,
  BUYER_PORT: String(await freePort()),
  PRODUCER_PORT: String(await freePort()),
  LOTBRIDGE_DB_PORT: String(await freePort()),
};
const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  cwd: ROOT,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
await new Promise<void>((resolve, reject) => {
  launcher.stdout.on("data", (chunk) => {
    output += chunk;
    if (output.includes("Press Ctrl-C")) resolve();
  });
  launcher.on("exit", () => reject(new Error(`the stack did not start:\n${output}`)));
});
process.stdout.write(`Stack is up; idling ${IDLE_SECONDS} s before measuring…\n`);
await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));

const byName = new Map<string, number>();
for (const pid of [launcher.pid ?? 0, ...children(launcher.pid ?? 0)]) {
  const label = name(pid);
  byName.set(label, (byName.get(label) ?? 0) + pssKiB(pid));
}
let total = 0;
for (const [label, kib] of [...byName].sort((a, b) => b[1] - a[1])) {
  total += kib;
  process.stdout.write(`${label.padEnd(24)} ${(kib / 1024).toFixed(0).padStart(6)} MiB\n`);
}
process.stdout.write(`${"total (PSS)".padEnd(24)} ${(total / 1024).toFixed(0).padStart(6)} MiB\n`);

launcher.kill("SIGINT");
await new Promise((r) => launcher.once("exit", r));
rmSync(dataDir, { recursive: true, force: true });
